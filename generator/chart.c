/*
 * chart: chart specs in, PNG bytes out. See chart.h for the API and
 * tests/chart/spec.md for the syntax of ```chart blocks.
 *
 * The file is in sections: the chart and its builder; numbers and scales;
 * the block parser; fonts and text; the canvas; layout and drawing of each
 * kind; alt text, data table and hash.
 */
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include <gd.h>
#include <png.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "utf8.h"
#include "util.h"

/* ------------------------------------------------------------------ */
/* The chart and its builder                                          */
/* ------------------------------------------------------------------ */

#define CHART_MAX_SERIES 8
/* Kinds that never fold rows into 其他 have room for so many. */
#define CHART_MAX_ROWS 20
#define CHART_MAX_STAGES 10
/* The most pixels a render may hold (about 200 MB). */
#define CHART_MAX_PIXELS 50e6
#define CHART_OTHER "其他"

struct chart_series {
	char *name;
	double *v; /* one per category; c->catcap allocated */
	int color; /* palette index, -1: automatic */
};

struct chart {
	enum chart_kind kind;
	char *title, *unit, *source;
	char **cats;
	size_t ncats, catcap;
	struct chart_series *series;
	size_t nseries, seriescap;
	double *tgt;    /* per category, NAN: none; catcap allocated */
	double tgt_all; /* NAN: none */
	int width, height;
	int top;
	enum chart_sort sort;
	char **sect; /* a route's sections; a point's is series 0's value */
	size_t nsect, sectcap;
};

static const struct {
	const char *name;
	unsigned rgb;
	unsigned ink; /* text drawn on the colour: >= 4.5:1 against it */
} chart_pal[] = {
	/*
	 * Party red and a gold dark enough to be seen on white (3.3:1), then
	 * muted colours that sit beside them without shouting. Every one is
	 * at least 3:1 against white (WCAG 1.4.11), tested in t_chart.
	 */
	{ "red", 0xC8102E, 0xFFFFFF },
	{ "gold", 0xB8860B, 0x1A1A1A },
	{ "blue", 0x2F6690, 0xFFFFFF },
	{ "teal", 0x1F7A70, 0xFFFFFF },
	{ "brown", 0x8B5A2B, 0xFFFFFF },
	{ "purple", 0x6A4C93, 0xFFFFFF },
	{ "olive", 0x6B7A1F, 0xFFFFFF },
	{ "gray", 0x6E6E6E, 0xFFFFFF },
};
#define CHART_NPAL (sizeof(chart_pal) / sizeof(chart_pal[0]))

/* Text and line colours, all >= 4.5:1 on white but the grid. */
#define INK_TITLE 0x1F1F1F
#define INK_TEXT 0x333333
#define INK_MUTED 0x595959
#define INK_AXIS 0x767676
#define INK_GRID 0xE3E3E3
#define INK_TRACK 0xE8E8E8
#define INK_WHITE 0xFFFFFF

size_t
chart_palette_size(void)
{
	return CHART_NPAL;
}

unsigned
chart_palette_rgb(size_t i)
{
	return chart_pal[i % CHART_NPAL].rgb;
}

const char *
chart_palette_name(size_t i)
{
	return i < CHART_NPAL ? chart_pal[i].name : NULL;
}

unsigned
chart_palette_ink(size_t i)
{
	return chart_pal[i % CHART_NPAL].ink;
}

