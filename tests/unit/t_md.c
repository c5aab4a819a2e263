/* Markdown bodies: GFM as the site needs it, read as a specification. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "md.h"
#include "util.h"

/* Render s with o (defaults when NULL); the html, or "(failed)". */
static int
render(struct md_doc *doc, const char *s, const struct md_opts *o)
{
	struct md_opts def;
	struct diag *d = diag_new();
	int rc;

	if (!o) {
		md_opts_init(&def);
		o = &def;
	}
	rc = md_render(doc, s, strlen(s), "content/cases/x.md", 1, o, d);
	diag_free(d);
	return rc;
}

/* The html of s with the default options; caller frees. */
static char *
html_of(const char *s)
{
	struct md_doc doc;
	char *html;

	md_doc_init(&doc);
	if (render(&doc, s, NULL) < 0)
		html = xstrdup("(failed)");
	else
		html = buf_detach(&doc.html, NULL);
	md_doc_release(&doc);
	return html;
}

#define CHECK_HTML(md, want) do { \
	char *got_ = html_of(md); \
	CHECK_STR(got_, want); \
	free(got_); \
} while (0)

#define CHECK_HAS(hay, needle) do { \
	const char *h_ = (hay); \
	CHECK(strstr(h_, needle) != NULL); \
	if (!strstr(h_, needle)) \
		fprintf(stderr, "  in:   \"%s\"\n  want: \"%s\"\n", h_, needle); \
} while (0)

static void
defaults(void)
{
	struct md_opts o;

	md_opts_init(&o);
	CHECK_INT(o.unsafe, 0);
	CHECK_INT(o.toc_min, 4);
	CHECK_INT(o.summary_chars, 120);
	CHECK_STR(o.link_base, "");
	CHECK(o.fence_word == NULL);
	CHECK(o.fence == NULL);
}

static void
plain_paragraph(void)
{
	CHECK_HTML("党建引领基层治理。", "<p>党建引领基层治理。</p>\n");
	CHECK_HTML("", "");
}

static void
tables_are_gfm_tables_with_html5_alignment(void)
{
	char *h = html_of("| 支部 | 党员数 |\n|---|:-:|\n| 第一支部 | 25 |\n");

	CHECK_HAS(h, "<table>");
	CHECK_HAS(h, "<th>支部</th>");
	CHECK_HAS(h, "<td>第一支部</td>");
	/* align="" is obsolete in HTML5 and style="" breaks a strict CSP */
	CHECK_HAS(h, "<td class=\"align-center\">25</td>");
	CHECK(strstr(h, " align=") == NULL);
	CHECK(strstr(h, "style=") == NULL);
	free(h);
}

static void
strikethrough_needs_two_tildes(void)
{
	CHECK_HTML("每组3~5人，~~已取消~~。",
		   "<p>每组3~5人，<del>已取消</del>。</p>\n");
	CHECK_HTML("时间为3~5天或6~8天。", "<p>时间为3~5天或6~8天。</p>\n");
}

static void
tasklist_boxes_have_names(void)
{
	CHECK_HTML("- [ ] 学习\n- [x] 整改\n",
		   "<ul>\n"
		   "<li><input type=\"checkbox\" disabled aria-label=\"未完成\"> 学习</li>\n"
		   "<li><input type=\"checkbox\" checked disabled aria-label=\"已完成\"> 整改</li>\n"
		   "</ul>\n");
	/* loose lists keep their paragraphs, with the box inside */
	CHECK_HTML("- [x] 一\n\n- [ ] 二\n",
		   "<ul>\n"
		   "<li>\n<p><input type=\"checkbox\" checked disabled aria-label=\"已完成\"> 一</p>\n</li>\n"
		   "<li>\n<p><input type=\"checkbox\" disabled aria-label=\"未完成\"> 二</p>\n</li>\n"
		   "</ul>\n");
}

