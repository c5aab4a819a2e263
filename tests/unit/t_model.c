/* The domain rules at and around every boundary, and the aggregates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "json.h"
#include "model.h"
#include "report.h"
#include "src.h"
#include "summary.h"
#include "util.h"

static struct model_config cfg;

static void
tiers_and_stars_at_the_boundaries(void)
{
	static const struct {
		double score;
		enum model_tier tier;
		int stars;
	} cases[] = {
		{ 0, MODEL_TIER_WEAK, 0 },
		{ 59.99, MODEL_TIER_WEAK, 0 },
		{ 60, MODEL_TIER_BRONZE, 1 },
		{ 62.99, MODEL_TIER_BRONZE, 1 },
		{ 63, MODEL_TIER_BRONZE, 2 },
		{ 72, MODEL_TIER_BRONZE, 5 },
		{ 74.9, MODEL_TIER_BRONZE, 5 },
		{ 74.99, MODEL_TIER_BRONZE, 5 },
		{ 75, MODEL_TIER_SILVER, 1 },
		{ 77.99, MODEL_TIER_SILVER, 1 },
		{ 78, MODEL_TIER_SILVER, 2 },
		{ 86.99, MODEL_TIER_SILVER, 4 },
		{ 87, MODEL_TIER_SILVER, 5 },
		{ 89.99, MODEL_TIER_SILVER, 5 },
		{ 90, MODEL_TIER_GOLD, 1 },
		{ 91.99, MODEL_TIER_GOLD, 1 },
		{ 92, MODEL_TIER_GOLD, 2 },
		{ 97.99, MODEL_TIER_GOLD, 4 },
		{ 98, MODEL_TIER_GOLD, 5 },
		{ 100, MODEL_TIER_GOLD, 5 }, /* 1 + 10/2 = 6, capped */
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		CHECK_INT(model_tier(&cfg, cases[i].score), cases[i].tier);
		CHECK_INT(model_stars(&cfg, cases[i].score), cases[i].stars);
		if (model_stars(&cfg, cases[i].score) != cases[i].stars)
			fprintf(stderr, "  at score %.2f\n", cases[i].score);
	}
}

static void
configured_floors_and_steps(void)
{
	struct model_config c = cfg;

	c.floor[MODEL_TIER_GOLD] = 95;
	c.step[MODEL_TIER_GOLD] = 1;
	c.max_stars = 3;
	CHECK_INT(model_tier(&c, 94.99), MODEL_TIER_SILVER);
	CHECK_INT(model_stars(&c, 94.99), 3); /* capped at 3 */
	CHECK_INT(model_tier(&c, 95), MODEL_TIER_GOLD);
	CHECK_INT(model_stars(&c, 96), 2);
	CHECK_INT(model_stars(&c, 100), 3);
}

static void
rounding_is_half_away_from_zero(void)
{
	CHECK_DBL(model_round2(1.234), 1.23, 1e-12);
	CHECK_DBL(model_round2(1.235), 1.24, 1e-12);
	CHECK_DBL(model_round2(2.675), 2.68, 1e-12); /* 2.67499999... */
	CHECK_DBL(model_round2(89.995), 90.0, 1e-12);
	CHECK_DBL(model_round2(89.994999), 89.99, 1e-12);
	CHECK_DBL(model_round2(-1.005), -1.01, 1e-12);
	CHECK_DBL(model_round2(0), 0, 1e-12);
}

static void
set_rater(double dims[MODEL_RATERS][MODEL_DIMS], int r, double a, double b,
	  double c, double d, double e, double f, double g)
{
	dims[r][0] = a;
	dims[r][1] = b;
	dims[r][2] = c;
	dims[r][3] = d;
	dims[r][4] = e;
	dims[r][5] = f;
	dims[r][6] = g;
}

