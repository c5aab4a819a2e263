/*
 * Front matter: what a case study may start with, and the exact
 * diagnostic for each way it can be wrong.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "front.h"
#include "harness.h"
#include "src.h"

/* One parse of text as "case.md": its result, front and diagnostics. */
struct run {
	int rc;
	struct front f;
	char *out; /* every diagnostic, as diag_print writes them */
	size_t nerrors, nwarnings;
};

static void
run_len(struct run *r, const char *text, size_t len)
{
	struct diag *d = diag_new();
	struct src s;
	size_t n;
	FILE *fp;

	front_init(&r->f);
	if (src_init_mem(&s, "case.md", text, len, d) < 0)
		fprintf(stderr, "bad test input\n");
	r->rc = front_parse(&r->f, &s, d);
	r->nerrors = diag_errors(d);
	r->nwarnings = diag_warnings(d);
	fp = open_memstream(&r->out, &n);
	diag_print(d, fp);
	fclose(fp);
	src_release(&s);
	diag_free(d);
}

static void
run(struct run *r, const char *text)
{
	run_len(r, text, strlen(text));
}

static void
done(struct run *r)
{
	front_release(&r->f);
	free(r->out);
}

/* The diagnostics of text, for the cases where only they matter. */
static void
check_diag(const char *text, const char *want, const char *file, int line)
{
	struct run r;

	run(&r, text);
	harness_check_str(r.out, want, text, file, line);
	harness_check(r.rc == -1, "front_parse() returns -1", file, line);
	done(&r);
}

#define CHECK_DIAG(text, want) check_diag((text), (want), __FILE__, __LINE__)

static void
full_header_fills_every_field(void)
{
	struct run r;

	run(&r, "---\n"
		"title: 红色物业 暖心服务\n"
		"date: 2024-03-15\n"
		"summary: \"党建引领基层治理\"\n"
		"tags: [党建品牌, 基层治理]\n"
		"region: 城关街道\n"
		"org: 幸福里社区党委\n"
		"belt: 滨江党建示范带\n"
		"brand: 红色管家\n"
		"cover: images/cover.jpg\n"
		"draft: false\n"
		"weight: -3\n"
		"slug: red-property\n"
		"---\n"
		"正文第一段。\n");
	CHECK_INT(r.rc, 0);
	CHECK_STR(r.out, "");
	CHECK_STR(r.f.title, "红色物业 暖心服务");
	CHECK_STR(r.f.date, "2024-03-15");
	CHECK_STR(r.f.summary, "党建引领基层治理");
	CHECK_INT(r.f.ntags, 2);
	CHECK_STR(r.f.tags[0], "党建品牌");
	CHECK_STR(r.f.tags[1], "基层治理");
	CHECK(r.f.tags[2] == NULL);
	CHECK_STR(r.f.region, "城关街道");
	CHECK_STR(r.f.org, "幸福里社区党委");
	CHECK_STR(r.f.belt, "滨江党建示范带");
	CHECK_STR(r.f.brand, "红色管家");
	CHECK_STR(r.f.cover, "images/cover.jpg");
	CHECK_INT(r.f.draft, 0);
	CHECK_INT(r.f.weight, -3);
	CHECK_STR(r.f.slug, "red-property");
	CHECK_INT(r.f.pos_title.line, 2);
	CHECK_INT(r.f.pos_title.col, 1);
	CHECK_INT(r.f.pos_date.line, 3);
	CHECK_INT(r.f.pos_tags.line, 5);
	CHECK_INT(r.f.pos_cover.line, 10);
	CHECK_INT(r.f.pos_slug.line, 13);
	CHECK_INT(r.f.body_line, 15);
	done(&r);
}

/*
 * Names that become file names are reported where they were typed: the
 * value, and for a list each item, after repeated ones are dropped.
 */
static void
names_keep_where_they_were_typed(void)
{
	struct run r;

	run(&r, "---\n"
		"title: 甲\n"
		"tags: [党建,  \"红色\", 党建, ..]\n"
		"region:   城关街道\n"
		"slug: 'a b'\n"
		"---\n");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.f.ntags, 3);
	CHECK_STR(r.f.tags[2], "..");
	CHECK_INT(r.f.tags_at[0].vline, 3);
	CHECK_INT(r.f.tags_at[0].vcol, 8);
	CHECK_INT(r.f.tags_at[1].vcol, 13);
	CHECK_INT(r.f.tags_at[2].vcol, 23);
	CHECK_INT(r.f.pos_region.line, 4);
	CHECK_INT(r.f.pos_region.col, 1);
	CHECK_INT(r.f.pos_region.vcol, 11);
	CHECK_INT(r.f.pos_slug.vline, 5);
	CHECK_INT(r.f.pos_slug.vcol, 7);
	done(&r);
	run(&r, "---\ntitle: 乙\ntags: 党建\n---\n");
	CHECK_INT(r.f.ntags, 1);
	CHECK_INT(r.f.tags_at[0].vline, 3);
	CHECK_INT(r.f.tags_at[0].vcol, 7);
	done(&r);
}

