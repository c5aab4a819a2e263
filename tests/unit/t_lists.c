/*
 * Lists that must agree, kept by hand in several places: the template
 * files and render_templates; the names the default templates use, the
 * modules' name lists (render_names, stats_names, bulletin_names) and the
 * template docs; the charts of the model and their docs; the keys of
 * site.json each module registers and the keys it reads. Run from the top
 * of the source tree.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "bulletin.h"
#include "chart.h"
#include "diag.h"
#include "harness.h"
#include "json.h"
#include "model.h"
#include "modelchart.h"
#include "render.h"
#include "site.h"
#include "src.h"
#include "stats.h"
#include "tmpl.h"
#include "util.h"

/* The .tpl files of templates/ and templates/partials/, sorted. */
static char **
template_files(size_t *n)
{
	static const char *const dirs[] = { "", "partials/" };
	char **list = NULL;
	size_t cap = 0, i;

	*n = 0;
	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		struct buf path = BUF_INIT;
		struct dirent *e;
		DIR *dp;

		buf_addf(&path, "templates/%s", dirs[i]);
		dp = opendir(path.ptr);
		CHECK(dp != NULL);
		while (dp && (e = readdir(dp))) {
			size_t len = strlen(e->d_name);
			struct buf name = BUF_INIT;

			if (len < 5 || strcmp(e->d_name + len - 4, ".tpl"))
				continue;
			buf_addf(&name, "%s%s", dirs[i], e->d_name);
			list = xgrow(list, &cap, *n + 1, sizeof(*list));
			list[(*n)++] = buf_detach(&name, NULL);
		}
		if (dp)
			closedir(dp);
		buf_release(&path);
	}
	xqsort(list, *n, sizeof(*list), strptr_cmp);
	return list;
}

static void
free_list(char **list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(list[i]);
	free(list);
}

/* Each list is sorted and unique: render_name_known() searches them. */
static void
test_name_lists_sorted(void)
{
	const char *const *lists[] = { render_names, stats_names, bulletin_names };
	size_t i, j;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		CHECK(lists[i][0] != NULL);
		for (j = 1; lists[i][j]; j++) {
			if (strcmp(lists[i][j - 1], lists[i][j]) >= 0)
				fprintf(stderr, "  list %zu: \"%s\" before \"%s\"\n",
					i, lists[i][j - 1], lists[i][j]);
			CHECK(strcmp(lists[i][j - 1], lists[i][j]) < 0);
		}
		for (j = 0; lists[i][j]; j++)
			CHECK(render_name_known(lists[i][j]));
	}
	CHECK(!render_name_known("TITEL"));
	CHECK(!render_name_known(""));
}

/* render_templates, which build and check load, is every default file. */
static void
test_templates_listed(void)
{
	size_t n, i, nlisted = 0;
	char **files = template_files(&n);

	CHECK(n > 10);
	for (i = 0; i < n; i++) {
		size_t j;

		for (j = 0; render_templates[j]; j++)
			if (!strcmp(render_templates[j], files[i]))
				break;
		if (!render_templates[j])
			fprintf(stderr, "  templates/%s is not in render_templates\n",
				files[i]);
		CHECK(render_templates[j] != NULL);
	}
	for (i = 0; render_templates[i]; i++) {
		const char *key = render_templates[i];

		nlisted++;
		if (!bsearch(&key, files, n, sizeof(*files), strptr_cmp))
			fprintf(stderr, "  render_templates has \"%s\", which templates/ has not\n",
				key);
		CHECK(bsearch(&key, files, n, sizeof(*files), strptr_cmp) != NULL);
	}
	CHECK_INT(nlisted, n);
	free_list(files, n);
}

/*
 * The names the docs write as `NAME`: the template reference and the print
 * templates' table. `STAT_*` stands for every name that starts so, and
 * `LABEL_<KEY>` for the labels.
 */
static int
documented(const char *docs, const char *name)
{
	const char *p = docs;

	while ((p = strchr(p, '`'))) {
		const char *end = strchr(++p, '`');
		size_t len;

		if (!end)
			break;
		len = (size_t)(end - p);
		if (len == strlen(name) && !strncmp(p, name, len))
			return 1;
		if (len > 1 && p[len - 1] == '*' && !strncmp(p, name, len - 1))
			return 1;
		if (!strncmp(p, "LABEL_<KEY>", len) && len == 11 &&
		    !strncmp(name, "LABEL_", 6))
			return 1;
		p = end + 1;
	}
	return 0;
}

/*
 * Every name a default template uses (ctemplate's own parse: variables,
 * sections, includes) is one some page provides, or a label the site has,
 * and the docs name it.
 */
