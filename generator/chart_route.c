/*
 * chart_route: a demonstration belt or red street as a schematic line,
 * its layout (which the tests read back) and its drawing.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart_int.h"
#include "utf8.h"
#include "util.h"

/*
 * Route: a belt's points as numbered stations on the Party-red line, in
 * rows that snake left to right, then right to left, joined by rounded
 * turns in the margins. Every station has a column of its own, so that
 * its name, wrapped under it, never meets its neighbours'; a section is
 * a tinted band behind its stations with its name at the top. The rows,
 * the room for names and the height follow from the points and the width
 * alone (not the font), so chart_size() knows the height that
 * chart_render() draws: text that would not fit its room is wrapped and
 * ends in "…" instead.
 */
#define ROUTE_SLOT 110.0  /* the narrowest column of a station */
#define ROUTE_APART 14.0  /* at least between names: more than a character */
#define ROUTE_SIDE 30.0   /* room at each side for the turns */
#define ROUTE_CORNER 14.0 /* radius of the line's corners */
#define ROUTE_R 11.0      /* a station's ring */
#define ROUTE_RT 13.0     /* the start's and the end's */
#define ROUTE_LW 6.0      /* the line */
#define ROUTE_STRIP 24.0  /* over the line: section names */
#define ROUTE_GAP 12.0    /* between rows */
#define ROUTE_LH (PX_LABEL * 1.3)
#define ROUTE_NAME_LINES 3
#define ROUTE_PX_TAG 12.0
#define ROUTE_EMPTY 120.0 /* the body of a route with no points */

struct route_geom {
	double W, H;
	size_t n, k, rows; /* points, stations a row, rows */
	int lines;         /* the most lines of a name */
	int *row_lines;    /* room for so many lines of each name, a row */
	double *row_top;   /* of each row's band */
	int title_lines, foot_lines;
	double x0, x1, slot; /* the stations' columns */
	double title_y, sub_y, top, line_dy, foot_y;
};

static void
route_geom(const struct chart *c, int W, struct route_geom *g)
{
	double area, y;
	size_t kmax, i;

	memset(g, 0, sizeof(*g));
	g->W = W;
	g->n = c->ncats;
	g->x0 = PAD + ROUTE_SIDE;
	g->x1 = W - PAD - ROUTE_SIDE;
	area = g->x1 - g->x0;
	kmax = area > 2 * ROUTE_SLOT ? (size_t)(area / ROUTE_SLOT) : 2;
	/* as few rows as the width allows, filled evenly */
	g->rows = (g->n + kmax - 1) / kmax;
	g->k = g->rows ? (g->n + g->rows - 1) / g->rows : 1;
	g->slot = area / (double)g->k;
	g->lines = 1;
	g->row_lines = xcalloc(g->rows + 1, sizeof(*g->row_lines));
	g->row_top = xcalloc(g->rows + 1, sizeof(*g->row_top));
	for (i = 0; i < g->n; i++) {
		int l = chart_est_lines(c->cats[i], PX_LABEL,
					g->slot - ROUTE_APART, ROUTE_NAME_LINES);

		if (l > g->row_lines[i / g->k])
			g->row_lines[i / g->k] = l;
		if (l > g->lines)
			g->lines = l;
	}
	y = PAD;
	g->title_y = y;
	if (c->title) {
		g->title_lines = chart_est_lines(c->title, PX_TITLE, W - 2 * PAD,
						 2);
		y += g->title_lines * PX_TITLE * 1.4;
	}
	g->sub_y = y;
	if (g->n)
		y += PX_SMALL * 1.45;
	g->top = ceil(y + 16);
	g->line_dy = (c->nsect ? ROUTE_STRIP : 6) + ROUTE_RT;
	/* whole pixels, so that the line's edges are sharp */
	y = g->top;
	for (i = 0; i <= g->rows; i++) {
		g->row_top[i] = y;
		y += ceil(g->line_dy + ROUTE_RT + 6 +
			  g->row_lines[i] * ROUTE_LH + 6) + ROUTE_GAP;
	}
	y = g->rows ? g->row_top[g->rows] - ROUTE_GAP : g->top + ROUTE_EMPTY;
	if (c->source) {
		struct buf t = BUF_INIT;

		buf_addf(&t, "数据来源：%s", c->source);
		g->foot_lines = chart_est_lines(t.ptr, PX_SMALL, W - 2 * PAD, 2);
		buf_release(&t);
		y += 14;
		g->foot_y = y;
		y += (g->foot_lines - 1) * PX_SMALL * 1.45 + PX_SMALL;
	}
	g->H = ceil(y + PAD);
}

