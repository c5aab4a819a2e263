/*
 * chart_text: the Chinese face fontconfig picks, opened with FreeType;
 * advances, glyph bitmaps, and labels broken into lines that fit.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include "buf.h"
#include "chart_int.h"
#include "diag.h"
#include "utf8.h"
#include "util.h"

/*
 * FreeType faces are not thread-safe, and opening one costs about a
 * millisecond, so the faces live in a pool: a render takes a set (regular
 * and bold) for itself, with its glyph cache, and gives it back. Only
 * taking, giving back and opening need the lock (FreeType requires the
 * library's lock around FT_New_Face and FT_Done_Face).
 */
#define GLYPH_BUCKETS 1024
#define GLYPH_MAX 6000

struct chart_face {
	struct chart_face *next; /* in the pool */
	FT_Face face[2];         /* regular, bold */
	int px64[2];             /* size each face is set to */
	struct chart_glyph *tab[GLYPH_BUCKETS];
	size_t nglyphs;
};

struct chart_fonts {
	char *family;
	char *file[2];
	int index[2];
	FT_Library lib;
	pthread_mutex_t lock;
	struct chart_face *pool;
};

/* Characters a face must have to draw Chinese: simplified forms too. */
static const uint32_t chart_probe[] = {
	0x515A, 0x5EFA, 0x7EC4, 0x7EC7, 0x8986, 0x76D6, 0x7387, 0x6570,
	0x636E, 0x6765, 0x6E90, 0x0030, 0x0039, 0x0025,
};

/* The file and face index fontconfig gives family for Chinese. */
static int
chart_font_match(const char *family, int bold, char **file, int *index,
		 char **matched, int *exact)
{
	FcPattern *pat, *m;
	FcResult res;
	FcChar8 *s;
	FcCharSet *cs;
	size_t i;
	int n, ret = -1;

	pat = FcPatternCreate();
	if (!pat)
		return -1;
	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddString(pat, FC_LANG, (const FcChar8 *)"zh-cn");
	FcPatternAddInteger(pat, FC_WEIGHT,
			    bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	m = FcFontMatch(NULL, pat, &res);
	FcPatternDestroy(pat);
	if (!m)
		return -1;
	if (FcPatternGetString(m, FC_FILE, 0, &s) != FcResultMatch)
		goto out;
	if (FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) != FcResultMatch)
		goto out;
	for (i = 0; i < sizeof(chart_probe) / sizeof(chart_probe[0]); i++)
		if (!FcCharSetHasChar(cs, chart_probe[i]))
			goto out;
	*file = xstrdup((const char *)s);
	if (FcPatternGetInteger(m, FC_INDEX, 0, index) != FcResultMatch)
		*index = 0;
	*exact = 0;
	*matched = NULL;
	for (n = 0; FcPatternGetString(m, FC_FAMILY, n, &s) == FcResultMatch; n++) {
		if (!*matched)
			*matched = xstrdup((const char *)s);
		if (!FcStrCmpIgnoreCase(s, (const FcChar8 *)family))
			*exact = 1;
	}
	if (!*matched)
		*matched = xstrdup(family);
	ret = 0;
out:
	FcPatternDestroy(m);
	return ret;
}

static void
chart_face_clear(struct chart_face *fc)
{
	size_t i;

	for (i = 0; i < GLYPH_BUCKETS; i++) {
		struct chart_glyph *g = fc->tab[i], *next;

		for (; g; g = next) {
			next = g->next;
			free(g->bits);
			free(g);
		}
		fc->tab[i] = NULL;
	}
	fc->nglyphs = 0;
}

/* Called with f->lock held. */
static struct chart_face *
chart_face_open(struct chart_fonts *f)
{
	struct chart_face *fc = xcalloc(1, sizeof(*fc));
	int b;

	for (b = 0; b < 2; b++) {
		if (FT_New_Face(f->lib, f->file[b], f->index[b], &fc->face[b])) {
			if (b)
				FT_Done_Face(fc->face[0]);
			free(fc);
			return NULL;
		}
	}
	return fc;
}

static void
chart_face_close(struct chart_face *fc)
{
	chart_face_clear(fc);
	FT_Done_Face(fc->face[0]);
	FT_Done_Face(fc->face[1]);
	free(fc);
}

struct chart_face *
chart_face_take(struct chart_fonts *f)
{
	struct chart_face *fc;

	pthread_mutex_lock(&f->lock);
	fc = f->pool;
	if (fc)
		f->pool = fc->next;
	else
		fc = chart_face_open(f);
	pthread_mutex_unlock(&f->lock);
	if (!fc)
		die("cannot open the font \"%s\" again", f->file[0]);
	return fc;
}

