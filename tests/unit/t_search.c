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

/* Every file of an index, each after a line "== name". */
static int
collect(void *arg, const char *name, const char *data, size_t len)
{
	buf_addf(arg, "== %s\n", name);
	buf_add(arg, data, len);
	return 0;
}

static char *
files_of(const struct search *s, size_t *npages)
{
	struct buf b = BUF_INIT;

	CHECK_INT(search_write(s, collect, &b, npages), 0);
	return buf_detach(&b, NULL);
}

/* The files of one index, for a list of pages. */
struct pg {
	const char *url, *title, *date, *summary, *text;
};

static char *
index_of(const struct pg *p, size_t n)
{
	struct search *s = search_new(n);
	char *files;
	size_t i;

	for (i = 0; i < n; i++) {
		struct search_doc d = { p[i].url, p[i].title, p[i].date, "案例",
					p[i].summary, p[i].text,
					p[i].text ? strlen(p[i].text) : 0, NULL };

		search_set(s, i, &d);
	}
	files = files_of(s, NULL);
	search_free(s);
	return files;
}

static void
javascript_frame(void)
{
	struct search *s = search_new(0);
	const char *words[] = { "党建", "a\"b" };
	size_t n = 7;
	char *js;

	search_suggest(s, words, 2);
	js = files_of(s, &n);
	CHECK_INT(n, 0);
	/* what the page loads first, then one shard; no chunk of pages */
	CHECK_STR(js, "== assets/search/index.js\n"
		  "/* showcase search: generated, see generator/search.c */\n"
		  "window.SHOWCASE_SEARCH={\"version\":2,\"pages\":0,\"shards\":1,"
		  "\"chunk\":4,\"suggest\":[\"党建\",\"a\\\"b\"]};\n"
		  "== assets/search/t-000.js\n"
		  "SHOWCASE_SEARCH_PART(\"t-000\",'\\\n"
		  "{\"words\":{},\\\n\"chars\":{}}\\\n');\n");
	search_free(s);
	free(js);
}

static void
empty_and_unset_pages_newest_first(void)
{
	struct search *s = search_new(3);
	struct search_doc a = { "a.html", NULL, NULL, NULL, NULL, NULL, 0, NULL };
	struct search_doc b = { "b.html", "党建", "2024-01-02", "简报", NULL,
				"Party 2024", 10, "五星支部" };
	size_t n;
	char *js;

	/* Slot 0 empty, slot 1 never set, slot 2 a page with a date: it is
	 * the newer, so page 0; the empty one is page 1. */
	search_set(s, 0, &a);
	search_set(s, 2, &b);
	js = files_of(s, &n);
	CHECK_INT(n, 2);
	CHECK(has(js, "== assets/search/d-0000.js\n"
		  "SHOWCASE_SEARCH_PART(\"d-0000\",'\\\n[\\\n"
		  "[\"b.html\",\"党建\",\"2024-01-02\",\"简报\",\"\",\"Party 2024\"],\\\n"
		  "[\"a.html\",\"\",\"\",\"\",\"\",\"\"]]\\\n');\n"));
	/* a group per character: second characters, the character, bigrams;
	 * the title's words are hot ('.' and the hot pages) */
	CHECK(has(js, "\"党\":\"建 A.A A.A\""));
	CHECK(has(js, "\"words\":{\\\n\"2024\":\"A\",\\\n\"party\":\"A\"}"));
	/* extra words are found, not shown */
	CHECK(has(js, "\"五\":\"星 A A\""));
	search_free(s);
	free(js);
}

