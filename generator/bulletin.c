/*
 * Bulletins: checks and template dictionaries. The page metrics of the
 * print document are print.css's business; here is only what a template
 * cannot work out: issue numbers, distribution lines, the case studies
 * and charts a bulletin takes in, and the print variant of every image.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "bulletin.h"
#include "chart.h"
#include "content.h"
#include "diag.h"
#include "json.h"
#include "model.h"
#include "modelchart.h"
#include "pagedict.h"
#include "routes.h"
#include "site.h"
#include "tmpl.h"
#include "typeset.h"
#include "util.h"

/* The masthead's name when site.json does not give one. */
#define DEFAULT_NAME "工作简报"

const char *const bulletin_names[] = {
	"BROCHURES", "BROCHURE_CASES", "BROCHURE_OFFICE", "BROCHURE_SUBTITLE",
	"BROCHURE_TITLE", "BROCHURE_YEAR", "BULLETINS_URL", "BULLETIN_NAME",
	"BULLETIN_OFFICE", "CASES", "CASE_BODY", "CASE_COVER_URL",
	"CASE_DATE_CN", "CASE_ID", "CASE_NO", "CASE_REGION", "CASE_SUMMARY",
	"CASE_TITLE", "CASE_TITLE_LINE", "CASE_TITLE_LINES", "CASE_URL",
	"CHAPTERS", "CHAPTER_ID", "CHAPTER_NO", "CHAPTER_TITLE", "CHARTS",
	"CH_BELTS", "CH_BRANDS", "CH_CASES", "CH_COVERAGE", "CH_OVERVIEW",
	"CH_TALENT", "CH_TIERS", "CH_VENUES", "COPIES", "CSS_URL", "DOC_CLASS", "DOC_CSS",
	"END_LABEL", "END_LINES", "END_TEXT", "HAS_CASES", "HAS_CASE_COVER",
	"HAS_CASE_REGION", "HAS_CHARTS", "HAS_COPIES", "HAS_END", "HAS_PDF",
	"HAS_QR", "HAS_SUMMARY", "ISSUE", "IS_PRINT", "IS_WEB", "PDF_URL",
	"PRINT_URL", "QR_LINK", "QR_SRC", "TITLE_LINE", "TITLE_LINES",
	"WEB_URL", NULL,
};

/* ---- site.json "bulletin" and "brochure" ---- */

const char *
bulletin_name(const struct site *site)
{
	const char *name = site_setting_str(site, "bulletin", "name");

	return name ? name : DEFAULT_NAME;
}

enum set_type { SET_STRING, SET_LIST, SET_COUNT, SET_CASES, SET_FILE };

/* The keys of "bulletin" and "brochure" (site_load checks their types);
 * the tag is what check_setting() proves of the value. */
const struct site_key bulletin_site_keys[] = {
	{ "bulletin", "name", SITE_STRING, SET_STRING },
	{ "bulletin", "office", SITE_STRING, SET_STRING },
	{ "bulletin", "to_up", SITE_STRING_OR_LIST, SET_LIST },
	{ "bulletin", "to_peer", SITE_STRING_OR_LIST, SET_LIST },
	{ "bulletin", "to_down", SITE_STRING_OR_LIST, SET_LIST },
	{ "bulletin", "copies", SITE_WHOLE, SET_COUNT },
	{ "brochure", "title", SITE_STRING, SET_STRING },
	{ "brochure", "subtitle", SITE_STRING, SET_STRING },
	{ "brochure", "office", SITE_STRING, SET_STRING },
	{ "brochure", "cover", SITE_STRING, SET_FILE },
	{ "brochure", "cases", SITE_STRINGS, SET_CASES },
	{ NULL, NULL, SITE_OBJECT, 0 },
};

/* A file of the site, written from its root and inside it. */
static int
site_file_exists(const struct site *site, const char *rel)
{
	char *path;
	int ok;

	if (rel[0] == '/' || strstr(rel, "..") || strstr(rel, "://"))
		return 0;
	path = site_path(site, rel);
	ok = file_exists(path);
	free(path);
	return ok;
}

