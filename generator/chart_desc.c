/*
 * chart_desc: a chart in words and text: alt text, the data table beside
 * it, its canonical form in the block syntax and the hash that names it.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart_int.h"
#include "util.h"

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
chart_th_col(struct buf *out, const char *s)
{
	BUF_ADDLIT(out, "<th scope=\"col\">");
	buf_addhtml(out, s);
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
	buf_addhtml(out, n.ptr);
	BUF_ADDLIT(out, "</td>");
	buf_release(&n);
}

/* A route's points in order, with their sections. */
static void
chart_route_table(const struct chart *c, struct buf *out)
{
	size_t i;

	BUF_ADDLIT(out, "<table class=\"chart-data\">\n<caption>");
	buf_addhtml(out, c->title ? c->title : chart_kind_zh(c->kind, 1));
	BUF_ADDLIT(out, "</caption>\n<thead><tr>");
	chart_th_col(out, "序号");
	chart_th_col(out, "点位");
	if (c->nsect)
		chart_th_col(out, "路段");
	BUF_ADDLIT(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < c->ncats; i++) {
		size_t s = chart_point_section(c, i);

		buf_addf(out, "<tr><td>%zu</td><th scope=\"row\">", i + 1);
		buf_addhtml(out, c->cats[i]);
		BUF_ADDLIT(out, "</th>");
		if (c->nsect) {
			BUF_ADDLIT(out, "<td>");
			buf_addhtml(out, s ? c->sect[s - 1] : "—");
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
	buf_addhtml(out, c->title ? c->title : chart_kind_zh(c->kind, c->nseries));
	if (c->unit) {
		BUF_ADDLIT(out, "（单位：");
		buf_addhtml(out, c->unit);
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
		buf_addhtml(out, c->cats[k]);
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
		double back;

		buf_reset(&t);
		buf_addf(&t, "%.*f", d, v);
		if (chart_number(t.ptr, t.len, &back) && back == v) {
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
	int same = 1, any = 0, route = c->kind == CHART_ROUTE, slices = 0;
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
	for (i = 0; i < c->ncats && c->kind == CHART_DONUT; i++)
		slices |= c->ccol[i] >= 0;
	if (slices) {
		/* a donut's colours are its slices' */
		BUF_ADDLIT(out, "colors: ");
		for (i = 0; i < c->ncats; i++)
			buf_addf(out, "%s%s", i ? ", " : "",
				 chart_palette_name(c->ccol[i] >= 0 ?
						    (size_t)c->ccol[i] : i));
		buf_addch(out, '\n');
	} else if (colored && !route) {
		BUF_ADDLIT(out, "colors: ");
		for (s = 0; s < c->nseries; s++)
			buf_addf(out, "%s%s", s ? ", " : "",
				 chart_palette_name(chart_series_color(c, s)));
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

void
chart_hash_at(const struct chart *c, const struct chart_fonts *f, int width,
	      int scale, struct buf *out)
{
	struct chart tmp;

	chart_hash(chart_at(c, width, &tmp), f, scale, out);
}