static void
raw_html_is_dropped_unless_unsafe(void)
{
	struct md_opts o;
	struct md_doc doc;

	CHECK_HTML("<script>alert(1)</script>\n\n文字<b>粗</b>",
		   "<!-- raw HTML omitted -->\n"
		   "<p>文字<!-- raw HTML omitted -->粗<!-- raw HTML omitted --></p>\n");
	CHECK_HTML("[点我](javascript:alert(1))", "<p><a href=\"\">点我</a></p>\n");

	md_opts_init(&o);
	o.unsafe = 1;
	md_doc_init(&doc);
	CHECK_INT(render(&doc, "<div class=\"x\">块</div>\n\n文字<b>粗</b>", &o), 0);
	CHECK_STR(doc.html.ptr,
		  "<div class=\"x\">块</div>\n<p>文字<b>粗</b></p>\n");
	md_doc_release(&doc);
}

static void
bare_url_stops_before_chinese(void)
{
	CHECK_HTML("详见https://example.cn/a。下一句",
		   "<p>详见<a href=\"https://example.cn/a\">https://example.cn/a</a>。下一句</p>\n");
	CHECK_HTML("网址 www.example.cn/x，欢迎访问",
		   "<p>网址 <a href=\"http://www.example.cn/x\">www.example.cn/x</a>，欢迎访问</p>\n");
	/* GFM links "www." only after a space or *_~( and so do we */
	CHECK_HTML("网址www.example.cn", "<p>网址www.example.cn</p>\n");
	CHECK_HTML("见https://a.cn/x，或www.b.cn，(www.c.cn)",
		   "<p>见<a href=\"https://a.cn/x\">https://a.cn/x</a>，或www.b.cn，("
		   "<a href=\"http://www.c.cn\">www.c.cn</a>)</p>\n");
	/* ASCII punctuation before the Chinese goes too, as GFM does at a space */
	CHECK_HTML("见https://example.cn/a.）",
		   "<p>见<a href=\"https://example.cn/a\">https://example.cn/a</a>.）</p>\n");
	CHECK_HTML("(见https://example.cn/a)。",
		   "<p>(见<a href=\"https://example.cn/a\">https://example.cn/a</a>)。</p>\n");
	/* a second URL in the swallowed text becomes a link of its own */
	CHECK_HTML("见https://a.cn/x，或https://b.cn/y。",
		   "<p>见<a href=\"https://a.cn/x\">https://a.cn/x</a>，或"
		   "<a href=\"https://b.cn/y\">https://b.cn/y</a>。</p>\n");
	/* nothing left after the scheme: no link at all */
	CHECK_HTML("访问https://例子.cn。", "<p>访问https://例子.cn。</p>\n");
	/* ASCII text after the URL is GFM's business */
	CHECK_HTML("see https://example.cn/a. Next",
		   "<p>see <a href=\"https://example.cn/a\">https://example.cn/a</a>. Next</p>\n");
	/* where the author marked the end, it stays */
	CHECK_HTML("<https://example.cn/路径>",
		   "<p><a href=\"https://example.cn/%E8%B7%AF%E5%BE%84\">https://example.cn/路径</a></p>\n");
	CHECK_HTML("[https://example.cn/路径](https://example.cn/路径)",
		   "<p><a href=\"https://example.cn/%E8%B7%AF%E5%BE%84\">https://example.cn/路径</a></p>\n");
	CHECK_HTML("邮箱dj@example.cn。", "<p>邮箱<a href=\"mailto:dj@example.cn\">dj@example.cn</a>。</p>\n");
}

