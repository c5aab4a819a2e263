/*
 * The ctemplate bridge: escaping, sections, includes, the override order
 * of roots, every kind of template error with the exact diagnostic, the
 * names a template uses, the keys a dictionary was given, and expansion
 * from several threads at once. Run from the top of the source tree.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "tmpl.h"
#include "util.h"

#define DIR "tests/unit/tmpl/"

static const char *const good_roots[] = { DIR "site", DIR "default" };
static const char *const bad_roots[] = { DIR "bad" };

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

static struct tmpl *
good(struct diag *d)
{
	struct tmpl *t = tmpl_new(good_roots, 2);

	CHECK_INT(tmpl_load_all(t, d), 0);
	CHECK_INT(diag_errors(d), 0);
	return t;
}

/* Expand name with dict; the output, or NULL on failure; caller frees. */
static char *
expand(struct tmpl *t, const char *name, struct tmpl_dict *dict,
       struct diag *d)
{
	struct buf out = BUF_INIT;

	if (tmpl_expand(t, name, dict, &out, d) < 0) {
		buf_release(&out);
		return NULL;
	}
	return buf_detach(&out, NULL);
}

static void
variables_are_escaped_and_none_is_raw(void)
{
	struct diag *d = diag_new();
	struct tmpl *t = good(d);
	struct tmpl_dict *dict = tmpl_dict_new("base");
	char *s;

	tmpl_dict_set(dict, "TITLE", "\"党建\" & <品牌>");
	tmpl_dict_set(dict, "TEXT", "<script>alert('x')</script> 共建共享");
	tmpl_dict_set(dict, "URL", "../案例/a.html?x=1&y=2");
	tmpl_dict_set(dict, "BODY", "<p>正文 <em>重点</em> &amp; 说明</p>");
	s = expand(t, "base.tpl", dict, d);
	CHECK_STR(s,
		  "<p title=\"&quot;党建&quot; &amp; &lt;品牌&gt;\">"
		  "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 共建共享</p>\n"
		  "<a href=\"../案例/a.html?x=1&amp;y=2\">链接</a>\n"
		  "<p>正文 <em>重点</em> &amp; 说明</p>\n");
	free(s);

	/* A URL attribute refuses other schemes than http(s). */
	tmpl_dict_set(dict, "URL", "javascript:alert(1)");
	s = expand(t, "base.tpl", dict, d);
	CHECK(s && strstr(s, "<a href=\"#\">"));
	free(s);
	tmpl_dict_free(dict);

	dict = tmpl_dict_new("feed");
	tmpl_dict_set(dict, "TITLE", "A&B <c> \"d\" '党'");
	s = expand(t, "feed.tpl", dict, d);
	CHECK_STR(s, "<title>A&amp;B &lt;c&gt; &quot;d&quot; &#39;党&#39;"
		     "</title>\n");
	free(s);
	tmpl_dict_free(dict);

	CHECK_INT(diag_errors(d), 0);
	tmpl_free(t);
	diag_free(d);
}

static void
sections_repeat_and_hide(void)
{
	struct diag *d = diag_new();
	struct tmpl *t = good(d);
	struct tmpl_dict *dict = tmpl_dict_new("list");
	const char *names[] = { "一组", "二组", "三组" };
	struct tmpl_dict *item;
	char *s;
	int i;

	for (i = 0; i < 3; i++) {
		item = tmpl_dict_section(dict, "ITEM");
		tmpl_dict_set(item, "NAME", names[i]);
	}
	tmpl_dict_show(dict, "FLAG");
	tmpl_dict_setint(dict, "TOTAL", -1234567890123LL);
	s = expand(t, "list.tpl", dict, d);
	CHECK_STR(s, "<ul>\n"
		     "<li>一组、</li>\n<li>二组、</li>\n<li>三组</li>\n"
		     "</ul>\n"
		     "<p>-1234567890123个</p>\n");
	free(s);
	tmpl_dict_free(dict);

	/* Nothing given: every section hidden. */
	dict = tmpl_dict_new("list");
	s = expand(t, "list.tpl", dict, d);
	CHECK_STR(s, "<ul>\n</ul>\n");
	free(s);
	/* A section with values of its own, and setn's length. */
	item = tmpl_dict_section(dict, "EMPTY");
	tmpl_dict_setn(item, "NAME", "数据项目", 6);
	s = expand(t, "list.tpl", dict, d);
	CHECK_STR(s, "<ul>\n</ul>\n<p>暂无数据</p>\n");
	free(s);
	tmpl_dict_free(dict);

	CHECK_INT(diag_errors(d), 0);
	tmpl_free(t);
	diag_free(d);
}

