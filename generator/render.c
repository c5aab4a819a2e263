#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "chartset.h"
#include "content.h"
#include "diag.h"
#include "model.h"
#include "modelchart.h"
#include "plan.h"
#include "render.h"
#include "site.h"
#include "stats.h"
#include "tmpl.h"
#include "util.h"

const char *const render_templates[] = {
	"layout.tpl", "home.tpl", "case.tpl", "page.tpl", "list.tpl",
	"tags.tpl", "404.tpl", "stats.tpl", "search.tpl",
	"partials/pagination.tpl",
	"partials/card.tpl", NULL,
};

/*
 * Every name render_output() can give a template, whatever the content.
 * `showcase check` accepts these even when no page of a small site needs
 * them, and reports any other name a template uses (a typo is otherwise
 * silent in ctemplate). Keep it sorted; the check of the example site
 * fails on a name that is set but missing here.
 */
const char *const render_names[] = {
	"ALL_TAGS", "BODY", "BREADCRUMB", "CARD", "CASES_URL", "CHARS",
	"CHART_COVERAGE", "CHART_DEMO", "CHART_FORMS", "CHART_FUNNEL",
	"CHART_HTML", "CHART_KINDS", "CHART_PARTY_ORGS", "CHART_STARS",
	"CHART_TARGETS", "CHART_TIERS",
	"CONTENT", "COPYRIGHT", "COVER_URL", "CRUMB_LABEL", "CRUMB_LAST",
	"CRUMB_LINK", "CRUMB_URL", "DATE", "DATE_CN", "DESCRIPTION",
	"DOC_TITLE", "EMPTY", "FEATURED", "HAS_COVER", "HAS_CRUMBS",
	"HAS_DATE", "HAS_FEATURED", "HAS_ITEM_COVER", "HAS_ITEM_REGION",
	"HAS_NEXT", "HAS_NEXT_PAGE", "HAS_PREV", "HAS_PREV_PAGE",
	"HAS_REGION", "HAS_RELATED", "HAS_TOC", "HOME_CHARTS", "IS_CURRENT",
	"IS_HOME",
	"ITEMS", "ITEM_COVER", "ITEM_DATE", "ITEM_DATE_CN", "ITEM_REGION",
	"ITEM_SUMMARY", "ITEM_TITLE", "ITEM_URL", "LANG", "LATEST",
	"LIST_TITLE", "MINUTES", "NAV", "NAV_CURRENT", "NAV_LABEL",
	"NAV_URL", "NEXT_PAGE_URL", "NEXT_TITLE", "NEXT_URL", "NOT_CURRENT",
	"OFFICE", "PAGE_COUNT", "PAGE_LINKS", "PAGE_NO", "PAGE_NUM",
	"PAGE_URL", "PAGINATION", "PREV_PAGE_URL", "PREV_TITLE", "PREV_URL",
	"REGION", "RELATED", "REL_DATE_CN", "REL_TITLE", "REL_URL", "ROOT",
	"SITE_TITLE", "STATS_URL", "SUMMARY", "TAGS", "TAG_COUNT", "TAG_NAME", "TAG_URL",
	"TITLE", "TOC", "VERSION", "YEAR", NULL,
};

void
render_init(struct render *r, const struct site *site,
	    const struct content *c, struct tmpl *t, int collect)
{
	memset(r, 0, sizeof(*r));
	r->site = site;
	r->content = c;
	r->tmpl = t;
	r->collect = collect;
	pthread_mutex_init(&r->lock, NULL);
}

void
render_release(struct render *r)
{
	tmpl_names_free(r->keys);
	pthread_mutex_destroy(&r->lock);
}

/* 2025-03-12 -> 2025年3月12日 */
static void
date_cn(struct buf *b, const char *date)
{
	int y, m, dd;

	if (date && sscanf(date, "%4d-%2d-%2d", &y, &m, &dd) == 3)
		buf_addf(b, "%d年%d月%d日", y, m, dd);
}

