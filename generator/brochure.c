/*
 * The brochure's dictionary: the figures and lists of the statistics page
 * (stats.h), the charts at print resolution, the chapters the data has
 * and the selected case studies. Which chapters there are is decided
 * here, so that their numbers (一、二、...) and the contents page agree.
 */
#include <string.h>

#include "buf.h"
#include "brochure.h"
#include "content.h"
#include "model.h"
#include "pagedict.h"
#include "routes.h"
#include "site.h"
#include "stats.h"
#include "tmpl.h"
#include "typeset.h"
#include "util.h"
#include "venue.h"

/* Case studies the brochure takes when site.json does not name them. */
#define DEFAULT_CASES 4

static void
subtitle(const struct pagedict *pd, int year, struct buf *out)
{
	const char *s = site_setting_str(pd->site, "brochure", "subtitle");

	if (s)
		buf_addstr(out, s);
	else
		buf_addf(out, "%d年度工作总结", year);
}

static const char *
title(const struct pagedict *pd)
{
	const char *t = site_setting_str(pd->site, "brochure", "title");

	return t ? t : pd->site->title;
}

void
brochure_title(const struct pagedict *pd, int year, struct buf *out)
{
	buf_addstr(out, title(pd));
	buf_addch(out, ' ');
	subtitle(pd, year, out);
}

/* The chapters, in order; each shows when the data has what it needs. */
enum chapter {
	CH_OVERVIEW, CH_COVERAGE, CH_TIERS, CH_BELTS, CH_BRANDS, CH_VENUES,
	CH_TALENT, CH_CASES, NCHAPTERS
};

static const struct {
	const char *section, *id, *title;
} chapters[NCHAPTERS] = {
	{ "CH_OVERVIEW", "overview", "年度概况" },
	{ "CH_COVERAGE", "coverage", "组织覆盖" },
	{ "CH_TIERS", "tiers", "分类定级" },
	{ "CH_BELTS", "belts", "示范带和示范点" },
	{ "CH_BRANDS", "brands", "党建品牌" },
	{ "CH_VENUES", "venues", "阵地建设" },
	{ "CH_TALENT", "talent", "红领人才" },
	{ "CH_CASES", "cases", "典型案例" },
};

static const char *const numerals[] = {
	"一", "二", "三", "四", "五", "六", "七", "八", "九", "十",
};

static int
has_chapter(const struct model *m, size_t ncases, enum chapter ch)
{
	switch (ch) {
	case CH_OVERVIEW:
		return m->nindicators > 0;
	case CH_COVERAGE:
	case CH_TIERS:
		return m->organizations > 0;
	case CH_BELTS:
		return m->nbelts > 0 || m->ndemo_sites > 0;
	case CH_BRANDS:
		return m->nbrands > 0;
	case CH_VENUES:
		return m->venues->n > 0;
	case CH_TALENT:
		return m->red_collar.year != 0;
	case CH_CASES:
		return ncases > 0;
	case NCHAPTERS:
		break;
	}
	return 0;
}

/*
 * The case studies: site.json "brochure"/"cases" in its order; else the
 * featured ones (with a weight, lightest first); else the newest of the
 * year, else the newest. out has room for c->ncases.
 */
static size_t
select_cases(const struct pagedict *pd, int year, size_t *out)
{
	const struct content *c = pd->content;
	const cJSON *list = site_setting(pd->site, "brochure", "cases");
	const cJSON *it;
	size_t n = 0, i, j;
	int w;

	if (cJSON_IsArray(list)) {
		cJSON_ArrayForEach(it, list) {
			long k = cJSON_IsString(it) ?
				pagedict_find_case(c, it->valuestring) : -1;

			for (j = 0; k >= 0 && j < n && out[j] != (size_t)k; j++)
				;
			if (k >= 0 && j == n && n < c->ncases)
				out[n++] = (size_t)k;
		}
		return n;
	}
	/* Lightest weight first; cases are newest first already. */
	for (w = 1; n < DEFAULT_CASES && w > 0; ) {
		int next = 0;

		for (i = 0; i < c->ncases && n < DEFAULT_CASES; i++) {
			int cw = c->cases[i].front.weight;

			if (cw == w)
				out[n++] = i;
			else if (cw > w && (!next || cw < next))
				next = cw;
		}
		w = next;
	}
	if (n)
		return n;
	for (i = 0; i < c->ncases && n < DEFAULT_CASES; i++)
		if (c->cases[i].front.date && atoi(c->cases[i].front.date) == year)
			out[n++] = i;
	for (i = 0; !n && i < c->ncases && i < DEFAULT_CASES; i++)
		out[i] = i, n = i + 1;
	return n;
}

