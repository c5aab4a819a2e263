#include <math.h>
#include <stdio.h>
#include <string.h>

#include "assess.h"
#include "buf.h"
#include "content.h"
#include "diag.h"
#include "honour.h"
#include "json.h"
#include "model.h"
#include "pagedict.h"
#include "site.h"
#include "stats.h"
#include "target.h"
#include "tmpl.h"
#include "util.h"
#include "venue.h"

const char *const stats_names[] = {
	"BELOW_COUNT", "BELOW_NAMES", "BELTS", "BELT_KIND", "BELT_NAME",
	"BELT_POINTS", "BELT_SUMMARY", "BRANDS", "BRAND_CASE_URL",
	"BRAND_LEVEL", "BRAND_NAME", "BRAND_ORG", "BRAND_SUMMARY",
	"CHART_ROUNDS", "COVERAGE", "COVERAGE_ORG", "COVERAGE_REQUIRED",
	"COVERAGE_WORK", "COV_GAP", "COV_LABEL", "COV_MISSED", "COV_REACHED",
	"COV_TARGET", "COV_VALUE", "DEMO_COUNT", "DEMO_LEVEL", "DEMO_LEVELS",
	"DEMO_SITES", "DIM_HEADS", "DIM_LABEL", "DIM_MAX", "DIM_MAXES",
	"DIM_REGION_ROWS", "DIM_TIER_ROWS", "FIGURES", "FIGURES_YEAR",
	"FIG_CHANGE", "FIG_GAP", "FIG_LABEL", "FIG_MISSED", "FIG_REACHED",
	"FIG_TARGET", "FIG_UNIT", "FIG_VALUE", "FUNNEL_CERTIFIED",
	"FUNNEL_RATIO", "FUNNEL_REVIEWED", "FUNNEL_YEAR", "GOLD",
	"GOLD_FLOOR", "GOLD_HONOURS", "GOLD_NAME", "GOLD_PREV", "GOLD_REGION",
	"GOLD_SCORE", "GOLD_STARS", "GOLD_STARS_TEXT", "GROUP_BELOW",
	"GROUP_NAME", "GROUP_NONCOMPLIANT", "GROUP_ORG", "GROUP_REQUIRED",
	"GROUP_SINGLE", "GROUP_UNITS", "GROUP_WORK", "HAS_ASSESS",
	"HAS_BELOW", "HAS_BELTS", "HAS_BRANDS", "HAS_BRAND_CASE",
	"HAS_CHANGE", "HAS_DATA", "HAS_DEMO", "HAS_FIGURES", "HAS_FUNNEL",
	"HAS_GOLD", "HAS_GOLD_HONOURS", "HAS_INDICATORS", "HAS_MOVEMENT",
	"HAS_NEW_GOLD", "HAS_TARGET", "HAS_VENUES", "INDICATORS",
	"INDUSTRIES", "INDUSTRY_TIER_ROWS", "IND_GAP", "IND_LABEL",
	"IND_MISSED", "IND_REACHED", "IND_ROWS", "IND_TARGET", "IND_UNIT",
	"IND_VALUE", "IND_YEAR", "KINDS", "MOVED_DOWN", "MOVED_UP",
	"MOVE_ROUND", "NEW_GOLD", "NEW_GOLD_COUNT", "NO_DATA", "POINT_NAME",
	"POINT_ORDER", "PREV_ROUND", "REGIONS", "REGION_TIER_ROWS", "ROUND",
	"ROUND_ROWS", "ROW_DIM", "ROW_DIMS", "ROW_NAME", "ROW_TIER",
	"ROW_TIERS", "ROW_TOTAL", "SINGLE_SETUP", "SINGLE_TARGET",
	"STAR_COUNTS", "STAT_ENTERPRISES", "STAT_NONCOMPLIANT", "STAT_ORGS",
	"STAT_PARTY_ORGS", "STAT_SOCIAL", "STAT_UNITS", "TARGET_CELL",
	"TARGET_CELLS", "TARGET_DONE", "TARGET_HEAD", "TARGET_HEADS",
	"TARGET_MIDYEAR", "TARGET_MISSED", "TARGET_PERIOD", "TARGET_REACHED",
	"TARGET_REGION", "TARGET_ROWS", "TARGET_YEARS", "TIERS", "TIER_COUNT",
	"TIER_NAME", "TIER_STARS", "VENUE_CENTERS", "VENUE_COMPLETE",
	"VENUE_HUBS", "VENUE_KINDS", "VENUE_POINTS", "VENUE_POINT_COUNT",
	"VENUE_POINT_LABEL", "VENUE_RATE", "VENUE_REGIONS",
	"VENUE_ROW_ACTIVITY", "VENUE_ROW_CENTER", "VENUE_ROW_COMPLETE",
	"VENUE_ROW_HUB", "VENUE_ROW_NAME", "VENUE_ROW_RATE",
	"VENUE_ROW_SERVED", "VENUE_ROW_TOTAL", "VENUE_SERVED", "VENUE_TOTAL", NULL,
};


