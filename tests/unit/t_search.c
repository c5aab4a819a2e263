/* The search index: terms, postings, the JavaScript file, determinism. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "pool.h"
#include "search.h"
#include "util.h"

static int
has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static void
check_terms(const char *text, const char *want)
{
	struct buf b = BUF_INIT;

	search_terms(&b, text, strlen(text));
	CHECK_STR(b.ptr, want);
	buf_release(&b);
}

static void
bigrams_of_mixed_text(void)
{
	/* Digits break a Chinese run: no "作年" across "2019". */
	check_terms("党建工作2019年",
		    "2019\n"
		    "作\n" "党\n" "党建\n" "工\n" "工作\n" "年\n" "建\n" "建工\n");
	/* Astral ideographs (extension B) are characters like the others. */
	check_terms("𠀀𠀁", "𠀀\n" "𠀀𠀁\n" "𠀁\n");
	check_terms("红", "红\n");
}

static void
latin_words(void)
{
	check_terms("Hello, WORLD hello", "hello\n" "world\n");
	/* Full-width letters and digits fold to ASCII words. */
	check_terms("ＡＢＣ１２３ abc123", "abc123\n");
	/* Kept up to SEARCH_WORD_MAX bytes. */
	check_terms("abcdefghijklmnopqrstuvwxyz0123456789",
		    "abcdefghijklmnopqrstuvwxyz012345\n");
	check_terms("3.5万 COVID-19", "19\n" "3\n" "5\n" "covid\n" "万\n");
}

static void
punctuation_is_ignored(void)
{
	check_terms("党，建", "党\n" "建\n");
	check_terms("“红芯”！", "红\n" "红芯\n" "芯\n");
	check_terms("  ，。、…—\n\t!?", "");
	check_terms("", "");
	/* Kana and invalid bytes separate, as punctuation does. */
	check_terms("党の建\xff群", "党\n" "建\n" "群\n");
}

/* The quoted JSON of one index, for a list of pages. */
struct pg {
	const char *url, *title, *date, *summary, *text;
};

static char *
index_of(const struct pg *p, size_t n)
{
	struct search *s = search_new(n);
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++)
		search_set(s, i, p[i].url, p[i].title, p[i].date, p[i].summary,
			   p[i].text, p[i].text ? strlen(p[i].text) : 0);
	search_write(s, &b);
	search_free(s);
	return buf_detach(&b, NULL);
}

static void
javascript_frame(void)
{
	struct search *s = search_new(0);
	struct buf b = BUF_INIT;
	const char *head = "/* showcase search index: generated, see "
			   "generator/search.c */\n"
			   "window.SHOWCASE_SEARCH=JSON.parse('\\\n"
			   "{\"version\":1,\\\n";
	const char *tail = "}}\\\n');\n";

	CHECK_INT(search_write(s, &b), 0);
	CHECK(!strncmp(b.ptr, head, strlen(head)));
	CHECK(b.len > strlen(tail) &&
	      !strcmp(b.ptr + b.len - strlen(tail), tail));
	CHECK(has(b.ptr, "\"docs\":[],\\\n\"words\":{},\\\n\"chars\":{}}"));
	search_free(s);
	buf_release(&b);
}

static void
empty_and_unset_pages(void)
{
	struct search *s = search_new(3);
	struct buf b = BUF_INIT;

	/* Slot 0 empty, slot 1 never set, slot 2 a page: numbered 0 and 1. */
	search_set(s, 0, "a.html", NULL, NULL, NULL, NULL, 0);
	search_set(s, 2, "b.html", "党建", "2024-01-02", NULL, "Party 2024", 10);
	CHECK_INT(search_write(s, &b), 2);
	CHECK(has(b.ptr, "[\"a.html\",\"\",\"\",\"\"],\\\n"
			    "[\"b.html\",\"党建\",\"2024-01-02\",\"Party 2024\"]]"));
	/* a group per character: second characters, the character, bigrams */
	CHECK(has(b.ptr, "\"chars\":{\\\n\"党\":\"建 B B\",\\\n\"建\":\" B\"}}"));
	CHECK(has(b.ptr, "\"words\":{\\\n\"2024\":\"B\",\\\n\"party\":\"B\"}"));
	search_free(s);
	buf_release(&b);
}

static void
postings_forms(void)
{
	struct pg p[101];
	char *js;
	size_t i;

	memset(p, 0, sizeof(p));
	for (i = 0; i < 101; i++) {
		p[i].url = "x.html";
		/* "党" on every page; "党建" on 0, 2 and 100 */
		p[i].text = i == 0 || i == 2 || i == 100 ? "党建" : "党";
	}
	js = index_of(p, 101);
	/*
	 * 党 as a bitmap: 16 full groups of six, then pages 96..100;
	 * 党建 as deltas: 0 as "A"; gap 1 as "B"; gap 97 = 3*32+1 as "j" "B"
	 */
	CHECK(has(js, "\"党\":\"建 ~________________f ABjB\""));
	CHECK(has(js, "\"建\":\" ABjB\""));
	free(js);

	/* On a tie the delta form wins: "AB" against "~F". */
	p[1].text = "";
	js = index_of(p, 3);
	CHECK(has(js, "\"党\":\"建 AB AB\""));
	free(js);
}