static void
score_weights_the_raters(void)
{
	double dims[MODEL_RATERS][MODEL_DIMS];
	struct model_config c = cfg;

	set_rater(dims, 0, 15, 15, 15, 15, 15, 10, 15);
	set_rater(dims, 1, 15, 15, 15, 15, 15, 10, 15);
	set_rater(dims, 2, 15, 15, 15, 15, 15, 10, 15);
	CHECK_DBL(model_score(&cfg, dims), 100, 1e-12);
	/* 0.2 x 80 + 0.3 x 85 + 0.5 x 90 = 16 + 25.5 + 45 */
	set_rater(dims, 0, 12, 12, 12, 12, 12, 8, 12);
	set_rater(dims, 1, 13, 13, 13, 12, 12, 9, 13);
	set_rater(dims, 2, 13, 13, 13, 13, 13, 10, 15);
	CHECK_DBL(model_score(&cfg, dims), 86.5, 1e-12);
	/* 0.2 x 89.975 + 0.3 x 90 + 0.5 x 90 = 89.995: gold on paper */
	set_rater(dims, 0, 15, 15, 15, 15, 14.975, 10, 5);
	set_rater(dims, 1, 15, 15, 15, 15, 15, 5, 10);
	set_rater(dims, 2, 15, 15, 15, 15, 15, 0, 15);
	CHECK_DBL(model_score(&cfg, dims), 90.0, 1e-12);
	CHECK_INT(model_tier(&cfg, model_score(&cfg, dims)), MODEL_TIER_GOLD);
	/* 0.2 x 89.97 + 27 + 45 = 89.994 -> 89.99: silver */
	dims[0][4] = 14.97;
	CHECK_DBL(model_score(&cfg, dims), 89.99, 1e-12);
	CHECK_INT(model_tier(&cfg, model_score(&cfg, dims)),
		  MODEL_TIER_SILVER);
	/* Other weights from site.json. */
	c.weight[0] = 0;
	c.weight[1] = 0;
	c.weight[2] = 1;
	CHECK_DBL(model_score(&c, dims), 90, 1e-12);
}

static struct model_org
unit(enum model_kind kind, long staff, long members, enum model_form form,
     int instructor)
{
	struct model_org o;

	memset(&o, 0, sizeof(o));
	o.id = "x";
	o.name = "单位";
	o.region = "区";
	o.kind = kind;
	o.staff = staff;
	o.members = members;
	o.form = form;
	o.instructor = instructor;
	o.tier = o.prev_tier = MODEL_TIER_NONE;
	return o;
}

static unsigned
rules_of(enum model_kind kind, long staff, long members,
	 enum model_form form, int instructor)
{
	struct model_org o = unit(kind, staff, members, form, instructor);

	return model_unit_rules(&cfg, &o);
}

static void
setup_rules_at_the_boundaries(void)
{
	const enum model_kind E = MODEL_ENTERPRISE, S = MODEL_SOCIAL;

	/* 2 and 3 members */
	CHECK_INT(rules_of(E, 10, 2, MODEL_FORM_JOINT, 0), 0);
	CHECK_INT(rules_of(E, 10, 2, MODEL_FORM_ATTACHED, 0), 0);
	CHECK_INT(rules_of(E, 10, 2, MODEL_FORM_NONE, 1), MODEL_RULE_JOIN);
	CHECK_INT(rules_of(E, 10, 1, MODEL_FORM_NONE, 0), MODEL_RULE_JOIN);
	CHECK_INT(rules_of(E, 10, 3, MODEL_FORM_SINGLE, 0), 0);
	CHECK_INT(rules_of(E, 10, 3, MODEL_FORM_JOINT, 0), MODEL_RULE_OWN_ORG);
	CHECK_INT(rules_of(E, 10, 3, MODEL_FORM_ATTACHED, 0),
		  MODEL_RULE_OWN_ORG);
	CHECK_INT(rules_of(E, 10, 3, MODEL_FORM_NONE, 0), MODEL_RULE_OWN_ORG);
	/* 0 members: an instructor, or covered some other way */
	CHECK_INT(rules_of(E, 10, 0, MODEL_FORM_NONE, 0),
		  MODEL_RULE_INSTRUCTOR);
	CHECK_INT(rules_of(E, 10, 0, MODEL_FORM_NONE, 1), 0);
	CHECK_INT(rules_of(E, 10, 0, MODEL_FORM_ATTACHED, 0), 0);
	/* enterprise staff 49/50 (members), 99/100 (organisation) */
	CHECK_INT(rules_of(E, 49, 0, MODEL_FORM_NONE, 1), 0);
	CHECK_INT(rules_of(E, 50, 0, MODEL_FORM_NONE, 1),
		  MODEL_RULE_STAFF_MEMBERS);
	CHECK_INT(rules_of(E, 50, 0, MODEL_FORM_ATTACHED, 0),
		  MODEL_RULE_STAFF_MEMBERS);
	CHECK_INT(rules_of(E, 99, 2, MODEL_FORM_JOINT, 0), 0);
	CHECK_INT(rules_of(E, 99, 1, MODEL_FORM_NONE, 0), MODEL_RULE_JOIN);
	CHECK_INT(rules_of(E, 100, 1, MODEL_FORM_NONE, 0),
		  MODEL_RULE_JOIN | MODEL_RULE_STAFF_ORG);
	CHECK_INT(rules_of(E, 100, 1, MODEL_FORM_ATTACHED, 0), 0);
	CHECK_INT(rules_of(E, 100, 0, MODEL_FORM_NONE, 0),
		  MODEL_RULE_INSTRUCTOR | MODEL_RULE_STAFF_ORG |
		  MODEL_RULE_STAFF_MEMBERS);
	/* social staff 19/20 (members), 49/50 (organisation) */
	CHECK_INT(rules_of(S, 19, 0, MODEL_FORM_NONE, 1), 0);
	CHECK_INT(rules_of(S, 20, 0, MODEL_FORM_NONE, 1),
		  MODEL_RULE_STAFF_MEMBERS);
	CHECK_INT(rules_of(S, 49, 1, MODEL_FORM_NONE, 0), MODEL_RULE_JOIN);
	CHECK_INT(rules_of(S, 50, 1, MODEL_FORM_NONE, 0),
		  MODEL_RULE_JOIN | MODEL_RULE_STAFF_ORG);
	/* 5 and 6 units in one joint organisation */
	CHECK(!model_joint_too_big(&cfg, 5));
	CHECK(model_joint_too_big(&cfg, 6));
}

