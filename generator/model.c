/*
 * The domain model: the rules of domain.md as pure functions of one record
 * and the configuration, and the aggregates built by feeding records one
 * at a time (see model.h for why).
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "buf.h"
#include "diag.h"
#include "honour.h"
#include "json.h"
#include "model.h"
#include "site.h"
#include "src.h"
#include "strmap.h"
#include "target.h"
#include "util.h"
#include "venue.h"

const char *const model_dim_keys[MODEL_DIMS] = {
	"leadership", "education", "venue", "system", "performance",
	"support", "reputation",
};
const char *const model_rater_keys[MODEL_RATERS] = {
	"self", "members", "committee",
};

/* --- Labels. --- */

static const struct {
	unsigned bit;
	const char *key;
	const char *label;
} rule_names[MODEL_NRULES] = {
	{ MODEL_RULE_OWN_ORG, "own_org", "应单独组建" },
	{ MODEL_RULE_JOIN, "join", "应联合或挂靠组建" },
	{ MODEL_RULE_INSTRUCTOR, "instructor", "应选派党建工作指导员" },
	{ MODEL_RULE_JOINT_SIZE, "joint_size", "联合党组织覆盖单位过多" },
	{ MODEL_RULE_STAFF_ORG, "staff_org", "应建立党组织" },
	{ MODEL_RULE_STAFF_MEMBERS, "staff_members", "应有正式党员" },
};

const char *
model_rule_label(unsigned rule)
{
	size_t i;

	for (i = 0; i < MODEL_NRULES; i++)
		if (rule_names[i].bit == rule)
			return rule_names[i].label;
	return "";
}

const char *
model_rule_key(unsigned rule)
{
	size_t i;

	for (i = 0; i < MODEL_NRULES; i++)
		if (rule_names[i].bit == rule)
			return rule_names[i].key;
	return "";
}

void
model_rule_text(const struct model_config *cfg, unsigned rule,
		enum model_kind kind, struct buf *out)
{
	int k = kind == MODEL_SOCIAL ? MODEL_SOCIAL : MODEL_ENTERPRISE;

	switch (rule) {
	case MODEL_RULE_OWN_ORG:
		buf_addf(out, "有%ld名以上正式党员，应单独组建党组织",
			 cfg->own_org_members);
		break;
	case MODEL_RULE_JOIN:
		buf_addf(out, "有1至%ld名正式党员，应联合组建或挂靠组建",
			 cfg->own_org_members - 1);
		break;
	case MODEL_RULE_INSTRUCTOR:
		BUF_ADDLIT(out, "无正式党员且未覆盖，应选派党建工作指导员");
		break;
	case MODEL_RULE_JOINT_SIZE:
		buf_addf(out, "所在联合党组织覆盖单位超过%ld个",
			 cfg->joint_max_units);
		break;
	case MODEL_RULE_STAFF_ORG:
		buf_addf(out, "职工%ld人以上，应建立党组织", cfg->staff_org[k]);
		break;
	case MODEL_RULE_STAFF_MEMBERS:
		buf_addf(out, "职工%ld人以上，应有正式党员",
			 cfg->staff_members[k]);
		break;
	default:
		break;
	}
}

const char *
model_tier_label(enum model_tier t)
{
	switch (t) {
	case MODEL_TIER_GOLD:
		return "金色示范型";
	case MODEL_TIER_SILVER:
		return "银色扶优型";
	case MODEL_TIER_BRONZE:
		return "铜色基础型";
	case MODEL_TIER_WEAK:
		return "软弱涣散";
	default:
		return "未测评";
	}
}

const char *
model_tier_key(enum model_tier t)
{
	switch (t) {
	case MODEL_TIER_GOLD:
		return "gold";
	case MODEL_TIER_SILVER:
		return "silver";
	case MODEL_TIER_BRONZE:
		return "bronze";
	case MODEL_TIER_WEAK:
		return "weak";
	default:
		return "unassessed";
	}
}

const char *
model_form_label(enum model_form f)
{
	switch (f) {
	case MODEL_FORM_SINGLE:
		return "单独组建";
	case MODEL_FORM_JOINT:
		return "联合组建";
	case MODEL_FORM_ATTACHED:
		return "挂靠组建";
	default:
		return "未覆盖";
	}
}

const char *
model_level_label(enum model_level l)
{
	switch (l) {
	case MODEL_LEVEL_COMMITTEE:
		return "党委";
	case MODEL_LEVEL_GENERAL_BRANCH:
		return "党总支";
	case MODEL_LEVEL_BRANCH:
		return "党支部";
	default:
		return "";
	}
}

const char *
model_demo_label(enum model_demo l)
{
	switch (l) {
	case MODEL_DEMO_PROVINCE:
		return "省级";
	case MODEL_DEMO_CITY:
		return "市级";
	case MODEL_DEMO_DISTRICT:
		return "区级";
	default:
		return "";
	}
}