static int
check_setting(const struct site *site, const struct content *c,
	      const cJSON *v, enum set_type type, struct diag *d)
{
	const char *file = site->src.path;
	const cJSON *it;
	int line, col, rc = 0;

	json_value_pos(&site->json, v, &line, &col);
	switch (type) {
	case SET_STRING:
		if (cJSON_IsString(v))
			return 0;
		diag_error(d, file, line, col, "\"%s\" must be a string", v->string);
		return -1;
	case SET_FILE:
		if (!cJSON_IsString(v)) {
			diag_error(d, file, line, col, "\"%s\" must be a string", v->string);
			return -1;
		}
		if (site_file_exists(site, v->valuestring))
			return 0;
		diag_error(d, file, line, col,
			   "image \"%s\" not found; paths are written from the site folder, e.g. \"assets/images/x.png\"",
			   v->valuestring);
		return -1;
	case SET_COUNT:
		if (cJSON_IsNumber(v) && v->valuedouble >= 0 &&
		    v->valuedouble <= 1000000 &&
		    v->valuedouble == (double)(int)v->valuedouble)
			return 0;
		diag_error(d, file, line, col,
			   "\"%s\" must be a whole number from 0 to 1000000", v->string);
		return -1;
	case SET_LIST:
	case SET_CASES:
		if (cJSON_IsString(v) && type == SET_LIST)
			return 0;
		if (!cJSON_IsArray(v)) {
			diag_error(d, file, line, col, "\"%s\" must be a list of strings",
				   v->string);
			return -1;
		}
		cJSON_ArrayForEach(it, v) {
			json_value_pos(&site->json, it, &line, &col);
			if (!cJSON_IsString(it)) {
				diag_error(d, file, line, col,
					   "\"%s\" must be a list of strings", v->string);
				rc = -1;
			} else if (type == SET_CASES &&
				   pagedict_find_case(c, it->valuestring) < 0) {
				diag_error(d, file, line, col,
					   "case study \"%s\" not found in content/cases",
					   it->valuestring);
				rc = -1;
			}
		}
		return rc;
	}
	return 0;
}

static int
check_settings(const struct site *site, const struct content *c,
	       struct diag *d)
{
	static const char *const sections[] = { "bulletin", "brochure" };
	const cJSON *sec, *v;
	size_t i, k;
	int line, col, rc = 0;

	for (i = 0; i < sizeof(sections) / sizeof(sections[0]); i++) {
		if (!(sec = site_section(site, sections[i])))
			continue;
		if (!cJSON_IsObject(sec)) {
			json_value_pos(&site->json, sec, &line, &col);
			diag_error(d, site->src.path, line, col,
				   "\"%s\" must be an object", sections[i]);
			rc = -1;
			continue;
		}
		cJSON_ArrayForEach(v, sec) {
			for (k = 0; bulletin_site_keys[k].key; k++)
				if (!strcmp(bulletin_site_keys[k].section, sections[i]) &&
				    !strcmp(bulletin_site_keys[k].key, v->string))
					break;
			/* site_load() has refused an unknown key */
			if (!bulletin_site_keys[k].key)
				continue;
			if (check_setting(site, c, v,
					  (enum set_type)bulletin_site_keys[k].tag, d) < 0)
				rc = -1;
		}
	}
	return rc;
}

/* ---- bulletins ---- */

/* Where a key was, or the file's first line when it is not there. */
static void
at(const struct front_pos *pos, int *line, int *col)
{
	*line = pos->line ? pos->line : 1;
	*col = pos->line ? pos->col : 1;
}

static int
check_chart(const struct page *p, const char *name, const struct model *m,
	    struct diag *d)
{
	enum chart_kind kind;
	struct chart *c;
	int line, col, rc = 0;