static void
includes_have_their_own_dictionary(void)
{
	struct diag *d = diag_new();
	struct tmpl *t = good(d);
	struct tmpl_dict *dict = tmpl_dict_new("main");
	struct tmpl_dict *card;
	char *s;

	tmpl_dict_set(dict, "OUTER", "外层");
	card = tmpl_dict_include(dict, "CARD", "partials/card.tpl");
	tmpl_dict_set(card, "CARD_TITLE", "<卡片>");
	card = tmpl_dict_include(dict, "CARD", "partials/card.tpl");
	tmpl_dict_set(card, "CARD_TITLE", "第二张");
	s = expand(t, "main.tpl", dict, d);
	/* OUTER is not looked up across the include. */
	CHECK_STR(s, "<main>外层\n"
		     "<div class=\"card\">&lt;卡片&gt;|</div>\n"
		     "<div class=\"card\">第二张|</div>\n"
		     "</main>\n");
	free(s);
	CHECK_INT(diag_errors(d), 0);
	tmpl_dict_free(dict);
	tmpl_free(t);
	diag_free(d);
}

static void
first_root_overrides_file_by_file(void)
{
	struct diag *d = diag_new();
	struct tmpl *t = good(d);
	struct tmpl_dict *dict = tmpl_dict_new("page");
	char *s;

	CHECK_STR(tmpl_path(t, "page.tpl"), DIR "site/page.tpl");
	CHECK_STR(tmpl_path(t, "list.tpl"), DIR "default/list.tpl");
	CHECK_STR(tmpl_path(t, "partials/card.tpl"),
		  DIR "default/partials/card.tpl");
	CHECK(tmpl_path(t, "nope.tpl") == NULL);
	tmpl_dict_set(dict, "TITLE", "标题");
	s = expand(t, "page.tpl", dict, d);
	CHECK_STR(s, "site 标题\n");
	free(s);
	/* No dictionary: every variable empty. */
	s = expand(t, "page.tpl", NULL, d);
	CHECK_STR(s, "site \n");
	free(s);
	tmpl_dict_free(dict);
	tmpl_free(t);

	/* In the other order, the defaults win. */
	{
		const char *const rev[] = { DIR "default", DIR "site" };

		t = tmpl_new(rev, 2);
		CHECK_INT(tmpl_load(t, "page.tpl", d), 0);
		CHECK_STR(tmpl_path(t, "page.tpl"), DIR "default/page.tpl");
		dict = tmpl_dict_new("page");
		s = expand(t, "page.tpl", dict, d);
		CHECK_STR(s, "default \n");
		free(s);
		tmpl_dict_free(dict);
		tmpl_free(t);
	}
	CHECK_INT(diag_errors(d), 0);
	diag_free(d);
}

static void
missing_and_unloaded_templates(void)
{
	struct diag *d = diag_new();
	struct tmpl *t = tmpl_new(good_roots, 2);
	struct tmpl_dict *dict = tmpl_dict_new("main");
	struct buf out = BUF_INIT;
	char *s;

	CHECK_INT(tmpl_load(t, "nope.tpl", d), -1);
	/* Loading again is cheap and reports nothing new. */
	CHECK_INT(tmpl_load(t, "nope.tpl", d), -1);
	s = diag_text(d);
	CHECK_STR(s, "nope.tpl: error: template not found in "
		     DIR "site, " DIR "default; the installed defaults may be "
		     "missing (SHOWCASE_DATADIR)\n");
	free(s);
	diag_clear(d);

	/* main.tpl loaded, its include not: expansion refuses. */
	CHECK_INT(tmpl_load(t, "main.tpl", d), 0);
	CHECK_INT(tmpl_load(t, "main.tpl", d), 0);
	tmpl_dict_include(dict, "CARD", "partials/card.tpl");
	BUF_ADDLIT(&out, "前文");
	CHECK_INT(tmpl_expand(t, "main.tpl", dict, &out, d), -1);
	CHECK_STR(out.ptr, "前文");
	CHECK_INT(tmpl_expand(t, "page.tpl", dict, &out, d), -1);
	CHECK_STR(out.ptr, "前文");
	s = diag_text(d);
	CHECK_STR(s,
		  "page.tpl: error: template cannot be expanded: it was not "
		  "loaded or has errors\n"
		  DIR "default/main.tpl: error: included template "
		  "\"partials/card.tpl\" was not loaded or has errors\n");
	free(s);
	CHECK(tmpl_names(t, "page.tpl") == NULL);
	buf_release(&out);
	tmpl_dict_free(dict);
	tmpl_free(t);
	diag_free(d);
}