static void
test_template_names(void)
{
	static const char *const roots[] = { "templates" };
	struct tmpl *t = tmpl_new(roots, 1);
	struct diag *d = diag_new();
	struct buf docs = BUF_INIT;
	struct site site;
	size_t n, i, used = 0;
	char **files = template_files(&n);

	CHECK_INT(file_read("docs/templates.md", &docs), 0);
	CHECK_INT(file_read("docs/print.md", &docs), 0);
	CHECK_INT(site_load(&site, ".", ".", d), 0);
	CHECK_INT(tmpl_load_all(t, d), 0);
	CHECK_INT(diag_errors(d), 0);
	for (i = 0; i < n; i++) {
		char **names = tmpl_names(t, files[i]);
		size_t j;

		CHECK(names != NULL);
		for (j = 0; names && names[j]; j++) {
			const char *name = names[j];
			int known = render_name_known(name);

			used++;
			if (!strncmp(name, "LABEL_", 6)) {
				struct buf key = BUF_INIT;
				const char *k;

				for (k = name + 6; *k; k++)
					buf_addch(&key, *k >= 'A' && *k <= 'Z' ?
						  *k - 'A' + 'a' : *k);
				/* site_label() gives the key back when there is no label */
				known = site_label(&site, key.ptr) != key.ptr;
				buf_release(&key);
			}
			if (!known)
				fprintf(stderr, "  templates/%s: \"%s\" is in no name list\n",
					files[i], name);
			if (!documented(docs.ptr, name))
				fprintf(stderr, "  templates/%s: \"%s\" is not in docs/templates.md or docs/print.md\n",
					files[i], name);
			CHECK(known);
			CHECK(documented(docs.ptr, name));
		}
		tmpl_names_free(names);
	}
	CHECK(used > 100);
	CHECK(!documented(docs.ptr, "TITEL"));
	free_list(files, n);
	site_release(&site);
	buf_release(&docs);
	diag_free(d);
	tmpl_free(t);
}

/*
 * modelchart's one table gives each chart its kind and its figures; the
 * names a message lists are the ones the docs list.
 */
static void
test_model_charts(void)
{
	struct buf names = BUF_INIT, want = BUF_INIT, docs = BUF_INIT;
	enum chart_kind kind;
	struct model m;
	char *p, *next;
	size_t count = 0;

	model_init(&m, NULL);
	modelchart_names(&names);
	for (p = names.ptr; p; p = next) {
		struct chart *c;

		if ((next = strstr(p, ", ")))
			*next = '\0', next += 2;
		buf_addf(&want, "%s`%s`", count++ ? ", " : "", p);
		CHECK_INT(modelchart_kind(p, &kind), 0);
		if (!strcmp(p, "indicator.<key>"))
			continue;
		c = chart_new(kind);
		CHECK_INT(modelchart_fill(&m, p, c), 0);
		chart_free(c);
	}
	CHECK_INT(count, 10);
	CHECK_INT(modelchart_kind("tiers", &kind), 0);
	CHECK_INT(kind, CHART_DONUT);
	CHECK_INT(modelchart_kind("indicator.party_orgs", &kind), 0);
	CHECK_INT(kind, CHART_LINE);
	CHECK_INT(modelchart_kind("indicator.", &kind), -1);
	CHECK_INT(modelchart_kind("pie", &kind), -1);
	CHECK_INT(modelchart_fill(&m, "pie", NULL), -1);

	CHECK_INT(file_read("docs/print.md", &docs), 0);
	if (!strstr(docs.ptr, want.ptr))
		fprintf(stderr, "  docs/print.md does not list the charts as %s\n",
			want.ptr);
	CHECK(strstr(docs.ptr, want.ptr) != NULL);
	model_release(&m);
	buf_release(&names);
	buf_release(&want);
	buf_release(&docs);
}

/*
 * site.json's registered keys: no key twice; each key of "rules" is one
 * model_config_read() reads (a key it does not know would be accepted by
 * site_load and then refused by the model).
 */
static void
test_site_keys(void)
{
	const struct site_key *const tables[] = {
		model_site_keys, data_site_keys, bulletin_site_keys, build_site_keys,
		stats_site_keys,
	};
	const struct site_key *k, *o;
	size_t i, j, n = 0;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		for (k = tables[i]; k->key; k++, n++)
			for (j = 0; j < sizeof(tables) / sizeof(tables[0]); j++)
				for (o = tables[j]; o->key; o++)
					if (o != k && !strcmp(o->key, k->key))
						CHECK(k->section && o->section &&
						      strcmp(k->section, o->section));
	CHECK(n > 15);
	for (k = model_site_keys; k->key; k++) {
		struct buf text = BUF_INIT;
		struct model_config cfg;
		struct json_doc doc;
		struct diag *d = diag_new();
		struct src src;
		char *out = NULL;
		size_t len = 0;
		FILE *fp;

		CHECK_STR(k->section, "rules");
		/* A value of the wrong type: an error, but not "unknown key". */
		buf_addf(&text, "{\"rules\": {\"%s\": \"x\"}}", k->key);
		model_config_init(&cfg);
		src_init_mem(&src, "site.json", text.ptr, text.len, d);
		json_parse(&doc, &src, d);
		CHECK_INT(model_config_read(&cfg, &doc, cJSON_GetObjectItemCaseSensitive(
				doc.root, "rules"), d), -1);
		fp = open_memstream(&out, &len);
		diag_print(d, fp);
		fclose(fp);
		if (strstr(out, "unknown key"))
			fprintf(stderr, "  model_site_keys has \"%s\", which the model does not read\n",
				k->key);
		CHECK(strstr(out, "unknown key") == NULL);
		free(out);
		json_release(&doc);
		src_release(&src);
		diag_free(d);
		buf_release(&text);
	}
}

int
main(void)
{
	test_name_lists_sorted();
	test_templates_listed();
	test_template_names();
	test_model_charts();
	test_site_keys();
	return harness_done();
}
