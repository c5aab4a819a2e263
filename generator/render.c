#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "brochure.h"
#include "buf.h"
#include "bulletin.h"
#include "chart.h"
#include "chartset.h"
#include "content.h"
#include "diag.h"
#include "honour.h"
#include "model.h"
#include "pagedict.h"
#include "plan.h"
#include "routes.h"
#include "render.h"
#include "screen.h"
#include "site.h"
#include "stats.h"
#include "tmpl.h"
#include "util.h"

const char *const render_templates[] = {
	"layout.tpl", "home.tpl", "case.tpl", "page.tpl", "list.tpl",
	"tags.tpl", "404.tpl", "stats.tpl", "search.tpl", "belts.tpl",
	"brands.tpl", "sites.tpl", "gold.tpl", "year.tpl", "bulletins.tpl", "bulletin.tpl", "brochure.tpl", "print.tpl",
	"feed.tpl", "sitemap.tpl", "screen.tpl", "partials/pagination.tpl",
	"partials/org.tpl",
	"partials/card.tpl", "partials/screenchart.tpl", NULL,
};

/*
 * Every name render_output() can give a template, whatever the content.
 * `showcase check` accepts these even when no page of a small site needs
 * them, and reports any other name a template uses (a typo is otherwise
 * silent in ctemplate). Keep it sorted; the check of the example site
 * fails on a name that is set but missing here.
 */
const char *const render_names[] = {
	"ALL_TAGS", "BELTS", "BELTS_URL", "BELT_CASES", "BELT_COUNT",
	"BELT_INTRO", "BELT_KIND", "BELT_NAME", "BELT_POINTS", "BELT_SUMMARY",
	"BELT_URL", "BODY", "BRANDS", "BRAND_CASES", "BRAND_INTRO",
	"BRAND_LEVEL", "BRAND_NAME", "BRAND_ORG", "BRAND_SUMMARY",
	"BRAND_URL", "BREADCRUMB", "BULLETINS", "BULLETINS_URL", "CARD",
	"CASES_URL", "CHARS", "CHART_CARD_HTML", "CHART_COVERAGE",
	"CHART_DEMO", "CHART_FORMS", "CHART_FUNNEL", "CHART_HTML",
	"CHART_KINDS", "CHART_PARTY_ORGS", "CHART_STARS", "CHART_TARGETS",
	"CHART_TIERS", "CONTENT", "COPYRIGHT", "COVER_H", "COVER_SRCSET",
	"COVER_URL", "COVER_W", "CRUMB_LABEL", "CRUMB_LAST", "CRUMB_LINK",
	"CRUMB_URL", "DATE", "DATE_CN", "DESCRIPTION", "DOC_TITLE", "EMPTY",
	"ENTRIES", "FEATURED", "FEED_ID", "FEED_URL", "FOOTER_ADDRESS",
	"FOOTER_HOST", "FOOTER_LINKS", "FOOTER_NOTICE", "FOOTER_ORGANIZER",
	"FOOTER_PHONE", "FOOT_LABEL", "FOOT_URL", "HAS_COVER", "HAS_CRUMBS",
	"HAS_DATE", "HAS_FEATURED", "HAS_FOOTER_ADDRESS",
	"HAS_FOOTER_CONTACT", "HAS_FOOTER_HOST", "HAS_FOOTER_NOTICE",
	"HAS_FOOTER_ORGANIZER", "HAS_FOOTER_PHONE", "HAS_HOME_BELTS",
	"HAS_HOME_BULLETINS", "HAS_ITEM_COVER", "HAS_ITEM_REGION",
	"HAS_LASTMOD", "HAS_NEXT", "HAS_NEXT_PAGE", "HAS_NEXT_YEAR",
	"HAS_ORG_BRAND", "HAS_ORG_DEMO", "HAS_ORG_HONOURS", "HAS_ORG_LEVEL",
	"HAS_ORG_TIER", "HAS_PREV", "HAS_PREV_PAGE", "HAS_PREV_YEAR",
	"HAS_REGION", "HAS_RELATED", "HAS_TOC", "HOME_BELTS",
	"HOME_BULLETINS", "HOME_CHARTS", "ID", "IS_CURRENT", "IS_HOME",
	"ITEMS", "ITEM_COVER_H", "ITEM_COVER_SRCSET", "ITEM_COVER_URL",
	"ITEM_COVER_W", "ITEM_DATE", "ITEM_DATE_CN", "ITEM_REGION",
	"ITEM_SUMMARY", "ITEM_TITLE", "ITEM_URL", "LANG", "LASTMOD",
	"LIST_COUNT", "LIST_TITLE", "MINUTES", "NAV", "NAV_CURRENT",
	"NAV_LABEL", "NAV_URL", "NEWS", "NEXT_PAGE_URL", "NEXT_TITLE",
	"NEXT_URL", "NEXT_YEAR_NUM", "NEXT_YEAR_URL", "NOT_CURRENT", "OFFICE",
	"ORG_BRAND", "ORG_BRAND_URL", "ORG_CARD", "ORG_DEMO", "ORG_HONOURS",
	"ORG_KIND", "ORG_LEVEL", "ORG_NAME", "ORG_REGION", "ORG_ROUND",
	"ORG_STARS", "ORG_STARS_TEXT", "ORG_TIER", "PAGE_COUNT", "PAGE_LINKS",
	"PAGE_NO", "PAGE_NUM", "PAGE_URL", "PAGINATION", "POINT_NAME",
	"POINT_ORDER", "POINT_REGION", "PREV_PAGE_URL", "PREV_TITLE",
	"PREV_URL", "PREV_YEAR_NUM", "PREV_YEAR_URL", "REGION", "RELATED",
	"REL_DATE_CN", "REL_TITLE", "REL_URL", "ROOT", "SITE_TITLE",
	"SITE_URL", "STATS_URL", "SUMMARY", "TAGS", "TAG_COUNT", "TAG_NAME",
	"TAG_URL", "TITLE", "TOC", "UPDATED", "URL", "URLS", "VERSION",
	"YEAR", "YEARS", "YEAR_NUM", "YEAR_URL", NULL,
};

static int
in_list(const char *const *list, const char *name)
{
	size_t n = 0;

	while (list[n])
		n++;
	return bsearch(&name, list, n, sizeof(*list), strptr_cmp) != NULL;
}

int
render_name_known(const char *name)
{
	return in_list(render_names, name) || in_list(stats_names, name) ||
	       in_list(bulletin_names, name) || in_list(screen_names, name);
}