/*
 * A case that shows a chart of the data also printed in a chapter (a
 * chart block with "model: demo_sites") would print it twice: in the
 * case, the figure gives way to a line that sends the reader to the
 * chapter. figures holds the chapters' charts, each after a line
 * "<!--chart NAME-->" (pagedict_stats_charts); chart_chapters says which
 * chapter prints which.
 */
static const struct {
	const char *name;
	enum chapter ch;
} chart_chapters[] = {
	{ "targets", CH_OVERVIEW }, { "indicator.party_orgs", CH_OVERVIEW },
	{ "coverage_by_region", CH_COVERAGE }, { "coverage_by_kind", CH_COVERAGE },
	{ "forms", CH_COVERAGE }, { "tiers", CH_TIERS }, { "stars", CH_TIERS },
	{ "tiers_by_round", CH_TIERS }, { "demo_sites", CH_BELTS },
	{ "red_collar", CH_TALENT },
};

/* The chapter that prints the chart drawn as src (len bytes), or -1. */
static int
chart_chapter(const char *figures, const char *src, size_t len)
{
	const char *hit, *mark, *name;
	size_t i, n;

	for (hit = figures; (hit = strstr(hit, "src=\"")); hit += 5) {
		if (strncmp(hit + 5, src, len) || hit[5 + len] != '"')
			continue;
		/* The last mark before the hit names the chart. */
		for (mark = NULL, name = figures;
		     (name = strstr(name, "<!--chart ")) && name < hit; name++)
			mark = name;
		if (!mark)
			return -1;
		mark += 10;
		n = strcspn(mark, "-");
		for (i = 0; i < sizeof(chart_chapters) / sizeof(chart_chapters[0]); i++)
			if (strlen(chart_chapters[i].name) == n &&
			    !strncmp(chart_chapters[i].name, mark, n))
				return (int)chart_chapters[i].ch;
		return -1;
	}
	return -1;
}

static void
drop_repeated_charts(struct buf *out, const char *html, const char *figures,
		     const struct model *m, size_t ncases)
{
	static const char open[] = "<figure class=\"chart\">";
	const char *s = html, *fig, *end, *src, *q;
	int ch;

	while ((fig = strstr(s, open))) {
		end = strstr(fig, "</figure>");
		src = strstr(fig, "src=\"");
		ch = -1;
		if (end && src && src < end && (q = strchr(src + 5, '"')))
			ch = chart_chapter(figures, src + 5,
					   (size_t)(q - src - 5));
		if (ch < 0 || !has_chapter(m, ncases, (enum chapter)ch)) {
			buf_add(out, s, (size_t)(fig - s) + sizeof(open) - 1);
			s = fig + sizeof(open) - 1;
			continue;
		}
		buf_add(out, s, (size_t)(fig - s));
		BUF_ADDLIT(out, "<p class=\"chart-ref\">（图见本册“");
		buf_addhtml(out, chapters[ch].title);
		BUF_ADDLIT(out, "”一章。）</p>");
		s = end + sizeof("</figure>") - 1;
	}
	buf_addstr(out, s);
}

static void
fill_cases(struct tmpl_dict *d, const struct pagedict *pd,
	   const size_t *sel, size_t n, int depth, unsigned flags,
	   const char *figures)
{
	const struct content *c = pd->content;
	struct buf b = BUF_INIT, id = BUF_INIT, body = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		const struct page *p = &c->cases[sel[i]];
		struct tmpl_dict *s = tmpl_dict_section(d, "BROCHURE_CASES");

		tmpl_dict_set(s, "CASE_TITLE", p->front.title);
		buf_reset(&id);
		buf_addf(&id, "case-%zu", i + 1);
		tmpl_dict_set(s, "CASE_ID", id.ptr);
		tmpl_dict_set(s, "CASE_SUMMARY", p->summary);
		pagedict_date(s, "CASE_DATE_CN", p->front.date);
		if (p->front.region)
			tmpl_dict_set(tmpl_dict_section(s, "HAS_CASE_REGION"),
				      "CASE_REGION", p->front.region);
		if (p->front.cover)
			pagedict_url(tmpl_dict_section(s, "HAS_CASE_COVER"),
				     "CASE_COVER_URL", routes_root(depth),
				     p->front.cover);
		pagedict_url(s, "CASE_URL", routes_root(depth), p->url);
		/* Under the chapter (h2) and the case's title (h3). */
		buf_reset(&b);
		typeset_embed(&b, p->md.html.ptr, id.ptr, 2,
			      (flags & DOC_PRINT) != 0);
		buf_reset(&body);
		drop_repeated_charts(&body, b.ptr, figures, pd->model, n);
		tmpl_dict_set(s, "CASE_BODY", body.ptr);
	}
	buf_release(&b);
	buf_release(&id);
	buf_release(&body);
}

