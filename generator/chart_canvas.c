/*
 * chart_canvas: the picture of a chart, in CSS pixel coordinates on an
 * image of scale times as many pixels, and its PNG bytes.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gd.h>
#include <png.h>

#include "buf.h"
#include "chart_int.h"
#include "utf8.h"
#include "util.h"

void
chart_cv_init(struct chart_canvas *cv, int W, int H, int scale,
	      struct chart_face *fc)
{
	int x, y;

	memset(cv, 0, sizeof(*cv));
	cv->W = W;
	cv->H = H;
	cv->scale = scale;
	/* 16 samples a pixel on screen, 9 at 2x, 4 in print */
	cv->ss = scale == 1 ? 4 : scale == 2 ? 3 : 2;
	cv->fc = fc;
	cv->out = gdImageCreateTrueColor(W * scale, H * scale);
	if (!cv->out)
		die("out of memory for a %dx%d chart", W * scale, H * scale);
	gdImageAlphaBlending(cv->out, 0);
	for (y = 0; y < cv->out->sy; y++) {
		int *row = cv->out->tpixels[y];

		for (x = 0; x < cv->out->sx; x++)
			row[x] = INK_WHITE;
	}
}

void
chart_cv_release(struct chart_canvas *cv)
{
	size_t i;

	if (cv->out)
		gdImageDestroy(cv->out);
	for (i = 0; i < cv->nops; i++)
		free(cv->ops[i].s);
	free(cv->ops);
}

/* A CSS coordinate on the output pixel grid. */
static int
chart_cv_snap(const struct chart_canvas *cv, double v)
{
	return (int)lround(v * cv->scale);
}

static void
chart_cv_fill(struct chart_canvas *cv, int x0, int y0, int x1, int y1,
	      unsigned rgb)
{
	int x, y;

	if (x0 < 0)
		x0 = 0;
	if (y0 < 0)
		y0 = 0;
	if (x1 > cv->out->sx)
		x1 = cv->out->sx;
	if (y1 > cv->out->sy)
		y1 = cv->out->sy;
	for (y = y0; y < y1; y++) {
		int *row = cv->out->tpixels[y];

		for (x = x0; x < x1; x++)
			row[x] = (int)rgb;
	}
}

/* Blend rgb over pixel p with coverage a (0 to 255). */
static int
chart_blend(int p, unsigned rgb, unsigned a)
{
	unsigned pr = ((unsigned)p >> 16) & 0xFF, pg = ((unsigned)p >> 8) & 0xFF,
		 pb = (unsigned)p & 0xFF;

	pr = (pr * (255 - a) + ((rgb >> 16) & 0xFF) * a + 127) / 255;
	pg = (pg * (255 - a) + ((rgb >> 8) & 0xFF) * a + 127) / 255;
	pb = (pb * (255 - a) + (rgb & 0xFF) * a + 127) / 255;
	return (int)((pr << 16) | (pg << 8) | pb);
}

/* Rectangle [x0, x1) x [y0, y1) in CSS px, edges on output pixels. */
void
chart_cv_rect(struct chart_canvas *cv, double x0, double y0, double x1,
	      double y1, unsigned rgb)
{
	int a = chart_cv_snap(cv, x0 < x1 ? x0 : x1);
	int b = chart_cv_snap(cv, y0 < y1 ? y0 : y1);
	int c = chart_cv_snap(cv, x0 < x1 ? x1 : x0);
	int d = chart_cv_snap(cv, y0 < y1 ? y1 : y0);

	chart_cv_fill(cv, a, b, c, d, rgb);
}

/* A line one output pixel thick at least, snapped: grid and axes. */
void
chart_cv_hline(struct chart_canvas *cv, double x0, double x1, double y,
	       double thick, unsigned rgb)
{
	int t = (int)lround(thick * cv->scale);
	int yy;

	if (t < 1)
		t = 1;
	yy = (int)lround(y * cv->scale - t / 2.0);
	chart_cv_fill(cv, chart_cv_snap(cv, x0), yy, chart_cv_snap(cv, x1),
		      yy + t, rgb);
}

void
chart_cv_vline(struct chart_canvas *cv, double x, double y0, double y1,
	       double thick, unsigned rgb)
{
	int t = (int)lround(thick * cv->scale);
	int xx;

	if (t < 1)
		t = 1;
	xx = (int)lround(x * cv->scale - t / 2.0);
	chart_cv_fill(cv, xx, chart_cv_snap(cv, y0), xx + t,
		      chart_cv_snap(cv, y1), rgb);
}

/*
 * A filled polygon with smooth edges: drawn ss times finer, one byte a
 * sample, into a mask over its bounding box; each output pixel takes the
 * colour in proportion to the samples inside.
 */
