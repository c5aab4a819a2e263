#ifndef SHOWCASE_JSON_H
#define SHOWCASE_JSON_H

/*
 * struct json_doc: a JSON text parsed by cJSON, with the source position of
 * every value kept beside the tree, because cJSON itself keeps none and our
 * diagnostics must say file:line:col for a single bad field.
 *
 * All lexing (strings, escapes, numbers, literals) is cJSON's; this module
 * only walks the structure ({ } [ ] , :) so it can note where each value
 * starts. Callers read the tree with the ordinary cJSON API and ask
 * json_pos() for a value's position.
 *
 * Errors: syntax errors are recorded in the diag at their line:col and the
 * function returns -1. Duplicate keys in one object are errors too. Only
 * the first syntax error of a text is reported: what follows it cannot be
 * read reliably, and a cascade would bury the real one. A string escape
 * that stands for a character text may not hold (\u0007, \uFFFE: see
 * utf8_check_text) is an error like a raw one.
 */

#include <stdarg.h>
#include <stddef.h>

#include <cJSON.h>

struct buf;
struct diag;
struct src;

struct json_pos_map; /* private */

struct json_doc {
	cJSON *root;               /* NULL after a failed parse */
	const struct src *src;     /* not owned: must outlive the doc */
	size_t base;               /* byte offset of the text within src */
	struct json_pos_map *map;  /* value -> byte offset */
	int line_base;             /* added to every line: see json_parse_line */
	int syntax;                /* the parse failed on a syntax error, not
				    * only on duplicate keys */
};

/* Deeper nesting is an error, so hostile input cannot exhaust the stack. */
#define JSON_MAX_DEPTH 200

/* Parse all of s. json_release() must be called whatever the result. */
int json_parse(struct json_doc *doc, const struct src *s, struct diag *d);
/*
 * Parse the part [off, off+len) of s (one line of a .jsonl export);
 * positions stay relative to the whole file.
 */
int json_parse_span(struct json_doc *doc, const struct src *s, size_t off,
		    size_t len, struct diag *d);
/*
 * Parse all of s, which holds one line of a larger file read alone (a
 * .jsonl record streamed with constant memory): positions are reported
 * as on line lineno of s->path.
 */
int json_parse_line(struct json_doc *doc, const struct src *s, int lineno,
		    struct diag *d);
void json_release(struct json_doc *doc);

/*
 * Position of item (any value of doc's tree, or the key of an object
 * member: pass the member itself) in the source file. An item not in the
 * tree gives line 0.
 */
void json_pos(const struct json_doc *doc, const cJSON *item, int *line,
	      int *col);
/* Position of the value of item (for a member, after its key and ':'). */
void json_value_pos(const struct json_doc *doc, const cJSON *item, int *line,
		    int *col);

/*
 * Append the number item as the file writes it ("110101199001011234",
 * "1.50"): cJSON keeps only a double, which cannot hold every ID number.
 * Returns 0, or -1 when item is no number of doc's tree.
 */
int json_number_text(const struct json_doc *doc, const cJSON *item,
		     struct buf *out);

/*
 * Record a diagnostic of level at item's position in doc (its key, for an
 * object member), in doc's file. doc may be NULL: the message then names
 * fallback without a position (a default that no file holds).
 */
void json_vdiag(struct diag *d, int level, const struct json_doc *doc,
		const char *fallback, const cJSON *item, const char *fmt,
		va_list ap) __attribute__((format(printf, 6, 0)));
void json_diag(struct diag *d, int level, const struct json_doc *doc,
	       const char *fallback, const cJSON *item, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/*
 * Call fn for each element of the top-level array of s, one at a time, so
 * that a large .json export is never held as one tree; elem is freed after
 * fn returns. fn returns 0 to go on, -1 to stop. Syntax errors are recorded;
 * returns -1 if there was any, or if fn stopped the walk; 0 otherwise.
 * A duplicate key inside one element is recorded and that element skipped;
 * the walk goes on with the next.
 */
typedef int (*json_each_fn)(void *arg, const struct json_doc *elem);
int json_array_each(const struct src *s, json_each_fn fn, void *arg,
		    struct diag *d);

/*
 * Writing JSON (stats --json), appended to the caller's out: a string
 * quoted and escaped by cJSON; a fraction given in millionths with six
 * decimals, trailing zeros dropped ("0.5", "1.0"); a number of the
 * exports, whole ones without ".0".
 */
void json_add_string(struct buf *out, const char *s);
void json_add_fraction(struct buf *out, long long millionths);
void json_add_number(struct buf *out, double v);

#endif
