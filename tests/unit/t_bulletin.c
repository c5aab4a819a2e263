/*
 * Bulletins, the brochure's shared parts and the PDF runner: routes,
 * the HTML made fit for print, embedded bodies, title lines, the checks
 * of issue numbers, cases and charts with their exact diagnostics, and
 * pdf_run() with a stand-in for WeasyPrint (a shell script), so that
 * this runs in a second, without the real one. Run from the top of the
 * source tree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "bulletin.h"
#include "content.h"
#include "diag.h"
#include "harness.h"
#include "pagedict.h"
#include "pdf.h"
#include "routes.h"
#include "tmpl.h"
#include "typeset.h"
#include "util.h"

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

static void
routes(void)
{
	char *s;

	s = routes_print("bulletins/2025-01.html");
	CHECK_STR(s, "bulletins/2025-01-print.html");
	free(s);
	s = routes_pdf("bulletins/2025-01-print.html");
	CHECK_STR(s, "bulletins/2025-01.pdf");
	free(s);
	s = routes_pdf("brochure/2025.html");
	CHECK_STR(s, "brochure/2025.pdf");
	free(s);
}

static void
print_html(void)
{
	struct buf b = BUF_INIT;

	/* A chart figure shows its print variant, nothing lazy. */
	typeset_html(&b, "<figure class=\"chart\">\n<img src=\"../charts/a.png\" "
			    "srcset=\"../charts/b.png 2x\" width=\"800\" height=\"500\" "
			    "alt=\"x &amp; y\" loading=\"lazy\" data-print=\"../charts/c.png\">\n</figure>");
	CHECK_STR(b.ptr, "<figure class=\"chart\">\n<img src=\"../charts/c.png\" "
		  "width=\"800\" height=\"500\" alt=\"x &amp; y\">\n</figure>");
	/* Other images stay as they are. */
	buf_reset(&b);
	typeset_html(&b, "<p><img src=\"../x.png\" alt=\"\"></p>");
	CHECK_STR(b.ptr, "<p><img src=\"../x.png\" alt=\"\"></p>");
	/*
	 * A space wherever a line may break in a paragraph's Chinese, also
	 * before an opening and after a closing quotation mark; none before
	 * a closing or after an opening mark (避头尾), none inside tags, no
	 * zero-width space anywhere.
	 */
	buf_reset(&b);
	typeset_html(&b, "<p title=\"“a”\">观摩了“高新区”示范带，（一）等。</p>");
	CHECK_STR(b.ptr, "<p title=\"“a”\">观 摩 了 “高 新 区” 示 范 带， （一<span class=\"nobr\">）等。</span></p>");
	CHECK(!strstr(b.ptr, "\u200b"));
	/* The last two characters stay together: no line of "鉴。". */
	buf_reset(&b);
	typeset_html(&b, "<p>值得借鉴。</p>");
	CHECK_STR(b.ptr, "<p>值 得<span class=\"nobr\">借鉴。</span></p>");
	/*
	 * A number stays with its unit; no space beside a tag or a span.
	 */
	buf_reset(&b);
	typeset_html(&b, "<p>增长<strong>3.6亿元</strong>和85%的覆盖率</p>");
	CHECK_STR(b.ptr, "<p>增 长<strong><span class=\"nobr\">3.6亿元</span></strong>和"
		  "<span class=\"nobr\">85%</span>的 覆<span class=\"nobr\">盖率</span></p>");
	/* A number and unit at the end go with the paragraph's last span. */
	buf_reset(&b);
	typeset_html(&b, "<p>金额约3.6亿元；</p>");
	CHECK_STR(b.ptr, "<p>金 额 约<span class=\"nobr\">3.6亿元；</span></p>");
	/* Headings and table cells stay as they are. */
	buf_reset(&b);
	typeset_html(&b, "<h2>一、工作“成效”</h2><table><tr><td>双培养</td></tr></table>");
	CHECK_STR(b.ptr, "<h2>一、工作“成效”</h2><table><tr><td>双培养</td></tr></table>");
	buf_release(&b);
}

static void
embed_html(void)
{
	struct buf b = BUF_INIT;

	typeset_embed(&b, "<h2 id=\"a\">一、甲</h2>\n<p><a href=\"#a\">乙</a> "
		      "<a href=\"x.html\">丙</a></p>\n<h6 id=\"b\">丁</h6>",
		      "case-1", 1, 0);
	CHECK_STR(b.ptr, "<h3 id=\"case-1-a\">一、甲</h3>\n<p><a href=\"#case-1-a\">乙</a> "
		  "<a href=\"x.html\">丙</a></p>\n<h6 id=\"case-1-b\">丁</h6>");
	buf_release(&b);
}