static void
terms_are_spread_over_shards_by_their_hash(void)
{
	struct search *s = search_new(300);
	struct buf text = BUF_INIT, want = BUF_INIT;
	size_t i, shards = 0;
	char *js, *at;

	/* 300 pages of distinct words: more than one shard's worth */
	for (i = 0; i < 300; i++) {
		struct search_doc d = { "x.html", NULL, NULL, NULL, NULL, NULL, 0, NULL };
		size_t k;

		buf_reset(&text);
		for (k = 0; k < 40; k++)
			buf_addf(&text, "w%zux%zu ", i, k);
		d.text = text.ptr;
		d.len = text.len;
		search_set(s, i, &d);
	}
	js = files_of(s, NULL);
	for (at = js; (at = strstr(at, "== assets/search/t-")); at++)
		shards++;
	CHECK(shards > 1);
	CHECK((shards & (shards - 1)) == 0);
	buf_addf(&want, "\"shards\":%zu,", shards);
	CHECK(has(js, want.ptr));
	/* each word in the shard its hash names */
	for (i = 0; i < 300; i += 37) {
		struct buf key = BUF_INIT, where = BUF_INIT;
		const char *shard, *next;

		buf_addf(&key, "w%zux3", i);
		buf_addf(&where, "== assets/search/t-%03llx.js",
			 (unsigned long long)(fnv1a64(FNV_OFFSET, key.ptr, key.len) % shards));
		shard = strstr(js, where.ptr);
		CHECK(shard != NULL);
		next = shard ? strstr(shard + 1, "== ") : NULL;
		buf_reset(&where);
		buf_addf(&where, "\"%s\":", key.ptr);
		at = shard ? strstr(shard, where.ptr) : NULL;
		CHECK(at != NULL && (!next || at < next));
		buf_release(&key);
		buf_release(&where);
	}
	/* 300 pages in chunks of 4 */
	CHECK(has(js, "== assets/search/d-004a.js"));
	CHECK(!has(js, "== assets/search/d-004b.js"));
	free(js);
	search_free(s);
	buf_release(&text);
	buf_release(&want);
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
texts_are_kept_short_for_snippets(void)
{
	struct buf text = BUF_INIT;
	struct pg p[3];
	char *js, *want;
	size_t i;

	for (i = 0; i < SEARCH_TEXT_CHARS + 100; i++)
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
	for (i = 0; i < SEARCH_TEXT_CHARS; i++)
		BUF_ADDLIT(&text, "党");
	want = xasprintf("\"a.html\",\"\",\"\",\"案例\",\"\",\"%s…\"", text.ptr);
	CHECK(has(js, want));
	/* no space between Chinese lines, one between words */
	CHECK(has(js, "\"b.html\",\"\",\"\",\"案例\",\"\",\"第一段第二段 Hello world\""));
	/* the summary and the text, both indexed */
	CHECK(has(js, "\"c.html\",\"\",\"\",\"案例\",\"摘要。\",\"正文。\""));
	CHECK(has(js, "\"正\":\"文 C C\""));
	CHECK(has(js, "\"摘\":\"要 C C\""));
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

	struct search_doc d = { p->url[i], "标题", "2024-05-06", "案例", NULL,
				p->text[i], strlen(p->text[i]), NULL };

	search_set(p->s, i, &d);
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
	search_write(p.s, collect, &a, NULL);
	search_free(p.s);
	/* backwards */
	p.s = search_new(NPAGES);
	for (i = NPAGES; i-- > 0;)
		set_one(&p, i);
	search_write(p.s, collect, &b, NULL);
	search_write(p.s, collect, &c, NULL); /* and again gives the same */
	search_free(p.s);
	CHECK_INT(a.len, b.len);
	CHECK(a.len == b.len && !memcmp(a.ptr, b.ptr, a.len));
	CHECK(b.len == c.len && !memcmp(b.ptr, c.ptr, b.len));
	/* from four threads at once */
	buf_reset(&b);
	p.s = search_new(NPAGES);
	CHECK_INT(pool_run(NPAGES, 4, set_one, &p, NULL, NULL), 0);
	search_write(p.s, collect, &b, NULL);
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
	empty_and_unset_pages_newest_first();
	terms_are_spread_over_shards_by_their_hash();
	postings_forms();
	frequent_terms_are_hot();
	strings_are_escaped();
	texts_are_kept_short_for_snippets();
	same_input_same_bytes();
	return harness_done();
}
