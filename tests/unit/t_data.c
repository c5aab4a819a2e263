/*
 * Loading the data exports: the golden data sets of tests/data/<case>/
 * (stats --json compared with expected.json, figures worked out by hand),
 * the data cases tests/bad-input/data-NAME (diagnostics compared with
 * expected, as `showcase check` will print them), streaming, privacy.
 * Run from the top of the repository.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "assess.h"
#include "data.h"
#include "diag.h"
#include "harness.h"
#include "json.h"
#include "model.h"
#include "report.h"
#include "src.h"
#include "summary.h"
#include "target.h"
#include "util.h"

static char *
diag_text(struct diag *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	if (diag_errors(d) || diag_warnings(d))
		diag_print(d, fp);
	fclose(fp);
	return text;
}

/* Load a site folder as `showcase stats` does: site.json, then the data. */
static int
load_site(struct model *m, const char *dir, unsigned flags, struct diag *d)
{
	struct json_doc doc;
	struct src s;
	char *path = path_join(dir, "site.json");
	int rc = 0, have = file_exists(path);

	memset(&doc, 0, sizeof(doc));
	if (have && (src_load(&s, path, "site.json", SRC_SITE_JSON, d) < 0 ||
		     json_parse(&doc, &s, d) < 0))
		rc = -1;
	if (data_load_site(m, dir, have ? &doc : NULL, flags, d) < 0)
		rc = -1;
	json_release(&doc);
	if (have)
		src_release(&s);
	free(path);
	return rc;
}

static char *
read_text(const char *path)
{
	struct buf b = BUF_INIT;

	if (file_read(path, &b) < 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static char **
list_dirs(const char *dir, const char *prefix, size_t *n)
{
	DIR *dp = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (!dp)
		return NULL;
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.' ||
		    strncmp(e->d_name, prefix, strlen(prefix)))
			continue;
		names = xgrow(names, &cap, *n + 1, sizeof(*names));
		names[(*n)++] = path_join(dir, e->d_name);
	}
	closedir(dp);
	if (*n)
		qsort(names, *n, sizeof(*names), strptr_cmp);
	return names;
}

static void
golden_stats(void)
{
	size_t n, i;
	char **dirs = list_dirs("tests/data", "", &n);

	CHECK(n >= 3);
	for (i = 0; i < n; i++) {
		struct diag *d = diag_new();
		struct buf got = BUF_INIT;
		struct model m;
		char *want, *errs, *exp = path_join(dirs[i], "expected.json");

		want = read_text(exp);
		CHECK(want != NULL);
		CHECK_INT(load_site(&m, dirs[i], 0, d), 0);
		errs = diag_text(d);
		CHECK_STR(errs, "");
		summary_json(&m, &got);
		if (want)
			CHECK_STR(got.ptr, want);
		if (want && strcmp(got.ptr, want))
			fprintf(stderr, "  in %s\n", dirs[i]);
		/* The report mode counts the same. */
		model_release(&m);
		buf_reset(&got);
		CHECK_INT(load_site(&m, dirs[i], DATA_KEEP_NONCOMPLIANT, d), 0);
		summary_json(&m, &got);
		if (want)
			CHECK_STR(got.ptr, want);
		model_release(&m);
		buf_release(&got);
		free(want);
		free(errs);
		free(exp);
		free(dirs[i]);
		diag_free(d);
	}
	free(dirs);
}

static void
bad_input_diagnostics(void)
{
	size_t n, i;
	char **dirs = list_dirs("tests/bad-input", "data-", &n);

	CHECK(n >= 5);
	for (i = 0; i < n; i++) {
		struct diag *d = diag_new();
		struct model m;
		char *want, *got, *exp = path_join(dirs[i], "expected");

		want = read_text(exp);
		CHECK(want != NULL);
		CHECK_INT(load_site(&m, dirs[i], DATA_KEEP_NONCOMPLIANT, d), -1);
		got = diag_text(d);
		if (want)
			CHECK_STR(got, want);
		if (want && strcmp(got, want))
			fprintf(stderr, "  in %s\n", dirs[i]);
		model_release(&m);
		free(want);
		free(got);
		free(exp);
		free(dirs[i]);
		diag_free(d);
	}
	free(dirs);
}

