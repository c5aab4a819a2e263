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
#include "chartset.h"
#include "content.h"
#include "diag.h"
#include "json.h"
#include "model.h"
#include "modelchart.h"
#include "pdf.h"
#include "plan.h"
#include "qrcode.h"
#include "render.h"
#include "site.h"
#include "tmpl.h"
#include "utf8.h"
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

static const cJSON *
setting(const struct site *site, const char *section, const char *key)
{
	const cJSON *s = site_section(site, section);

	return cJSON_IsObject(s) ? cJSON_GetObjectItemCaseSensitive(s, key) : NULL;
}

static const char *
setting_str(const struct site *site, const char *section, const char *key)
{
	const cJSON *v = setting(site, section, key);

	return cJSON_IsString(v) && *v->valuestring ? v->valuestring : NULL;
}

const char *
bulletin_name(const struct site *site)
{
	const char *name = setting_str(site, "bulletin", "name");

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
				   bulletin_find_case(c, it->valuestring) < 0) {
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

long
bulletin_find_case(const struct content *c, const char *slug)
{
	size_t i;

	for (i = 0; slug && i < c->ncases; i++)
		if (!strcmp(c->cases[i].slug, slug))
			return (long)i;
	return -1;
}

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
			if (bulletin_find_case(c, f->cases[j]) >= 0)
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

char *
bulletin_print_path(const char *url)
{
	size_t n = strlen(url);

	if (n > 5 && !strcmp(url + n - 5, ".html"))
		n -= 5;
	return xasprintf("%.*s-print.html", (int)n, url);
}

/* ---- shared with the brochure ---- */

void
bulletin_set_url(struct tmpl_dict *d, const char *key, int depth,
		 const char *path)
{
	struct buf b = BUF_INIT;

	buf_addstr(&b, plan_root(depth));
	buf_addurl(&b, path);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

/* What every dictionary needs: an include sees none of its parent's. */
static void
fill_common(const struct render *r, struct tmpl_dict *d, int depth)
{
	const struct site *s = r->site;
	struct buf key = BUF_INIT;
	size_t i;

	tmpl_dict_set(d, "ROOT", plan_root(depth));
	tmpl_dict_set(d, "SITE_TITLE", s->title);
	for (i = 0; i < s->nlabels; i++) {
		const char *k;

		buf_reset(&key);
		BUF_ADDLIT(&key, "LABEL_");
		for (k = s->labels[i].key; *k; k++)
			buf_addch(&key, *k >= 'a' && *k <= 'z' ? *k - 'a' + 'A' : *k);
		tmpl_dict_set(d, key.ptr, s->labels[i].value);
	}
	buf_release(&key);
}

struct tmpl_dict *
bulletin_print_frame(const struct render *r, const char *title, int depth,
		     const char *doc_class, const char *tpl,
		     const char *web_path, struct tmpl_dict **content)
{
	struct tmpl_dict *top = tmpl_dict_new("print");

	fill_common(r, top, depth);
	tmpl_dict_set(top, "LANG", r->site->language);
	tmpl_dict_set(top, "DOC_TITLE", title);
	tmpl_dict_set(top, "DOC_CLASS", doc_class);
	tmpl_dict_set(top, "VERSION", r->version ? r->version : "");
	bulletin_set_url(top, "CSS_URL", depth, "assets/css/print.css");
	bulletin_set_url(top, "WEB_URL", depth, web_path);
	*content = tmpl_dict_include(top, "CONTENT", tpl);
	fill_common(r, *content, depth);
	return top;
}

/* The value of attribute name (name="...") within tag [s, e), or NULL. */
static const char *
attr(const char *s, const char *e, const char *name, size_t *len)
{
	size_t n = strlen(name);
	const char *p, *q;

	for (p = s; p + n + 2 < e; p++) {
		if (p[-1] != ' ' || strncmp(p, name, n) || p[n] != '=' || p[n + 1] != '"')
			continue;
		p += n + 2;
		if (!(q = memchr(p, '"', (size_t)(e - p))))
			return NULL;
		*len = (size_t)(q - p);
		return p;
	}
	return NULL;
}

/*
 * Rewrite one <img ...> tag [s, e) that names a print variant: src
 * becomes it, and srcset, loading and data-print go. Others are kept.
 */
static void
print_img(struct buf *out, const char *s, const char *e)
{
	static const char *const drop[] = { "src", "srcset", "loading", "data-print" };
	const char *print, *p = s + 4, *v;
	size_t plen, vlen, i;

	if (!(print = attr(s + 4, e, "data-print", &plen))) {
		buf_add(out, s, (size_t)(e - s) + 1);
		return;
	}
	BUF_ADDLIT(out, "<img src=\"");
	buf_add(out, print, plen);
	buf_addch(out, '"');
	/* Keep the other attributes as they are, in their order. */
	while (p < e) {
		const char *name = p, *eq;

		while (p < e && *p == ' ')
			p++;
		name = p;
		if (!(eq = memchr(p, '=', (size_t)(e - p))) || eq[1] != '"')
			break;
		v = eq + 2;
		if (!(p = memchr(v, '"', (size_t)(e - v))))
			break;
		vlen = (size_t)(p - v);
		p++;
		for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
			if ((size_t)(eq - name) == strlen(drop[i]) &&
			    !strncmp(name, drop[i], (size_t)(eq - name)))
				break;
		if (i < sizeof(drop) / sizeof(drop[0]))
			continue;
		buf_addch(out, ' ');
		buf_add(out, name, (size_t)(v - name));
		buf_add(out, v, vlen);
		buf_addch(out, '"');
	}
	buf_addch(out, '>');
}

/*
 * Justified lines and line breaking in print (issue 13). WeasyPrint 57
 * stretches a justified line only at spaces, and Pango breaks Chinese
 * by UAX 14 alone. So the text of a body paragraph gets:
 *
 * - a space wherever a line may break between two Chinese characters
 *   (print.css takes its width back with a negative word-spacing, so it
 *   shows only as the stretch of a justified line): never before a
 *   closing mark (。，、）」” ...) nor after an opening one (（「“ ...),
 *   which is 避头尾; a space before an opening and after a closing
 *   quotation mark also gives back the break that UAX 14 refuses on both
 *   sides of a quotation mark ("了“高新区" would move whole to the next
 *   line);
 * - a number and its unit as one unbreakable span ("3.6亿元", "85%");
 * - its last two characters with the punctuation after them as one
 *   unbreakable span, so that no last line holds one character ("鉴。").
 *
 * Headings, tables and captions get none of it: they are not justified.
 */

/* Marks no line may start with, or end with: 避头尾. */
static int
closing_mark(uint32_t c)
{
	switch (c) {
	case 0x3001: case 0x3002: case 0xFF0C: case 0xFF1B: case 0xFF1A: /* 、。，；： */
	case 0xFF01: case 0xFF1F: case 0xFF09: case 0x300B: case 0x3011: /* ！？）》】 */
	case 0x300D: case 0x300F: case 0x3009: case 0x201D: case 0x2019: /* 」』〉”’ */
	case 0x2026: case 0x00B7: case 0x30FB: case 0xFF0E: case 0x3015: /* …··．〕 */
		return 1;
	}
	return 0;
}

static int
opening_mark(uint32_t c)
{
	switch (c) {
	case 0xFF08: case 0x300A: case 0x3010: case 0x300C: case 0x300E: /* （《【「『 */
	case 0x3008: case 0x201C: case 0x2018: case 0x3014:               /* 〈“‘〔 */
		return 1;
	}
	return 0;
}

/* Characters that take a unit after a number: 3.6亿元, 120名, 85%. */
static int
unit_char(uint32_t c)
{
	static const char units[] = "亿万千百十元角分个家名人户次项场条支件所座批期届年月日天号倍米吨";
	char tmp[5];
	size_t n = 0;

	if (c == '%' || c == 0xFF05)
		return 1;
	if (c < 0x80)
		return 0;
	if (c < 0x800) {
		tmp[n++] = (char)(0xC0 | (c >> 6));
	} else {
		tmp[n++] = (char)(0xE0 | (c >> 12));
		tmp[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
	}
	tmp[n++] = (char)(0x80 | (c & 0x3F));
	tmp[n] = '\0';
	return c < 0x10000 && strstr(units, tmp) != NULL;
}

/* May a line break between a and b, where a space will stretch? */
static int
stretch_between(uint32_t a, uint32_t b)
{
	if (!a || opening_mark(a) || closing_mark(b))
		return 0;
	return (utf8_is_cjk(a) || closing_mark(a)) &&
	       (utf8_is_cjk(b) || opening_mark(b));
}

static uint32_t
cp_at(const char *s, size_t len, size_t *n)
{
	uint32_t cp;

	*n = utf8_decode(s, len, &cp);
	if (!*n)
		*n = 1;
	return cp;
}

/*
 * Where the unbreakable end of a paragraph starts in text[0, len): the
 * two characters before its closing marks, with those marks; len when
 * there are no two such characters.
 */
static size_t
tail_start(const char *text, size_t len)
{
	size_t i = len, chars = 0, n;
	uint32_t cp;

	while (i > 0) {
		size_t j = i - 1;

		while (j > 0 && ((unsigned char)text[j] & 0xC0) == 0x80)
			j--;
		cp = cp_at(text + j, len - j, &n);
		if (cp == ' ' || cp == '\n')
			break;
		if (chars || !closing_mark(cp))
			if (++chars == 2)
				return j;
		i = j;
	}
	return len;
}

/* The length of a number and its unit at s ("3.6亿元"), or 0. */
static size_t
number_unit(const char *s, size_t len)
{
	size_t i = 0, n, units = 0, end;
	uint32_t cp;

	while (i < len && ((s[i] >= '0' && s[i] <= '9') ||
			   ((s[i] == '.' || s[i] == ',') && i && i + 1 < len &&
			    s[i + 1] >= '0' && s[i + 1] <= '9')))
		i++;
	if (!i)
		return 0;
	end = i;
	while (end < len && units < 3) {
		cp = cp_at(s + end, len - end, &n);
		if (!unit_char(cp))
			break;
		end += n;
		units++;
	}
	return units ? end : 0;
}

/*
 * An unbreakable span of text[from, to). No space beside it: Pango gives
 * a letter-spacing half to each side of a character but none at the
 * edge of a span, so a space there would keep half its width (a visible
 * gap, and a word break in the text layer). Lines break beside the span
 * as Pango finds, without stretching there.
 */
static void
nobr(struct buf *out, const char *text, size_t from, size_t to,
     struct bulletin_para *para)
{
	BUF_ADDLIT(out, "<span class=\"nobr\">");
	buf_add(out, text + from, to - from);
	BUF_ADDLIT(out, "</span>");
	para->prev = 0;
}

void
bulletin_print_text(struct buf *out, const char *text, size_t len,
		    struct bulletin_para *para)
{
	size_t i = 0, n, tail;
	uint32_t cp;

	if (!para || !para->on) {
		buf_add(out, text, len);
		return;
	}
	tail = para->last ? tail_start(text, len) : len;
	while (i < len) {
		size_t num = 0;

		if (i == tail) {
			nobr(out, text, i, len, para);
			return;
		}
		if (text[i] >= '0' && text[i] <= '9' &&
		    (num = number_unit(text + i, len - i))) {
			/* The paragraph's end starts with the number, then. */
			if (i + num > tail) {
				tail = i;
				continue;
			}
			nobr(out, text, i, i + num, para);
			i += num;
			continue;
		}
		cp = cp_at(text + i, len - i, &n);
		if (stretch_between(para->prev, cp))
			buf_addch(out, ' ');
		buf_add(out, text + i, n);
		para->prev = cp;
		i += n;
	}
}

/* Does tag [s, ...) open or close (close) element name? */
static int
tag_is(const char *s, const char *name, int close)
{
	size_t n = strlen(name);

	if (*s++ != '<' || (close && *s++ != '/'))
		return 0;
	return !strncmp(s, name, n) && (s[n] == '>' || s[n] == ' ');
}

void
bulletin_print_html(struct buf *out, const char *html)
{
	static const char *const plain[] = {
		"h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption",
		"pre", "caption", NULL,
	};
	struct bulletin_para para = { 0, 0, 0 };
	const char *s = html, *tag, *end;
	size_t i;

	/* Text between tags gets its spaces and spans; tags stay as they are. */
	while ((tag = strchr(s, '<'))) {
		para.last = tag_is(tag, "p", 1) || tag_is(tag, "li", 1);
		bulletin_print_text(out, s, (size_t)(tag - s), &para);
		/* No space beside a tag: it would keep half its width there
		 * (see nobr()); lines break there as Pango finds. */
		para.prev = 0;
		if (!(end = strchr(tag, '>'))) {
			s = tag;
			break;
		}
		if (tag_is(tag, "p", 0) || tag_is(tag, "li", 0)) {
			para.on = 1;
			para.prev = 0;
		} else if (para.last || tag_is(tag, "ul", 0) || tag_is(tag, "ol", 0)) {
			para.on = 0;
		}
		for (i = 0; plain[i]; i++)
			if (tag_is(tag, plain[i], 0))
				para.on = 0;
		if (!strncmp(tag, "<img ", 5)) {
			print_img(out, tag, end);
		} else if (!strncmp(tag, "<source ", 8) ||
			   !strncmp(tag, "<picture>", 9) ||
			   !strncmp(tag, "</picture>", 10)) {
			/* a screen's drawing would win over the print variant */
			if (end[1] == '\n')
				end++;
		} else {
			buf_add(out, tag, (size_t)(end - tag) + 1);
		}
		s = end + 1;
	}
	buf_addstr(out, s);
}

/* Characters no line may start with, or end with, in Chinese. */
static const char *const no_start[] = {
	"，", "。", "、", "；", "：", "！", "？", "”", "’", "）", "》", "】",
	"…", "—", "·", NULL,
};
static const char *const no_end[] = { "“", "‘", "（", "《", "【", NULL };
/* A break right after these reads best. */
static const char *const good_end[] = { "，", "：", "；", "、", "——", NULL };

static int
starts_with_any(const char *s, const char *const *list)
{
	size_t i;

	for (i = 0; list[i]; i++)
		if (!strncmp(s, list[i], strlen(list[i])))
			return 1;
	return 0;
}

static int
ends_with_any(const char *s, size_t len, const char *const *list)
{
	size_t i, n;

	for (i = 0; list[i]; i++) {
		n = strlen(list[i]);
		if (len >= n && !memcmp(s + len - n, list[i], n))
			return 1;
	}
	return 0;
}

static int
is_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
	       (c >= 'a' && c <= 'z');
}

void
bulletin_title_lines(struct tmpl_dict *d, const char *section,
		     const char *key, const char *title, int cells)
{
	size_t len = strlen(title), i, cut, best = 0;
	double width = 0, total = 0, target, best_score = 1e9;
	int lines;

	/* Width in cells: a Chinese character 1, ASCII half of it. */
	for (i = 0; i < len; i++)
		if (((unsigned char)title[i] & 0xC0) != 0x80)
			total += (unsigned char)title[i] < 0x80 ? 0.5 : 1;
	lines = (int)((total + cells - 0.01) / cells);
	if (lines <= 1) {
		tmpl_dict_set(tmpl_dict_section(d, section), key, title);
		return;
	}
	/*
	 * Lines of nearly equal width ("排列对称"): the first break goes
	 * where the first line is closest to total / lines, moved to after
	 * a comma or a colon when one is near, never where Chinese
	 * typesetting forbids one. The rest is split again the same way.
	 */
	target = total / lines;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)title[i];
		double score;

		if ((c & 0xC0) == 0x80)
			continue;
		if (i > 0 && width <= cells) {
			cut = i;
			if (!starts_with_any(title + cut, no_start) &&
			    !ends_with_any(title, cut, no_end) &&
			    !(is_alnum(title[cut - 1]) && is_alnum(title[cut]))) {
				score = width > target ? width - target : target - width;
				if (ends_with_any(title, cut, good_end))
					score -= 4;
				if (score < best_score) {
					best_score = score;
					best = cut;
				}
			}
		}
		width += c < 0x80 ? 0.5 : 1;
	}
	if (!best) {
		tmpl_dict_set(tmpl_dict_section(d, section), key, title);
		return;
	}
	tmpl_dict_setn(tmpl_dict_section(d, section), key, title, best);
	bulletin_title_lines(d, section, key, title + best, cells);
}

