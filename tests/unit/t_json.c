/* JSON with positions: the tree, the positions, every syntax error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "json.h"
#include "src.h"
#include "util.h"

/* Diagnostics as printed, so tests compare the exact text. */
static char *
diag_text(struct diag *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	/* diag_print() of nothing passes NULL to qsort (UB, reported). */
	if (diag_errors(d) || diag_warnings(d))
		diag_print(d, fp);
	fclose(fp);
	return text;
}

/* Parse text; return the diagnostics (empty when it parsed). */
static char *
parse_errors(const char *text)
{
	struct json_doc doc;
	struct diag *d = diag_new();
	struct src s;
	char *out;
	int rc;

	src_init_mem(&s, "t.json", text, strlen(text), d);
	rc = json_parse(&doc, &s, d);
	out = diag_text(d);
	CHECK(rc == (diag_errors(d) ? -1 : 0));
	CHECK(rc == 0 ? doc.root != NULL : doc.root == NULL);
	json_release(&doc);
	src_release(&s);
	diag_free(d);
	return out;
}

#define CHECK_ERR(text, want) do { \
		char *got_ = parse_errors(text); \
		CHECK_STR(got_, want); \
		free(got_); \
	} while (0)

static void
parses_a_document(void)
{
	const char *text =
		"{\n"
		"  \"id\": \"org-1\",\n"
		"  \"名称\": \"青川科技\", \"staff\": 120,\n"
		"  \"org\": {\"form\": \"single\", \"since\": null},\n"
		"  \"tags\": [true, false, -1.5e2, \"\\u4e2d\\ud83d\\ude00\"]\n"
		"}\n";
	struct json_doc doc;
	struct diag *d = diag_new();
	const cJSON *o, *item, *tags;
	struct src s;
	int line, col;

	src_init_mem(&s, "t.json", text, strlen(text), d);
	CHECK_INT(json_parse(&doc, &s, d), 0);
	CHECK_INT(diag_errors(d), 0);
	o = doc.root;
	CHECK(cJSON_IsObject(o));
	CHECK_STR(cJSON_GetObjectItemCaseSensitive(o, "id")->valuestring,
		  "org-1");
	CHECK_INT(cJSON_GetObjectItemCaseSensitive(o, "staff")->valueint, 120);
	tags = cJSON_GetObjectItemCaseSensitive(o, "tags");
	CHECK_INT(cJSON_GetArraySize(tags), 4);
	CHECK_DBL(cJSON_GetArrayItem(tags, 2)->valuedouble, -150.0, 1e-9);
	CHECK_STR(cJSON_GetArrayItem(tags, 3)->valuestring,
		  "\xe4\xb8\xad\xf0\x9f\x98\x80");

	json_pos(&doc, o, &line, &col);
	CHECK_INT(line, 1);
	CHECK_INT(col, 1);
	/* A member's position is its key; json_value_pos gives its value. */
	item = cJSON_GetObjectItemCaseSensitive(o, "id");
	json_pos(&doc, item, &line, &col);
	CHECK_INT(line, 2);
	CHECK_INT(col, 3);
	json_value_pos(&doc, item, &line, &col);
	CHECK_INT(line, 2);
	CHECK_INT(col, 9);
	/* Columns count characters: 名称 is two columns, not six bytes. */
	item = cJSON_GetObjectItemCaseSensitive(o, "staff");
	json_pos(&doc, item, &line, &col);
	CHECK_INT(line, 3);
	CHECK_INT(col, 17);
	item = cJSON_GetObjectItemCaseSensitive(o, "org");
	item = cJSON_GetObjectItemCaseSensitive(item, "since");
	json_pos(&doc, item, &line, &col);
	CHECK_INT(line, 4);
	CHECK_INT(col, 29);
	json_pos(&doc, cJSON_GetArrayItem(tags, 2), &line, &col);
	CHECK_INT(line, 5);
	CHECK_INT(col, 25);
	/* Not in the tree: no position. */
	json_pos(&doc, NULL, &line, &col);
	CHECK_INT(line, 0);
	json_release(&doc);
	src_release(&s);
	diag_free(d);
}