static void
kept_records_and_views(void)
{
	struct diag *d = diag_new();
	const struct model_org *o;
	struct buf b = BUF_INIT;
	struct model m;
	size_t i;

	CHECK_INT(load_site(&m, "tests/data/small",
			    DATA_KEEP_NONCOMPLIANT | DATA_KEEP_ASSESSED, d), 0);
	/* Gold, best first; the weak; the movers: up, down. */
	CHECK_INT(m.ngold, 2);
	CHECK_STR(m.gold[0]->id, "E01");
	CHECK_DBL(m.gold[0]->score, 93, 1e-9);
	CHECK_INT(m.gold[0]->stars, 2);
	CHECK_STR(m.gold[0]->round, "2025-11");
	CHECK_INT(m.gold[0]->move, MODEL_MOVE_UP);
	CHECK_INT(m.gold[0]->prev_tier, MODEL_TIER_SILVER);
	CHECK_STR(m.gold[1]->id, "S02");
	CHECK_INT(m.nweak, 1);
	CHECK_STR(m.weak[0]->id, "E04");
	CHECK_INT(m.weak[0]->move, MODEL_MOVE_NEW);
	CHECK_INT(m.nmovers, 2);
	CHECK_STR(m.movers[0]->id, "E01");
	CHECK_STR(m.movers[1]->id, "E02");
	CHECK_DBL(m.movers[1]->score, 74, 1e-9);
	o = model_org(&m, "E05");
	CHECK(o != NULL);
	CHECK_STR(o->round, "2025-05"); /* its own latest round */
	CHECK_INT(o->move, MODEL_MOVE_NONE);
	CHECK_STR(m.round, "2025-11");
	CHECK_STR(m.prev_round, "2025-05");
	/* Every non-compliant unit, by region then id, with its rules. */
	CHECK_INT(m.nnoncompliant_units, 10);
	buf_reset(&b);
	for (i = 0; i < m.nnoncompliant_units; i++)
		buf_addf(&b, "%s ", m.noncompliant_units[i]->id);
	CHECK_STR(b.ptr, "E03 E07 E08 E09 E10 E11 E12 E13 E14 S01 ");
	o = model_org(&m, "E14");
	CHECK_INT(o->rules, MODEL_RULE_OWN_ORG | MODEL_RULE_JOINT_SIZE);
	o = model_org(&m, "E08");
	CHECK_INT(o->rules, MODEL_RULE_JOIN | MODEL_RULE_STAFF_ORG);
	/* Demonstration sites by level; brands and belts resolved. */
	CHECK_INT(m.ndemo_sites, 3);
	CHECK_STR(m.demo_sites[0]->id, "S02");
	CHECK_STR(m.demo_sites[2]->id, "E01");
	CHECK_INT(m.nbrands, 2);
	CHECK(m.brands[0].org && !strcmp(m.brands[0].org->name, "测试单位E01"));
	CHECK_STR(m.brands[0].case_slug, "case-b1");
	CHECK_INT(m.nbelts, 2);
	CHECK_STR(m.belts[0].id, "belt1");
	CHECK_INT(m.belts[0].npoints, 3);
	CHECK(m.belts[0].points[1] &&
	      !strcmp(m.belts[0].points[1]->id, "S01"));
	CHECK_INT(m.belts[1].kind, MODEL_STREET);
	CHECK(model_indicator(&m, "party_orgs", 2025) != NULL);
	CHECK_INT(model_indicator(&m, "party_orgs", 2025)->reached, 0);
	/* The report lists them, escaped, and says nothing private. */
	buf_reset(&b);
	report_html(&m, "测试区", &b);
	CHECK(strstr(b.ptr, "<td>E09</td>") != NULL);
	CHECK(strstr(b.ptr, "<td>有3名以上正式党员，应单独组建党组织；所在联合党组织覆盖单位超过5个</td>") != NULL);
	CHECK(strstr(b.ptr, "<td>职工20人以上，应有正式党员</td>") != NULL);
	CHECK(strstr(b.ptr, "联系人") == NULL);
	CHECK(strstr(b.ptr, "1390000") == NULL);
	buf_reset(&b);
	summary_table(&m, &b);
	CHECK(strstr(b.ptr, "\n规上企业单独组建率           66.67%   98.00%\n") != NULL);
	model_release(&m);

	/* Without the report flag only the units kept anyway are listed. */
	CHECK_INT(load_site(&m, "tests/data/small", 0, d), 0);
	CHECK_INT(m.noncompliant, 10);
	CHECK_INT(m.nnoncompliant_units, 1); /* S01, a demonstration site */
	CHECK_INT(m.noncompliant_complete, 0);
	CHECK(model_org(&m, "E09") == NULL);
	/* Nor the assessed ones (E04 is weak and nothing else), though the
	 * counts and sums of the assessments are all there, as stats needs. */
	CHECK(model_org(&m, "E04") == NULL);
	CHECK_INT(m.nweak, 0);
	CHECK_INT(m.tiers[MODEL_TIER_WEAK], 1);
	CHECK_INT(m.assess->tier_n[MODEL_TIER_WEAK], 1);
	CHECK_INT(m.assess->tier_n[MODEL_TIER_GOLD], 2);
	model_release(&m);
	buf_release(&b);
	diag_free(d);
}