void
bulletin_embed_html(struct buf *out, const char *html, const char *prefix,
		    int shift, unsigned flags)
{
	struct buf b = BUF_INIT;
	const char *s;

	if (flags & DOC_PRINT) {
		bulletin_print_html(&b, html);
		html = b.ptr;
	}
	for (s = html; *s; s++) {
		/* Headings: <hN and </hN, N from 1 to 6. */
		if (*s == '<' && (s[1] == 'h' || (s[1] == '/' && s[2] == 'h'))) {
			const char *n = s[1] == '/' ? s + 3 : s + 2;

			if (*n >= '1' && *n <= '6' && (n[1] == '>' || n[1] == ' ')) {
				int level = *n - '0' + shift;

				buf_add(out, s, (size_t)(n - s));
				buf_addch(out, '0' + (level > 6 ? 6 : level < 1 ? 1 : level));
				s = n;
				continue;
			}
		}
		if (!strncmp(s, " id=\"", 5)) {
			buf_addf(out, " id=\"%s-", prefix);
			s += 4;
			continue;
		}
		if (!strncmp(s, " href=\"#", 8)) {
			buf_addf(out, " href=\"#%s-", prefix);
			s += 7;
			continue;
		}
		buf_addch(out, *s);
	}
	buf_release(&b);
}

