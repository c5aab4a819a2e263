/*
 * JSON with positions. cJSON lexes every scalar (strings with their escapes,
 * numbers, literals); this file walks the structure itself, because cJSON
 * keeps no positions and reports an error only as a pointer. Strings and
 * numbers are first bounded and checked against the JSON grammar here, so
 * that the error names the real problem at its real column (cJSON accepts
 * raw newlines in strings, leading zeros and "1." in numbers), then handed
 * to cJSON_ParseWithLengthOpts with exactly their length. Only the per-call
 * end pointer is used, never cJSON_GetErrorPtr(), which is a global.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "src.h"
#include "unicode.h"
#include "utf8.h"
#include "util.h"

/* Positions: an open-addressing hash map from item pointer to offsets. */
struct pos_ent {
	const cJSON *item; /* NULL: empty slot */
	size_t key;        /* the member's key, or the value for elements */
	size_t val;
};

struct json_pos_map {
	struct pos_ent *tab;
	size_t cap; /* a power of two, 0 before the first insert */
	size_t n;
};

static size_t
ptr_hash(const void *p)
{
	uint64_t h = (uint64_t)(uintptr_t)p;

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h;
}

static void map_put(struct json_pos_map *m, const cJSON *item, size_t key,
		    size_t val);

static void
map_grow(struct json_pos_map *m)
{
	struct pos_ent *old = m->tab;
	size_t oldcap = m->cap, i;

	m->cap = oldcap ? oldcap * 2 : 64;
	m->tab = xcalloc(m->cap, sizeof(*m->tab));
	m->n = 0;
	for (i = 0; i < oldcap; i++)
		if (old[i].item)
			map_put(m, old[i].item, old[i].key, old[i].val);
	free(old);
}

static void
map_put(struct json_pos_map *m, const cJSON *item, size_t key, size_t val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		map_grow(m);
	i = ptr_hash(item) & (m->cap - 1);
	while (m->tab[i].item && m->tab[i].item != item)
		i = (i + 1) & (m->cap - 1);
	if (!m->tab[i].item)
		m->n++;
	m->tab[i].item = item;
	m->tab[i].key = key;
	m->tab[i].val = val;
}