/* An assessment round as the site writes dates: 2025年11月. */
static void
set_round(struct tmpl_dict *d, const char *key, const char *round)
{
	struct buf b = BUF_INIT;

	date_cn(&b, round);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

/* A count as the site writes numbers: 14,700 (model_number). */
static void
set_count(struct tmpl_dict *d, const char *key, long long n)
{
	pagedict_number(d, key, (double)n);
}

/*
 * A rate of a group of units: "不适用" where the group has none of the
 * units the rate counts (the 规上 enterprises of the social
 * organisations), not 暂无数据: nothing is missing.
 */
static void
set_group_rate(struct tmpl_dict *d, const char *key, struct model_rate r)
{
	if (r.den <= 0)
		tmpl_dict_set(d, key, "不适用");
	else
		pagedict_rate(d, key, r);
}

static const char *
indicator_label(const struct model_indicator *i)
{
	return i->label ? i->label : i->key;
}

void
stats_figures(struct tmpl_dict *d, const struct model *m)
{
	stats_year(d, m, model_latest_year(m));
}

/* One FIGURES entry: the value against its target and last year. */
static void
fill_figure(struct tmpl_dict *d, const struct model_indicator *ind)
{
	struct tmpl_dict *f = tmpl_dict_section(d, "FIGURES");
	struct buf b = BUF_INIT;

	tmpl_dict_set(f, "FIG_LABEL", indicator_label(ind));
	pagedict_number(f, "FIG_VALUE", ind->value);
	tmpl_dict_set(f, "FIG_UNIT", ind->unit ? ind->unit : "");
	if (ind->has_target) {
		struct tmpl_dict *t = tmpl_dict_section(f, "HAS_TARGET");

		pagedict_number(t, "FIG_TARGET", ind->target);
		if (ind->reached) {
			tmpl_dict_show(t, "FIG_REACHED");
		} else {
			struct tmpl_dict *g = tmpl_dict_section(t, "FIG_MISSED");

			pagedict_number(g, "FIG_GAP", ind->gap);
		}
	}
	if (ind->has_prev) {
		if (ind->change > 0)
			buf_addch(&b, '+');
		model_number(&b, ind->change);
		tmpl_dict_set(tmpl_dict_section(f, "HAS_CHANGE"), "FIG_CHANGE", b.ptr);
	}
	buf_release(&b);
}

/* Whether key is one of the strings of the array order. */
static int
listed(const cJSON *order, const char *key)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, order)
		if (cJSON_IsString(it) && !strcmp(it->valuestring, key))
			return 1;
	return 0;
}

