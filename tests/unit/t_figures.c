/* Named figures in the text: names, formats, where they are expanded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "harness.h"
#include "model.h"
#include "src.h"

/* Every diagnostic of d as printed, in a string the caller frees. */
static char *
diag_text(struct diag *d)
{
	char *s = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&s, &n);

	diag_print(d, fp);
	fclose(fp);
	return s;
}

static struct model_org
unit(const char *region, long members, enum model_form form)
{
	struct model_org o;

	memset(&o, 0, sizeof(o));
	o.id = "x";
	o.name = "单位";
	o.region = (char *)region;
	o.kind = MODEL_ENTERPRISE;
	o.staff = 10;
	o.members = members;
	o.form = form;
	o.tier = o.prev_tier = MODEL_TIER_NONE;
	return o;
}

/* Three units, an indicator over two years, one round. */
static void
small_model(struct model *m)
{
	struct model_org o;
	struct model_indicator ind;

	model_init(m, NULL);
	o = unit("东区", 5, MODEL_FORM_SINGLE);
	o.above_scale = 1;
	model_add_org(m, &o);
	o = unit("东区", 1, MODEL_FORM_NONE);
	model_add_org(m, &o);
	o = unit("西区", 0, MODEL_FORM_NONE);
	o.instructor = 1;
	model_add_org(m, &o);
	model_set_rounds(m, "2025-11", "2025-05");
	model_add_assessed(m, MODEL_TIER_GOLD, 1, MODEL_MOVE_UP,
			   MODEL_TIER_SILVER);
	memset(&ind, 0, sizeof(ind));
	ind.year = 2024;
	ind.key = strdup("party_orgs");
	ind.value = 500;
	model_add_indicator(m, &ind);
	ind.year = 2025;
	ind.key = strdup("party_orgs");
	ind.value = 608;
	ind.has_target = 1;
	ind.target = 610;
	model_add_indicator(m, &ind);
	model_finish(m);
}

static void
names_and_values(void)
{
	struct model m;
	struct figures *f;
	size_t i;

	small_model(&m);
	f = figures_new(&m);
	CHECK_STR(figures_get(f, "organizations"), "3");
	CHECK_STR(figures_get(f, "party_orgs"), "1");
	CHECK_STR(figures_get(f, "coverage.organisation"), "33.33%");
	CHECK_STR(figures_get(f, "coverage.work"), "66.67%");
	/* 应建尽建率: 5 members single (met), 1 member none (not met) */
	CHECK_STR(figures_get(f, "coverage.required"), "50.00%");
	CHECK_STR(figures_get(f, "coverage_targets.required"), "100%");
	CHECK_STR(figures_get(f, "single_setup_rate"), "100.00%");
	CHECK_STR(figures_get(f, "single_setup_target"), "98%");
	CHECK_STR(figures_get(f, "tiers.gold"), "1");
	CHECK_STR(figures_get(f, "tier_floors.gold"), "90");
	CHECK_STR(figures_get(f, "tier_shares.gold"), "100.00%");
	CHECK_STR(figures_get(f, "tier_shares.weak"), "0.00%");
	CHECK_STR(figures_get(f, "belts.belt"), "0");
	CHECK_STR(figures_get(f, "round"), "2025-11");
	CHECK_STR(figures_get(f, "movement.up"), "1");
	CHECK_STR(figures_get(f, "movement.new_gold"), "1");
	CHECK_STR(figures_get(f, "regions"), "2");
	CHECK_STR(figures_get(f, "regions.东区.noncompliant"), "1");
	CHECK_STR(figures_get(f, "regions.西区.coverage.required"), "暂无数据");
	CHECK_STR(figures_get(f, "regions_below_single_setup_target"), "0");
	CHECK_STR(figures_get(f, "regions_below_single_setup_target.names"),
		  "无");
	/* the bare key is the latest year */
	CHECK_STR(figures_get(f, "indicator.party_orgs"), "608");
	CHECK_STR(figures_get(f, "indicator.party_orgs.year"), "2025");
	CHECK_STR(figures_get(f, "indicator.party_orgs.2024"), "500");
	CHECK_STR(figures_get(f, "indicator.party_orgs.target"), "610");
	CHECK_STR(figures_get(f, "indicator.party_orgs.change"), "108");
	CHECK(figures_get(f, "indicator.party_orgs.2024.target") == NULL);
	CHECK(figures_get(f, "indicator.party_orgs.2023") == NULL);
	/* no red-collar indicators: no such names */
	CHECK(figures_get(f, "red_collar.ratio") == NULL);
	CHECK(figures_get(f, "Organizations") == NULL);
	CHECK(figures_get(f, "") == NULL);
	/* sorted, each name once */
	for (i = 1; i < figures_count(f); i++)
		CHECK(strcmp(figures_name(f, i - 1), figures_name(f, i)) < 0);
	figures_free(f);
	model_release(&m);
}

