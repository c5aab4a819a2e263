/*
 * mkprint: the print documents of a site and their PDFs, through the
 * library alone, for tests/pdf/run on a showcase whose command line has
 * no --pdf yet. It does what the build does for them: load, check, fill
 * bulletin and brochure dictionaries, expand print.tpl, draw the charts,
 * print with pdf_run(). The assets must already be in the output folder.
 *
 *   mkprint SITE OUT [PREV]
 */
#include <stdio.h>
#include <string.h>

#include "brochure.h"
#include "buf.h"
#include "bulletin.h"
#include "chart.h"
#include "chartset.h"
#include "content.h"
#include "data.h"
#include "diag.h"
#include "model.h"
#include "pdf.h"
#include "plan.h"
#include "render.h"
#include "routes.h"
#include "site.h"
#include "stage.h"
#include "tmpl.h"
#include "util.h"

static int
write_doc(struct render *r, struct tmpl_dict *dict, const char *out,
	  const char *rel, struct diag *d)
{
	struct buf html = BUF_INIT;
	char *path = path_join(out, rel);
	int rc = tmpl_expand(r->tmpl, "print.tpl", dict, &html, d);

	if (rc == 0 && file_write(path, html.ptr, html.len) < 0) {
		diag_error(d, path, 0, 0, "cannot write");
		rc = -1;
	}
	tmpl_dict_free(dict);
	buf_release(&html);
	free(path);
	return rc;
}

int
main(int argc, char **argv)
{
	struct diag *d = diag_new();
	struct site site;
	struct model model;
	struct content content;
	struct page_env env;
	struct render r;
	struct stage st;
	struct chart_fonts *fonts;
	struct chartset *charts;
	struct tmpl *tmpl;
	struct pdf_opts po;
	struct pdf_stats ps;
	const char *tpls[] = { "print.tpl", "bulletin.tpl", "brochure.tpl" };
	const char **docs;
	size_t i, n = 0, drawn, reused;
	char *root;
	int rc = 1, year;

	if (argc < 3) {
		fprintf(stderr, "usage: mkprint SITE OUT [PREV]\n");
		return 2;
	}
	site_load(&site, argv[1], ".", d);
	data_load_site(&model, site.dir, &site.json, 0, d);
	fonts = chart_fonts_new(NULL, d);
	charts = chartset_new(fonts);
	memset(&env, 0, sizeof(env));
	env.charts = charts;
	env.model = &model;
	content_load(&content, &site, &env, 0, 2, d);
	bulletin_check(&site, &content, &model, d);
	tmpl = tmpl_new((const char *const *)site.templates, site.ntemplates);
	for (i = 0; i < sizeof(tpls) / sizeof(tpls[0]); i++)
		tmpl_load(tmpl, tpls[i], d);
	if (diag_errors(d))
		goto out;
	render_init(&r, &site, &content, tmpl, 0);
	r.pd.model = &model;
	r.pd.charts = charts;
	r.pd.version = "test";
	root = path_join(argv[2], "bulletins");
	dir_make(root);
	free(root);
	root = path_join(argv[2], "brochure");
	dir_make(root);
	free(root);
	docs = xcalloc(content.nbulletins + 2, sizeof(*docs));
	for (i = 0; i < content.nbulletins; i++) {
		char *rel = routes_print(content.bulletins[i].url);

		write_doc(&r, bulletin_print_dict(&r.pd, i, 1, DOC_PRINT | DOC_PDF),
			  argv[2], rel, d);
		docs[n++] = rel;
	}
	if ((year = plan_brochure_year(&model))) {
		char *web = routes_brochure(year);
		char *rel = routes_print(web);

		write_doc(&r, brochure_print_dict(&r.pd, year, 1, DOC_PRINT | DOC_PDF),
			  argv[2], rel, d);
		docs[n++] = rel;
		free(web);
	}
	/* The charts straight into the output: no staging folder here. */
	st.out = argv[2];
	st.tmp = argv[2];
	st.open = 1;
	chartset_write(charts, &st, NULL, 2, &drawn, &reused, d);
	memset(&po, 0, sizeof(po));
	po.dir = argv[2];
	po.prev = argc > 3 ? argv[3] : NULL;
	if (!diag_errors(d) && pdf_run(&po, docs, n, &ps, d) == 0) {
		fprintf(stderr, "mkprint: %zu PDFs (%zu printed, %zu unchanged), slowest %.1f s, in %.1f s\n",
			ps.printed + ps.reused, ps.printed, ps.reused, ps.slowest,
			ps.seconds);
		rc = diag_errors(d) ? 1 : 0;
	}
	for (i = 0; i < n; i++)
		free((char *)docs[i]);
	free(docs);
	render_release(&r);
out:
	diag_print(d, stderr);
	content_release(&content);
	model_release(&model);
	tmpl_free(tmpl);
	chartset_free(charts);
	chart_fonts_free(fonts);
	site_release(&site);
	diag_free(d);
	return rc;
}