static void
body_starts_after_the_closing_fence(void)
{
	const char *text = "---\ntitle: 标题\n---\n\n# 正文\n";
	struct run r;

	run(&r, text);
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.f.body_line, 4);
	CHECK_STR(text + r.f.body_off, "\n# 正文\n");
	done(&r);

	/* Closing fence at the very end, no newline: an empty body. */
	run(&r, "---\ntitle: 标题\n---");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.f.body_off, strlen("---\ntitle: 标题\n---"));
	CHECK_INT(r.f.body_line, 4);
	done(&r);
}

static void
bom_and_crlf_are_accepted(void)
{
	const char *text = "\xEF\xBB\xBF---\r\ntitle: 标题\r\ndraft: true\r\n"
			   "---\r\n正文\r\n";
	struct run r;

	run(&r, text);
	CHECK_INT(r.rc, 0);
	CHECK_STR(r.out, "");
	CHECK_STR(r.f.title, "标题");
	CHECK_INT(r.f.draft, 1);
	CHECK_INT(r.f.body_line, 5);
	/* body_off counts in the src, which holds the text without its BOM. */
	CHECK_STR(text + 3 + r.f.body_off, "正文\r\n");
	done(&r);

	/* Blanks after a fence are invisible in an editor, so allowed. */
	run(&r, "--- \ntitle: 标题\n---\t\r\nbody");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.f.body_line, 4);
	done(&r);
}

static void
file_must_start_with_a_fence(void)
{
	CHECK_DIAG("", "case.md:1:1: error: empty file\n");
	CHECK_DIAG("# 标题\n正文\n",
		   "case.md:1:1: error: missing front matter: the file must "
		   "start with a line \"---\"\n");
	CHECK_DIAG("\n---\ntitle: x\n---\n",
		   "case.md:1:1: error: missing front matter: the file must "
		   "start with a line \"---\"\n");
	CHECK_DIAG("--- title: x\n---\n",
		   "case.md:1:1: error: missing front matter: the file must "
		   "start with a line \"---\"\n");
	CHECK_DIAG("---\ntitle: x\n正文\n",
		   "case.md:1:1: error: unterminated front matter: no line "
		   "\"---\" closes it\n");
	CHECK_DIAG("---",
		   "case.md:1:1: error: unterminated front matter: no line "
		   "\"---\" closes it\n");
	/* "----" is not a fence. */
	CHECK_DIAG("---\ntitle: x\n----\n",
		   "case.md:1:1: error: unterminated front matter: no line "
		   "\"---\" closes it\n");
}

static void
missing_or_empty_title(void)
{
	CHECK_DIAG("---\n---\n", "case.md:1:1: error: missing \"title\"\n");
	CHECK_DIAG("---\n# 只有注释\n\n---\n",
		   "case.md:1:1: error: missing \"title\"\n");
	CHECK_DIAG("---\ndate: 2024-01-02\n---\n",
		   "case.md:1:1: error: missing \"title\"\n");
	CHECK_DIAG("---\ntitle:\n---\n",
		   "case.md:2:1: error: \"title\" must not be empty\n");
	CHECK_DIAG("---\ntitle: \"  \"\n---\n",
		   "case.md:2:8: error: \"title\" must not be empty\n");
	CHECK_DIAG("---\ntitle: \"\xE3\x80\x80\"\n---\n",
		   "case.md:2:8: error: \"title\" must not be empty\n");
}