struct collected {
	struct buf text;
	int n;
};

/*
 * Indicators with a region or the mid-year period are the committees'
 * targets; the district's indicators stay what they were.
 */
static void
targets_beside_indicators(void)
{
	struct diag *d = diag_new();
	struct model m;
	const struct target_period *p;
	const struct target *c;

	CHECK_INT(load_site(&m, "tests/data/small", 0, d), 0);
	/* The district's: party_orgs 2025 only, 5 of 6. */
	CHECK_INT((long)m.nindicators, 5);
	CHECK(model_indicator(&m, "party_orgs", 2025) != NULL);
	CHECK_DBL(model_indicator(&m, "party_orgs", 2025)->value, 5, 0);
	CHECK(model_indicator(&m, "mass_orgs_new", 2025) == NULL);
	/* The mid-year check first, the district's row (全区) first. */
	CHECK_INT((long)m.targets->nperiods, 2);
	p = &m.targets->periods[0];
	CHECK_INT(p->h1, 1);
	CHECK_INT(p->year, 2025);
	CHECK_STR(p->rows[0].region, "");
	CHECK_INT((long)p->nrows, 3);
	/* 0.5 of 1 is missed, 3 of 3 reached (value >= target). */
	CHECK_INT(p->reached, 2);
	CHECK_INT(p->with_target, 3);
	p = &m.targets->periods[1];
	CHECK_INT(p->h1, 0);
	CHECK_INT((long)p->ncolumns, 2); /* mass_orgs_new, party_orgs */
	CHECK_STR(p->columns[0]->key, "mass_orgs_new");
	c = target_cell(&p->rows[0], p->columns[1]);
	CHECK(c != NULL && c->has_target && !c->reached); /* 3 of 3.5 */
	c = target_cell(&p->rows[1], p->columns[0]);
	CHECK(c == NULL); /* 西区 has no mass_orgs_new */
	CHECK_INT(p->rows[0].with_target, 1); /* no target: not counted */
	model_release(&m);
	diag_free(d);
}

static void
collect(void *arg, const struct data_private_value *v)
{
	struct collected *c = arg;

	buf_addf(&c->text, "%s=%s\n", v->export, v->value);
	if (c->n++ == 0)
		buf_addf(&c->text, "at %s:%d:%d %s\n", v->file, v->line,
			 v->col, v->field);
}