/* The lines bulletin_title_lines() makes of title, joined by '|'. */
static char *
lines(const char *title, int cells)
{
	static const char tpl[] = "{{%AUTOESCAPE context=\"HTML\"}}"
		"{{#L}}{{LINE}}{{#L_separator}}|{{/L_separator}}{{/L}}";
	char dir[] = "/tmp/t_bulletin.XXXXXX";
	const char *roots[1];
	struct tmpl *t;
	struct tmpl_dict *d = tmpl_dict_new("t");
	struct diag *dg = diag_new();
	struct buf out = BUF_INIT;
	char *path;

	if (!mkdtemp(dir))
		return xstrdup("(mkdtemp)");
	path = path_join(dir, "t.tpl");
	file_write(path, tpl, sizeof(tpl) - 1);
	roots[0] = dir;
	t = tmpl_new(roots, 1);
	tmpl_load(t, "t.tpl", dg);
	typeset_title_lines(d, "L", "LINE", title, cells);
	tmpl_expand(t, "t.tpl", d, &out, dg);
	tmpl_dict_free(d);
	tmpl_free(t);
	diag_free(dg);
	unlink(path);
	rmdir(dir);
	free(path);
	return buf_detach(&out, NULL);
}

static void
title_lines(void)
{
	char *s;

	s = lines("第二批“双强红领”认证工作圆满完成", 20);
	CHECK_STR(s, "第二批“双强红领”认证工作圆满完成");
	free(s);
	/*
	 * Nearly even lines, between two words: 22 characters as 10 and
	 * 12, where 11 and 11 would split 工作 (ICU's dictionary).
	 */
	s = lines("我区召开两新组织党建工作示范带建设现场推进会", 20);
	CHECK_STR(s, "我区召开两新组织党建|工作示范带建设现场推进会");
	free(s);
	/* A company's name stays whole when a line can end before it. */
	s = lines("青川区两新组织工作推进会在青川力澄软件有限公司召开", 14);
	CHECK(strstr(s, "有|限") == NULL && strstr(s, "软件|有限") == NULL);
	free(s);
	/* After the colon when it is near; never before a closing mark. */
	s = lines("从“盆景”到“风景”：“高新区—新桥镇”非公党建工作示范带观察", 20);
	CHECK_STR(s, "从“盆景”到“风景”：|“高新区—新桥镇”非公党建工作示范带观察");
	free(s);
	/* Digits stay together. */
	s = lines("2025年下半年两新组织党组织分类定级复评结果", 12);
	CHECK(strstr(s, "20|25") == NULL);
	free(s);
}

/* A bulletin page as content_load would leave it. */
static void
bulletin(struct page *p, const char *file, int issue, const char *date)
{
	memset(p, 0, sizeof(*p));
	p->kind = PAGE_BULLETIN;
	p->file = xstrdup(file);
	front_init(&p->front);
	p->front.title = xstrdup("题目");
	p->front.issue = issue;
	if (issue) {
		p->front.pos_issue.line = 4;
		p->front.pos_issue.col = 1;
	}
	p->front.date = date ? xstrdup(date) : NULL;
	p->ok = 1;
}

static char *
check_of(struct page *b, size_t n, struct page *cases, size_t ncases,
	 int *rc)
{
	struct content c;
	struct diag *d = diag_new();
	char *s;

	memset(&c, 0, sizeof(c));
	c.bulletins = b;
	c.nbulletins = n;
	c.cases = cases;
	c.ncases = ncases;
	*rc = bulletin_check(NULL, &c, NULL, d);
	s = diag_text(d);
	diag_free(d);
	return s;
}

static void
add_list(char ***items, size_t *n, const char *item, struct front_pos *pos)
{
	*items = xrealloc(*items, (*n + 2) * sizeof(**items));
	(*items)[(*n)++] = xstrdup(item);
	(*items)[*n] = NULL;
	pos->line = 6;
	pos->col = 1;
}