static void
invalid_yaml_is_reported_at_its_place_in_the_file(void)
{
	CHECK_DIAG("---\ntitle: \"党建\n---\n",
		   "case.md:2:9: error: invalid YAML: double-quoted scalar "
		   "without closing quote\n");
	/* Columns count characters: 标题 is two, not six. */
	CHECK_DIAG("---\ntitle: 标题 : x\n---\n",
		   "case.md:2:11: error: invalid YAML: invalid nested block "
		   "mapping on the same line\n");
	CHECK_DIAG("---\ntitle: x\ntags: [a, b\n---\n",
		   "case.md:4:1: error: invalid YAML: flow sequence without a "
		   "closing bracket\n");
	CHECK_DIAG("---\r\n\ttitle: x\r\n---\r\n",
		   "case.md:2:1: error: invalid YAML: invalid tab as "
		   "indendation in a mapping\n");
	CHECK_DIAG("---\ntitle: \"a\\qb\"\n---\n",
		   "case.md:2:10: error: invalid YAML: invalid escape 'q' in "
		   "double-quoted string\n");
}

static void
duplicate_keys_are_errors_at_the_second(void)
{
	CHECK_DIAG("---\ntitle: 一\nweight: 1\ntitle: 二\n---\n",
		   "case.md:4:1: error: duplicate key \"title\"\n");
	/* Every duplicate, unknown keys too, with the other errors. */
	CHECK_DIAG("---\ntitle: 一\nfoo: 1\nfoo: 2\ndraft: 否\n"
		   "\"title\": 二\n---\n",
		   "case.md:3:1: warning: unknown front matter key \"foo\"\n"
		   "case.md:4:1: error: duplicate key \"foo\"\n"
		   "case.md:4:1: warning: unknown front matter key \"foo\"\n"
		   "case.md:5:8: error: \"draft\" must be true or false\n"
		   "case.md:6:1: error: duplicate key \"title\"\n");
}

static void
dates_must_exist(void)
{
	struct run r;

	CHECK(front_date_valid("2024-02-29"));
	CHECK(front_date_valid("2000-02-29"));
	CHECK(front_date_valid("2023-12-31"));
	CHECK(!front_date_valid("2023-02-29"));
	CHECK(!front_date_valid("1900-02-29"));
	CHECK(!front_date_valid("2023-02-30"));
	CHECK(!front_date_valid("2023-04-31"));
	CHECK(!front_date_valid("2023-13-01"));
	CHECK(!front_date_valid("2023-00-10"));
	CHECK(!front_date_valid("2023-01-00"));
	CHECK(!front_date_valid("0000-01-01"));
	CHECK(!front_date_valid("2023-1-01"));
	CHECK(!front_date_valid("2023/01/01"));
	CHECK(!front_date_valid("2023-01-01 "));
	CHECK(!front_date_valid(""));
	CHECK(!front_date_valid(NULL));

	run(&r, "---\ntitle: x\ndate: \"2024-02-29\"\n---\n");
	CHECK_INT(r.rc, 0);
	CHECK_STR(r.f.date, "2024-02-29");
	done(&r);

	/* RFC 3339 and YAML timestamps, as Hugo and Jekyll sites write them:
	 * the page's date is the day as written */
	{
		static const char *const ok[] = {
			"2015-01-01T14:00:00+08:00", "2015-01-01t14:00:00z",
			"2015-01-01 14:00:00", "2015-01-01 14:00",
			"2015-01-01T23:59:60.123456-05:00", "2015-01-01T14:00+0800",
			"2015-01-01   14:00:00 +08",
		};
		size_t i;

		for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
			struct buf b = BUF_INIT;

			buf_addf(&b, "---\ntitle: x\ndate: %s\n---\n", ok[i]);
			run(&r, b.ptr);
			CHECK_INT(r.rc, 0);
			CHECK_STR(r.f.date, "2015-01-01");
			done(&r);
			buf_release(&b);
		}
	}

	CHECK_DIAG("---\ntitle: x\ndate: 2023-02-30\n---\n",
		   "case.md:3:7: error: \"date\" must be a real date: "
		   "2023-02-30 does not exist\n");
	CHECK_DIAG("---\ntitle: x\ndate: 2023-13-01\n---\n",
		   "case.md:3:7: error: \"date\" must be a real date: "
		   "2023-13-01 does not exist\n");
	CHECK_DIAG("---\ntitle: x\ndate: 2023-02-29\n---\n",
		   "case.md:3:7: error: \"date\" must be a real date: "
		   "2023-02-29 does not exist\n");
	CHECK_DIAG("---\ntitle: x\ndate: yesterday\n---\n",
		   "case.md:3:7: error: \"date\" must be a date written "
		   "YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss+08:00)\n");
	CHECK_DIAG("---\ntitle: x\ndate: 2024-03-15 25:00\n---\n",
		   "case.md:3:7: error: \"date\" must be a date written "
		   "YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss+08:00)\n");
	CHECK_DIAG("---\ntitle: x\ndate: 2024-03-15T10:00:00+08:00x\n---\n",
		   "case.md:3:7: error: \"date\" must be a date written "
		   "YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss+08:00)\n");
	CHECK_DIAG("---\ntitle: x\ndate: 2023-02-30T10:00:00Z\n---\n",
		   "case.md:3:7: error: \"date\" must be a real date: "
		   "2023-02-30 does not exist\n");
	CHECK_DIAG("---\ntitle: x\ndate: [2024-03-15]\n---\n",
		   "case.md:3:7: error: \"date\" must be a date written "
		   "YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss+08:00), not a list\n");
}