static void
private_values_are_found_and_dropped(void)
{
	struct collected c = { BUF_INIT, 0 };
	struct data_private p;
	struct diag *d = diag_new();
	struct model m;
	size_t i;

	data_private_init(&p);
	CHECK_INT(data_private_values("tests/data/small", &p, collect, &c, d),
		  0);
	CHECK_INT(c.n, 32); /* name and phone of 16 units */
	CHECK(strstr(c.text.ptr, "organizations=联系人E01\n") != NULL);
	CHECK(strstr(c.text.ptr, "organizations=13900000340\n") != NULL);
	buf_release(&c.text);
	data_private_release(&p);

	/* A field declared in site.json; its values never reach the model. */
	CHECK_INT(load_site(&m, "tests/data/rules", 0, d), 0);
	for (i = 0; i < m.norgs; i++)
		CHECK(strcmp(m.orgs[i].name, "赵某某") != 0);
	model_release(&m);
	data_private_init(&p);
	c.n = 0;
	buf_init(&c.text, 0);
	{
		struct json_doc doc;
		struct src s;

		src_load(&s, "tests/data/rules/site.json", "site.json", SRC_SITE_JSON, d);
		json_parse(&doc, &s, d);
		CHECK_INT(data_private_read(&p, &doc,
					    cJSON_GetObjectItemCaseSensitive(
						    doc.root, "private"), d), 0);
		json_release(&doc);
		src_release(&s);
	}
	CHECK_INT(data_private_values("tests/data/rules", &p, collect, &c, d),
		  0);
	/* where the value is, for the message that finds it published */
	CHECK_STR(c.text.ptr, "organizations=赵某某\n"
		  "at content/data/organizations.jsonl:1:154 legal_person\n"
		  "organizations=13800000000\n");
	buf_release(&c.text);
	data_private_release(&p);
	CHECK_INT(diag_errors(d), 0);
	diag_free(d);
}

/* The same records as .json and as .jsonl give the same figures. */
static void
jsonl_equals_json(void)
{
	const char *dir = "tests/out/t_data/site";
	struct diag *d = diag_new();
	struct buf a = BUF_INIT, b = BUF_INIT, text = BUF_INIT, line = BUF_INIT;
	struct model m;
	cJSON *arr, *it;
	char *src_path, *dst;

	CHECK_INT(load_site(&m, "tests/data/small", 0, d), 0);
	summary_json(&m, &a);
	model_release(&m);

	tree_remove("tests/out/t_data");
	dir_make("tests/out/t_data/site/content/data");
	src_path = xstrdup("tests/data/small/content/data/organizations.json");
	file_read(src_path, &text);
	arr = cJSON_Parse(text.ptr);
	cJSON_ArrayForEach(it, arr) {
		char *s = cJSON_PrintUnformatted(it);

		buf_addstr(&line, s);
		buf_addch(&line, '\n');
		cJSON_free(s);
	}
	cJSON_Delete(arr);
	dst = xasprintf("%s/content/data/organizations.jsonl", dir);
	file_write(dst, line.ptr, line.len);
	free(dst);
	{
		static const char *const others[] = {
			"assessments.jsonl", "brands.json", "belts.json",
			"indicators.json", "venues.json", "honours.jsonl",
		};
		size_t i;

		for (i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
			char *from = xasprintf("tests/data/small/content/data/%s",
					       others[i]);
			char *to = xasprintf("%s/content/data/%s", dir,
					     others[i]);

			file_copy(from, to);
			free(from);
			free(to);
		}
	}
	CHECK_INT(load_site(&m, dir, 0, d), 0);
	summary_json(&m, &b);
	model_release(&m);
	CHECK_STR(b.ptr, a.ptr);
	CHECK_INT(diag_errors(d), 0);
	free(src_path);
	buf_release(&a);
	buf_release(&b);
	buf_release(&text);
	buf_release(&line);
	diag_free(d);
}

int
main(void)
{
	golden_stats();
	bad_input_diagnostics();
	kept_records_and_views();
	private_values_are_found_and_dropped();
	jsonl_equals_json();
	targets_beside_indicators();
	return harness_done();
}