static void
route_geom_release(struct route_geom *g)
{
	free(g->row_lines);
	free(g->row_top);
}

int
chart_route_height(const struct chart *c, int width)
{
	struct route_geom g;
	int h;

	route_geom(c, width, &g);
	h = (int)g.H;
	route_geom_release(&g);
	return h;
}

/* The top of row r's band; its bottom. */
static double
route_row_top(const struct route_geom *g, size_t r)
{
	return g->row_top[r];
}

static double
route_row_bottom(const struct route_geom *g, size_t r)
{
	return g->row_top[r + 1] - ROUTE_GAP;
}

struct route_lay {
	struct route_geom g;
	double *sx, *sy; /* station centres */
	struct chart_part_box *parts;
	size_t nparts, partcap;
};

static void
route_part(struct route_lay *L, enum chart_part part, size_t index,
	   double x0, double y0, double x1, double y1, char *text)
{
	struct chart_part_box *b;

	L->parts = xgrow(L->parts, &L->partcap, L->nparts + 1,
			 sizeof(*L->parts));
	b = &L->parts[L->nparts++];
	b->part = part;
	b->index = index;
	b->x0 = x0;
	b->y0 = y0;
	b->x1 = x1;
	b->y1 = y1;
	b->text = text;
}

/* The widest of the lines of s, and their number. */
static double
route_text_extent(struct chart_face *fc, const char *s, double px, int bold,
		  int *lines)
{
	double w = 0;
	int n = 1;

	for (;;) {
		const char *e = strchr(s, '\n');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		double lw = chart_width_n(fc, s, len, px, bold);

		if (lw > w)
			w = lw;
		if (!e)
			break;
		s = e + 1;
		n++;
	}
	*lines = n;
	return w;
}

/* A section's tint, for its band, and the ink of its name on the tint. */
static unsigned
chart_mix(unsigned a, unsigned b, double t)
{
	unsigned r = 0;
	int sh;

	for (sh = 16; sh >= 0; sh -= 8) {
		double ca = (a >> sh) & 0xFF, cb = (b >> sh) & 0xFF;

		r |= (unsigned)lround(ca + (cb - ca) * t) << sh;
	}
	return r;
}

static void
route_section_colors(size_t sect, unsigned *tint, unsigned *ink)
{
	unsigned base = chart_palette_rgb((sect - 1) % chart_palette_size());
	int i;

	*tint = chart_mix(base, INK_WHITE, 0.9);
	*ink = base;
	for (i = 0; i <= 20 && chart_contrast(*ink, *tint) < 4.5; i++)
		*ink = chart_mix(base, 0x000000, i * 0.05);
}

/* The section bands of every row and the names on them. */
static void
route_sections(struct route_lay *L, const struct chart *c,
	       struct chart_face *fc)
{
	const struct route_geom *g = &L->g;
	struct band {
		size_t sect, run, row;
		double x0, x1, top;
		double free; /* where its name must end, at the latest */
	} *b = xcalloc(g->n ? g->n : 1, sizeof(*b));
	size_t nb = 0, i, j, run = 0;