/* Where name is first used in the template file, for the diagnostic. */
static void
find_use(const char *path, const char *name, int *line, int *col)
{
	struct buf text = BUF_INIT;
	const char *at, *s;

	*line = *col = 0;
	if (path && file_read(path, &text) == 0 && (at = strstr(text.ptr, name))) {
		*line = *col = 1;
		for (s = text.ptr; s < at; s++) {
			if (*s == '\n')
				(*line)++, *col = 1;
			else if (((unsigned char)*s & 0xC0) != 0x80)
				(*col)++;
		}
	}
	buf_release(&text);
}

/* True when the template name is LABEL_<KEY> of a label the site has. */
static int
is_label(const struct site *site, const char *name)
{
	struct buf b = BUF_INIT;
	size_t i;
	int found = 0;

	for (i = 0; !found && i < site->nlabels; i++) {
		buf_reset(&b);
		pagedict_label_name(&b, site->labels[i].key);
		found = !strcmp(b.ptr, name);
	}
	buf_release(&b);
	return found;
}

/*
 * A typo in a template is silent in ctemplate: report every name a
 * template uses that showcase never provides. Cheap (per template, not
 * per page), so build and check both do it, before rendering.
 */
void
render_load_templates(struct tmpl *t, const struct site *site,
		      struct diag *d)
{
	size_t i, j;

	for (i = 0; render_templates[i]; i++)
		tmpl_load(t, render_templates[i], d);
	for (i = 0; render_templates[i]; i++) {
		const char *name = render_templates[i];
		char **names = tmpl_names(t, name);
		const char *path = tmpl_path(t, name);

		for (j = 0; names && names[j]; j++) {
			int line, col;

			if (render_name_known(names[j]) || is_label(site, names[j]))
				continue;
			find_use(path, names[j], &line, &col);
			diag_error(d, path ? path : name, line, col,
				   "template uses \"%s\", which showcase does not provide",
				   names[j]);
		}
		tmpl_names_free(names);
	}
}

void
render_check_keys(const struct render *r, struct diag *d)
{
	char **keys = r->keys;
	size_t i;

	for (i = 0; keys && keys[i]; i++)
		if (strncmp(keys[i], "LABEL_", 6) && !render_name_known(keys[i]))
			diag_error(d, "generator/render.c", 0, 0,
				   "internal error: \"%s\" is set but missing from render_names",
				   keys[i]);
}

void
render_init(struct render *r, const struct site *site,
	    const struct content *c, struct tmpl *t, int collect)
{
	memset(r, 0, sizeof(*r));
	r->pd.site = site;
	r->pd.content = c;
	r->tmpl = t;
	r->collect = collect;
	pthread_mutex_init(&r->lock, NULL);
}

/* For check: every key a dictionary was given, to match the templates. */
static void
collect_keys(struct render *r, struct tmpl_dict *dict)
{
	if (r->collect) {
		pthread_mutex_lock(&r->lock);
		tmpl_dict_keys(dict, &r->keys);
		pthread_mutex_unlock(&r->lock);
	}
}

void
render_release(struct render *r)
{
	tmpl_names_free(r->keys);
	pthread_mutex_destroy(&r->lock);
}

/* The URL of the first list page of a tag, region, belt or brand. */
static void
set_term_url(struct tmpl_dict *d, const char *key, const char *root,
	     enum routes_term folder, const char *name)
{
	char *path = routes_term(folder, name);

	pagedict_url(d, key, root, path);
	free(path);
}

/*
 * An image with its resized variants: <key>_URL (the best default),
 * <key>_SRCSET, <key>_W and <key>_H. Without variants (a page loaded
 * without an image set) the original is used.
 */
static void
set_image(struct tmpl_dict *d, const char *key, const char *root,
	  const struct image_ref *ref)
{
	struct buf k = BUF_INIT, v = BUF_INIT;

	buf_addf(&k, "%s_URL", key);
	if (ref->nvariants)
		image_ref_src(ref, root, &v);
	else if (ref->url) {
		buf_addstr(&v, root);
		buf_addurl(&v, ref->url);
	}
	tmpl_dict_set(d, k.ptr, v.ptr);
	buf_reset(&k);
	buf_reset(&v);
	buf_addf(&k, "%s_SRCSET", key);
	image_ref_srcset(ref, root, &v);
	tmpl_dict_set(d, k.ptr, v.ptr);
	buf_reset(&k);
	buf_addf(&k, "%s_W", key);
	tmpl_dict_setint(d, k.ptr, ref->width);
	buf_reset(&k);
	buf_addf(&k, "%s_H", key);
	tmpl_dict_setint(d, k.ptr, ref->height);
	buf_release(&k);
	buf_release(&v);
}

static void
fill_tags(struct tmpl_dict *d, const struct page *p, const char *root)
{
	size_t i;

	for (i = 0; i < p->front.ntags; i++) {
		struct tmpl_dict *t = tmpl_dict_section(d, "TAGS");

		tmpl_dict_set(t, "TAG_NAME", p->front.tags[i]);
		set_term_url(t, "TAG_URL", root, ROUTES_TAG, p->front.tags[i]);
	}
}

/* One case as an item of a list (card). */
static void
fill_item(struct tmpl_dict *item, const struct page *p, const char *root)
{
	tmpl_dict_set(item, "ITEM_TITLE", p->front.title);
	pagedict_url(item, "ITEM_URL", root, p->url);
	tmpl_dict_set(item, "ITEM_DATE", p->front.date ? p->front.date : "");
	pagedict_date(item, "ITEM_DATE_CN", p->front.date);
	tmpl_dict_set(item, "ITEM_SUMMARY", p->summary);
	if (p->front.region) {
		tmpl_dict_show(item, "HAS_ITEM_REGION");
		tmpl_dict_set(item, "ITEM_REGION", p->front.region);
	}
	if (p->front.cover) {
		struct tmpl_dict *c = tmpl_dict_section(item, "HAS_ITEM_COVER");

		set_image(c, "ITEM_COVER", root, &p->cover);
	}
	fill_tags(item, p, root);
}