	at(&p->front.pos_charts, &line, &col);
	if (modelchart_kind(name, &kind) < 0) {
		struct buf names = BUF_INIT;

		modelchart_names(&names);
		diag_error(d, p->file, line, col,
			   "unknown chart \"%s\"; a bulletin takes the charts of the data: %s",
			   name, names.ptr);
		buf_release(&names);
		return -1;
	}
	if (!m || !m->organizations)
		return 0;
	c = chart_new(kind);
	if (modelchart_fill((void *)m, name, c) < 0) {
		diag_error(d, p->file, line, col,
			   "unknown chart \"%s\": the data has no indicator \"%s\"",
			   name, name + 10);
		rc = -1;
	} else if (!chart_categories(c)) {
		diag_warn(d, p->file, line, col,
			  "chart \"%s\" has no data; it is left out", name);
	}
	chart_free(c);
	return rc;
}

struct numbered {
	int year, issue;
	const struct page *p;
};

static int
numbered_cmp(const void *pa, const void *pb)
{
	const struct numbered *a = pa, *b = pb;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->issue != b->issue)
		return a->issue < b->issue ? -1 : 1;
	return strcmp(a->p->file, b->p->file);
}

/* Issue numbers of one year: unique, and from 1 without a gap. */
static int
check_numbers(struct numbered *nb, size_t n, struct diag *d)
{
	size_t i;
	int line, col, rc = 0;

	xqsort(nb, n, sizeof(*nb), numbered_cmp);
	for (i = 0; i < n; i++) {
		const struct numbered *b = &nb[i];
		int first = i == 0 || nb[i - 1].year != b->year;
		int prev = first ? 0 : nb[i - 1].issue;

		at(&b->p->front.pos_issue, &line, &col);
		if (!first && prev == b->issue) {
			diag_error(d, b->p->file, line, col,
				   "duplicate issue %d of %d: %s has it too",
				   b->issue, b->year, nb[i - 1].p->file);
			rc = -1;
		} else if (b->issue == prev + 2 && first) {
			diag_warn(d, b->p->file, line, col,
				  "issue %d is the first of %d; issue 1 is missing",
				  b->issue, b->year);
		} else if (b->issue == 3 && first) {
			diag_warn(d, b->p->file, line, col,
				  "issue 3 is the first of %d; issues 1 and 2 are missing",
				  b->year);
		} else if (b->issue > prev + 1 && first) {
			diag_warn(d, b->p->file, line, col,
				  "issue %d is the first of %d; issues 1 to %d are missing",
				  b->issue, b->year, b->issue - 1);
		} else if (b->issue == prev + 3) {
			diag_warn(d, b->p->file, line, col,
				  "issue %d of %d follows issue %d; issues %d and %d are missing",
				  b->issue, b->year, prev, prev + 1, prev + 2);
		} else if (b->issue == prev + 2) {
			diag_warn(d, b->p->file, line, col,
				  "issue %d of %d follows issue %d; issue %d is missing",
				  b->issue, b->year, prev, prev + 1);
		} else if (b->issue > prev + 2) {
			diag_warn(d, b->p->file, line, col,
				  "issue %d of %d follows issue %d; issues %d to %d are missing",
				  b->issue, b->year, prev, prev + 1, b->issue - 1);
		}
	}
	return rc;
}