static void
numbers(void)
{
	struct page b[5], cs[1];
	size_t i;
	char *s;
	int rc;

	/* 1, 2, 2, 5 of 2025 and 1 of 2024: a duplicate and a gap. */
	bulletin(&b[0], "content/bulletins/a.md", 1, "2025-01-10");
	bulletin(&b[1], "content/bulletins/b.md", 2, "2025-02-10");
	bulletin(&b[2], "content/bulletins/c.md", 2, "2025-03-10");
	bulletin(&b[3], "content/bulletins/d.md", 5, "2025-04-10");
	bulletin(&b[4], "content/bulletins/e.md", 1, "2024-12-10");
	s = check_of(b, 5, NULL, 0, &rc);
	CHECK_INT(rc, -1);
	CHECK_STR(s,
		  "content/bulletins/c.md:4:1: error: duplicate issue 2 of 2025: content/bulletins/b.md has it too\n"
		  "content/bulletins/d.md:4:1: warning: issue 5 of 2025 follows issue 2; issues 3 and 4 are missing\n");
	free(s);
	for (i = 0; i < 5; i++)
		page_release(&b[i]);

	/* A year starting at 2, no issue, no date, a case and a chart unknown. */
	bulletin(&b[0], "content/bulletins/a.md", 2, "2025-01-10");
	bulletin(&b[1], "content/bulletins/b.md", 0, "2025-02-10");
	bulletin(&b[2], "content/bulletins/c.md", 3, NULL);
	add_list(&b[0].front.cases, &b[0].front.ncases, "no-such-case",
		 &b[0].front.pos_cases);
	add_list(&b[0].front.cases, &b[0].front.ncases, "known",
		 &b[0].front.pos_cases);
	add_list(&b[0].front.charts, &b[0].front.ncharts, "tiers",
		 &b[0].front.pos_charts);
	add_list(&b[0].front.charts, &b[0].front.ncharts, "pie",
		 &b[0].front.pos_charts);
	bulletin(&cs[0], "content/cases/known.md", 0, "2025-01-01");
	cs[0].kind = PAGE_CASE;
	cs[0].slug = xstrdup("known");
	s = check_of(b, 3, cs, 1, &rc);
	CHECK_INT(rc, -1);
	CHECK_STR(s,
		  "content/bulletins/a.md:4:1: warning: issue 2 is the first of 2025; issue 1 is missing\n"
		  "content/bulletins/a.md:6:1: error: case study \"no-such-case\" not found in content/cases\n"
		  "content/bulletins/a.md:6:1: error: unknown chart \"pie\"; a bulletin takes the charts of the data: coverage_by_region, coverage_by_kind, tiers, stars, forms, demo_sites, targets, red_collar, tiers_by_round, indicator.<key>\n"
		  "content/bulletins/b.md:1:1: error: missing \"issue\": a bulletin needs its issue number (期号)\n"
		  "content/bulletins/c.md:1:1: error: missing \"date\": a bulletin's issues are numbered within the year of its date\n");
	free(s);
	for (i = 0; i < 3; i++)
		page_release(&b[i]);
	page_release(&cs[0]);
}

/* ---- pdf_run with a stand-in for WeasyPrint ---- */

static char *
tmpdir(void)
{
	char dir[] = "/tmp/t_bulletin.XXXXXX";

	return xstrdup(mkdtemp(dir) ? dir : "/tmp");
}

static void
put(const char *dir, const char *rel, const char *text)
{
	char *path = path_join(dir, rel);

	file_write(path, text, strlen(text));
	free(path);
}

static char *
get(const char *dir, const char *rel)
{
	struct buf b = BUF_INIT;
	char *path = path_join(dir, rel);

	if (file_read(path, &b) < 0)
		buf_addstr(&b, "(missing)");
	free(path);
	return buf_detach(&b, NULL);
}

/* A site of one print document with an image and a style sheet. */
static char *
site(const char *img)
{
	char *dir = tmpdir(), *sub = path_join(dir, "b");

	dir_make(sub);
	free(sub);
	put(dir, "b/x-print.html", "<link rel=\"stylesheet\" href=\"../s.css\">"
	    "<img src=\"../i.png\"><a href=\"../other.html\">link</a>");
	put(dir, "s.css", "body { background: url(\"bg.png\") }");
	put(dir, "i.png", img);
	put(dir, "bg.png", "background");
	put(dir, "other.html", "changes do not matter");
	return dir;
}