static void
fill_card(const struct render *r, struct tmpl_dict *section,
	  const struct page *p, const char *root)
{
	struct tmpl_dict *card = tmpl_dict_include(section, "CARD",
						   "partials/card.tpl");

	pagedict_common(&r->pd, card, root);
	fill_item(card, p, root);
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
	pagedict_common(&r->pd, pg, o->root);
	tmpl_dict_setint(pg, "PAGE_NO", o->pageno);
	tmpl_dict_setint(pg, "PAGE_COUNT", o->pages);
	if (o->pageno > 1) {
		struct tmpl_dict *s = tmpl_dict_section(pg, "HAS_PREV_PAGE");

		path = routes_list_page(first, o->pageno - 1);
		pagedict_url(s, "PREV_PAGE_URL", o->root, path);
		free(path);
	}
	if (o->pageno < o->pages) {
		struct tmpl_dict *s = tmpl_dict_section(pg, "HAS_NEXT_PAGE");

		path = routes_list_page(first, o->pageno + 1);
		pagedict_url(s, "NEXT_PAGE_URL", o->root, path);
		free(path);
	}
	for (i = 1; i <= o->pages; i++) {
		struct tmpl_dict *s = tmpl_dict_section(pg, "PAGE_LINKS");

		path = routes_list_page(first, i);
		tmpl_dict_setint(s, "PAGE_NUM", i);
		pagedict_url(s, "PAGE_URL", o->root, path);
		tmpl_dict_show(s, i == o->pageno ? "IS_CURRENT" : "NOT_CURRENT");
		free(path);
	}
}

static void
fill_list(const struct render *r, struct tmpl_dict *d,
	  const struct output *o, const size_t *items, size_t nitems,
	  const char *title, const char *first)
{
	size_t from = (size_t)(o->pageno - 1) * (size_t)r->pd.site->per_page;
	size_t to = from + (size_t)r->pd.site->per_page, i;

	tmpl_dict_set(d, "LIST_TITLE", title);
	/* 共N篇: every case of the list, not only this page's */
	tmpl_dict_setint(d, "LIST_COUNT", (long long)nitems);
	if (to > nitems)
		to = nitems;
	if (!nitems)
		tmpl_dict_show(d, "EMPTY");
	for (i = from; i < to; i++) {
		const struct page *p = &r->pd.content->cases[items ? items[i] : i];

		fill_card(r, tmpl_dict_section(d, "ITEMS"), p, o->root);
	}
	fill_pagination(r, d, o, first);
}

static void
crumb(struct tmpl_dict *layout, const char *label, const char *path,
      const char *root)
{
	struct tmpl_dict *c = tmpl_dict_section(layout, "BREADCRUMB");

	tmpl_dict_show(layout, "HAS_CRUMBS");

	tmpl_dict_set(c, "CRUMB_LABEL", label);
	if (path)
		pagedict_url(tmpl_dict_section(c, "CRUMB_LINK"), "CRUMB_URL", root, path);
	else
		tmpl_dict_show(c, "CRUMB_LAST");
}

static void
fill_case(const struct render *r, struct tmpl_dict *d, const struct output *o)
{
	const struct content *c = r->pd.content;
	const struct page *p = &c->cases[o->index];
	size_t i, j, k, nrel = 0, rel[4];

	tmpl_dict_set(d, "TITLE", p->front.title);
	tmpl_dict_set(d, "DATE", p->front.date ? p->front.date : "");
	pagedict_date(d, "DATE_CN", p->front.date);
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
		set_image(tmpl_dict_section(d, "HAS_COVER"), "COVER", o->root,
			  &p->cover);
	fill_tags(d, p, o->root);
	/* Newest first: the previous case is the newer one. */
	if (o->index > 0) {
		struct tmpl_dict *s = tmpl_dict_section(d, "HAS_PREV");

		tmpl_dict_set(s, "PREV_TITLE", c->cases[o->index - 1].front.title);
		pagedict_url(s, "PREV_URL", o->root, c->cases[o->index - 1].url);
	}
	if (o->index + 1 < c->ncases) {
		struct tmpl_dict *s = tmpl_dict_section(d, "HAS_NEXT");

		tmpl_dict_set(s, "NEXT_TITLE", c->cases[o->index + 1].front.title);
		pagedict_url(s, "NEXT_URL", o->root, c->cases[o->index + 1].url);
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
			pagedict_url(s, "REL_URL", o->root, c->cases[q].url);
			pagedict_date(s, "REL_DATE_CN", c->cases[q].front.date);
		}
	}
	if (nrel)
		tmpl_dict_show(d, "HAS_RELATED");
}

/* How many weighted cases come before case i (the featured order). */
/* Items of the home page's two columns: 工作动态 and 简报. */
enum { HOME_NEWS = 7, HOME_BULLETINS = 5 };

static void
fill_home(const struct render *r, struct tmpl_dict *d, const struct output *o)
{
	static const char *const home_charts[] = {
		"targets", "coverage_by_region", "tiers", "red_collar",
	};
	const struct content *c = r->pd.content;
	size_t i, n = 0;

	tmpl_dict_set(d, "DESCRIPTION", r->pd.site->description);
	/* Featured: the cases with a weight, lightest first; the rest of the
	 * latest list follows below them. */
	for (i = 0; i < c->ncases && n < (size_t)r->pd.site->featured; i++) {
		if (!c->cases[i].front.weight)
			continue;
		fill_card(r, tmpl_dict_section(d, "FEATURED"), &c->cases[i], o->root);
		n++;
	}
	if (n)
		tmpl_dict_show(d, "HAS_FEATURED");
	/* 工作动态: the latest cases by date, featured or not. */
	for (i = 0; i < c->ncases && i < HOME_NEWS; i++) {
		const struct page *p = &c->cases[i];
		struct tmpl_dict *s = tmpl_dict_section(d, "NEWS");

		tmpl_dict_set(s, "ITEM_TITLE", p->front.title);
		pagedict_url(s, "ITEM_URL", o->root, p->url);
		tmpl_dict_set(s, "ITEM_DATE", p->front.date ? p->front.date : "");
		pagedict_date(s, "ITEM_DATE_CN", p->front.date);
	}
	if (!c->ncases)
		tmpl_dict_show(d, "EMPTY");
	for (i = 0; i < c->ntags; i++) {
		struct tmpl_dict *t = tmpl_dict_section(d, "ALL_TAGS");

		tmpl_dict_set(t, "TAG_NAME", c->tags[i].name);
		tmpl_dict_setint(t, "TAG_COUNT", (long long)c->tags[i].npages);
		set_term_url(t, "TAG_URL", o->root, ROUTES_TAG, c->tags[i].name);
	}
	pagedict_url(d, "CASES_URL", o->root, ROUTES_CASES);
	pagedict_url(d, "STATS_URL", o->root, ROUTES_STATS);
	stats_headlines(d, r->pd.model,
			site_setting(r->pd.site, "home", "figures"));
	for (i = 0; i < sizeof(home_charts) / sizeof(home_charts[0]); i++)
		pagedict_model_chart(&r->pd, d, "HOME_CHARTS", home_charts[i],
				     o->root, DOC_CARD);
	/* The latest bulletins and the belts, each a short list. */
	for (i = 0; i < c->nbulletins && i < HOME_BULLETINS; i++) {
		const struct page *p = &c->bulletins[i];
		struct tmpl_dict *s = tmpl_dict_section(d, "HOME_BULLETINS");

		tmpl_dict_set(s, "ITEM_TITLE", p->front.title);
		tmpl_dict_set(s, "ITEM_DATE", p->front.date ? p->front.date : "");
		pagedict_date(s, "ITEM_DATE_CN", p->front.date);
		bulletin_item_fill(s, &r->pd, i, o->depth, r->pdf ? DOC_PDF : 0);
	}
	if (c->nbulletins)
		pagedict_url(tmpl_dict_section(d, "HAS_HOME_BULLETINS"), "BULLETINS_URL",
			o->root, ROUTES_BULLETINS);
	for (i = 0; i < r->pd.model->nbelts; i++) {
		const struct model_belt *b = &r->pd.model->belts[i];
		struct tmpl_dict *s = tmpl_dict_section(d, "HOME_BELTS");
		char *path = routes_term(ROUTES_BELT, b->id);

		tmpl_dict_set(s, "BELT_NAME", b->name);
		tmpl_dict_set(s, "BELT_KIND", model_belt_kind_label(b->kind));
		tmpl_dict_setint(s, "BELT_COUNT", (long long)b->npoints);
		pagedict_url(s, "BELT_URL", o->root, path);
		free(path);
	}
	if (r->pd.model->nbelts)
		pagedict_url(tmpl_dict_section(d, "HAS_HOME_BELTS"), "BELTS_URL", o->root,
			ROUTES_BELTS);
}