void
stats_headlines(struct tmpl_dict *d, const struct model *m,
		const cJSON *order)
{
	int year = model_latest_year(m), any = 0;
	const cJSON *it;
	size_t i;

	if (!cJSON_IsArray(order)) {
		stats_year(d, m, year);
		return;
	}
	cJSON_ArrayForEach(it, order) {
		const struct model_indicator *ind = cJSON_IsString(it) ?
			model_indicator(m, it->valuestring, year) : NULL;

		if (ind) {
			fill_figure(d, ind);
			any = 1;
		}
	}
	for (i = 0; year && i < m->nindicators; i++) {
		if (m->indicators[i].year != year ||
		    listed(order, m->indicators[i].key))
			continue;
		fill_figure(d, &m->indicators[i]);
		any = 1;
	}
	if (any) {
		tmpl_dict_show(d, "HAS_FIGURES");
		tmpl_dict_setint(d, "FIGURES_YEAR", year);
	}
}

/* site.json "home", for site_load(); stats_check_headlines() reads it. */
const struct site_key stats_site_keys[] = {
	{ "home", "figures", SITE_STRINGS, 0 },
	{ NULL, NULL, SITE_OBJECT, 0 },
};

void
stats_check_headlines(const struct json_doc *doc, const cJSON *order,
		      const struct model *m, struct diag *d)
{
	const cJSON *it;

	if (!order)
		return;
	if (!cJSON_IsArray(order)) {
		json_diag(d, DIAG_ERROR, doc, "site.json", order,
			  "\"home.figures\" must be an array of indicator keys");
		return;
	}
	cJSON_ArrayForEach(it, order) {
		if (!cJSON_IsString(it))
			json_diag(d, DIAG_ERROR, doc, "site.json", it,
				  "\"home.figures\" must be an array of "
				  "indicator keys");
		else if (m->nindicators &&
			 !model_indicator(m, it->valuestring,
					  model_latest_year(m)))
			json_diag(d, DIAG_WARNING, doc, "site.json", it,
				  "no indicator \"%s\" in %d: it is not shown "
				  "on the home page", it->valuestring,
				  model_latest_year(m));
	}
}

void
stats_year(struct tmpl_dict *d, const struct model *m, int year)
{
	size_t i;
	int any = 0;

	for (i = 0; year && i < m->nindicators; i++) {
		if (m->indicators[i].year != year)
			continue;
		fill_figure(d, &m->indicators[i]);
		any = 1;
	}
	if (any) {
		tmpl_dict_show(d, "HAS_FIGURES");
		tmpl_dict_setint(d, "FIGURES_YEAR", year);
	}
}

/*
 * One row of a coverage table. The count of units breaking a rule is
 * public; which units they are is only in the internal report.
 */
static void
fill_group(struct tmpl_dict *d, const char *section, const struct model *m,
	   const struct model_group *g, const char *name)
{
	struct tmpl_dict *s = tmpl_dict_section(d, section);

	tmpl_dict_set(s, "GROUP_NAME", name);
	set_count(s, "GROUP_UNITS", g->units);
	set_group_rate(s, "GROUP_ORG", g->org_coverage);
	set_group_rate(s, "GROUP_WORK", g->work_coverage);
	set_group_rate(s, "GROUP_REQUIRED", g->required);
	set_group_rate(s, "GROUP_SINGLE", g->single_setup);
	set_count(s, "GROUP_NONCOMPLIANT", g->noncompliant);
	if (model_group_below_single(m, g))
		tmpl_dict_show(s, "GROUP_BELOW");
}


/* COVERAGE: the three coverage rates of all units against their targets. */
static void
fill_coverage(struct tmpl_dict *d, const struct model *m)
{
	struct buf b = BUF_INIT;
	int c;

	for (c = 0; c < MODEL_NCOVERAGE; c++) {
		struct tmpl_dict *s = tmpl_dict_section(d, "COVERAGE");
		struct model_rate r = model_group_coverage(&m->all, c);
		long gap;
		int v = model_rate_against(r, m->cfg.coverage_target[c], &gap);

		tmpl_dict_set(s, "COV_LABEL", model_coverage_label(c));
		pagedict_rate(s, "COV_VALUE", r);
		buf_reset(&b);
		model_target_percent(&b, m->cfg.coverage_target[c]);
		tmpl_dict_set(s, "COV_TARGET", b.ptr);
		if (v > 0) {
			tmpl_dict_show(s, "COV_REACHED");
		} else if (v == 0) {
			buf_reset(&b);
			model_gap_text(gap, &b);
			tmpl_dict_set(tmpl_dict_section(s, "COV_MISSED"),
				      "COV_GAP", b.ptr);
		}
	}
	buf_release(&b);
}