void
brochure_fill(struct tmpl_dict *d, const struct pagedict *pd, int year,
	      int depth, unsigned flags)
{
	const struct site *site = pd->site;
	const struct model *m = pd->model;
	const char *office = site_setting_str(site, "brochure", "office");
	const char *cover = site_setting_str(site, "brochure", "cover");
	size_t *sel = xcalloc(pd->content->ncases + 1, sizeof(*sel));
	size_t nsel = select_cases(pd, year, sel), i, no = 0;
	struct buf b = BUF_INIT, figures = BUF_INIT;

	tmpl_dict_set(d, "BROCHURE_TITLE", title(pd));
	subtitle(pd, year, &b);
	tmpl_dict_set(d, "BROCHURE_SUBTITLE", b.ptr);
	tmpl_dict_setint(d, "BROCHURE_YEAR", year);
	tmpl_dict_set(d, "BROCHURE_OFFICE", office ? office : site->office);
	/* The example's banner is the default cover, when the site has it. */
	if (!cover) {
		char *path = site_path(site, "assets/images/banner.png");

		if (file_exists(path))
			cover = "assets/images/banner.png";
		free(path);
	}
	if (cover)
		pagedict_url(tmpl_dict_section(d, "HAS_COVER"), "COVER_URL",
			     routes_root(depth), cover);

	/* stats_page() fills the gold and site lists too: once each */
	stats_page(d, m, pd->content, routes_root(depth));
	pagedict_stats_charts(pd, d, routes_root(depth), flags, &figures);
	for (i = 0; i < NCHAPTERS; i++) {
		struct tmpl_dict *toc, *ch;

		if (!has_chapter(m, nsel, (enum chapter)i))
			continue;
		toc = tmpl_dict_section(d, "CHAPTERS");
		ch = tmpl_dict_section(d, chapters[i].section);
		buf_reset(&b);
		buf_addf(&b, "ch-%s", chapters[i].id);
		tmpl_dict_set(toc, "CHAPTER_ID", b.ptr);
		tmpl_dict_set(ch, "CHAPTER_ID", b.ptr);
		tmpl_dict_set(toc, "CHAPTER_NO", numerals[no]);
		tmpl_dict_set(ch, "CHAPTER_NO", numerals[no]);
		tmpl_dict_set(toc, "CHAPTER_TITLE", chapters[i].title);
		tmpl_dict_set(ch, "CHAPTER_TITLE", chapters[i].title);
		no++;
	}
	fill_cases(d, pd, sel, nsel, depth, flags, figures.ptr);
	buf_release(&figures);

	if (flags & DOC_PRINT) {
		char *url = routes_brochure(year);

		tmpl_dict_show(d, "IS_PRINT");
		pagedict_qr(d, pd, url);
		free(url);
	} else {
		char *url = routes_brochure(year);

		pagedict_doc_links(tmpl_dict_section(d, "IS_WEB"), url, depth,
				   flags);
		free(url);
	}
	buf_release(&b);
	free(sel);
}

void
brochure_item_fill(struct tmpl_dict *item, const struct pagedict *pd,
		   int year, int depth, unsigned flags)
{
	struct buf t = BUF_INIT;
	char *url = routes_brochure(year);

	brochure_title(pd, year, &t);
	tmpl_dict_set(item, "BROCHURE_TITLE", t.ptr);
	tmpl_dict_setint(item, "BROCHURE_YEAR", year);
	pagedict_url(item, "ITEM_URL", routes_root(depth), url);
	pagedict_doc_links(item, url, depth, flags);
	free(url);
	buf_release(&t);
}

struct tmpl_dict *
brochure_print_dict(const struct pagedict *pd, int year, int depth,
		    unsigned flags)
{
	struct tmpl_dict *top, *body;
	struct buf t = BUF_INIT;
	char *web = routes_brochure(year);

	brochure_title(pd, year, &t);
	top = pagedict_print_frame(pd, t.ptr, depth, "brochure", "brochure.tpl",
				   web, &body);
	brochure_fill(body, pd, year, depth, flags | DOC_PRINT);
	buf_release(&t);
	free(web);
	return top;
}