static void
headings_get_stable_unique_ids(void)
{
	struct md_doc doc;

	md_doc_init(&doc);
	CHECK_INT(render(&doc,
			 "# 工作动态\n\n"
			 "## 一、基本 情况\n\n"
			 "## Hello, *World*!\n\n"
			 "### 小结\n\n### 小结\n\n### 小结-2\n\n### 小结\n\n"
			 "## ！！！\n\n"
			 "#\n\n"
			 "## ２０２４年\n\n"
			 "## a<b & \"c\"\n", NULL), 0);
	CHECK_INT(doc.nheadings, 11);
	CHECK_STR(doc.headings[0].id, "工作动态");
	CHECK_INT(doc.headings[0].level, 1);
	CHECK_STR(doc.headings[1].id, "一-基本-情况");
	CHECK_STR(doc.headings[1].text, "一、基本 情况");
	CHECK_STR(doc.headings[2].id, "hello-world");
	CHECK_STR(doc.headings[2].text, "Hello, World!");
	CHECK_STR(doc.headings[3].id, "小结");
	CHECK_STR(doc.headings[4].id, "小结-2");
	/* a written "小结-2" does not take the generated one's place */
	CHECK_STR(doc.headings[5].id, "小结-2-2");
	CHECK_STR(doc.headings[6].id, "小结-3");
	CHECK_STR(doc.headings[7].id, "section");
	CHECK_STR(doc.headings[8].id, "section-2");
	CHECK_STR(doc.headings[9].id, "2024年");
	CHECK_STR(doc.headings[10].id, "a-b-c");
	CHECK_HAS(doc.html.ptr, "<h1 id=\"工作动态\">工作动态</h1>\n");
	CHECK_HAS(doc.html.ptr, "<h2 id=\"hello-world\">Hello, <em>World</em>!</h2>\n");
	CHECK_HAS(doc.html.ptr, "<h1 id=\"section-2\"></h1>\n");
	CHECK_HAS(doc.html.ptr, "<h2 id=\"a-b-c\">a&lt;b &amp; &quot;c&quot;</h2>\n");
	md_doc_release(&doc);

	/* setext headings and headings in lists count the same */
	CHECK_HTML("标题\n===\n\n- ## 列表里\n",
		   "<h1 id=\"标题\">标题</h1>\n<ul>\n<li>\n<h2 id=\"列表里\">列表里</h2>\n</li>\n</ul>\n");
	/* raw HTML in a heading is not part of its id, and stays dropped */
	CHECK_HTML("## 标<i>题</i>",
		   "<h2 id=\"标题\">标<!-- raw HTML omitted -->题<!-- raw HTML omitted --></h2>\n");
}

static void
toc_appears_at_the_threshold(void)
{
	const char *three = "## 一\n\n### 甲\n\n## 二\n";
	const char *four = "### 前言\n\n## 一\n\n### 甲\n\n### 乙\n\n## 二 & 三\n\n#### 细\n";
	struct md_opts o;
	struct md_doc doc;

	md_opts_init(&o);
	md_doc_init(&doc);
	CHECK_INT(render(&doc, three, &o), 0);
	CHECK_STR(doc.toc.ptr, "");
	CHECK_INT(render(&doc, four, &o), 0);
	CHECK_STR(doc.toc.ptr,
		  "<nav class=\"toc\" aria-label=\"目录\"><ol>"
		  "<li><a href=\"#前言\">前言</a></li>"
		  "<li><a href=\"#一\">一</a><ol>"
		  "<li><a href=\"#甲\">甲</a></li>"
		  "<li><a href=\"#乙\">乙</a></li></ol></li>"
		  "<li><a href=\"#二-三\">二 &amp; 三</a></li>"
		  "</ol></nav>");
	o.toc_min = 3;
	CHECK_INT(render(&doc, three, &o), 0);
	CHECK_STR(doc.toc.ptr,
		  "<nav class=\"toc\" aria-label=\"目录\"><ol>"
		  "<li><a href=\"#一\">一</a><ol><li><a href=\"#甲\">甲</a></li></ol></li>"
		  "<li><a href=\"#二\">二</a></li></ol></nav>");
	o.toc_min = 0;
	CHECK_INT(render(&doc, four, &o), 0);
	CHECK_STR(doc.toc.ptr, "");
	md_doc_release(&doc);
}