static int
met(long members, enum model_form form)
{
	struct model_org o = unit(MODEL_ENTERPRISE, 10, members, form, 0);

	return model_form_met(&cfg, &o);
}

static void
required_setup_at_the_boundaries(void)
{
	struct model_config c = cfg;
	struct model_org o;

	/* no member: not counted at all, whatever the form */
	CHECK_INT(met(0, MODEL_FORM_SINGLE), 0);
	CHECK_INT(met(0, MODEL_FORM_ATTACHED), 0);
	/* 1 and 2 members: any form but none */
	CHECK_INT(met(1, MODEL_FORM_NONE), 0);
	CHECK_INT(met(1, MODEL_FORM_ATTACHED), 1);
	CHECK_INT(met(2, MODEL_FORM_JOINT), 1);
	CHECK_INT(met(2, MODEL_FORM_SINGLE), 1);
	/* 3 members: only its own organisation */
	CHECK_INT(met(3, MODEL_FORM_SINGLE), 1);
	CHECK_INT(met(3, MODEL_FORM_JOINT), 0);
	CHECK_INT(met(3, MODEL_FORM_ATTACHED), 0);
	/* the threshold is the setting's */
	c.own_org_members = 5;
	o = unit(MODEL_ENTERPRISE, 10, 4, MODEL_FORM_JOINT, 0);
	CHECK_INT(model_form_met(&c, &o), 1);
	o.members = 5;
	CHECK_INT(model_form_met(&c, &o), 0);
}

static void
rates_against_their_targets(void)
{
	struct buf b = BUF_INIT;
	long gap = -1;

	/* 49/50 = 98 % exactly reaches 0.98; 48/50 misses it by 2 points */
	CHECK_INT(model_rate_against((struct model_rate){ 49, 50 }, 0.98,
				     &gap), 1);
	CHECK_INT(gap, 0);
	CHECK_INT(model_rate_against((struct model_rate){ 48, 50 }, 0.98,
				     &gap), 0);
	CHECK_INT(gap, 200);
	/* 979,999 of a million: a gap under a hundredth shows as 0.01 */
	CHECK_INT(model_rate_against((struct model_rate){ 979999, 1000000 },
				     0.98, &gap), 0);
	CHECK_INT(gap, 1);
	/* 2/3 against 100 %: 33.333... points, rounded up */
	CHECK_INT(model_rate_against((struct model_rate){ 2, 3 }, 1, &gap), 0);
	CHECK_INT(gap, 3334);
	CHECK_INT(model_rate_against((struct model_rate){ 3, 3 }, 1, &gap), 1);
	CHECK_INT(model_rate_against((struct model_rate){ 0, 0 }, 1, &gap), -1);
	CHECK_INT(model_rate_against((struct model_rate){ 0, 4 }, 0, &gap), 1);
	model_gap_text(3334, &b);
	CHECK_STR(b.ptr, "差33.34个百分点");
	buf_reset(&b);
	model_gap_text(1, &b);
	CHECK_STR(b.ptr, "差0.01个百分点");
	buf_release(&b);
}