	/* a band: the stations of a row in one section, one after another */
	for (i = 0; i < g->n; i++) {
		size_t s = chart_point_section(c, i), row = i / g->k;
		double lo = L->sx[i] - g->slot / 2 + 3, hi = L->sx[i] + g->slot / 2 - 3;

		if (i && s != chart_point_section(c, i - 1))
			run++;
		if (!s)
			continue;
		if (nb && b[nb - 1].run == run && i / g->k == (i - 1) / g->k) {
			b[nb - 1].x0 = lo < b[nb - 1].x0 ? lo : b[nb - 1].x0;
			b[nb - 1].x1 = hi > b[nb - 1].x1 ? hi : b[nb - 1].x1;
			continue;
		}
		b[nb].sect = s;
		b[nb].run = run;
		b[nb].x0 = lo;
		b[nb].x1 = hi;
		b[nb].top = route_row_top(g, row);
		b[nb].row = row;
		nb++;
	}
	for (i = 0; i < nb; i++)
		route_part(L, CHART_PART_BAND, b[i].sect, b[i].x0, b[i].top,
			   b[i].x1, route_row_bottom(g, b[i].row), NULL);
	/*
	 * A band's name may run on past its end, over the free strip up to
	 * the next band of the row (or the turn).
	 */
	for (i = 0; i < nb; i++) {
		b[i].free = g->x1 + 2;
		for (j = 0; j < nb; j++)
			if (b[j].row == b[i].row && b[j].x0 > b[i].x0 &&
			    b[j].x0 - 6 < b[i].free)
				b[i].free = b[j].x0 - 6;
	}
	/*
	 * Its name on every band of a run that has room for the whole of it;
	 * when none has, on the one with the most room, past its end, and
	 * shortened if it must be.
	 */
	for (i = 0; i < nb; i = j) {
		const char *name = c->sect[b[i].sect - 1];
		double tw = chart_width(fc, name, ROUTE_PX_TAG, 1);
		size_t widest = i, k;
		int any = 0;

		for (j = i; j < nb && b[j].run == b[i].run; j++) {
			if (b[j].free - b[j].x0 > b[widest].free - b[widest].x0)
				widest = j;
			any |= b[j].x1 - b[j].x0 - 12 >= tw;
		}
		for (k = i; k < j; k++) {
			struct buf t = BUF_INIT;
			double room = b[k].x1 - b[k].x0 - 12, w;
			int nl;

			if (any ? room < tw : k != widest)
				continue;
			if (!any)
				room = b[k].free - b[k].x0 - 6;
			chart_wrap(fc, name, ROUTE_PX_TAG, 1, room, 1, &t);
			w = route_text_extent(fc, t.ptr, ROUTE_PX_TAG, 1, &nl);
			route_part(L, CHART_PART_SECTION, b[k].sect, b[k].x0 + 6,
				   b[k].top + 6, b[k].x0 + 6 + w,
				   b[k].top + 6 + ROUTE_PX_TAG,
				   buf_detach(&t, NULL));
		}
	}
	free(b);
}

/* 起点 beside the first station, 终点 beside the last, where the line is not. */
static void
route_markers(struct route_lay *L, struct chart_face *fc)
{
	const struct route_geom *g = &L->g;
	static const char *const text[2] = { "起点", "终点" };
	int m;

	for (m = 0; m < 2; m++) {
		size_t i = m ? g->n - 1 : 0, row = i / g->k;
		double w = chart_width(fc, text[m], ROUTE_PX_TAG, 1) + 14, x0;
		/* the line comes from the left of the start; the end's goes on */
		int right = m && row % 2 == 0;

		x0 = right ? L->sx[i] + ROUTE_RT + 5 : L->sx[i] - ROUTE_RT - 5 - w;
		route_part(L, CHART_PART_MARKER, (size_t)m, x0, L->sy[i] - 10,
			   x0 + w, L->sy[i] + 10, xstrdup(text[m]));
	}
}

static void
route_layout(struct route_lay *L, const struct chart *c, struct chart_face *fc,
	     int W)
{
	struct route_geom *g = &L->g;
	struct buf t = BUF_INIT;
	double w;
	size_t i;
	int nl;

	memset(L, 0, sizeof(*L));
	route_geom(c, W, g);
	if (c->title) {
		chart_wrap(fc, c->title, PX_TITLE, 1, W - 2 * PAD, g->title_lines,
			   &t);
		w = route_text_extent(fc, t.ptr, PX_TITLE, 1, &nl);
		route_part(L, CHART_PART_TITLE, 0, PAD, g->title_y, PAD + w,
			   g->title_y + (nl - 1) * PX_TITLE * 1.4 + PX_TITLE,
			   buf_detach(&t, NULL));
	}
	if (g->n) {
		buf_addf(&t, "共%zu个点位", g->n);
		if (c->nsect)
			buf_addf(&t, "，分为%zu段", c->nsect);
		w = chart_width(fc, t.ptr, PX_SMALL, 0);
		route_part(L, CHART_PART_TITLE, 1, PAD, g->sub_y, PAD + w,
			   g->sub_y + PX_SMALL, buf_detach(&t, NULL));
	}
	L->sx = xcalloc(g->n ? g->n : 1, sizeof(double));
	L->sy = xcalloc(g->n ? g->n : 1, sizeof(double));
	for (i = 0; i < g->n; i++) {
		size_t row = i / g->k, col = i % g->k;
		double off = g->slot * ((double)col + 0.5);

		/* whole pixels: every ring is drawn alike */
		L->sx[i] = round(row % 2 ? g->x1 - off : g->x0 + off);
		L->sy[i] = route_row_top(g, row) + g->line_dy;
	}
	route_sections(L, c, fc);
	for (i = 0; i < g->n; i++) {
		double r = i == 0 || i + 1 == g->n ? ROUTE_RT : ROUTE_R;
		double top = L->sy[i] + ROUTE_RT + 6;

		route_part(L, CHART_PART_STATION, i, L->sx[i] - r, L->sy[i] - r,
			   L->sx[i] + r, L->sy[i] + r, NULL);
		chart_wrap_even(fc, c->cats[i], PX_LABEL, 0,
				g->slot - ROUTE_APART, g->row_lines[i / g->k], &t);
		w = route_text_extent(fc, t.ptr, PX_LABEL, 0, &nl);
		route_part(L, CHART_PART_NAME, i, L->sx[i] - w / 2, top,
			   L->sx[i] + w / 2,
			   top + (nl - 1) * ROUTE_LH + PX_LABEL,
			   buf_detach(&t, NULL));
	}
	if (g->n)
		route_markers(L, fc);
	if (c->source) {
		buf_addf(&t, "数据来源：%s", c->source);
		{
			struct buf lines = BUF_INIT;

			chart_wrap(fc, t.ptr, PX_SMALL, 0, W - 2 * PAD,
				   g->foot_lines, &lines);
			w = route_text_extent(fc, lines.ptr, PX_SMALL, 0, &nl);
			route_part(L, CHART_PART_SOURCE, 0, PAD, g->foot_y, PAD + w,
				   g->foot_y + (nl - 1) * PX_SMALL * 1.45 + PX_SMALL,
				   buf_detach(&lines, NULL));
		}
		buf_release(&t);
	}
}

