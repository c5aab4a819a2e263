#ifndef SHOWCASE_MODEL_H
#define SHOWCASE_MODEL_H

/*
 * struct model: the figures the office reports (domain.md, "Rules the
 * software computes") and the few records the site shows, computed from
 * the data exports of data-format.md.
 *
 * The rules themselves are pure functions of one record and the
 * configuration (model_score, model_tier, model_stars, model_unit_rules),
 * unit-tested at every boundary. The aggregates are built by feeding
 * records one at a time (model_add_org and friends), because a .jsonl
 * export of a million organisations is streamed and never held: the model
 * keeps counts, one aggregate per region, kind and industry, and full
 * records only for the organisations the site or the report shows. data.c
 * does the feeding; model_finish() then derives everything else.
 *
 * Ownership: a struct model owns every string and array it points at, all
 * freed by model_release(). Pointers between parts (a brand's org, a belt's
 * points, the gold list) point into m->orgs and stay valid until then.
 *
 * "No data": a rate is kept as a numerator and a denominator; a zero
 * denominator means no data (JSON null, "暂无数据"), never a division.
 */

#include <stddef.h>

#include <cJSON.h>

struct assess;
struct honours;
struct targets;
struct venues;
struct buf;
struct diag;
struct json_doc;

#define MODEL_DIMS 7
#define MODEL_RATERS 3
#define MODEL_MAX_STARS 10 /* upper bound of the configurable maximum */

enum model_kind { MODEL_ENTERPRISE, MODEL_SOCIAL, MODEL_NKINDS };

enum model_form {
	MODEL_FORM_SINGLE,   /* 单独组建 */
	MODEL_FORM_JOINT,    /* 联合组建 */
	MODEL_FORM_ATTACHED, /* 挂靠组建 */
	MODEL_FORM_NONE,     /* 未覆盖 */
	MODEL_NFORMS
};

enum model_level {
	MODEL_LEVEL_NONE, /* not given */
	MODEL_LEVEL_COMMITTEE,
	MODEL_LEVEL_GENERAL_BRANCH,
	MODEL_LEVEL_BRANCH,
	MODEL_NLEVELS
};

/* Demonstration-site and brand levels. */
enum model_demo {
	MODEL_DEMO_NONE,
	MODEL_DEMO_PROVINCE,
	MODEL_DEMO_CITY,
	MODEL_DEMO_DISTRICT,
	MODEL_NDEMOS
};

/* Ordered so that a higher tier compares greater. */
enum model_tier {
	MODEL_TIER_NONE = -1, /* not assessed */
	MODEL_TIER_WEAK,      /* 软弱涣散 */
	MODEL_TIER_BRONZE,    /* 铜色基础型 */
	MODEL_TIER_SILVER,    /* 银色扶优型 */
	MODEL_TIER_GOLD,      /* 金色示范型 */
	MODEL_NTIERS
};

/* Movement of an organisation between the last two rounds of the data. */
enum model_move {
	MODEL_MOVE_NONE, /* not assessed in the latest round */
	MODEL_MOVE_NEW,  /* assessed in the latest round, not in the one before */
	MODEL_MOVE_SAME,
	MODEL_MOVE_UP,
	MODEL_MOVE_DOWN,
};

/* The non-compliance rules (应建未建), data-format.md; bits of a mask. */
enum model_rule {
	MODEL_RULE_OWN_ORG = 1 << 0,     /* members >= 3, form not single */
	MODEL_RULE_JOIN = 1 << 1,        /* 1..2 members, form none */
	MODEL_RULE_INSTRUCTOR = 1 << 2,  /* 0 members, none, no instructor */
	MODEL_RULE_JOINT_SIZE = 1 << 3,  /* its joint organisation is too big */
	MODEL_RULE_STAFF_ORG = 1 << 4,   /* form none, staff >= 100 (50) */
	MODEL_RULE_STAFF_MEMBERS = 1 << 5, /* 0 members, staff >= 50 (20) */
};
#define MODEL_NRULES 6

enum model_belt_kind {
	MODEL_BELT,     /* 示范带 */
	MODEL_STREET,   /* 红色街区 */
	MODEL_COMMERCE, /* 红色商圈 */
	MODEL_BUILDING, /* 楼宇党建 */
	MODEL_NBELT_KINDS
};

/* The coverage rates that have a target (site.json rules.coverage_targets). */
enum model_coverage {
	MODEL_COV_ORGANISATION, /* 组织覆盖率 */
	MODEL_COV_WORK,         /* 工作覆盖率 */
	MODEL_COV_REQUIRED,     /* 应建尽建率 */
	MODEL_NCOVERAGE
};