static void
rates_without_denominator(void)
{
	struct model_rate none = { 0, 0 }, third = { 1, 3 }, all = { 7, 7 };
	struct buf b = BUF_INIT;
	double v;

	CHECK_INT(model_rate_value(none, &v), 0);
	CHECK_DBL(v, 0, 0);
	CHECK_INT(model_rate_value(third, &v), 1);
	CHECK_DBL(v, 1.0 / 3, 1e-15);
	model_rate_percent(none, &b);
	CHECK_STR(b.ptr, "暂无数据");
	buf_reset(&b);
	model_rate_percent(third, &b);
	CHECK_STR(b.ptr, "33.33%");
	buf_reset(&b);
	model_rate_percent(all, &b);
	CHECK_STR(b.ptr, "100.00%");
	buf_reset(&b);
	model_rate_percent((struct model_rate){ 2, 3 }, &b);
	CHECK_STR(b.ptr, "66.67%");
	buf_release(&b);
}

static void
empty_model_gives_nulls(void)
{
	struct model m;
	struct buf b = BUF_INIT;

	model_init(&m, &cfg);
	model_finish(&m);
	summary_json(&m, &b);
	CHECK_STR(b.ptr,
		  "{\n"
		  "  \"organizations\": 0,\n"
		  "  \"enterprises\": 0,\n"
		  "  \"social\": 0,\n"
		  "  \"coverage\": {\"organisation\": null, \"work\": null, "
		  "\"required\": null},\n"
		  "  \"single_setup_rate\": null,\n"
		  "  \"tiers\": {\"gold\": 0, \"silver\": 0, \"bronze\": 0, "
		  "\"weak\": 0, \"unassessed\": 0},\n"
		  "  \"stars\": {\"gold\": [0,0,0,0,0], \"silver\": [0,0,0,0,0], "
		  "\"bronze\": [0,0,0,0,0]},\n"
		  "  \"noncompliant\": 0,\n"
		  "  \"round\": null,\n"
		  "  \"party_orgs\": 0,\n"
		  "  \"forms\": {\"single\": 0, \"joint\": 0, \"attached\": 0, "
		  "\"none\": 0},\n"
		  "  \"levels\": {\"committee\": 0, \"general_branch\": 0, "
		  "\"branch\": 0, \"unspecified\": 0},\n"
		  "  \"instructors\": 0,\n"
		  "  \"rules\": {\"own_org\": 0, \"join\": 0, \"instructor\": 0, "
		  "\"joint_size\": 0, \"staff_org\": 0, \"staff_members\": 0},\n"
		  "  \"movement\": {\"up\": 0, \"down\": 0, \"new_gold\": 0},\n"
		  "  \"demo_sites\": {\"province\": 0, \"city\": 0, "
		  "\"district\": 0},\n"
		  "  \"brands\": 0,\n"
		  "  \"belts\": 0,\n"
		  "  \"red_collar\": null,\n"
		  "  \"coverage_targets\": {\"organisation\": 1.0, "
		  "\"work\": 1.0, \"required\": 1.0},\n"
		  "  \"regions\": [],\n"
		  "  \"rounds\": [],\n"
		  "  \"dimensions\": {\"gold\": {\"leadership\": null, "
		  "\"education\": null, \"venue\": null, \"system\": null, "
		  "\"performance\": null, \"support\": null, "
		  "\"reputation\": null}, \"silver\": {\"leadership\": null, "
		  "\"education\": null, \"venue\": null, \"system\": null, "
		  "\"performance\": null, \"support\": null, "
		  "\"reputation\": null}, \"bronze\": {\"leadership\": null, "
		  "\"education\": null, \"venue\": null, \"system\": null, "
		  "\"performance\": null, \"support\": null, "
		  "\"reputation\": null}, \"weak\": {\"leadership\": null, "
		  "\"education\": null, \"venue\": null, \"system\": null, "
		  "\"performance\": null, \"support\": null, "
		  "\"reputation\": null}},\n"
		  "  \"venues\": {\"venues\": 0, \"complete\": 0, "
		  "\"six_rate\": null, \"served\": 0, \"kinds\": {\"hub\": 0, "
		  "\"center\": 0, \"activity\": 0}, \"points\": {\"place\": 0, "
		  "\"facilities\": 0, \"sign\": 0, \"flag\": 0, \"books\": 0, "
		  "\"rules\": 0},\n"
		  "    \"by_kind\": {\"hub\": {\"venues\": 0, \"complete\": 0, "
		  "\"six_rate\": null, \"served\": 0}, \"center\": {\"venues\": 0, "
		  "\"complete\": 0, \"six_rate\": null, \"served\": 0}, "
		  "\"activity\": {\"venues\": 0, \"complete\": 0, "
		  "\"six_rate\": null, \"served\": 0}},\n"
		  "    \"regions\": []},\n"
		  "  \"honours\": {\"five_star\": 0, \"benchmark\": 0, "
		  "\"organizations\": 0, \"years\": []},\n"
		  "  \"targets\": []\n"
		  "}\n");
	buf_reset(&b);
	summary_table(&m, &b);
	CHECK(strstr(b.ptr, "\n组织覆盖率          暂无数据  100.00%\n") != NULL);
	CHECK(strstr(b.ptr, "\n应建尽建率          暂无数据  100.00%\n") != NULL);
	buf_reset(&b);
	report_html(&m, "青川区<测试>", &b);
	CHECK(strstr(b.ptr, "青川区&lt;测试&gt; 内部报告") != NULL);
	CHECK(strstr(b.ptr, "<p>暂无数据</p>") != NULL);
	buf_release(&b);
	model_release(&m);
}