static void
pdf(void)
{
	static const char fake[] =
		"#!/bin/sh\n"
		"# weasyprint --pdf-identifier ID --base-url URL --stylesheet CSS IN OUT,\n"
		"# in IN's site\n"
		"test -f \"$7\" && test -f \"$6\" || exit 9\n"
		"case $7 in *fail*) echo \"ERROR: boom in $4\" >&2; exit 3 ;; esac\n"
		"echo 'WARNING: Ignored `x: y` at 1:2, unknown property.' >&2\n"
		"printf 'PDF %s\\n' \"$2\" > \"$8\"\n";
	const char *docs[] = { "b/x-print.html" };
	char *bin = tmpdir(), *prog = path_join(bin, "weasyprint");
	char *one = site("image 1"), *two = site("image 1"), *three = site("image 2");
	char *s, *t;
	struct pdf_opts o;
	struct pdf_stats st;
	struct diag *d = diag_new();

	file_write(prog, fake, sizeof(fake) - 1);
	chmod(prog, 0755);
	/* Font subsets, if the Fandol faces are here, go to the test's folder. */
	setenv("SHOWCASE_FONT_CACHE", bin, 1);
	memset(&o, 0, sizeof(o));
	o.program = prog;
	o.jobs = 2;

	/* Printed; WeasyPrint's warning is the document's. */
	o.dir = one;
	CHECK_INT(pdf_run(&o, docs, 1, &st, d), 0);
	CHECK_INT(st.printed, 1);
	CHECK_INT(st.reused, 0);
	s = get(one, "b/x.pdf");
	CHECK(!strncmp(s, "PDF ", 4) && strlen(s) == 4 + 32 + 1);
	free(s);
	s = diag_text(d);
	CHECK_STR(s, "b/x-print.html: warning: weasyprint: Ignored `x: y` at 1:2, unknown property.\n");
	free(s);
	s = get(one, "b/x.pdf.tmp");
	CHECK_STR(s, "(missing)");
	free(s);
	s = get(one, ".showcase-pdf");
	CHECK(strstr(s, " b/x.pdf\n") != NULL);

	/* The same input elsewhere: the previous PDF is taken. */
	diag_clear(d);
	o.dir = two;
	o.prev = one;
	CHECK_INT(pdf_run(&o, docs, 1, &st, d), 0);
	CHECK_INT(st.printed, 0);
	CHECK_INT(st.reused, 1);
	CHECK_INT(diag_warnings(d), 0);
	t = get(two, ".showcase-pdf");
	CHECK_STR(t, s);
	free(t);

	/* An image changed: printed again, under another hash. */
	o.dir = three;
	CHECK_INT(pdf_run(&o, docs, 1, &st, d), 0);
	CHECK_INT(st.printed, 1);
	t = get(three, ".showcase-pdf");
	CHECK(strcmp(t, s) != 0);
	free(t);
	free(s);

	/* A failure: an error, no PDF, no temporary file, paths shortened. */
	diag_clear(d);
	put(three, "b/fail-print.html", "<p>x</p>");
	docs[0] = "b/fail-print.html";
	o.prev = NULL;
	CHECK_INT(pdf_run(&o, docs, 1, &st, d), -1);
	s = diag_text(d);
	CHECK_STR(s, "b/fail-print.html: error: weasyprint: boom in b/fail-print.html\n");
	free(s);
	s = get(three, "b/fail.pdf");
	CHECK_STR(s, "(missing)");
	free(s);

	/* No WeasyPrint at all. */
	diag_clear(d);
	o.program = "/nonexistent/weasyprint";
	CHECK_INT(pdf_run(&o, docs, 1, &st, d), -1);
	s = diag_text(d);
	CHECK_STR(s, "showcase: error: weasyprint not found; install the Debian package weasyprint (apt-get install weasyprint)\n");
	free(s);
	diag_clear(d);
	o.flags = PDF_MISSING_WARNS;
	CHECK_INT(pdf_run(&o, docs, 1, &st, d), 0);
	CHECK_INT(diag_errors(d), 0);
	CHECK_INT(diag_warnings(d), 1);

	tree_remove(one);
	tree_remove(two);
	tree_remove(three);
	tree_remove(bin);
	free(one);
	free(two);
	free(three);
	free(prog);
	free(bin);
	diag_free(d);
}

int
main(void)
{
	routes();
	print_html();
	embed_html();
	title_lines();
	numbers();
	pdf();
	return harness_done();
}