static void
frequent_terms_are_hot(void)
{
	struct pg p[3] = {
		{ "a.html", "", "", NULL, "党建 党建 党建" },
		{ "b.html", "", "", NULL, "党建" },
		{ "c.html", "", "", NULL, "品牌 品牌 党建 党建 党建 党建" },
	};
	char *js = index_of(p, 3);

	/* on pages 0, 1, 2 ("~H"); at least three times on 0 and 2 ("AB") */
	CHECK(has(js, "\"党\":\"建 ~H.AB ~H.AB\""));
	CHECK(has(js, "\"建\":\" ~H.AB\""));
	/* twice is not hot */
	CHECK(has(js, "\"品\":\"牌 C C\""));
	free(js);
}

static void
strings_are_escaped(void)
{
	struct pg p[1] = {
		{ "a b.html", "a\"b\\c'd<e\x01", "2024-01-02", NULL,
		  "x\xe2\x80\xa8y" },
	};
	char *js = index_of(p, 1);

	/* JSON escapes, then doubled backslashes inside the '...' string */
	CHECK(has(js, "\"a\\\\\"b\\\\\\\\c\\'d\\\\u003ce\\\\u0001\""));
	CHECK(has(js, "\"x\\\\u2028y\""));
	CHECK(!has(js, "<"));
	free(js);
}

static void
snippets_are_short(void)
{
	struct buf text = BUF_INIT;
	struct pg p[3];
	char *js, *want;
	size_t i;

	for (i = 0; i < 100; i++)
		BUF_ADDLIT(&text, "党");
	memset(p, 0, sizeof(p));
	p[0].url = "a.html";
	p[0].text = text.ptr;
	p[1].url = "b.html";
	p[1].text = "  第一段\n第二段  Hello\n  world ";
	p[2].url = "c.html";
	p[2].summary = "摘要。";
	p[2].text = "正文。";
	js = index_of(p, 3);
	buf_reset(&text);
	for (i = 0; i < SEARCH_SNIPPET_CHARS; i++)
		BUF_ADDLIT(&text, "党");
	want = xasprintf("\"a.html\",\"\",\"\",\"%s…\"", text.ptr);
	CHECK(has(js, want));
	/* no space between Chinese lines, one between words */
	CHECK(has(js, "\"b.html\",\"\",\"\",\"第一段第二段 Hello world\""));
	/* the summary, when given, is shown; the text is still indexed */
	CHECK(has(js, "\"c.html\",\"\",\"\",\"摘要。\""));
	CHECK(has(js, "\"正\":\"文 C C\""));
	free(want);
	free(js);
	buf_release(&text);
}

/* Pages for the determinism test, numbered by slot. */
static char *
page_text(size_t i)
{
	static const char *words[] = { "党建", "引领", "志愿服务", "红色",
				       "阵地", "Party", "2024", "群众" };
	struct buf b = BUF_INIT;
	size_t k;

	for (k = 0; k < 20; k++) {
		buf_addstr(&b, words[(i * 7 + k * k) % 8]);
		buf_addstr(&b, k % 3 ? "，" : " ");
	}
	return buf_detach(&b, NULL);
}

#define NPAGES 200

struct par {
	struct search *s;
	char *text[NPAGES];
	char url[NPAGES][32];
};

static int
set_one(void *arg, size_t i)
{
	struct par *p = arg;

	search_set(p->s, i, p->url[i], "标题", "2024-05-06", NULL, p->text[i],
		   strlen(p->text[i]));
	return 0;
}

static void
same_input_same_bytes(void)
{
	struct par p;
	struct buf a = BUF_INIT, b = BUF_INIT, c = BUF_INIT;
	size_t i;

	for (i = 0; i < NPAGES; i++) {
		p.text[i] = page_text(i);
		snprintf(p.url[i], sizeof(p.url[i]), "cases/%zu.html", i);
	}
	/* in order, one thread */
	p.s = search_new(NPAGES);
	for (i = 0; i < NPAGES; i++)
		set_one(&p, i);
	search_write(p.s, &a);
	search_free(p.s);
	/* backwards */
	p.s = search_new(NPAGES);
	for (i = NPAGES; i-- > 0;)
		set_one(&p, i);
	search_write(p.s, &b);
	search_write(p.s, &c); /* and writing again gives the same */
	search_free(p.s);
	CHECK_INT(a.len, b.len);
	CHECK(a.len == b.len && !memcmp(a.ptr, b.ptr, a.len));
	CHECK(b.len == c.len && !memcmp(b.ptr, c.ptr, b.len));
	/* from four threads at once */
	buf_reset(&b);
	p.s = search_new(NPAGES);
	CHECK_INT(pool_run(NPAGES, 4, set_one, &p, NULL, NULL), 0);
	search_write(p.s, &b);
	search_free(p.s);
	CHECK(a.len == b.len && !memcmp(a.ptr, b.ptr, a.len));
	for (i = 0; i < NPAGES; i++)
		free(p.text[i]);
	buf_release(&a);
	buf_release(&b);
	buf_release(&c);
}

int
main(void)
{
	bigrams_of_mixed_text();
	latin_words();
	punctuation_is_ignored();
	javascript_frame();
	empty_and_unset_pages();
	postings_forms();
	frequent_terms_are_hot();
	strings_are_escaped();
	snippets_are_short();
	same_input_same_bytes();
	return harness_done();
}