static const struct pos_ent *
map_get(const struct json_pos_map *m, const cJSON *item)
{
	size_t i;

	if (!m || !m->cap || !item)
		return NULL;
	i = ptr_hash(item) & (m->cap - 1);
	while (m->tab[i].item) {
		if (m->tab[i].item == item)
			return &m->tab[i];
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

/* Forget every entry but keep the table: json_array_each reuses it. */
static void
map_clear(struct json_pos_map *m)
{
	if (m->cap)
		memset(m->tab, 0, m->cap * sizeof(*m->tab));
	m->n = 0;
}

static void
map_free(struct json_pos_map *m)
{
	if (!m)
		return;
	free(m->tab);
	free(m);
}

/* The walker. */
struct parser {
	const struct src *src;
	const char *text; /* src->text.ptr */
	size_t pos;       /* absolute offset of the next byte */
	size_t end;       /* absolute offset just past the input */
	struct json_pos_map *map;
	struct diag *d;
	int line_base;
	int depth;
	int syntax;      /* a syntax error was recorded: stop */
	int errors;      /* any error (syntax or duplicate key) */
	const char *eof; /* "file" or "line" */
};

static void
perr_at(struct parser *p, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
perr_at(struct parser *p, size_t off, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;
	int line, col;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	src_pos(p->src, off, &line, &col);
	diag_error(p->d, p->src->path, line + p->line_base, col, "%s",
		   msg.ptr);
	buf_release(&msg);
	p->errors++;
}

static void
syntax(struct parser *p, size_t off, const char *what)
{
	if (off >= p->end)
		perr_at(p, p->end, "invalid JSON: unexpected end of %s",
			p->eof);
	else
		perr_at(p, off, "invalid JSON: %s", what);
	p->syntax = 1;
}

static void
skip_ws(struct parser *p)
{
	while (p->pos < p->end) {
		char c = p->text[p->pos];

		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->pos++;
	}
}

static int
peek(const struct parser *p)
{
	return p->pos < p->end ? (unsigned char)p->text[p->pos] : -1;
}

/* Four hex digits at off, or -1. */
static long
hex4(const struct parser *p, size_t off)
{
	long v = 0;
	int i;

	if (off + 4 > p->end)
		return -1;
	for (i = 0; i < 4; i++) {
		int h = hex_value((unsigned char)p->text[off + i]);

		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	return v;
}

/*
 * Find the end of the string starting at p->pos (a '"'), checking what
 * cJSON does not: raw control characters, escapes, surrogate pairs, and
 * \u0000, which cJSON would turn into a silently truncated C string.
 */
static int
scan_string(struct parser *p, size_t *endp)
{
	size_t start = p->pos, i = start + 1;

	for (;;) {
		unsigned char c;

		if (i >= p->end) {
			perr_at(p, start, "invalid JSON: unterminated string");
			p->syntax = 1;
			return -1;
		}
		c = (unsigned char)p->text[i];
		if (c == '"') {
			*endp = i + 1;
			return 0;
		}
		if (c == '\n' || c == '\r') {
			perr_at(p, start, "invalid JSON: unterminated string");
			p->syntax = 1;
			return -1;
		}
		if (c < 0x20) {
			perr_at(p, i, "invalid JSON: control character U+%04X "
				"in string; write it as an escape", c);
			p->syntax = 1;
			return -1;
		}
		if (c != '\\') {
			i++;
			continue;
		}
		if (i + 1 >= p->end) {
			perr_at(p, start, "invalid JSON: unterminated string");
			p->syntax = 1;
			return -1;
		}
		c = (unsigned char)p->text[i + 1];
		if (c && strchr("\"\\/bfnrt", c)) {
			i += 2;
			continue;
		}
		if (c == 'u') {
			long u = hex4(p, i + 2), lo;

			if (u < 0)
				goto bad_u;
			if (u == 0) {
				perr_at(p, i, "invalid JSON: \\u0000 in a "
					"string is not supported");
				p->syntax = 1;
				return -1;
			}
			if (u >= 0xDC00 && u <= 0xDFFF)
				goto bad_u;
			if (u >= 0xD800 && u <= 0xDBFF) {
				if (i + 7 >= p->end || p->text[i + 6] != '\\' ||
				    p->text[i + 7] != 'u')
					goto bad_u;
				lo = hex4(p, i + 8);
				if (lo < 0xDC00 || lo > 0xDFFF)
					goto bad_u;
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (lo - 0xDC00);
				if (uni_is_forbidden((uint32_t)u))
					goto forbidden;
				i += 12;
				continue;
			}
			if (uni_is_forbidden((uint32_t)u))
				goto forbidden;
			i += 6;
			continue;
forbidden:
			{
				struct buf why = BUF_INIT;

				utf8_explain_forbidden(&why, (uint32_t)u);
				perr_at(p, i, "%s", why.ptr);
				buf_release(&why);
			}
			p->syntax = 1;
			return -1;
bad_u:
			perr_at(p, i, "invalid JSON: invalid \\u escape in "
				"string");
			p->syntax = 1;
			return -1;
		}
		{
			/* Show the escape as written; c may start a
			 * multi-byte character. */
			uint32_t cp;
			size_t n = utf8_decode(p->text + i + 1,
					       p->end - i - 1, &cp);

			perr_at(p, i, "invalid JSON: invalid escape \"\\%.*s\" "
				"in string", (int)(n ? n : 1), p->text + i + 1);
		}
		p->syntax = 1;
		return -1;
	}
}

static int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* The JSON number grammar, stricter than cJSON's strtod. */
static int
scan_number(struct parser *p, size_t *endp)
{
	size_t start = p->pos, i = start;
	int c;

	if (i < p->end && p->text[i] == '-')
		i++;
	if (i < p->end && p->text[i] == '0') {
		i++;
	} else if (i < p->end && is_digit(p->text[i])) {
		while (i < p->end && is_digit(p->text[i]))
			i++;
	} else {
		goto bad;
	}
	if (i < p->end && p->text[i] == '.') {
		i++;
		if (i >= p->end || !is_digit(p->text[i]))
			goto bad;
		while (i < p->end && is_digit(p->text[i]))
			i++;
	}
	if (i < p->end && (p->text[i] == 'e' || p->text[i] == 'E')) {
		i++;
		if (i < p->end && (p->text[i] == '+' || p->text[i] == '-'))
			i++;
		if (i >= p->end || !is_digit(p->text[i]))
			goto bad;
		while (i < p->end && is_digit(p->text[i]))
			i++;
	}
	/* "01", "1.2.3", "12abc": one bad token, not a number and garbage. */
	c = i < p->end ? (unsigned char)p->text[i] : ' ';
	if (is_digit(c) || c == '.' || c == '+' || c == '-' || c == '_' ||
	    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		goto bad;
	*endp = i;
	return 0;
bad:
	perr_at(p, start, "invalid JSON: invalid number");
	p->syntax = 1;
	return -1;
}

/* Let cJSON lex the scalar [start, end), which must be exactly one value. */
static cJSON *
lex(struct parser *p, size_t start, size_t end)
{
	const char *stop = NULL;
	cJSON *item;

	item = cJSON_ParseWithLengthOpts(p->text + start, end - start, &stop,
					 0);
	if (!item || stop != p->text + end) {
		/* Not reached after our own checks; kept as a safety net. */
		cJSON_Delete(item);
		syntax(p, start, "invalid value");
		return NULL;
	}
	if (cJSON_IsNumber(item) && !isfinite(item->valuedouble)) {
		cJSON_Delete(item);
		perr_at(p, start, "invalid JSON: number out of range");
		p->syntax = 1;
		return NULL;
	}
	return item;
}

static cJSON *parse_value(struct parser *p);

/*
 * Is key already a member of obj? Small objects are scanned; big ones get
 * a hash set so that a hostile object of 100,000 keys stays linear.
 */
struct keyset {
	const char **tab;
	size_t cap, n;
};

static size_t
str_hash(const char *s)
{
	return (size_t)fnv1a64(FNV_OFFSET, s, strlen(s));
}

static void keyset_add(struct keyset *ks, const char *key);

static int
keyset_has(const struct keyset *ks, const char *key)
{
	size_t i = str_hash(key) & (ks->cap - 1);

	while (ks->tab[i]) {
		if (!strcmp(ks->tab[i], key))
			return 1;
		i = (i + 1) & (ks->cap - 1);
	}
	return 0;
}

static void
keyset_add(struct keyset *ks, const char *key)
{
	size_t i;

	if ((ks->n + 1) * 2 > ks->cap) {
		const char **old = ks->tab;
		size_t oldcap = ks->cap, j;

		ks->cap = oldcap ? oldcap * 2 : 64;
		ks->tab = xcalloc(ks->cap, sizeof(*ks->tab));
		ks->n = 0;
		for (j = 0; j < oldcap; j++)
			if (old[j])
				keyset_add(ks, old[j]);
		free(old);
	}
	i = str_hash(key) & (ks->cap - 1);
	while (ks->tab[i])
		i = (i + 1) & (ks->cap - 1);
	ks->tab[i] = key;
	ks->n++;
}

#define KEYSET_AFTER 16

static int
has_key(const cJSON *obj, struct keyset *ks, size_t nmembers, const char *key)
{
	const cJSON *c;

	if (nmembers < KEYSET_AFTER) {
		for (c = obj->child; c; c = c->next)
			if (c->string[0] == key[0] && !strcmp(c->string, key))
				return 1;
		return 0;
	}
	if (!ks->cap)
		for (c = obj->child; c; c = c->next)
			keyset_add(ks, c->string);
	return keyset_has(ks, key);
}

static int
enter(struct parser *p)
{
	if (++p->depth > JSON_MAX_DEPTH) {
		perr_at(p, p->pos, "invalid JSON: nesting deeper than %d "
			"levels", JSON_MAX_DEPTH);
		p->syntax = 1;
		return -1;
	}
	return 0;
}

static cJSON *
parse_object(struct parser *p)
{
	struct keyset ks = { NULL, 0, 0 };
	size_t nmembers = 0;
	cJSON *obj = NULL;

	if (enter(p) < 0)
		goto out;
	obj = cJSON_CreateObject();
	if (!obj)
		die("out of memory in cJSON");
	map_put(p->map, obj, p->pos, p->pos);
	p->pos++; /* '{' */
	skip_ws(p);
	if (peek(p) == '}') {
		p->pos++;
		goto out;
	}
	for (;;) {
		size_t key_off, key_end, val_off, comma;
		cJSON *key, *val;

		skip_ws(p);
		if (peek(p) != '"') {
			syntax(p, p->pos, "expected '\"' to start a member "
			       "name");
			goto fail;
		}
		key_off = p->pos;
		if (scan_string(p, &key_end) < 0 ||
		    !(key = lex(p, key_off, key_end)))
			goto fail;
		p->pos = key_end;
		skip_ws(p);
		if (peek(p) != ':') {
			cJSON_Delete(key);
			syntax(p, p->pos, "expected ':' after a member name");
			goto fail;
		}
		p->pos++;
		skip_ws(p);
		val_off = p->pos;
		if (!(val = parse_value(p))) {
			cJSON_Delete(key);
			goto fail;
		}
		if (has_key(obj, &ks, nmembers, key->valuestring)) {
			/* Keep the first; the document fails anyway. */
			perr_at(p, key_off, "duplicate key \"%s\"",
				key->valuestring);
			cJSON_Delete(val);
		} else {
			if (!cJSON_AddItemToObject(obj, key->valuestring, val))
				die("out of memory in cJSON");
			map_put(p->map, val, key_off, val_off);
			if (ks.cap)
				keyset_add(&ks, val->string);
			nmembers++;
		}
		cJSON_Delete(key);
		skip_ws(p);
		if (peek(p) == '}') {
			p->pos++;
			break;
		}
		if (peek(p) != ',') {
			syntax(p, p->pos, "expected ',' or '}' after an object "
			       "member");
			goto fail;
		}
		comma = p->pos++;
		skip_ws(p);
		if (peek(p) == '}') {
			syntax(p, comma, "trailing comma before '}'");
			goto fail;
		}
	}
	goto out;
fail:
	cJSON_Delete(obj);
	obj = NULL;
out:
	free(ks.tab);
	p->depth--;
	return obj;
}

static cJSON *
parse_array(struct parser *p)
{
	cJSON *arr = NULL;

	if (enter(p) < 0)
		goto out;
	arr = cJSON_CreateArray();
	if (!arr)
		die("out of memory in cJSON");
	map_put(p->map, arr, p->pos, p->pos);
	p->pos++; /* '[' */
	skip_ws(p);
	if (peek(p) == ']') {
		p->pos++;
		goto out;
	}
	for (;;) {
		size_t off, comma;
		cJSON *val;

		skip_ws(p);
		off = p->pos;
		if (!(val = parse_value(p)))
			goto fail;
		map_put(p->map, val, off, off);
		if (!cJSON_AddItemToArray(arr, val))
			die("out of memory in cJSON");
		skip_ws(p);
		if (peek(p) == ']') {
			p->pos++;
			break;
		}
		if (peek(p) != ',') {
			syntax(p, p->pos, "expected ',' or ']' after an array "
			       "element");
			goto fail;
		}
		comma = p->pos++;
		skip_ws(p);
		if (peek(p) == ']') {
			syntax(p, comma, "trailing comma before ']'");
			goto fail;
		}
	}
	goto out;
fail:
	cJSON_Delete(arr);
	arr = NULL;
out:
	p->depth--;
	return arr;
}

static int
word_at(const struct parser *p, const char *w)
{
	size_t n = strlen(w);
	int c;

	if (p->end - p->pos < n || memcmp(p->text + p->pos, w, n))
		return 0;
	c = p->pos + n < p->end ? (unsigned char)p->text[p->pos + n] : ' ';
	return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		 is_digit(c) || c == '_');
}

/* One value at p->pos (whitespace already skipped); NULL after an error. */
static cJSON *
parse_value(struct parser *p)
{
	size_t start = p->pos, end;
	int c = peek(p);
	cJSON *item;

	switch (c) {
	case '{':
		return parse_object(p);
	case '[':
		return parse_array(p);
	case '"':
		if (scan_string(p, &end) < 0)
			return NULL;
		break;
	case 't':
	case 'f':
	case 'n':
		if (word_at(p, "true"))
			end = start + 4;
		else if (word_at(p, "false"))
			end = start + 5;
		else if (word_at(p, "null"))
			end = start + 4;
		else
			goto bad;
		break;
	default:
		if (c == '-' || is_digit(c)) {
			if (scan_number(p, &end) < 0)
				return NULL;
			break;
		}
		goto bad;
	}
	if (!(item = lex(p, start, end)))
		return NULL;
	p->pos = end;
	return item;
bad:
	syntax(p, start, "expected a value");
	return NULL;
}

static void
parser_init(struct parser *p, const struct src *s, size_t off, size_t len,
	    struct json_pos_map *map, struct diag *d)
{
	memset(p, 0, sizeof(*p));
	p->src = s;
	p->text = s->text.ptr;
	p->pos = off;
	p->end = off + len;
	p->map = map;
	p->d = d;
	p->eof = "file";
}

/* The whole input is one value, with nothing after it. */
static int
parse_doc(struct json_doc *doc, struct parser *p)
{
	cJSON *root;
	size_t start;

	skip_ws(p);
	start = p->pos;
	if (p->pos >= p->end) {
		/* At its start, as an empty Markdown file is reported. */
		perr_at(p, doc->base, "invalid JSON: empty %s", p->eof);
		doc->syntax = 1;
		return -1;
	}
	root = parse_value(p);
	if (!root) {
		doc->syntax = 1;
		return -1;
	}
	map_put(p->map, root, start, start);
	skip_ws(p);
	if (p->pos < p->end) {
		perr_at(p, p->pos, "invalid JSON: unexpected text after the "
			"value");
		cJSON_Delete(root);
		doc->syntax = 1;
		return -1;
	}
	if (p->errors) {
		cJSON_Delete(root);
		return -1;
	}
	doc->root = root;
	return 0;
}

static void
doc_init(struct json_doc *doc, const struct src *s, size_t base)
{
	memset(doc, 0, sizeof(*doc));
	doc->src = s;
	doc->base = base;
	doc->map = xcalloc(1, sizeof(*doc->map));
}

int
json_parse_span(struct json_doc *doc, const struct src *s, size_t off,
		size_t len, struct diag *d)
{
	struct parser p;

	if (off > s->text.len)
		off = s->text.len;
	if (len > s->text.len - off)
		len = s->text.len - off;
	doc_init(doc, s, off);
	parser_init(&p, s, off, len, doc->map, d);
	if (off || len != s->text.len)
		p.eof = "line";
	return parse_doc(doc, &p);
}

int
json_parse(struct json_doc *doc, const struct src *s, struct diag *d)
{
	return json_parse_span(doc, s, 0, s->text.len, d);
}

int
json_parse_line(struct json_doc *doc, const struct src *s, int lineno,
		struct diag *d)
{
	struct parser p;

	doc_init(doc, s, 0);
	doc->line_base = lineno > 0 ? lineno - 1 : 0;
	parser_init(&p, s, 0, s->text.len, doc->map, d);
	p.line_base = doc->line_base;
	p.eof = "line";
	return parse_doc(doc, &p);
}

void
json_release(struct json_doc *doc)
{
	if (!doc)
		return;
	cJSON_Delete(doc->root);
	map_free(doc->map);
	doc->root = NULL;
	doc->map = NULL;
}

void
json_pos(const struct json_doc *doc, const cJSON *item, int *line, int *col)
{
	const struct pos_ent *e = doc ? map_get(doc->map, item) : NULL;

	*line = *col = 0;
	if (!e)
		return;
	src_pos(doc->src, e->key, line, col);
	*line += doc->line_base;
}

void
json_value_pos(const struct json_doc *doc, const cJSON *item, int *line,
	       int *col)
{
	const struct pos_ent *e = doc ? map_get(doc->map, item) : NULL;

	*line = *col = 0;
	if (!e)
		return;
	src_pos(doc->src, e->val, line, col);
	*line += doc->line_base;
}

int
json_number_text(const struct json_doc *doc, const cJSON *item,
		 struct buf *out)
{
	const struct pos_ent *e = doc ? map_get(doc->map, item) : NULL;
	const char *s, *end;
	size_t n;

	if (!e || !cJSON_IsNumber(item))
		return -1;
	s = doc->src->text.ptr + e->val;
	end = doc->src->text.ptr + doc->src->text.len;
	for (n = 0; s + n < end && strchr("+-0123456789.eE", s[n]) && s[n]; n++)
		;
	if (!n)
		return -1;
	buf_add(out, s, n);
	return 0;
}

int
json_array_each(const struct src *s, json_each_fn fn, void *arg,
		struct diag *d)
{
	struct json_pos_map map = { NULL, 0, 0 };
	struct parser p;
	int rc = -1;

	parser_init(&p, s, 0, s->text.len, &map, d);
	skip_ws(&p);
	if (p.pos >= p.end) {
		perr_at(&p, 0, "invalid JSON: empty file");
		goto out;
	}
	if (peek(&p) != '[') {
		perr_at(&p, p.pos, "invalid JSON: expected '[' to start an "
			"array of records");
		goto out;
	}
	p.pos++;
	p.depth = 1;
	skip_ws(&p);
	if (peek(&p) == ']') {
		p.pos++;
	} else {
		for (;;) {
			struct json_doc elem;
			size_t off, comma;
			int errors = p.errors, stop;
			cJSON *val;

			skip_ws(&p);
			off = p.pos;
			map_clear(&map);
			if (!(val = parse_value(&p))) {
				goto out;
			} else if (p.errors > errors) {
				/* A duplicate key: skip the element. */
				cJSON_Delete(val);
			} else {
				map_put(&map, val, off, off);
				memset(&elem, 0, sizeof(elem));
				elem.root = val;
				elem.src = s;
				elem.map = &map;
				stop = fn(arg, &elem);
				cJSON_Delete(val);
				if (stop < 0)
					goto out;
			}
			skip_ws(&p);
			if (peek(&p) == ']') {
				p.pos++;
				break;
			}
			if (peek(&p) != ',') {
				syntax(&p, p.pos, "expected ',' or ']' after "
				       "an array element");
				goto out;
			}
			comma = p.pos++;
			skip_ws(&p);
			if (peek(&p) == ']') {
				syntax(&p, comma, "trailing comma before ']'");
				goto out;
			}
		}
	}
	skip_ws(&p);
	if (p.pos < p.end) {
		perr_at(&p, p.pos, "invalid JSON: unexpected text after the "
			"value");
		goto out;
	}
	rc = p.errors ? -1 : 0;
out:
	free(map.tab);
	return rc;
}

void
json_vdiag(struct diag *d, int level, const struct json_doc *doc,
	   const char *fallback, const cJSON *item, const char *fmt,
	   va_list ap)
{
	struct buf msg = BUF_INIT;
	const char *file = fallback;
	int line = 0, col = 0;

	buf_vaddf(&msg, fmt, ap);
	if (doc && doc->src) {
		json_pos(doc, item, &line, &col);
		file = doc->src->path;
	}
	if (level == DIAG_ERROR)
		diag_error(d, file, line, col, "%s", msg.ptr);
	else
		diag_warn(d, file, line, col, "%s", msg.ptr);
	buf_release(&msg);
}

void
json_diag(struct diag *d, int level, const struct json_doc *doc,
	  const char *fallback, const cJSON *item, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	json_vdiag(d, level, doc, fallback, item, fmt, ap);
	va_end(ap);
}

void
json_add_string(struct buf *out, const char *s)
{
	cJSON *str = cJSON_CreateString(s);
	char *text;

	if (!str || !(text = cJSON_PrintUnformatted(str)))
		die("out of memory in cJSON");
	buf_addstr(out, text);
	cJSON_free(text);
	cJSON_Delete(str);
}

void
json_add_fraction(struct buf *out, long long millionths)
{
	size_t len;

	if (millionths < 0) {
		buf_addch(out, '-');
		millionths = -millionths;
	}
	buf_addf(out, "%lld.%06lld", millionths / 1000000,
		 millionths % 1000000);
	len = out->len;
	while (out->ptr[len - 1] == '0' && out->ptr[len - 2] != '.')
		len--;
	buf_setlen(out, len);
}

void
json_add_number(struct buf *out, double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		buf_addf(out, "%.0f", v);
	else
		buf_addf(out, "%.15g", v);
}