/* A brand's name by id, or NULL. */
static const struct model_brand *
brand_of(const struct model *m, const char *id)
{
	size_t i;

	for (i = 0; id && i < m->nbrands; i++)
		if (!strcmp(m->brands[i].id, id))
			return &m->brands[i];
	return NULL;
}

/*
 * The organisation's card: what is public of it. The weak tier is for
 * the internal report only, so a weak organisation shows no tier.
 */
static void
fill_org(const struct render *r, struct tmpl_dict *d, const char *id,
	 const char *root)
{
	const struct model_org *org = id ? model_org(r->pd.model, id) : NULL;
	const struct model_brand *br;
	struct tmpl_dict *card;
	struct buf b = BUF_INIT;

	if (!org)
		return;
	card = tmpl_dict_include(d, "ORG_CARD", "partials/org.tpl");
	pagedict_common(&r->pd, card, root);
	tmpl_dict_set(card, "ORG_NAME", org->name);
	tmpl_dict_set(card, "ORG_REGION", org->region);
	tmpl_dict_set(card, "ORG_KIND", model_kind_label(org->kind));
	if (org->level != MODEL_LEVEL_NONE)
		tmpl_dict_set(tmpl_dict_section(card, "HAS_ORG_LEVEL"), "ORG_LEVEL",
			      model_level_label(org->level));
	if (org->tier > MODEL_TIER_WEAK) {
		struct tmpl_dict *t = tmpl_dict_section(card, "HAS_ORG_TIER");

		tmpl_dict_set(t, "ORG_TIER", model_tier_label(org->tier));
		pagedict_stars(&b, org->stars);
		tmpl_dict_set(t, "ORG_STARS_TEXT", b.ptr);
		tmpl_dict_setint(t, "ORG_STARS", org->stars);
		buf_reset(&b);
		date_cn(&b, org->round);
		tmpl_dict_set(t, "ORG_ROUND", b.ptr);
	}
	if (org->demo != MODEL_DEMO_NONE)
		tmpl_dict_set(tmpl_dict_section(card, "HAS_ORG_DEMO"), "ORG_DEMO",
			      model_demo_label(org->demo));
	if ((br = brand_of(r->pd.model, org->brand))) {
		struct tmpl_dict *t = tmpl_dict_section(card, "HAS_ORG_BRAND");
		char *path = routes_term(ROUTES_BRAND, br->id);

		tmpl_dict_set(t, "ORG_BRAND", br->name);
		pagedict_url(t, "ORG_BRAND_URL", root, path);
		free(path);
	}
	buf_reset(&b);
	honours_line(r->pd.model->honours, org->id, &b);
	if (b.len)
		tmpl_dict_set(tmpl_dict_section(card, "HAS_ORG_HONOURS"),
			      "ORG_HONOURS", b.ptr);
	buf_release(&b);
}

/* ---- One function per kind of output. ---- */

struct pctx {
	struct render *r;
	const struct output *o;
	struct tmpl_dict *layout;
	struct tmpl_dict *body;
	struct buf title;   /* the page's own title; " - site" is added */
	const char *nav;    /* the navigation item this page belongs to */
	const char *desc;
};

static void
crumbs(struct pctx *x, const char *label, const char *path)
{
	if (!x->layout)
		return;
	crumb(x->layout, label, path, x->o->root);
}

static const char *
label(const struct pctx *x, const char *key)
{
	return site_label(x->r->pd.site, key);
}

/* The list pages of a set of cases, with the crumbs leading to them. */
static void
list_page(struct pctx *x, const size_t *items, size_t n, const char *name,
	  const char *first, const char *parent_label, const char *parent)
{
	buf_addstr(&x->title, name);
	crumbs(x, label(x, "home"), ROUTES_HOME);
	if (parent)
		crumbs(x, parent_label, parent);
	crumbs(x, name, NULL);
	fill_list(x->r, x->body, x->o, items, n, name, first);
}

/* A page one level below home: its title and its crumbs. */
static void
top_page(struct pctx *x, const char *key)
{
	buf_addstr(&x->title, label(x, key));
	crumbs(x, label(x, "home"), ROUTES_HOME);
	crumbs(x, label(x, key), NULL);
}

static void
k_home(struct pctx *x)
{
	tmpl_dict_show(x->layout, "IS_HOME");
	fill_home(x->r, x->body, x->o);
}

static void
k_case(struct pctx *x)
{
	const struct page *p = &x->r->pd.content->cases[x->o->index];

	buf_addstr(&x->title, p->front.title);
	x->desc = p->summary;
	crumbs(x, label(x, "home"), ROUTES_HOME);
	crumbs(x, label(x, "cases"), ROUTES_CASES);
	crumbs(x, p->front.title, NULL);
	fill_case(x->r, x->body, x->o);
	fill_org(x->r, x->body, p->front.org, x->o->root);
}

static void
k_page(struct pctx *x)
{
	const struct page *p = &x->r->pd.content->pages[x->o->index];

	buf_addstr(&x->title, p->front.title);
	x->desc = p->summary;
	x->nav = p->url;
	crumbs(x, label(x, "home"), ROUTES_HOME);
	crumbs(x, p->front.title, NULL);
	tmpl_dict_set(x->body, "TITLE", p->front.title);
	tmpl_dict_set(x->body, "BODY", p->md.html.ptr);
	if (p->md.toc.len)
		tmpl_dict_set(tmpl_dict_section(x->body, "HAS_TOC"), "TOC", p->md.toc.ptr);
}