static void
link_base_prefixes_relative_urls(void)
{
	struct md_opts o;
	struct md_doc doc;

	md_opts_init(&o);
	o.link_base = "../";
	md_doc_init(&doc);
	CHECK_INT(render(&doc,
			 "![支部活动](assets/img/a.jpg) [案例](cases/b.html) "
			 "[根](/x) [锚](#y) [问](?q=1) [外](https://gov.cn/) "
			 "[信](mailto:a@b.cn) [空]() ![图二](assets/b%20c.png \"题\")",
			 &o), 0);
	CHECK_HAS(doc.html.ptr, "<img src=\"../assets/img/a.jpg\" alt=\"支部活动\" />");
	CHECK_HAS(doc.html.ptr, "<a href=\"../cases/b.html\">案例</a>");
	CHECK_HAS(doc.html.ptr, "<a href=\"/x\">根</a>");
	CHECK_HAS(doc.html.ptr, "<a href=\"#y\">锚</a>");
	CHECK_HAS(doc.html.ptr, "<a href=\"?q=1\">问</a>");
	CHECK_HAS(doc.html.ptr, "<a href=\"https://gov.cn/\">外</a>");
	CHECK_HAS(doc.html.ptr, "<a href=\"mailto:a@b.cn\">信</a>");
	CHECK_HAS(doc.html.ptr, "<a href=\"\">空</a>");
	CHECK_HAS(doc.html.ptr, "<img src=\"../assets/b%20c.png\" alt=\"图二\" title=\"题\" />");
	/* images as written, for checking that they exist */
	CHECK_INT(doc.nimages, 2);
	CHECK_STR(doc.images[0], "assets/img/a.jpg");
	CHECK_STR(doc.images[1], "assets/b%20c.png");
	md_doc_release(&doc);
}

struct fence_log {
	int calls;
	int fail;
	char info[64];
	char body[64];
	int line;
	struct diag *d;
};

static int
chart_fence(void *arg, const char *info, const char *body, int line,
	    struct buf *out)
{
	struct fence_log *log = arg;

	log->calls++;
	snprintf(log->info, sizeof(log->info), "%s", info);
	snprintf(log->body, sizeof(log->body), "%s", body);
	log->line = line;
	if (log->fail) {
		diag_error(log->d, "content/cases/x.md", line, 1,
			   "chart \"%s\" is not known", body);
		return -1;
	}
	buf_addf(out, "<figure class=\"chart\" data-line=\"%d\"></figure>", line);
	return 0;
}

static void
fence_callback_replaces_blocks(void)
{
	const char *md = "第一段。\n\n```chart bar\ntype: bar\n```\n\n"
			 "```charts\nnot mine\n```\n\n```\nplain\n```\n";
	struct fence_log log = { 0 };
	struct md_opts o;
	struct md_doc doc;
	struct diag *d = diag_new();

	md_opts_init(&o);
	o.fence_word = "chart";
	o.fence = chart_fence;
	o.fence_arg = &log;
	md_doc_init(&doc);
	/* the body starts on line 5 of the file (after front matter) */
	CHECK_INT(md_render(&doc, md, strlen(md), "content/cases/x.md", 5, &o, d), 0);
	CHECK_INT(log.calls, 1);
	CHECK_STR(log.info, "chart bar");
	CHECK_STR(log.body, "type: bar\n");
	CHECK_INT(log.line, 7);
	CHECK_STR(doc.html.ptr,
		  "<p>第一段。</p>\n"
		  "<figure class=\"chart\" data-line=\"7\"></figure>\n"
		  "<pre><code class=\"language-charts\">not mine\n</code></pre>\n"
		  "<pre><code>plain\n</code></pre>\n");
	/* a chart's source is data, not text to read */
	CHECK_STR(doc.text.ptr, "第一段。\nnot mine\nplain");
	md_doc_release(&doc);
	diag_free(d);
}