/* HAS_BELOW: the regions whose single-setup rate is under its target. */
static void
fill_below(struct tmpl_dict *d, const struct model *m)
{
	struct buf b = BUF_INIT;
	size_t i, n = 0;

	for (i = 0; i < m->nregions; i++) {
		if (!model_group_below_single(m, &m->regions[i]))
			continue;
		if (n++)
			BUF_ADDLIT(&b, "、");
		buf_addstr(&b, m->regions[i].name);
	}
	if (n) {
		struct tmpl_dict *s = tmpl_dict_section(d, "HAS_BELOW");

		tmpl_dict_set(s, "BELOW_NAMES", b.ptr);
		tmpl_dict_setint(s, "BELOW_COUNT", (long long)n);
	}
	buf_release(&b);
}

static const enum model_tier tier_order[] = {
	MODEL_TIER_GOLD, MODEL_TIER_SILVER, MODEL_TIER_BRONZE, MODEL_TIER_WEAK,
};

/* One row of tier counts: a name, how many, and each tier's count. */
static void
tier_row(struct tmpl_dict *d, const char *section, const char *name,
	 long total, const long tiers[MODEL_NTIERS])
{
	struct tmpl_dict *s = tmpl_dict_section(d, section);
	size_t i;

	tmpl_dict_set(s, "ROW_NAME", name);
	set_count(s, "ROW_TOTAL", total);
	for (i = 0; i < 4; i++)
		tmpl_dict_setint(tmpl_dict_section(s, "ROW_TIERS"), "ROW_TIER",
				 tiers[tier_order[i]]);
}

/* One row of dimension averages. */
static void
dim_row(struct tmpl_dict *d, const char *section, const char *name, long n,
	const double sum[MODEL_DIMS])
{
	struct tmpl_dict *s = tmpl_dict_section(d, section);
	struct buf b = BUF_INIT;
	int k;

	tmpl_dict_set(s, "ROW_NAME", name);
	tmpl_dict_setint(s, "ROW_TOTAL", n);
	for (k = 0; k < MODEL_DIMS; k++) {
		buf_reset(&b);
		assess_average(&b, sum[k], n);
		tmpl_dict_set(tmpl_dict_section(s, "ROW_DIMS"), "ROW_DIM", b.ptr);
	}
	buf_release(&b);
}

/*
 * What the assessments say, in public: tier counts of every round, tiers
 * by region and industry, dimension averages by tier and region. Which
 * unit is weak in what is only in the internal report.
 */
static void
fill_assess(struct tmpl_dict *d, const struct model *m)
{
	const struct assess *a = m->assess;
	struct buf b = BUF_INIT;
	long total;
	size_t i;
	int k;

	if (!a->nrounds)
		return;
	d = tmpl_dict_section(d, "HAS_ASSESS");
	for (k = 0; k < MODEL_DIMS; k++)
		tmpl_dict_set(tmpl_dict_section(d, "DIM_HEADS"), "DIM_LABEL",
			      assess_dim_label(k));
	for (k = 0; k < MODEL_DIMS; k++) {
		buf_reset(&b);
		model_number(&b, m->cfg.dim_max[k]);
		tmpl_dict_set(tmpl_dict_section(d, "DIM_MAXES"), "DIM_MAX", b.ptr);
	}
	for (i = 0; i < a->nrounds; i++) {
		total = 0;
		for (k = 0; k < MODEL_NTIERS; k++)
			total += a->rounds[i].tiers[k];
		buf_reset(&b);
		date_cn(&b, a->rounds[i].round);
		tier_row(d, "ROUND_ROWS", b.ptr, total, a->rounds[i].tiers);
	}
	for (i = 0; i < m->nregions; i++)
		tier_row(d, "REGION_TIER_ROWS", m->regions[i].name,
			 a->regions[i].assessed, a->regions[i].tiers);
	for (i = 0; i < m->nindustries; i++)
		if (a->industries[i].assessed)
			tier_row(d, "INDUSTRY_TIER_ROWS",
				 *m->industries[i].name ? m->industries[i].name :
				 "未填行业", a->industries[i].assessed,
				 a->industries[i].tiers);
	for (i = 0; i < 4; i++)
		dim_row(d, "DIM_TIER_ROWS", model_tier_label(tier_order[i]),
			a->tier_n[tier_order[i]], a->tier_dim_sum[tier_order[i]]);
	for (i = 0; i < m->nregions; i++)
		if (a->regions[i].assessed)
			dim_row(d, "DIM_REGION_ROWS", m->regions[i].name,
				a->regions[i].assessed, a->regions[i].dim_sum);
	buf_release(&b);
}