/*
 * Thresholds, weights and maxima: every number of the rules, with the
 * defaults of domain.md, overridable in site.json under "rules". Scores,
 * floors and steps are compared in hundredths of a point (scores have two
 * decimals), so 89.99 is silver and 90 gold without rounding noise.
 */
struct model_config {
	double dim_max[MODEL_DIMS];    /* 15 15 15 15 15 10 15 */
	double weight[MODEL_RATERS];   /* self 0.2, members 0.3, committee 0.5 */
	double floor[MODEL_NTIERS];    /* [BRONZE] 60, [SILVER] 75, [GOLD] 90 */
	double step[MODEL_NTIERS];     /* [BRONZE] 3, [SILVER] 3, [GOLD] 2 */
	int max_stars;                 /* 5 */
	long own_org_members;          /* 3: own organisation from this many */
	long joint_max_units;          /* 5 */
	long staff_members[MODEL_NKINDS]; /* 50, 20: should have members */
	long staff_org[MODEL_NKINDS];  /* 100, 50: should have an organisation */
	double single_setup_target;    /* 0.98 */
	/* Targets of the three coverage rates (seeds 000, 003: 100 %). */
	double coverage_target[MODEL_NCOVERAGE];
};

/* Keys of the dimensions and raters as written in the exports. */
extern const char *const model_dim_keys[MODEL_DIMS];
extern const char *const model_rater_keys[MODEL_RATERS];

void model_config_init(struct model_config *cfg);
/*
 * Read the "rules" object of site.json (rules may be NULL: defaults) into
 * cfg, which must hold the defaults already. doc gives the positions. Bad
 * values are reported in d (unknown keys are warnings); returns 0 or -1.
 */
int model_config_read(struct model_config *cfg, const struct json_doc *doc,
		      const cJSON *rules, struct diag *d);

/* --- The rules, one record at a time (pure functions). --- */

/* Round half away from zero to two decimals, as done on paper. */
double model_round2(double x);
/* score = sum over raters of weight x (sum of its dimensions), rounded. */
double model_score(const struct model_config *cfg,
		   const double dims[MODEL_RATERS][MODEL_DIMS]);
enum model_tier model_tier(const struct model_config *cfg, double score);
/* 1 + floor((score - floor) / step), at most max_stars; 0 when weak. */
int model_stars(const struct model_config *cfg, double score);

/* A unit as the rules see it; also the record kept for the site. */
struct model_org {
	char *id;
	char *name;
	char *region;
	char *industry;       /* "" when not given */
	enum model_kind kind;
	int above_scale;
	long staff;
	long members;
	enum model_form form;
	enum model_level level;
	char *joint_id;       /* NULL unless form is joint */
	char *since;          /* YYYY-MM-DD, or NULL */
	int instructor;
	enum model_demo demo;
	int demo_since;       /* 0 when not given */
	char *brand;          /* brand id, or NULL */
	unsigned rules;       /* MODEL_RULE_* it breaks */

	/* From assessments (tier MODEL_TIER_NONE when none). */
	char *round;          /* its latest round, "2025-11"; NULL if none */
	double score;
	enum model_tier tier;
	int stars;
	enum model_move move;
	double prev_score;    /* in the round before the latest of the data */
	enum model_tier prev_tier; /* MODEL_TIER_NONE when not assessed */
	/* Each dimension of the latest round, the raters' weighted sum:
	 * the seven add up to score. */
	double dims[MODEL_DIMS];
};

/*
 * The rules a unit breaks by itself (all but MODEL_RULE_JOINT_SIZE, which
 * needs the whole joint organisation: model_joint_too_big).
 */
unsigned model_unit_rules(const struct model_config *cfg,
			  const struct model_org *o);
int model_joint_too_big(const struct model_config *cfg, long units);

/* Labels for people: Chinese, and stable English keys for JSON. */
const char *model_rule_label(unsigned rule);  /* one bit: 应单独组建 ... */
/* The rule in a sentence with the configured thresholds for kind. */
void model_rule_text(const struct model_config *cfg, unsigned rule,
		     enum model_kind kind, struct buf *out);
const char *model_rule_key(unsigned rule);
const char *model_tier_label(enum model_tier t); /* 金色示范型 ... */
const char *model_tier_key(enum model_tier t);   /* gold ... */
const char *model_form_label(enum model_form f);
const char *model_level_label(enum model_level l);
const char *model_demo_label(enum model_demo l); /* 省级 市级 区级 */
const char *model_kind_label(enum model_kind k);
const char *model_belt_kind_label(enum model_belt_kind k);

/* --- The aggregates. --- */