static void
scalars_at_the_top(void)
{
	CHECK_ERR("42", "");
	CHECK_ERR(" \"x\" \n", "");
	CHECK_ERR("null", "");
	CHECK_ERR("[]", "");
	CHECK_ERR("{}", "");
	CHECK_ERR("-0", "");
	CHECK_ERR("0.5e-3", "");
	CHECK_ERR("[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"]", "");
}

static void
syntax_errors_have_exact_positions(void)
{
	CHECK_ERR("", "t.json:1:1: error: invalid JSON: empty file\n");
	CHECK_ERR("  \n ", "t.json:1:1: error: invalid JSON: empty file\n");
	CHECK_ERR("{\"a\": 1 \"b\": 2}",
		  "t.json:1:9: error: invalid JSON: expected ',' or '}' after "
		  "an object member\n");
	CHECK_ERR("[1 2]",
		  "t.json:1:4: error: invalid JSON: expected ',' or ']' after "
		  "an array element\n");
	CHECK_ERR("{\"a\" 1}",
		  "t.json:1:6: error: invalid JSON: expected ':' after a "
		  "member name\n");
	CHECK_ERR("{a: 1}",
		  "t.json:1:2: error: invalid JSON: expected '\"' to start a "
		  "member name\n");
	CHECK_ERR("[1,]",
		  "t.json:1:3: error: invalid JSON: trailing comma before "
		  "']'\n");
	CHECK_ERR("{\"a\": 1,\n}",
		  "t.json:1:8: error: invalid JSON: trailing comma before "
		  "'}'\n");
	CHECK_ERR("{\"a\": }",
		  "t.json:1:7: error: invalid JSON: expected a value\n");
	CHECK_ERR("[\n  \"名称\": 1]",
		  "t.json:2:7: error: invalid JSON: expected ',' or ']' after "
		  "an array element\n");
	CHECK_ERR("[1, 2",
		  "t.json:1:6: error: invalid JSON: unexpected end of file\n");
	CHECK_ERR("{\"a\": [1, {\"b\": ",
		  "t.json:1:17: error: invalid JSON: unexpected end of file\n");
	CHECK_ERR("{} x",
		  "t.json:1:4: error: invalid JSON: unexpected text after the "
		  "value\n");
	CHECK_ERR("[1]\n[2]\n",
		  "t.json:2:1: error: invalid JSON: unexpected text after the "
		  "value\n");
	CHECK_ERR("// comment\n[]",
		  "t.json:1:1: error: invalid JSON: expected a value\n");
}

static void
strings_are_checked(void)
{
	CHECK_ERR("[\"abc",
		  "t.json:1:2: error: invalid JSON: unterminated string\n");
	CHECK_ERR("{\"name\": \"青川\n}",
		  "t.json:1:10: error: invalid JSON: unterminated string\n");
	CHECK_ERR("[\"a\\",
		  "t.json:1:2: error: invalid JSON: unterminated string\n");
	CHECK_ERR("[\"a\tb\"]",
		  "t.json:1:4: error: invalid JSON: control character U+0009 "
		  "in string; write it as an escape\n");
	CHECK_ERR("[\"a\\xb\"]",
		  "t.json:1:4: error: invalid JSON: invalid escape \"\\x\" in "
		  "string\n");
	CHECK_ERR("[\"\\u12g4\"]",
		  "t.json:1:3: error: invalid JSON: invalid \\u escape in "
		  "string\n");
	CHECK_ERR("[\"\\ud83d\"]",
		  "t.json:1:3: error: invalid JSON: invalid \\u escape in "
		  "string\n");
	CHECK_ERR("[\"\\ude00\"]",
		  "t.json:1:3: error: invalid JSON: invalid \\u escape in "
		  "string\n");
	CHECK_ERR("[\"a\\u0000\"]",
		  "t.json:1:4: error: invalid JSON: \\u0000 in a string is not "
		  "supported\n");
}