const char *
model_kind_label(enum model_kind k)
{
	return k == MODEL_SOCIAL ? "社会组织" : "非公企业";
}

const char *
model_belt_kind_label(enum model_belt_kind k)
{
	switch (k) {
	case MODEL_STREET:
		return "红色街区";
	case MODEL_COMMERCE:
		return "红色商圈";
	case MODEL_BUILDING:
		return "楼宇党建";
	default:
		return "示范带";
	}
}

/* --- Configuration. --- */

void
model_config_init(struct model_config *cfg)
{
	static const double dims[MODEL_DIMS] = { 15, 15, 15, 15, 15, 10, 15 };
	static const double weights[MODEL_RATERS] = { 0.2, 0.3, 0.5 };

	memset(cfg, 0, sizeof(*cfg));
	memcpy(cfg->dim_max, dims, sizeof(dims));
	memcpy(cfg->weight, weights, sizeof(weights));
	cfg->floor[MODEL_TIER_BRONZE] = 60;
	cfg->floor[MODEL_TIER_SILVER] = 75;
	cfg->floor[MODEL_TIER_GOLD] = 90;
	cfg->step[MODEL_TIER_BRONZE] = 3;
	cfg->step[MODEL_TIER_SILVER] = 3;
	cfg->step[MODEL_TIER_GOLD] = 2;
	cfg->max_stars = 5;
	cfg->own_org_members = 3;
	cfg->joint_max_units = 5;
	cfg->staff_members[MODEL_ENTERPRISE] = 50;
	cfg->staff_members[MODEL_SOCIAL] = 20;
	cfg->staff_org[MODEL_ENTERPRISE] = 100;
	cfg->staff_org[MODEL_SOCIAL] = 50;
	cfg->single_setup_target = 0.98;
	cfg->coverage_target[MODEL_COV_ORGANISATION] = 1;
	cfg->coverage_target[MODEL_COV_WORK] = 1;
	cfg->coverage_target[MODEL_COV_REQUIRED] = 1;
}

struct cfg_reader {
	const struct json_doc *doc;
	struct diag *d;
	int rc;
};

