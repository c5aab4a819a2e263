/* What the assessments say: weakest dimension, averages, groups, rounds. */
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "buf.h"
#include "harness.h"
#include "model.h"

static struct model_config cfg;

static struct model_org
assessed(const char *id, const char *region, enum model_tier tier,
	 double score, const double dims[MODEL_DIMS])
{
	struct model_org o;

	memset(&o, 0, sizeof(o));
	o.id = (char *)id;
	o.name = (char *)id;
	o.region = (char *)region;
	o.industry = "";
	o.kind = MODEL_ENTERPRISE;
	o.form = MODEL_FORM_SINGLE;
	o.members = 3;
	o.tier = tier;
	o.prev_tier = MODEL_TIER_NONE;
	o.score = score;
	memcpy(o.dims, dims, sizeof(o.dims));
	return o;
}

static void
weakest_is_in_proportion_to_the_maximum(void)
{
	/* support has 10 points: 7/10 is weaker than 11/15 (0.733) */
	double d1[MODEL_DIMS] = { 11, 12, 12, 12, 12, 7, 12 };
	/* 7.5/10 = 0.75 > 11/15: leadership is the weakest */
	double d2[MODEL_DIMS] = { 11, 12, 12, 12, 12, 7.5, 12 };
	/* a tie in proportion (10/15 and 10/15) goes to the first */
	double d3[MODEL_DIMS] = { 12, 10, 12, 10, 12, 9, 12 };
	/* 2/3 exactly on both sides: 10/15 and 6.67/10 is not a tie */
	double d4[MODEL_DIMS] = { 10, 12, 12, 12, 12, 6.66, 12 };
	struct model_org o;

	o = assessed("a", "区", MODEL_TIER_BRONZE, 70, d1);
	CHECK_INT(assess_weakest_dim(&cfg, &o), 5);
	o = assessed("a", "区", MODEL_TIER_BRONZE, 70, d2);
	CHECK_INT(assess_weakest_dim(&cfg, &o), 0);
	o = assessed("a", "区", MODEL_TIER_BRONZE, 70, d3);
	CHECK_INT(assess_weakest_dim(&cfg, &o), 1);
	o = assessed("a", "区", MODEL_TIER_BRONZE, 70, d4);
	CHECK_INT(assess_weakest_dim(&cfg, &o), 5);
	CHECK_STR(assess_dim_label(5), "工作保障情况");
	CHECK_STR(assess_dim_label(7), "");
}

static void
averages(void)
{
	struct buf b = BUF_INIT;

	assess_average(&b, 27, 2);
	CHECK_STR(b.ptr, "13.50");
	buf_reset(&b);
	assess_average(&b, 40, 3); /* 13.333... */
	CHECK_STR(b.ptr, "13.33");
	buf_reset(&b);
	assess_average(&b, 0, 0);
	CHECK_STR(b.ptr, "暂无数据");
	buf_release(&b);
}

static void
groups_rounds_and_the_weak(void)
{
	static const double hi[MODEL_DIMS] = { 14, 14, 14, 14, 14, 9, 14 };
	static const double lo[MODEL_DIMS] = { 8, 9, 9, 9, 9, 6, 5 };
	static const double mid[MODEL_DIMS] = { 10, 11, 11, 11, 11, 5, 11 };
	long may[MODEL_NTIERS] = { 1, 0, 1, 1 }, nov[MODEL_NTIERS] = { 0, 1, 0, 2 };
	struct model m;
	struct model_org o;

	model_init(&m, &cfg);
	o = assessed("G1", "东区", MODEL_TIER_GOLD, 93, hi);
	model_add_org(&m, &o);
	assess_add_org(m.assess, &o);
	model_keep_org(&m, &o);
	o = assessed("G2", "西区", MODEL_TIER_GOLD, 93, hi);
	model_add_org(&m, &o);
	assess_add_org(m.assess, &o);
	model_keep_org(&m, &o);
	o = assessed("W1", "东区", MODEL_TIER_WEAK, 55, lo);
	model_add_org(&m, &o);
	assess_add_org(m.assess, &o);
	model_keep_org(&m, &o);
	o = assessed("B1", "东区", MODEL_TIER_BRONZE, 70, mid);
	model_add_org(&m, &o);
	assess_add_org(m.assess, &o);
	model_keep_org(&m, &o);
	/* a unit without assessment counts nowhere here */
	o = assessed("U1", "北区", MODEL_TIER_NONE, 0, lo);
	model_add_org(&m, &o);
	assess_add_org(m.assess, &o);
	model_keep_org(&m, &o);
	/* rounds given out of order come out sorted */
	assess_add_round(m.assess, "2025-11", nov);
	assess_add_round(m.assess, "2025-05", may);
	model_finish(&m);

	CHECK_INT(m.assess->nrounds, 2);
	CHECK_STR(m.assess->rounds[0].round, "2025-05");
	CHECK_INT(m.assess->rounds[1].tiers[MODEL_TIER_GOLD], 2);
	CHECK_INT(m.assess->tier_n[MODEL_TIER_GOLD], 2);
	CHECK_DBL(m.assess->tier_dim_sum[MODEL_TIER_GOLD][5], 18, 1e-12);
	/* regions sorted by bytes: 东区, 北区, 西区 */
	CHECK_STR(m.regions[0].name, "东区");
	CHECK_INT(m.assess->regions[0].assessed, 3);
	CHECK_INT(m.assess->regions[0].tiers[MODEL_TIER_WEAK], 1);
	CHECK_INT(m.assess->regions[1].assessed, 0);
	CHECK_INT(m.assess->regions[2].tiers[MODEL_TIER_GOLD], 1);
	CHECK_INT(m.assess->industries[0].assessed, 4);
	/* the weak first, then bronze; each with its weakest dimension */
	CHECK_INT(m.assess->nweakest, 2);
	CHECK_STR(m.assess->weakest[0].org->id, "W1");
	CHECK_INT(m.assess->weakest[0].dim, 6); /* 5/15 */
	CHECK_STR(m.assess->weakest[1].org->id, "B1");
	CHECK_INT(m.assess->weakest[1].dim, 5); /* 5/10 */
	model_release(&m);
}

int
main(void)
{
	model_config_init(&cfg);
	weakest_is_in_proportion_to_the_maximum();
	averages();
	groups_rounds_and_the_weak();
	return harness_done();
}
