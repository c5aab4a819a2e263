/*
 * chart_draw: what a chart shows (order, top N, 其他), its size, and the
 * layout and drawing of every kind but the route; chart_render.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart_int.h"
#include "diag.h"
#include "util.h"

/* Characters of s, each counted a full em by the estimates below. */
static double
chart_est_width(const char *s, double px)
{
	return s ? chart_est_lines(s, px, px, 1000) * px : 0;
}

/*
 * What the title, the legend and the unit take above the plot, and the
 * source under it, estimated without the font (chart_est_lines): the
 * height of a narrow drawing must be known before it is drawn.
 */
static double
chart_est_frame(const struct chart *c, int w)
{
	int axis = c->kind == CHART_BAR || c->kind == CHART_HBAR ||
		   c->kind == CHART_STACKED || c->kind == CHART_LINE;
	double y = 2 * PAD + 12, lw = 0, room = w - 2 * PAD;
	size_t s;

	if (c->title)
		y += chart_est_lines(c->title, PX_TITLE, room, 2) * PX_TITLE *
			     1.4 + 6;
	if (axis && c->nseries > 1)
		for (s = 0; s < c->nseries; s++)
			lw += 36 + chart_est_width(c->series[s].name, PX_LABEL);
	if (axis && chart_has_targets(c))
		lw += 46 + 2 * PX_LABEL + (c->kind == CHART_LINE && c->nseries == 1 ?
			36 + chart_est_width(c->series[0].name, PX_LABEL) : 0);
	if (c->kind == CHART_PROGRESS)
		lw += 3 * 36 + 12 * PX_LABEL;
	if (lw > 0 || (axis && c->unit))
		y += ceil((lw + (c->unit ? 5 * PX_SMALL : 0)) / room + 0.01) *
		     PX_LABEL * LINE_H + 4;
	if (c->source)
		y += chart_est_lines(c->source, PX_SMALL, room - 5 * PX_SMALL,
				     2) * PX_SMALL * 1.45 + 6;
	return y;
}

/* The most lines a label takes across width, at most two. */
static int
chart_est_label_lines(const struct chart *c, double width)
{
	size_t i;
	int most = 1;

	for (i = 0; i < c->ncats; i++) {
		int n = chart_est_lines(c->cats[i], PX_LABEL, width, 2);

		if (n > most)
			most = n;
	}
	return most;
}

/* Rows a narrow drawing shows: as many as horizontal bars, or a top. */
static size_t
chart_narrow_rows(const struct chart *c)
{
	size_t n = c->ncats > CHART_MAX_ROWS ? CHART_MAX_ROWS : c->ncats;

	if (c->kind == CHART_DONUT && n > 7)
		n = 7;
	if (c->top && (size_t)c->top < n)
		n = (size_t)c->top;
	return n;
}

/* The height of row i of a narrow bar drawing: its label over its bars. */
#define ROW_LH (PX_LABEL * 1.3)
static double
chart_row_bars(const struct chart *c)
{
	size_t nb = c->kind == CHART_STACKED ? 1 : c->nseries;

	return nb > 1 ? nb * 12.0 + (nb - 1) * 2.0 : 16.0;
}

/* The height of a narrow drawing, which follows its rows. */
static int
chart_narrow_height(const struct chart *c, int w)
{
	double h = chart_est_frame(c, w), room = w - 2 * PAD;
	size_t rows = chart_narrow_rows(c);
	int lines;

	switch (c->kind) {
	case CHART_BAR:
	case CHART_HBAR:
	case CHART_STACKED:
		lines = chart_est_label_lines(c, room);
		h += rows * (lines * ROW_LH + 4 + chart_row_bars(c) + 14);
		break;
	case CHART_PROGRESS:
		h += c->ncats * (ROW_LH + 4 + 14 + 6 + PX_SMALL * 1.4 + 14);
		break;
	case CHART_DONUT: {
		double r = (w - 2 * PAD) * 0.34;

		h += 2 * (r > 110 ? 110 : r) + 24 + rows * PX_LABEL * 2;
		break;
	}
	case CHART_LINE:
		h += 240;
		break;
	case CHART_FUNNEL:
		h += c->ncats * 74;
		break;
	case CHART_ROUTE:
		break;
	}
	return (int)ceil(h);
}