int
bulletin_check(const struct site *site, const struct content *c,
	       const struct model *m, struct diag *d)
{
	struct numbered *nb = xcalloc(c->nbulletins + 1, sizeof(*nb));
	size_t i, j, n = 0;
	int line, col, rc = 0;

	if (site && check_settings(site, c, d) < 0)
		rc = -1;
	for (i = 0; i < c->nbulletins; i++) {
		const struct page *p = &c->bulletins[i];
		const struct front *f = &p->front;
		int ok = 1;

		at(&f->pos_issue, &line, &col);
		if (!f->pos_issue.line) {
			diag_error(d, p->file, 1, 1,
				   "missing \"issue\": a bulletin needs its issue number (期号)");
			ok = 0;
		} else if (f->issue < 1) {
			diag_error(d, p->file, line, col,
				   "\"issue\" must be a whole number from 1");
			ok = 0;
		}
		if (!f->date) {
			diag_error(d, p->file, 1, 1,
				   "missing \"date\": a bulletin's issues are numbered within the year of its date");
			ok = 0;
		}
		if (f->copies < 0) {
			at(&f->pos_copies, &line, &col);
			diag_error(d, p->file, line, col,
				   "\"copies\" must be a whole number from 0");
			rc = -1;
		}
		for (j = 0; j < f->ncases; j++) {
			if (pagedict_find_case(c, f->cases[j]) >= 0)
				continue;
			at(&f->pos_cases, &line, &col);
			diag_error(d, p->file, line, col,
				   "case study \"%s\" not found in content/cases",
				   f->cases[j]);
			rc = -1;
		}
		for (j = 0; j < f->ncharts; j++)
			if (check_chart(p, f->charts[j], m, d) < 0)
				rc = -1;
		if (!ok) {
			rc = -1;
			continue;
		}
		nb[n].year = atoi(f->date);
		nb[n].issue = f->issue;
		nb[n++].p = p;
	}
	if (check_numbers(nb, n, d) < 0)
		rc = -1;
	free(nb);
	return rc;
}

/* ---- one bulletin ---- */

/* "市委组织部，市委两新工委。": recipients joined as the 版记 writes them. */
static void
end_line(struct tmpl_dict *d, const char *label, char **items, size_t n,
	 const cJSON *fallback)
{
	struct buf b = BUF_INIT;
	struct tmpl_dict *s;
	const cJSON *it;
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (k++)
			BUF_ADDLIT(&b, "，");
		buf_addstr(&b, items[i]);
	}
	if (!n && cJSON_IsString(fallback)) {
		buf_addstr(&b, fallback->valuestring);
		k = *fallback->valuestring != 0;
	} else if (!n && cJSON_IsArray(fallback)) {
		cJSON_ArrayForEach(it, fallback) {
			if (!cJSON_IsString(it) || !*it->valuestring)
				continue;
			if (k++)
				BUF_ADDLIT(&b, "，");
			buf_addstr(&b, it->valuestring);
		}
	}
	if (k) {
		s = tmpl_dict_section(d, "END_LINES");
		tmpl_dict_set(s, "END_LABEL", label);
		BUF_ADDLIT(&b, "。");
		tmpl_dict_set(s, "END_TEXT", b.ptr);
	}
	buf_release(&b);
}

static void
fill_end(struct tmpl_dict *d, const struct site *site, const struct front *f)
{
	struct tmpl_dict *end = tmpl_dict_section(d, "HAS_END");
	const cJSON *cp = site_setting(site, "bulletin", "copies");
	int copies = f->copies;

	end_line(end, "报", f->to_up, f->nto_up, site_setting(site, "bulletin", "to_up"));
	end_line(end, "送", f->to_peer, f->nto_peer, site_setting(site, "bulletin", "to_peer"));
	end_line(end, "发", f->to_down, f->nto_down, site_setting(site, "bulletin", "to_down"));
	if (!copies && cJSON_IsNumber(cp))
		copies = (int)cp->valuedouble;
	if (copies > 0)
		tmpl_dict_setint(tmpl_dict_section(end, "HAS_COPIES"), "COPIES", copies);
}

