#include <string.h>

#include "assess.h"
#include "buf.h"
#include "chart.h"
#include "model.h"
#include "modelchart.h"
#include "util.h"

static const char source_data[] = "两新组织党建信息化监管平台";

static double
percent(struct model_rate r)
{
	double v;

	return model_rate_value(r, &v) ? v * 100 : 0;
}

static void
coverage(struct chart *c, const struct model_group *g, size_t n,
	 const char *title, int names_are_kinds)
{
	size_t org, work, i, k;

	chart_set_title(c, title);
	chart_set_unit(c, "%");
	chart_set_source(c, source_data);
	org = chart_add_series(c, "组织覆盖率", -1);
	work = chart_add_series(c, "工作覆盖率", -1);
	for (i = 0; i < n; i++) {
		if (!g[i].units)
			continue;
		k = chart_add_category(c, names_are_kinds ?
			model_kind_label((enum model_kind)i) : g[i].name);
		chart_set_value(c, org, k, percent(g[i].org_coverage));
		chart_set_value(c, work, k, percent(g[i].work_coverage));
	}
}

static void
coverage_by_region(struct chart *c, const struct model *m)
{
	coverage(c, m->regions, m->nregions, "各区域组织覆盖和工作覆盖", 0);
}

static void
coverage_by_kind(struct chart *c, const struct model *m)
{
	coverage(c, m->kinds, MODEL_NKINDS, "非公企业和社会组织覆盖情况", 1);
}

static void
tiers(struct chart *c, const struct model *m)
{
	static const enum model_tier order[] = {
		MODEL_TIER_GOLD, MODEL_TIER_SILVER, MODEL_TIER_BRONZE, MODEL_TIER_WEAK,
	};
	struct buf t = BUF_INIT;
	size_t s, i;

	buf_addstr(&t, "党组织分类定级");
	if (m->round) {
		BUF_ADDLIT(&t, "（");
		date_cn(&t, m->round);
		BUF_ADDLIT(&t, "）");
	}
	chart_set_title(c, t.ptr);
	chart_set_unit(c, "个");
	chart_set_source(c, source_data);
	s = chart_add_series(c, "组织数", -1);
	for (i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		size_t cat = chart_add_category(c, model_tier_label(order[i]));

		chart_set_value(c, s, cat, (double)m->tiers[order[i]]);
		chart_set_category_color(c, cat, chart_tier_color((int)i));
	}
	buf_release(&t);
}

/* The tier counts of every round of the data, one stack per round. */
static void
tiers_by_round(struct chart *c, const struct model *m)
{
	static const enum model_tier order[] = {
		MODEL_TIER_GOLD, MODEL_TIER_SILVER, MODEL_TIER_BRONZE, MODEL_TIER_WEAK,
	};
	size_t i, j, ser[4];

	chart_set_title(c, "历次测评各等次党组织数");
	chart_set_unit(c, "个");
	chart_set_source(c, source_data);
	for (j = 0; j < 4; j++)
		ser[j] = chart_add_series(c, model_tier_label(order[j]),
					  chart_tier_color((int)j));
	for (i = 0; i < m->assess->nrounds; i++) {
		const struct assess_round *r = &m->assess->rounds[i];
		struct buf name = BUF_INIT;
		size_t cat;

		date_cn(&name, r->round);
		cat = chart_add_category(c, name.ptr);
		buf_release(&name);
		for (j = 0; j < 4; j++)
			chart_set_value(c, ser[j], cat, (double)r->tiers[order[j]]);
	}
}

static void
stars(struct chart *c, const struct model *m)
{
	static const enum model_tier order[] = {
		MODEL_TIER_GOLD, MODEL_TIER_SILVER, MODEL_TIER_BRONZE,
	};
	static const char *const names[] = { "一星", "二星", "三星", "四星", "五星",
		"六星", "七星", "八星", "九星", "十星" };
	size_t i, ser[3];
	int k;

	chart_set_title(c, "各等次星级分布");
	chart_set_unit(c, "个");
	chart_set_source(c, source_data);
	for (i = 0; i < 3; i++)
		ser[i] = chart_add_series(c, model_tier_label(order[i]),
					  chart_tier_color((int)i));
	for (k = 0; k < m->cfg.max_stars && k < 10; k++) {
		size_t cat = chart_add_category(c, names[k]);

		for (i = 0; i < 3; i++)
			chart_set_value(c, ser[i], cat, (double)m->stars[order[i]][k]);
	}
}

static void
forms(struct chart *c, const struct model *m)
{
	size_t s;
	int f;

	chart_set_title(c, "党组织组建方式");
	chart_set_unit(c, "家");
	chart_set_source(c, source_data);
	s = chart_add_series(c, "单位数", -1);
	for (f = 0; f < MODEL_NFORMS; f++)
		chart_set_value(c, s, chart_add_category(c,
				model_form_label((enum model_form)f)), (double)m->forms[f]);
}