static void
aggregates_by_region_and_kind(void)
{
	struct model m;
	struct model_org o;
	struct buf b = BUF_INIT;

	model_init(&m, &cfg);
	o = unit(MODEL_ENTERPRISE, 200, 10, MODEL_FORM_SINGLE, 0);
	o.region = "东区";
	o.above_scale = 1;
	o.level = MODEL_LEVEL_COMMITTEE;
	CHECK_INT(model_add_org(&m, &o), 0);
	o = unit(MODEL_ENTERPRISE, 150, 4, MODEL_FORM_ATTACHED, 0);
	o.region = "东区";
	o.above_scale = 1;
	CHECK_INT(model_add_org(&m, &o), MODEL_RULE_OWN_ORG);
	o = unit(MODEL_ENTERPRISE, 10, 0, MODEL_FORM_NONE, 1);
	o.region = "西区";
	o.industry = "制造业";
	CHECK_INT(model_add_org(&m, &o), 0);
	o = unit(MODEL_SOCIAL, 10, 0, MODEL_FORM_NONE, 0);
	o.region = "西区";
	CHECK_INT(model_add_org(&m, &o), MODEL_RULE_INSTRUCTOR);
	/* a joint organisation of 6 units, one already breaking a rule */
	model_add_joint(&m, 6, 1, MODEL_LEVEL_BRANCH);
	model_add_assessed(&m, MODEL_TIER_GOLD, 3, MODEL_MOVE_UP,
			   MODEL_TIER_SILVER);
	model_add_assessed(&m, MODEL_TIER_WEAK, 0, MODEL_MOVE_DOWN,
			   MODEL_TIER_BRONZE);
	model_finish(&m);

	CHECK_INT(m.organizations, 4);
	CHECK_INT(m.enterprises, 3);
	CHECK_INT(m.social, 1);
	CHECK_INT(m.party_orgs, 2);
	CHECK_INT(m.levels[MODEL_LEVEL_COMMITTEE], 1);
	CHECK_INT(m.levels[MODEL_LEVEL_BRANCH], 1);
	CHECK_INT(m.noncompliant, 2 + 5);
	CHECK_INT(m.unassessed, 2);
	CHECK_INT(m.tiers[MODEL_TIER_GOLD], 1);
	CHECK_INT(m.stars[MODEL_TIER_GOLD][2], 1);
	CHECK_INT(m.new_gold, 1);
	CHECK_INT(m.moved_up, 1);
	CHECK_INT(m.moved_down, 1);
	CHECK_INT(m.nregions, 2);
	CHECK_STR(m.regions[0].name, "东区"); /* UTF-8 byte order */
	CHECK_INT(m.regions[0].units, 2);
	CHECK_INT(m.regions[0].single_setup.num, 1);
	CHECK_INT(m.regions[0].single_setup.den, 2);
	CHECK_INT(m.regions[1].single_setup.den, 0); /* no data */
	CHECK_INT(m.kinds[MODEL_SOCIAL].org_coverage.num, 0);
	CHECK_INT(m.kinds[MODEL_SOCIAL].org_coverage.den, 1);
	CHECK_INT(m.kinds[MODEL_SOCIAL].single_setup.den, 0);
	CHECK_INT(m.nindustries, 2);
	CHECK_STR(m.industries[0].name, "");
	CHECK_INT(m.all.covered, 2);
	CHECK_INT(m.all.worked, 3);
	summary_json(&m, &b);
	/* members 10, 4 (attached: not its own), 0, 0: 1 of 2 */
	CHECK(strstr(b.ptr, "\"coverage\": {\"organisation\": 0.5, "
		      "\"work\": 0.75, \"required\": 0.5},\n") != NULL);
	CHECK(strstr(b.ptr, "\"single_setup_rate\": 0.5,\n") != NULL);
	CHECK(strstr(b.ptr, "\"joint_size\": 6,") != NULL);
	buf_release(&b);
	model_release(&m);
}