static void
venue_row(struct tmpl_dict *d, const char *section, const char *name,
	  const struct venue_group *g)
{
	struct tmpl_dict *s = tmpl_dict_section(d, section);

	tmpl_dict_set(s, "VENUE_ROW_NAME", name);
	tmpl_dict_setint(s, "VENUE_ROW_TOTAL", g->venues);
	tmpl_dict_setint(s, "VENUE_ROW_HUB", g->kinds[VENUE_HUB]);
	tmpl_dict_setint(s, "VENUE_ROW_CENTER", g->kinds[VENUE_CENTER]);
	tmpl_dict_setint(s, "VENUE_ROW_ACTIVITY", g->kinds[VENUE_ACTIVITY]);
	tmpl_dict_setint(s, "VENUE_ROW_COMPLETE", g->complete);
	pagedict_rate(s, "VENUE_ROW_RATE", g->six);
	tmpl_dict_setint(s, "VENUE_ROW_SERVED", g->served);
}

/* Venues by kind and region, and how many meet each point of 六有. */
static void
fill_venues(struct tmpl_dict *d, const struct venues *v)
{
	size_t i;
	int k;

	if (!v->n)
		return;
	d = tmpl_dict_section(d, "HAS_VENUES");
	tmpl_dict_setint(d, "VENUE_TOTAL", v->all.venues);
	tmpl_dict_setint(d, "VENUE_HUBS", v->all.kinds[VENUE_HUB]);
	tmpl_dict_setint(d, "VENUE_CENTERS", v->all.kinds[VENUE_CENTER]);
	tmpl_dict_setint(d, "VENUE_COMPLETE", v->all.complete);
	pagedict_rate(d, "VENUE_RATE", v->all.six);
	tmpl_dict_setint(d, "VENUE_SERVED", v->all.served);
	for (k = 0; k < VENUE_NKINDS; k++)
		venue_row(d, "VENUE_KINDS", venue_kind_label((enum venue_kind)k),
			  &v->kinds[k]);
	for (i = 0; i < v->nregions; i++)
		venue_row(d, "VENUE_REGIONS", v->regions[i].name,
			  &v->regions[i]);
	for (k = 0; k < VENUE_POINTS; k++) {
		struct tmpl_dict *p = tmpl_dict_section(d, "VENUE_POINTS");

		tmpl_dict_set(p, "VENUE_POINT_LABEL", venue_point_label(k));
		tmpl_dict_setint(p, "VENUE_POINT_COUNT", v->all.points[k]);
	}
}

/*
 * The committees' targets: TARGET_YEARS for the whole years, and the
 * mid-year checks as a view of their own, TARGET_MIDYEAR (target.h).
 */
