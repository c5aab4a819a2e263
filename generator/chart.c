/*
 * chart: the model of a chart (struct chart and its setters), the rules
 * every chart must keep whoever built it, and its numbers: decimals,
 * grouping, nice scales, the order of its categories. See chart.h for the
 * API and chart_int.h for how the stages of the module fit together.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart_int.h"
#include "diag.h"
#include "util.h"

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
	/*
	 * The tiers of the assessment (chart_tier_color): gold, silver and
	 * bronze hues and a violet, whose greys (0.299 R + 0.587 G +
	 * 0.114 B: 142, 102, 61, 19) stay 40 apart on a black-and-white
	 * printer while each keeps 3:1 against white.
	 */
	{ "tier-gold", 0xC08B1E, 0x1A1A1A },
	{ "tier-silver", 0x5E6772, 0xFFFFFF },
	{ "tier-bronze", 0x6A300C, 0xFFFFFF },
	{ "tier-weak", 0x160A36, 0xFFFFFF },
};
#define CHART_NPAL (sizeof(chart_pal) / sizeof(chart_pal[0]))

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
	free(c->ccol);
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
		c->ccol = xrealloc(c->ccol, cap * sizeof(int));
		c->catcap = cap;
	}
	c->cats[c->ncats] = xstrdup(label ? label : "");
	for (i = 0; i < c->nseries; i++)
		c->series[i].v[c->ncats] = 0;
	c->tgt[c->ncats] = NAN;
	c->ccol[c->ncats] = -1;
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
size_t
chart_point_section(const struct chart *c, size_t i)
{
	double v = c->nseries ? c->series[0].v[i] : 0;

	return v >= 1 && v <= (double)c->nsect && v == floor(v) ? (size_t)v : 0;
}

/* The target of category i, NAN when it has none. */
double
chart_target(const struct chart *c, size_t i)
{
	return !isnan(c->tgt[i]) ? c->tgt[i] : c->tgt_all;
}

int
chart_has_targets(const struct chart *c)
{
	size_t i;

	for (i = 0; i < c->ncats; i++)
		if (!isnan(chart_target(c, i)))
			return 1;
	return 0;
}

int
chart_css_width(const struct chart *c)
{
	return c->width ? c->width : CHART_WIDTH;
}

int
chart_tier_color(int tier)
{
	return tier >= 0 && tier < 4 ? 8 + tier : -1;
}

void
chart_set_category_color(struct chart *c, size_t category, int color)
{
	if (category < c->ncats)
		c->ccol[category] = color >= 0 && (size_t)color < CHART_NPAL ?
				    color : -1;
}

enum chart_layout
chart_layout_of(int width)
{
	if (width < 480)
		return CHART_LAYOUT_NARROW;
	if (width < 680)
		return CHART_LAYOUT_HALF;
	return CHART_LAYOUT_FULL;
}

enum chart_layout
chart_layout(const struct chart *c)
{
	enum chart_layout l = chart_layout_of(chart_css_width(c));

	/* a box of a set height (a wall screen's panel) keeps its columns */
	return l == CHART_LAYOUT_NARROW && c->height ? CHART_LAYOUT_HALF : l;
}

const struct chart *
chart_at(const struct chart *c, int width, struct chart *tmp)
{
	if (!width || width == chart_css_width(c))
		return c;
	*tmp = *c;
	tmp->width = width < CHART_MIN_WIDTH ? CHART_MIN_WIDTH :
		     width > CHART_MAX_WIDTH ? CHART_MAX_WIDTH : width;
	/* the chart's own height is for its own width */
	tmp->height = 0;
	return tmp;
}

/* Colour of series s: its own, else the next palette colour no one took. */
int
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

/* Fewest decimals (0 to 2) that show every value of c exactly. */
int
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
int
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
void
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
void
chart_fmt_unit(struct buf *b, double v, int decimals, int group,
	       const char *unit)
{
	chart_fmt(b, v, decimals, group);
	if (unit)
		buf_addstr(b, unit);
}

/* Rates are not added up into "其他". */
int
chart_is_rate(const struct chart *c)
{
	return c->unit && (!strcmp(c->unit, "%") || !strcmp(c->unit, "％") ||
			   !strcmp(c->unit, "‰"));
}

void
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
int
chart_step_decimals(double step)
{
	int d = 0;

	while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) > 1e-6)
		d++;
	return d;
}

const char *
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

int
chart_single_series(enum chart_kind k)
{
	return k == CHART_DONUT || k == CHART_PROGRESS || k == CHART_FUNNEL ||
	       k == CHART_ROUTE;
}

int
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
int
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

double
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
void
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