static void
fence_failure_fails_the_render(void)
{
	const char *md = "```chart\nA\n```\n\n```chart\nB\n```\n";
	struct fence_log log = { 0 };
	struct md_opts o;
	struct md_doc doc;

	log.fail = 1;
	log.d = diag_new();
	md_opts_init(&o);
	o.fence_word = "chart";
	o.fence = chart_fence;
	o.fence_arg = &log;
	md_doc_init(&doc);
	CHECK_INT(md_render(&doc, md, strlen(md), "content/cases/x.md", 1, &o, log.d), -1);
	/* every failing block is reported in one run */
	CHECK_INT(log.calls, 2);
	CHECK_INT(diag_errors(log.d), 2);
	CHECK_STR(doc.html.ptr, "");
	CHECK_INT(doc.nheadings, 0);
	md_doc_release(&doc);
	diag_free(log.d);
}

static void
text_is_plain_with_blocks_on_lines(void)
{
	struct md_doc doc;

	md_doc_init(&doc);
	CHECK_INT(render(&doc,
			 "# 标题\n\n第一段*强调*，\n第二行。\nLatin\nwords\n\n"
			 "- 项目一\n- 项目`二`\n\n"
			 "| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n"
			 "> 引用<b>x</b>\n\n---\n\n![图片说明](a.png)\n", NULL), 0);
	CHECK_STR(doc.text.ptr,
		  "标题\n第一段强调，第二行。 Latin words\n项目一\n项目二\n"
		  "甲 乙\n1 2\n引用x\n图片说明");
	md_doc_release(&doc);
}

static void
chars_and_minutes(void)
{
	struct md_doc doc;
	struct buf md = BUF_INIT;
	int i;

	md_doc_init(&doc);
	CHECK_INT(render(&doc, "党建 引领\n\n**基层**　治理 ok", NULL), 0);
	/* spaces, newlines and the ideographic space are not counted */
	CHECK_INT(doc.chars, 10);
	CHECK_INT(doc.minutes, 1);
	for (i = 0; i < 401; i++)
		BUF_ADDLIT(&md, "字");
	CHECK_INT(render(&doc, md.ptr, NULL), 0);
	CHECK_INT(doc.chars, 401);
	CHECK_INT(doc.minutes, 2);
	CHECK_INT(render(&doc, "", NULL), 0);
	CHECK_INT(doc.chars, 0);
	CHECK_INT(doc.minutes, 1);
	md_doc_release(&doc);
	buf_release(&md);

	CHECK_INT(md_minutes(0), 1);
	CHECK_INT(md_minutes(400), 1);
	CHECK_INT(md_minutes(401), 2);
	CHECK_INT(md_minutes(4000), 10);
}

static void
check_summary(const char *text, size_t max, const char *want,
	      const char *file, int line)
{
	struct buf out = BUF_INIT;

	BUF_ADDLIT(&out, ">");
	md_summary(&out, text, strlen(text), max);
	harness_check_str(out.ptr + 1, want, text, file, line);
	buf_release(&out);
}
#define CHECK_SUMMARY(text, max, want) \
	check_summary(text, max, want, __FILE__, __LINE__)

static void
summary_keeps_whole_sentences(void)
{
	/* 。！？ end sentences; as many as fit */
	CHECK_SUMMARY("第一句。第二句！第三句？", 8, "第一句。第二句！");
	CHECK_SUMMARY("第一句。第二句！第三句？", 7, "第一句。");
	CHECK_SUMMARY("第一句。第二句！第三句？", 100, "第一句。第二句！第三句？");
	/* a closing quote belongs to its sentence */
	CHECK_SUMMARY("他说：“好。”然后走了。", 7, "他说：“好。”");
	/* the first sentence alone too long: cut, never inside a character */
	CHECK_SUMMARY("党委高度重视基层组织建设工作。", 5, "党委高度重……");
	CHECK_SUMMARY("党委，高度重视。", 3, "党委……");
	/* text without an end is one sentence */
	CHECK_SUMMARY("没有句号的短文", 10, "没有句号的短文");
	/* Latin: . ! ? before a space or the end; 3.5 goes on */
	CHECK_SUMMARY("Party work. It grew 3.5 times! More", 30,
		      "Party work. It grew 3.5 times!");
	CHECK_SUMMARY("Party work. It grew 3.5 times! More", 20, "Party work.");
	CHECK_SUMMARY("Supercalifragilistic word", 5, "Super……");
	/* mixed: newlines vanish between Chinese, become a space elsewhere */
	CHECK_SUMMARY("今年共发展\n党员 12 名。\nThe end.  Next", 100,
		      "今年共发展党员 12 名。 The end. Next");
	CHECK_SUMMARY("  \n ", 10, "");
	CHECK_SUMMARY("句子。", 0, "");
}