/* Set key to html, as it is for the web page or made fit for print. */
static void
set_html(struct tmpl_dict *d, const char *key, const char *html,
	 unsigned flags)
{
	struct buf b = BUF_INIT;

	if (!(flags & DOC_PRINT)) {
		tmpl_dict_set(d, key, html);
		return;
	}
	bulletin_print_html(&b, html);
	tmpl_dict_set(d, key, b.ptr);
	buf_release(&b);
}

int
bulletin_model_chart(const struct render *r, struct tmpl_dict *d,
		     const char *section, const char *name, int depth,
		     unsigned flags)
{
	enum chart_kind kind;
	struct chart *c;
	struct buf html = BUF_INIT;

	if (!r->charts || !r->model || !r->model->organizations ||
	    modelchart_kind(name, &kind) < 0)
		return -1;
	c = chart_new(kind);
	if (modelchart_fill((void *)r->model, name, c) < 0 ||
	    !chart_categories(c)) {
		chart_free(c);
		return -1;
	}
	chartset_add(r->charts, c, plan_root(depth), &html, NULL);
	set_html(tmpl_dict_section(d, section), "CHART_HTML", html.ptr, flags);
	buf_release(&html);
	return 0;
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
	const cJSON *cp = setting(site, "bulletin", "copies");
	int copies = f->copies;

	end_line(end, "报", f->to_up, f->nto_up, setting(site, "bulletin", "to_up"));
	end_line(end, "送", f->to_peer, f->nto_peer, setting(site, "bulletin", "to_peer"));
	end_line(end, "发", f->to_down, f->nto_down, setting(site, "bulletin", "to_down"));
	if (!copies && cJSON_IsNumber(cp))
		copies = (int)cp->valuedouble;
	if (copies > 0)
		tmpl_dict_setint(tmpl_dict_section(end, "HAS_COPIES"), "COPIES", copies);
}