static void
demo_sites(struct chart *c, const struct model *m)
{
	size_t s;
	int l;

	chart_set_title(c, "示范点（按级别）");
	chart_set_unit(c, "个");
	chart_set_source(c, source_data);
	s = chart_add_series(c, "示范点", -1);
	for (l = MODEL_DEMO_PROVINCE; l < MODEL_NDEMOS; l++)
		chart_set_value(c, s, chart_add_category(c,
				model_demo_label((enum model_demo)l)), (double)m->demo[l]);
}

static void
targets(struct chart *c, const struct model *m)
{
	int year = model_latest_year(m);
	struct buf t = BUF_INIT;
	size_t s = 0, i;
	int any = 0;

	buf_addf(&t, "%d年主要指标完成情况", year);
	chart_set_title(c, t.ptr);
	chart_set_source(c, source_data);
	for (i = 0; i < m->nindicators; i++) {
		const struct model_indicator *ind = &m->indicators[i];
		size_t cat;

		if (ind->year != year || !ind->has_target || ind->target <= 0)
			continue;
		if (!any)
			s = chart_add_series(c, "完成", -1);
		any = 1;
		cat = chart_add_category(c, ind->label ? ind->label : ind->key);
		chart_set_value(c, s, cat, ind->value);
		chart_set_target(c, cat, ind->target);
	}
	buf_release(&t);
}

static int
indicator(struct chart *c, const struct model *m, const char *key)
{
	size_t s = 0, i;
	int found = 0;

	for (i = 0; i < m->nindicators; i++) {
		const struct model_indicator *ind = &m->indicators[i];
		struct buf year = BUF_INIT;
		size_t cat;

		if (strcmp(ind->key, key))
			continue;
		if (!found) {
			chart_set_title(c, ind->label ? ind->label : key);
			if (ind->unit)
				chart_set_unit(c, ind->unit);
			chart_set_source(c, source_data);
			/* the legend names the line beside its target */
			s = chart_add_series(c, ind->label ? ind->label : key, -1);
		}
		found = 1;
		buf_addf(&year, "%d年", ind->year);
		cat = chart_add_category(c, year.ptr);
		buf_release(&year);
		chart_set_value(c, s, cat, ind->value);
		if (ind->has_target)
			chart_set_target(c, cat, ind->target);
	}
	return found ? 0 : -1;
}

static void
red_collar(struct chart *c, const struct model *m)
{
	struct buf t = BUF_INIT;
	size_t s;

	buf_addstr(&t, "“双强红领”评审认证");
	if (m->red_collar.year)
		buf_addf(&t, "（截至%d年）", m->red_collar.year);
	chart_set_title(c, t.ptr);
	chart_set_unit(c, "人");
	chart_set_source(c, source_data);
	s = chart_add_series(c, "人数", -1);
	if (m->red_collar.year) {
		chart_set_value(c, s, chart_add_category(c, "参加评审"), m->red_collar.reviewed);
		chart_set_value(c, s, chart_add_category(c, "通过认证"), m->red_collar.certified);
	}
	buf_release(&t);
}

/*
 * Every chart of the model but indicator.<key>, with the kind the site's
 * own pages draw it in: the one list of names (messages and the bulletin's
 * check read it too).
 */
static const struct {
	const char *name;
	enum chart_kind kind;
	void (*fill)(struct chart *c, const struct model *m);
} charts[] = {
	{ "coverage_by_region", CHART_HBAR, coverage_by_region },
	{ "coverage_by_kind", CHART_BAR, coverage_by_kind },
	{ "tiers", CHART_DONUT, tiers },
	{ "stars", CHART_BAR, stars },
	{ "forms", CHART_DONUT, forms },
	{ "demo_sites", CHART_BAR, demo_sites },
	{ "targets", CHART_PROGRESS, targets },
	{ "red_collar", CHART_FUNNEL, red_collar },
	{ "tiers_by_round", CHART_STACKED, tiers_by_round },
};
#define NCHARTS (sizeof(charts) / sizeof(charts[0]))
#define INDICATOR "indicator."

static int
find(const char *name)
{
	size_t i;

	for (i = 0; i < NCHARTS; i++)
		if (!strcmp(charts[i].name, name))
			return (int)i;
	return -1;
}

int
modelchart_fill(void *arg, const char *name, struct chart *c)
{
	const struct model *m = arg;
	int i = find(name);

	if (i >= 0) {
		charts[i].fill(c, m);
		return 0;
	}
	if (!strncmp(name, INDICATOR, strlen(INDICATOR)))
		return indicator(c, m, name + strlen(INDICATOR));
	return -1;
}

int
modelchart_kind(const char *name, enum chart_kind *kind)
{
	int i = find(name);

	if (i >= 0) {
		*kind = charts[i].kind;
		return 0;
	}
	if (!strncmp(name, INDICATOR, strlen(INDICATOR)) &&
	    name[strlen(INDICATOR)]) {
		*kind = CHART_LINE;
		return 0;
	}
	return -1;
}

void
modelchart_names(struct buf *b)
{
	size_t i;

	for (i = 0; i < NCHARTS; i++)
		buf_addf(b, "%s, ", charts[i].name);
	BUF_ADDLIT(b, INDICATOR "<key>");
}