static void
doc_summary_comes_from_prose(void)
{
	struct md_opts o;
	struct md_doc doc;

	md_opts_init(&o);
	o.summary_chars = 20;
	md_doc_init(&doc);
	CHECK_INT(render(&doc,
			 "# 标题\n\n**一、基本情况**\n\n"
			 "区委坚持党建引领。全面推进\n基层治理。第三句话很长很长很长。\n", &o), 0);
	CHECK_STR(doc.summary.ptr, "区委坚持党建引领。全面推进基层治理。");
	/* nothing with a sentence end: the whole text */
	CHECK_INT(render(&doc, "# 标题\n\n只有短语", &o), 0);
	CHECK_STR(doc.summary.ptr, "标题只有短语");
	md_doc_release(&doc);
}

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void
check_fast(struct buf *md, const char *what)
{
	struct md_doc doc;
	double t = seconds();

	md_doc_init(&doc);
	CHECK_INT(render(&doc, md->ptr, NULL), 0);
	t = seconds() - t;
	/*
	 * Generous, for valgrind and sanitizers: each input takes well under
	 * 0.1s, and quadratic work at these sizes takes far longer.
	 */
	CHECK(t < 5.0);
	if (t >= 5.0)
		fprintf(stderr, "  %s took %.2fs\n", what, t);
	md_doc_release(&doc);
	buf_reset(md);
}

static void
pathological_inputs_finish_quickly(void)
{
	struct buf md = BUF_INIT;
	int i;

	for (i = 0; i < 10000; i++)
		buf_addch(&md, '[');
	BUF_ADDLIT(&md, "a");
	for (i = 0; i < 10000; i++)
		buf_addch(&md, ']');
	check_fast(&md, "nested brackets");
	for (i = 0; i < 10000; i++)
		BUF_ADDLIT(&md, "*a **");
	check_fast(&md, "emphasis runs");
	for (i = 0; i < 10000; i++)
		BUF_ADDLIT(&md, "> - ");
	check_fast(&md, "nested containers");
	for (i = 0; i < 20000; i++)
		BUF_ADDLIT(&md, "## 题\n");
	check_fast(&md, "same heading");
	BUF_ADDLIT(&md, "见https://a.cn/");
	for (i = 0; i < 100000; i++)
		BUF_ADDLIT(&md, ")");
	for (i = 0; i < 30000; i++)
		BUF_ADDLIT(&md, "。https://b.cn");
	check_fast(&md, "long bare url");
	buf_release(&md);
}

/*
 * The shapes that cmark-gfm 0.29 reads in quadratic time are refused at
 * their first place (docs/limits.md); what real pages hold near them is
 * not: wide tables, many images and links, a table under a paragraph.
 */
static void
refused_at(const char *what, const struct buf *md, const char *want)
{
	struct md_doc doc;
	struct diag *d = diag_new();
	struct md_opts o;
	char *got = NULL;
	size_t n = 0;
	FILE *fp;

	md_opts_init(&o);
	md_doc_init(&doc);
	CHECK_INT(md_render(&doc, md->ptr, md->len, "content/cases/x.md", 5, &o, d), -1);
	CHECK_INT((int)diag_errors(d), 1);
	fp = open_memstream(&got, &n);
	diag_print(d, fp);
	fclose(fp);
	CHECK(strstr(got, want) == got);
	if (strstr(got, want) != got)
		fprintf(stderr, "  %s: got %s", what, got);
	free(got);
	md_doc_release(&doc);
	diag_free(d);
}