/* Load one bad template; the diagnostics it gives. */
static char *
load_bad(const char *name)
{
	struct diag *d = diag_new();
	struct tmpl *t = tmpl_new(bad_roots, 1);
	char *s;

	CHECK_INT(tmpl_load(t, name, d), -1);
	CHECK(tmpl_names(t, name) == NULL);
	s = diag_text(d);
	tmpl_free(t);
	diag_free(d);
	return s;
}

#define CHECK_BAD(name, want)                 \
	do {                                  \
		char *got_ = load_bad(name);  \
		CHECK_STR(got_, want);        \
		free(got_);                   \
	} while (0)

/*
 * Under valgrind, xmodifier.tpl leaves 48 bytes "definitely lost" at
 * exit per x- modifier name: ctemplate registers each one it meets in a
 * static vector of pointers that it never frees (LeakSanitizer does not
 * report it). Templates without x- modifiers leak nothing.
 */
static void
syntax_errors_name_file_and_line(void)
{
	CHECK_BAD("unclosed.tpl",
		  DIR "bad/unclosed.tpl:3:1: error: template syntax error: "
		  "section \"ITEM\" is not closed\n");
	CHECK_BAD("mismatch.tpl",
		  DIR "bad/mismatch.tpl:4:18: error: template syntax error: "
		  "end of section \"ITEMS\" inside section \"ITEM\"\n");
	CHECK_BAD("modifier.tpl",
		  DIR "bad/modifier.tpl:3:13: error: template syntax error: "
		  "unknown modifier for variable TITLE: 'nosuchmod'\n");
	CHECK_BAD("xmodifier.tpl",
		  DIR "bad/xmodifier.tpl:3:13: error: template syntax error: "
		  "unknown modifier for variable TITLE: 'x-upper'\n"
		  DIR "bad/xmodifier.tpl:5:23: error: template syntax error: "
		  "unknown modifier for include CARD: 'x-a'\n");
	CHECK_BAD("include.tpl",
		  DIR "bad/include.tpl:3:4: error: template syntax error: "
		  "illegal name in marker ' partials/card.tpl'\n");
	CHECK_BAD("pragma.tpl",
		  DIR "bad/pragma.tpl:1:1: error: template syntax error: "
		  "invalid context in AUTOESCAPE pragma (use HTML, XML, "
		  "JAVASCRIPT, JSON or CSS)\n");
	CHECK_BAD("pragmaattr.tpl",
		  DIR "bad/pragmaattr.tpl:1:1: error: template syntax error: "
		  "in PRAGMA directive 'AUTOESCAPE contxt=\"HTML\"': "
		  "unrecognized attribute name: contxt\n");
	CHECK_BAD("nopragma.tpl",
		  DIR "bad/nopragma.tpl:1: error: template has no AUTOESCAPE "
		  "pragma; add {{%AUTOESCAPE context=\"HTML\"}} as its first "
		  "line\n");
	CHECK_BAD("latepragma.tpl",
		  DIR "bad/latepragma.tpl:2:1: error: template syntax error: "
		  "pragma marker must be at the top of the template: "
		  "'AUTOESCAPE context=\"HTML\"'\n");
	CHECK_BAD("unquoted.tpl",
		  DIR "bad/unquoted.tpl:3: error: template syntax error: "
		  "auto-escape: value of URL attribute \"href\" must be "
		  "enclosed in quotes\n");
	CHECK_BAD("unterminated.tpl",
		  DIR "bad/unterminated.tpl:3:3: error: template syntax error: "
		  "no ending '}}' for the marker starting with 'TITLE'\n");
}

static void
load_all_reports_every_bad_template(void)
{
	struct diag *d = diag_new();
	struct tmpl *t = tmpl_new(bad_roots, 1);

	CHECK_INT(tmpl_load_all(t, d), -1);
	CHECK_INT(diag_errors(d), 12);
	tmpl_free(t);
	diag_free(d);
}

static void
names_come_from_the_template_itself(void)
{
	struct diag *d = diag_new();
	struct tmpl *t = good(d);
	char **n;

	n = tmpl_names(t, "list.tpl");
	CHECK(n != NULL);
	if (n) {
		CHECK_STR(n[0], "EMPTY");
		CHECK_STR(n[1], "FLAG");
		CHECK_STR(n[2], "ITEM");
		CHECK_STR(n[3], "ITEM_separator");
		CHECK_STR(n[4], "NAME");
		CHECK_STR(n[5], "TOTAL");
		CHECK(n[6] == NULL);
	}
	tmpl_names_free(n);
	/* Twice: ctemplate's header writer keeps state between calls. */
	n = tmpl_names(t, "main.tpl");
	CHECK(n != NULL);
	if (n) {
		CHECK_STR(n[0], "CARD");
		CHECK_STR(n[1], "OUTER");
		CHECK(n[2] == NULL);
	}
	tmpl_names_free(n);
	n = tmpl_names(t, "main.tpl");
	CHECK(n && n[0] && !strcmp(n[0], "CARD"));
	tmpl_names_free(n);
	tmpl_names_free(NULL);
	tmpl_free(t);
	diag_free(d);
}