void
bulletin_fill(struct tmpl_dict *d, const struct render *r, size_t i,
	      int depth, unsigned flags)
{
	const struct site *site = r->site;
	const struct content *c = r->content;
	const struct page *p = &c->bulletins[i];
	const struct front *f = &p->front;
	const char *office = f->office ? f->office :
		setting_str(site, "bulletin", "office");
	struct buf b = BUF_INIT, html = BUF_INIT;
	size_t j;
	int any = 0;

	tmpl_dict_set(d, "BULLETIN_NAME", bulletin_name(site));
	tmpl_dict_setint(d, "ISSUE", f->issue);
	tmpl_dict_set(d, "BULLETIN_OFFICE", office ? office : site->office);
	tmpl_dict_set(d, "DATE", f->date ? f->date : "");
	date_cn(&b, f->date);
	tmpl_dict_set(d, "DATE_CN", b.ptr);
	tmpl_dict_set(d, "TITLE", f->title);
	/* 二号 (22 pt) in the 156 mm block: 20 characters a line. */
	bulletin_title_lines(d, "TITLE_LINES", "TITLE_LINE", f->title, 20);
	if (f->summary)
		tmpl_dict_set(tmpl_dict_section(d, "HAS_SUMMARY"), "SUMMARY",
			      f->summary);
	set_html(d, "BODY", p->md.html.ptr, flags);

	for (j = 0; j < f->ncases; j++) {
		long k = bulletin_find_case(c, f->cases[j]);
		const struct page *cs;
		struct tmpl_dict *s;

		if (k < 0)
			continue;
		cs = &c->cases[k];
		s = tmpl_dict_section(d, "CASES");
		tmpl_dict_set(s, "CASE_TITLE", cs->front.title);
		bulletin_title_lines(s, "CASE_TITLE_LINES", "CASE_TITLE_LINE",
				     cs->front.title, 20);
		buf_reset(&b);
		buf_addf(&b, "case-%zu", j + 1);
		tmpl_dict_set(s, "CASE_ID", b.ptr);
		tmpl_dict_setint(s, "CASE_NO", (long long)j + 1);
		bulletin_set_url(s, "CASE_URL", depth, cs->url);
		/* The case's title is a first-level heading (h2) here. */
		buf_reset(&html);
		bulletin_embed_html(&html, cs->md.html.ptr, b.ptr, 1, flags);
		tmpl_dict_set(s, "CASE_BODY", html.ptr);
		any = 1;
	}
	if (any)
		tmpl_dict_show(d, "HAS_CASES");
	for (j = 0, any = 0; j < f->ncharts; j++)
		any |= bulletin_model_chart(r, d, "CHARTS", f->charts[j], depth,
					    flags) == 0;
	if (any)
		tmpl_dict_show(d, "HAS_CHARTS");
	fill_end(d, site, f);

	if (flags & DOC_PRINT) {
		tmpl_dict_show(d, "IS_PRINT");
		bulletin_qr(d, r, p->url);
	} else {
		struct tmpl_dict *w = tmpl_dict_section(d, "IS_WEB");

		bulletin_doc_links(w, p->url, depth, flags);
		bulletin_set_url(w, "BULLETINS_URL", depth, BULLETIN_LIST_PATH);
	}
	buf_release(&b);
	buf_release(&html);
}

