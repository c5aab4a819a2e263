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
#include "unicode.h"
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

/*
 * Line breaking. ICU says where a line may start and which characters are
 * spaces or punctuation (uni_breaks); here the lines are measured and
 * chosen. Words stay whole where the lines can hold them: a break inside
 * a word (between 有限 and 公司) is taken only for a word wider than a
 * line, or when whole words would not fit in max_lines; a word with no
 * break at all (a long Latin one) is cut between characters.
 */
struct chart_text {
	const char *s;
	size_t len;
	unsigned char *brk; /* uni_breaks, len + 1 */
};

static void
chart_text_init(struct chart_text *t, const char *s)
{
	t->s = s;
	t->len = strlen(s);
	t->brk = xmalloc(t->len + 1);
	uni_breaks(s, t->len, t->brk);
}

/* Bytes of the character at off (invalid bytes count one each). */
static size_t
chart_char_len(const struct chart_text *t, size_t off, uint32_t *cp)
{
	size_t n = utf8_decode(t->s + off, t->len - off, cp);

	return n ? n : 1;
}

/* The first offset from off, before lim, that is not white space. */
static size_t
chart_skip_spaces(const struct chart_text *t, size_t off, size_t lim)
{
	uint32_t cp;

	while (off < lim && (t->brk[off] & UNI_SPACE))
		off += chart_char_len(t, off, &cp);
	return off;
}

/* Append bytes [b0, b1) to out without the white space at either end. */
static void
chart_add_trimmed(struct buf *out, const struct chart_text *t, size_t b0,
		  size_t b1)
{
	size_t off, end;
	uint32_t cp;

	b0 = chart_skip_spaces(t, b0, b1);
	for (off = end = b0; off < b1;) {
		size_t n = chart_char_len(t, off, &cp);

		if (!(t->brk[off] & UNI_SPACE))
			end = off + n;
		off += n;
	}
	buf_add(out, t->s + b0, end - b0);
}

/*
 * Append the text from b0 cut so that it and "…" fit width; a comma or an
 * opening bracket just before the ellipsis reads badly, so it goes too.
 */
static void
chart_add_ellipsis(struct chart_face *fc, struct buf *out,
		   const struct chart_text *t, size_t b0, double px, int bold,
		   double width)
{
	double ell = chart_width(fc, "…", px, bold), w = 0;
	size_t off = b0, good = b0;

	while (off < t->len) {
		uint32_t cp;
		size_t n = chart_char_len(t, off, &cp);

		w += chart_advance(fc, cp, bold) * px;
		if (w + ell > width + 0.01)
			break;
		if (!(t->brk[off] & (UNI_SPACE | UNI_CLOSE | UNI_OPEN)))
			good = off + n;
		off += n;
	}
	chart_add_trimmed(out, t, b0, good);
	BUF_ADDLIT(out, "…");
}

/*
 * The end of the longest line from pos that ends where mask allows a break
 * (or at the end of the text) and fits width: its ink, up to its last
 * character that is neither a space nor a closing mark, within width, and
 * closing marks hanging past it by at most one em (a full-width comma
 * inks only its left half). 0 when no such line fits.
 */
static size_t
chart_line_end(struct chart_face *fc, const struct chart_text *t, size_t pos,
	       double px, int bold, double width, unsigned mask)
{
	double w = 0, ink = 0, hang = 0;
	size_t off = pos, best = 0;

	while (off < t->len) {
		uint32_t cp;
		size_t n = chart_char_len(t, off, &cp);
		unsigned f = t->brk[off];

		w += chart_advance(fc, cp, bold) * px;
		if (!(f & UNI_SPACE))
			hang = w;
		if (!(f & (UNI_SPACE | UNI_CLOSE)))
			ink = w;
		off += n;
		if (ink > width + 0.01)
			break;
		if ((off == t->len || (t->brk[off] & mask)) &&
		    hang <= width + px + 0.01)
			best = off;
	}
	return best;
}

/* As many whole characters from pos as fit width, one at least. */
static size_t
chart_cut_chars(struct chart_face *fc, const struct chart_text *t,
		size_t pos, double px, int bold, double width)
{
	double w = 0;
	size_t off = pos;

	while (off < t->len) {
		uint32_t cp;
		size_t n = chart_char_len(t, off, &cp);
		double a = chart_advance(fc, cp, bold) * px;

		if (w + a > width + 0.01 && off > pos)
			break;
		w += a;
		off += n;
	}
	return off;
}