/* Rows of horizontal kinds set the default height; a route's, always. */
void
chart_size_at(const struct chart *c0, int width, int *width_out,
	      int *height)
{
	struct chart tmp;
	const struct chart *c = chart_at(c0, width, &tmp);
	int w = chart_css_width(c);
	int h = c->height;
	enum chart_layout layout = chart_layout(c);

	if (c->kind == CHART_ROUTE) {
		*width_out = w;
		*height = chart_route_height(c, w);
		return;
	}

	if (!h && layout == CHART_LAYOUT_NARROW) {
		h = chart_narrow_height(c, w);
	} else if (!h) {
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
		case CHART_DONUT:
			h = layout == CHART_LAYOUT_HALF ? 340 : CHART_HEIGHT;
			break;
		default:
			h = layout == CHART_LAYOUT_HALF ? 400 : CHART_HEIGHT;
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
	*width_out = w;
	*height = h;
}

void
chart_size(const struct chart *c, int *width, int *height)
{
	chart_size_at(c, 0, width, height);
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

struct chart_view {
	size_t n, ns;       /* rows shown, series */
	const char **label; /* n */
	double *v;          /* n * ns: v[i * ns + s] */
	double *t;          /* n targets, NAN: none */
	int *color;         /* ns series colours */
	int *slice;         /* n: a donut slice's colour */
	int other;          /* the last row is 其他 */
	size_t dropped;     /* rows of a rate chart left out */
	size_t total;       /* rows in the chart */
};

/* How many categories fit before the rest become 其他. */
static size_t
chart_limit(const struct chart *c, int W)
{
	size_t n;

	if (chart_layout(c) == CHART_LAYOUT_NARROW &&
	    c->kind != CHART_DONUT)
		return CHART_MAX_ROWS; /* rows, as horizontal bars */
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
	v->slice = xcalloc(v->n ? v->n : 1, sizeof(*v->slice));
	for (i = 0; i < v->n; i++)
		v->slice[i] = i < keep && c->ccol[idx[i]] >= 0 ? c->ccol[idx[i]] :
			      v->other && i + 1 == v->n ? 7 : (int)i;
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
	free(v->slice);
}

struct chart_box {
	double x0, y0, x1, y1;
};

struct chart_ctx {
	const struct chart *c;
	struct chart_canvas *cv;
	struct chart_view v;
	int dec;
	enum chart_layout layout;
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
	chart_cv_empty(x->cv, x->x0, x->y0, x->x1, x->y1);
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
	/*
	 * right end above, right below, left above, left below; a target
	 * that changed is named where its last value holds: past the right
	 * end, or above or below it
	 */
	for (k = constant && !v->other; k < (constant && !v->other ? 5 : 3);
	     k++) {
		const double *e = ends[k < 3];
		struct chart_box box;
		size_t n;

		if (k == 0) {
			/* past the end of a changed target, in its row */
			box.x0 = e[0] + 8;
			box.y0 = e[1] - h / 2;
		} else {
			box.x0 = k < 3 ? e[0] - tw : e[0];
			if (box.x0 + tw > x->x1)
				box.x0 = x->x1 - tw;
			if (box.x0 < x->x0)
				box.x0 = x->x0;
			box.y0 = k % 2 ? e[1] - 3 - h : e[1] + 3;
		}
		box.x1 = box.x0 + tw;
		box.y1 = box.y0 + h;
		n = chart_collisions(x, &box);
		if (box.x1 > x->W - 4)
			n += 1000;
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

/*
 * Bars on a phone: each category a row, its label across the width over
 * its bars (stacked or side by side), the value at a bar's end; a
 * target is a dashed tick across its row's bars.
 */
static void
chart_draw_rows(struct chart_ctx *x)
{
	const struct chart_view *v = &x->v;
	int stacked = x->c->kind == CHART_STACKED;
	size_t i, j, ns = v->ns, nb = stacked ? 1 : ns;
	struct chart_scale s;
	struct buf *labels, b = BUF_INIT;
	double vw = 0, bh = nb > 1 ? 12 : 16, gap = 2, gh, *rowh, used = 0;
	double extra, y, zero;
	int *nl;

	for (i = 0; i < v->n; i++) {
		double sum = 0, w;

		for (j = 0; j < ns; j++) {
			sum += v->v[i * ns + j];
			if (stacked)
				continue;
			chart_value_text(x, &b, v->v[i * ns + j]);
			w = chart_cv_width(x->cv, b.ptr, PX_VALUE, 0);
			if (w > vw)
				vw = w;
		}
		if (stacked) {
			chart_value_text(x, &b, sum);
			w = chart_cv_width(x->cv, b.ptr, PX_VALUE, 1);
			if (w > vw)
				vw = w;
		}
	}
	labels = xcalloc(v->n, sizeof(*labels));
	rowh = xcalloc(v->n, sizeof(*rowh));
	nl = xcalloc(v->n, sizeof(*nl));
	for (i = 0; i < v->n; i++) {
		const char *p;

		buf_init(&labels[i], 0);
		chart_wrap_even(x->cv->fc, v->label[i], PX_LABEL, 0,
				x->W - 2 * PAD, 2, &labels[i]);
		nl[i] = 1;
		for (p = labels[i].ptr; *p; p++)
			nl[i] += *p == '\n';
	}
	gh = nb * bh + gap * (nb - 1);
	for (i = 0; i < v->n; i++) {
		rowh[i] = nl[i] * ROW_LH + 4 + gh + 14;
		used += rowh[i];
	}
	/* rows share what room is left evenly, up to a line each */
	extra = (x->y1 - x->y0 - used) / (double)v->n;
	if (extra < 0)
		extra = 0;
	if (extra > ROW_LH)
		extra = ROW_LH;
	x->x0 = PAD;
	x->x1 = x->W - PAD - vw - 8;
	chart_value_scale(x, &s, x->x1 - x->x0);
	/* a negative bar's value goes left of it: room for it */
	if (s.lo < 0) {
		x->x0 = PAD + vw + 8;
		chart_value_scale(x, &s, x->x1 - x->x0);
	}
	zero = chart_xpos(&s, x, s.lo > 0 ? s.lo : 0);
	y = x->y0;
	for (i = 0; i < v->n; i++) {
		double by = y + nl[i] * ROW_LH + 4, sum = 0;

		chart_cv_lines(x->cv, labels[i].ptr, PAD,
			       y + (ROW_LH - PX_LABEL) / 2, PX_LABEL, ROW_LH,
			       0, AL_LEFT, INK_TEXT);
		for (j = 0; j < ns; j++) {
			double val = v->v[i * ns + j], bx, y0 = by;
			int col = v->color[j];

			if (stacked) {
				double a = chart_xpos(&s, x, sum);

				sum += val;
				bx = chart_xpos(&s, x, sum);
				chart_cv_rect(x->cv, a, y0, bx, y0 + bh,
					      chart_palette_rgb(col));
				if (j && val > 0)
					chart_cv_vline(x->cv, a, y0, y0 + bh, 1,
						       INK_WHITE);
				continue;
			}
			y0 = by + j * (bh + gap);
			bx = chart_xpos(&s, x, val);
			chart_cv_rect(x->cv, val < 0 ? bx : zero, y0,
				      val < 0 ? zero : bx, y0 + bh,
				      chart_palette_rgb(col));
			chart_value_text(x, &b, val);
			chart_cv_text(x->cv, b.ptr, val < 0 ? bx - 6 : bx + 6,
				      y0 + bh / 2 - PX_VALUE / 2, PX_VALUE, 0,
				      val < 0 ? AL_RIGHT : AL_LEFT, INK_TEXT);
		}
		if (stacked) {
			chart_value_text(x, &b, sum);
			chart_cv_text(x->cv, b.ptr, chart_xpos(&s, x, sum) + 6,
				      by + bh / 2 - PX_VALUE / 2, PX_VALUE, 1,
				      AL_LEFT, INK_TEXT);
		}
		if (!isnan(v->t[i])) {
			double tx = chart_xpos(&s, x, v->t[i]);

			chart_cv_dashed(x->cv, tx, by - 4, tx, by + gh + 4, 2, 4,
					2, INK_TEXT);
		}
		chart_cv_vline(x->cv, zero, by - 2, by + gh + 2, 1, INK_AXIS);
		y += rowh[i] + extra;
	}
	free(rowh);
	free(nl);
	buf_release(&b);
	chart_release_labels(labels, v->n);
}

static void
chart_draw_donut(struct chart_ctx *x)
{
	const struct chart_view *v = &x->v;
	struct buf b = BUF_INIT;
	double total = 0, R, r, cx, cy, a, lx, vw = 0, sw = 0, row, ly, nw = 0;
	double gap = 48, ngap = 24; /* donut to legend, name to value */
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
	lw = 18 + nw + ngap + vw + 16 + sw;
	if (2 * R + gap + lw > x->x1 - x->x0) {
		/* tighter gaps before any name is cut */
		gap = 24;
		ngap = 12;
		lw = 18 + nw + ngap + vw + 16 + sw;
	}
	if (2 * R + gap + lw > x->x1 - x->x0) {
		nw -= 2 * R + gap + lw - (x->x1 - x->x0);
		if (nw < 3 * PX_LABEL)
			nw = 3 * PX_LABEL;
		lw = 18 + nw + ngap + vw + 16 + sw;
	}
	/* donut and legend centred together */
	cx = x->x0 + ((x->x1 - x->x0) - (2 * R + gap + lw)) / 2 + R;
	if (cx < x->x0 + R)
		cx = x->x0 + R;
	cy = (x->y0 + x->y1) / 2;
	lx = cx + R + gap;
	ly = 0;
	if (x->layout == CHART_LAYOUT_NARROW) {
		/* on a phone the legend goes under the donut, across */
		R = (x->x1 - x->x0) * 0.34;
		if (R > 110)
			R = 110;
		r = R * 0.6;
		cx = (x->x0 + x->x1) / 2;
		cy = x->y0 + R;
		lx = x->x0;
		ly = x->y0 + 2 * R + 24;
		lw = x->x1 - x->x0;
		ngap = 24;
		nw = lw - (18 + ngap + vw + 16 + sw);
	}
	a = -M_PI / 2;
	for (i = 0; i < v->n; i++) {
		double span = v->v[i] / total * 2 * M_PI;

		if (v->v[i] <= 0)
			continue;
		n = 0;
		chart_arc(xy, &n, cx, cy, R, a, a + span);
		chart_arc(xy, &n, cx, cy, r, a + span, a);
		chart_cv_poly(x->cv, xy, n, chart_palette_rgb((size_t)v->slice[i]));
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
		int col = v->slice[i];

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
	if (ly) {
		if (row * v->n > x->y1 - ly)
			row = (x->y1 - ly) / v->n;
	} else {
		if (row * v->n > x->y1 - x->y0)
			row = (x->y1 - x->y0) / v->n;
		ly = cy - row * v->n / 2;
	}
	for (i = 0; i < v->n; i++) {
		struct buf name = BUF_INIT;
		double my = ly + row * (i + 0.5);
		int col = v->slice[i];

		chart_cv_rect(x->cv, lx, my - 6, lx + 12, my + 6,
			      chart_palette_rgb((size_t)col));
		chart_wrap(x->cv->fc, v->label[i], PX_LABEL, 0, nw, 1, &name);
		chart_cv_text(x->cv, name.ptr, lx + 18, my - PX_LABEL / 2,
			      PX_LABEL, 0, AL_LEFT, INK_TEXT);
		buf_reset(&b);
		chart_fmt_unit(&b, v->v[i], x->dec, x->group, x->c->unit);
		chart_cv_text(x->cv, b.ptr, lx + 18 + nw + ngap + vw,
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

/*
 * Progress on a phone: a row per indicator, its label and value on one
 * line, the track across the width under them, the target and the
 * completion under the track.
 */
static void
chart_draw_progress_rows(struct chart_ctx *x)
{
	const struct chart_view *v = &x->v;
	struct buf b = BUF_INIT, lab = BUF_INIT;
	double bh = 14, row = ROW_LH + 4 + bh + 6 + PX_SMALL * 1.4 + 14;
	double extra, len = x->x1 - x->x0, y = x->y0;
	size_t i;

	extra = (x->y1 - x->y0 - row * v->n) / (double)v->n;
	if (extra < 0)
		extra = 0;
	if (extra > ROW_LH)
		extra = ROW_LH;
	for (i = 0; i < v->n; i++) {
		double ratio = v->v[i] / v->t[i], fill = ratio * TARGET_AT;
		double tx = x->x0 + len * TARGET_AT, vw, ty = y + ROW_LH + 4;
		int met = ratio >= 1 - 1e-9;

		if (fill > 1)
			fill = 1;
		buf_reset(&b);
		chart_fmt_unit(&b, v->v[i], x->dec, x->group, x->c->unit);
		vw = chart_cv_text(x->cv, b.ptr, x->x1, y + (ROW_LH - 15) / 2,
				   15, 1, AL_RIGHT, INK_TITLE);
		buf_reset(&lab);
		chart_wrap(x->cv->fc, v->label[i], PX_LABEL, 0, len - vw - 12, 1,
			   &lab);
		chart_cv_text(x->cv, lab.ptr, x->x0, y + (ROW_LH - PX_LABEL) / 2,
			      PX_LABEL, 0, AL_LEFT, INK_TEXT);
		chart_cv_rect(x->cv, x->x0, ty, x->x1, ty + bh, INK_TRACK);
		chart_cv_rect(x->cv, x->x0, ty, x->x0 + len * fill, ty + bh,
			      chart_palette_rgb(met ? 0 : 1));
		chart_cv_rect(x->cv, tx - 1, ty - 4, tx + 1, ty + bh + 4,
			      INK_TITLE);
		buf_reset(&b);
		BUF_ADDLIT(&b, "目标 ");
		chart_fmt_unit(&b, v->t[i], x->dec, x->group, x->c->unit);
		buf_addf(&b, "，完成 %.1f%%", ratio * 100);
		chart_cv_text(x->cv, b.ptr, x->x0, ty + bh + 6, PX_SMALL, 0,
			      AL_LEFT, INK_MUTED);
		y += row + extra;
	}
	buf_release(&b);
	buf_release(&lab);
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

/* The phone layouts of the kinds that have one. */
static void
chart_draw_narrow(struct chart_ctx *x)
{
	switch (x->c->kind) {
	case CHART_BAR:
	case CHART_HBAR:
	case CHART_STACKED:
		chart_draw_rows(x);
		break;
	case CHART_DONUT:
		chart_draw_donut(x);
		break;
	case CHART_PROGRESS:
		chart_draw_progress_rows(x);
		break;
	case CHART_FUNNEL:
		chart_draw_funnel(x);
		break;
	case CHART_LINE:
		chart_draw_columns(x);
		break;
	case CHART_ROUTE:
		break;
	}
}

int
chart_render(const struct chart *c, struct chart_fonts *f, int scale,
	     struct buf *png, struct diag *d)
{
	return chart_render_at(c, f, 0, scale, png, d);
}

int
chart_render_at(const struct chart *c0, struct chart_fonts *f, int width,
		int scale, struct buf *png, struct diag *d)
{
	struct chart tmp;
	const struct chart *c = chart_at(c0, width, &tmp);
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
	x.layout = chart_layout(c);
	x.dec = chart_decimals(c);
	x.group = chart_group(c);
	chart_view_init(&x.v, c, W);
	if (c->kind == CHART_ROUTE) {
		/* its own title and source: the height is the layout's */
		chart_route_draw(c, &cv, x.W);
	} else {
		axis = c->kind == CHART_BAR || c->kind == CHART_HBAR ||
		       c->kind == CHART_STACKED || c->kind == CHART_LINE;
		/* a line beside its target is named too */
		if (axis && (x.v.ns > 1 || (c->kind == CHART_LINE &&
					   chart_has_targets(c) &&
					   c->series[0].name[0])))
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
		} else if (x.layout == CHART_LAYOUT_NARROW) {
			chart_draw_narrow(&x);
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