void
chart_face_give(struct chart_fonts *f, struct chart_face *fc)
{
	pthread_mutex_lock(&f->lock);
	fc->next = f->pool;
	f->pool = fc;
	pthread_mutex_unlock(&f->lock);
}

struct chart_fonts *
chart_fonts_new(const char *family, struct diag *d)
{
	struct chart_fonts *f = xcalloc(1, sizeof(*f));
	struct chart_face *fc = NULL;
	char *matched = NULL, *bmatched = NULL;
	int exact = 0, bexact = 0;
	size_t i;

	if (!family || !*family)
		family = CHART_FONT;
	pthread_mutex_init(&f->lock, NULL);
	if (!FcInit() ||
	    chart_font_match(family, 0, &f->file[0], &f->index[0], &matched,
			     &exact) ||
	    FT_Init_FreeType(&f->lib))
		goto fail;
	/* no bold face of that family: the regular one is still Chinese */
	if (chart_font_match(family, 1, &f->file[1], &f->index[1], &bmatched,
			     &bexact) ||
	    strcmp(bmatched, matched)) {
		free(f->file[1]);
		f->file[1] = xstrdup(f->file[0]);
		f->index[1] = f->index[0];
	}
	fc = chart_face_open(f);
	if (!fc)
		goto fail;
	for (i = 0; i < sizeof(chart_probe) / sizeof(chart_probe[0]); i++)
		if (!FT_Get_Char_Index(fc->face[0], chart_probe[i]))
			goto fail;
	f->pool = fc;
	f->family = matched;
	if (!exact)
		diag_warn(d, NULL, 0, 0,
			  "font \"%s\" is not installed; using \"%s\"", family,
			  matched);
	free(bmatched);
	return f;
fail:
	diag_error(d, NULL, 0, 0,
		   "no Chinese font found for \"%s\"; install the Debian package fonts-noto-cjk",
		   family);
	if (fc)
		chart_face_close(fc);
	free(matched);
	free(bmatched);
	f->family = NULL;
	chart_fonts_free(f);
	return NULL;
}

void
chart_fonts_free(struct chart_fonts *f)
{
	if (!f)
		return;
	while (f->pool) {
		struct chart_face *fc = f->pool;

		f->pool = fc->next;
		chart_face_close(fc);
	}
	if (f->lib)
		FT_Done_FreeType(f->lib);
	pthread_mutex_destroy(&f->lock);
	free(f->file[0]);
	free(f->file[1]);
	free(f->family);
	free(f);
}

const char *
chart_fonts_family(const struct chart_fonts *f)
{
	return f && f->family ? f->family : CHART_FONT;
}

/*
 * Advance of cp in em units. Unscaled (hmtx) advances keep the layout the
 * same at every scale: a label that wraps at 1x wraps the same at 2x.
 */
double
chart_advance(struct chart_face *fc, uint32_t cp, int bold)
{
	FT_Face face = fc->face[bold];
	FT_UInt gi = FT_Get_Char_Index(face, cp);
	FT_Fixed adv;

	if (cp == '\n' || cp == '\r')
		return 0;
	if (FT_Get_Advance(face, gi, FT_LOAD_NO_SCALE, &adv))
		return 1;
	return (double)adv / face->units_per_EM;
}

double
chart_width_n(struct chart_face *fc, const char *s, size_t len, double px,
	      int bold)
{
	double w = 0;
	size_t off = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		off += n ? n : 1;
		w += chart_advance(fc, cp, bold);
	}
	return w * px;
}

double
chart_width(struct chart_face *fc, const char *s, double px, int bold)
{
	return chart_width_n(fc, s, strlen(s), px, bold);
}

struct chart_glyph *
chart_glyph(struct chart_face *fc, uint32_t cp, int px64, int bold)
{
	unsigned h = ((cp * 2654435761u) ^ ((unsigned)px64 * 40503u) ^
		      (unsigned)bold) & (GLYPH_BUCKETS - 1);
	struct chart_glyph *g;
	FT_Face face = fc->face[bold];
	FT_Bitmap *bm;
	unsigned r;

	for (g = fc->tab[h]; g; g = g->next)
		if (g->cp == cp && g->px64 == px64 && g->bold == bold)
			return g;
	/* a bound on memory: the working set of a build is far smaller */
	if (fc->nglyphs >= GLYPH_MAX)
		chart_face_clear(fc);
	g = xcalloc(1, sizeof(*g));
	g->cp = cp;
	g->px64 = px64;
	g->bold = bold;
	g->next = fc->tab[h];
	fc->tab[h] = g;
	fc->nglyphs++;
	if (fc->px64[bold] != px64) {
		if (FT_Set_Char_Size(face, 0, px64, 72, 72))
			return g;
		fc->px64[bold] = px64;
	}
	/*
	 * Light hinting snaps only vertical features, which keeps strokes of
	 * Chinese characters sharp without distorting their shapes.
	 */
	if (FT_Load_Char(face, cp, FT_LOAD_TARGET_LIGHT | FT_LOAD_RENDER))
		return g;
	bm = &face->glyph->bitmap;
	if (bm->pixel_mode != FT_PIXEL_MODE_GRAY || !bm->width || !bm->rows)
		return g;
	g->left = face->glyph->bitmap_left;
	g->top = face->glyph->bitmap_top;
	g->w = (int)bm->width;
	g->h = (int)bm->rows;
	g->bits = xmalloc((size_t)g->w * g->h);
	for (r = 0; r < bm->rows; r++)
		memcpy(g->bits + (size_t)r * g->w,
		       bm->buffer + (long)r * bm->pitch, bm->width);
	return g;
}