/*
 * Break t into at most max_lines lines at the breaks of mask (UNI_BREAK:
 * between words; with UNI_BREAK_IN: anywhere UAX #14 allows). The last
 * line ends in "…" when the text goes on; *cut (may be NULL) says so.
 */
static int
chart_wrap_at(struct chart_face *fc, const struct chart_text *t, double px,
	      int bold, double width, int max_lines, unsigned mask,
	      struct buf *out, int *cut)
{
	size_t pos = 0, end;
	int lines = 0;

	if (max_lines < 1)
		max_lines = 1;
	for (;;) {
		pos = chart_skip_spaces(t, pos, t->len);
		if (pos == t->len)
			break;
		if (lines)
			buf_addch(out, '\n');
		lines++;
		if (lines == max_lines &&
		    chart_line_end(fc, t, pos, px, bold, width, 0) != t->len) {
			chart_add_ellipsis(fc, out, t, pos, px, bold, width);
			if (cut)
				*cut = 1;
			break;
		}
		end = chart_line_end(fc, t, pos, px, bold, width, mask);
		/* a word wider than the line: break inside it, or cut it */
		if (!end)
			end = chart_line_end(fc, t, pos, px, bold, width,
					     UNI_BREAK | UNI_BREAK_IN);
		if (!end)
			end = chart_cut_chars(fc, t, pos, px, bold, width);
		chart_add_trimmed(out, t, pos, end);
		pos = end;
	}
	return lines;
}

/*
 * Whole words when they fit in max_lines, else breaks inside words too.
 * Returns the number of lines; *mask gets the breaks used, *cut whether
 * the text still had to end in "…".
 */
static int
chart_wrap_text(struct chart_face *fc, const struct chart_text *t, double px,
		int bold, double width, int max_lines, struct buf *out,
		unsigned *mask, int *cut)
{
	size_t start = out->len;
	int n;

	*cut = 0;
	*mask = UNI_BREAK;
	n = chart_wrap_at(fc, t, px, bold, width, max_lines, *mask, out, cut);
	if (!*cut)
		return n;
	buf_setlen(out, start);
	*cut = 0;
	*mask = UNI_BREAK | UNI_BREAK_IN;
	return chart_wrap_at(fc, t, px, bold, width, max_lines, *mask, out, cut);
}

int
chart_wrap(struct chart_face *fc, const char *s, double px, int bold,
	   double width, int max_lines, struct buf *out)
{
	struct chart_text t;
	unsigned mask;
	int cut, n;

	chart_text_init(&t, s);
	n = chart_wrap_text(fc, &t, px, bold, width, max_lines, out, &mask,
			    &cut);
	free(t.brk);
	return n;
}

/*
 * Wrap a label into lines of even length: "十一社区" as 十一/社区, not
 * 十一社/区. Try narrower widths that need no more lines and cut nothing.
 */
int
chart_wrap_even(struct chart_face *fc, const char *s, double px, int bold,
		double width, int max_lines, struct buf *out)
{
	struct chart_text t;
	struct buf b = BUF_INIT;
	size_t start = out->len;
	unsigned mask;
	int cut, n;
	double w;

	chart_text_init(&t, s);
	n = chart_wrap_text(fc, &t, px, bold, width, max_lines, out, &mask,
			    &cut);
	w = n >= 2 && !cut ? chart_width(fc, s, px, bold) / n : width;
	for (; w < width; w += px / 4) {
		int c2 = 0;

		buf_reset(&b);
		if (chart_wrap_at(fc, &t, px, bold, w, max_lines, mask, &b,
				  &c2) == n && !c2) {
			buf_setlen(out, start);
			buf_addbuf(out, &b);
			break;
		}
	}
	buf_release(&b);
	free(t.brk);
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

/*
 * Counting every character a full em (no glyph of a CJK face is wider)
 * gives never fewer lines than chart_wrap will, without the font: what
 * sizes a chart before it is drawn.
 */
int
chart_est_lines(const char *s, double px, double width, int max)
{
	size_t off = 0, len = strlen(s);
	double w = 0;
	int lines = 1;

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		off += n ? n : 1;
		if (w > 0 && w + px > width + 0.01) {
			lines++;
			w = 0;
		}
		w += px;
	}
	return lines < max ? lines : max;
}