static void
wrong_types_are_errors_at_the_value(void)
{
	CHECK_DIAG("---\ntitle: x\ndraft: yes\n---\n",
		   "case.md:3:8: error: \"draft\" must be true or false\n");
	CHECK_DIAG("---\ntitle: x\nweight: 1.5\n---\n",
		   "case.md:3:9: error: \"weight\" must be a whole number\n");
	CHECK_DIAG("---\ntitle: x\nweight: 99999999999\n---\n",
		   "case.md:3:9: error: \"weight\" must be a whole number\n");
	CHECK_DIAG("---\ntitle: [a, b]\n---\n",
		   "case.md:2:8: error: \"title\" must be text, not a list\n");
	CHECK_DIAG("---\ntitle: x\nsummary:\n  a: b\n---\n",
		   "case.md:4:3: error: \"summary\" must be text, not a "
		   "mapping\n");
	CHECK_DIAG("---\ntitle: &t x\nslug: *t\n---\n",
		   "case.md:3:7: error: \"slug\" must be text, not an alias\n");
	CHECK_DIAG("---\ntitle: x\ntags:\n  - a\n  - [b]\n  - {c: d}\n---\n",
		   "case.md:5:5: error: \"tags\" must be a list of text, not "
		   "a list\n"
		   "case.md:6:5: error: \"tags\" must be a list of text, not "
		   "a mapping\n");
	CHECK_DIAG("---\ntitle: \"a\\0b\"\n---\n",
		   "case.md:2:8: error: \"title\" must not contain a NUL "
		   "character (\\0)\n");
	CHECK_DIAG("---\n- title: x\n---\n",
		   "case.md:2:1: error: front matter must be \"key: value\" "
		   "lines, not a list\n");
	CHECK_DIAG("---\n标题\n---\n",
		   "case.md:2:1: error: front matter must be \"key: value\" "
		   "lines, not text\n");
	CHECK_DIAG("---\ntitle: x\n[a]: 1\n---\n",
		   "case.md:3:1: error: front matter key must be text, not a "
		   "list\n");
	CHECK_DIAG("---\ntitle: x\n--- y\n---\n",
		   "case.md:3:1: error: front matter must be one YAML "
		   "document\n");
}

static void
every_key_error_in_one_run(void)
{
	struct run r;

	run(&r, "---\n"
		"date: 2023-02-30\n"
		"draft: 1\n"
		"weight: 十\n"
		"---\n");
	CHECK_INT(r.rc, -1);
	CHECK_STR(r.out,
		  "case.md:1:1: error: missing \"title\"\n"
		  "case.md:2:7: error: \"date\" must be a real date: "
		  "2023-02-30 does not exist\n"
		  "case.md:3:8: error: \"draft\" must be true or false\n"
		  "case.md:4:9: error: \"weight\" must be a whole number\n");
	CHECK_INT(r.nerrors, 4);
	done(&r);
}

static void
unknown_keys_are_warnings(void)
{
	struct run r;

	run(&r, "---\ntitle: x\nauthor: 张三\n\"a\\tb\": 1\n---\n");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.nwarnings, 2);
	CHECK_STR(r.out,
		  "case.md:3:1: warning: unknown front matter key \"author\"\n"
		  "case.md:4:1: warning: unknown front matter key \"a?b\"\n");
	CHECK_STR(r.f.title, "x");
	done(&r);
}