static void
fill_targets(struct tmpl_dict *d, const struct targets *t)
{
	struct buf b = BUF_INIT;
	size_t i, j, k;

	for (i = 0; i < t->nperiods; i++) {
		const struct target_period *p = &t->periods[i];
		struct tmpl_dict *s = tmpl_dict_section(d, p->h1 ?
			"TARGET_MIDYEAR" : "TARGET_YEARS");

		buf_reset(&b);
		target_period_label(p, &b);
		tmpl_dict_set(s, "TARGET_PERIOD", b.ptr);
		for (k = 0; k < p->ncolumns; k++) {
			const struct target *c = p->columns[k];

			buf_reset(&b);
			buf_addstr(&b, c->label ? c->label : c->key);
			if (c->unit)
				buf_addf(&b, "（%s）", c->unit);
			tmpl_dict_set(tmpl_dict_section(s, "TARGET_HEADS"),
				      "TARGET_HEAD", b.ptr);
		}
		for (j = 0; j < p->nrows; j++) {
			const struct target_row *r = &p->rows[j];
			struct tmpl_dict *row = tmpl_dict_section(s, "TARGET_ROWS");

			tmpl_dict_set(row, "TARGET_REGION",
				      *r->region ? r->region : "全区");
			for (k = 0; k < p->ncolumns; k++) {
				const struct target *c = target_cell(r, p->columns[k]);
				struct tmpl_dict *cell = tmpl_dict_section(row, "TARGET_CELLS");

				buf_reset(&b);
				if (c) {
					model_number(&b, c->value);
					if (c->has_target) {
						BUF_ADDLIT(&b, " / ");
						model_number(&b, c->target);
					}
				}
				tmpl_dict_set(cell, "TARGET_CELL", b.ptr);
				if (c && c->has_target)
					tmpl_dict_show(cell, c->reached ?
						       "TARGET_REACHED" :
						       "TARGET_MISSED");
			}
			buf_reset(&b);
			buf_addf(&b, "%ld / %ld", r->reached, r->with_target);
			tmpl_dict_set(row, "TARGET_DONE", b.ptr);
		}
	}
	buf_release(&b);
}

static void
fill_indicators(struct tmpl_dict *d, const struct model *m)
{
	size_t i = 0, j;

	while (i < m->nindicators) {
		const struct model_indicator *first = &m->indicators[i];
		struct tmpl_dict *s = tmpl_dict_section(d, "INDICATORS");

		tmpl_dict_set(s, "IND_LABEL", indicator_label(first));
		tmpl_dict_set(s, "IND_UNIT", first->unit ? first->unit : "");
		for (j = i; j < m->nindicators &&
		     !strcmp(m->indicators[j].key, first->key); j++) {
			const struct model_indicator *ind = &m->indicators[j];
			struct tmpl_dict *r = tmpl_dict_section(s, "IND_ROWS");

			tmpl_dict_setint(r, "IND_YEAR", ind->year);
			pagedict_number(r, "IND_VALUE", ind->value);
			if (ind->has_target) {
				struct tmpl_dict *t = tmpl_dict_section(r, "HAS_TARGET");

				pagedict_number(t, "IND_TARGET", ind->target);
				if (ind->reached)
					tmpl_dict_show(t, "IND_REACHED");
				else
					pagedict_number(tmpl_dict_section(t, "IND_MISSED"),
						   "IND_GAP", ind->gap);
			}
		}
		i = j;
	}
	if (m->nindicators)
		tmpl_dict_show(d, "HAS_INDICATORS");
}