double
chart_text_width(struct chart_fonts *f, const char *text, double px, int bold)
{
	struct chart_face *fc = chart_face_take(f);
	double w = chart_width(fc, text, px, bold ? 1 : 0);

	chart_face_give(f, fc);
	return w;
}

/* Break classes for wrapping. */
enum { BRK_CHAR, BRK_WORD, BRK_SPACE, BRK_CLOSE, BRK_OPEN };

struct chart_unit {
	size_t b0, b1; /* bytes */
	double w;
	int cls;
};

static int
chart_is_word(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
	       (cp >= 'A' && cp <= 'Z') || cp == '.' || cp == '%' ||
	       cp == '-' || cp == '_' || cp == '+' || cp == '&' || cp == '\'';
}

static int
chart_break_class(uint32_t cp)
{
	static const uint32_t close[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09,
		0x300D, 0x300F, 0x201D, 0x2019, 0x300B, 0x3009, 0x2026, 0xFF05,
		0x3011, 0xFF3D, 0x00B7, ',', ';', ':', '!', '?', ')', ']',
	};
	static const uint32_t open[] = {
		0xFF08, 0x300C, 0x300E, 0x201C, 0x2018, 0x300A, 0x3008, 0x3010,
		0xFF3B, '(', '[',
	};
	size_t i;

	if (cp == ' ' || cp == '\t' || cp == 0x3000)
		return BRK_SPACE;
	if (chart_is_word(cp))
		return BRK_WORD;
	for (i = 0; i < sizeof(close) / sizeof(close[0]); i++)
		if (close[i] == cp)
			return BRK_CLOSE;
	for (i = 0; i < sizeof(open) / sizeof(open[0]); i++)
		if (open[i] == cp)
			return BRK_OPEN;
	return BRK_CHAR;
}

/* Append s[b0, b1) to out, dropping spaces at both ends. */
static void
chart_add_trimmed(struct buf *out, const char *s, size_t b0, size_t b1)
{
	while (b0 < b1 && (s[b0] == ' ' || s[b0] == '\t'))
		b0++;
	if (b1 - b0 >= 3 && !memcmp(s + b0, "　", 3))
		b0 += 3;
	while (b1 > b0 && (s[b1 - 1] == ' ' || s[b1 - 1] == '\t'))
		b1--;
	buf_add(out, s + b0, b1 - b0);
}

/*
 * Cut line (bytes of s from b0) so that it and "…" fit width, and append
 * both to out.
 */
static void
chart_add_ellipsis(struct chart_face *fc, struct buf *out, const char *s,
		   size_t b0, size_t b1, double px, int bold, double width)
{
	double ell = chart_width(fc, "…", px, bold);
	size_t cut = b0, off = b0, line;
	double w = 0;

	while (off < b1) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, b1 - off, &cp);

		n = n ? n : 1;
		w += chart_advance(fc, cp, bold) * px;
		if (w + ell > width + 0.01)
			break;
		off += n;
		cut = off;
	}
	line = out->len;
	chart_add_trimmed(out, s, b0, cut);
	/* a comma or an opening bracket just before the ellipsis reads badly */
	while (out->len > line) {
		size_t k = out->len - 1;
		uint32_t cp;
		int cls;

		while (k > line && ((unsigned char)out->ptr[k] & 0xC0) == 0x80)
			k--;
		utf8_decode(out->ptr + k, out->len - k, &cp);
		cls = chart_break_class(cp);
		if (cls != BRK_CLOSE && cls != BRK_OPEN && cls != BRK_SPACE)
			break;
		buf_setlen(out, k);
	}
	BUF_ADDLIT(out, "…");
}