void
chart_cv_poly(struct chart_canvas *cv, const double *xy, size_t n,
	      unsigned rgb)
{
	double k = cv->scale, minx = xy[0] * k, maxx = minx, miny = xy[1] * k,
	       maxy = miny;
	int ss = cv->ss, bx0, by0, bx1, by1, w, h, x, y, i2, j, full = ss * ss;
	gdImagePtr m;
	gdPoint *pts;
	size_t i;

	for (i = 1; i < n; i++) {
		double px = xy[2 * i] * k, py = xy[2 * i + 1] * k;

		minx = px < minx ? px : minx;
		maxx = px > maxx ? px : maxx;
		miny = py < miny ? py : miny;
		maxy = py > maxy ? py : maxy;
	}
	bx0 = (int)floor(minx) - 1;
	by0 = (int)floor(miny) - 1;
	bx1 = (int)ceil(maxx) + 1;
	by1 = (int)ceil(maxy) + 1;
	bx0 = bx0 < 0 ? 0 : bx0;
	by0 = by0 < 0 ? 0 : by0;
	bx1 = bx1 > cv->out->sx ? cv->out->sx : bx1;
	by1 = by1 > cv->out->sy ? cv->out->sy : by1;
	w = bx1 - bx0;
	h = by1 - by0;
	if (w <= 0 || h <= 0)
		return;
	m = gdImageCreate(w * ss, h * ss);
	if (!m)
		die("out of memory for a %dx%d mask", w * ss, h * ss);
	gdImageColorAllocate(m, 0, 0, 0);       /* index 0: outside */
	gdImageColorAllocate(m, 255, 255, 255); /* index 1: inside */
	pts = xcalloc(n, sizeof(*pts));
	for (i = 0; i < n; i++) {
		/* sample centres: a sample is inside when its centre is */
		pts[i].x = (int)lround((xy[2 * i] * k - bx0) * ss - 0.5);
		pts[i].y = (int)lround((xy[2 * i + 1] * k - by0) * ss - 0.5);
	}
	gdImageFilledPolygon(m, pts, (int)n, 1);
	free(pts);
	for (y = 0; y < h; y++) {
		int *row = cv->out->tpixels[by0 + y];

		for (x = 0; x < w; x++) {
			int cover = 0;

			for (j = 0; j < ss; j++) {
				const unsigned char *s = m->pixels[y * ss + j] + x * ss;

				for (i2 = 0; i2 < ss; i2++)
					cover += s[i2];
			}
			if (cover)
				row[bx0 + x] = chart_blend(row[bx0 + x], rgb,
							   (unsigned)((cover * 255 + full / 2) / full));
		}
	}
	gdImageDestroy(m);
}

/* A segment of width w with square ends. */
void
chart_cv_line(struct chart_canvas *cv, double x0, double y0, double x1,
	      double y1, double w, unsigned rgb)
{
	double dx = x1 - x0, dy = y1 - y0, len = sqrt(dx * dx + dy * dy);
	double nx, ny, q[8];

	if (len <= 0)
		return;
	nx = -dy / len * w / 2;
	ny = dx / len * w / 2;
	q[0] = x0 + nx, q[1] = y0 + ny;
	q[2] = x1 + nx, q[3] = y1 + ny;
	q[4] = x1 - nx, q[5] = y1 - ny;
	q[6] = x0 - nx, q[7] = y0 - ny;
	chart_cv_poly(cv, q, 4, rgb);
}

void
chart_cv_circle(struct chart_canvas *cv, double cx, double cy, double r,
		unsigned rgb)
{
	double xy[2 * 48];
	int i;

	for (i = 0; i < 48; i++) {
		xy[2 * i] = cx + r * cos(i * M_PI / 24);
		xy[2 * i + 1] = cy + r * sin(i * M_PI / 24);
	}
	chart_cv_poly(cv, xy, 48, rgb);
}

/* A dashed segment: dash and gap lengths in CSS px. */
void
chart_cv_dashed(struct chart_canvas *cv, double x0, double y0, double x1,
		double y1, double w, double dash, double gap, unsigned rgb)
{
	double dx = x1 - x0, dy = y1 - y0, len = sqrt(dx * dx + dy * dy), t;

	for (t = 0; t < len; t += dash + gap) {
		double e = t + dash < len ? t + dash : len;

		chart_cv_line(cv, x0 + dx * t / len, y0 + dy * t / len,
			      x0 + dx * e / len, y0 + dy * e / len, w, rgb);
	}
}

/*
 * Queue text whose em box starts at top y; x is its left edge, centre or
 * right edge after align. Returns its width.
 */
double
chart_cv_text(struct chart_canvas *cv, const char *s, double x, double y,
	      double px, int bold, int align, unsigned rgb)
{
	struct chart_textop *op;

	cv->ops = xgrow(cv->ops, &cv->opscap, cv->nops + 1, sizeof(*cv->ops));
	op = &cv->ops[cv->nops++];
	op->s = xstrdup(s);
	op->x = x;
	op->y = y;
	op->px = px;
	op->bold = bold;
	op->align = align;
	op->rgb = rgb;
	return chart_width(cv->fc, s, px, bold);
}

/* Several lines (separated by '\n'), line height lh. */
void
chart_cv_lines(struct chart_canvas *cv, const char *s, double x, double y,
	       double px, double lh, int bold, int align, unsigned rgb)
{
	const char *p = s;

	for (;;) {
		const char *e = strchr(p, '\n');
		char *line = e ? xstrndup(p, (size_t)(e - p)) : xstrdup(p);

		chart_cv_text(cv, line, x, y, px, bold, align, rgb);
		free(line);
		if (!e)
			break;
		p = e + 1;
		y += lh;
	}
}