static void
expand(const struct figures *f, const char *text, int skip_code,
       const char *want, const char *want_diag)
{
	struct diag *d = diag_new();
	struct src s;
	struct buf out = BUF_INIT;
	char *errs;

	CHECK_INT(src_init_mem(&s, "a.md", text, strlen(text), d), 0);
	CHECK_INT(figures_expand(f, &s, 0, strlen(text), skip_code, &out, d),
		  *want_diag ? -1 : 0);
	CHECK_STR(out.ptr, want);
	errs = diag_text(d);
	CHECK_STR(errs, want_diag);
	free(errs);
	buf_release(&out);
	src_release(&s);
	diag_free(d);
}

static void
expansion_in_markdown(void)
{
	struct model m;
	struct figures *f;

	small_model(&m);
	f = figures_new(&m);
	expand(f, "共{{organizations}}家，覆盖率{{ coverage.organisation }}。",
	       1, "共3家，覆盖率33.33%。", "");
	/* unknown: at its line and column (characters), left as written */
	expand(f, "第一行\n党组织{{party_org}}个{{x}}\n", 1,
	       "第一行\n党组织{{party_org}}个{{x}}\n",
	       "a.md:2:4: error: unknown figure \"party_org\"; the names are "
	       "those of docs/data-format.md, \"Figures in the text\"\n"
	       "a.md:2:18: error: unknown figure \"x\"; the names are those "
	       "of docs/data-format.md, \"Figures in the text\"\n");
	/* code spans, fenced blocks and escapes are the author's */
	expand(f, "`{{x}}` ``a`{{x}}`` \\{{x}} {{social}}", 1,
	       "`{{x}}` ``a`{{x}}`` \\{{x}} 0", "");
	expand(f, "```\n{{x}}\n```\n{{social}}\n~~~~chart\n{{x}}\n~~~\n~~~~\n",
	       1, "```\n{{x}}\n```\n0\n~~~~chart\n{{x}}\n~~~\n~~~~\n", "");
	/* an unclosed code span is literal text: the figure after it counts */
	expand(f, "`a {{social}}", 1, "`a 0", "");
	/* front matter: no code to skip */
	expand(f, "title: `{{social}}`", 0, "title: `0`", "");
	/* not a reference: no "}}" on the line, or a single brace */
	expand(f, "{{social\n}} {social} {{}", 1, "{{social\n}} {social} {{}",
	       "");
	figures_free(f);
	model_release(&m);
}

static void
expansion_in_strings(void)
{
	struct model m;
	struct figures *f;
	struct buf b = BUF_INIT;

	small_model(&m);
	f = figures_new(&m);
	figures_expand_text(f, "{{round}}轮{{movement.up}}个晋升{{nope}}", &b);
	CHECK_STR(b.ptr, "2025-11轮1个晋升{{nope}}");
	buf_release(&b);
	figures_free(f);
	model_release(&m);
}

int
main(void)
{
	names_and_values();
	expansion_in_markdown();
	expansion_in_strings();
	return harness_done();
}
