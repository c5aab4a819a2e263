/*
 * What the dictionaries of every kind of page share (pagedict.h). A
 * helper that two renderers need moves here, never from one renderer to
 * another.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "chartset.h"
#include "content.h"
#include "model.h"
#include "modelchart.h"
#include "pagedict.h"
#include "qrcode.h"
#include "routes.h"
#include "site.h"
#include "tmpl.h"
#include "typeset.h"
#include "util.h"

void
pagedict_label_name(struct buf *out, const char *key)
{
	BUF_ADDLIT(out, "LABEL_");
	for (; *key; key++)
		buf_addch(out, *key >= 'a' && *key <= 'z' ? *key - 'a' + 'A' : *key);
}

void
pagedict_common(const struct pagedict *pd, struct tmpl_dict *d,
		const char *root)
{
	const struct site *s = pd->site;
	struct buf key = BUF_INIT;
	size_t i;

	tmpl_dict_set(d, "ROOT", root);
	tmpl_dict_set(d, "SITE_TITLE", s->title);
	for (i = 0; i < s->nlabels; i++) {
		buf_reset(&key);
		pagedict_label_name(&key, s->labels[i].key);
		tmpl_dict_set(d, key.ptr, s->labels[i].value);
	}
	buf_release(&key);
}

void
pagedict_url(struct tmpl_dict *d, const char *key, const char *root,
	     const char *path)
{
	struct buf b = BUF_INIT;

	buf_addstr(&b, root);
	buf_addurl(&b, path);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

void
pagedict_date(struct tmpl_dict *d, const char *key, const char *date)
{
	struct buf b = BUF_INIT;

	date_cn(&b, date);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

void
pagedict_stars(struct buf *out, int stars)
{
	int i;

	for (i = 0; i < stars; i++)
		BUF_ADDLIT(out, "★");
}

void
pagedict_number(struct tmpl_dict *d, const char *key, double v)
{
	struct buf b = BUF_INIT;

	model_number(&b, v);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

void
pagedict_rate(struct tmpl_dict *d, const char *key, struct model_rate r)
{
	struct buf b = BUF_INIT;

	model_rate_percent(r, &b);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

long
pagedict_find_case(const struct content *c, const char *slug)
{
	size_t i;

	for (i = 0; slug && i < c->ncases; i++)
		if (!strcmp(c->cases[i].slug, slug))
			return (long)i;
	return -1;
}

void
pagedict_html(struct tmpl_dict *d, const char *key, const char *html,
	      unsigned flags)
{
	struct buf b = BUF_INIT;

	if (!(flags & DOC_PRINT)) {
		tmpl_dict_set(d, key, html);
		return;
	}
	typeset_html(&b, html);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

static int
model_chart(const struct pagedict *pd, struct tmpl_dict *d,
	    const char *section, const char *name, const char *root,
	    unsigned flags, struct buf *figures)
{
	enum chart_kind kind;
	struct chart *c;
	struct buf html = BUF_INIT, card = BUF_INIT;
	struct tmpl_dict *s;

	if (!pd->charts || !pd->model || !pd->model->organizations ||
	    modelchart_kind(name, &kind) < 0)
		return -1;
	c = chart_new(kind);
	if (modelchart_fill((void *)pd->model, name, c) < 0 ||
	    !chart_categories(c)) {
		chart_free(c);
		return -1;
	}
	chartset_add(pd->charts, c, root, &html,
		     (flags & DOC_CARD) ? &card : NULL);
	s = tmpl_dict_section(d, section);
	pagedict_html(s, "CHART_HTML", html.ptr, flags);
	if (figures) {
		buf_addf(figures, "<!--chart %s-->\n", name);
		if (flags & DOC_PRINT)
			typeset_html(figures, html.ptr);
		else
			buf_addbuf(figures, &html);
	}
	if (flags & DOC_CARD)
		tmpl_dict_set(s, "CHART_CARD_HTML", card.ptr);
	buf_release(&html);
	buf_release(&card);
	return 0;
}

int
pagedict_model_chart(const struct pagedict *pd, struct tmpl_dict *d,
		     const char *section, const char *name, const char *root,
		     unsigned flags)
{
	return model_chart(pd, d, section, name, root, flags, NULL);
}

void
pagedict_stats_charts(const struct pagedict *pd, struct tmpl_dict *d,
		      const char *root, unsigned flags, struct buf *figures)
{
	static const struct {
		const char *section, *name;
	} charts[] = {
		{ "CHART_TARGETS", "targets" },
		{ "CHART_PARTY_ORGS", "indicator.party_orgs" },
		{ "CHART_COVERAGE", "coverage_by_region" },
		{ "CHART_KINDS", "coverage_by_kind" },
		{ "CHART_FORMS", "forms" },
		{ "CHART_TIERS", "tiers" },
		{ "CHART_STARS", "stars" },
		{ "CHART_ROUNDS", "tiers_by_round" },
		{ "CHART_DEMO", "demo_sites" },
		{ "CHART_FUNNEL", "red_collar" },
	};
	size_t i;

	for (i = 0; i < sizeof(charts) / sizeof(charts[0]); i++)
		model_chart(pd, d, charts[i].section, charts[i].name, root,
			    flags, figures);
}

struct tmpl_dict *
pagedict_print_frame(const struct pagedict *pd, const char *title, int depth,
		     const char *doc_class, const char *tpl,
		     const char *web_path, struct tmpl_dict **content)
{
	struct tmpl_dict *top = tmpl_dict_new("print");
	const char *root = routes_root(depth);

	pagedict_common(pd, top, root);
	tmpl_dict_set(top, "LANG", pd->site->language);
	tmpl_dict_set(top, "DOC_TITLE", title);
	tmpl_dict_set(top, "DOC_CLASS", doc_class);
	tmpl_dict_set(top, "VERSION", pd->version ? pd->version : "");
	pagedict_url(top, "CSS_URL", root, ROUTES_PRINT_CSS);
	pagedict_url(top, "WEB_URL", root, web_path);
	*content = tmpl_dict_include(top, "CONTENT", tpl);
	pagedict_common(pd, *content, root);
	return top;
}

void
pagedict_doc_links(struct tmpl_dict *d, const char *url, int depth,
		   unsigned flags)
{
	char *print = routes_print(url);

	pagedict_url(d, "PRINT_URL", routes_root(depth), print);
	if (flags & DOC_PDF) {
		char *pdf = routes_pdf(print);

		pagedict_url(tmpl_dict_section(d, "HAS_PDF"), "PDF_URL",
			     routes_root(depth), pdf);
		free(pdf);
	}
	free(print);
}

void
pagedict_qr(struct tmpl_dict *d, const struct pagedict *pd, const char *url)
{
	struct buf link = BUF_INIT, src = BUF_INIT;
	struct qrcode *qr;

	if (!*pd->site->base_url)
		return;
	buf_addstr(&link, pd->site->base_url);
	buf_addurl(&link, url);
	/* 3 px a module: a code of 33 modules and its margin in 123 px,
	 * printed 20 mm wide, is 156 dpi, two printer dots a pixel. */
	if ((qr = qrcode_new(link.ptr)) && qrcode_data_url(qr, 3, &src) == 0) {
		struct tmpl_dict *s = tmpl_dict_section(d, "HAS_QR");

		tmpl_dict_set(s, "QR_SRC", src.ptr);
		tmpl_dict_set(s, "QR_LINK", link.ptr);
	}
	qrcode_free(qr);
	buf_release(&link);
	buf_release(&src);
}