static void
indicators_against_target_and_last_year(void)
{
	struct model m;
	struct model_indicator in;
	const struct model_indicator *got;
	struct buf b = BUF_INIT;

	model_init(&m, &cfg);
	memset(&in, 0, sizeof(in));
	in.year = 2025;
	in.key = xstrdup("party_orgs");
	in.value = 520;
	in.has_target = 1;
	in.target = 530;
	model_add_indicator(&m, &in);
	in.year = 2024;
	in.key = xstrdup("party_orgs");
	in.value = 500;
	in.has_target = 1;
	in.target = 480;
	model_add_indicator(&m, &in);
	in.year = 2025;
	in.key = xstrdup("red_collar_reviewed");
	in.value = 307;
	model_add_indicator(&m, &in);
	in.year = 2025;
	in.key = xstrdup("red_collar_certified");
	in.value = 32;
	model_add_indicator(&m, &in);
	model_finish(&m);
	got = model_indicator(&m, "party_orgs", 2025);
	CHECK(got != NULL);
	CHECK_INT(got->reached, 0);
	CHECK_DBL(got->gap, 10, 0);
	CHECK_INT(got->has_prev, 1);
	CHECK_DBL(got->change, 20, 0);
	got = model_indicator(&m, "party_orgs", 2024);
	CHECK_INT(got->reached, 1);
	CHECK_INT(got->has_prev, 0);
	CHECK_INT(model_latest_year(&m), 2025);
	CHECK_INT(m.red_collar.year, 2025);
	CHECK_DBL(m.red_collar.ratio, 32.0 / 307, 1e-15);
	summary_json(&m, &b);
	CHECK(strstr(b.ptr, "\"red_collar\": {\"year\": 2025, \"reviewed\": "
		      "307, \"certified\": 32, \"ratio\": 0.104235},\n") != NULL);
	buf_release(&b);
	model_release(&m);
}

static int
read_rules(const char *text, struct model_config *c, char **errs)
{
	struct json_doc doc;
	struct diag *d = diag_new();
	struct src s;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	model_config_init(c);
	src_init_mem(&s, "site.json", text, strlen(text), d);
	json_parse(&doc, &s, d);
	rc = model_config_read(c, &doc,
			       cJSON_GetObjectItemCaseSensitive(doc.root,
								"rules"), d);
	fp = open_memstream(&out, &len);
	if (diag_errors(d) || diag_warnings(d))
		diag_print(d, fp);
	fclose(fp);
	*errs = out;
	json_release(&doc);
	src_release(&s);
	diag_free(d);
	return rc;
}