static double
chart_lum(unsigned rgb)
{
	double ch[3];
	int i;

	for (i = 0; i < 3; i++) {
		double v = ((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;

		ch[i] = v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
	}
	return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

double
chart_contrast(unsigned a, unsigned b)
{
	double la = chart_lum(a), lb = chart_lum(b);

	if (la < lb) {
		double t = la;

		la = lb;
		lb = t;
	}
	return (la + 0.05) / (lb + 0.05);
}

struct chart *
chart_new(enum chart_kind kind)
{
	struct chart *c = xcalloc(1, sizeof(*c));

	c->kind = kind;
	c->tgt_all = NAN;
	return c;
}

void
chart_free(struct chart *c)
{
	size_t i;

	if (!c)
		return;
	free(c->title);
	free(c->unit);
	free(c->source);
	for (i = 0; i < c->ncats; i++)
		free(c->cats[i]);
	free(c->cats);
	for (i = 0; i < c->nseries; i++) {
		free(c->series[i].name);
		free(c->series[i].v);
	}
	free(c->series);
	free(c->tgt);
	for (i = 0; i < c->nsect; i++)
		free(c->sect[i]);
	free(c->sect);
	free(c);
}

static void
chart_settext(char **slot, const char *s)
{
	free(*slot);
	*slot = s && *s ? xstrdup(s) : NULL;
}

void
chart_set_title(struct chart *c, const char *title)
{
	chart_settext(&c->title, title);
}

void
chart_set_unit(struct chart *c, const char *unit)
{
	chart_settext(&c->unit, unit);
}

void
chart_set_source(struct chart *c, const char *source)
{
	chart_settext(&c->source, source);
}

void
chart_set_size(struct chart *c, int width, int height)
{
	c->width = width > 0 ? width : 0;
	c->height = height > 0 && c->kind != CHART_ROUTE ? height : 0;
}

void
chart_set_top(struct chart *c, int n)
{
	c->top = n > 0 ? n : 0;
}

void
chart_set_sort(struct chart *c, enum chart_sort sort)
{
	c->sort = sort;
}

size_t
chart_add_category(struct chart *c, const char *label)
{
	size_t i;

	if (c->ncats == c->catcap) {
		size_t cap = c->catcap;

		c->cats = xgrow(c->cats, &cap, c->ncats + 1, sizeof(*c->cats));
		for (i = 0; i < c->nseries; i++)
			c->series[i].v = xrealloc(c->series[i].v,
						  cap * sizeof(double));
		c->tgt = xrealloc(c->tgt, cap * sizeof(double));
		c->catcap = cap;
	}
	c->cats[c->ncats] = xstrdup(label ? label : "");
	for (i = 0; i < c->nseries; i++)
		c->series[i].v[c->ncats] = 0;
	c->tgt[c->ncats] = NAN;
	return c->ncats++;
}

size_t
chart_add_series(struct chart *c, const char *name, int color)
{
	struct chart_series *s;

	c->series = xgrow(c->series, &c->seriescap, c->nseries + 1,
			  sizeof(*c->series));
	s = &c->series[c->nseries];
	s->name = xstrdup(name ? name : "");
	s->v = xcalloc(c->catcap ? c->catcap : 1, sizeof(double));
	s->color = color >= 0 && (size_t)color < CHART_NPAL ? color : -1;
	return c->nseries++;
}

void
chart_set_value(struct chart *c, size_t series, size_t category, double value)
{
	if (series < c->nseries && category < c->ncats)
		c->series[series].v[category] = value;
}

void
chart_set_target(struct chart *c, size_t category, double target)
{
	if (category < c->ncats)
		c->tgt[category] = target;
}

void
chart_set_target_all(struct chart *c, double target)
{
	c->tgt_all = target;
}

enum chart_kind
chart_kind(const struct chart *c)
{
	return c->kind;
}

size_t
chart_categories(const struct chart *c)
{
	return c->ncats;
}

size_t
chart_series(const struct chart *c)
{
	return c->nseries;
}

const char *
chart_series_name(const struct chart *c, size_t i)
{
	return i < c->nseries ? c->series[i].name : NULL;
}

size_t
chart_add_section(struct chart *c, const char *name)
{
	c->sect = xgrow(c->sect, &c->sectcap, c->nsect + 1, sizeof(*c->sect));
	c->sect[c->nsect++] = xstrdup(name ? name : "");
	return c->nsect;
}

void
chart_set_section(struct chart *c, size_t category, size_t section)
{
	if (!c->nseries)
		chart_add_series(c, "", -1);
	chart_set_value(c, 0, category, (double)section);
}

size_t
chart_sections(const struct chart *c)
{
	return c->nsect;
}

const char *
chart_section_name(const struct chart *c, size_t n)
{
	return n >= 1 && n <= c->nsect ? c->sect[n - 1] : NULL;
}

/* The section of point i of a route, 0 for none. */
static size_t
chart_point_section(const struct chart *c, size_t i)
{
	double v = c->nseries ? c->series[0].v[i] : 0;

	return v >= 1 && v <= (double)c->nsect && v == floor(v) ? (size_t)v : 0;
}

/* The target of category i, NAN when it has none. */
static double
chart_target(const struct chart *c, size_t i)
{
	return !isnan(c->tgt[i]) ? c->tgt[i] : c->tgt_all;
}

static int
chart_has_targets(const struct chart *c)
{
	size_t i;

	for (i = 0; i < c->ncats; i++)
		if (!isnan(chart_target(c, i)))
			return 1;
	return 0;
}

static int chart_route_height(const struct chart *c, int width);

/* Rows of horizontal kinds set the default height; a route's, always. */
void
chart_size(const struct chart *c, int *width, int *height)
{
	int w = c->width ? c->width : CHART_WIDTH;
	int h = c->height;

	if (c->kind == CHART_ROUTE) {
		*width = w;
		*height = chart_route_height(c, w);
		return;
	}

	if (!h) {
		size_t rows = c->ncats > 20 ? 20 : c->ncats;
		size_t per = c->nseries > 1 ? 14 * c->nseries + 16 : 36;

		switch (c->kind) {
		case CHART_HBAR:
			h = (int)(150 + rows * per);
			break;
		case CHART_PROGRESS:
			h = (int)(150 + c->ncats * 56);
			break;
		case CHART_FUNNEL:
			h = (int)(150 + c->ncats * 74);
			break;
		default:
			h = CHART_HEIGHT;
			break;
		}
		if (c->kind != CHART_BAR && c->kind != CHART_STACKED &&
		    c->kind != CHART_LINE && c->kind != CHART_DONUT) {
			if (h < 260)
				h = 260;
			if (h > 1400)
				h = 1400;
		}
	}
	*width = w;
	*height = h;
}

/* Colour of series s: its own, else the next palette colour no one took. */
static int
chart_series_color(const struct chart *c, size_t s)
{
	unsigned taken = 0;
	size_t i, nauto = 0;
	int k;

	if (c->series[s].color >= 0)
		return c->series[s].color;
	for (i = 0; i < c->nseries; i++)
		if (c->series[i].color >= 0)
			taken |= 1u << c->series[i].color;
	for (i = 0; i < s; i++)
		if (c->series[i].color < 0)
			nauto++;
	for (k = 0; k < (int)CHART_NPAL; k++) {
		if (taken & (1u << k))
			continue;
		if (!nauto--)
			return k;
	}
	return (int)(s % CHART_NPAL);
}

static const char *
chart_kind_zh(enum chart_kind k, size_t nseries)
{
	switch (k) {
	case CHART_BAR:
		return nseries > 1 ? "分组柱状图" : "柱状图";
	case CHART_HBAR:
		return nseries > 1 ? "分组条形图" : "条形图";
	case CHART_STACKED:
		return "堆叠柱状图";
	case CHART_LINE:
		return "折线图";
	case CHART_DONUT:
		return "环形图";
	case CHART_PROGRESS:
		return "目标完成情况图";
	case CHART_FUNNEL:
		return "漏斗图";
	case CHART_ROUTE:
		return "示范带路线图";
	}
	return "图表";
}

/* ------------------------------------------------------------------ */
/* Numbers and scales                                                 */
/* ------------------------------------------------------------------ */

/* Fewest decimals (0 to 2) that show every value of c exactly. */
static int
chart_decimals(const struct chart *c)
{
	int d;

	for (d = 0; d < 2; d++) {
		double m = pow(10, d);
		size_t s, i;
		int ok = 1;

		for (s = 0; ok && s < c->nseries; s++)
			for (i = 0; ok && i < c->ncats; i++) {
				double v = c->series[s].v[i] * m;

				ok = !isfinite(v) ||
				     fabs(v - round(v)) < 1e-6 * (fabs(v) + 1);
			}
		for (i = 0; ok && i < c->ncats; i++) {
			double v = chart_target(c, i) * m;

			ok = !isfinite(v) ||
			     fabs(v - round(v)) < 1e-6 * (fabs(v) + 1);
		}
		if (ok)
			return d;
	}
	return 2;
}

/*
 * Whether the numbers of c are written with thousands separators: when
 * one of them reaches 10000 (Chinese statistics write 14,700 but 2024),
 * all of them from 1000 up, so that a column or an axis reads alike.
 */
static int
chart_group(const struct chart *c)
{
	size_t s, i;

	for (s = 0; s < c->nseries; s++)
		for (i = 0; i < c->ncats; i++)
			if (fabs(c->series[s].v[i]) >= 10000)
				return 1;
	for (i = 0; i < c->ncats; i++)
		if (fabs(chart_target(c, i)) >= 10000)
			return 1;
	return 0;
}

/* v with decimals digits after the point, grouped when group is set. */
static void
chart_fmt(struct buf *b, double v, int decimals, int group)
{
	struct buf t = BUF_INIT;
	size_t intlen, i, start;

	buf_addf(&t, "%.*f", decimals, v);
	if (t.ptr[0] == '-') {
		/* "-0" and "-0.0" are zero */
		for (i = 1; i < t.len && (t.ptr[i] == '0' || t.ptr[i] == '.'); i++)
			;
		if (i == t.len) {
			buf_add(b, t.ptr + 1, t.len - 1);
			buf_release(&t);
			return;
		}
	}
	start = t.ptr[0] == '-';
	for (intlen = start; intlen < t.len && t.ptr[intlen] != '.'; intlen++)
		;
	if (!group || intlen - start < 4) {
		buf_addbuf(b, &t);
		buf_release(&t);
		return;
	}
	buf_add(b, t.ptr, start);
	for (i = start; i < intlen; i++) {
		if (i > start && (intlen - i) % 3 == 0)
			buf_addch(b, ',');
		buf_addch(b, t.ptr[i]);
	}
	buf_add(b, t.ptr + intlen, t.len - intlen);
	buf_release(&t);
}

/* A unit goes straight after the number ("30个", "98%"). */
static void
chart_fmt_unit(struct buf *b, double v, int decimals, int group,
	       const char *unit)
{
	chart_fmt(b, v, decimals, group);
	if (unit)
		buf_addstr(b, unit);
}

/* Rates are not added up into "其他". */
static int
chart_is_rate(const struct chart *c)
{
	return c->unit && (!strcmp(c->unit, "%") || !strcmp(c->unit, "％") ||
			   !strcmp(c->unit, "‰"));
}

static void
chart_scale_step(struct chart_scale *s, double min, double max,
		 int max_ticks, double min_step)
{
	static const double mult[] = { 1, 2, 5, 10 };
	double raw, mag, step = 1;
	size_t i;

	if (max_ticks < 1)
		max_ticks = 1;
	if (!(max > min))
		max = min + (min_step > 0 ? min_step : 1);
	raw = (max - min) / max_ticks;
	mag = pow(10, floor(log10(raw)));
	for (i = 0; i < sizeof(mult) / sizeof(mult[0]); i++) {
		step = mult[i] * mag;
		/* the tolerance keeps 0..100 in five steps of 20 */
		if (step >= raw * (1 - 1e-9) &&
		    ceil(max / step - 1e-9) - floor(min / step + 1e-9) <=
			    max_ticks)
			break;
	}
	if (step < min_step)
		step = min_step;
	s->step = step;
	s->lo = floor(min / step + 1e-9) * step;
	s->hi = ceil(max / step - 1e-9) * step;
	if (s->hi <= s->lo)
		s->hi = s->lo + step;
	s->nticks = (int)round((s->hi - s->lo) / step);
}

void
chart_scale_nice(struct chart_scale *s, double min, double max, int max_ticks)
{
	if (min > 0)
		min = 0;
	if (max < 0)
		max = 0;
	chart_scale_step(s, min, max, max_ticks, 0);
}

/* Decimals a tick label needs at step. */
static int
chart_step_decimals(double step)
{
	int d = 0;

	while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) > 1e-6)
		d++;
	return d;
}

int
chart_print_scale(const struct chart *c, double width_cm, int dpi)
{
	int w, h;
	double px;

	chart_size(c, &w, &h);
	px = width_cm / 2.54 * dpi;
	return (int)ceil(px / w - 1e-9) < 1 ? 1 : (int)ceil(px / w - 1e-9);
}

/* ------------------------------------------------------------------ */
/* The chart block parser                                             */
/* ------------------------------------------------------------------ */

static const struct {
	const char *name;
	enum chart_kind kind;
} chart_kinds[] = {
	{ "bar", CHART_BAR },         { "hbar", CHART_HBAR },
	{ "grouped", CHART_BAR },     { "stacked", CHART_STACKED },
	{ "line", CHART_LINE },       { "donut", CHART_DONUT },
	{ "progress", CHART_PROGRESS }, { "funnel", CHART_FUNNEL },
	{ "route", CHART_ROUTE },
};
#define KINDS_LIST \
	"bar, hbar, grouped, stacked, line, donut, progress, funnel or route"

enum chart_key {
	KEY_KIND, KEY_TITLE, KEY_UNIT, KEY_SOURCE, KEY_MODEL, KEY_SERIES,
	KEY_SECTIONS, KEY_COLORS, KEY_TARGET, KEY_TOP, KEY_SORT, KEY_WIDTH,
	KEY_HEIGHT, KEY_DATA, KEY_COUNT
};
static const char *const chart_keys[KEY_COUNT] = {
	"kind", "title", "unit", "source", "model", "series", "sections",
	"colors", "target", "top", "sort", "width", "height", "data",
};
#define KEYS_LIST "kind, title, unit, source, model, series, sections, " \
		  "colors, target, top, sort, width, height or data"

/* A piece of a line: bytes [p, p + len) at character column col. */
struct chart_tok {
	const char *p;
	size_t len;
	int col;
};

struct chart_val {
	double v, t;  /* t: target after "/", NAN when none */
	struct chart_tok tok; /* as written */
	int col;      /* of the number */
	int slash;    /* column of "/", 0 when none */
	int tcol;     /* of the target */
	int neg;
};

struct chart_row {
	char *label;
	int line, col;
	struct chart_val *vals;
	size_t nvals;
	int vcol; /* column of the first value */
	int bad;  /* an error was reported on the row */
	int bare; /* a name alone, no ":" (a route's point in no section) */
	size_t cat; /* its category, once filled */
};

struct chart_parse {
	const char *path;
	struct diag *d;
	int errors;
	int first_line;
	int keyline[KEY_COUNT], keycol[KEY_COUNT], valcol[KEY_COUNT];
	enum chart_kind kind;
	char *title, *unit, *source, *model;
	struct chart_tok *series; /* names as written */
	size_t nseries;
	struct chart_tok *sections; /* a route's, as written */
	size_t nsections;
	int sections_bad; /* reported: do not check numbers against them */
	int colors[CHART_MAX_SERIES];
	int colcol[CHART_MAX_SERIES];
	size_t ncolors;
	struct chart_val *targets;
	size_t ntargets;
	int top, width, height;
	enum chart_sort sort;
	struct chart_row *rows;
	size_t nrows, rowcap;
};

static void
chart_perr(struct chart_parse *p, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
chart_perr(struct chart_parse *p, int line, int col, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_error(p->d, p->path, line, col, "%s", msg.ptr);
	buf_release(&msg);
	p->errors++;
}

/* Full-width forms Chinese keyboards type: "：", "，", "、", "／". */
static size_t
chart_match(const char *s, size_t len, const char *const *alts)
{
	for (; *alts; alts++) {
		size_t n = strlen(*alts);

		if (n <= len && !memcmp(s, *alts, n))
			return n;
	}
	return 0;
}

static const char *const chart_colons[] = { ":", "：", NULL };
static const char *const chart_commas[] = { ",", "，", "、", NULL };
static const char *const chart_slashes[] = { "/", "／", NULL };
static const char *const chart_spaces[] = { " ", "\t", "\r", "　", NULL };

/* Trim spaces (and the ideographic space) at both ends, moving the column. */
static void
chart_trim(struct chart_tok *t)
{
	size_t n;

	while (t->len && (n = chart_match(t->p, t->len, chart_spaces))) {
		t->p += n;
		t->len -= n;
		t->col++;
	}
	for (;;) {
		const char *const *a;
		int cut = 0;

		for (a = chart_spaces; *a; a++) {
			n = strlen(*a);
			if (n <= t->len && !memcmp(t->p + t->len - n, *a, n)) {
				t->len -= n;
				cut = 1;
				break;
			}
		}
		if (!cut)
			break;
	}
}

/*
 * Split t at the first separator of seps (or the last when last is set).
 * Returns 0 when there is none.
 */
static int
chart_split_at(const struct chart_tok *t, const char *const *seps, int last,
	       struct chart_tok *head, struct chart_tok *tail, int *sepcol)
{
	size_t off = 0, at = (size_t)-1, atlen = 0;
	int col = t->col, atcol = 0;

	while (off < t->len) {
		size_t n = chart_match(t->p + off, t->len - off, seps);
		uint32_t cp;
		size_t step;

		if (n && (last || at == (size_t)-1)) {
			at = off;
			atlen = n;
			atcol = col;
		}
		step = utf8_decode(t->p + off, t->len - off, &cp);
		off += step ? step : 1;
		col++;
	}
	if (at == (size_t)-1)
		return 0;
	head->p = t->p;
	head->len = at;
	head->col = t->col;
	tail->p = t->p + at + atlen;
	tail->len = t->len - at - atlen;
	tail->col = atcol + 1;
	if (sepcol)
		*sepcol = atcol;
	chart_trim(head);
	chart_trim(tail);
	return 1;
}

static int
chart_split(const struct chart_tok *t, const char *const *seps, int last,
	    struct chart_tok *head, struct chart_tok *tail)
{
	return chart_split_at(t, seps, last, head, tail, NULL);
}

/* Split a list at commas; returns the number of items put in items. */
static size_t
chart_list(const struct chart_tok *t, struct chart_tok **items)
{
	struct chart_tok rest = *t, head, tail;
	size_t n = 0, cap = 0;

	*items = NULL;
	for (;;) {
		*items = xgrow(*items, &cap, n + 1, sizeof(**items));
		if (!chart_split(&rest, chart_commas, 0, &head, &tail)) {
			(*items)[n++] = rest;
			chart_trim(&(*items)[n - 1]);
			return n;
		}
		(*items)[n++] = head;
		rest = tail;
	}
}

static char *
chart_tokdup(const struct chart_tok *t)
{
	return xstrndup(t->p, t->len);
}

/* The token quoted in a message, cut when long. */
static char *
chart_quote(const struct chart_tok *t)
{
	struct buf b = BUF_INIT;
	size_t off = 0, n = 0;
	uint32_t cp;

	while (off < t->len && n < 24) {
		size_t step = utf8_decode(t->p + off, t->len - off, &cp);

		off += step ? step : 1;
		n++;
	}
	buf_add(&b, t->p, off);
	if (off < t->len)
		BUF_ADDLIT(&b, "…");
	return buf_detach(&b, NULL);
}

/*
 * The names of a "series" or "sections" list: none empty, none twice.
 * Reports each problem; returns 1 when there was any.
 */
static int
chart_names_check(struct chart_parse *p, int line,
		  const struct chart_tok *items, size_t n, const char *what)
{
	size_t i, j;
	int bad = 0;

	for (i = 0; i < n; i++) {
		if (!items[i].len) {
			chart_perr(p, line, items[i].col, "empty %s name", what);
			bad = 1;
			continue;
		}
		for (j = 0; j < i; j++)
			if (items[j].len == items[i].len &&
			    !memcmp(items[j].p, items[i].p, items[i].len))
				break;
		if (j < i) {
			char *q = chart_quote(&items[i]);

			chart_perr(p, line, items[i].col, "duplicate %s \"%s\"",
				   what, q);
			free(q);
			bad = 1;
		}
	}
	return bad;
}

/*
 * A plain decimal number: [+-]digits[.digits]. No exponent, no hex, no
 * "nan" or "inf" (strtod takes all of those), no thousands commas (the
 * comma separates values). Returns 0 when t is not one.
 */
static int
chart_number(const struct chart_tok *t, double *out)
{
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15,
	};
	const char *s = t->p, *e = t->p + t->len;
	uint64_t m = 0;
	int neg = 0, digits = 0, fd = 0;

	if (s < e && (*s == '-' || *s == '+'))
		neg = *s++ == '-';
	for (; s < e && *s >= '0' && *s <= '9'; s++, digits++)
		m = m * 10 + (uint64_t)(*s - '0');
	if (s < e && *s == '.') {
		for (s++; s < e && *s >= '0' && *s <= '9'; s++, fd++, digits++)
			m = m * 10 + (uint64_t)(*s - '0');
		if (!fd)
			return 0;
	}
	if (s != e || !digits || digits > 15)
		return 0;
	/*
	 * Both the digits (< 2^53) and the power of ten are exact doubles,
	 * so one division rounds once, as strtod would, without its locale.
	 */
	*out = (double)m / pow10[fd];
	if (neg)
		*out = -*out;
	return 1;
}

static int
chart_value(struct chart_parse *p, int line, const struct chart_tok *t,
	    double *out)
{
	char *q;

	if (chart_number(t, out))
		return 0;
	q = chart_quote(t);
	if (!t->len)
		chart_perr(p, line, t->col, "missing value");
	else if (t->p[t->len - 1] == '%' ||
		 (t->len >= 3 && !memcmp(t->p + t->len - 3, "％", 3)))
		chart_perr(p, line, t->col,
			   "\"%s\" is not a number; write the unit once, as \"unit: %%\"",
			   q);
	else
		chart_perr(p, line, t->col, "\"%s\" is not a number", q);
	free(q);
	return -1;
}

/* A whole number from lo to hi, or an error naming key. */
static int
chart_int(struct chart_parse *p, int line, const struct chart_tok *t,
	  const char *key, int lo, int hi, int *out)
{
	double v;

	if (chart_number(t, &v) && v == floor(v) && v >= lo && v <= hi) {
		*out = (int)v;
		return 0;
	}
	chart_perr(p, line, t->col, "\"%s\" must be a whole number from %d to %d",
		   key, lo, hi);
	return -1;
}

static size_t
chart_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[32];

	if (la >= 31 || lb >= 31)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

static int
chart_key_of(const struct chart_tok *t)
{
	int k;

	for (k = 0; k < KEY_COUNT; k++)
		if (strlen(chart_keys[k]) == t->len &&
		    !memcmp(chart_keys[k], t->p, t->len))
			return k;
	return -1;
}

static void
chart_unknown_key(struct chart_parse *p, int line, const struct chart_tok *t)
{
	char *name = chart_quote(t);
	int k, best = -1;
	size_t bestd = 3;

	for (k = 0; k < KEY_COUNT; k++) {
		size_t dist = chart_edit_distance(name, chart_keys[k]);

		if (dist < bestd) {
			bestd = dist;
			best = k;
		}
	}
	if (best >= 0)
		chart_perr(p, line, t->col, "unknown key \"%s\"; did you mean \"%s\"?",
			   name, chart_keys[best]);
	else
		chart_perr(p, line, t->col, "unknown key \"%s\"; use %s", name,
			   KEYS_LIST);
	free(name);
}

/* Values of one data row: "12", "12, 15" or "97.2 / 98". */
static void
chart_parse_values(struct chart_parse *p, int line, const struct chart_tok *t,
		   struct chart_row *row)
{
	struct chart_tok *items;
	size_t n = chart_list(t, &items), i;

	row->vals = xcalloc(n, sizeof(*row->vals));
	row->vcol = t->col;
	for (i = 0; i < n; i++) {
		struct chart_val *v = &row->vals[row->nvals];
		struct chart_tok a, b;

		v->t = NAN;
		v->col = items[i].col;
		v->tok = items[i];
		if (chart_split_at(&items[i], chart_slashes, 0, &a, &b,
				   &v->slash)) {
			v->tcol = b.col;
			if (chart_value(p, line, &a, &v->v) ||
			    chart_value(p, line, &b, &v->t))
				continue;
		} else if (chart_value(p, line, &items[i], &v->v)) {
			continue;
		}
		v->neg = v->v < 0;
		row->nvals++;
	}
	if (row->nvals != n) {
		row->nvals = (size_t)-1; /* reported; skip the row later */
		row->bad = 1;
	}
	free(items);
}

static void
chart_parse_key(struct chart_parse *p, int key, int line,
		const struct chart_tok *kt, const struct chart_tok *vt)
{
	struct chart_tok *items = NULL;
	size_t n, i;
	int bad = 0;

	if (p->keyline[key]) {
		chart_perr(p, line, kt->col, "duplicate key \"%s\" (first on line %d)",
			   chart_keys[key], p->keyline[key]);
		return;
	}
	p->keyline[key] = line;
	p->keycol[key] = kt->col;
	p->valcol[key] = vt->col;
	if (key == KEY_DATA) {
		if (vt->len)
			chart_perr(p, line, vt->col,
				   "\"data\" takes no value; put one \"name: value\" line per item below it");
		return;
	}
	if (!vt->len) {
		chart_perr(p, line, vt->col, "\"%s\" has no value", chart_keys[key]);
		return;
	}
	switch (key) {
	case KEY_KIND: {
		char *name = chart_quote(vt);

		for (i = 0; i < sizeof(chart_kinds) / sizeof(chart_kinds[0]); i++)
			if (!strcmp(chart_kinds[i].name, name)) {
				p->kind = chart_kinds[i].kind;
				break;
			}
		if (i == sizeof(chart_kinds) / sizeof(chart_kinds[0])) {
			chart_perr(p, line, vt->col,
				   "unknown chart kind \"%s\"; use " KINDS_LIST,
				   name);
			p->keyline[key] = -line; /* known bad: no "has no kind" */
		}
		free(name);
		break;
	}
	case KEY_TITLE:
		p->title = chart_tokdup(vt);
		break;
	case KEY_UNIT:
		p->unit = chart_tokdup(vt);
		break;
	case KEY_SOURCE:
		p->source = chart_tokdup(vt);
		break;
	case KEY_MODEL:
		p->model = chart_tokdup(vt);
		break;
	case KEY_SERIES:
		n = chart_list(vt, &items);
		chart_names_check(p, line, items, n, "series");
		if (n > CHART_MAX_SERIES)
			chart_perr(p, line, items[CHART_MAX_SERIES].col,
				   "too many series (%zu); a chart shows at most %d",
				   n, CHART_MAX_SERIES);
		p->series = items;
		p->nseries = n;
		items = NULL;
		break;
	case KEY_SECTIONS:
		n = chart_list(vt, &items);
		bad = chart_names_check(p, line, items, n, "section");
		if (n > CHART_MAX_SECTIONS) {
			chart_perr(p, line, items[CHART_MAX_SECTIONS].col,
				   "too many sections (%zu); a route shows at most %d",
				   n, CHART_MAX_SECTIONS);
			bad = 1;
		}
		if (!bad) {
			p->sections = items;
			p->nsections = n;
			items = NULL;
		}
		p->sections_bad = bad;
		break;
	case KEY_COLORS:
		n = chart_list(vt, &items);
		for (i = 0; i < n; i++) {
			size_t k;

			for (k = 0; k < CHART_NPAL; k++)
				if (strlen(chart_pal[k].name) == items[i].len &&
				    !memcmp(chart_pal[k].name, items[i].p,
					    items[i].len))
					break;
			if (k == CHART_NPAL) {
				char *q = chart_quote(&items[i]);

				chart_perr(p, line, items[i].col,
					   "unknown colour \"%s\"; use red, gold, blue, teal, brown, purple, olive or gray",
					   q);
				free(q);
				bad = 1;
			} else if (i < CHART_MAX_SERIES) {
				p->colors[i] = (int)k;
				p->colcol[i] = items[i].col;
			}
		}
		if (n > CHART_MAX_SERIES) {
			chart_perr(p, line, items[CHART_MAX_SERIES].col,
				   "too many colours (%zu); a chart shows at most %d series",
				   n, CHART_MAX_SERIES);
			bad = 1;
		}
		p->ncolors = bad ? 0 : n;
		break;
	case KEY_TARGET:
		n = chart_list(vt, &items);
		p->targets = xcalloc(n, sizeof(*p->targets));
		for (i = 0; i < n; i++) {
			p->targets[i].col = items[i].col;
			p->targets[i].t = NAN;
			/* "-": this category has no target */
			if ((items[i].len == 1 && items[i].p[0] == '-') ||
			    (items[i].len == 3 && !memcmp(items[i].p, "—", 3))) {
				p->targets[i].v = NAN;
				p->ntargets++;
			} else if (!chart_value(p, line, &items[i],
						&p->targets[i].v)) {
				p->ntargets++;
			}
		}
		if (p->ntargets != n)
			p->ntargets = 0;
		break;
	case KEY_TOP:
		chart_int(p, line, vt, "top", 1, 50, &p->top);
		break;
	case KEY_SORT:
		if (vt->len == 4 && !memcmp(vt->p, "desc", 4))
			p->sort = CHART_SORT_DESC;
		else if (vt->len == 3 && !memcmp(vt->p, "asc", 3))
			p->sort = CHART_SORT_ASC;
		else if (vt->len == 4 && !memcmp(vt->p, "none", 4))
			p->sort = CHART_SORT_NONE;
		else
			chart_perr(p, line, vt->col,
				   "\"sort\" must be \"desc\", \"asc\" or \"none\"");
		break;
	case KEY_WIDTH:
		chart_int(p, line, vt, "width", 240, 2400, &p->width);
		break;
	case KEY_HEIGHT:
		chart_int(p, line, vt, "height", 160, 2400, &p->height);
		break;
	}
	free(items);
}

/* Whether a row has the name label already (reported). */
static int
chart_row_taken(struct chart_parse *p, int line, const struct chart_tok *label)
{
	size_t i;

	for (i = 0; i < p->nrows; i++)
		if (strlen(p->rows[i].label) == label->len &&
		    !memcmp(p->rows[i].label, label->p, label->len)) {
			char *q = chart_quote(label);

			chart_perr(p, line, label->col,
				   "duplicate name \"%s\" (first on line %d)", q,
				   p->rows[i].line);
			free(q);
			return 1;
		}
	return 0;
}

static struct chart_row *
chart_new_row(struct chart_parse *p, int line, const struct chart_tok *label)
{
	struct chart_row *row;

	p->rows = xgrow(p->rows, &p->rowcap, p->nrows + 1, sizeof(*p->rows));
	row = &p->rows[p->nrows++];
	memset(row, 0, sizeof(*row));
	row->label = chart_tokdup(label);
	row->line = line;
	row->col = label->col;
	return row;
}

/* Whether t is all Chinese numerals or full-width digits: "三", "１２". */
static int
chart_cjk_numeral(const struct chart_tok *t)
{
	static const char numerals[] = "〇零一二三四五六七八九十";
	size_t off = 0;

	while (off < t->len) {
		uint32_t cp;
		size_t n = utf8_decode(t->p + off, t->len - off, &cp);
		char one[5] = "";

		if (n < 2 || n > 4)
			return 0;
		memcpy(one, t->p + off, n);
		if (!(cp >= 0xFF10 && cp <= 0xFF19) && !strstr(numerals, one))
			return 0;
		off += n;
	}
	return t->len > 0;
}

/* Whether the block has said, so far, that it is a route. */
static int
chart_parse_route(const struct chart_parse *p)
{
	return p->keyline[KEY_KIND] > 0 && p->kind == CHART_ROUTE;
}

/*
 * A data line without a colon: a route's point in no section. Any other
 * kind reports it once the kind is known (it may come after the data).
 */
static void
chart_parse_bare(struct chart_parse *p, int line, const struct chart_tok *t)
{
	struct chart_row *row;

	if (chart_row_taken(p, line, t))
		return;
	row = chart_new_row(p, line, t);
	row->bare = 1;
	row->vcol = t->col;
}

static void
chart_parse_row(struct chart_parse *p, int line, const struct chart_tok *t)
{
	struct chart_tok label, vals, a, b;
	struct chart_row *row;
	double dummy;

	/* the last colon: a label may hold one ("X路：高新区示范带: 12") */
	if (!chart_split(t, chart_colons, 1, &label, &vals)) {
		chart_parse_bare(p, line, t);
		return;
	}
	if (!label.len) {
		chart_perr(p, line, t->col, "missing name before \":\"");
		return;
	}
	if (chart_row_taken(p, line, &label))
		return;
	/* a route's point named "X路：高新区示范带" needs its section after it */
	if (chart_parse_route(p) && vals.len && !chart_number(&vals, &dummy) &&
	    !chart_split(&vals, chart_commas, 0, &a, &b)) {
		char *q = chart_quote(&vals), *name = chart_quote(t);

		if (chart_cjk_numeral(&vals))
			chart_perr(p, line, vals.col,
				   "\"%s\" is not a section number; write it in digits, as 1, 2, 3",
				   q);
		else
			chart_perr(p, line, vals.col,
				   "\"%s\" is not a section number; a name that holds a colon needs one after it, as \"%s: 0\"",
				   q, name);
		free(q);
		free(name);
		return;
	}
	if (!vals.len) {
		char *q = chart_quote(&label);

		chart_perr(p, line, vals.col, "\"%s\" has no value", q);
		free(q);
		return;
	}
	row = chart_new_row(p, line, &label);
	chart_parse_values(p, line, &vals, row);
}

static const char *
chart_kind_name(enum chart_kind k)
{
	switch (k) {
	case CHART_BAR:
		return "bar";
	case CHART_HBAR:
		return "hbar";
	case CHART_STACKED:
		return "stacked";
	case CHART_LINE:
		return "line";
	case CHART_DONUT:
		return "donut";
	case CHART_PROGRESS:
		return "progress";
	case CHART_FUNNEL:
		return "funnel";
	case CHART_ROUTE:
		return "route";
	}
	return "bar";
}

static int
chart_single_series(enum chart_kind k)
{
	return k == CHART_DONUT || k == CHART_PROGRESS || k == CHART_FUNNEL ||
	       k == CHART_ROUTE;
}

static int
chart_no_negatives(enum chart_kind k)
{
	return k == CHART_DONUT || k == CHART_PROGRESS || k == CHART_FUNNEL ||
	       k == CHART_STACKED;
}

/*
 * What must hold of any chart, whether parsed or built by a template:
 * reported at (path, line, col) with the chart's title as the subject
 * when there is no path. Returns the number of problems.
 */
static int
chart_check(const struct chart *c, struct diag *d, const char *path,
	    int line, int col)
{
	struct buf pre = BUF_INIT;
	int bad = 0;
	size_t s, i;

	if (!path)
		buf_addf(&pre, "chart \"%s\": ", c->title ? c->title : "");
	if (c->nseries > CHART_MAX_SERIES) {
		diag_error(d, path, line, col,
			   "%stoo many series (%zu); a chart shows at most %d",
			   pre.ptr, c->nseries, CHART_MAX_SERIES);
		bad++;
	}
	if (chart_single_series(c->kind) && c->nseries > 1) {
		diag_error(d, path, line, col,
			   "%sa %s chart takes one series, not %zu; choose one with \"series:\"",
			   pre.ptr, chart_kind_name(c->kind), c->nseries);
		bad++;
	}
	for (s = 0; s < c->nseries && !bad; s++)
		for (i = 0; i < c->ncats; i++) {
			double v = c->series[s].v[i];

			if (!isfinite(v)) {
				diag_error(d, path, line, col,
					   "%svalue of \"%s\" is not a number",
					   pre.ptr, c->cats[i]);
				bad++;
			} else if (fabs(v) >= 1e15) {
				diag_error(d, path, line, col,
					   "%svalue of \"%s\" is too large",
					   pre.ptr, c->cats[i]);
				bad++;
			} else if (v < 0 && chart_no_negatives(c->kind)) {
				struct buf num = BUF_INIT;

				chart_fmt(&num, v, chart_decimals(c), chart_group(c));
				diag_error(d, path, line, col,
					   "%snegative value %s for \"%s\" in a %s chart",
					   pre.ptr, num.ptr, c->cats[i],
					   chart_kind_name(c->kind));
				buf_release(&num);
				bad++;
			}
		}
	if (c->kind == CHART_PROGRESS && c->ncats > CHART_MAX_ROWS) {
		diag_error(d, path, line, col,
			   "%sa progress chart shows at most %d indicators, not %zu",
			   pre.ptr, CHART_MAX_ROWS, c->ncats);
		bad++;
	}
	if (c->kind == CHART_FUNNEL && c->ncats > CHART_MAX_STAGES) {
		diag_error(d, path, line, col,
			   "%sa funnel chart shows at most %d stages, not %zu",
			   pre.ptr, CHART_MAX_STAGES, c->ncats);
		bad++;
	}
	if (c->kind == CHART_ROUTE && c->ncats > CHART_MAX_POINTS) {
		diag_error(d, path, line, col,
			   "%sa route chart shows at most %d points, not %zu",
			   pre.ptr, CHART_MAX_POINTS, c->ncats);
		bad++;
	}
	if (c->kind == CHART_ROUTE && c->nsect > CHART_MAX_SECTIONS) {
		diag_error(d, path, line, col,
			   "%stoo many sections (%zu); a route shows at most %d",
			   pre.ptr, c->nsect, CHART_MAX_SECTIONS);
		bad++;
	}
	for (i = 0; i < c->nsect && c->kind == CHART_ROUTE; i++) {
		/* the block syntax could not write it back */
		if (!c->sect[i][0] || strpbrk(c->sect[i], ",") ||
		    strstr(c->sect[i], "，") || strstr(c->sect[i], "、")) {
			diag_error(d, path, line, col,
				   "%ssection name \"%s\" is empty or holds a comma",
				   pre.ptr, c->sect[i]);
			bad++;
		}
	}
	for (i = 0; i < c->ncats && c->kind == CHART_ROUTE && !bad &&
		    c->nseries; i++) {
		double v = c->series[0].v[i];

		if (v != floor(v) || v < 0 || v > (double)c->nsect) {
			struct buf has = BUF_INIT;

			if (c->nsect)
				buf_addf(&has, "%zu section%s", c->nsect,
					 c->nsect == 1 ? "" : "s");
			else
				BUF_ADDLIT(&has, "no sections");
			diag_error(d, path, line, col,
				   "%ssection %g of \"%s\" does not exist; the chart has %s",
				   pre.ptr, v, c->cats[i], has.ptr);
			buf_release(&has);
			bad++;
		}
	}
	for (s = 0; s < c->nsect && c->kind == CHART_ROUTE && !bad; s++) {
		for (i = 0; i < c->ncats; i++)
			if (chart_point_section(c, i) == s + 1)
				break;
		if (i == c->ncats) {
			diag_error(d, path, line, col,
				   "%ssection \"%s\" has no points", pre.ptr,
				   c->sect[s]);
			bad++;
		}
	}
	for (i = 0; i < c->ncats && c->kind == CHART_PROGRESS; i++) {
		double t = chart_target(c, i);

		if (isnan(t)) {
			diag_error(d, path, line, col, "%s\"%s\" has no target",
				   pre.ptr, c->cats[i]);
			bad++;
		} else if (!(t > 0) || !isfinite(t)) {
			diag_error(d, path, line, col,
				   "%starget of \"%s\" must be more than 0",
				   pre.ptr, c->cats[i]);
			bad++;
		}
	}
	buf_release(&pre);
	return bad;
}

static size_t
chart_find_series(const struct chart *c, const struct chart_tok *name)
{
	size_t j;

	for (j = 0; j < c->nseries; j++)
		if (c->series[j].name && strlen(c->series[j].name) == name->len &&
		    !memcmp(c->series[j].name, name->p, name->len))
			return j;
	return (size_t)-1;
}

/* Keep the model's series named in "series:", in that order. */
static void
chart_select_series(struct chart_parse *p, struct chart *c)
{
	struct chart_series *keep;
	size_t i, j, n = 0;
	int line = p->keyline[KEY_SERIES], bad = 0;

	for (i = 0; i < p->nseries; i++) {
		struct buf have = BUF_INIT;
		char *q;
		size_t k;

		if (chart_find_series(c, &p->series[i]) != (size_t)-1)
			continue;
		q = chart_quote(&p->series[i]);
		for (k = 0; k < c->nseries; k++)
			buf_addf(&have, "%s\"%s\"", k ? ", " : "",
				 c->series[k].name);
		chart_perr(p, line, p->series[i].col,
			   "unknown series \"%s\"; the model \"%s\" has %s", q,
			   p->model, c->nseries ? have.ptr : "none");
		free(q);
		buf_release(&have);
		bad = 1;
	}
	if (bad)
		return;
	keep = xcalloc(p->nseries ? p->nseries : 1, sizeof(*keep));
	for (i = 0; i < p->nseries; i++) {
		j = chart_find_series(c, &p->series[i]);
		keep[n++] = c->series[j];
		c->series[j].name = NULL; /* moved */
		c->series[j].v = NULL;
	}
	for (j = 0; j < c->nseries; j++) {
		free(c->series[j].name);
		free(c->series[j].v);
	}
	free(c->series);
	c->series = keep;
	c->nseries = n;
	c->seriescap = p->nseries ? p->nseries : 1;
}

/* Check the rows against the kind and the series, and fill c. */
static void
chart_fill_rows(struct chart_parse *p, struct chart *c)
{
	size_t want = p->nseries ? p->nseries : 1, i, j;

	if (p->keyline[KEY_SERIES] > 0 && chart_single_series(p->kind) &&
	    p->nseries > 1)
		chart_perr(p, p->keyline[KEY_SERIES], p->valcol[KEY_SERIES],
			   "a %s chart takes one series, not %zu",
			   chart_kind_name(p->kind), p->nseries);
	for (j = 0; j < want; j++) {
		struct buf name = BUF_INIT;

		if (p->nseries)
			buf_add(&name, p->series[j].p, p->series[j].len);
		chart_add_series(c, name.ptr, -1);
		buf_release(&name);
	}
	for (i = 0; i < p->nrows; i++) {
		struct chart_row *r = &p->rows[i];
		size_t cat;

		r->cat = (size_t)-1;
		if (r->nvals == (size_t)-1)
			continue;
		if (p->kind == CHART_ROUTE && c->ncats == CHART_MAX_POINTS) {
			chart_perr(p, r->line, r->col,
				   "a route chart shows at most %d points",
				   CHART_MAX_POINTS);
			break;
		}
		if (r->bare) {
			/* a route's point in no section (others were told) */
			r->cat = chart_add_category(c, r->label);
			continue;
		}
		if (r->nvals != want) {
			r->bad = 1;
			if (p->kind == CHART_ROUTE && want == 1)
				chart_perr(p, r->line, r->vcol,
					   "\"%s\" has %zu values; a point of a route takes one, the number of its section",
					   r->label, r->nvals);
			else if (!p->nseries)
				chart_perr(p, r->line, r->vcol,
					   "\"%s\" has %zu values; name the series first, as \"series: 2023, 2024\"",
					   r->label, r->nvals);
			else
				chart_perr(p, r->line, r->vcol,
					   "\"%s\" has %zu value%s but the chart has %zu series",
					   r->label, r->nvals,
					   r->nvals == 1 ? "" : "s", want);
			continue;
		}
		if ((p->kind == CHART_PROGRESS && c->ncats == CHART_MAX_ROWS) ||
		    (p->kind == CHART_FUNNEL && c->ncats == CHART_MAX_STAGES)) {
			chart_perr(p, r->line, r->col,
				   "a %s chart shows at most %d %s",
				   chart_kind_name(p->kind),
				   p->kind == CHART_FUNNEL ? CHART_MAX_STAGES :
				   CHART_MAX_ROWS,
				   p->kind == CHART_FUNNEL ? "stages" : "indicators");
			break;
		}
		cat = chart_add_category(c, r->label);
		r->cat = cat;
		for (j = 0; j < want; j++) {
			struct chart_val *v = &r->vals[j];

			r->bad = 1; /* until the value is set */
			if (v->slash && p->kind != CHART_PROGRESS) {
				chart_perr(p, r->line, v->slash,
					   "\"/\" is only for progress charts, as \"97.2 / 98\"");
				continue;
			}
			if (v->neg && chart_no_negatives(p->kind)) {
				char *q = chart_quote(&v->tok);

				chart_perr(p, r->line, v->col,
					   "negative value \"%s\" in a %s chart",
					   q, chart_kind_name(p->kind));
				free(q);
				continue;
			}
			if (v->slash && !(v->t > 0)) {
				chart_perr(p, r->line, v->tcol,
					   "target must be more than 0");
				continue;
			}
			if (p->kind == CHART_ROUTE &&
			    (v->v != floor(v->v) || v->neg ||
			     (v->v > (double)p->nsections && !p->sections_bad))) {
				char *q = chart_quote(&v->tok);

				if (v->v != floor(v->v) || v->neg)
					chart_perr(p, r->line, v->col,
						   "\"%s\" is not a section number; number the sections 1, 2, 3... in the order of \"sections\"",
						   q);
				else if (p->nsections)
					chart_perr(p, r->line, v->col,
						   "there is no section %s; \"sections\" names %zu",
						   q, p->nsections);
				else
					chart_perr(p, r->line, v->col,
						   "there is no section %s; name the sections first, as \"sections: 金融商务段, 生活服务段\"",
						   q);
				free(q);
				continue;
			}
			chart_set_value(c, j, cat, v->v);
			if (v->slash)
				chart_set_target(c, cat, v->t);
			r->bad = 0;
		}
	}
	/* a section no point is in is a slip of the pen */
	for (j = 0; j < p->nsections && p->kind == CHART_ROUTE && !p->errors;
	     j++) {
		for (i = 0; i < c->ncats; i++)
			if (chart_point_section(c, i) == j + 1)
				break;
		if (i == c->ncats) {
			char *q = chart_quote(&p->sections[j]);

			chart_perr(p, p->keyline[KEY_SECTIONS], p->sections[j].col,
				   "section \"%s\" has no points", q);
			free(q);
		}
	}
}

/* The block's "sections:" replace any the model gave. */
static void
chart_parse_sections(struct chart_parse *p, struct chart *c)
{
	size_t i;

	if (!p->nsections)
		return;
	for (i = 0; i < c->nsect; i++)
		free(c->sect[i]);
	c->nsect = 0;
	for (i = 0; i < p->nsections; i++) {
		char *name = chart_tokdup(&p->sections[i]);

		chart_add_section(c, name);
		free(name);
	}
}

/* Keys that mean nothing to a route; "sections" that mean nothing else. */
static void
chart_parse_route_keys(struct chart_parse *p)
{
	static const int unused[] = {
		KEY_UNIT, KEY_COLORS, KEY_TARGET, KEY_TOP, KEY_SORT, KEY_HEIGHT,
	};
	size_t i;

	if (p->kind != CHART_ROUTE) {
		if (p->keyline[KEY_SECTIONS] > 0)
			chart_perr(p, p->keyline[KEY_SECTIONS],
				   p->keycol[KEY_SECTIONS],
				   "\"sections\" is only for route charts");
		return;
	}
	for (i = 0; i < sizeof(unused) / sizeof(unused[0]); i++)
		if (p->keyline[unused[i]] > 0)
			chart_perr(p, p->keyline[unused[i]], p->keycol[unused[i]],
				   "\"%s\" is not used in a route chart%s",
				   chart_keys[unused[i]],
				   unused[i] == KEY_HEIGHT ?
				   "; its height follows its points" :
				   unused[i] == KEY_SORT || unused[i] == KEY_TOP ?
				   "; its points keep their order" : "");
}

static void
chart_parse_finish(struct chart_parse *p, struct chart *c,
		   chart_model_fn model, void *model_arg)
{
	int mline = p->keyline[KEY_MODEL], mcol = p->valcol[KEY_MODEL];
	int dline = p->keyline[KEY_DATA];
	size_t i;

	/* a name alone is a route's point; in any other chart, a mistake */
	for (i = 0; i < p->nrows; i++)
		if (p->rows[i].bare && !chart_parse_route(p)) {
			chart_perr(p, p->rows[i].line, p->rows[i].col,
				   "expected \"name: value\"");
			p->rows[i].nvals = (size_t)-1;
			p->rows[i].bad = 1;
		}
	if (!p->keyline[KEY_KIND]) {
		chart_perr(p, p->first_line, 0,
			   "chart has no \"kind\"; add one, as \"kind: bar\"");
		return;
	}
	if (p->keyline[KEY_KIND] < 0)
		return;
	c->kind = p->kind;
	chart_parse_route_keys(p);
	if (p->model && dline) {
		chart_perr(p, dline, p->keycol[KEY_DATA],
			   "a chart takes \"model\" or \"data\", not both");
		return;
	}
	if (p->model) {
		if (!model || model(model_arg, p->model, c) != 0) {
			chart_perr(p, mline, mcol, "unknown model \"%s\"",
				   p->model);
			return;
		}
		if (p->nseries)
			chart_select_series(p, c);
		chart_parse_sections(p, c);
		if (p->errors)
			return;
		if (chart_check(c, p->d, p->path, mline, mcol))
			p->errors++;
	} else if (dline) {
		if (!p->nrows && !p->errors) {
			chart_perr(p, dline, p->keycol[KEY_DATA],
				   "\"data\" has no rows; add one \"name: value\" line per item");
			return;
		}
		chart_parse_sections(p, c);
		chart_fill_rows(p, c);
	} else {
		chart_perr(p, p->first_line, 0,
			   "chart has no data; add a \"data:\" section or a \"model:\"");
		return;
	}
	if (p->ncolors > c->nseries && p->ncolors <= CHART_MAX_SERIES &&
	    c->nseries)
		chart_perr(p, p->keyline[KEY_COLORS], p->colcol[c->nseries],
			   "\"colors\" names %zu colours for %zu series",
			   p->ncolors, c->nseries);
	for (i = 0; i < p->ncolors && i < c->nseries; i++)
		c->series[i].color = p->colors[i];
	if (p->ntargets) {
		int tl = p->keyline[KEY_TARGET];

		if (c->kind == CHART_DONUT || c->kind == CHART_FUNNEL ||
		    c->kind == CHART_STACKED) {
			chart_perr(p, tl, p->keycol[KEY_TARGET],
				   "\"target\" is not used in a %s chart",
				   chart_kind_name(c->kind));
		} else if (p->ntargets == 1) {
			if (c->kind == CHART_PROGRESS && !(p->targets[0].v > 0) &&
			    !isnan(p->targets[0].v))
				chart_perr(p, tl, p->targets[0].col,
					   "target must be more than 0");
			chart_set_target_all(c, p->targets[0].v);
		} else if (p->ntargets != c->ncats) {
			chart_perr(p, tl, p->valcol[KEY_TARGET],
				   "\"target\" has %zu values but the chart has %zu categories",
				   p->ntargets, c->ncats);
		} else {
			for (i = 0; i < p->ntargets; i++) {
				if (c->kind == CHART_PROGRESS &&
				    !(p->targets[i].v > 0) &&
				    !isnan(p->targets[i].v))
					chart_perr(p, tl, p->targets[i].col,
						   "target must be more than 0");
				if (isnan(c->tgt[i]))
					chart_set_target(c, i, p->targets[i].v);
			}
		}
	}
	if (c->kind == CHART_PROGRESS && !p->model)
		for (i = 0; i < p->nrows; i++) {
			struct chart_row *r = &p->rows[i];

			if (!r->bad && r->cat != (size_t)-1 &&
			    isnan(chart_target(c, r->cat)))
				chart_perr(p, r->line, r->col,
					   "\"%s\" has no target; write \"97.2 / 98\" or add \"target: 98\"",
					   r->label);
		}
	if (p->title)
		chart_set_title(c, p->title);
	if (p->unit)
		chart_set_unit(c, p->unit);
	if (p->source)
		chart_set_source(c, p->source);
	if (p->top)
		c->top = p->top;
	if (p->keyline[KEY_SORT])
		c->sort = p->sort;
	if (p->width || p->height)
		chart_set_size(c, p->width, p->height);
}

int
chart_parse(struct chart **out, const char *text, const char *path,
	    int first_line, chart_model_fn model, void *model_arg,
	    struct diag *d)
{
	struct chart_parse p;
	struct chart *c = NULL;
	const char *s = text;
	int line = first_line, in_data = 0, ret = -1;
	size_t i;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.path = path;
	p.d = d;
	p.first_line = first_line;
	while (*s) {
		const char *eol = strchr(s, '\n');
		struct chart_tok t, k, v;
		int key;

		t.p = s;
		t.len = eol ? (size_t)(eol - s) : strlen(s);
		t.col = 1;
		chart_trim(&t);
		if (t.len && t.p[0] != '#') {
			if (!chart_split(&t, chart_colons, 0, &k, &v)) {
				if (in_data)
					chart_parse_bare(&p, line, &t);
				else
					chart_perr(&p, line, t.col,
						   "expected \"key: value\"");
			} else if ((key = chart_key_of(&k)) >= 0) {
				chart_parse_key(&p, key, line, &k, &v);
				if (key == KEY_DATA)
					in_data = 1;
			} else if (in_data) {
				chart_parse_row(&p, line, &t);
			} else if (!k.len) {
				chart_perr(&p, line, t.col, "missing key before \":\"");
			} else {
				chart_unknown_key(&p, line, &k);
			}
		}
		if (!eol)
			break;
		s = eol + 1;
		line++;
	}
	c = chart_new(CHART_BAR);
	chart_parse_finish(&p, c, model, model_arg);
	if (!p.errors) {
		*out = c;
		c = NULL;
		ret = 0;
	}
	chart_free(c);
	free(p.title);
	free(p.unit);
	free(p.source);
	free(p.model);
	free(p.series);
	free(p.sections);
	free(p.targets);
	for (i = 0; i < p.nrows; i++) {
		free(p.rows[i].label);
		free(p.rows[i].vals);
	}
	free(p.rows);
	return ret;
}

/* ------------------------------------------------------------------ */
/* Fonts and text                                                     */
/* ------------------------------------------------------------------ */

/*
 * FreeType faces are not thread-safe, and opening one costs about a
 * millisecond, so the faces live in a pool: a render takes a set (regular
 * and bold) for itself, with its glyph cache, and gives it back. Only
 * taking, giving back and opening need the lock (FreeType requires the
 * library's lock around FT_New_Face and FT_Done_Face).
 */
#define GLYPH_BUCKETS 1024
#define GLYPH_MAX 6000

struct chart_glyph {
	struct chart_glyph *next;
	uint32_t cp;
	int px64, bold;
	int left, top, w, h;
	unsigned char *bits; /* w * h coverage values */
};

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

static struct chart_face *
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

static void
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
static double
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

static double
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

static double
chart_width(struct chart_face *fc, const char *s, double px, int bold)
{
	return chart_width_n(fc, s, strlen(s), px, bold);
}

static struct chart_glyph *
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

static int
chart_wrap(struct chart_face *fc, const char *s, double px, int bold,
	   double width, int max_lines, struct buf *out)
{
	return chart_wrap_cut(fc, s, px, bold, width, max_lines, out, NULL);
}

/*
 * Wrap a label into lines of even length: "十一社区" as 十一/社区, not
 * 十一社/区. Try narrower widths that need no more lines and cut nothing.
 */
static int
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

/* ------------------------------------------------------------------ */
/* The canvas                                                         */
/* ------------------------------------------------------------------ */

/*
 * Everything is drawn on the output image, in CSS pixel coordinates.
 * Axis-aligned rectangles (bars, grid, axes) are snapped to whole output
 * pixels: their edges stay sharp, and drawing them at a multiple would
 * change nothing. Every slanted or round shape (lines, donut slices,
 * markers) is drawn ss times finer into a mask of its own and scaled down
 * by averaging, so its edges are smooth; that costs in proportion to the
 * shape, not to the whole picture. Text waits in a queue and is drawn
 * last, hinted at its real size, which keeps it crisp.
 */
enum { AL_LEFT, AL_CENTER, AL_RIGHT };

struct chart_textop {
	char *s;
	double x, y, px; /* y: top of the em box */
	int bold, align;
	unsigned rgb;
};

struct chart_canvas {
	gdImagePtr out;
	int scale, ss, W, H;
	struct chart_face *fc;
	struct chart_textop *ops;
	size_t nops, opscap;
};

/* Where the baseline sits below the top of the em box (CJK fonts). */
#define EM_ASCENT 0.88

static void
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

static void
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
static void
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
static void
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

static void
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
static void
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
static void
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

static void
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
static void
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
static double
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
static void
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

static double
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

/* Draw the queued text, over every shape. */
static void
chart_cv_finish(struct chart_canvas *cv)
{
	size_t i;

	for (i = 0; i < cv->nops; i++)
		chart_cv_glyphs(cv, &cv->ops[i]);
}

/* ------------------------------------------------------------------ */
/* What the chart shows: order, top N and 其他                         */
/* ------------------------------------------------------------------ */

struct chart_view {
	size_t n, ns;       /* rows shown, series */
	const char **label; /* n */
	double *v;          /* n * ns: v[i * ns + s] */
	double *t;          /* n targets, NAN: none */
	int *color;         /* ns series colours */
	int other;          /* the last row is 其他 */
	size_t dropped;     /* rows of a rate chart left out */
	size_t total;       /* rows in the chart */
};

static double
chart_key(const struct chart *c, size_t i)
{
	double k = 0;
	size_t s;

	if (c->kind != CHART_STACKED)
		return c->nseries ? c->series[0].v[i] : 0;
	for (s = 0; s < c->nseries; s++)
		k += c->series[s].v[i];
	return k;
}

struct chart_keyed {
	double key;
	size_t idx;
};

static int
chart_keyed_desc(const void *pa, const void *pb)
{
	const struct chart_keyed *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int
chart_keyed_asc(const void *pa, const void *pb)
{
	const struct chart_keyed *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/*
 * Sort idx by key, descending or ascending; ties keep their order (the
 * index breaks them), so the result is the same on every libc.
 */
static void
chart_order(const struct chart *c, size_t *idx, size_t n, int desc)
{
	struct chart_keyed *k = xcalloc(n ? n : 1, sizeof(*k));
	size_t i;

	for (i = 0; i < n; i++) {
		k[i].key = chart_key(c, idx[i]);
		k[i].idx = idx[i];
	}
	qsort(k, n, sizeof(*k), desc ? chart_keyed_desc : chart_keyed_asc);
	for (i = 0; i < n; i++)
		idx[i] = k[i].idx;
	free(k);
}

/* How many categories fit before the rest become 其他. */
static size_t
chart_limit(const struct chart *c, int W)
{
	size_t n;

	switch (c->kind) {
	case CHART_DONUT:
		return 7;
	case CHART_HBAR:
		return 20;
	case CHART_BAR:
	case CHART_STACKED:
		/* 44 px a slot: three characters a line under each bar */
		n = (size_t)(W - 110) /
		    ((c->kind == CHART_STACKED ? 1 : c->nseries) * 14 + 30);
		return n < 3 ? 3 : n > 24 ? 24 : n;
	default:
		return (size_t)-1;
	}
}

static void
chart_view_init(struct chart_view *v, const struct chart *c, int W)
{
	size_t n = c->ncats, ns = c->nseries, i, s, limit, keep;
	size_t *idx = xcalloc(n ? n : 1, sizeof(*idx));

	memset(v, 0, sizeof(*v));
	v->ns = ns;
	v->total = n;
	v->color = xcalloc(ns ? ns : 1, sizeof(*v->color));
	for (s = 0; s < ns; s++)
		v->color[s] = chart_series_color(c, s);
	for (i = 0; i < n; i++)
		idx[i] = i;
	if (c->sort != CHART_SORT_NONE && c->kind != CHART_ROUTE)
		chart_order(c, idx, n, c->sort == CHART_SORT_DESC);
	limit = c->top ? (size_t)c->top : chart_limit(c, W);
	if (c->kind == CHART_LINE || c->kind == CHART_FUNNEL ||
	    c->kind == CHART_PROGRESS || c->kind == CHART_ROUTE)
		limit = (size_t)-1;
	keep = n;
	if (n > limit) {
		/* the largest `keep`, shown in the chart's own order */
		size_t *big = xcalloc(n, sizeof(*big));
		int *in = xcalloc(n, sizeof(*in));
		size_t j = 0;

		v->other = c->kind == CHART_DONUT || !chart_is_rate(c);
		keep = v->other ? limit - 1 : limit;
		for (i = 0; i < n; i++)
			big[i] = i;
		chart_order(c, big, n, 1);
		for (i = 0; i < keep; i++)
			in[big[i]] = 1;
		for (i = 0; i < n; i++)
			if (in[idx[i]])
				idx[j++] = idx[i];
		v->dropped = v->other ? 0 : n - keep;
		free(big);
		free(in);
	}
	v->n = keep + (v->other ? 1 : 0);
	v->label = xcalloc(v->n ? v->n : 1, sizeof(*v->label));
	v->v = xcalloc(v->n && ns ? v->n * ns : 1, sizeof(*v->v));
	v->t = xcalloc(v->n ? v->n : 1, sizeof(*v->t));
	for (i = 0; i < keep; i++) {
		v->label[i] = c->cats[idx[i]];
		v->t[i] = chart_target(c, idx[i]);
		for (s = 0; s < ns; s++)
			v->v[i * ns + s] = c->series[s].v[idx[i]];
	}
	if (v->other) {
		int *in = xcalloc(n, sizeof(*in));

		for (i = 0; i < keep; i++)
			in[idx[i]] = 1;
		v->label[keep] = CHART_OTHER;
		v->t[keep] = NAN;
		for (i = 0; i < n; i++)
			if (!in[i])
				for (s = 0; s < ns; s++)
					v->v[keep * ns + s] += c->series[s].v[i];
		free(in);
	}
	free(idx);
}

static void
chart_view_release(struct chart_view *v)
{
	free(v->label);
	free(v->v);
	free(v->t);
	free(v->color);
}

/* ------------------------------------------------------------------ */
/* Layout and drawing                                                 */
/* ------------------------------------------------------------------ */

/* Sizes in CSS px. */
#define PAD 20.0
#define PX_TITLE 20.0
#define PX_LABEL 13.0
#define PX_SMALL 12.0
#define PX_VALUE 13.0
#define LINE_H 1.35

struct chart_box {
	double x0, y0, x1, y1;
};

struct chart_ctx {
	const struct chart *c;
	struct chart_canvas *cv;
	struct chart_view v;
	int dec;
	double W, H;
	double x0, y0, x1, y1; /* the plot box */
	int group;              /* thousands separators (chart_group) */
	struct chart_box *obs;  /* what a movable label must not cover */
	size_t nobs, obscap;
};

static void
chart_obstacle(struct chart_ctx *x, double x0, double y0, double x1,
	       double y1)
{
	struct chart_box *b;

	x->obs = xgrow(x->obs, &x->obscap, x->nobs + 1, sizeof(*x->obs));
	b = &x->obs[x->nobs++];
	b->x0 = x0 < x1 ? x0 : x1;
	b->x1 = x0 < x1 ? x1 : x0;
	b->y0 = y0 < y1 ? y0 : y1;
	b->y1 = y0 < y1 ? y1 : y0;
}

/* A segment as a row of small boxes. */
static void
chart_obstacle_line(struct chart_ctx *x, double x0, double y0, double x1,
		    double y1, double w)
{
	double len = hypot(x1 - x0, y1 - y0), t;

	for (t = 0; t <= len; t += 2) {
		double px = x0 + (x1 - x0) * (len > 0 ? t / len : 0);
		double py = y0 + (y1 - y0) * (len > 0 ? t / len : 0);

		chart_obstacle(x, px - w, py - w, px + w, py + w);
	}
}

static size_t
chart_collisions(const struct chart_ctx *x, const struct chart_box *b)
{
	size_t i, n = 0;

	for (i = 0; i < x->nobs; i++)
		if (x->obs[i].x0 < b->x1 && b->x0 < x->obs[i].x1 &&
		    x->obs[i].y0 < b->y1 && b->y0 < x->obs[i].y1)
			n++;
	return n;
}

struct chart_legend {
	const char *label;
	unsigned rgb;
	int style; /* 0 square, 1 dashed line, 2 marker */
};

/* Title, then a row with the legend on the left and the unit on the right. */
static double
chart_header(struct chart_ctx *x, const struct chart_legend *items, size_t n,
	     int show_unit)
{
	struct chart_canvas *cv = x->cv;
	const struct chart *c = x->c;
	double y = PAD, lx = PAD, unit_w = 0, row_h = PX_LABEL * LINE_H;
	struct buf unit = BUF_INIT;
	size_t i;

	if (c->title) {
		struct buf t = BUF_INIT;
		int lines = chart_wrap(cv->fc, c->title, PX_TITLE, 1,
				       x->W - 2 * PAD, 2, &t);

		chart_cv_lines(cv, t.ptr, PAD, y, PX_TITLE, PX_TITLE * 1.4, 1,
			       AL_LEFT, INK_TITLE);
		y += lines * PX_TITLE * 1.4 + 6;
		buf_release(&t);
	}
	if (show_unit && c->unit) {
		buf_addf(&unit, "单位：%s", c->unit);
		unit_w = chart_cv_width(cv, unit.ptr, PX_SMALL, 0);
		chart_cv_text(cv, unit.ptr, x->W - PAD, y + (row_h - PX_SMALL) / 2,
			      PX_SMALL, 0, AL_RIGHT, INK_MUTED);
	}
	for (i = 0; i < n; i++) {
		double tw = chart_cv_width(cv, items[i].label, PX_LABEL, 0);
		double sw = items[i].style == 1 ? 22 : 12;
		double right = x->W - PAD - (unit_w ? unit_w + 16 : 0);
		double my = y + row_h / 2;

		if (lx > PAD && lx + sw + 6 + tw > right) {
			lx = PAD;
			y += row_h;
			my = y + row_h / 2;
			unit_w = 0;
		}
		if (items[i].style == 0)
			chart_cv_rect(cv, lx, my - 6, lx + 12, my + 6, items[i].rgb);
		else if (items[i].style == 1)
			chart_cv_dashed(cv, lx, my, lx + 22, my, 2, 5, 3,
					items[i].rgb);
		else
			chart_cv_rect(cv, lx + 5, my - 8, lx + 7, my + 8,
				      items[i].rgb);
		chart_cv_text(cv, items[i].label, lx + sw + 6,
			      my - PX_LABEL / 2, PX_LABEL, 0, AL_LEFT, INK_TEXT);
		lx += sw + 6 + tw + 18;
	}
	if (n || unit.len)
		y += row_h;
	buf_release(&unit);
	return y + 4;
}

/* Source and note at the bottom; returns the top of what it drew. */
static double
chart_footer(struct chart_ctx *x)
{
	const struct chart *c = x->c;
	struct buf t = BUF_INIT, lines = BUF_INIT;
	double lh = PX_SMALL * 1.45, top = x->H - PAD;
	int n;

	if (c->source)
		buf_addf(&t, "数据来源：%s", c->source);
	if (x->v.dropped)
		buf_addf(&t, "%s注：图中仅显示数值最大的 %zu 项（共 %zu 项）",
			 t.len ? "　" : "", x->v.n, x->v.total);
	if (!t.len) {
		buf_release(&t);
		return top;
	}
	n = chart_wrap(x->cv->fc, t.ptr, PX_SMALL, 0, x->W - 2 * PAD, 2, &lines);
	top -= n * lh;
	chart_cv_lines(x->cv, lines.ptr, PAD, top + (lh - PX_SMALL) / 2,
		       PX_SMALL, lh, 0, AL_LEFT, INK_MUTED);
	buf_release(&t);
	buf_release(&lines);
	return top - 6;
}

static void
chart_empty(struct chart_ctx *x)
{
	chart_cv_text(x->cv, "暂无数据", (x->x0 + x->x1) / 2,
		      (x->y0 + x->y1) / 2 - 8, 16, 0, AL_CENTER, INK_MUTED);
}

static void
chart_value_text(struct chart_ctx *x, struct buf *b, double v)
{
	buf_reset(b);
	chart_fmt(b, v, x->dec, x->group);
}

/* The tick labels of scale s. */
static double
chart_ticks_width(struct chart_ctx *x, const struct chart_scale *s)
{
	struct buf b = BUF_INIT;
	int d = chart_step_decimals(s->step), i;
	double w = 0;

	for (i = 0; i <= s->nticks; i++) {
		double tw;

		buf_reset(&b);
		chart_fmt(&b, s->lo + i * s->step, d, x->group);
		tw = chart_cv_width(x->cv, b.ptr, PX_SMALL, 0);
		if (tw > w)
			w = tw;
	}
	buf_release(&b);
	return w;
}

static void
chart_range(struct chart_ctx *x, double *min, double *max)
{
	const struct chart_view *v = &x->v;
	size_t i, s;

	*min = 0;
	*max = 0;
	for (i = 0; i < v->n; i++) {
		double sum = 0;

		for (s = 0; s < v->ns; s++) {
			double a = v->v[i * v->ns + s];

			sum += a;
			if (x->c->kind != CHART_STACKED) {
				if (a < *min || (!i && !s))
					*min = a;
				if (a > *max || (!i && !s))
					*max = a;
			}
		}
		if (x->c->kind == CHART_STACKED) {
			if (sum > *max || !i)
				*max = sum;
			*min = 0;
		}
		if (!isnan(v->t[i])) {
			if (v->t[i] > *max)
				*max = v->t[i];
			if (v->t[i] < *min)
				*min = v->t[i];
		}
	}
}

/*
 * The value scale. Bars start at zero; a line whose values sit in a band
 * far from zero (rates of 96 to 99 %) gets an axis around the band, or it
 * would be flat.
 */
static void
chart_value_scale(struct chart_ctx *x, struct chart_scale *s, double len)
{
	double min, max;
	int ticks = (int)(len / 48);

	if (ticks < 2)
		ticks = 2;
	if (ticks > 8)
		ticks = 8;
	chart_range(x, &min, &max);
	if (x->c->kind == CHART_LINE && min > 0 && max - min < 0.3 * max) {
		double pad = (max - min) * 0.15;

		if (pad <= 0)
			pad = max * 0.05 + 1e-9;
		chart_scale_step(s, min - pad, max + pad, ticks,
				 x->dec ? 0 : 1);
		if (s->lo < 0)
			chart_scale_step(s, 0, max + pad, ticks, x->dec ? 0 : 1);
	} else {
		if (min > 0)
			min = 0;
		if (max < 0)
			max = 0;
		/* counts get whole-number ticks: no "0.5 个" */
		chart_scale_step(s, min, max, ticks, x->dec ? 0 : 1);
	}
	if (fabs(s->lo) >= 10000 || fabs(s->hi) >= 10000)
		x->group = 1;
	/* a rate axis stops at 100 % when the data do */
	if (chart_is_rate(x->c) && max <= 100 && s->hi > 100) {
		double n = (100 - s->lo) / s->step;

		if (fabs(n - round(n)) < 1e-9 && round(n) >= 1) {
			s->hi = 100;
			s->nticks = (int)round(n);
		}
	}
}

/* Wrap every label of the view at width; returns the most lines used. */
static int
chart_wrap_labels(struct chart_ctx *x, double width, int max_lines,
		  struct buf *out)
{
	size_t i;
	int most = 1;

	for (i = 0; i < x->v.n; i++) {
		int n;

		buf_init(&out[i], 0);
		n = chart_wrap_even(x->cv->fc, x->v.label[i], PX_LABEL, 0,
				    width, max_lines, &out[i]);
		if (n > most)
			most = n;
	}
	return most;
}

static void
chart_release_labels(struct buf *labels, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_release(&labels[i]);
	free(labels);
}

static double
chart_ypos(const struct chart_scale *s, const struct chart_ctx *x, double v)
{
	return x->y1 - (v - s->lo) / (s->hi - s->lo) * (x->y1 - x->y0);
}

/*
 * Target marks: the dashed line (or, for targets that differ, a dash per
 * bar or a dashed line through the points) and one label "目标 98%", put
 * at whichever end and side of the line covers no bar, point or label.
 */
static void
chart_vtargets(struct chart_ctx *x, const double *cx,
	       const struct chart_scale *s, double slot, int label)
{
	const struct chart_view *v = &x->v;
	struct buf b = BUF_INIT;
	size_t i, first = (size_t)-1, last = (size_t)-1, best_n = (size_t)-1;
	int constant = 1, k;
	double tw, h = PX_SMALL + 4, ends[2][2];
	struct chart_box best = { 0, 0, 0, 0 };

	for (i = 0; i < v->n; i++) {
		if (isnan(v->t[i]))
			continue;
		if (last != (size_t)-1 && v->t[i] != v->t[last])
			constant = 0;
		if (first == (size_t)-1)
			first = i;
		last = i;
	}
	if (last == (size_t)-1)
		return;
	if (constant && !v->other) {
		double ly = chart_ypos(s, x, v->t[last]);

		if (!label)
			chart_cv_dashed(x->cv, x->x0, ly, x->x1, ly, 1.6, 6, 4,
					INK_TEXT);
		ends[0][0] = x->x0 + 4, ends[0][1] = ly;
		ends[1][0] = x->x1, ends[1][1] = ly;
	} else {
		for (i = 0; i < v->n; i++) {
			double a;

			if (isnan(v->t[i]))
				continue;
			a = chart_ypos(s, x, v->t[i]);
			if (label)
				continue;
			if (x->c->kind == CHART_LINE) {
				if (i + 1 < v->n && !isnan(v->t[i + 1]))
					chart_cv_dashed(x->cv, cx[i], a, cx[i + 1],
							chart_ypos(s, x, v->t[i + 1]),
							1.6, 6, 4, INK_TEXT);
			} else {
				chart_cv_dashed(x->cv, cx[i] - slot * 0.45, a,
						cx[i] + slot * 0.45, a, 1.6, 5, 3,
						INK_TEXT);
			}
		}
		ends[0][0] = cx[first] - (x->c->kind == CHART_LINE ? 0 : slot * 0.45);
		ends[0][1] = chart_ypos(s, x, v->t[first]);
		ends[1][0] = cx[last] + (x->c->kind == CHART_LINE ? 0 : slot * 0.45);
		ends[1][1] = chart_ypos(s, x, v->t[last]);
	}
	if (!label)
		return;
	BUF_ADDLIT(&b, "目标 ");
	chart_fmt_unit(&b, v->t[last], x->dec, x->group, x->c->unit);
	tw = chart_cv_width(x->cv, b.ptr, PX_SMALL, 0) + 6;
	/* right end above, right below, left above, left below */
	for (k = 0; k < 4; k++) {
		const double *e = ends[k < 2];
		struct chart_box box;
		size_t n;

		box.x0 = k < 2 ? e[0] - tw : e[0];
		if (box.x0 + tw > x->x1)
			box.x0 = x->x1 - tw;
		if (box.x0 < x->x0)
			box.x0 = x->x0;
		box.x1 = box.x0 + tw;
		box.y0 = k % 2 ? e[1] + 3 : e[1] - 3 - h;
		box.y1 = box.y0 + h;
		n = chart_collisions(x, &box);
		if (box.y0 < x->y0 - 16 || box.y1 > x->y1)
			n += 1000;
		if (n < best_n) {
			best_n = n;
			best = box;
		}
		if (!n)
			break;
	}
	chart_cv_rect(x->cv, best.x0, best.y0, best.x1, best.y1, INK_WHITE);
	chart_cv_text(x->cv, b.ptr, best.x0 + 3, best.y0 + 2, PX_SMALL, 0,
		      AL_LEFT, INK_TEXT);
	buf_release(&b);
}


/* Value axis on the left, grid lines across; returns nothing. */
static void
chart_yaxis(struct chart_ctx *x, const struct chart_scale *s)
{
	struct buf b = BUF_INIT;
	int d = chart_step_decimals(s->step), i;

	for (i = 0; i <= s->nticks; i++) {
		double v = s->lo + i * s->step, y = chart_ypos(s, x, v);

		buf_reset(&b);
		chart_fmt(&b, v, d, x->group);
		if (fabs(v) > 1e-12 || s->lo != 0)
			chart_cv_hline(x->cv, x->x0, x->x1, y, 1, INK_GRID);
		chart_cv_text(x->cv, b.ptr, x->x0 - 8, y - PX_SMALL / 2,
			      PX_SMALL, 0, AL_RIGHT, INK_MUTED);
	}
	buf_release(&b);
}

/* Font size for value labels that fit in room, or 0 for none. */
static double
chart_label_px(struct chart_ctx *x, double room, int stacked)
{
	static const double sizes[] = { PX_VALUE, 11.5 };
	struct buf b = BUF_INIT;
	size_t k, i, s;

	for (k = 0; k < 2; k++) {
		int fits = 1;

		for (i = 0; fits && i < x->v.n; i++) {
			double sum = 0;

			for (s = 0; s < x->v.ns; s++) {
				sum += x->v.v[i * x->v.ns + s];
				if (stacked)
					continue;
				chart_value_text(x, &b, x->v.v[i * x->v.ns + s]);
				if (chart_cv_width(x->cv, b.ptr, sizes[k], 0) > room)
					fits = 0;
			}
			if (stacked) {
				chart_value_text(x, &b, sum);
				if (chart_cv_width(x->cv, b.ptr, sizes[k], 0) > room)
					fits = 0;
			}
		}
		if (fits) {
			buf_release(&b);
			return sizes[k];
		}
	}
	buf_release(&b);
	return 0;
}

/* Vertical bars (grouped when several series), stacked bars and lines. */
static void
chart_draw_columns(struct chart_ctx *x)
{
	const struct chart_view *v = &x->v;
	enum chart_kind kind = x->c->kind;
	struct chart_scale s;
	struct buf *labels, b = BUF_INIT;
	double slot, lab_h, lab_y, tw, *cx, zero, vpx, lh = PX_LABEL * 1.3;
	size_t i, j, ns = v->ns, step = 1;
	int lines, has_t = 0;

	for (i = 0; i < v->n; i++)
		has_t |= !isnan(v->t[i]);
	/* the axis labels' width depends on the scale, the scale on height */
	chart_value_scale(x, &s, x->y1 - x->y0 - 40);
	tw = chart_ticks_width(x, &s);
	x->x0 = PAD + tw + 10;
	x->x1 = x->W - PAD;
	slot = (x->x1 - x->x0) / (double)v->n;
	labels = xcalloc(v->n, sizeof(*labels));
	/* lines with many points label every step-th category */
	if (kind == CHART_LINE)
		while (slot * step < 40 && step < v->n)
			step++;
	lines = chart_wrap_labels(x, slot * step - 6, 2, labels);
	lab_h = lines * lh + 8;
	x->y1 -= lab_h;
	lab_y = x->y1 + 8;
	/* below a negative bar goes its label: room for it above the names */
	for (i = 0; i < v->n * ns && kind == CHART_BAR; i++)
		if (v->v[i] < 0) {
			x->y1 -= PX_VALUE + 8;
			break;
		}
	chart_value_scale(x, &s, x->y1 - x->y0);
	cx = xcalloc(v->n, sizeof(*cx));
	for (i = 0; i < v->n; i++)
		cx[i] = x->x0 + slot * (i + 0.5);
	chart_yaxis(x, &s);
	zero = chart_ypos(&s, x, s.lo > 0 ? s.lo : s.hi < 0 ? s.hi : 0);
	for (i = 0; i < v->n; i += step)
		chart_cv_lines(x->cv, labels[i].ptr, cx[i], lab_y, PX_LABEL,
			       lh, 0, AL_CENTER, INK_TEXT);
	if (kind == CHART_BAR) {
		double gw = slot * (ns > 1 ? 0.8 : 0.62), gap = ns > 1 ? 2 : 0;
		double bw = (gw - gap * (ns - 1)) / ns;

		if (bw > (ns > 1 ? 40 : 72))
			bw = ns > 1 ? 40 : 72;
		gw = bw * ns + gap * (ns - 1);
		vpx = chart_label_px(x, bw + (ns > 1 ? gap : slot - bw) - 2, 0);
		for (i = 0; i < v->n; i++)
			for (j = 0; j < ns; j++) {
				double bx = cx[i] - gw / 2 + j * (bw + gap);
				double by = chart_ypos(&s, x, v->v[i * ns + j]);

				chart_cv_rect(x->cv, bx, by, bx + bw, zero,
					      chart_palette_rgb(v->color[j]));
				chart_obstacle(x, bx, by, bx + bw, zero);
			}
		/* the target line over the bars, under the numbers */
		chart_vtargets(x, cx, &s, slot, 0);
		for (i = 0; i < v->n && vpx; i++)
			for (j = 0; j < ns; j++) {
				double val = v->v[i * ns + j];
				double bx = cx[i] - gw / 2 + j * (bw + gap);
				double by = chart_ypos(&s, x, val);
				double ty = val < 0 ? by + 3 : by - vpx - 4;

				chart_value_text(x, &b, val);
				tw = chart_cv_text(x->cv, b.ptr, bx + bw / 2, ty, vpx,
						   0, AL_CENTER, INK_TEXT);
				if (has_t)
					chart_cv_rect(x->cv, bx + bw / 2 - tw / 2 - 1,
						      ty, bx + bw / 2 + tw / 2 + 1,
						      ty + vpx + 1, INK_WHITE);
				chart_obstacle(x, bx + bw / 2 - tw / 2, ty,
					       bx + bw / 2 + tw / 2, ty + vpx);
			}
	} else if (kind == CHART_STACKED) {
		double bw = slot * 0.62;

		if (bw > 80)
			bw = 80;
		vpx = chart_label_px(x, slot - 4, 1);
		for (i = 0; i < v->n; i++) {
			double sum = 0;

			for (j = 0; j < ns; j++) {
				double val = v->v[i * ns + j];
				double ya = chart_ypos(&s, x, sum);
				double yb = chart_ypos(&s, x, sum + val);
				int col = v->color[j];

				sum += val;
				chart_cv_rect(x->cv, cx[i] - bw / 2, yb,
					      cx[i] + bw / 2, ya,
					      chart_palette_rgb(col));
				chart_obstacle(x, cx[i] - bw / 2, yb,
					       cx[i] + bw / 2, ya);
				if (val <= 0)
					continue;
				/* a hairline of white between segments */
				if (j)
					chart_cv_hline(x->cv, cx[i] - bw / 2,
						       cx[i] + bw / 2, ya, 1,
						       INK_WHITE);
				chart_value_text(x, &b, val);
				if (ya - yb >= PX_SMALL + 4 &&
				    chart_cv_width(x->cv, b.ptr, PX_SMALL, 0) <= bw - 4)
					chart_cv_text(x->cv, b.ptr, cx[i],
						      (ya + yb) / 2 - PX_SMALL / 2,
						      PX_SMALL, 0, AL_CENTER,
						      chart_palette_ink(col));
			}
			if (vpx) {
				double ty = chart_ypos(&s, x, sum) - vpx - 4;

				chart_value_text(x, &b, sum);
				tw = chart_cv_text(x->cv, b.ptr, cx[i], ty, vpx, 1,
						   AL_CENTER, INK_TEXT);
				chart_obstacle(x, cx[i] - tw / 2, ty,
					       cx[i] + tw / 2, ty + vpx);
			}
		}
	} else {
		/* lines: one label per point when they cannot collide */
		int label_all = ns <= 2 && slot >= 34;

		for (j = 0; j < ns; j++) {
			unsigned rgb = chart_palette_rgb(v->color[j]);

			for (i = 0; i + 1 < v->n; i++) {
				double ya = chart_ypos(&s, x, v->v[i * ns + j]);
				double yb = chart_ypos(&s, x, v->v[(i + 1) * ns + j]);

				chart_cv_line(x->cv, cx[i], ya, cx[i + 1], yb, 2.5,
					      rgb);
				chart_obstacle_line(x, cx[i], ya, cx[i + 1], yb, 2);
			}
			for (i = 0; i < v->n; i++) {
				double y = chart_ypos(&s, x, v->v[i * ns + j]);

				chart_cv_circle(x->cv, cx[i], y, 5, INK_WHITE);
				chart_cv_circle(x->cv, cx[i], y, 3.5, rgb);
				chart_obstacle(x, cx[i] - 5, y - 5, cx[i] + 5, y + 5);
			}
		}
		chart_vtargets(x, cx, &s, slot, 0);
		for (j = 0; j < ns && label_all; j++)
			for (i = 0; i < v->n; i++) {
				double val = v->v[i * ns + j];
				double y = chart_ypos(&s, x, val);
				int below = 0;

				/* of two lines, the lower one's labels go below */
				if (ns == 2) {
					double o = v->v[i * ns + (1 - j)];

					below = val < o || (val == o && j == 1);
				}
				double ty = below ? y + 8 : y - PX_VALUE - 8;

				chart_value_text(x, &b, val);
				tw = chart_cv_width(x->cv, b.ptr, PX_VALUE, 0);
				/* a white halo keeps the number readable over lines */
				chart_cv_rect(x->cv, cx[i] - tw / 2 - 1, ty + 1,
					      cx[i] + tw / 2 + 1, ty + PX_VALUE,
					      INK_WHITE);
				chart_cv_text(x->cv, b.ptr, cx[i], ty, PX_VALUE, 0,
					      AL_CENTER,
					      ns == 1 ? INK_TEXT :
					      chart_palette_rgb(v->color[j]));
				chart_obstacle(x, cx[i] - tw / 2 - 2, ty,
					       cx[i] + tw / 2 + 2, ty + PX_VALUE + 2);
			}
	}
	if (kind == CHART_STACKED)
		chart_vtargets(x, cx, &s, slot, 0);
	chart_vtargets(x, cx, &s, slot, 1);
	/* the baseline last, over the bars' feet: its lower edge is zero */
	chart_cv_rect(x->cv, x->x0, zero - 1, x->x1, zero, INK_AXIS);
	buf_release(&b);
	free(cx);
	chart_release_labels(labels, v->n);
}

static double
chart_xpos(const struct chart_scale *s, const struct chart_ctx *x, double v)
{
	return x->x0 + (v - s->lo) / (s->hi - s->lo) * (x->x1 - x->x0);
}

/* Horizontal bars, grouped when several series. */
static void
chart_draw_hbars(struct chart_ctx *x)
{
	const struct chart_view *v = &x->v;
	struct chart_scale s;
	struct buf *labels, b = BUF_INIT;
	double band, lw = 0, vw = 0, bh, gap, lh = PX_LABEL * 1.3, zero;
	size_t i, j, ns = v->ns;
	int d, k;

	labels = xcalloc(v->n, sizeof(*labels));
	for (i = 0; i < v->n; i++) {
		double w = chart_cv_width(x->cv, v->label[i], PX_LABEL, 0);

		if (w > lw)
			lw = w;
		for (j = 0; j < ns; j++) {
			chart_value_text(x, &b, v->v[i * ns + j]);
			w = chart_cv_width(x->cv, b.ptr, PX_VALUE, 0);
			if (w > vw)
				vw = w;
		}
	}
	if (lw > x->W * 0.3)
		lw = x->W * 0.3;
	chart_wrap_labels(x, lw, 2, labels);
	x->x0 = PAD + lw + 12;
	x->x1 = x->W - PAD - vw - 8;
	x->y1 -= 22; /* the tick labels */
	band = (x->y1 - x->y0) / (double)v->n;
	gap = ns > 1 ? 2 : 0;
	bh = ns > 1 ? (band * 0.8 - gap * (ns - 1)) / ns : band * 0.62;
	if (bh > (ns > 1 ? 18 : 28))
		bh = ns > 1 ? 18 : 28;
	chart_value_scale(x, &s, x->x1 - x->x0);
	/* value ticks along the bottom */
	d = chart_step_decimals(s.step);
	for (k = 0; k <= s.nticks; k++) {
		double val = s.lo + k * s.step, px = chart_xpos(&s, x, val);

		buf_reset(&b);
		chart_fmt(&b, val, d, x->group);
		if (fabs(val) > 1e-12)
			chart_cv_vline(x->cv, px, x->y0, x->y1, 1, INK_GRID);
		chart_cv_text(x->cv, b.ptr, px, x->y1 + 6, PX_SMALL, 0,
			      AL_CENTER, INK_MUTED);
	}
	zero = chart_xpos(&s, x, s.lo > 0 ? s.lo : 0);
	for (i = 0; i < v->n; i++) {
		double cy = x->y0 + band * (i + 0.5);
		double gh = bh * ns + gap * (ns - 1);
		int nl = 1;
		const char *p;

		for (p = labels[i].ptr; *p; p++)
			nl += *p == '\n';
		chart_cv_lines(x->cv, labels[i].ptr, x->x0 - 12,
			       cy - nl * lh / 2 + (lh - PX_LABEL) / 2, PX_LABEL,
			       lh, 0, AL_RIGHT, INK_TEXT);
		for (j = 0; j < ns; j++) {
			double val = v->v[i * ns + j];
			double by = cy - gh / 2 + j * (bh + gap);
			double bx = chart_xpos(&s, x, val);

			chart_cv_rect(x->cv, zero, by, bx, by + bh,
				      chart_palette_rgb(v->color[j]));
			chart_value_text(x, &b, val);
			chart_cv_text(x->cv, b.ptr, val < 0 ? bx - 6 : bx + 6,
				      by + bh / 2 - PX_VALUE / 2, PX_VALUE, 0,
				      val < 0 ? AL_RIGHT : AL_LEFT, INK_TEXT);
		}
		if (!isnan(v->t[i])) {
			double tx = chart_xpos(&s, x, v->t[i]);

			chart_cv_dashed(x->cv, tx, cy - gh / 2 - 4, tx,
					cy + gh / 2 + 4, 2, 4, 2, INK_TEXT);
		}
	}
	chart_cv_vline(x->cv, zero, x->y0, x->y1, 1, INK_AXIS);
	buf_release(&b);
	chart_release_labels(labels, v->n);
}

/* An arc of at most a turn: points every degree, ARC_MAX at most. */
#define ARC_MAX 363

static void
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

static void
chart_draw_donut(struct chart_ctx *x)
{
	const struct chart_view *v = &x->v;
	struct buf b = BUF_INIT;
	double total = 0, R, r, cx, cy, a, lx, vw = 0, sw = 0, row, ly, nw = 0;
	double lw;
	double *xy = xcalloc(2 * 2 * ARC_MAX, sizeof(double)); /* two arcs */
	size_t i, n;

	for (i = 0; i < v->n; i++)
		total += v->v[i];
	if (!(total > 0)) {
		chart_empty(x);
		goto out;
	}
	R = (x->y1 - x->y0) / 2;
	if (R > (x->x1 - x->x0) * 0.22)
		R = (x->x1 - x->x0) * 0.22;
	r = R * 0.6;
	/* the legend's columns: name, value, share */
	for (i = 0; i < v->n; i++) {
		double w = chart_cv_width(x->cv, v->label[i], PX_LABEL, 0);

		if (w > nw)
			nw = w;
		buf_reset(&b);
		chart_fmt_unit(&b, v->v[i], x->dec, x->group, x->c->unit);
		w = chart_cv_width(x->cv, b.ptr, PX_LABEL, 0);
		if (w > vw)
			vw = w;
	}
	sw = chart_cv_width(x->cv, "100.0%", PX_LABEL, 1);
	if (nw > 260)
		nw = 260;
	lw = 18 + nw + 24 + vw + 16 + sw;
	if (2 * R + 48 + lw > x->x1 - x->x0) {
		nw -= 2 * R + 48 + lw - (x->x1 - x->x0);
		if (nw < 3 * PX_LABEL)
			nw = 3 * PX_LABEL;
		lw = 18 + nw + 24 + vw + 16 + sw;
	}
	/* donut and legend centred together */
	cx = x->x0 + ((x->x1 - x->x0) - (2 * R + 48 + lw)) / 2 + R;
	if (cx < x->x0 + R)
		cx = x->x0 + R;
	cy = (x->y0 + x->y1) / 2;
	lx = cx + R + 48;
	a = -M_PI / 2;
	for (i = 0; i < v->n; i++) {
		double span = v->v[i] / total * 2 * M_PI;

		if (v->v[i] <= 0)
			continue;
		n = 0;
		chart_arc(xy, &n, cx, cy, R, a, a + span);
		chart_arc(xy, &n, cx, cy, r, a + span, a);
		chart_cv_poly(x->cv, xy, n,
			      chart_palette_rgb(v->other && i + 1 == v->n ? 7 : i));
		a += span;
	}
	/* white gaps between slices */
	a = -M_PI / 2;
	for (i = 0; i < v->n && v->n > 1; i++) {
		double span = v->v[i] / total * 2 * M_PI;

		if (v->v[i] <= 0)
			continue;
		if (span < 2 * M_PI - 1e-9)
			chart_cv_line(x->cv, cx + (r - 1) * cos(a),
				      cy + (r - 1) * sin(a), cx + (R + 1) * cos(a),
				      cy + (R + 1) * sin(a), 2, INK_WHITE);
		a += span;
	}
	/* shares on the ring where there is room */
	a = -M_PI / 2;
	for (i = 0; i < v->n; i++) {
		double span = v->v[i] / total * 2 * M_PI, m = a + span / 2;
		int col = v->other && i + 1 == v->n ? 7 : (int)i;

		a += span;
		buf_reset(&b);
		chart_fmt(&b, v->v[i] / total * 100, 1, 0);
		BUF_ADDLIT(&b, "%");
		/* one slice is all: the middle and the legend say so */
		if (v->n == 1 || span * (R + r) / 2 <
		    chart_cv_width(x->cv, b.ptr, PX_SMALL, 0) + 8 ||
		    R - r < PX_SMALL + 6)
			continue;
		chart_cv_text(x->cv, b.ptr, cx + (R + r) / 2 * cos(m),
			      cy + (R + r) / 2 * sin(m) - PX_SMALL / 2, PX_SMALL,
			      0, AL_CENTER, chart_palette_ink((size_t)col));
	}
	/* the total in the middle */
	buf_reset(&b);
	chart_fmt(&b, total, x->dec, x->group || total >= 10000);
	{
		double tpx = r > 60 ? 26 : 20, upx = 14;
		double w1 = chart_cv_width(x->cv, b.ptr, tpx, 1);
		double w2 = x->c->unit ? chart_cv_width(x->cv, x->c->unit, upx, 0) + 2 : 0;
		double base = cy + tpx * 0.55;
		double left = cx - (w1 + w2) / 2;

		chart_cv_text(x->cv, "合计", cx, cy - tpx * 0.45 - PX_LABEL - 4,
			      PX_LABEL, 0, AL_CENTER, INK_MUTED);
		chart_cv_text(x->cv, b.ptr, left, base - tpx * EM_ASCENT, tpx, 1,
			      AL_LEFT, INK_TITLE);
		if (x->c->unit)
			chart_cv_text(x->cv, x->c->unit, left + w1 + 2,
				      base - upx * EM_ASCENT, upx, 0, AL_LEFT,
				      INK_TEXT);
	}
	/* the legend */
	row = PX_LABEL * 2;
	if (row * v->n > x->y1 - x->y0)
		row = (x->y1 - x->y0) / v->n;
	ly = cy - row * v->n / 2;
	for (i = 0; i < v->n; i++) {
		struct buf name = BUF_INIT;
		double my = ly + row * (i + 0.5);
		int col = v->other && i + 1 == v->n ? 7 : (int)i;

		chart_cv_rect(x->cv, lx, my - 6, lx + 12, my + 6,
			      chart_palette_rgb((size_t)col));
		chart_wrap(x->cv->fc, v->label[i], PX_LABEL, 0, nw, 1, &name);
		chart_cv_text(x->cv, name.ptr, lx + 18, my - PX_LABEL / 2,
			      PX_LABEL, 0, AL_LEFT, INK_TEXT);
		buf_reset(&b);
		chart_fmt_unit(&b, v->v[i], x->dec, x->group, x->c->unit);
		chart_cv_text(x->cv, b.ptr, lx + 18 + nw + 24 + vw,
			      my - PX_LABEL / 2, PX_LABEL, 0, AL_RIGHT, INK_TEXT);
		buf_reset(&b);
		chart_fmt(&b, v->v[i] / total * 100, 1, 0);
		BUF_ADDLIT(&b, "%");
		chart_cv_text(x->cv, b.ptr, lx + lw, my - PX_LABEL / 2, PX_LABEL,
			      1, AL_RIGHT, INK_TEXT);
		buf_release(&name);
	}
out:
	free(xy);
	buf_release(&b);
}

/*
 * Progress against target: the target sits at the same place in every
 * row (TARGET_AT of the track), so the bars compare completion at a
 * glance whatever each indicator's magnitude; past the target a bar runs
 * on to the end of the track.
 */
#define TARGET_AT 0.8

static void
chart_draw_progress(struct chart_ctx *x)
{
	const struct chart_view *v = &x->v;
	struct buf *labels, b = BUF_INIT, t2 = BUF_INIT;
	double band, lw = 0, rw = 0, bh, lh = PX_LABEL * 1.3;
	size_t i;

	labels = xcalloc(v->n, sizeof(*labels));
	for (i = 0; i < v->n; i++) {
		double w = chart_cv_width(x->cv, v->label[i], PX_LABEL, 0), t;

		if (w > lw)
			lw = w;
		buf_reset(&b);
		chart_fmt_unit(&b, v->v[i], x->dec, x->group, x->c->unit);
		w = chart_cv_width(x->cv, b.ptr, 15, 1);
		if (w > rw)
			rw = w;
		t = v->t[i];
		buf_reset(&b);
		BUF_ADDLIT(&b, "目标 ");
		chart_fmt_unit(&b, t, x->dec, x->group, x->c->unit);
		buf_addf(&b, "，完成 %.1f%%", v->v[i] / t * 100);
		w = chart_cv_width(x->cv, b.ptr, PX_SMALL, 0);
		if (w > rw)
			rw = w;
	}
	if (lw > x->W * 0.28)
		lw = x->W * 0.28;
	chart_wrap_labels(x, lw, 2, labels);
	x->x0 = PAD + lw + 14;
	x->x1 = x->W - PAD - rw - 14;
	band = (x->y1 - x->y0) / (double)v->n;
	if (band > 64)
		band = 64;
	/* rows in the middle of the room they leave */
	x->y0 += (x->y1 - x->y0 - band * v->n) / 2;
	bh = band * 0.36;
	if (bh > 16)
		bh = 16;
	for (i = 0; i < v->n; i++) {
		double cy = x->y0 + band * (i + 0.5), ratio = v->v[i] / v->t[i];
		double len = x->x1 - x->x0, tx = x->x0 + len * TARGET_AT;
		double fill = ratio * TARGET_AT;
		int nl = 1, met = ratio >= 1 - 1e-9;
		const char *p;

		if (fill > 1)
			fill = 1;
		for (p = labels[i].ptr; *p; p++)
			nl += *p == '\n';
		chart_cv_lines(x->cv, labels[i].ptr, x->x0 - 14,
			       cy - nl * lh / 2 + (lh - PX_LABEL) / 2, PX_LABEL,
			       lh, 0, AL_RIGHT, INK_TEXT);
		chart_cv_rect(x->cv, x->x0, cy - bh / 2, x->x1, cy + bh / 2,
			      INK_TRACK);
		chart_cv_rect(x->cv, x->x0, cy - bh / 2, x->x0 + len * fill,
			      cy + bh / 2, chart_palette_rgb(met ? 0 : 1));
		chart_cv_rect(x->cv, tx - 1, cy - bh / 2 - 5, tx + 1,
			      cy + bh / 2 + 5, INK_TITLE);
		buf_reset(&b);
		chart_fmt_unit(&b, v->v[i], x->dec, x->group, x->c->unit);
		chart_cv_text(x->cv, b.ptr, x->x1 + 14, cy - 15 - 1, 15, 1,
			      AL_LEFT, INK_TITLE);
		buf_reset(&t2);
		BUF_ADDLIT(&t2, "目标 ");
		chart_fmt_unit(&t2, v->t[i], x->dec, x->group, x->c->unit);
		buf_addf(&t2, "，完成 %.1f%%", ratio * 100);
		chart_cv_text(x->cv, t2.ptr, x->x1 + 14, cy + 3, PX_SMALL, 0,
			      AL_LEFT, INK_MUTED);
	}
	buf_release(&b);
	buf_release(&t2);
	chart_release_labels(labels, v->n);
}

static void
chart_draw_funnel(struct chart_ctx *x)
{
	const struct chart_view *v = &x->v;
	struct buf *labels, b = BUF_INIT;
	double max = 0, lw = 0, gap = 30, bh, lh = PX_LABEL * 1.3, cx, len;
	size_t i;

	for (i = 0; i < v->n; i++) {
		double w = chart_cv_width(x->cv, v->label[i], PX_LABEL, 0);

		if (v->v[i] > max)
			max = v->v[i];
		if (w > lw)
			lw = w;
	}
	if (!(max > 0)) {
		chart_empty(x);
		buf_release(&b);
		return;
	}
	if (lw > x->W * 0.25)
		lw = x->W * 0.25;
	labels = xcalloc(v->n, sizeof(*labels));
	chart_wrap_labels(x, lw, 2, labels);
	x->x0 = PAD + lw + 16;
	len = x->x1 - x->x0;
	cx = x->x0 + len / 2;
	bh = (x->y1 - x->y0 - gap * (v->n - 1)) / v->n;
	if (bh > 48)
		bh = 48;
	x->y0 += (x->y1 - x->y0 - bh * v->n - gap * (v->n - 1)) / 2;
	for (i = 0; i < v->n; i++) {
		double top = x->y0 + i * (bh + gap), w = v->v[i] / max * len;
		double tw;
		int nl = 1;
		const char *p;
		unsigned ink;

		if (w < len * 0.04)
			w = len * 0.04;
		for (p = labels[i].ptr; *p; p++)
			nl += *p == '\n';
		chart_cv_lines(x->cv, labels[i].ptr, x->x0 - 16,
			       top + bh / 2 - nl * lh / 2 + (lh - PX_LABEL) / 2,
			       PX_LABEL, lh, 0, AL_RIGHT, INK_TEXT);
		chart_cv_rect(x->cv, cx - w / 2, top, cx + w / 2, top + bh,
			      chart_palette_rgb(i));
		if (i + 1 < v->n) {
			double nw = v->v[i + 1] / max * len, q[8];

			if (nw < len * 0.04)
				nw = len * 0.04;
			q[0] = cx - w / 2, q[1] = top + bh;
			q[2] = cx + w / 2, q[3] = top + bh;
			q[4] = cx + nw / 2, q[5] = top + bh + gap;
			q[6] = cx - nw / 2, q[7] = top + bh + gap;
			chart_cv_poly(x->cv, q, 4, 0xF1E4E4);
			buf_reset(&b);
			if (v->v[i] > 0)
				buf_addf(&b, "转化率 %.1f%%", v->v[i + 1] / v->v[i] * 100);
			else
				BUF_ADDLIT(&b, "转化率 —");
			chart_cv_text(x->cv, b.ptr, cx, top + bh + gap / 2 - PX_SMALL / 2,
				      PX_SMALL, 0, AL_CENTER, INK_MUTED);
		}
		buf_reset(&b);
		chart_fmt_unit(&b, v->v[i], x->dec, x->group, x->c->unit);
		tw = chart_cv_width(x->cv, b.ptr, 15, 1);
		ink = chart_palette_ink(i);
		if (tw + 12 <= w)
			chart_cv_text(x->cv, b.ptr, cx, top + bh / 2 - 15 * 0.5,
				      15, 1, AL_CENTER, ink);
		else
			chart_cv_text(x->cv, b.ptr, cx + w / 2 + 8,
				      top + bh / 2 - 15 * 0.5, 15, 1, AL_LEFT,
				      INK_TITLE);
	}
	buf_release(&b);
	chart_release_labels(labels, v->n);
}

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

/*
 * Lines text takes at px in width, counting every character a full em
 * (no glyph of a CJK face is wider), so never fewer than it will take.
 */
static int
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

static int
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
	unsigned base = chart_palette_rgb((sect - 1) % CHART_NPAL);
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

static void
chart_draw_route(struct chart_ctx *x)
{
	const struct chart *c = x->c;
	struct chart_canvas *cv = x->cv;
	struct route_lay L;
	struct buf num = BUF_INIT;
	unsigned red = chart_palette_rgb(0), gold = chart_palette_rgb(1);
	size_t i;

	route_layout(&L, c, cv->fc, (int)x->W);
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
	if (!L.g.n) {
		x->y0 = L.g.top;
		x->y1 = L.g.top + ROUTE_EMPTY;
		x->x0 = PAD;
		x->x1 = x->W - PAD;
		chart_empty(x);
	}
	buf_release(&num);
	route_layout_release(&L);
}

void
chart_route_layout(const struct chart *c, struct chart_fonts *f,
		   struct chart_route_layout *out)
{
	struct chart_face *fc = chart_face_take(f);
	struct route_lay L;
	int W, H;

	chart_size(c, &W, &H);
	route_layout(&L, c, fc, W);
	memset(out, 0, sizeof(*out));
	out->width = W;
	out->height = H;
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

static void
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

int
chart_render(const struct chart *c, struct chart_fonts *f, int scale,
	     struct buf *png, struct diag *d)
{
	struct chart_canvas cv;
	struct chart_ctx x;
	struct chart_legend leg[CHART_MAX_SERIES + 3];
	size_t nleg = 0, i;
	int W, H, axis;
	struct chart_face *fc;

	buf_reset(png);
	if (scale < 1 || scale > 8) {
		diag_error(d, NULL, 0, 0, "chart \"%s\": scale %d is not from 1 to 8",
			   c->title ? c->title : "", scale);
		return -1;
	}
	if (chart_check(c, d, NULL, 0, 0))
		return -1;
	chart_size(c, &W, &H);
	if ((double)W * H * scale * scale > CHART_MAX_PIXELS) {
		diag_error(d, NULL, 0, 0,
			   "chart \"%s\": %dx%d at scale %d is too large to draw",
			   c->title ? c->title : "", W, H, scale);
		return -1;
	}
	fc = chart_face_take(f);
	chart_cv_init(&cv, W, H, scale, fc);
	memset(&x, 0, sizeof(x));
	x.c = c;
	x.cv = &cv;
	x.W = W;
	x.H = H;
	x.dec = chart_decimals(c);
	x.group = chart_group(c);
	chart_view_init(&x.v, c, W);
	if (c->kind == CHART_ROUTE) {
		/* its own title and source: the height is the layout's */
		chart_draw_route(&x);
	} else {
		axis = c->kind == CHART_BAR || c->kind == CHART_HBAR ||
		       c->kind == CHART_STACKED || c->kind == CHART_LINE;
		if (axis && x.v.ns > 1)
			for (i = 0; i < x.v.ns; i++) {
				leg[nleg].label = c->series[i].name;
				leg[nleg].rgb = chart_palette_rgb(x.v.color[i]);
				leg[nleg++].style = 0;
			}
		if (axis && chart_has_targets(c) && x.v.n) {
			leg[nleg].label = "目标";
			leg[nleg].rgb = INK_TEXT;
			leg[nleg++].style = 1;
		}
		if (c->kind == CHART_PROGRESS && x.v.n) {
			leg[nleg].label = "已达到目标";
			leg[nleg].rgb = chart_palette_rgb(0);
			leg[nleg++].style = 0;
			leg[nleg].label = "未达到目标";
			leg[nleg].rgb = chart_palette_rgb(1);
			leg[nleg++].style = 0;
			leg[nleg].label = "目标";
			leg[nleg].rgb = INK_TITLE;
			leg[nleg++].style = 2;
		}
		x.y0 = chart_header(&x, leg, nleg, axis && x.v.n && x.v.ns);
		x.y1 = chart_footer(&x);
		x.x0 = PAD;
		x.x1 = W - PAD;
		/* room above the tallest bar for its label */
		if (axis)
			x.y0 += c->kind == CHART_HBAR ? 4 : 20;
		else
			x.y0 += 12;
		if (!x.v.n || !x.v.ns) {
			chart_empty(&x);
		} else {
			switch (c->kind) {
			case CHART_BAR:
			case CHART_STACKED:
			case CHART_LINE:
				chart_draw_columns(&x);
				break;
			case CHART_HBAR:
				chart_draw_hbars(&x);
				break;
			case CHART_DONUT:
				chart_draw_donut(&x);
				break;
			case CHART_PROGRESS:
				chart_draw_progress(&x);
				break;
			case CHART_FUNNEL:
				chart_draw_funnel(&x);
				break;
			case CHART_ROUTE:
				break;
			}
		}
	}
	chart_cv_finish(&cv);
	chart_png(cv.out, scale, png);
	chart_view_release(&x.v);
	free(x.obs);
	chart_cv_release(&cv);
	chart_face_give(f, fc);
	return 0;
}

/* ------------------------------------------------------------------ */
/* Alt text, data table, hash                                         */
/* ------------------------------------------------------------------ */

/* Categories in the chart's display order (sorting, but no folding). */
static size_t *
chart_display_order(const struct chart *c)
{
	size_t *idx = xcalloc(c->ncats ? c->ncats : 1, sizeof(*idx)), i;

	for (i = 0; i < c->ncats; i++)
		idx[i] = i;
	if (c->sort != CHART_SORT_NONE && c->kind != CHART_ROUTE)
		chart_order(c, idx, c->ncats, c->sort == CHART_SORT_DESC);
	return idx;
}

static void
chart_alt_extremes(struct buf *b, const struct chart *c, size_t s, int dec)
{
	size_t i, hi = 0, lo = 0;
	int group = chart_group(c);

	for (i = 1; i < c->ncats; i++) {
		if (c->series[s].v[i] > c->series[s].v[hi])
			hi = i;
		if (c->series[s].v[i] < c->series[s].v[lo])
			lo = i;
	}
	buf_addf(b, "最高为%s", c->cats[hi]);
	chart_fmt_unit(b, c->series[s].v[hi], dec, group, c->unit);
	if (c->ncats > 1) {
		buf_addf(b, "，最低为%s", c->cats[lo]);
		chart_fmt_unit(b, c->series[s].v[lo], dec, group, c->unit);
	}
}

/*
 * The points between the start and the end are all named when they are
 * at most ROUTE_ALT_ALL, else the first ROUTE_ALT_VIA (the table beside
 * the chart has every one).
 */
#define ROUTE_ALT_ALL 16
#define ROUTE_ALT_VIA 10

static char *
chart_route_alt(const struct chart *c)
{
	struct buf b = BUF_INIT;
	size_t i, s, n = c->ncats, via;

	BUF_ADDLIT(&b, "示范带路线图");
	if (c->title)
		buf_addf(&b, "：%s", c->title);
	if (!n) {
		BUF_ADDLIT(&b, "。暂无数据。");
		return buf_detach(&b, NULL);
	}
	buf_addf(&b, "，共%zu个点位", n);
	if (n == 1) {
		buf_addf(&b, "：%s", c->cats[0]);
	} else {
		buf_addf(&b, "，起点%s，终点%s", c->cats[0], c->cats[n - 1]);
		via = n - 2 <= ROUTE_ALT_ALL ? n - 2 : ROUTE_ALT_VIA;
		for (i = 1; i <= via; i++)
			buf_addf(&b, "%s%s", i > 1 ? "、" : "，途经", c->cats[i]);
		if (via < n - 2)
			buf_addf(&b, "等%zu个点位", n - 2);
	}
	BUF_ADDLIT(&b, "。");
	if (c->nsect) {
		buf_addf(&b, "分为%zu段：", c->nsect);
		for (s = 1; s <= c->nsect; s++) {
			size_t count = 0;

			for (i = 0; i < n; i++)
				count += chart_point_section(c, i) == s;
			buf_addf(&b, "%s%s%zu个点位", s > 1 ? "、" : "",
				 c->sect[s - 1], count);
		}
		BUF_ADDLIT(&b, "。");
	}
	return buf_detach(&b, NULL);
}

char *
chart_alt(const struct chart *c)
{
	struct buf b = BUF_INIT;
	int dec = chart_decimals(c), group = chart_group(c);
	size_t i, s;

	if (c->kind == CHART_ROUTE)
		return chart_route_alt(c);

	buf_addstr(&b, chart_kind_zh(c->kind, c->nseries));
	if (c->title)
		buf_addf(&b, "：%s", c->title);
	if (c->unit && !chart_is_rate(c))
		buf_addf(&b, "（单位：%s）", c->unit);
	BUF_ADDLIT(&b, "。");
	if (!c->ncats || !c->nseries) {
		BUF_ADDLIT(&b, "暂无数据。");
		return buf_detach(&b, NULL);
	}
	switch (c->kind) {
	case CHART_BAR:
	case CHART_HBAR:
	case CHART_LINE:
		buf_addf(&b, "共%zu项", c->ncats);
		if (c->kind == CHART_LINE && c->ncats > 1 && c->nseries == 1) {
			buf_addf(&b, "，%s为", c->cats[0]);
			chart_fmt_unit(&b, c->series[0].v[0], dec, group, c->unit);
			buf_addf(&b, "，%s为", c->cats[c->ncats - 1]);
			chart_fmt_unit(&b, c->series[0].v[c->ncats - 1], dec,
				       group, c->unit);
		}
		BUF_ADDLIT(&b, "。");
		for (s = 0; s < c->nseries; s++) {
			if (c->nseries > 1)
				buf_addf(&b, "%s：", c->series[s].name);
			chart_alt_extremes(&b, c, s, dec);
			BUF_ADDLIT(&b, "。");
		}
		break;
	case CHART_STACKED: {
		size_t hi = 0;

		buf_addf(&b, "共%zu项，分为", c->ncats);
		for (s = 0; s < c->nseries; s++)
			buf_addf(&b, "%s%s", s ? "、" : "", c->series[s].name);
		for (i = 1; i < c->ncats; i++)
			if (chart_key(c, i) > chart_key(c, hi))
				hi = i;
		buf_addf(&b, "。合计最高为%s", c->cats[hi]);
		chart_fmt_unit(&b, chart_key(c, hi), dec, group, c->unit);
		BUF_ADDLIT(&b, "。");
		break;
	}
	case CHART_DONUT: {
		size_t *idx = xcalloc(c->ncats, sizeof(*idx)), shown;
		double total = 0, rest = 0;

		for (i = 0; i < c->ncats; i++) {
			idx[i] = i;
			total += c->series[0].v[i];
		}
		chart_order(c, idx, c->ncats, 1);
		BUF_ADDLIT(&b, "合计");
		chart_fmt_unit(&b, total, dec, group, c->unit);
		/* as the chart folds them */
		shown = c->ncats > 7 ? 6 : c->ncats;
		for (i = 0; i < shown && total > 0; i++) {
			double v = c->series[0].v[idx[i]];

			buf_addf(&b, "%s%s", i ? "，" : "，其中", c->cats[idx[i]]);
			chart_fmt_unit(&b, v, dec, group, c->unit);
			buf_addf(&b, "，占%.1f%%", v / total * 100);
		}
		for (; i < c->ncats; i++)
			rest += c->series[0].v[idx[i]];
		if (shown < c->ncats && total > 0) {
			buf_addf(&b, "，其余%zu项合计", c->ncats - shown);
			chart_fmt_unit(&b, rest, dec, group, c->unit);
			buf_addf(&b, "，占%.1f%%", rest / total * 100);
		}
		BUF_ADDLIT(&b, "。");
		free(idx);
		break;
	}
	case CHART_PROGRESS:
		for (i = 0; i < c->ncats; i++) {
			double t = chart_target(c, i), v = c->series[0].v[i];

			buf_addf(&b, "%s%s", i ? "；" : "", c->cats[i]);
			chart_fmt_unit(&b, v, dec, group, c->unit);
			BUF_ADDLIT(&b, "，目标");
			chart_fmt_unit(&b, t, dec, group, c->unit);
			buf_addf(&b, "，%s", v >= t ? "已达到目标" : "未达到目标");
		}
		BUF_ADDLIT(&b, "。");
		break;
	case CHART_FUNNEL:
		for (i = 0; i < c->ncats; i++) {
			double v = c->series[0].v[i];

			buf_addf(&b, "%s%s", i ? "，" : "", c->cats[i]);
			chart_fmt_unit(&b, v, dec, group, c->unit);
			if (i && c->series[0].v[i - 1] > 0)
				buf_addf(&b, "（转化率%.1f%%）",
					 v / c->series[0].v[i - 1] * 100);
		}
		BUF_ADDLIT(&b, "。");
		break;
	case CHART_ROUTE:
		break;
	}
	if (chart_has_targets(c) && c->kind != CHART_PROGRESS) {
		double t = NAN;
		int same = 1;

		for (i = 0; i < c->ncats; i++) {
			double ti = chart_target(c, i);

			if (isnan(ti))
				continue;
			if (!isnan(t) && ti != t)
				same = 0;
			t = ti;
		}
		if (same) {
			BUF_ADDLIT(&b, "目标为");
			chart_fmt_unit(&b, t, dec, group, c->unit);
			BUF_ADDLIT(&b, "。");
		} else {
			BUF_ADDLIT(&b, "各项目标见数据表。");
		}
	}
	return buf_detach(&b, NULL);
}

static void
chart_html(struct buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			BUF_ADDLIT(out, "&amp;");
			break;
		case '<':
			BUF_ADDLIT(out, "&lt;");
			break;
		case '>':
			BUF_ADDLIT(out, "&gt;");
			break;
		case '"':
			BUF_ADDLIT(out, "&quot;");
			break;
		case '\'':
			BUF_ADDLIT(out, "&#39;");
			break;
		default:
			buf_addch(out, *s);
		}
	}
}

static void
chart_th_col(struct buf *out, const char *s)
{
	BUF_ADDLIT(out, "<th scope=\"col\">");
	chart_html(out, s);
	BUF_ADDLIT(out, "</th>");
}

static void
chart_td(struct buf *out, double v, int dec, int group, const char *suffix)
{
	struct buf n = BUF_INIT;

	if (isnan(v)) {
		BUF_ADDLIT(out, "<td>—</td>");
		return;
	}
	chart_fmt(&n, v, dec, group);
	if (suffix)
		buf_addstr(&n, suffix);
	BUF_ADDLIT(out, "<td>");
	chart_html(out, n.ptr);
	BUF_ADDLIT(out, "</td>");
	buf_release(&n);
}

/* A route's points in order, with their sections. */
static void
chart_route_table(const struct chart *c, struct buf *out)
{
	size_t i;

	BUF_ADDLIT(out, "<table class=\"chart-data\">\n<caption>");
	chart_html(out, c->title ? c->title : chart_kind_zh(c->kind, 1));
	BUF_ADDLIT(out, "</caption>\n<thead><tr>");
	chart_th_col(out, "序号");
	chart_th_col(out, "点位");
	if (c->nsect)
		chart_th_col(out, "路段");
	BUF_ADDLIT(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < c->ncats; i++) {
		size_t s = chart_point_section(c, i);

		buf_addf(out, "<tr><td>%zu</td><th scope=\"row\">", i + 1);
		chart_html(out, c->cats[i]);
		BUF_ADDLIT(out, "</th>");
		if (c->nsect) {
			BUF_ADDLIT(out, "<td>");
			chart_html(out, s ? c->sect[s - 1] : "—");
			BUF_ADDLIT(out, "</td>");
		}
		BUF_ADDLIT(out, "</tr>\n");
	}
	BUF_ADDLIT(out, "</tbody>\n</table>\n");
}

void
chart_table_html(const struct chart *c, struct buf *out)
{
	size_t *idx, i, s;
	int dec = chart_decimals(c), targets = chart_has_targets(c);
	int group = chart_group(c);
	double total = 0;
	const char *head = "项目";

	if (c->kind == CHART_ROUTE) {
		chart_route_table(c, out);
		return;
	}
	idx = chart_display_order(c);
	if (c->kind == CHART_PROGRESS)
		head = "指标";
	else if (c->kind == CHART_FUNNEL)
		head = "环节";
	BUF_ADDLIT(out, "<table class=\"chart-data\">\n<caption>");
	chart_html(out, c->title ? c->title : chart_kind_zh(c->kind, c->nseries));
	if (c->unit) {
		BUF_ADDLIT(out, "（单位：");
		chart_html(out, c->unit);
		BUF_ADDLIT(out, "）");
	}
	BUF_ADDLIT(out, "</caption>\n<thead><tr>");
	chart_th_col(out, head);
	switch (c->kind) {
	case CHART_DONUT:
		chart_th_col(out, "数值");
		chart_th_col(out, "占比");
		break;
	case CHART_PROGRESS:
		chart_th_col(out, "实际");
		chart_th_col(out, "目标");
		chart_th_col(out, "完成率");
		break;
	case CHART_FUNNEL:
		chart_th_col(out, "数值");
		chart_th_col(out, "转化率");
		break;
	default:
		for (s = 0; s < c->nseries; s++)
			chart_th_col(out, c->series[s].name[0] ?
				     c->series[s].name : "数值");
		if (c->kind == CHART_STACKED && c->nseries > 1)
			chart_th_col(out, "合计");
		if (targets)
			chart_th_col(out, "目标");
		break;
	}
	BUF_ADDLIT(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < c->ncats && c->nseries; i++)
		total += c->series[0].v[i];
	for (i = 0; i < c->ncats && c->nseries; i++) {
		size_t k = idx[i];
		double v = c->series[0].v[k];

		BUF_ADDLIT(out, "<tr><th scope=\"row\">");
		chart_html(out, c->cats[k]);
		BUF_ADDLIT(out, "</th>");
		switch (c->kind) {
		case CHART_DONUT:
			chart_td(out, v, dec, group, NULL);
			chart_td(out, total > 0 ? v / total * 100 : NAN, 1, 0, "%");
			break;
		case CHART_PROGRESS:
			chart_td(out, v, dec, group, NULL);
			chart_td(out, chart_target(c, k), dec, group, NULL);
			chart_td(out, v / chart_target(c, k) * 100, 1, 0, "%");
			break;
		case CHART_FUNNEL:
			chart_td(out, v, dec, group, NULL);
			chart_td(out, i && c->series[0].v[idx[i - 1]] > 0 ?
				 v / c->series[0].v[idx[i - 1]] * 100 : NAN,
				 1, 0, "%");
			break;
		default:
			for (s = 0; s < c->nseries; s++)
				chart_td(out, c->series[s].v[k], dec, group, NULL);
			if (c->kind == CHART_STACKED && c->nseries > 1)
				chart_td(out, chart_key(c, k), dec, group, NULL);
			if (targets)
				chart_td(out, chart_target(c, k), dec, group, NULL);
			break;
		}
		BUF_ADDLIT(out, "</tr>\n");
	}
	BUF_ADDLIT(out, "</tbody>\n</table>\n");
	free(idx);
}

/* v in the fewest decimals that read back as exactly v; "-" for none. */
static void
chart_fmt_exact(struct buf *b, double v)
{
	struct buf t = BUF_INIT;
	int d;

	if (isnan(v)) {
		buf_addch(b, '-');
		return;
	}
	for (d = 0; d <= 15; d++) {
		struct chart_tok tok;
		double back;

		buf_reset(&t);
		buf_addf(&t, "%.*f", d, v);
		tok.p = t.ptr;
		tok.len = t.len;
		tok.col = 0;
		if (chart_number(&tok, &back) && back == v) {
			buf_addbuf(b, &t);
			buf_release(&t);
			return;
		}
	}
	buf_addf(b, "%.17g", v);
	buf_release(&t);
}

void
chart_dump(const struct chart *c, struct buf *out)
{
	size_t i, s;
	int named = 0, colored = 0, progress = c->kind == CHART_PROGRESS;
	int same = 1, any = 0, route = c->kind == CHART_ROUTE;
	double t0 = NAN;

	buf_addf(out, "kind: %s\n", chart_kind_name(c->kind));
	if (c->title)
		buf_addf(out, "title: %s\n", c->title);
	if (c->unit && !route)
		buf_addf(out, "unit: %s\n", c->unit);
	if (c->source)
		buf_addf(out, "source: %s\n", c->source);
	for (s = 0; s < c->nseries; s++) {
		named |= c->series[s].name[0] != '\0';
		colored |= c->series[s].color >= 0;
	}
	if (named || c->nseries > 1) {
		BUF_ADDLIT(out, "series: ");
		for (s = 0; s < c->nseries; s++)
			buf_addf(out, "%s%s", s ? ", " : "", c->series[s].name);
		buf_addch(out, '\n');
	}
	if (route && c->nsect) {
		BUF_ADDLIT(out, "sections: ");
		for (i = 0; i < c->nsect; i++)
			buf_addf(out, "%s%s", i ? ", " : "", c->sect[i]);
		buf_addch(out, '\n');
	}
	/* a route has no use for colours, targets, top, sort or height */
	if (colored && !route) {
		BUF_ADDLIT(out, "colors: ");
		for (s = 0; s < c->nseries; s++)
			buf_addf(out, "%s%s", s ? ", " : "",
				 chart_pal[chart_series_color(c, s)].name);
		buf_addch(out, '\n');
	}
	for (i = 0; i < c->ncats && !progress && !route; i++) {
		double t = chart_target(c, i);

		if (i && !(t == t0 || (isnan(t) && isnan(t0))))
			same = 0;
		any |= !isnan(t);
		t0 = t;
	}
	if (!progress && !route && !c->ncats && !isnan(c->tgt_all)) {
		any = 1;
		t0 = c->tgt_all;
	}
	if (any) {
		BUF_ADDLIT(out, "target: ");
		for (i = 0; i < (same ? 1 : c->ncats); i++) {
			if (i)
				BUF_ADDLIT(out, ", ");
			chart_fmt_exact(out, same ? t0 : chart_target(c, i));
		}
		buf_addch(out, '\n');
	}
	if (c->top && !route)
		buf_addf(out, "top: %d\n", c->top);
	if (c->sort != CHART_SORT_NONE && !route)
		buf_addf(out, "sort: %s\n",
			 c->sort == CHART_SORT_DESC ? "desc" : "asc");
	if (c->width)
		buf_addf(out, "width: %d\n", c->width);
	if (c->height && !route)
		buf_addf(out, "height: %d\n", c->height);
	BUF_ADDLIT(out, "data:\n");
	for (i = 0; i < c->ncats; i++) {
		/* a route's point in no section is its name alone */
		if (route && (!c->nseries || c->series[0].v[i] == 0) &&
		    !strchr(c->cats[i], ':') && !strstr(c->cats[i], "：")) {
			buf_addf(out, "%s\n", c->cats[i]);
			continue;
		}
		if (route && !c->nseries) {
			buf_addf(out, "%s: 0\n", c->cats[i]);
			continue;
		}
		buf_addf(out, "%s: ", c->cats[i]);
		for (s = 0; s < c->nseries; s++) {
			if (s)
				BUF_ADDLIT(out, ", ");
			chart_fmt_exact(out, c->series[s].v[i]);
		}
		if (progress) {
			BUF_ADDLIT(out, " / ");
			chart_fmt_exact(out, chart_target(c, i));
		}
		buf_addch(out, '\n');
	}
}

void
chart_hash(const struct chart *c, const struct chart_fonts *f, int scale,
	   struct buf *out)
{
	struct buf t = BUF_INIT;
	uint64_t h;

	/* the chart's canonical form, and what else changes the picture */
	buf_addf(&t, "renderer %d\nscale %d\nfont %s\n",
		 CHART_RENDERER_VERSION, scale, chart_fonts_family(f));
	chart_dump(c, &t);
	h = fnv1a64(FNV_OFFSET, t.ptr, t.len);
	buf_addf(out, "%016llx", (unsigned long long)h);
	buf_release(&t);
}