struct model_rate {
	long num;
	long den; /* 0: no data */
};

/* A number as the site shows it: whole ones without decimals ("608"),
 * others with two ("92.35"), from 10000 on with thousands separators
 * ("14,700"). */
void model_number(struct buf *out, double v);
/* A target fraction as a percent: 0.98 is "98%", 0.995 "99.50%". */
void model_target_percent(struct buf *out, double target);
/* Value of r in [0, 1]; returns 0 with no data, 1 otherwise. */
int model_rate_value(struct model_rate r, double *v);
/* "95.12%" or "暂无数据" (two decimals of a percent, half up). */
void model_rate_percent(struct model_rate r, struct buf *out);
/* The share of the funnel's reviewed that is certified: "12.50%", or
 * "暂无数据" when none was reviewed. */
struct model_funnel;
void model_funnel_ratio(const struct model_funnel *f, struct buf *out);
/* num/den in units of 1/scale, rounded half up, in exact integers; r
 * must have data (den > 0). */
long long model_rate_scaled(struct model_rate r, long long scale);
/* As stats --json writes a rate: a fraction with six decimals ("0.5",
 * "1.0"; json_add_fraction) or null for no data. */
void model_rate_json(struct buf *out, struct model_rate r);

/* Coverage of one region, kind or industry (or of all units). */
struct model_group {
	char *name;           /* region or industry; "" for no industry */
	long units;
	long covered;         /* form single, joint or attached */
	long worked;          /* covered or with an instructor */
	long above_scale;     /* above-scale enterprises */
	long above_single;    /* of those, form single */
	long noncompliant;    /* breaking a rule by itself (not joint size) */
	long with_members;    /* units with at least one full member */
	long form_met;        /* of those, organised as rule 4 asks */
	struct model_rate org_coverage;  /* covered / units */
	struct model_rate work_coverage; /* worked / units */
	struct model_rate single_setup;  /* above_single / above_scale */
	struct model_rate required;      /* 应建尽建率: form_met / with_members */
};

/* A group's rate by enum model_coverage. */
struct model_rate model_group_coverage(const struct model_group *g,
				       enum model_coverage c);
const char *model_coverage_label(enum model_coverage c); /* 组织覆盖率 ... */
const char *model_coverage_key(enum model_coverage c);   /* organisation ... */
/*
 * Whether a unit's form meets rule 4 as 应建尽建率 counts it: with
 * own_org_members or more full members its own organisation, with fewer
 * (but one at least) any form but none. 0 for a unit without members,
 * which the rate does not count.
 */
int model_form_met(const struct model_config *cfg, const struct model_org *o);
/*
 * A rate against a target fraction, compared in exact integers to a
 * millionth: 1 when num/den >= target; 0 when below, with the gap in
 * hundredths of a percentage point in *gap (rounded up, so that a rate
 * just below its target never shows a gap of 0); -1 with no data.
 */
int model_rate_against(struct model_rate r, double target, long *gap);
/* "差2.31个百分点" from the gap of model_rate_against. */
void model_gap_text(long gap, struct buf *out);

/*
 * Where a record's id was typed, for errors found after loading: two ids
 * that make one folder name (plan.h).
 */
struct model_at {
	char *file;           /* as shown: content/data/belts.json */
	int line, col;        /* of the "id" key; 0 when not from a file */
};

struct model_brand {
	char *id;
	struct model_at at;
	char *name;
	char *org_id;
	const struct model_org *org; /* NULL if unknown (an error was given) */
	enum model_demo level;
	char *case_slug;      /* NULL when not given */
	char *summary;        /* NULL when not given */
};

struct model_belt {
	char *id;
	struct model_at at;
	char *name;
	enum model_belt_kind kind;
	char *summary;        /* NULL when not given */
	char **point_ids;     /* in route order */
	const struct model_org **points; /* same order; NULL if unknown */
	size_t npoints;
};

struct model_indicator {
	int year;
	char *key;            /* party_orgs ... */
	char *label;          /* NULL when not given */
	char *unit;           /* NULL when not given */
	double value;
	int has_target;
	double target;
	int reached;          /* value >= target (when has_target) */
	double gap;           /* target - value when not reached, else 0 */
	int has_prev;         /* the same key has a value the year before */
	double prev;
	double change;        /* value - prev */
};

/* Red-collar funnel (双强红领): reviewed -> certified. */
struct model_funnel {
	int year;             /* 0: no data */
	double reviewed;
	double certified;
	int has_ratio;        /* reviewed > 0 */
	double ratio;         /* certified / reviewed */
};

struct model {
	struct model_config cfg;