static void
cfg_error(struct cfg_reader *r, const cJSON *item, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
cfg_error(struct cfg_reader *r, const cJSON *item, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	json_vdiag(r->d, DIAG_ERROR, r->doc, "site.json", item, fmt, ap);
	va_end(ap);
	r->rc = -1;
}

static void
cfg_unknown(struct cfg_reader *r, const cJSON *item, const char *prefix)
{
	json_diag(r->d, DIAG_ERROR, r->doc, "site.json", item,
		  "unknown key \"%s.%s\"", prefix, item->string);
	r->rc = -1;
}

static void
cfg_num(struct cfg_reader *r, const cJSON *item, const char *path,
	double min, double max, double *out)
{
	if (!cJSON_IsNumber(item) || item->valuedouble < min ||
	    item->valuedouble > max) {
		cfg_error(r, item, "\"%s\" must be a number from %g to %g",
			  path, min, max);
		return;
	}
	*out = item->valuedouble;
}

static void
cfg_int(struct cfg_reader *r, const cJSON *item, const char *path,
	long min, long max, long *out)
{
	if (!cJSON_IsNumber(item) || item->valuedouble < min ||
	    item->valuedouble > max ||
	    item->valuedouble != floor(item->valuedouble)) {
		cfg_error(r, item, "\"%s\" must be a whole number from %ld "
			  "to %ld", path, min, max);
		return;
	}
	*out = (long)item->valuedouble;
}

/* An object of numbers keyed by names[i], each stored at out[i * stride]. */
static void
cfg_table(struct cfg_reader *r, const cJSON *obj, const char *path,
	  const char *const *names, size_t n, double min, double max,
	  double *out, size_t stride)
{
	struct buf sub = BUF_INIT;
	const cJSON *it;
	size_t i;

	if (!cJSON_IsObject(obj)) {
		cfg_error(r, obj, "\"%s\" must be an object", path);
		return;
	}
	cJSON_ArrayForEach(it, obj) {
		for (i = 0; i < n; i++)
			if (!strcmp(it->string, names[i]))
				break;
		if (i == n) {
			cfg_unknown(r, it, path);
			continue;
		}
		buf_reset(&sub);
		buf_addf(&sub, "%s.%s", path, names[i]);
		cfg_num(r, it, sub.ptr, min, max, out + i * stride);
	}
	buf_release(&sub);
}

static const char *const tier_keys[] = { "bronze", "silver", "gold" };
static const char *const coverage_keys[MODEL_NCOVERAGE] = {
	"organisation", "work", "required",
};
static const char *const coverage_labels[MODEL_NCOVERAGE] = {
	"组织覆盖率", "工作覆盖率", "应建尽建率",
};

const char *
model_coverage_key(enum model_coverage c)
{
	return c < MODEL_NCOVERAGE ? coverage_keys[c] : "";
}

const char *
model_coverage_label(enum model_coverage c)
{
	return c < MODEL_NCOVERAGE ? coverage_labels[c] : "";
}
static const char *const kind_keys[] = { "enterprise", "social" };

/* The keys of "rules" that model_config_read() reads, for site_load(). */
const struct site_key model_site_keys[] = {
	{ "rules", "dimensions", SITE_OBJECT, 0 },
	{ "rules", "raters", SITE_OBJECT, 0 },
	{ "rules", "tiers", SITE_OBJECT, 0 },
	{ "rules", "star_steps", SITE_OBJECT, 0 },
	{ "rules", "max_stars", SITE_NUMBER, 0 },
	{ "rules", "own_org_members", SITE_NUMBER, 0 },
	{ "rules", "joint_max_units", SITE_NUMBER, 0 },
	{ "rules", "members_from_staff", SITE_OBJECT, 0 },
	{ "rules", "org_from_staff", SITE_OBJECT, 0 },
	{ "rules", "coverage_targets", SITE_OBJECT, 0 },
	{ "rules", "single_setup_target", SITE_NUMBER, 0 },
	{ NULL, NULL, SITE_OBJECT, 0 },
};

int
model_config_read(struct model_config *cfg, const struct json_doc *doc,
		  const cJSON *rules, struct diag *d)
{
	struct cfg_reader r = { doc, d, 0 };
	const cJSON *it;
	double v[MODEL_NKINDS];
	size_t i;

	if (!rules)
		return 0;
	if (!cJSON_IsObject(rules)) {
		cfg_error(&r, rules, "\"rules\" must be an object");
		return -1;
	}
	cJSON_ArrayForEach(it, rules) {
		const char *k = it->string;

		if (!strcmp(k, "dimensions")) {
			double sum = 0;

			cfg_table(&r, it, "rules.dimensions", model_dim_keys,
				  MODEL_DIMS, 0.01, 100, cfg->dim_max, 1);
			for (i = 0; i < MODEL_DIMS; i++)
				sum += cfg->dim_max[i];
			if (fabs(sum - 100) > 1e-9)
				cfg_error(&r, it, "\"rules.dimensions\" maxima "
					  "must add up to 100, not %g", sum);
		} else if (!strcmp(k, "raters")) {
			double sum = 0;

			cfg_table(&r, it, "rules.raters", model_rater_keys,
				  MODEL_RATERS, 0, 1, cfg->weight, 1);
			for (i = 0; i < MODEL_RATERS; i++)
				sum += cfg->weight[i];
			if (fabs(sum - 1) > 1e-9)
				cfg_error(&r, it, "\"rules.raters\" weights "
					  "must add up to 1, not %g", sum);
		} else if (!strcmp(k, "tiers")) {
			cfg_table(&r, it, "rules.tiers", tier_keys, 3, 0, 100,
				  cfg->floor + MODEL_TIER_BRONZE, 1);
			if (!(cfg->floor[MODEL_TIER_BRONZE] <
			      cfg->floor[MODEL_TIER_SILVER] &&
			      cfg->floor[MODEL_TIER_SILVER] <
			      cfg->floor[MODEL_TIER_GOLD]))
				cfg_error(&r, it, "\"rules.tiers\" floors must "
					  "rise from bronze to silver to gold");
		} else if (!strcmp(k, "star_steps")) {
			cfg_table(&r, it, "rules.star_steps", tier_keys, 3,
				  0.01, 100, cfg->step + MODEL_TIER_BRONZE, 1);
		} else if (!strcmp(k, "max_stars")) {
			long n = cfg->max_stars;

			cfg_int(&r, it, "rules.max_stars", 1, MODEL_MAX_STARS,
				&n);
			cfg->max_stars = (int)n;
		} else if (!strcmp(k, "own_org_members")) {
			cfg_int(&r, it, "rules.own_org_members", 1, 1000000,
				&cfg->own_org_members);
		} else if (!strcmp(k, "joint_max_units")) {
			cfg_int(&r, it, "rules.joint_max_units", 1, 1000000,
				&cfg->joint_max_units);
		} else if (!strcmp(k, "members_from_staff") ||
			   !strcmp(k, "org_from_staff")) {
			long *dst = k[0] == 'm' ? cfg->staff_members :
				    cfg->staff_org;
			struct buf path = BUF_INIT;

			buf_addf(&path, "rules.%s", k);
			for (i = 0; i < MODEL_NKINDS; i++)
				v[i] = (double)dst[i];
			cfg_table(&r, it, path.ptr, kind_keys, MODEL_NKINDS, 0,
				  1e9, v, 1);
			for (i = 0; i < MODEL_NKINDS; i++) {
				if (v[i] != floor(v[i]))
					cfg_error(&r, it, "\"%s\" must hold whole "
						  "numbers", path.ptr);
				dst[i] = (long)v[i];
			}
			buf_release(&path);
		} else if (!strcmp(k, "coverage_targets")) {
			cfg_table(&r, it, "rules.coverage_targets",
				  coverage_keys, MODEL_NCOVERAGE, 0, 1,
				  cfg->coverage_target, 1);
		} else if (!strcmp(k, "single_setup_target")) {
			cfg_num(&r, it, "rules.single_setup_target", 0, 1,
				&cfg->single_setup_target);
		} else {
			cfg_unknown(&r, it, "rules");
		}
	}
	return r.rc;
}

/* --- The rules. --- */

double
model_round2(double x)
{
	/*
	 * Sums of decimal scores are not exact in binary: 89.995 is held as
	 * 89.99499999... Snap to a millionth of a hundredth first, so that a
	 * half on paper is a half here, then round half away from zero.
	 */
	double v = round(x * 100.0 * 1e6) / 1e6;

	return round(v) / 100.0;
}

/* Scores, floors and steps in whole hundredths. */
static long
hundredths(double x)
{
	return lround(x * 100.0);
}

double
model_score(const struct model_config *cfg,
	    const double dims[MODEL_RATERS][MODEL_DIMS])
{
	double score = 0;
	int r, i;

	for (r = 0; r < MODEL_RATERS; r++) {
		double sum = 0;

		for (i = 0; i < MODEL_DIMS; i++)
			sum += dims[r][i];
		score += cfg->weight[r] * sum;
	}
	return model_round2(score);
}

enum model_tier
model_tier(const struct model_config *cfg, double score)
{
	long s = hundredths(score);

	if (s >= hundredths(cfg->floor[MODEL_TIER_GOLD]))
		return MODEL_TIER_GOLD;
	if (s >= hundredths(cfg->floor[MODEL_TIER_SILVER]))
		return MODEL_TIER_SILVER;
	if (s >= hundredths(cfg->floor[MODEL_TIER_BRONZE]))
		return MODEL_TIER_BRONZE;
	return MODEL_TIER_WEAK;
}

int
model_stars(const struct model_config *cfg, double score)
{
	enum model_tier t = model_tier(cfg, score);
	long s = hundredths(score), step, n;

	if (t == MODEL_TIER_WEAK)
		return 0;
	step = hundredths(cfg->step[t]);
	if (step < 1)
		step = 1;
	n = 1 + (s - hundredths(cfg->floor[t])) / step;
	return n > cfg->max_stars ? cfg->max_stars : (int)n;
}

unsigned
model_unit_rules(const struct model_config *cfg, const struct model_org *o)
{
	unsigned r = 0;
	int k = o->kind == MODEL_SOCIAL ? MODEL_SOCIAL : MODEL_ENTERPRISE;

	if (o->members >= cfg->own_org_members && o->form != MODEL_FORM_SINGLE)
		r |= MODEL_RULE_OWN_ORG;
	if (o->members >= 1 && o->members < cfg->own_org_members &&
	    o->form == MODEL_FORM_NONE)
		r |= MODEL_RULE_JOIN;
	if (o->members == 0 && o->form == MODEL_FORM_NONE && !o->instructor)
		r |= MODEL_RULE_INSTRUCTOR;
	if (o->form == MODEL_FORM_NONE && o->staff >= cfg->staff_org[k])
		r |= MODEL_RULE_STAFF_ORG;
	if (o->members == 0 && o->staff >= cfg->staff_members[k])
		r |= MODEL_RULE_STAFF_MEMBERS;
	return r;
}

int
model_form_met(const struct model_config *cfg, const struct model_org *o)
{
	if (o->members < 1)
		return 0;
	if (o->members >= cfg->own_org_members)
		return o->form == MODEL_FORM_SINGLE;
	return o->form != MODEL_FORM_NONE;
}

int
model_joint_too_big(const struct model_config *cfg, long units)
{
	return units > cfg->joint_max_units;
}

/* --- Rates. --- */

int
model_rate_value(struct model_rate r, double *v)
{
	*v = 0;
	if (r.den <= 0)
		return 0;
	*v = (double)r.num / (double)r.den;
	return 1;
}

long long
model_rate_scaled(struct model_rate r, long long scale)
{
	return ((long long)r.num * scale * 2 + r.den) / (2LL * r.den);
}

void
model_number(struct buf *out, double v)
{
	struct buf t = BUF_INIT;

	if (fabs(v - round(v)) < 1e-9)
		buf_addf(&t, "%.0f", v);
	else
		buf_addf(&t, "%.2f", v);
	/* as charts write them (chart_group): 14,700, but 2024 */
	if (fabs(v) >= 10000)
		buf_addgrouped(out, t.ptr);
	else
		buf_addbuf(out, &t);
	buf_release(&t);
}

void
model_target_percent(struct buf *out, double target)
{
	model_number(out, round(target * 10000) / 100);
	buf_addch(out, '%');
}

struct model_rate
model_group_coverage(const struct model_group *g, enum model_coverage c)
{
	switch (c) {
	case MODEL_COV_ORGANISATION:
		return g->org_coverage;
	case MODEL_COV_WORK:
		return g->work_coverage;
	case MODEL_COV_REQUIRED:
		return g->required;
	default:
		return (struct model_rate){ 0, 0 };
	}
}

int
model_rate_against(struct model_rate r, double target, long *gap)
{
	/* target and rate in millionths: num * 1e6 >= t * den, exactly */
	long long t = llround(target * 1e6), have, want;

	*gap = 0;
	if (r.den <= 0)
		return -1;
	have = (long long)r.num * 1000000;
	want = t * r.den;
	if (have >= want)
		return 1;
	/* (want - have) / den millionths = that / 100 hundredths of a
	 * point; rounded up */
	*gap = (long)((want - have + 100LL * r.den - 1) / (100LL * r.den));
	return 0;
}

int
model_group_below_single(const struct model *m, const struct model_group *g)
{
	long gap;

	return model_rate_against(g->single_setup, m->cfg.single_setup_target,
				  &gap) == 0;
}

void
model_gap_text(long gap, struct buf *out)
{
	buf_addf(out, "差%ld.%02ld个百分点", gap / 100, gap % 100);
}

void
model_rate_percent(struct model_rate r, struct buf *out)
{
	long long v;

	if (r.den <= 0) {
		BUF_ADDLIT(out, "暂无数据");
		return;
	}
	v = model_rate_scaled(r, 10000);
	buf_addf(out, "%lld.%02lld%%", v / 100, v % 100);
}

void
model_funnel_ratio(const struct model_funnel *f, struct buf *out)
{
	if (f->has_ratio)
		buf_addf(out, "%.2f%%", f->ratio * 100);
	else
		BUF_ADDLIT(out, "暂无数据");
}

void
model_rate_json(struct buf *out, struct model_rate r)
{
	if (r.den <= 0)
		BUF_ADDLIT(out, "null");
	else
		json_add_fraction(out, model_rate_scaled(r, 1000000));
}

/* --- Accumulation. --- */

struct model_priv {
	struct strmap regions, industries;
	size_t regions_cap, industries_cap;
	size_t orgs_cap, brands_cap, belts_cap, indicators_cap;
};

static void
group_init(struct model_group *g, const char *name)
{
	memset(g, 0, sizeof(*g));
	g->name = xstrdup(name);
}

void
model_init(struct model *m, const struct model_config *cfg)
{
	int k;

	memset(m, 0, sizeof(*m));
	if (cfg)
		m->cfg = *cfg;
	else
		model_config_init(&m->cfg);
	group_init(&m->all, "合计");
	for (k = 0; k < MODEL_NKINDS; k++)
		group_init(&m->kinds[k], model_kind_label(k));
	m->priv = xcalloc(1, sizeof(struct model_priv));
	m->assess = assess_new();
	m->venues = venues_new();
	m->honours = honours_new();
	m->targets = targets_new();
}

static void
free_org(struct model_org *o)
{
	free(o->id);
	free(o->name);
	free(o->region);
	free(o->industry);
	free(o->joint_id);
	free(o->since);
	free(o->brand);
	free(o->round);
}

static void
free_priv(struct model *m)
{
	struct model_priv *p = m->priv;

	if (!p)
		return;
	strmap_release(&p->regions);
	strmap_release(&p->industries);
	free(p);
	m->priv = NULL;
}

void
model_release(struct model *m)
{
	size_t i, j;

	free_priv(m);
	free(m->all.name);
	for (i = 0; i < MODEL_NKINDS; i++)
		free(m->kinds[i].name);
	for (i = 0; i < m->nregions; i++)
		free(m->regions[i].name);
	free(m->regions);
	for (i = 0; i < m->nindustries; i++)
		free(m->industries[i].name);
	free(m->industries);
	for (i = 0; i < m->norgs; i++)
		free_org(&m->orgs[i]);
	free(m->orgs);
	free(m->gold);
	free(m->weak);
	free(m->movers);
	free(m->demo_sites);
	free(m->noncompliant_units);
	for (i = 0; i < m->nbrands; i++) {
		free(m->brands[i].id);
		free(m->brands[i].at.file);
		free(m->brands[i].name);
		free(m->brands[i].org_id);
		free(m->brands[i].case_slug);
		free(m->brands[i].summary);
	}
	free(m->brands);
	for (i = 0; i < m->nbelts; i++) {
		struct model_belt *b = &m->belts[i];

		free(b->id);
		free(b->at.file);
		free(b->name);
		free(b->summary);
		for (j = 0; j < b->npoints; j++)
			free(b->point_ids[j]);
		free(b->point_ids);
		free(b->points);
	}
	free(m->belts);
	for (i = 0; i < m->nindicators; i++) {
		free(m->indicators[i].key);
		free(m->indicators[i].label);
		free(m->indicators[i].unit);
	}
	free(m->indicators);
	free(m->round);
	free(m->prev_round);
	assess_free(m->assess);
	venues_free(m->venues);
	honours_free(m->honours);
	targets_free(m->targets);
	memset(m, 0, sizeof(*m));
}

static struct model_group *
group_for(struct strmap *map, struct model_group **arr, size_t *n,
	  size_t *cap, const char *name)
{
	int added;
	size_t i = strmap_intern(map, name, &added);

	if (added) {
		*arr = xgrow(*arr, cap, i + 1, sizeof(**arr));
		group_init(&(*arr)[i], name);
		*n = i + 1;
	}
	return &(*arr)[i];
}

static void
group_add(struct model_group *g, const struct model_config *cfg,
	  const struct model_org *o, unsigned rules)
{
	int covered = o->form != MODEL_FORM_NONE;

	g->units++;
	g->covered += covered;
	g->worked += covered || o->instructor;
	if (o->kind == MODEL_ENTERPRISE && o->above_scale) {
		g->above_scale++;
		g->above_single += o->form == MODEL_FORM_SINGLE;
	}
	g->noncompliant += rules != 0;
	g->with_members += o->members >= 1;
	g->form_met += model_form_met(cfg, o);
}

static void
count_rules(struct model *m, unsigned rules, long n)
{
	int i;

	for (i = 0; i < MODEL_NRULES; i++)
		if (rules & rule_names[i].bit)
			m->rule_units[i] += n;
}

unsigned
model_add_org(struct model *m, const struct model_org *o)
{
	struct model_priv *p = m->priv;
	unsigned rules = model_unit_rules(&m->cfg, o);

	m->organizations++;
	if (o->kind == MODEL_SOCIAL)
		m->social++;
	else
		m->enterprises++;
	m->forms[o->form]++;
	if (o->form == MODEL_FORM_SINGLE) {
		m->levels[o->level]++;
		m->party_orgs++;
	}
	m->instructors += o->instructor != 0;
	if (o->demo != MODEL_DEMO_NONE)
		m->demo[o->demo]++;
	if (rules) {
		m->noncompliant++;
		count_rules(m, rules, 1);
	}
	group_add(&m->all, &m->cfg, o, rules);
	group_add(&m->kinds[o->kind], &m->cfg, o, rules);
	group_add(group_for(&p->regions, &m->regions, &m->nregions,
			    &p->regions_cap, o->region), &m->cfg, o, rules);
	group_add(group_for(&p->industries, &m->industries, &m->nindustries,
			    &p->industries_cap, o->industry ? o->industry : ""),
		  &m->cfg, o, rules);
	return rules;
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
model_keep_org(struct model *m, const struct model_org *o)
{
	struct model_priv *p = m->priv;
	struct model_org *k;

	m->orgs = xgrow(m->orgs, &p->orgs_cap, m->norgs + 1, sizeof(*m->orgs));
	k = &m->orgs[m->norgs++];
	*k = *o;
	k->id = xstrdup(o->id);
	k->name = xstrdup(o->name);
	k->region = xstrdup(o->region);
	k->industry = xstrdup(o->industry ? o->industry : "");
	k->joint_id = dup_or_null(o->joint_id);
	k->since = dup_or_null(o->since);
	k->brand = dup_or_null(o->brand);
	k->round = dup_or_null(o->round);
}

void
model_set_rounds(struct model *m, const char *round, const char *prev_round)
{
	free(m->round);
	free(m->prev_round);
	m->round = dup_or_null(round);
	m->prev_round = dup_or_null(prev_round);
}

void
model_add_joint(struct model *m, long units, long flagged,
		enum model_level level)
{
	m->joint_orgs++;
	m->party_orgs++;
	m->levels[level]++;
	if (model_joint_too_big(&m->cfg, units)) {
		m->noncompliant += units - flagged;
		count_rules(m, MODEL_RULE_JOINT_SIZE, units);
	}
}

void
model_add_assessed(struct model *m, enum model_tier tier, int stars,
		   enum model_move move, enum model_tier prev)
{
	if (tier < 0 || tier >= MODEL_NTIERS)
		return;
	m->tiers[tier]++;
	if (stars >= 1 && stars <= MODEL_MAX_STARS)
		m->stars[tier][stars - 1]++;
	if (move == MODEL_MOVE_UP)
		m->moved_up++;
	if (move == MODEL_MOVE_DOWN)
		m->moved_down++;
	if (tier == MODEL_TIER_GOLD && move != MODEL_MOVE_NONE &&
	    prev != MODEL_TIER_GOLD)
		m->new_gold++;
}

void
model_add_brand(struct model *m, struct model_brand *b)
{
	struct model_priv *p = m->priv;

	m->brands = xgrow(m->brands, &p->brands_cap, m->nbrands + 1,
			  sizeof(*m->brands));
	m->brands[m->nbrands++] = *b;
	memset(b, 0, sizeof(*b));
}

void
model_add_belt(struct model *m, struct model_belt *b)
{
	struct model_priv *p = m->priv;

	m->belts = xgrow(m->belts, &p->belts_cap, m->nbelts + 1,
			 sizeof(*m->belts));
	m->belts[m->nbelts++] = *b;
	memset(b, 0, sizeof(*b));
}

void
model_add_indicator(struct model *m, struct model_indicator *i)
{
	struct model_priv *p = m->priv;

	m->indicators = xgrow(m->indicators, &p->indicators_cap,
			      m->nindicators + 1, sizeof(*m->indicators));
	m->indicators[m->nindicators++] = *i;
	memset(i, 0, sizeof(*i));
}

/* --- Finishing. --- */

static int
org_cmp(const void *a, const void *b)
{
	return strcmp(((const struct model_org *)a)->id,
		      ((const struct model_org *)b)->id);
}

static int
group_cmp(const void *a, const void *b)
{
	return strcmp(((const struct model_group *)a)->name,
		      ((const struct model_group *)b)->name);
}

static int
brand_cmp(const void *a, const void *b)
{
	return strcmp(((const struct model_brand *)a)->id,
		      ((const struct model_brand *)b)->id);
}

static int
belt_cmp(const void *pa, const void *pb)
{
	const struct model_belt *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
indicator_cmp(const void *pa, const void *pb)
{
	const struct model_indicator *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (c)
		return c;
	return (a->year > b->year) - (a->year < b->year);
}

static int
by_score_desc(const void *pa, const void *pb)
{
	const struct model_org *a = *(const struct model_org *const *)pa;
	const struct model_org *b = *(const struct model_org *const *)pb;
	long sa = hundredths(a->score), sb = hundredths(b->score);

	if (sa != sb)
		return sa > sb ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
by_score_asc(const void *pa, const void *pb)
{
	const struct model_org *a = *(const struct model_org *const *)pa;
	const struct model_org *b = *(const struct model_org *const *)pb;
	long sa = hundredths(a->score), sb = hundredths(b->score);

	if (sa != sb)
		return sa < sb ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
move_rank(const struct model_org *o)
{
	if (o->move == MODEL_MOVE_UP)
		return 0;
	if (o->move == MODEL_MOVE_DOWN)
		return 1;
	return 2; /* new to gold */
}

static int
by_move(const void *pa, const void *pb)
{
	const struct model_org *a = *(const struct model_org *const *)pa;
	const struct model_org *b = *(const struct model_org *const *)pb;
	int ra = move_rank(a), rb = move_rank(b);

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
by_demo(const void *pa, const void *pb)
{
	const struct model_org *a = *(const struct model_org *const *)pa;
	const struct model_org *b = *(const struct model_org *const *)pb;

	if (a->demo != b->demo)
		return a->demo < b->demo ? -1 : 1;
	return strcmp(a->id, b->id);
}

static int
by_region(const void *pa, const void *pb)
{
	const struct model_org *a = *(const struct model_org *const *)pa;
	const struct model_org *b = *(const struct model_org *const *)pb;
	int c = strcmp(a->region, b->region);

	return c ? c : strcmp(a->id, b->id);
}

static void
group_rates(struct model_group *g)
{
	g->org_coverage.num = g->covered;
	g->org_coverage.den = g->units;
	g->work_coverage.num = g->worked;
	g->work_coverage.den = g->units;
	g->single_setup.num = g->above_single;
	g->single_setup.den = g->above_scale;
	g->required.num = g->form_met;
	g->required.den = g->with_members;
}

static int
is_new_gold(const struct model_org *o)
{
	return o->tier == MODEL_TIER_GOLD && o->move != MODEL_MOVE_NONE &&
	       o->prev_tier != MODEL_TIER_GOLD;
}

typedef int (*org_pred)(const struct model_org *o);

static const struct model_org **
select_orgs(const struct model *m, org_pred pred, size_t *n,
	    int (*cmp)(const void *, const void *))
{
	const struct model_org **list = NULL;
	size_t i, cap = 0;

	*n = 0;
	for (i = 0; i < m->norgs; i++) {
		if (!pred(&m->orgs[i]))
			continue;
		list = xgrow(list, &cap, *n + 1, sizeof(*list));
		list[(*n)++] = &m->orgs[i];
	}
	if (*n)
		qsort(list, *n, sizeof(*list), cmp);
	return list;
}

static int
pred_gold(const struct model_org *o)
{
	return o->tier == MODEL_TIER_GOLD;
}

static int
pred_weak(const struct model_org *o)
{
	return o->tier == MODEL_TIER_WEAK;
}

static int
pred_mover(const struct model_org *o)
{
	return o->move == MODEL_MOVE_UP || o->move == MODEL_MOVE_DOWN ||
	       is_new_gold(o);
}

static int
pred_demo(const struct model_org *o)
{
	return o->demo != MODEL_DEMO_NONE;
}

static int
pred_noncompliant(const struct model_org *o)
{
	return o->rules != 0;
}

static void
finish_indicators(struct model *m)
{
	size_t i;
	const struct model_indicator *rev = NULL, *cert;

	if (m->nindicators)
		qsort(m->indicators, m->nindicators, sizeof(*m->indicators),
		      indicator_cmp);
	for (i = 0; i < m->nindicators; i++) {
		struct model_indicator *it = &m->indicators[i];

		if (it->has_target) {
			it->reached = it->value >= it->target;
			it->gap = it->reached ? 0 : it->target - it->value;
		}
		if (i > 0 && !strcmp(m->indicators[i - 1].key, it->key) &&
		    m->indicators[i - 1].year == it->year - 1) {
			it->has_prev = 1;
			it->prev = m->indicators[i - 1].value;
			it->change = it->value - it->prev;
		}
	}
	/* The funnel of the latest year that has the reviewed figure. */
	for (i = 0; i < m->nindicators; i++)
		if (!strcmp(m->indicators[i].key, "red_collar_reviewed"))
			rev = &m->indicators[i]; /* sorted: last is latest */
	memset(&m->red_collar, 0, sizeof(m->red_collar));
	if (!rev)
		return;
	m->red_collar.year = rev->year;
	m->red_collar.reviewed = rev->value;
	cert = model_indicator(m, "red_collar_certified", rev->year);
	m->red_collar.certified = cert ? cert->value : 0;
	if (rev->value > 0) {
		m->red_collar.has_ratio = 1;
		m->red_collar.ratio = m->red_collar.certified / rev->value;
	}
}

void
model_finish(struct model *m)
{
	size_t i, j;
	long assessed = 0;

	free_priv(m);
	if (m->norgs)
		qsort(m->orgs, m->norgs, sizeof(*m->orgs), org_cmp);
	if (m->nregions)
		qsort(m->regions, m->nregions, sizeof(*m->regions), group_cmp);
	if (m->nindustries)
		qsort(m->industries, m->nindustries, sizeof(*m->industries),
		      group_cmp);
	group_rates(&m->all);
	for (i = 0; i < MODEL_NKINDS; i++)
		group_rates(&m->kinds[i]);
	for (i = 0; i < m->nregions; i++)
		group_rates(&m->regions[i]);
	for (i = 0; i < m->nindustries; i++)
		group_rates(&m->industries[i]);

	for (i = 0; i < MODEL_NTIERS; i++)
		assessed += m->tiers[i];
	m->unassessed = m->organizations - assessed;
	if (m->unassessed < 0)
		m->unassessed = 0;

	m->gold = select_orgs(m, pred_gold, &m->ngold, by_score_desc);
	m->weak = select_orgs(m, pred_weak, &m->nweak, by_score_asc);
	m->movers = select_orgs(m, pred_mover, &m->nmovers, by_move);
	m->demo_sites = select_orgs(m, pred_demo, &m->ndemo_sites, by_demo);
	m->noncompliant_units = select_orgs(m, pred_noncompliant,
					    &m->nnoncompliant_units,
					    by_region);

	if (m->nbrands)
		qsort(m->brands, m->nbrands, sizeof(*m->brands), brand_cmp);
	for (i = 0; i < m->nbrands; i++)
		m->brands[i].org = model_org(m, m->brands[i].org_id);
	if (m->nbelts)
		qsort(m->belts, m->nbelts, sizeof(*m->belts), belt_cmp);
	for (i = 0; i < m->nbelts; i++) {
		struct model_belt *b = &m->belts[i];

		b->points = xcalloc(b->npoints ? b->npoints : 1,
				    sizeof(*b->points));
		for (j = 0; j < b->npoints; j++)
			b->points[j] = model_org(m, b->point_ids[j]);
	}
	finish_indicators(m);
	assess_finish(m->assess, m);
	venues_finish(m->venues);
	honours_finish(m->honours);
	targets_finish(m->targets);
}

const struct model_org *
model_org(const struct model *m, const char *id)
{
	size_t lo = 0, hi = m->norgs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(id, m->orgs[mid].id);

		if (!c)
			return &m->orgs[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

const struct model_indicator *
model_indicator(const struct model *m, const char *key, int year)
{
	size_t i;

	for (i = 0; i < m->nindicators; i++)
		if (m->indicators[i].year == year &&
		    !strcmp(m->indicators[i].key, key))
			return &m->indicators[i];
	return NULL;
}

int
model_latest_year(const struct model *m)
{
	int y = 0;
	size_t i;

	for (i = 0; i < m->nindicators; i++)
		if (m->indicators[i].year > y)
			y = m->indicators[i].year;
	return y;
}

int
model_first_year(const struct model *m)
{
	int y = 0;
	size_t i;

	for (i = 0; i < m->nindicators; i++)
		if (!y || m->indicators[i].year < y)
			y = m->indicators[i].year;
	return y;
}

int
model_has_year(const struct model *m, int year)
{
	size_t i;

	for (i = 0; i < m->nindicators; i++)
		if (m->indicators[i].year == year)
			return 1;
	return 0;
}