void
bulletin_qr(struct tmpl_dict *d, const struct render *r, const char *url)
{
	struct buf link = BUF_INIT, src = BUF_INIT;
	struct qrcode *qr;

	if (!*r->site->base_url)
		return;
	buf_addstr(&link, r->site->base_url);
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

void
bulletin_doc_links(struct tmpl_dict *d, const char *url, int depth,
		   unsigned flags)
{
	char *print = bulletin_print_path(url);

	bulletin_set_url(d, "PRINT_URL", depth, print);
	if (flags & DOC_PDF) {
		char *pdf = pdf_path(print);

		bulletin_set_url(tmpl_dict_section(d, "HAS_PDF"), "PDF_URL",
				 depth, pdf);
		free(pdf);
	}
	free(print);
}

void
bulletin_item_fill(struct tmpl_dict *item, const struct render *r, size_t i,
		   int depth, unsigned flags)
{
	const struct page *p = &r->content->bulletins[i];

	tmpl_dict_setint(item, "ISSUE", p->front.issue);
	bulletin_set_url(item, "ITEM_URL", depth, p->url);
	bulletin_doc_links(item, p->url, depth, flags);
}

struct tmpl_dict *
bulletin_print_dict(const struct render *r, size_t i, int depth,
		    unsigned flags)
{
	const struct page *p = &r->content->bulletins[i];
	struct tmpl_dict *top, *body;
	struct buf title = BUF_INIT;

	buf_addf(&title, "%s 第%d期：%s", bulletin_name(r->site), p->front.issue,
		 p->front.title);
	top = bulletin_print_frame(r, title.ptr, depth, "bulletin",
				   "bulletin.tpl", p->url, &body);
	bulletin_fill(body, r, i, depth, flags | DOC_PRINT);
	buf_release(&title);
	return top;
}