double
chart_cv_width(struct chart_canvas *cv, const char *s, double px, int bold)
{
	return chart_width(cv->fc, s, px, bold);
}

static void
chart_cv_glyphs(struct chart_canvas *cv, const struct chart_textop *op)
{
	double px = op->px * cv->scale;
	int px64 = (int)lround(px * 64);
	double w = chart_width(cv->fc, op->s, px, op->bold);
	double pen = op->x * cv->scale;
	int base = (int)lround((op->y + op->px * EM_ASCENT) * cv->scale);
	size_t off = 0, len = strlen(op->s);

	if (op->align == AL_CENTER)
		pen -= w / 2;
	else if (op->align == AL_RIGHT)
		pen -= w;
	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(op->s + off, len - off, &cp);
		struct chart_glyph *g;
		int gx, gy, r, c;

		off += n ? n : 1;
		g = chart_glyph(cv->fc, cp, px64, op->bold);
		gx = (int)lround(pen) + g->left;
		gy = base - g->top;
		for (r = 0; r < g->h; r++) {
			int y = gy + r, *row;

			if (y < 0 || y >= cv->out->sy)
				continue;
			row = cv->out->tpixels[y];
			for (c = 0; c < g->w; c++) {
				unsigned a = g->bits[r * g->w + c];
				int x = gx + c;

				if (a && x >= 0 && x < cv->out->sx)
					row[x] = chart_blend(row[x], op->rgb, a);
			}
		}
		pen += chart_advance(cv->fc, cp, op->bold) * px;
	}
}

/* "暂无数据" in the middle of the box: a chart with nothing to show. */
void
chart_cv_empty(struct chart_canvas *cv, double x0, double y0, double x1,
	       double y1)
{
	chart_cv_text(cv, "暂无数据", (x0 + x1) / 2, (y0 + y1) / 2 - 8, 16, 0,
		      AL_CENTER, INK_MUTED);
}

/* Draw the queued text, over every shape. */
void
chart_cv_finish(struct chart_canvas *cv)
{
	size_t i;

	for (i = 0; i < cv->nops; i++)
		chart_cv_glyphs(cv, &cv->ops[i]);
}

void
chart_arc(double *xy, size_t *n, double cx, double cy, double r, double a0,
	  double a1)
{
	int steps = (int)ceil(fabs(a1 - a0) / (M_PI / 180)) + 1, i;

	for (i = 0; i <= steps; i++) {
		double a = a0 + (a1 - a0) * i / steps;

		xy[2 * *n] = cx + r * cos(a);
		xy[2 * *n + 1] = cy + r * sin(a);
		(*n)++;
	}
}

/*
 * PNG through libpng rather than gdImagePngPtrEx: libgd leaves libpng to
 * try all five filters on every row, which took more than half the time
 * of a chart; the "up" filter alone costs a third of that and, for
 * charts' flat colours, compresses as well. Level and filter are fixed, and
 * no time is written, so the same picture gives the same bytes. Errors here
 * can only be out of memory, which is fatal as everywhere else.
 */
static void
chart_png_write(png_structp p, png_bytep data, png_size_t len)
{
	buf_add(png_get_io_ptr(p), data, len);
}

static void
chart_png_flush(png_structp p)
{
	(void)p;
}

static void
chart_png_error(png_structp p, png_const_charp msg)
{
	(void)p;
	die("cannot encode a PNG: %s", msg);
}

static void
chart_png_warning(png_structp p, png_const_charp msg)
{
	(void)p;
	(void)msg;
}

void
chart_png(gdImagePtr im, int scale, struct buf *out)
{
	png_structp p;
	png_infop info;
	unsigned char *row;
	/* 96 CSS pixels an inch, in pixels a metre */
	png_uint_32 ppm = (png_uint_32)lround(96.0 * scale / 0.0254);
	int x, y;

	p = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL,
				    chart_png_error, chart_png_warning);
	if (!p)
		die("out of memory for a PNG");
	info = png_create_info_struct(p);
	if (!info)
		die("out of memory for a PNG");
	png_set_write_fn(p, out, chart_png_write, chart_png_flush);
	png_set_filter(p, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
	png_set_compression_level(p, 6);
	png_set_IHDR(p, info, (png_uint_32)im->sx, (png_uint_32)im->sy, 8,
		     PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
		     PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
	png_set_pHYs(p, info, ppm, ppm, PNG_RESOLUTION_METER);
	png_write_info(p, info);
	row = xmalloc((size_t)im->sx * 3);
	for (y = 0; y < im->sy; y++) {
		const int *src = im->tpixels[y];

		for (x = 0; x < im->sx; x++) {
			row[3 * x] = (unsigned char)(src[x] >> 16);
			row[3 * x + 1] = (unsigned char)(src[x] >> 8);
			row[3 * x + 2] = (unsigned char)src[x];
		}
		png_write_row(p, row);
	}
	png_write_end(p, info);
	png_destroy_write_struct(&p, &info);
	free(row);
}