void
stats_gold(struct tmpl_dict *d, const struct model *m)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < m->ngold; i++) {
		const struct model_org *o = m->gold[i];
		struct tmpl_dict *g = tmpl_dict_section(d, "GOLD");

		tmpl_dict_set(g, "GOLD_NAME", o->name);
		tmpl_dict_set(g, "GOLD_REGION", o->region);
		pagedict_number(g, "GOLD_SCORE", o->score);
		tmpl_dict_setint(g, "GOLD_STARS", o->stars);
		buf_reset(&b);
		pagedict_stars(&b, o->stars);
		tmpl_dict_set(g, "GOLD_STARS_TEXT", b.ptr);
		if (m->honours->n) {
			/* A column only when the data has honours at all. */
			buf_reset(&b);
			honours_line(m->honours, o->id, &b);
			tmpl_dict_set(tmpl_dict_section(g, "HAS_GOLD_HONOURS"),
				      "GOLD_HONOURS", b.ptr);
		}
	}
	if (m->ngold)
		tmpl_dict_show(d, "HAS_GOLD");
	if (m->honours->n)
		tmpl_dict_show(d, "HAS_GOLD_HONOURS");
	buf_reset(&b);
	model_number(&b, m->cfg.floor[MODEL_TIER_GOLD]);
	tmpl_dict_set(d, "GOLD_FLOOR", b.ptr);

	/*
	 * Movement between the last two rounds: the counts are public, and
	 * so are the organisations new to gold; who moved down is only in
	 * the internal report.
	 */
	if (m->prev_round && m->round) {
		struct tmpl_dict *mv = tmpl_dict_section(d, "HAS_MOVEMENT");

		set_round(mv, "PREV_ROUND", m->prev_round);
		set_round(mv, "MOVE_ROUND", m->round);
		tmpl_dict_setint(mv, "MOVED_UP", m->moved_up);
		tmpl_dict_setint(mv, "MOVED_DOWN", m->moved_down);
		tmpl_dict_setint(mv, "NEW_GOLD_COUNT", m->new_gold);
		for (i = 0; i < m->nmovers; i++) {
			const struct model_org *o = m->movers[i];
			struct tmpl_dict *g;

			if (o->tier != MODEL_TIER_GOLD ||
			    o->prev_tier == MODEL_TIER_GOLD)
				continue;
			g = tmpl_dict_section(mv, "NEW_GOLD");
			tmpl_dict_set(g, "GOLD_NAME", o->name);
			tmpl_dict_set(g, "GOLD_REGION", o->region);
			pagedict_number(g, "GOLD_SCORE", o->score);
			tmpl_dict_set(g, "GOLD_PREV", o->prev_tier == MODEL_TIER_NONE ?
				      "首次测评" : model_tier_label(o->prev_tier));
		}
		if (m->new_gold)
			tmpl_dict_show(mv, "HAS_NEW_GOLD");
	}
	buf_release(&b);
}

void
stats_sites(struct tmpl_dict *d, const struct model *m)
{
	size_t i;
	int k;

	for (k = MODEL_DEMO_PROVINCE; k < MODEL_NDEMOS; k++) {
		struct tmpl_dict *l = tmpl_dict_section(d, "DEMO_LEVELS");

		tmpl_dict_set(l, "DEMO_LEVEL", model_demo_label((enum model_demo)k));
		tmpl_dict_setint(l, "DEMO_COUNT", m->demo[k]);
		for (i = 0; i < m->ndemo_sites; i++)
			if (m->demo_sites[i]->demo == (enum model_demo)k)
				tmpl_dict_set(tmpl_dict_section(l, "DEMO_SITES"),
					      "POINT_NAME", m->demo_sites[i]->name);
	}
	if (m->ndemo_sites)
		tmpl_dict_show(d, "HAS_DEMO");

}