void
bulletin_fill(struct tmpl_dict *d, const struct pagedict *pd, size_t i,
	      int depth, unsigned flags)
{
	const struct site *site = pd->site;
	const struct content *c = pd->content;
	const char *root = routes_root(depth);
	const struct page *p = &c->bulletins[i];
	const struct front *f = &p->front;
	const char *office = f->office ? f->office :
		site_setting_str(site, "bulletin", "office");
	struct buf b = BUF_INIT, html = BUF_INIT;
	size_t j;
	int any = 0;

	tmpl_dict_set(d, "BULLETIN_NAME", bulletin_name(site));
	tmpl_dict_setint(d, "ISSUE", f->issue);
	tmpl_dict_set(d, "BULLETIN_OFFICE", office ? office : site->office);
	tmpl_dict_set(d, "DATE", f->date ? f->date : "");
	pagedict_date(d, "DATE_CN", f->date);
	tmpl_dict_set(d, "TITLE", f->title);
	/* 二号 (22 pt) in the 156 mm block: 20 characters a line. */
	typeset_title_lines(d, "TITLE_LINES", "TITLE_LINE", f->title, 20);
	if (f->summary)
		tmpl_dict_set(tmpl_dict_section(d, "HAS_SUMMARY"), "SUMMARY",
			      f->summary);
	pagedict_html(d, "BODY", p->md.html.ptr, flags);

	for (j = 0; j < f->ncases; j++) {
		long k = pagedict_find_case(c, f->cases[j]);
		const struct page *cs;
		struct tmpl_dict *s;

		if (k < 0)
			continue;
		cs = &c->cases[k];
		s = tmpl_dict_section(d, "CASES");
		tmpl_dict_set(s, "CASE_TITLE", cs->front.title);
		typeset_title_lines(s, "CASE_TITLE_LINES", "CASE_TITLE_LINE",
				    cs->front.title, 20);
		buf_reset(&b);
		buf_addf(&b, "case-%zu", j + 1);
		tmpl_dict_set(s, "CASE_ID", b.ptr);
		tmpl_dict_setint(s, "CASE_NO", (long long)j + 1);
		pagedict_url(s, "CASE_URL", root, cs->url);
		/* The case's title is a first-level heading (h2) here. */
		buf_reset(&html);
		typeset_embed(&html, cs->md.html.ptr, b.ptr, 1,
			      (flags & DOC_PRINT) != 0);
		tmpl_dict_set(s, "CASE_BODY", html.ptr);
		any = 1;
	}
	if (any)
		tmpl_dict_show(d, "HAS_CASES");
	for (j = 0, any = 0; j < f->ncharts; j++)
		any |= pagedict_model_chart(pd, d, "CHARTS", f->charts[j], root,
					    flags) == 0;
	if (any)
		tmpl_dict_show(d, "HAS_CHARTS");
	fill_end(d, site, f);

	if (flags & DOC_PRINT) {
		tmpl_dict_show(d, "IS_PRINT");
		pagedict_qr(d, pd, p->url);
	} else {
		struct tmpl_dict *w = tmpl_dict_section(d, "IS_WEB");

		pagedict_doc_links(w, p->url, depth, flags);
		pagedict_url(w, "BULLETINS_URL", root, ROUTES_BULLETINS);
	}
	buf_release(&b);
	buf_release(&html);
}

void
bulletin_item_fill(struct tmpl_dict *item, const struct pagedict *pd,
		   size_t i, int depth, unsigned flags)
{
	const struct page *p = &pd->content->bulletins[i];

	tmpl_dict_setint(item, "ISSUE", p->front.issue);
	pagedict_url(item, "ITEM_URL", routes_root(depth), p->url);
	pagedict_doc_links(item, p->url, depth, flags);
}

struct tmpl_dict *
bulletin_print_dict(const struct pagedict *pd, size_t i, int depth,
		    unsigned flags)
{
	const struct page *p = &pd->content->bulletins[i];
	struct tmpl_dict *top, *body;
	struct buf title = BUF_INIT;

	buf_addf(&title, "%s 第%d期：%s", bulletin_name(pd->site), p->front.issue,
		 p->front.title);
	top = pagedict_print_frame(pd, title.ptr, depth, "bulletin",
				   "bulletin.tpl", p->url, &body);
	bulletin_fill(body, pd, i, depth, flags | DOC_PRINT);
	buf_release(&title);
	return top;
}