static void
dictionary_keys_cover_the_whole_tree(void)
{
	struct tmpl_dict *dict = tmpl_dict_new("page");
	struct tmpl_dict *sec, *inc;
	char **keys = NULL;

	tmpl_dict_set(dict, "TITLE", "x");
	tmpl_dict_show(dict, "FLAG");
	sec = tmpl_dict_section(dict, "ITEM");
	tmpl_dict_setint(sec, "COUNT", 3);
	inc = tmpl_dict_include(sec, "CARD", "partials/card.tpl");
	tmpl_dict_set(inc, "CARD_TITLE", "y");
	tmpl_dict_set(inc, "TITLE", "z");

	keys = xcalloc(3, sizeof(*keys));
	keys[0] = xstrdup("AAA");
	keys[1] = xstrdup("TITLE");
	tmpl_dict_keys(dict, &keys);
	CHECK_STR(keys[0], "AAA");
	CHECK_STR(keys[1], "CARD");
	CHECK_STR(keys[2], "CARD_TITLE");
	CHECK_STR(keys[3], "COUNT");
	CHECK_STR(keys[4], "FLAG");
	CHECK_STR(keys[5], "ITEM");
	CHECK_STR(keys[6], "TITLE");
	CHECK(keys[7] == NULL);
	tmpl_names_free(keys);

	keys = NULL;
	tmpl_dict_keys(inc, &keys);
	CHECK(keys && keys[0] && !strcmp(keys[0], "CARD"));
	tmpl_names_free(keys);
	tmpl_dict_free(dict);
	tmpl_dict_free(NULL);
}

struct job {
	struct tmpl *t;
	struct tmpl_dict *shared;
	const char *want;
	int bad;
};

static void *
expand_many(void *arg)
{
	struct job *j = arg;
	struct diag *d = diag_new();
	int i;

	for (i = 0; i < 300; i++) {
		struct tmpl_dict *own = tmpl_dict_new("own");
		struct tmpl_dict *item = tmpl_dict_section(own, "ITEM");
		char *s;

		tmpl_dict_set(item, "NAME", "一组");
		s = expand(j->t, "list.tpl", j->shared, d);
		if (!s || strcmp(s, j->want))
			j->bad++;
		free(s);
		s = expand(j->t, "list.tpl", own, d);
		if (!s || strcmp(s, "<ul>\n<li>一组</li>\n</ul>\n"))
			j->bad++;
		free(s);
		tmpl_dict_free(own);
	}
	j->bad += (int)diag_errors(d);
	diag_free(d);
	return NULL;
}

static void
expansion_is_safe_from_many_threads(void)
{
	struct diag *d = diag_new();
	struct tmpl *t = good(d);
	struct tmpl_dict *dict = tmpl_dict_new("list");
	struct job jobs[4];
	pthread_t th[4];
	int i;

	for (i = 0; i < 50; i++)
		tmpl_dict_set(tmpl_dict_section(dict, "ITEM"), "NAME", "<组>");
	tmpl_dict_show(dict, "FLAG");
	tmpl_dict_setint(dict, "TOTAL", 50);
	{
		struct buf want = BUF_INIT;

		BUF_ADDLIT(&want, "<ul>\n");
		for (i = 0; i < 50; i++)
			buf_addf(&want, "<li>&lt;组&gt;%s</li>\n",
				 i < 49 ? "、" : "");
		BUF_ADDLIT(&want, "</ul>\n<p>50个</p>\n");
		for (i = 0; i < 4; i++) {
			jobs[i].t = t;
			jobs[i].shared = dict;
			jobs[i].want = want.ptr;
			jobs[i].bad = 0;
			CHECK_INT(pthread_create(&th[i], NULL, expand_many,
						 &jobs[i]), 0);
		}
		for (i = 0; i < 4; i++) {
			pthread_join(th[i], NULL);
			CHECK_INT(jobs[i].bad, 0);
		}
		buf_release(&want);
	}
	tmpl_dict_free(dict);
	tmpl_free(t);
	diag_free(d);
}

int
main(void)
{
	variables_are_escaped_and_none_is_raw();
	sections_repeat_and_hide();
	includes_have_their_own_dictionary();
	first_root_overrides_file_by_file();
	missing_and_unloaded_templates();
	syntax_errors_name_file_and_line();
	load_all_reports_every_bad_template();
	names_come_from_the_template_itself();
	dictionary_keys_cover_the_whole_tree();
	expansion_is_safe_from_many_threads();
	return harness_done();
}