static void
route_layout_release(struct route_lay *L)
{
	size_t i;

	for (i = 0; i < L->nparts; i++)
		free(L->parts[i].text);
	free(L->parts);
	free(L->sx);
	free(L->sy);
	route_geom_release(&L->g);
}

/* A quarter of the line's ring around (cx, cy), from angle a0 to a1. */
static void
route_corner(struct chart_canvas *cv, double cx, double cy, double a0,
	     double a1)
{
	double xy[2 * 2 * 100];
	size_t n = 0;

	chart_arc(xy, &n, cx, cy, ROUTE_CORNER + ROUTE_LW / 2, a0, a1);
	chart_arc(xy, &n, cx, cy, ROUTE_CORNER - ROUTE_LW / 2, a1, a0);
	chart_cv_poly(cv, xy, n, chart_palette_rgb(0));
}

/* The line: straight along each row, round at the turns. */
static void
route_line(struct chart_canvas *cv, const struct route_lay *L)
{
	const struct route_geom *g = &L->g;
	double xr = g->x1 + 12, xl = g->x0 - 12, h = ROUTE_LW / 2;
	unsigned red = chart_palette_rgb(0);
	size_t r;

	for (r = 0; r < g->rows; r++) {
		size_t a = r * g->k, b = (r + 1) * g->k;
		double lo, hi, y = L->sy[a];
		int ltr = r % 2 == 0;

		if (b > g->n)
			b = g->n;
		lo = ltr ? L->sx[a] : L->sx[b - 1];
		hi = ltr ? L->sx[b - 1] : L->sx[a];
		/* in from the turn before, out to the turn after */
		if (r > 0) {
			if (ltr)
				lo = xl + ROUTE_CORNER;
			else
				hi = xr - ROUTE_CORNER;
		}
		if (r + 1 < g->rows) {
			double y2 = L->sy[b];

			if (ltr) {
				hi = xr - ROUTE_CORNER;
				route_corner(cv, hi, y + ROUTE_CORNER, -M_PI / 2, 0);
				chart_cv_rect(cv, xr - h, y + ROUTE_CORNER, xr + h,
					      y2 - ROUTE_CORNER, red);
				route_corner(cv, hi, y2 - ROUTE_CORNER, 0, M_PI / 2);
			} else {
				lo = xl + ROUTE_CORNER;
				route_corner(cv, lo, y + ROUTE_CORNER, -M_PI / 2,
					     -M_PI);
				chart_cv_rect(cv, xl - h, y + ROUTE_CORNER, xl + h,
					      y2 - ROUTE_CORNER, red);
				route_corner(cv, lo, y2 - ROUTE_CORNER, M_PI,
					     M_PI / 2);
			}
		}
		if (hi > lo)
			chart_cv_rect(cv, lo, y - h, hi, y + h, red);
	}
}