static void
set_date(struct tmpl_dict *d, const char *key, const char *date)
{
	struct buf b = BUF_INIT;

	date_cn(&b, date);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

/* A path from the root, as a link from a page at depth. */
static void
set_url(struct tmpl_dict *d, const char *key, int depth, const char *path)
{
	struct buf b = BUF_INIT;

	buf_addstr(&b, plan_root(depth));
	buf_addurl(&b, path);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

/* Values every dictionary gets: includes do not see their parent's. */
static void
fill_common(const struct render *r, struct tmpl_dict *d, int depth)
{
	const struct site *s = r->site;
	struct buf key = BUF_INIT;
	size_t i;

	tmpl_dict_set(d, "ROOT", plan_root(depth));
	tmpl_dict_set(d, "SITE_TITLE", s->title);
	for (i = 0; i < s->nlabels; i++) {
		buf_reset(&key);
		BUF_ADDLIT(&key, "LABEL_");
		for (const char *k = s->labels[i].key; *k; k++)
			buf_addch(&key, *k >= 'a' && *k <= 'z' ? *k - 'a' + 'A' : *k);
		tmpl_dict_set(d, key.ptr, s->labels[i].value);
	}
	buf_release(&key);
}

static void
fill_tags(struct tmpl_dict *d, const struct render *r, const struct page *p,
	  int depth)
{
	size_t i;

	for (i = 0; i < p->front.ntags; i++) {
		struct tmpl_dict *t = tmpl_dict_section(d, "TAGS");
		long k = content_tag(r->content, p->front.tags[i]);

		tmpl_dict_set(t, "TAG_NAME", p->front.tags[i]);
		set_url(t, "TAG_URL", depth, r->content->tags[k].url);
	}
}

/* One case as an item of a list (card). */
static void
fill_item(struct tmpl_dict *item, const struct render *r,
	  const struct page *p, int depth)
{
	tmpl_dict_set(item, "ITEM_TITLE", p->front.title);
	set_url(item, "ITEM_URL", depth, p->url);
	tmpl_dict_set(item, "ITEM_DATE", p->front.date ? p->front.date : "");
	set_date(item, "ITEM_DATE_CN", p->front.date);
	tmpl_dict_set(item, "ITEM_SUMMARY", p->summary);
	if (p->front.region) {
		tmpl_dict_show(item, "HAS_ITEM_REGION");
		tmpl_dict_set(item, "ITEM_REGION", p->front.region);
	}
	if (p->front.cover) {
		struct tmpl_dict *c = tmpl_dict_section(item, "HAS_ITEM_COVER");

		set_url(c, "ITEM_COVER", depth, p->front.cover);
	}
	fill_tags(item, r, p, depth);
}

static void
fill_card(const struct render *r, struct tmpl_dict *section,
	  const struct page *p, int depth)
{
	struct tmpl_dict *card = tmpl_dict_include(section, "CARD",
						   "partials/card.tpl");

	fill_common(r, card, depth);
	fill_item(card, r, p, depth);
}

static void
fill_pagination(const struct render *r, struct tmpl_dict *d,
		const struct output *o, const char *first)
{
	struct tmpl_dict *pg;
	char *path;
	int i;

	if (o->pages <= 1)
		return;
	pg = tmpl_dict_include(d, "PAGINATION", "partials/pagination.tpl");
	fill_common(r, pg, o->depth);
	tmpl_dict_setint(pg, "PAGE_NO", o->pageno);
	tmpl_dict_setint(pg, "PAGE_COUNT", o->pages);
	if (o->pageno > 1) {
		struct tmpl_dict *s = tmpl_dict_section(pg, "HAS_PREV_PAGE");

		path = plan_list_path(first, o->pageno - 1);
		set_url(s, "PREV_PAGE_URL", o->depth, path);
		free(path);
	}
	if (o->pageno < o->pages) {
		struct tmpl_dict *s = tmpl_dict_section(pg, "HAS_NEXT_PAGE");

		path = plan_list_path(first, o->pageno + 1);
		set_url(s, "NEXT_PAGE_URL", o->depth, path);
		free(path);
	}
	for (i = 1; i <= o->pages; i++) {
		struct tmpl_dict *s = tmpl_dict_section(pg, "PAGE_LINKS");

		path = plan_list_path(first, i);
		tmpl_dict_setint(s, "PAGE_NUM", i);
		set_url(s, "PAGE_URL", o->depth, path);
		tmpl_dict_show(s, i == o->pageno ? "IS_CURRENT" : "NOT_CURRENT");
		free(path);
	}
}

static void
fill_list(const struct render *r, struct tmpl_dict *d,
	  const struct output *o, const size_t *items, size_t nitems,
	  const char *title, const char *first)
{
	size_t from = (size_t)(o->pageno - 1) * (size_t)r->site->per_page;
	size_t to = from + (size_t)r->site->per_page, i;

	tmpl_dict_set(d, "LIST_TITLE", title);
	if (to > nitems)
		to = nitems;
	if (!nitems)
		tmpl_dict_show(d, "EMPTY");
	for (i = from; i < to; i++) {
		const struct page *p = &r->content->cases[items ? items[i] : i];

		fill_card(r, tmpl_dict_section(d, "ITEMS"), p, o->depth);
	}
	fill_pagination(r, d, o, first);
}

static void
crumb(struct tmpl_dict *layout, const char *label, const char *path,
      int depth)
{
	struct tmpl_dict *c = tmpl_dict_section(layout, "BREADCRUMB");

	tmpl_dict_show(layout, "HAS_CRUMBS");

	tmpl_dict_set(c, "CRUMB_LABEL", label);
	if (path)
		set_url(tmpl_dict_section(c, "CRUMB_LINK"), "CRUMB_URL", depth, path);
	else
		tmpl_dict_show(c, "CRUMB_LAST");
}

static void
fill_case(const struct render *r, struct tmpl_dict *d, const struct output *o)
{
	const struct content *c = r->content;
	const struct page *p = &c->cases[o->index];
	size_t i, j, k, nrel = 0, rel[4];

	tmpl_dict_set(d, "TITLE", p->front.title);
	tmpl_dict_set(d, "DATE", p->front.date ? p->front.date : "");
	set_date(d, "DATE_CN", p->front.date);
	if (p->front.date)
		tmpl_dict_show(d, "HAS_DATE");
	if (p->front.region) {
		tmpl_dict_show(d, "HAS_REGION");
		tmpl_dict_set(d, "REGION", p->front.region);
	}
	tmpl_dict_set(d, "SUMMARY", p->summary);
	tmpl_dict_setint(d, "MINUTES", p->md.minutes);
	tmpl_dict_setint(d, "CHARS", (long long)p->md.chars);
	tmpl_dict_set(d, "BODY", p->md.html.ptr);
	if (p->md.toc.len)
		tmpl_dict_set(tmpl_dict_section(d, "HAS_TOC"), "TOC", p->md.toc.ptr);
	if (p->front.cover)
		set_url(tmpl_dict_section(d, "HAS_COVER"), "COVER_URL", o->depth,
			p->front.cover);
	fill_tags(d, r, p, o->depth);
	/* Newest first: the previous case is the newer one. */
	if (o->index > 0) {
		struct tmpl_dict *s = tmpl_dict_section(d, "HAS_PREV");

		tmpl_dict_set(s, "PREV_TITLE", c->cases[o->index - 1].front.title);
		set_url(s, "PREV_URL", o->depth, c->cases[o->index - 1].url);
	}
	if (o->index + 1 < c->ncases) {
		struct tmpl_dict *s = tmpl_dict_section(d, "HAS_NEXT");

		tmpl_dict_set(s, "NEXT_TITLE", c->cases[o->index + 1].front.title);
		set_url(s, "NEXT_URL", o->depth, c->cases[o->index + 1].url);
	}
	/* Related: cases sharing a tag, in tag order then newest first. */
	for (i = 0; i < p->front.ntags && nrel < 4; i++) {
		const struct content_term *t = &c->tags[content_tag(c, p->front.tags[i])];

		for (j = 0; j < t->npages && nrel < 4; j++) {
			size_t q = t->pages[j];
			struct tmpl_dict *s;

			for (k = 0; k < nrel && rel[k] != q; k++)
				;
			if (q == o->index || k < nrel)
				continue;
			rel[nrel++] = q;
			s = tmpl_dict_section(d, "RELATED");
			tmpl_dict_set(s, "REL_TITLE", c->cases[q].front.title);
			set_url(s, "REL_URL", o->depth, c->cases[q].url);
			set_date(s, "REL_DATE_CN", c->cases[q].front.date);
		}
	}
	if (nrel)
		tmpl_dict_show(d, "HAS_RELATED");
}

/*
 * A chart of the model, as a section holding its figure HTML (image,
 * alt text, data table). Nothing when the data has no records for it.
 */
static void
model_chart(const struct render *r, struct tmpl_dict *d, const char *section,
	    const char *name, enum chart_kind kind, int depth)
{
	struct chart *c;
	struct buf html = BUF_INIT;

	if (!r->charts || !r->model || !r->model->organizations)
		return;
	c = chart_new(kind);
	if (modelchart_fill((void *)r->model, name, c) < 0 ||
	    !chart_categories(c)) {
		chart_free(c);
		return;
	}
	chartset_add(r->charts, c, plan_root(depth), &html);
	tmpl_dict_set(tmpl_dict_section(d, section), "CHART_HTML", html.ptr);
	buf_release(&html);
}

/* How many weighted cases come before case i (the featured order). */
static size_t
featured_rank(const struct content *c, size_t i)
{
	size_t j, rank = 0;

	for (j = 0; j < i; j++)
		rank += c->cases[j].front.weight != 0;
	return rank;
}

static void
fill_home(const struct render *r, struct tmpl_dict *d, const struct output *o)
{
	const struct content *c = r->content;
	size_t i, n = 0;

	tmpl_dict_set(d, "DESCRIPTION", r->site->description);
	/* Featured: the cases with a weight, lightest first; the rest of the
	 * latest list follows below them. */
	for (i = 0; i < c->ncases && n < (size_t)r->site->featured; i++) {
		if (!c->cases[i].front.weight)
			continue;
		fill_card(r, tmpl_dict_section(d, "FEATURED"), &c->cases[i], o->depth);
		n++;
	}
	if (n)
		tmpl_dict_show(d, "HAS_FEATURED");
	/* The latest cases, leaving out those already featured above. */
	for (i = 0, n = 0; i < c->ncases && n < (size_t)r->site->per_page; i++) {
		if (c->cases[i].front.weight && featured_rank(c, i) < (size_t)r->site->featured)
			continue;
		fill_card(r, tmpl_dict_section(d, "LATEST"), &c->cases[i], o->depth);
		n++;
	}
	if (!c->ncases)
		tmpl_dict_show(d, "EMPTY");
	for (i = 0; i < c->ntags; i++) {
		struct tmpl_dict *t = tmpl_dict_section(d, "ALL_TAGS");

		tmpl_dict_set(t, "TAG_NAME", c->tags[i].name);
		tmpl_dict_setint(t, "TAG_COUNT", (long long)c->tags[i].npages);
		set_url(t, "TAG_URL", o->depth, c->tags[i].url);
	}
	set_url(d, "CASES_URL", o->depth, "cases/index.html");
	set_url(d, "STATS_URL", o->depth, "stats.html");
	stats_figures(d, r->model);
	model_chart(r, d, "HOME_CHARTS", "targets", CHART_PROGRESS, o->depth);
	model_chart(r, d, "HOME_CHARTS", "coverage_by_region", CHART_HBAR, o->depth);
	model_chart(r, d, "HOME_CHARTS", "tiers", CHART_DONUT, o->depth);
	model_chart(r, d, "HOME_CHARTS", "red_collar", CHART_FUNNEL, o->depth);
}

static void
fill_nav(const struct render *r, struct tmpl_dict *layout,
	 const struct output *o, const char *current)
{
	const struct content *c = r->content;
	size_t i;
	struct {
		const char *label, *path;
	} items[16];
	size_t n = 0;

	items[n].label = site_label(r->site, "home"), items[n++].path = "index.html";
	items[n].label = site_label(r->site, "cases"), items[n++].path = "cases/index.html";
	items[n].label = site_label(r->site, "stats"), items[n++].path = "stats.html";
	items[n].label = site_label(r->site, "tags"), items[n++].path = "tags/index.html";
	for (i = 0; i < c->npages && n < 16; i++)
		items[n].label = c->pages[i].front.title, items[n++].path = c->pages[i].url;
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_dict_section(layout, "NAV");

		tmpl_dict_set(s, "NAV_LABEL", items[i].label);
		set_url(s, "NAV_URL", o->depth, items[i].path);
		if (current && !strcmp(current, items[i].path))
			tmpl_dict_show(s, "NAV_CURRENT");
	}
}

int
render_output(struct render *r, const struct output *o, struct buf *out,
	      struct diag *d)
{
	const struct site *s = r->site;
	const struct content *c = r->content;
	struct tmpl_dict *layout = tmpl_dict_new("layout");
	struct tmpl_dict *body;
	struct buf title = BUF_INIT;
	const char *tpl = NULL, *nav = NULL, *desc = s->description;
	const struct page *p;
	int rc;

	fill_common(r, layout, o->depth);
	tmpl_dict_set(layout, "LANG", s->language);
	tmpl_dict_set(layout, "OFFICE", s->office);
	tmpl_dict_set(layout, "COPYRIGHT", s->copyright);
	/* The footer year comes from the content, never from the clock:
	 * the same input must give the same bytes. */
	if (*s->year)
		tmpl_dict_set(layout, "YEAR", s->year);
	else
		tmpl_dict_setn(layout, "YEAR", c->latest_date,
			       strlen(c->latest_date) >= 4 ? 4 : 0);
	tmpl_dict_set(layout, "VERSION", r->version ? r->version : "");

	switch (o->kind) {
	case OUT_HOME:
		tpl = "home.tpl";
		nav = "index.html";
		buf_addstr(&title, s->title);
		tmpl_dict_show(layout, "IS_HOME");
		break;
	case OUT_CASE:
		p = &c->cases[o->index];
		tpl = "case.tpl";
		nav = "cases/index.html";
		desc = p->summary;
		buf_addf(&title, "%s - %s", p->front.title, s->title);
		crumb(layout, site_label(s, "home"), "index.html", o->depth);
		crumb(layout, site_label(s, "cases"), "cases/index.html", o->depth);
		crumb(layout, p->front.title, NULL, o->depth);
		break;
	case OUT_PAGE:
		p = &c->pages[o->index];
		tpl = "page.tpl";
		nav = p->url;
		desc = p->summary;
		buf_addf(&title, "%s - %s", p->front.title, s->title);
		crumb(layout, site_label(s, "home"), "index.html", o->depth);
		crumb(layout, p->front.title, NULL, o->depth);
		break;
	case OUT_CASE_LIST:
		tpl = "list.tpl";
		nav = "cases/index.html";
		buf_addstr(&title, site_label(s, "cases"));
		if (o->pageno > 1)
			buf_addf(&title, "（第%d页）", o->pageno);
		buf_addf(&title, " - %s", s->title);
		crumb(layout, site_label(s, "home"), "index.html", o->depth);
		crumb(layout, site_label(s, "cases"), NULL, o->depth);
		break;
	case OUT_TAG_INDEX:
		tpl = "tags.tpl";
		nav = "tags/index.html";
		buf_addf(&title, "%s - %s", site_label(s, "tags"), s->title);
		crumb(layout, site_label(s, "home"), "index.html", o->depth);
		crumb(layout, site_label(s, "tags"), NULL, o->depth);
		break;
	case OUT_TAG_LIST:
		tpl = "list.tpl";
		nav = "tags/index.html";
		buf_addf(&title, "%s：%s", site_label(s, "tag"), c->tags[o->index].name);
		if (o->pageno > 1)
			buf_addf(&title, "（第%d页）", o->pageno);
		buf_addf(&title, " - %s", s->title);
		crumb(layout, site_label(s, "home"), "index.html", o->depth);
		crumb(layout, site_label(s, "tags"), "tags/index.html", o->depth);
		crumb(layout, c->tags[o->index].name, NULL, o->depth);
		break;
	case OUT_STATS:
		tpl = "stats.tpl";
		nav = "stats.html";
		buf_addf(&title, "%s - %s", site_label(s, "stats"), s->title);
		crumb(layout, site_label(s, "home"), "index.html", o->depth);
		crumb(layout, site_label(s, "stats"), NULL, o->depth);
		break;
	case OUT_SEARCH:
		tpl = "search.tpl";
		nav = "search.html";
		buf_addf(&title, "%s - %s", site_label(s, "search"), s->title);
		crumb(layout, site_label(s, "home"), "index.html", o->depth);
		crumb(layout, site_label(s, "search"), NULL, o->depth);
		break;
	case OUT_NOT_FOUND:
		tpl = "404.tpl";
		buf_addf(&title, "%s - %s", site_label(s, "not_found"), s->title);
		break;
	}
	tmpl_dict_set(layout, "DOC_TITLE", title.ptr);
	tmpl_dict_set(layout, "DESCRIPTION", desc);
	fill_nav(r, layout, o, nav);

	body = tmpl_dict_include(layout, "CONTENT", tpl);
	fill_common(r, body, o->depth);
	switch (o->kind) {
	case OUT_HOME:
		fill_home(r, body, o);
		break;
	case OUT_CASE:
		fill_case(r, body, o);
		break;
	case OUT_PAGE:
		p = &c->pages[o->index];
		tmpl_dict_set(body, "TITLE", p->front.title);
		tmpl_dict_set(body, "BODY", p->md.html.ptr);
		if (p->md.toc.len)
			tmpl_dict_set(tmpl_dict_section(body, "HAS_TOC"), "TOC",
				      p->md.toc.ptr);
		break;
	case OUT_CASE_LIST:
		fill_list(r, body, o, NULL, c->ncases, site_label(s, "cases"),
			  "cases/index.html");
		break;
	case OUT_TAG_LIST:
		fill_list(r, body, o, c->tags[o->index].pages,
			  c->tags[o->index].npages, c->tags[o->index].name,
			  c->tags[o->index].url);
		break;
	case OUT_TAG_INDEX:
		for (size_t i = 0; i < c->ntags; i++) {
			struct tmpl_dict *t = tmpl_dict_section(body, "ALL_TAGS");

			tmpl_dict_set(t, "TAG_NAME", c->tags[i].name);
			tmpl_dict_setint(t, "TAG_COUNT", (long long)c->tags[i].npages);
			set_url(t, "TAG_URL", o->depth, c->tags[i].url);
		}
		if (!c->ntags)
			tmpl_dict_show(body, "EMPTY");
		break;
	case OUT_STATS:
		stats_page(body, r->model, c, o->depth);
		model_chart(r, body, "CHART_TARGETS", "targets", CHART_PROGRESS, o->depth);
		model_chart(r, body, "CHART_COVERAGE", "coverage_by_region", CHART_HBAR, o->depth);
		model_chart(r, body, "CHART_KINDS", "coverage_by_kind", CHART_BAR, o->depth);
		model_chart(r, body, "CHART_FORMS", "forms", CHART_DONUT, o->depth);
		model_chart(r, body, "CHART_TIERS", "tiers", CHART_DONUT, o->depth);
		model_chart(r, body, "CHART_STARS", "stars", CHART_BAR, o->depth);
		model_chart(r, body, "CHART_DEMO", "demo_sites", CHART_BAR, o->depth);
		model_chart(r, body, "CHART_FUNNEL", "red_collar", CHART_FUNNEL, o->depth);
		model_chart(r, body, "CHART_PARTY_ORGS", "indicator.party_orgs", CHART_LINE, o->depth);
		break;
	case OUT_SEARCH:
	case OUT_NOT_FOUND:
		break;
	}

	rc = tmpl_expand(r->tmpl, "layout.tpl", layout, out, d);
	if (r->collect) {
		pthread_mutex_lock(&r->lock);
		tmpl_dict_keys(layout, &r->keys);
		pthread_mutex_unlock(&r->lock);
	}
	buf_release(&title);
	tmpl_dict_free(layout);
	return rc;
}