static void
k_case_list(struct pctx *x)
{
	list_page(x, NULL, x->r->pd.content->ncases, label(x, "cases"),
		  ROUTES_CASES, NULL, NULL);
}

static void
terms_index(struct pctx *x, const struct content_term *t, size_t n,
	    enum routes_term folder, const char *name)
{
	size_t i;

	buf_addstr(&x->title, name);
	crumbs(x, label(x, "home"), ROUTES_HOME);
	crumbs(x, name, NULL);
	tmpl_dict_set(x->body, "LIST_TITLE", name);
	for (i = 0; i < n; i++) {
		struct tmpl_dict *s = tmpl_dict_section(x->body, "ALL_TAGS");

		tmpl_dict_set(s, "TAG_NAME", t[i].name);
		tmpl_dict_setint(s, "TAG_COUNT", (long long)t[i].npages);
		set_term_url(s, "TAG_URL", x->o->root, folder, t[i].name);
	}
	if (!n)
		tmpl_dict_show(x->body, "EMPTY");
}

static void
k_tag_index(struct pctx *x)
{
	terms_index(x, x->r->pd.content->tags, x->r->pd.content->ntags, ROUTES_TAG,
		    label(x, "tags"));
}

static void
k_tag_list(struct pctx *x)
{
	const struct content_term *t = &x->r->pd.content->tags[x->o->index];
	char *first = routes_term(ROUTES_TAG, t->name);

	list_page(x, t->pages, t->npages, t->name, first, label(x, "tags"),
		  ROUTES_TAGS);
	free(first);
}

static void
k_region_index(struct pctx *x)
{
	terms_index(x, x->r->pd.content->regions, x->r->pd.content->nregions,
		    ROUTES_REGION, label(x, "regions"));
}

static void
k_region_list(struct pctx *x)
{
	const struct content_term *t = &x->r->pd.content->regions[x->o->index];
	char *first = routes_term(ROUTES_REGION, t->name);

	list_page(x, t->pages, t->npages, t->name, first, label(x, "regions"),
		  ROUTES_REGIONS);
	free(first);
}

static void
k_belt_index(struct pctx *x)
{
	const struct model *m = x->r->pd.model;
	size_t i;

	top_page(x, "belts");
	for (i = 0; i < m->nbelts; i++) {
		struct tmpl_dict *s = tmpl_dict_section(x->body, "BELTS");
		char *path = routes_term(ROUTES_BELT, m->belts[i].id);

		tmpl_dict_set(s, "BELT_NAME", m->belts[i].name);
		tmpl_dict_set(s, "BELT_KIND", model_belt_kind_label(m->belts[i].kind));
		tmpl_dict_set(s, "BELT_SUMMARY", m->belts[i].summary ? m->belts[i].summary : "");
		tmpl_dict_setint(s, "BELT_COUNT", (long long)m->belts[i].npoints);
		tmpl_dict_setint(s, "BELT_CASES", (long long)plan_belt_cases(
			x->r->pd.content, &m->belts[i], NULL));
		pagedict_url(s, "BELT_URL", x->o->root, path);
		free(path);
	}
	if (!m->nbelts)
		tmpl_dict_show(x->body, "EMPTY");
}

/* A belt's route as a chart, drawn with the others. */
static void
route_chart(const struct render *r, struct tmpl_dict *d,
	    const struct model_belt *b, const char *root)
{
	struct chart *c;
	struct buf html = BUF_INIT;
	size_t i;

	if (!r->pd.charts || !b->npoints)
		return;
	c = chart_new(CHART_ROUTE);
	chart_set_title(c, b->name);
	for (i = 0; i < b->npoints; i++)
		chart_add_category(c, b->points[i] ? b->points[i]->name :
				   b->point_ids[i]);
	chartset_add(r->pd.charts, c, root, &html, NULL);
	tmpl_dict_set(d, "CHART_HTML", html.ptr);
	buf_release(&html);
}

static void
k_belt(struct pctx *x)
{
	const struct model_belt *b = &x->r->pd.model->belts[x->o->index];
	size_t *items = xcalloc(x->r->pd.content->ncases, sizeof(*items));
	size_t n = plan_belt_cases(x->r->pd.content, b, items);
	char *first = routes_term(ROUTES_BELT, b->id);
	size_t i;

	list_page(x, items, n, b->name, first, label(x, "belts"), ROUTES_BELTS);
	if (x->o->pageno == 1) {
		struct tmpl_dict *in = tmpl_dict_section(x->body, "BELT_INTRO");

		tmpl_dict_set(in, "BELT_KIND", model_belt_kind_label(b->kind));
		tmpl_dict_set(in, "BELT_SUMMARY", b->summary ? b->summary : "");
		tmpl_dict_setint(in, "BELT_COUNT", (long long)b->npoints);
		route_chart(x->r, in, b, x->o->root);
		for (i = 0; i < b->npoints; i++) {
			struct tmpl_dict *p = tmpl_dict_section(in, "BELT_POINTS");

			tmpl_dict_setint(p, "POINT_ORDER", (long long)i + 1);
			tmpl_dict_set(p, "POINT_NAME", b->points[i] ?
				      b->points[i]->name : b->point_ids[i]);
			if (b->points[i])
				tmpl_dict_set(p, "POINT_REGION", b->points[i]->region);
		}
	}
	free(items);
	free(first);
}

static void
k_brand_index(struct pctx *x)
{
	const struct model *m = x->r->pd.model;
	size_t i;

	top_page(x, "brands");
	for (i = 0; i < m->nbrands; i++) {
		const struct model_brand *br = &m->brands[i];
		struct tmpl_dict *s = tmpl_dict_section(x->body, "BRANDS");
		char *path = routes_term(ROUTES_BRAND, br->id);

		tmpl_dict_set(s, "BRAND_NAME", br->name);
		tmpl_dict_set(s, "BRAND_ORG", br->org ? br->org->name : "");
		tmpl_dict_set(s, "BRAND_LEVEL", br->level ? model_demo_label(br->level) : "");
		tmpl_dict_set(s, "BRAND_SUMMARY", br->summary ? br->summary : "");
		tmpl_dict_setint(s, "BRAND_CASES", (long long)plan_brand_cases(
			x->r->pd.content, br, NULL));
		pagedict_url(s, "BRAND_URL", x->o->root, path);
		free(path);
	}
	if (!m->nbrands)
		tmpl_dict_show(x->body, "EMPTY");
}