	long organizations;   /* every unit */
	long enterprises;
	long social;
	long forms[MODEL_NFORMS];     /* units by form */
	long levels[MODEL_NLEVELS];   /* Party organisations by level */
	long party_orgs;      /* single units + joint organisations */
	long joint_orgs;      /* distinct joint_id */
	long instructors;     /* units with an instructor */
	long demo[MODEL_NDEMOS];      /* demonstration sites by level */
	long noncompliant;    /* units breaking any rule */
	long rule_units[MODEL_NRULES]; /* units breaking each rule */

	struct model_group all;
	struct model_group kinds[MODEL_NKINDS];
	struct model_group *regions;    /* sorted by name */
	size_t nregions;
	struct model_group *industries; /* sorted by name */
	size_t nindustries;

	/* Tiers of the organisations assessed, each by its latest round. */
	long tiers[MODEL_NTIERS];
	long unassessed;      /* organizations - assessed */
	long stars[MODEL_NTIERS][MODEL_MAX_STARS]; /* [t][0]: one star */
	char *round;          /* latest round of the data, "2025-11"; or NULL */
	char *prev_round;     /* the one before, or NULL */
	long moved_up, moved_down, new_gold;

	/* Records kept, sorted by id: what the site or the report shows. */
	struct model_org *orgs;
	size_t norgs;
	/* Views into orgs. */
	const struct model_org **gold;  /* by score, best first */
	size_t ngold;
	const struct model_org **weak;  /* lowest score first */
	size_t nweak;
	const struct model_org **movers; /* up, then down, then new gold */
	size_t nmovers;
	const struct model_org **demo_sites; /* by level, then id */
	size_t ndemo_sites;
	/* Units breaking a rule, by region and id; only when loaded with
	 * DATA_KEEP_NONCOMPLIANT (the report), otherwise just counted. */
	const struct model_org **noncompliant_units;
	size_t nnoncompliant_units;
	int noncompliant_complete; /* the list holds every such unit */

	struct model_brand *brands;   /* sorted by id */
	size_t nbrands;
	struct model_belt *belts;     /* sorted by kind, then id */
	size_t nbelts;
	struct model_indicator *indicators; /* by key, then year */
	size_t nindicators;
	struct model_funnel red_collar;

	/* Rounds, tiers by group, dimensions (assess.h); never NULL after
	 * model_init. */
	struct assess *assess;
	/* The venues and honours exports (venue.h, honour.h); never NULL
	 * after model_init. */
	struct venues *venues;
	struct honours *honours;
	/* Indicators of a committee or of the mid-year check (target.h). */
	struct targets *targets;

	void *priv; /* accumulation state, freed by model_finish */
};

/* Caller releases with model_release(). */
void model_init(struct model *m, const struct model_config *cfg);
void model_release(struct model *m);

/*
 * Feeding (data.c). model_add_org counts one unit; it returns the rules
 * the unit breaks by itself. model_keep_org copies o (its strings too)
 * into the kept records. model_set_rounds records the last two rounds of
 * the data (NULL for none); the strings are copied.
 */
void model_set_rounds(struct model *m, const char *round,
		      const char *prev_round);
unsigned model_add_org(struct model *m, const struct model_org *o);
void model_keep_org(struct model *m, const struct model_org *o);
/* Each joint organisation once, at the end, with its unit count,
 * how many of its units already broke another rule, and its level. */
void model_add_joint(struct model *m, long units, long flagged,
		     enum model_level level);
/* One assessed organisation (found among the organizations). */
void model_add_assessed(struct model *m, enum model_tier tier, int stars,
			enum model_move move, enum model_tier prev);
/* Takes ownership of the strings and arrays inside b, l and i. */
void model_add_brand(struct model *m, struct model_brand *b);
void model_add_belt(struct model *m, struct model_belt *b);
void model_add_indicator(struct model *m, struct model_indicator *i);

/* Sort, resolve references, derive rates, lists and comparisons. */
void model_finish(struct model *m);

/* Whether g's single-setup rate is below its target (no data: not). */
int model_group_below_single(const struct model *m,
			     const struct model_group *g);

/* A kept organisation by id, or NULL. */
const struct model_org *model_org(const struct model *m, const char *id);
/* An indicator by key and year, or NULL. */
const struct model_indicator *model_indicator(const struct model *m,
					      const char *key, int year);
/* The latest year of any indicator, or 0. */
int model_latest_year(const struct model *m);
/* The first year of the indicators (0: none); whether a year has any. */
int model_first_year(const struct model *m);
int model_has_year(const struct model *m, int year);

/*
 * The model written out lives beside it, not in it: `showcase stats`
 * (summary.h) and the internal report (report.h).
 */

#endif