static void
config_from_site_json(void)
{
	struct model_config c;
	char *errs;

	CHECK_INT(read_rules("{\"rules\": {\"tiers\": {\"gold\": 92}, "
			     "\"raters\": {\"self\": 0.1, \"members\": 0.3, "
			     "\"committee\": 0.6}, \"max_stars\": 4, "
			     "\"joint_max_units\": 3, \"members_from_staff\": "
			     "{\"social\": 10}, \"single_setup_target\": 0.95}}",
			     &c, &errs), 0);
	CHECK_STR(errs, "");
	free(errs);
	CHECK_DBL(c.floor[MODEL_TIER_GOLD], 92, 0);
	CHECK_DBL(c.floor[MODEL_TIER_SILVER], 75, 0);
	CHECK_DBL(c.weight[0], 0.1, 0);
	CHECK_INT(c.max_stars, 4);
	CHECK_INT(c.joint_max_units, 3);
	CHECK_INT(c.staff_members[MODEL_SOCIAL], 10);
	CHECK_INT(c.staff_members[MODEL_ENTERPRISE], 50);
	CHECK_DBL(c.single_setup_target, 0.95, 0);
	CHECK_DBL(c.coverage_target[MODEL_COV_REQUIRED], 1, 0);

	CHECK_INT(read_rules("{\"rules\": {\"coverage_targets\": "
			     "{\"work\": 0.95, \"required\": 1.5}}}",
			     &c, &errs), -1);
	CHECK_STR(errs, "site.json:1:47: error: "
		  "\"rules.coverage_targets.required\" must be a number "
		  "from 0 to 1\n");
	free(errs);
	CHECK_DBL(c.coverage_target[MODEL_COV_WORK], 0.95, 0);
	CHECK_DBL(c.coverage_target[MODEL_COV_ORGANISATION], 1, 0);

	CHECK_INT(read_rules("{\"rules\": {\n"
			     "  \"raters\": {\"self\": 0.5},\n"
			     "  \"tiers\": {\"silver\": 95},\n"
			     "  \"max_stars\": 2.5,\n"
			     "  \"dimensions\": {\"venue\": -1, \"colour\": 3},\n"
			     "  \"typo\": 1\n}}", &c, &errs), -1);
	CHECK_STR(errs,
		  "site.json:2:3: error: \"rules.raters\" weights must add up "
		  "to 1, not 1.3\n"
		  "site.json:3:3: error: \"rules.tiers\" floors must rise from "
		  "bronze to silver to gold\n"
		  "site.json:4:3: error: \"rules.max_stars\" must be a whole "
		  "number from 1 to 10\n"
		  "site.json:5:18: error: \"rules.dimensions.venue\" must be a "
		  "number from 0.01 to 100\n"
		  "site.json:5:31: error: unknown key "
		  "\"rules.dimensions.colour\"\n"
		  "site.json:6:3: error: unknown key \"rules.typo\"\n");
	free(errs);
}

static void
rule_texts_follow_the_configuration(void)
{
	struct model_config c = cfg;
	struct buf b = BUF_INIT;

	model_rule_text(&cfg, MODEL_RULE_STAFF_ORG, MODEL_SOCIAL, &b);
	CHECK_STR(b.ptr, "职工50人以上，应建立党组织");
	buf_reset(&b);
	c.own_org_members = 4;
	c.joint_max_units = 8;
	model_rule_text(&c, MODEL_RULE_JOIN, MODEL_ENTERPRISE, &b);
	CHECK_STR(b.ptr, "有1至3名正式党员，应联合组建或挂靠组建");
	buf_reset(&b);
	model_rule_text(&c, MODEL_RULE_JOINT_SIZE, MODEL_ENTERPRISE, &b);
	CHECK_STR(b.ptr, "所在联合党组织覆盖单位超过8个");
	CHECK_STR(model_rule_key(MODEL_RULE_STAFF_MEMBERS), "staff_members");
	CHECK_STR(model_rule_label(MODEL_RULE_OWN_ORG), "应单独组建");
	buf_release(&b);
}

int
main(void)
{
	model_config_init(&cfg);
	tiers_and_stars_at_the_boundaries();
	configured_floors_and_steps();
	rounding_is_half_away_from_zero();
	score_weights_the_raters();
	setup_rules_at_the_boundaries();
	required_setup_at_the_boundaries();
	rates_against_their_targets();
	rates_without_denominator();
	empty_model_gives_nulls();
	aggregates_by_region_and_kind();
	indicators_against_target_and_last_year();
	config_from_site_json();
	rule_texts_follow_the_configuration();
	return harness_done();
}