static void
tags_as_list_or_scalar(void)
{
	struct run r;

	run(&r, "---\ntitle: x\ntags:\n  - \" 党建 \"\n  - \"\"\n  -\n"
		"  - 治理\n  - 党建\n  - \"\xE3\x80\x80治理\"\n  - 服务\n---\n");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.f.ntags, 3);
	CHECK_STR(r.f.tags[0], "党建");
	CHECK_STR(r.f.tags[1], "治理");
	CHECK_STR(r.f.tags[2], "服务");
	CHECK(r.f.tags[3] == NULL);
	done(&r);

	run(&r, "---\ntitle: x\ntags: 党建品牌\n---\n");
	CHECK_INT(r.rc, 0);
	CHECK_INT(r.f.ntags, 1);
	CHECK_STR(r.f.tags[0], "党建品牌");
	CHECK(r.f.tags[1] == NULL);
	done(&r);

	run(&r, "---\ntitle: x\ntags:\n---\n");
	CHECK_INT(r.rc, 0);
	CHECK(r.f.tags != NULL);
	CHECK_INT(r.f.ntags, 0);
	CHECK(r.f.tags[0] == NULL);
	done(&r);

	/* Even after a failed parse, tags is a list. */
	run(&r, "");
	CHECK(r.f.tags != NULL && r.f.tags[0] == NULL);
	done(&r);
}

static void
defaults_and_blank_values(void)
{
	struct run r;

	run(&r, "---\ntitle: x\nsummary: \"\"\nslug: ~\ndate: null\n"
		"draft:\n---\n");
	CHECK_INT(r.rc, 0);
	CHECK(r.f.summary == NULL);
	CHECK(r.f.slug == NULL);
	CHECK(r.f.date == NULL);
	CHECK_INT(r.f.draft, 0);
	CHECK_INT(r.f.weight, 0);
	CHECK_INT(r.f.pos_cover.line, 0);
	CHECK_INT(r.f.pos_slug.line, 4);
	done(&r);

	/* Quoted "~" is text, not null. */
	run(&r, "---\ntitle: \"~\"\n---\n");
	CHECK_STR(r.f.title, "~");
	done(&r);
}

static void
aliases_cost_nothing(void)
{
	struct run r;

	/* A "billion laughs" file: aliases are never expanded. */
	run(&r, "---\ntitle: x\n"
		"a: &a [l, l, l, l, l, l, l, l, l]\n"
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
		"h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
		"tags: [*h, *h, *h]\n"
		"---\n");
	CHECK_INT(r.rc, -1);
	CHECK_INT(r.nerrors, 3);
	CHECK_INT(r.nwarnings, 8);
	done(&r);
}

static void
release_leaves_an_empty_front(void)
{
	struct front f;
	struct run r;

	front_init(&f);
	CHECK(f.title == NULL);
	CHECK_INT(f.body_line, 1);
	front_release(&f); /* never parsed: nothing to free */

	run(&r, "---\ntitle: x\ntags: [a]\n---\n");
	front_release(&r.f);
	CHECK(r.f.title == NULL);
	CHECK(r.f.tags == NULL);
	CHECK_INT(r.f.ntags, 0);
	done(&r);
}

/* Pages are parsed on every core at once, into one shared diag. */
static void *
parse_many(void *arg)
{
	static const char text[] = "---\ntitle: 并行\ntags: [a, b, a]\n"
				   "date: 2023-02-29\nfoo: 1\n---\n正文\n";
	struct diag *d = arg;
	int i, bad = 0;

	for (i = 0; i < 200; i++) {
		struct front f;
		struct src s;

		front_init(&f);
		src_init_mem(&s, "p.md", text, sizeof(text) - 1, d);
		if (front_parse(&f, &s, d) != -1 || f.ntags != 2 ||
		    strcmp(f.title, "并行"))
			bad++;
		front_release(&f);
		src_release(&s);
	}
	return bad ? arg : NULL;
}

static void
threads_parse_at_once(void)
{
	struct diag *d = diag_new();
	pthread_t t[4];
	void *res;
	int i, bad = 0;

	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, parse_many, d);
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], &res);
		bad += res != NULL;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(diag_errors(d), 800);
	CHECK_INT(diag_warnings(d), 800);
	diag_free(d);
}

int
main(void)
{
	full_header_fills_every_field();
	names_keep_where_they_were_typed();
	body_starts_after_the_closing_fence();
	bom_and_crlf_are_accepted();
	file_must_start_with_a_fence();
	missing_or_empty_title();
	invalid_yaml_is_reported_at_its_place_in_the_file();
	duplicate_keys_are_errors_at_the_second();
	dates_must_exist();
	wrong_types_are_errors_at_the_value();
	every_key_error_in_one_run();
	unknown_keys_are_warnings();
	tags_as_list_or_scalar();
	defaults_and_blank_values();
	aliases_cost_nothing();
	release_leaves_an_empty_front();
	threads_parse_at_once();
	return harness_done();
}