static void
k_brand(struct pctx *x)
{
	const struct model_brand *br = &x->r->pd.model->brands[x->o->index];
	size_t *items = xcalloc(x->r->pd.content->ncases, sizeof(*items));
	size_t n = plan_brand_cases(x->r->pd.content, br, items);
	char *first = routes_term(ROUTES_BRAND, br->id);

	list_page(x, items, n, br->name, first, label(x, "brands"), ROUTES_BRANDS);
	if (x->o->pageno == 1) {
		struct tmpl_dict *in = tmpl_dict_section(x->body, "BRAND_INTRO");

		tmpl_dict_set(in, "BRAND_SUMMARY", br->summary ? br->summary : "");
		tmpl_dict_set(in, "BRAND_LEVEL", br->level ? model_demo_label(br->level) : "");
		fill_org(x->r, in, br->org_id, x->o->root);
	}
	free(items);
	free(first);
}

static void
k_sites(struct pctx *x)
{
	top_page(x, "sites");
	stats_sites(x->body, x->r->pd.model);
	pagedict_model_chart(&x->r->pd, x->body, "CHART_DEMO", "demo_sites",
			     x->o->root, DOC_CARD);
}

static void
k_gold(struct pctx *x)
{
	top_page(x, "gold");
	stats_gold(x->body, x->r->pd.model);
	pagedict_model_chart(&x->r->pd, x->body, "CHART_TIERS", "tiers",
			     x->o->root, DOC_CARD);
}

/* The link from a year's page to the nearest year before (step -1) or
 * after (1) that the indicators have, if any. */
static void
year_link(struct pctx *x, int year, int step, const char *section,
	  const char *url, const char *num)
{
	const struct model *m = x->r->pd.model;
	int y;

	for (y = year + step; y >= model_first_year(m) && y <= model_latest_year(m);
	     y += step) {
		struct tmpl_dict *s;
		char *path;

		if (!model_has_year(m, y))
			continue;
		s = tmpl_dict_section(x->body, section);
		path = routes_year(y);
		tmpl_dict_setint(s, num, y);
		pagedict_url(s, url, x->o->root, path);
		free(path);
		return;
	}
}

static void
k_year(struct pctx *x)
{
	int year = (int)x->o->index;

	buf_addf(&x->title, "%d年%s", year, label(x, "indicators"));
	crumbs(x, label(x, "home"), ROUTES_HOME);
	crumbs(x, label(x, "stats"), ROUTES_STATS);
	buf_addstr(&x->title, "");
	crumbs(x, x->title.ptr, NULL);
	stats_year(x->body, x->r->pd.model, year);
	x->nav = ROUTES_STATS;
	year_link(x, year, -1, "HAS_PREV_YEAR", "PREV_YEAR_URL", "PREV_YEAR_NUM");
	year_link(x, year, 1, "HAS_NEXT_YEAR", "NEXT_YEAR_URL", "NEXT_YEAR_NUM");
}

static void
k_stats(struct pctx *x)
{
	const struct model *m = x->r->pd.model;
	int y;

	top_page(x, "stats");
	stats_page(x->body, m, x->r->pd.content, x->o->root);
	for (y = model_first_year(m); y && y <= model_latest_year(m); y++) {
		struct tmpl_dict *s;
		char *path;

		if (!model_has_year(m, y))
			continue;
		s = tmpl_dict_section(x->body, "YEARS");
		path = routes_year(y);
		tmpl_dict_setint(s, "YEAR_NUM", y);
		pagedict_url(s, "YEAR_URL", x->o->root, path);
		free(path);
	}
	pagedict_stats_charts(&x->r->pd, x->body, x->o->root, DOC_CARD, NULL);
}

static void
k_bulletin_index(struct pctx *x)
{
	const struct content *c = x->r->pd.content;
	size_t i;

	top_page(x, "bulletins");
	for (i = 0; i < c->nbulletins; i++) {
		const struct page *p = &c->bulletins[i];
		struct tmpl_dict *s = tmpl_dict_section(x->body, "BULLETINS");

		tmpl_dict_set(s, "ITEM_TITLE", p->front.title);
		tmpl_dict_set(s, "ITEM_DATE", p->front.date ? p->front.date : "");
		pagedict_date(s, "ITEM_DATE_CN", p->front.date);
		tmpl_dict_set(s, "ITEM_SUMMARY", p->summary);
		bulletin_item_fill(s, &x->r->pd, i, x->o->depth, x->r->pdf ? DOC_PDF : 0);
	}
	if (!c->nbulletins)
		tmpl_dict_show(x->body, "EMPTY");
	if (plan_brochure_year(x->r->pd.model))
		brochure_item_fill(tmpl_dict_section(x->body, "BROCHURES"), &x->r->pd,
				   plan_brochure_year(x->r->pd.model), x->o->depth,
				   x->r->pdf ? DOC_PDF : 0);
}

static void
k_bulletin(struct pctx *x)
{
	const struct page *p = &x->r->pd.content->bulletins[x->o->index];

	buf_addf(&x->title, "%s 第%d期：%s", bulletin_name(x->r->pd.site),
		 p->front.issue, p->front.title);
	x->desc = p->summary;
	crumbs(x, label(x, "home"), ROUTES_HOME);
	crumbs(x, label(x, "bulletins"), ROUTES_BULLETINS);
	crumbs(x, p->front.title, NULL);
	tmpl_dict_show(x->layout, "DOC_CSS");
	bulletin_fill(x->body, &x->r->pd, x->o->index, x->o->depth,
		      x->r->pdf ? DOC_PDF : 0);
}

static void
k_brochure(struct pctx *x)
{
	brochure_title(&x->r->pd, (int)x->o->index, &x->title);
	crumbs(x, label(x, "home"), ROUTES_HOME);
	crumbs(x, label(x, "bulletins"), ROUTES_BULLETINS);
	crumbs(x, x->title.ptr, NULL);
	tmpl_dict_show(x->layout, "DOC_CSS");
	brochure_fill(x->body, &x->r->pd, (int)x->o->index, x->o->depth,
		      x->r->pdf ? DOC_PDF : 0);
}

/* A print document: print.tpl, no site chrome (bulletin.h, brochure.h). */
static int
render_print(struct render *r, const struct output *o, struct buf *out,
	     struct diag *d)
{
	unsigned flags = DOC_PRINT | (r->pdf ? DOC_PDF : 0);
	struct tmpl_dict *dict = o->kind == OUT_BULLETIN_PRINT ?
		bulletin_print_dict(&r->pd, o->index, o->depth, flags) :
		brochure_print_dict(&r->pd, (int)o->index, o->depth, flags);
	int rc = tmpl_expand(r->tmpl, "print.tpl", dict, out, d);