static void
numbers_and_literals_are_checked(void)
{
	CHECK_ERR("[01]", "t.json:1:2: error: invalid JSON: invalid number\n");
	CHECK_ERR("[1.]", "t.json:1:2: error: invalid JSON: invalid number\n");
	CHECK_ERR("[.5]",
		  "t.json:1:2: error: invalid JSON: expected a value\n");
	CHECK_ERR("[-]", "t.json:1:2: error: invalid JSON: invalid number\n");
	CHECK_ERR("[1e]", "t.json:1:2: error: invalid JSON: invalid number\n");
	CHECK_ERR("[+1]",
		  "t.json:1:2: error: invalid JSON: expected a value\n");
	CHECK_ERR("[12abc]",
		  "t.json:1:2: error: invalid JSON: invalid number\n");
	CHECK_ERR("[1e400]",
		  "t.json:1:2: error: invalid JSON: number out of range\n");
	CHECK_ERR("[tru]",
		  "t.json:1:2: error: invalid JSON: expected a value\n");
	CHECK_ERR("[True]",
		  "t.json:1:2: error: invalid JSON: expected a value\n");
	CHECK_ERR("[nullx]",
		  "t.json:1:2: error: invalid JSON: expected a value\n");
	CHECK_ERR("[NaN]",
		  "t.json:1:2: error: invalid JSON: expected a value\n");
}

static void
duplicate_keys_are_errors(void)
{
	struct buf big = BUF_INIT;
	int i;

	CHECK_ERR("[{\"id\": 1,\n  \"id\": 2}]",
		  "t.json:2:3: error: duplicate key \"id\"\n");
	CHECK_ERR("{\"a\": {\"x\": 1}, \"b\": {\"x\": 1}}", "");
	/* Past the linear scan: the hash set must agree. */
	buf_addch(&big, '{');
	for (i = 0; i < 100; i++)
		buf_addf(&big, "\"k%d\": %d, ", i, i);
	BUF_ADDLIT(&big, "\"k7\": 0, \"k99\": 1, \"k100\": 2}");
	CHECK_ERR(big.ptr,
		  "t.json:1:1082: error: duplicate key \"k7\"\n"
		  "t.json:1:1091: error: duplicate key \"k99\"\n");
	buf_release(&big);
}

static void
depth_is_limited(void)
{
	struct buf b = BUF_INIT;
	int i;

	for (i = 0; i < JSON_MAX_DEPTH; i++)
		buf_addch(&b, '[');
	for (i = 0; i < JSON_MAX_DEPTH; i++)
		buf_addch(&b, ']');
	CHECK_ERR(b.ptr, "");
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_addch(&b, '[');
	{
		char *got = parse_errors(b.ptr);

		CHECK(strstr(got, "nesting deeper than 200 levels") != NULL);
		free(got);
	}
	buf_release(&b);
}

static void
spans_and_lines_keep_file_positions(void)
{
	const char *text = "{\"id\": \"a\"}\n{\"id\": \"b\", \"x\": }\n";
	struct json_doc doc;
	struct diag *d = diag_new();
	struct src s, line;
	int l, c;
	char *out;

	src_init_mem(&s, "o.jsonl", text, strlen(text), d);
	CHECK_INT(json_parse_span(&doc, &s, 12, 20, d), -1);
	json_release(&doc);
	CHECK_INT(json_parse_span(&doc, &s, 12, 10, d), -1);
	json_release(&doc);
	CHECK_INT(json_parse_span(&doc, &s, 0, 11, d), 0);
	json_pos(&doc, cJSON_GetObjectItemCaseSensitive(doc.root, "id"), &l,
		 &c);
	CHECK_INT(l, 1);
	CHECK_INT(c, 2);
	json_release(&doc);
	out = diag_text(d);
	CHECK_STR(out,
		  "o.jsonl:2:11: error: invalid JSON: unexpected end of line\n"
		  "o.jsonl:2:18: error: invalid JSON: expected a value\n");
	free(out);
	diag_clear(d);

	/* One record read alone, reported on its line of the file. */
	src_init_mem(&line, "big.jsonl", "{\"id\": \"z\", \"n\": 01}", 20, d);
	CHECK_INT(json_parse_line(&doc, &line, 1000000, d), -1);
	json_release(&doc);
	src_release(&line);
	src_init_mem(&line, "big.jsonl", "  {\"id\": \"z\"}", 13, d);
	CHECK_INT(json_parse_line(&doc, &line, 7, d), 0);
	json_pos(&doc, doc.root, &l, &c);
	CHECK_INT(l, 7);
	CHECK_INT(c, 3);
	json_release(&doc);
	src_release(&line);
	out = diag_text(d);
	CHECK_STR(out, "big.jsonl:1000000:18: error: invalid JSON: invalid "
		  "number\n");
	free(out);
	src_release(&s);
	diag_free(d);
}