/* A pill: a rectangle with round ends. */
static void
route_pill(struct chart_canvas *cv, const struct chart_part_box *b,
	   unsigned rgb)
{
	double xy[2 * 2 * 200], r = (b->y1 - b->y0) / 2, cy = (b->y0 + b->y1) / 2;
	size_t n = 0;

	chart_arc(xy, &n, b->x0 + r, cy, r, M_PI / 2, 3 * M_PI / 2);
	chart_arc(xy, &n, b->x1 - r, cy, r, -M_PI / 2, M_PI / 2);
	chart_cv_poly(cv, xy, n, rgb);
}

void
chart_route_draw(const struct chart *c, struct chart_canvas *cv, double W)
{
	struct route_lay L;
	struct buf num = BUF_INIT;
	unsigned red = chart_palette_rgb(0), gold = chart_palette_rgb(1);
	size_t i;

	route_layout(&L, c, cv->fc, (int)W);
	/* bands under everything, the line, then the stations over it */
	for (i = 0; i < L.nparts; i++) {
		const struct chart_part_box *b = &L.parts[i];
		unsigned tint, ink;

		if (b->part != CHART_PART_BAND)
			continue;
		route_section_colors(b->index, &tint, &ink);
		chart_cv_rect(cv, b->x0, b->y0, b->x1, b->y1, tint);
	}
	route_line(cv, &L);
	for (i = 0; i < L.nparts; i++) {
		const struct chart_part_box *b = &L.parts[i];
		double cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;
		double r = (b->x1 - b->x0) / 2, px;
		unsigned tint, ink;
		int term;

		switch (b->part) {
		case CHART_PART_STATION:
			term = b->index == 0 || b->index + 1 == L.g.n;
			px = term ? 12 : 11;
			chart_cv_circle(cv, cx, cy, r, gold);
			chart_cv_circle(cv, cx, cy, r - 3, term ? red : INK_WHITE);
			buf_reset(&num);
			buf_addf(&num, "%zu", b->index + 1);
			chart_cv_text(cv, num.ptr, cx, cy - px * 0.53, px, 1,
				      AL_CENTER, term ? INK_WHITE : INK_TITLE);
			break;
		case CHART_PART_NAME:
			chart_cv_lines(cv, b->text, cx, b->y0, PX_LABEL, ROUTE_LH, 0,
				       AL_CENTER, INK_TEXT);
			break;
		case CHART_PART_SECTION:
			route_section_colors(b->index, &tint, &ink);
			chart_cv_text(cv, b->text, b->x0, b->y0, ROUTE_PX_TAG, 1,
				      AL_LEFT, ink);
			break;
		case CHART_PART_MARKER:
			route_pill(cv, b, red);
			chart_cv_text(cv, b->text, cx, cy - ROUTE_PX_TAG / 2,
				      ROUTE_PX_TAG, 1, AL_CENTER, INK_WHITE);
			break;
		case CHART_PART_TITLE:
			if (b->index == 0)
				chart_cv_lines(cv, b->text, b->x0, b->y0, PX_TITLE,
					       PX_TITLE * 1.4, 1, AL_LEFT, INK_TITLE);
			else
				chart_cv_text(cv, b->text, b->x0, b->y0, PX_SMALL, 0,
					      AL_LEFT, INK_MUTED);
			break;
		case CHART_PART_SOURCE:
			chart_cv_lines(cv, b->text, b->x0, b->y0, PX_SMALL,
				       PX_SMALL * 1.45, 0, AL_LEFT, INK_MUTED);
			break;
		case CHART_PART_BAND:
			break;
		}
	}
	if (!L.g.n)
		chart_cv_empty(cv, PAD, L.g.top, W - PAD, L.g.top + ROUTE_EMPTY);
	buf_release(&num);
	route_layout_release(&L);
}

void
chart_route_layout(const struct chart *c, struct chart_fonts *f,
		   struct chart_route_layout *out)
{
	struct chart_face *fc = chart_face_take(f);
	struct route_lay L;
	int W = chart_css_width(c);

	route_layout(&L, c, fc, W);
	memset(out, 0, sizeof(*out));
	out->width = W;
	out->height = (int)L.g.H;
	out->rows = L.g.rows;
	out->per_row = L.g.n ? L.g.k : 0;
	out->name_lines = L.g.lines;
	out->parts = L.parts;
	out->nparts = L.nparts;
	L.parts = NULL;
	L.nparts = 0;
	route_layout_release(&L);
	chart_face_give(f, fc);
}

void
chart_route_layout_free(struct chart_route_layout *l)
{
	size_t i;

	for (i = 0; i < l->nparts; i++)
		free(l->parts[i].text);
	free(l->parts);
	memset(l, 0, sizeof(*l));
}