void
stats_page(struct tmpl_dict *d, const struct model *m,
	   const struct content *c, const char *root)
{
	static const enum model_tier tiers[] = {
		MODEL_TIER_GOLD, MODEL_TIER_SILVER, MODEL_TIER_BRONZE,
	};
	struct buf b = BUF_INIT;
	size_t i, j;
	int k;

	if (!m->organizations && !m->nindicators && !m->nbrands && !m->nbelts) {
		tmpl_dict_show(d, "NO_DATA");
		return;
	}
	tmpl_dict_show(d, "HAS_DATA");
	stats_figures(d, m);
	set_count(d, "STAT_UNITS", m->organizations);
	set_count(d, "STAT_ENTERPRISES", m->enterprises);
	set_count(d, "STAT_SOCIAL", m->social);
	set_count(d, "STAT_PARTY_ORGS", m->party_orgs);
	pagedict_rate(d, "COVERAGE_ORG", m->all.org_coverage);
	pagedict_rate(d, "COVERAGE_WORK", m->all.work_coverage);
	pagedict_rate(d, "SINGLE_SETUP", m->all.single_setup);
	model_target_percent(&b, m->cfg.single_setup_target);
	tmpl_dict_set(d, "SINGLE_TARGET", b.ptr);
	pagedict_rate(d, "COVERAGE_REQUIRED", m->all.required);
	set_count(d, "STAT_NONCOMPLIANT", m->noncompliant);
	fill_coverage(d, m);
	fill_below(d, m);

	for (k = 0; k < MODEL_NKINDS; k++)
		fill_group(d, "KINDS", m, &m->kinds[k],
			   model_kind_label((enum model_kind)k));
	for (i = 0; i < m->nregions; i++)
		fill_group(d, "REGIONS", m, &m->regions[i], m->regions[i].name);
	for (i = 0; i < m->nindustries; i++)
		fill_group(d, "INDUSTRIES", m, &m->industries[i],
			   *m->industries[i].name ? m->industries[i].name : "未填行业");

	if (m->round)
		set_round(d, "ROUND", m->round);
	for (i = 0; i < sizeof(tiers) / sizeof(tiers[0]); i++) {
		struct tmpl_dict *t = tmpl_dict_section(d, "TIERS");

		tmpl_dict_set(t, "TIER_NAME", model_tier_label(tiers[i]));
		set_count(t, "TIER_COUNT", m->tiers[tiers[i]]);
		for (k = 0; k < m->cfg.max_stars; k++)
			tmpl_dict_setint(tmpl_dict_section(t, "STAR_COUNTS"),
					 "TIER_STARS", m->stars[tiers[i]][k]);
	}

	stats_gold(d, m);
	stats_sites(d, m);
	fill_assess(d, m);
	fill_venues(d, m->venues);
	fill_targets(d, m->targets);

	for (i = 0; i < m->nbrands; i++) {
		const struct model_brand *br = &m->brands[i];
		struct tmpl_dict *s = tmpl_dict_section(d, "BRANDS");
		long cs = pagedict_find_case(c, br->case_slug);

		tmpl_dict_set(s, "BRAND_NAME", br->name);
		tmpl_dict_set(s, "BRAND_ORG", br->org ? br->org->name : "");
		tmpl_dict_set(s, "BRAND_LEVEL", br->level ? model_demo_label(br->level) : "");
		tmpl_dict_set(s, "BRAND_SUMMARY", br->summary ? br->summary : "");
		if (cs >= 0)
			pagedict_url(tmpl_dict_section(s, "HAS_BRAND_CASE"),
				     "BRAND_CASE_URL", root, c->cases[cs].url);
	}
	if (m->nbrands)
		tmpl_dict_show(d, "HAS_BRANDS");

	for (i = 0; i < m->nbelts; i++) {
		const struct model_belt *bt = &m->belts[i];
		struct tmpl_dict *s = tmpl_dict_section(d, "BELTS");

		tmpl_dict_set(s, "BELT_NAME", bt->name);
		tmpl_dict_set(s, "BELT_KIND", model_belt_kind_label(bt->kind));
		tmpl_dict_set(s, "BELT_SUMMARY", bt->summary ? bt->summary : "");
		for (j = 0; j < bt->npoints; j++) {
			struct tmpl_dict *p = tmpl_dict_section(s, "BELT_POINTS");

			tmpl_dict_setint(p, "POINT_ORDER", (long long)j + 1);
			tmpl_dict_set(p, "POINT_NAME", bt->points[j] ?
				      bt->points[j]->name : bt->point_ids[j]);
		}
	}
	if (m->nbelts)
		tmpl_dict_show(d, "HAS_BELTS");

	fill_indicators(d, m);
	if (m->red_collar.year) {
		struct tmpl_dict *f = tmpl_dict_section(d, "HAS_FUNNEL");

		tmpl_dict_setint(f, "FUNNEL_YEAR", m->red_collar.year);
		pagedict_number(f, "FUNNEL_REVIEWED", m->red_collar.reviewed);
		pagedict_number(f, "FUNNEL_CERTIFIED", m->red_collar.certified);
		buf_reset(&b);
		model_funnel_ratio(&m->red_collar, &b);
		tmpl_dict_set(f, "FUNNEL_RATIO", b.ptr);
	}
	buf_release(&b);
}