struct collect {
	struct buf ids;
	int n, stop_at;
};

static int
collect_one(void *arg, const struct json_doc *elem)
{
	struct collect *c = arg;
	const cJSON *id = cJSON_GetObjectItemCaseSensitive(elem->root, "id");
	int line, col;

	json_pos(elem, id, &line, &col);
	buf_addf(&c->ids, "%s@%d:%d ", cJSON_IsString(id) ? id->valuestring :
		 "?", line, col);
	return ++c->n == c->stop_at ? -1 : 0;
}

static int
each(const char *text, struct collect *c, char **errs)
{
	struct diag *d = diag_new();
	struct src s;
	int rc;

	buf_init(&c->ids, 0);
	c->n = 0;
	src_init_mem(&s, "a.json", text, strlen(text), d);
	rc = json_array_each(&s, collect_one, c, d);
	*errs = diag_text(d);
	src_release(&s);
	diag_free(d);
	return rc;
}

static void
array_each_streams_elements(void)
{
	struct collect c = { BUF_INIT, 0, 0 };
	char *errs;

	CHECK_INT(each("[\n {\"id\": \"a\"},\n {\"id\": \"b\"}\n]\n", &c, &errs),
		  0);
	CHECK_STR(c.ids.ptr, "a@2:3 b@3:3 ");
	CHECK_STR(errs, "");
	free(errs);
	buf_release(&c.ids);

	CHECK_INT(each("[]", &c, &errs), 0);
	CHECK_INT(c.n, 0);
	free(errs);
	buf_release(&c.ids);

	/* Elements before a syntax error are seen; the error is reported. */
	CHECK_INT(each("[{\"id\": \"a\"}, {\"id\": \"b\" \"x\": 1}]", &c,
		       &errs), -1);
	CHECK_STR(c.ids.ptr, "a@1:3 ");
	CHECK_STR(errs, "a.json:1:26: error: invalid JSON: expected ',' or "
		  "'}' after an object member\n");
	free(errs);
	buf_release(&c.ids);

	/* A duplicate key skips its element only. */
	CHECK_INT(each("[{\"id\": \"a\", \"id\": \"b\"}, {\"id\": \"c\"}]", &c,
		       &errs), -1);
	CHECK_STR(c.ids.ptr, "c@1:27 ");
	CHECK_STR(errs, "a.json:1:14: error: duplicate key \"id\"\n");
	free(errs);
	buf_release(&c.ids);

	c.stop_at = 1;
	CHECK_INT(each("[{\"id\": \"a\"}, {\"id\": \"b\"}]", &c, &errs), -1);
	CHECK_INT(c.n, 1);
	CHECK_STR(errs, "");
	free(errs);
	buf_release(&c.ids);
	c.stop_at = 0;

	CHECK_INT(each("{\"id\": 1}", &c, &errs), -1);
	CHECK_STR(errs, "a.json:1:1: error: invalid JSON: expected '[' to "
		  "start an array of records\n");
	free(errs);
	buf_release(&c.ids);

	CHECK_INT(each("[1] 2", &c, &errs), -1);
	CHECK_STR(errs, "a.json:1:5: error: invalid JSON: unexpected text "
		  "after the value\n");
	free(errs);
	buf_release(&c.ids);

	CHECK_INT(each("[1,]", &c, &errs), -1);
	CHECK_STR(errs, "a.json:1:3: error: invalid JSON: trailing comma "
		  "before ']'\n");
	free(errs);
	buf_release(&c.ids);

	CHECK_INT(each("", &c, &errs), -1);
	CHECK_STR(errs, "a.json:1:1: error: invalid JSON: empty file\n");
	free(errs);
	buf_release(&c.ids);
}

int
main(void)
{
	parses_a_document();
	scalars_at_the_top();
	syntax_errors_have_exact_positions();
	strings_are_checked();
	numbers_and_literals_are_checked();
	duplicate_keys_are_errors();
	depth_is_limited();
	spans_and_lines_keep_file_positions();
	array_each_streams_elements();
	return harness_done();
}