	collect_keys(r, dict);
	tmpl_dict_free(dict);
	return rc;
}

static void
k_search(struct pctx *x)
{
	top_page(x, "search");
}

static void
k_not_found(struct pctx *x)
{
	buf_addstr(&x->title, label(x, "not_found"));
}

static const struct kind {
	enum output_kind kind;
	const char *tpl;
	const char *nav;
	void (*fill)(struct pctx *x);
} kinds[] = {
	{ OUT_HOME, "home.tpl", ROUTES_HOME, k_home },
	{ OUT_CASE, "case.tpl", ROUTES_CASES, k_case },
	{ OUT_PAGE, "page.tpl", NULL, k_page },
	{ OUT_CASE_LIST, "list.tpl", ROUTES_CASES, k_case_list },
	{ OUT_TAG_INDEX, "tags.tpl", NULL, k_tag_index },
	{ OUT_TAG_LIST, "list.tpl", NULL, k_tag_list },
	{ OUT_REGION_INDEX, "tags.tpl", ROUTES_REGIONS, k_region_index },
	{ OUT_REGION_LIST, "list.tpl", ROUTES_REGIONS, k_region_list },
	{ OUT_BELT_INDEX, "belts.tpl", ROUTES_BELTS, k_belt_index },
	{ OUT_BELT, "list.tpl", ROUTES_BELTS, k_belt },
	{ OUT_BRAND_INDEX, "brands.tpl", ROUTES_BRANDS, k_brand_index },
	{ OUT_BRAND, "list.tpl", ROUTES_BRANDS, k_brand },
	{ OUT_SITES, "sites.tpl", ROUTES_SITES, k_sites },
	{ OUT_GOLD, "gold.tpl", ROUTES_GOLD, k_gold },
	{ OUT_YEAR, "year.tpl", ROUTES_STATS, k_year },
	{ OUT_STATS, "stats.tpl", ROUTES_STATS, k_stats },
	{ OUT_BULLETIN_INDEX, "bulletins.tpl", ROUTES_BULLETINS, k_bulletin_index },
	{ OUT_BULLETIN, "bulletin.tpl", ROUTES_BULLETINS, k_bulletin },
	{ OUT_BROCHURE, "brochure.tpl", ROUTES_BULLETINS, k_brochure },
	{ OUT_SEARCH, "search.tpl", ROUTES_SEARCH, k_search },
	{ OUT_NOT_FOUND, "404.tpl", NULL, k_not_found },
};

/*
 * The main navigation: the site's sections. Tags and the single pages
 * (关于本站) are linked from the footer instead, so that the menu names
 * every kind of page a reader looks for (示范点, 金色党组织, 区域) and
 * each of its labels names one page.
 */
static const struct {
	const char *label, *path;
} nav_items[] = {
	{ "home", ROUTES_HOME },
	{ "cases", ROUTES_CASES },
	{ "belts", ROUTES_BELTS },
	{ "sites", ROUTES_SITES },
	{ "nav_gold", ROUTES_GOLD },
	{ "brands", ROUTES_BRANDS },
	{ "regions", ROUTES_REGIONS },
	{ "stats", ROUTES_STATS },
	{ "bulletins", ROUTES_BULLETINS },
};

static void
fill_nav(const struct render *r, struct tmpl_dict *layout,
	 const struct output *o, const char *current)
{
	size_t i;

	for (i = 0; i < sizeof(nav_items) / sizeof(nav_items[0]); i++) {
		struct tmpl_dict *s = tmpl_dict_section(layout, "NAV");

		tmpl_dict_set(s, "NAV_LABEL", site_label(r->pd.site, nav_items[i].label));
		pagedict_url(s, "NAV_URL", o->root, nav_items[i].path);
		if (current && !strcmp(current, nav_items[i].path))
			tmpl_dict_show(s, "NAV_CURRENT");
	}
}

const struct site_key render_site_keys[] = {
	{ "footer", "host", SITE_STRING, 0 },
	{ "footer", "organizer", SITE_STRING, 0 },
	{ "footer", "address", SITE_STRING, 0 },
	{ "footer", "phone", SITE_STRING, 0 },
	{ "footer", "notice", SITE_STRING, 0 },
	{ NULL, NULL, SITE_OBJECT, 0 },
};

/*
 * The footer: the pages the menu leaves out (tags, the single pages, the
 * feed), then who runs the site, where and how to reach them, and the
 * notice that the site is for the intranet (site.json "footer").
 */
static void
fill_footer(const struct render *r, struct tmpl_dict *layout,
	    const struct output *o)
{
	static const struct {
		const char *key, *section, *value;
	} lines[] = {
		{ "host", "HAS_FOOTER_HOST", "FOOTER_HOST" },
		{ "organizer", "HAS_FOOTER_ORGANIZER", "FOOTER_ORGANIZER" },
		{ "address", "HAS_FOOTER_ADDRESS", "FOOTER_ADDRESS" },
		{ "phone", "HAS_FOOTER_PHONE", "FOOTER_PHONE" },
		{ "notice", "HAS_FOOTER_NOTICE", "FOOTER_NOTICE" },
	};
	const struct content *c = r->pd.content;
	struct tmpl_dict *s;
	size_t i;

	for (i = 0; i < c->npages; i++) {
		s = tmpl_dict_section(layout, "FOOTER_LINKS");
		tmpl_dict_set(s, "FOOT_LABEL", c->pages[i].front.title);
		pagedict_url(s, "FOOT_URL", o->root, c->pages[i].url);
	}
	s = tmpl_dict_section(layout, "FOOTER_LINKS");
	tmpl_dict_set(s, "FOOT_LABEL", site_label(r->pd.site, "tags"));
	pagedict_url(s, "FOOT_URL", o->root, ROUTES_TAGS);
	s = tmpl_dict_section(layout, "FOOTER_LINKS");
	tmpl_dict_set(s, "FOOT_LABEL", site_label(r->pd.site, "feed"));
	pagedict_url(s, "FOOT_URL", o->root, ROUTES_FEED);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		const char *v = site_setting_str(r->pd.site, "footer", lines[i].key);

		if (!v)
			continue;
		tmpl_dict_set(tmpl_dict_section(layout, lines[i].section),
			      lines[i].value, v);
		if (!strcmp(lines[i].key, "address") || !strcmp(lines[i].key, "phone"))
			tmpl_dict_show(layout, "HAS_FOOTER_CONTACT");
	}
}

/* ---- Feeds for machines: Atom, the sitemap, robots.txt. ---- */