static int
chart_wrap_cut(struct chart_face *fc, const char *s, double px, int bold,
	       double width, int max_lines, struct buf *out, int *cut)
{
	struct chart_unit *u = NULL;
	size_t nu = 0, cap = 0, len = strlen(s), off = 0, i, start;
	int lines = 0;
	double w;

	if (max_lines < 1)
		max_lines = 1;
	/* units: a run of Latin letters and digits, or one other character */
	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);
		int cls;

		n = n ? n : 1;
		cls = chart_break_class(cp);
		if (cls == BRK_WORD && nu && u[nu - 1].cls == BRK_WORD &&
		    u[nu - 1].b1 == off) {
			u[nu - 1].b1 = off + n;
			u[nu - 1].w += chart_advance(fc, cp, bold) * px;
		} else {
			u = xgrow(u, &cap, nu + 1, sizeof(*u));
			u[nu].b0 = off;
			u[nu].b1 = off + n;
			u[nu].w = chart_advance(fc, cp, bold) * px;
			u[nu].cls = cls;
			nu++;
		}
		off += n;
	}
	i = 0;
	while (i < nu) {
		size_t end;

		while (i < nu && u[i].cls == BRK_SPACE)
			i++;
		if (i == nu)
			break;
		start = i;
		w = 0;
		/* fill the line greedily */
		for (end = i; end < nu; end++) {
			if (w + u[end].w <= width + 0.01 || end == start) {
				w += u[end].w;
				continue;
			}
			/*
			 * Closing punctuation never starts a line: it hangs past
			 * the edge (a full-width comma inks only its left half).
			 */
			if (u[end].cls == BRK_CLOSE && w + u[end].w <= width + px) {
				w += u[end].w;
				end++;
			}
			break;
		}
		/* a word alone and too wide is cut by characters */
		if (end == start + 1 && u[start].cls == BRK_WORD &&
		    u[start].w > width + 0.01 && lines + 1 < max_lines) {
			size_t b = u[start].b0;
			double cw = 0;

			while (b < u[start].b1) {
				double a = chart_advance(fc, (unsigned char)s[b], bold) * px;

				if (cw + a > width + 0.01 && b > u[start].b0)
					break;
				cw += a;
				b++;
			}
			if (lines)
				buf_addch(out, '\n');
			buf_add(out, s + u[start].b0, b - u[start].b0);
			lines++;
			u[start].w -= cw;
			u[start].b0 = b;
			i = start;
			continue;
		}
		/* no line starts with a space or closing mark if avoidable */
		while (end < nu && end > start + 1 &&
		       (u[end - 1].cls == BRK_OPEN))
			end--;
		if (lines + 1 == max_lines) {
			size_t rest = end;

			while (rest < nu && u[rest].cls == BRK_SPACE)
				rest++;
			/* more to come, or one word wider than the line */
			if (rest < nu || w > width + px) {
				if (lines)
					buf_addch(out, '\n');
				chart_add_ellipsis(fc, out, s, u[start].b0,
						   u[nu - 1].b1, px, bold, width);
				lines++;
				if (cut)
					*cut = 1;
				break;
			}
		}
		if (lines)
			buf_addch(out, '\n');
		chart_add_trimmed(out, s, u[start].b0, u[end - 1].b1);
		lines++;
		i = end;
	}
	free(u);
	return lines;
}

int
chart_wrap(struct chart_face *fc, const char *s, double px, int bold,
	   double width, int max_lines, struct buf *out)
{
	return chart_wrap_cut(fc, s, px, bold, width, max_lines, out, NULL);
}

/*
 * Wrap a label into lines of even length: "十一社区" as 十一/社区, not
 * 十一社/区. Try narrower widths that need no more lines and cut nothing.
 */
int
chart_wrap_even(struct chart_face *fc, const char *s, double px, int bold,
		double width, int max_lines, struct buf *out)
{
	struct buf t = BUF_INIT;
	size_t start = out->len;
	int cut = 0, n = chart_wrap_cut(fc, s, px, bold, width, max_lines, out,
					&cut);
	double w;

	if (n < 2 || cut)
		return n;
	for (w = chart_width(fc, s, px, bold) / n; w < width; w += px / 4) {
		int c2 = 0;

		buf_reset(&t);
		if (chart_wrap_cut(fc, s, px, bold, w, max_lines, &t, &c2) == n &&
		    !c2) {
			buf_setlen(out, start);
			buf_addbuf(out, &t);
			break;
		}
	}
	buf_release(&t);
	return n;
}

int
chart_text_wrap(struct chart_fonts *f, const char *text, double px, int bold,
		double width, int max_lines, struct buf *out)
{
	struct chart_face *fc = chart_face_take(f);
	int n = chart_wrap(fc, text, px, bold ? 1 : 0, width, max_lines, out);

	chart_face_give(f, fc);
	return n;
}