static void
quadratic_shapes_are_refused(void)
{
	struct buf md = BUF_INIT;
	int i, j;

	BUF_ADDLIT(&md, "正文\n\na\n-|\n");
	for (i = 0; i < 129; i++)
		buf_addch(&md, '|');
	refused_at("cells", &md, "content/cases/x.md:9:129: error: a line with more than 128 \"|\"");
	buf_reset(&md);
	for (i = 0; i < 1300; i++)
		BUF_ADDLIT(&md, "|\n|-\n");
	refused_at("rescans", &md, "content/cases/x.md:6:1: error: 1300 lines like a table's");
	buf_reset(&md);
	BUF_ADDLIT(&md, "文字 ");
	for (i = 0; i < 3000; i++)
		BUF_ADDLIT(&md, "![[]()");
	refused_at("images", &md, "content/cases/x.md:5:4: error: up to 3000 \"![\" left open");

	/* 60 columns, 100 rows, under a paragraph; 200 images and links. */
	buf_reset(&md);
	BUF_ADDLIT(&md, "表格如下：\n");
	for (i = 0; i < 102; i++) {
		for (j = 0; j < 60; j++)
			buf_addstr(&md, i == 1 ? "|---" : "| 格 ");
		BUF_ADDLIT(&md, "|\n");
	}
	BUF_ADDLIT(&md, "\n");
	for (i = 0; i < 200; i++)
		BUF_ADDLIT(&md, "![图](a.png) [链接](b.html) [脚注] ");
	BUF_ADDLIT(&md, "\n\n[脚注]: c.html\n");
	check_fast(&md, "wide table, many images");
	buf_release(&md);
}

static const char *const thread_md =
	"## 标题\n\n每组3~5人，~~取消~~。详见https://example.cn/a。下一句\n\n"
	"- [x] 完成\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";

static void *
thread_render(void *arg)
{
	struct buf *out = arg;
	int i;

	for (i = 0; i < 200; i++) {
		char *h = html_of(thread_md);

		if (i == 0)
			buf_addstr(out, h);
		else if (strcmp(out->ptr, h))
			BUF_ADDLIT(out, "(differs)");
		free(h);
	}
	return NULL;
}

static void
same_input_same_output_on_any_thread(void)
{
	char *want = html_of(thread_md);
	pthread_t t[8];
	struct buf out[8];
	int i;

	CHECK_HAS(want, "<del>取消</del>");
	CHECK_HAS(want, "<a href=\"https://example.cn/a\">");
	for (i = 0; i < 8; i++) {
		buf_init(&out[i], 0);
		pthread_create(&t[i], NULL, thread_render, &out[i]);
	}
	for (i = 0; i < 8; i++) {
		pthread_join(t[i], NULL);
		CHECK_STR(out[i].ptr, want);
		buf_release(&out[i]);
	}
	free(want);
}

int
main(void)
{
	defaults();
	plain_paragraph();
	tables_are_gfm_tables_with_html5_alignment();
	strikethrough_needs_two_tildes();
	tasklist_boxes_have_names();
	raw_html_is_dropped_unless_unsafe();
	bare_url_stops_before_chinese();
	headings_get_stable_unique_ids();
	toc_appears_at_the_threshold();
	link_base_prefixes_relative_urls();
	fence_callback_replaces_blocks();
	fence_failure_fails_the_render();
	text_is_plain_with_blocks_on_lines();
	chars_and_minutes();
	summary_keeps_whole_sentences();
	doc_summary_comes_from_prose();
	pathological_inputs_finish_quickly();
	quadratic_shapes_are_refused();
	same_input_same_output_on_any_thread();
	return harness_done();
}