/* An absolute URL where the site has a base_url, else the path itself. */
static void
set_abs(const struct render *r, struct tmpl_dict *d, const char *key,
	const char *path)
{
	struct buf b = BUF_INIT;

	buf_addstr(&b, r->pd.site->base_url);
	buf_addurl(&b, path);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

static int
render_xml(struct render *r, const struct output *o, struct buf *out,
	   struct diag *d)
{
	const struct content *c = r->pd.content;
	struct tmpl_dict *dict = tmpl_dict_new(o->kind == OUT_FEED ? "feed" : "sitemap");
	size_t i, n;
	int rc;

	tmpl_dict_set(dict, "SITE_TITLE", r->pd.site->title);
	tmpl_dict_set(dict, "OFFICE", r->pd.site->office);
	set_abs(r, dict, "SITE_URL", ROUTES_HOME);
	set_abs(r, dict, "FEED_URL", ROUTES_FEED);
	/* Atom wants an IRI for ids; without a base_url, a URN will do. */
	tmpl_dict_set(dict, "FEED_ID", *r->pd.site->base_url ? r->pd.site->base_url :
		      "urn:showcase:site");
	if (o->kind == OUT_FEED) {
		tmpl_dict_set(dict, "UPDATED", c->ncases && c->cases[0].front.date ?
			      c->cases[0].front.date : "1970-01-01");
		n = c->ncases < 20 ? c->ncases : 20;
		for (i = 0; i < n; i++) {
			const struct page *p = &c->cases[i];
			struct tmpl_dict *e = tmpl_dict_section(dict, "ENTRIES");

			tmpl_dict_set(e, "TITLE", p->front.title);
			set_abs(r, e, "URL", p->url);
			tmpl_dict_set(e, "DATE", p->front.date ? p->front.date : "1970-01-01");
			tmpl_dict_set(e, "SUMMARY", p->summary);
			if (*r->pd.site->base_url)
				set_abs(r, e, "ID", p->url);
			else {
				struct buf id = BUF_INIT;

				BUF_ADDLIT(&id, "urn:showcase:");
				buf_addurl(&id, p->url);
				tmpl_dict_set(e, "ID", id.ptr);
				buf_release(&id);
			}
		}
	} else {
		const struct plan *pl = r->plan;

		for (i = 0; pl && i < pl->n; i++) {
			const struct output *q = &pl->outs[i];
			struct tmpl_dict *e;

			if (q->kind == OUT_NOT_FOUND || q->kind == OUT_SEARCH ||
			    q->kind == OUT_BULLETIN_PRINT || q->kind == OUT_BROCHURE_PRINT ||
			    q->kind == OUT_FEED || q->kind == OUT_SITEMAP ||
			    q->kind == OUT_ROBOTS || q->kind == OUT_SCREEN ||
			    q->kind == OUT_SCREEN_VERSION)
				continue;
			e = tmpl_dict_section(dict, "URLS");
			set_abs(r, e, "URL", q->path);
			if (q->kind == OUT_CASE && c->cases[q->index].front.date)
				tmpl_dict_set(tmpl_dict_section(e, "HAS_LASTMOD"),
					      "LASTMOD", c->cases[q->index].front.date);
		}
	}
	rc = tmpl_expand(r->tmpl, o->kind == OUT_FEED ? "feed.tpl" : "sitemap.tpl",
			 dict, out, d);
	collect_keys(r, dict);
	tmpl_dict_free(dict);
	return rc;
}

int
render_output(struct render *r, const struct output *o, struct buf *out,
	      struct diag *d)
{
	const struct site *s = r->pd.site;
	const struct content *c = r->pd.content;
	const struct kind *k = NULL;
	struct pctx x;
	size_t i;
	int rc;

	if (o->kind == OUT_FEED || o->kind == OUT_SITEMAP)
		return render_xml(r, o, out, d);
	if (o->kind == OUT_BULLETIN_PRINT || o->kind == OUT_BROCHURE_PRINT)
		return render_print(r, o, out, d);
	if (o->kind == OUT_SCREEN || o->kind == OUT_SCREEN_VERSION) {
		struct tmpl_dict *dict = tmpl_dict_new("screen");

		rc = screen_render(&r->pd, r->tmpl, o, dict, out, d);
		collect_keys(r, dict);
		tmpl_dict_free(dict);
		return rc;
	}
	if (o->kind == OUT_ROBOTS) {
		BUF_ADDLIT(out, "User-agent: *\nAllow: /\n");
		if (*s->base_url)
			buf_addf(out, "Sitemap: %s" ROUTES_SITEMAP "\n", s->base_url);
		return 0;
	}
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].kind == o->kind)
			k = &kinds[i];
	if (!k) {
		diag_error(d, o->path, 0, 0, "internal error: no template for this page");
		return -1;
	}

	memset(&x, 0, sizeof(x));
	x.r = r;
	x.o = o;
	x.nav = k->nav;
	x.desc = s->description;
	buf_init(&x.title, 0);
	x.layout = tmpl_dict_new("layout");
	pagedict_common(&r->pd, x.layout, o->root);
	tmpl_dict_set(x.layout, "LANG", s->language);
	tmpl_dict_set(x.layout, "OFFICE", s->office);
	tmpl_dict_set(x.layout, "COPYRIGHT", s->copyright);
	/* The footer year comes from the content, never from the clock:
	 * the same input must give the same bytes. */
	if (*s->year)
		tmpl_dict_set(x.layout, "YEAR", s->year);
	else
		tmpl_dict_setn(x.layout, "YEAR", c->latest_date,
			       strlen(c->latest_date) >= 4 ? 4 : 0);
	tmpl_dict_set(x.layout, "VERSION", r->pd.version ? r->pd.version : "");
	x.body = tmpl_dict_include(x.layout, "CONTENT", k->tpl);
	pagedict_common(&r->pd, x.body, o->root);

	k->fill(&x);

	if (o->kind != OUT_HOME) {
		if (o->pages > 1 && o->pageno > 1)
			buf_addf(&x.title, "（第%d页）", o->pageno);
		buf_addf(&x.title, " - %s", s->title);
	} else {
		buf_addstr(&x.title, s->title);
	}
	tmpl_dict_set(x.layout, "DOC_TITLE", x.title.ptr);
	tmpl_dict_set(x.layout, "DESCRIPTION", x.desc);
	fill_nav(r, x.layout, o, x.nav);
	fill_footer(r, x.layout, o);

	rc = tmpl_expand(r->tmpl, "layout.tpl", x.layout, out, d);
	collect_keys(r, x.layout);
	buf_release(&x.title);
	tmpl_dict_free(x.layout);
	return rc;
}
