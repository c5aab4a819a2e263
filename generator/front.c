/*
 * Front matter: the fences are found here, the YAML between them is read
 * by libfyaml's event parser. Events, not a document tree, because every
 * event carries a start mark (the public node API gives none for lists and
 * mappings) and because aliases then stay unexpanded, so a "billion
 * laughs" file costs nothing.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <libfyaml.h>

#include "buf.h"
#include "diag.h"
#include "front.h"
#include "src.h"
#include "utf8.h"
#include "util.h"

enum key_type {
	KEY_STRING,
	KEY_DATE,
	KEY_BOOL,
	KEY_INT,
	KEY_LIST,
};

struct key {
	const char *name;
	enum key_type type;
	int required;
	size_t off;   /* the field in struct front */
	size_t count; /* KEY_LIST: its size_t item count */
	size_t pos;   /* its struct front_pos, or NOPOS */
	size_t at;    /* KEY_LIST: a struct front_pos * for its items, or NOPOS */
};

#define NOPOS ((size_t)-1)
#define FRONT_MAX_DEPTH 16
#define FIELD(x) offsetof(struct front, x)

/*
 * Every key the front matter may hold. A new key is one line here and a
 * field in struct front; a KEY_LIST field is a char ** with a size_t count
 * and, when its items become names of files (tags), their positions.
 */
static const struct key keys[] = {
	{ "title",   KEY_STRING, 1, FIELD(title),   0,           FIELD(pos_title), NOPOS },
	{ "date",    KEY_DATE,   0, FIELD(date),    0,           FIELD(pos_date), NOPOS },
	{ "summary", KEY_STRING, 0, FIELD(summary), 0,           NOPOS, NOPOS },
	{ "tags",    KEY_LIST,   0, FIELD(tags),    FIELD(ntags), FIELD(pos_tags), FIELD(tags_at) },
	{ "region",  KEY_STRING, 0, FIELD(region),  0,           FIELD(pos_region), NOPOS },
	{ "org",     KEY_STRING, 0, FIELD(org),     0,           NOPOS, NOPOS },
	{ "belt",    KEY_STRING, 0, FIELD(belt),    0,           NOPOS, NOPOS },
	{ "brand",   KEY_STRING, 0, FIELD(brand),   0,           NOPOS, NOPOS },
	{ "cover",   KEY_STRING, 0, FIELD(cover),   0,           FIELD(pos_cover), NOPOS },
	{ "draft",   KEY_BOOL,   0, FIELD(draft),   0,           NOPOS, NOPOS },
	{ "weight",  KEY_INT,    0, FIELD(weight),  0,           NOPOS, NOPOS },
	{ "slug",    KEY_STRING, 0, FIELD(slug),    0,           FIELD(pos_slug), NOPOS },
	/* Bulletins: 期号, 编印单位, 报/送/发, 共印N份, what they include. */
	{ "issue",   KEY_INT,    0, FIELD(issue),   0,           FIELD(pos_issue), NOPOS },
	{ "office",  KEY_STRING, 0, FIELD(office),  0,           NOPOS, NOPOS },
	{ "to_up",   KEY_LIST,   0, FIELD(to_up),   FIELD(nto_up), NOPOS, NOPOS },
	{ "to_peer", KEY_LIST,   0, FIELD(to_peer), FIELD(nto_peer), NOPOS, NOPOS },
	{ "to_down", KEY_LIST,   0, FIELD(to_down), FIELD(nto_down), NOPOS, NOPOS },
	{ "copies",  KEY_INT,    0, FIELD(copies),  0,           FIELD(pos_copies), NOPOS },
	{ "cases",   KEY_LIST,   0, FIELD(cases),   FIELD(ncases), FIELD(pos_cases), NOPOS },
	{ "charts",  KEY_LIST,   0, FIELD(charts),  FIELD(ncharts), FIELD(pos_charts), NOPOS },
};

#define NKEYS (sizeof(keys) / sizeof(keys[0]))

/* A key as written, kept until the mapping ends to find repeated ones. */
struct key_seen {
	char *name;
	int line, col;
};

struct parse {
	struct front *f;
	const struct src *s;
	struct diag *d;
	struct fy_parser *p;
	struct fy_diag *fyd;
	size_t base; /* byte offset of the YAML within s */
	size_t len;  /* its length */
	/* Counted here: d may be shared with other threads parsing at once. */
	int errors;
	int yaml_failed;
	int keys_unread; /* the YAML is not a mapping */
	unsigned char seen[NKEYS];
	struct key_seen *names;
	size_t nnames, names_cap;
	/*
	 * Errors about keys wait here until the YAML is known to be valid:
	 * libfyaml hands out events up to a syntax error, and a half-read
	 * value ("tags: [a, b" seen as a mapping) would only add noise to the
	 * one error that matters.
	 */
	struct key_seen *held;
	size_t nheld, held_cap;
};

static void perr(struct parse *ps, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
perr(struct parse *ps, int line, int col, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	ps->held = xgrow(ps->held, &ps->held_cap, ps->nheld + 1, sizeof(*ps->held));
	ps->held[ps->nheld].line = line;
	ps->held[ps->nheld].col = col;
	ps->held[ps->nheld++].name = buf_detach(&msg, NULL);
	ps->errors++;
}

/*
 * A name from the file, fit to be quoted in a one-line message: a quoted
 * YAML key may hold control characters, which would break the GNU format.
 */
static const char *
show(struct buf *b, const char *s, size_t len)
{
	size_t i;

	buf_reset(b);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		buf_addch(b, c < 0x20 || c == 0x7f ? '?' : c);
	}
	return b->ptr;
}

static void
mark_pos(const struct parse *ps, const struct fy_mark *m, int *line, int *col)
{
	size_t off = m ? m->input_pos : 0;

	if (off > ps->len)
		off = ps->len;
	src_pos(ps->s, ps->base + off, line, col);
}

/*
 * Where an event starts. libfyaml's marks of quoted scalars and aliases
 * fall after the opening quote or "*"; step back onto it, where the
 * value starts for the person who wrote it.
 */
static void
event_pos(const struct parse *ps, struct fy_event *ev, int *line, int *col)
{
	const struct fy_mark *m = fy_event_start_mark(ev);
	const char *yaml = ps->s->text.ptr + ps->base;
	size_t off = m ? m->input_pos : 0;
	char lead = 0;

	if (ev->type == FYET_ALIAS)
		lead = '*';
	else if (ev->type == FYET_SCALAR && ev->scalar.value)
		switch (fy_token_scalar_style(ev->scalar.value)) {
		case FYSS_SINGLE_QUOTED:
			lead = '\'';
			break;
		case FYSS_DOUBLE_QUOTED:
			lead = '"';
			break;
		default:
			break;
		}
	if (off > ps->len)
		off = ps->len;
	if (lead && off > 0 && yaml[off - 1] == lead)
		off--;
	src_pos(ps->s, ps->base + off, line, col);
}

static void
discard_output(struct fy_diag *fyd, void *user, const char *text, size_t len)
{
	/* Errors are collected and reported through our diag instead. */
	(void)fyd;
	(void)user;
	(void)text;
	(void)len;
}

/* Turn what libfyaml collected into our diagnostics, once per parse. */
static void
report_yaml(struct parse *ps)
{
	struct fy_diag_error *e;
	struct buf msg = BUF_INIT;
	void *iter = NULL;
	int line, col, any = 0;

	if (ps->yaml_failed)
		return;
	ps->yaml_failed = 1;
	while ((e = fy_diag_errors_iterate(ps->fyd, &iter))) {
		if (e->type != FYET_ERROR)
			continue;
		if (e->fyt) {
			mark_pos(ps, fy_token_start_mark(e->fyt), &line, &col);
		} else {
			/* No token: libfyaml's own 1-based position within the YAML. */
			src_pos(ps->s, ps->base, &line, &col);
			line += e->line > 0 ? e->line - 1 : 0;
			col = e->column > 0 ? e->column : 1;
		}
		buf_reset(&msg);
		buf_addstr(&msg, e->msg ? e->msg : "syntax error");
		if (msg.ptr[0] >= 'A' && msg.ptr[0] <= 'Z')
			msg.ptr[0] = (char)(msg.ptr[0] - 'A' + 'a');
		diag_error(ps->d, ps->s->path, line, col, "invalid YAML: %s", msg.ptr);
		ps->errors++;
		any = 1;
	}
	if (!any) {
		src_pos(ps->s, ps->base, &line, &col);
		diag_error(ps->d, ps->s->path, line, col, "invalid YAML");
		ps->errors++;
	}
	buf_release(&msg);
}

/* The next event, or NULL (reported) when libfyaml stops at an error. */
static struct fy_event *
next_event(struct parse *ps)
{
	struct fy_event *ev = fy_parser_parse(ps->p);

	if (!ev)
		report_yaml(ps);
	return ev;
}

static void
event_free(struct parse *ps, struct fy_event *ev)
{
	fy_parser_event_free(ps->p, ev);
}

/*
 * Consume ev and, when it opens a list or mapping, everything inside.
 * Front matter needs two levels (a mapping of lists); nesting deeper than
 * FRONT_MAX_DEPTH stops the parse at once: libfyaml keeps state for every
 * open level, and 10 MB of "[" took it 2.9 GB.
 */
static int
skip_node(struct parse *ps, struct fy_event *ev)
{
	size_t depth = 0;
	int line, col;

	for (;;) {
		switch (ev->type) {
		case FYET_SEQUENCE_START:
		case FYET_MAPPING_START:
			if (++depth <= FRONT_MAX_DEPTH)
				break;
			event_pos(ps, ev, &line, &col);
			diag_error(ps->d, ps->s->path, line, col,
				   "front matter nested deeper than %d lists or mappings",
				   FRONT_MAX_DEPTH);
			ps->errors++;
			/* Says enough: nothing held, nothing of libfyaml's. */
			ps->yaml_failed = 1;
			event_free(ps, ev);
			return -1;
		case FYET_SEQUENCE_END:
		case FYET_MAPPING_END:
			depth--;
			break;
		default:
			break;
		}
		event_free(ps, ev);
		if (depth == 0)
			return 0;
		if (!(ev = next_event(ps)))
			return -1;
	}
}

/* "a list", for messages about a value of the wrong kind. */
static const char *
kind_of(const struct fy_event *ev)
{
	switch (ev->type) {
	case FYET_SEQUENCE_START:
		return "a list";
	case FYET_MAPPING_START:
		return "a mapping";
	case FYET_ALIAS:
		return "an alias";
	default:
		return "text";
	}
}

static const char *
scalar_text(struct fy_event *ev, size_t *len)
{
	const char *t = NULL;

	*len = 0;
	if (ev->scalar.value)
		t = fy_token_get_text(ev->scalar.value, len);
	if (!t) {
		*len = 0;
		t = "";
	}
	return t;
}

/* YAML's null: an empty or "~"/"null" plain scalar means "no value". */
static int
scalar_is_null(struct fy_event *ev)
{
	size_t len;
	const char *t = scalar_text(ev, &len);

	if (ev->scalar.value &&
	    fy_token_scalar_style(ev->scalar.value) != FYSS_PLAIN)
		return 0;
	return len == 0 || (len == 1 && t[0] == '~') ||
	       (len == 4 && (!memcmp(t, "null", 4) || !memcmp(t, "Null", 4) ||
			     !memcmp(t, "NULL", 4)));
}

static int
ws_at(const char *s, size_t len)
{
	if (len >= 1 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		return 1;
	/* U+3000 IDEOGRAPHIC SPACE, which Chinese input methods type. */
	if (len >= 3 && !memcmp(s, "\xE3\x80\x80", 3))
		return 3;
	return 0;
}

static int
ws_before(const char *s, size_t len)
{
	char c;

	if (len == 0)
		return 0;
	c = s[len - 1];
	if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
		return 1;
	if (len >= 3 && !memcmp(s + len - 3, "\xE3\x80\x80", 3))
		return 3;
	return 0;
}

/* Trim blanks, ASCII and ideographic, from both ends of [*t, *t + *len). */
static void
trim(const char **t, size_t *len)
{
	int w;

	while ((w = ws_at(*t, *len))) {
		*t += w;
		*len -= w;
	}
	while ((w = ws_before(*t, *len)))
		*len -= w;
}

static int
is_blank_n(const char *t, size_t len)
{
	trim(&t, &len);
	return len == 0;
}

static const char *
type_wants(enum key_type type)
{
	switch (type) {
	case KEY_STRING:
		return "text";
	case KEY_DATE:
		return "a date written YYYY-MM-DD (or YYYY-MM-DDThh:mm:ss+08:00)";
	case KEY_BOOL:
		return "true or false";
	case KEY_INT:
		return "a whole number";
	case KEY_LIST:
		return "a list of text";
	}
	return "";
}

static void
wrong_type(struct parse *ps, const struct key *k, struct fy_event *ev)
{
	int line, col;

	event_pos(ps, ev, &line, &col);
	if (ev->type == FYET_SCALAR)
		perr(ps, line, col, "\"%s\" must be %s", k->name,
		     type_wants(k->type));
	else
		perr(ps, line, col, "\"%s\" must be %s, not %s", k->name,
		     type_wants(k->type), kind_of(ev));
}

static int
parse_int(const char *t, size_t len, int *out)
{
	long long v = 0;
	size_t i = 0;
	int neg = 0;

	if (len && (t[0] == '-' || t[0] == '+')) {
		neg = t[0] == '-';
		i++;
	}
	if (i == len)
		return -1;
	for (; i < len; i++) {
		if (t[i] < '0' || t[i] > '9')
			return -1;
		v = v * 10 + (t[i] - '0');
		if (v > (long long)INT_MAX + 1)
			return -1;
	}
	if (neg)
		v = -v;
	if (v > INT_MAX || v < INT_MIN)
		return -1;
	*out = (int)v;
	return 0;
}

static int
date_shaped(const char *t, size_t len)
{
	size_t i;

	if (len != 10 || t[4] != '-' || t[7] != '-')
		return 0;
	for (i = 0; i < len; i++)
		if (i != 4 && i != 7 && (t[i] < '0' || t[i] > '9'))
			return 0;
	return 1;
}

/* n digits at t[*i], as a number; -1 when they are not there. */
static int
digits(const char *t, size_t len, size_t *i, int n)
{
	int v = 0;

	for (; n > 0; n--, (*i)++) {
		if (*i >= len || t[*i] < '0' || t[*i] > '9')
			return -1;
		v = v * 10 + t[*i] - '0';
	}
	return v;
}

/*
 * A date with a time of day, as RFC 3339 and YAML write it, and as Hugo
 * and Jekyll sites have it: YYYY-MM-DD, then 'T' or spaces, hh:mm, and
 * optionally :ss with a fraction, then optionally Z or an offset (+08:00,
 * +0800, +08). The page's date is the day as written; the time only
 * orders nothing (pages of one day are ordered by weight, then slug).
 */
static int
timestamp_shaped(const char *t, size_t len)
{
	size_t i = 10;
	int h, m, sec = 0;

	if (len <= 10 || !date_shaped(t, 10))
		return 0;
	if (t[i] == 'T' || t[i] == 't') {
		i++;
	} else {
		while (i < len && (t[i] == ' ' || t[i] == '\t'))
			i++;
		if (i == 10)
			return 0;
	}
	if ((h = digits(t, len, &i, 2)) < 0 || i >= len || t[i++] != ':' ||
	    (m = digits(t, len, &i, 2)) < 0)
		return 0;
	if (i < len && t[i] == ':') {
		i++;
		if ((sec = digits(t, len, &i, 2)) < 0)
			return 0;
		if (i < len && t[i] == '.') {
			for (i++; i < len && t[i] >= '0' && t[i] <= '9'; i++)
				;
			if (t[i - 1] == '.')
				return 0;
		}
	}
	if (h > 23 || m > 59 || sec > 60)
		return 0;
	while (i < len && (t[i] == ' ' || t[i] == '\t'))
		i++;
	if (i < len && (t[i] == 'Z' || t[i] == 'z')) {
		i++;
	} else if (i < len && (t[i] == '+' || t[i] == '-')) {
		i++;
		if ((h = digits(t, len, &i, 2)) < 0 || h > 23)
			return 0;
		if (i < len && t[i] == ':')
			i++;
		if (i < len && ((m = digits(t, len, &i, 2)) < 0 || m > 59))
			return 0;
	}
	return i == len;
}

int
front_date_valid(const char *date)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31 };
	int y, m, dd, leap;

	if (!date || !date_shaped(date, strlen(date)))
		return 0;
	y = (date[0] - '0') * 1000 + (date[1] - '0') * 100 +
	    (date[2] - '0') * 10 + (date[3] - '0');
	m = (date[5] - '0') * 10 + (date[6] - '0');
	dd = (date[8] - '0') * 10 + (date[9] - '0');
	if (y < 1 || m < 1 || m > 12 || dd < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return dd <= mdays[m - 1] + (m == 2 && leap);
}

/* Text that fits a C string: a "\0" escape would cut it short unseen. */
static int
text_ok(struct parse *ps, const struct key *k, struct fy_event *ev,
	const char *t, size_t len)
{
	struct buf why = BUF_INIT;
	int line, col;

	if (memchr(t, '\0', len)) {
		event_pos(ps, ev, &line, &col);
		perr(ps, line, col, "\"%s\" must not contain a NUL character (\\0)",
		     k->name);
		return 0;
	}
	/* A YAML escape ("\uFFFE") makes what the file could not hold raw:
	 * the same rule as for the text of every input (src.c). */
	if (utf8_check_text(t, len, &why) == len) {
		buf_release(&why);
		return 1;
	}
	event_pos(ps, ev, &line, &col);
	perr(ps, line, col, "\"%s\": %s", k->name, why.ptr);
	buf_release(&why);
	return 0;
}

/*
 * Store one scalar value of a non-list key; consumes ev. A null value has
 * no place of its own, so its errors go to the key at kline:kcol.
 */
static void
store_scalar(struct parse *ps, const struct key *k, struct fy_event *ev,
	     int kline, int kcol)
{
	char *base = (char *)ps->f;
	char **str = (char **)(base + k->off);
	int *num = (int *)(base + k->off);
	int line, col, v;
	size_t len;
	const char *t = scalar_text(ev, &len);

	event_pos(ps, ev, &line, &col);
	if (scalar_is_null(ev)) {
		if (k->required)
			perr(ps, kline, kcol, "\"%s\" must not be empty",
			     k->name);
		goto out;
	}
	switch (k->type) {
	case KEY_STRING:
		if (!text_ok(ps, k, ev, t, len))
			break;
		free(*str);
		*str = NULL;
		/* Blank text is no text: templates need test only for NULL. */
		if (!is_blank_n(t, len))
			*str = xstrndup(t, len);
		else if (k->required)
			perr(ps, line, col, "\"%s\" must not be empty", k->name);
		break;
	case KEY_DATE:
		if (!date_shaped(t, len) && !timestamp_shaped(t, len)) {
			wrong_type(ps, k, ev);
			break;
		}
		free(*str);
		*str = xstrndup(t, 10);
		if (!front_date_valid(*str))
			perr(ps, line, col,
			     "\"%s\" must be a real date: %s does not exist",
			     k->name, *str);
		break;
	case KEY_BOOL:
		if (len == 4 && !memcmp(t, "true", 4))
			*num = 1;
		else if (len == 5 && !memcmp(t, "false", 5))
			*num = 0;
		else
			wrong_type(ps, k, ev);
		break;
	case KEY_INT:
		if (parse_int(t, len, &v) < 0)
			wrong_type(ps, k, ev);
		else
			*num = v;
		break;
	case KEY_LIST:
		break;
	}
out:
	event_free(ps, ev);
}

/* A list being read: its items and where each was typed. */
struct list {
	char **items;
	struct front_pos *at;
	size_t n, cap, atcap;
};

/* Append one list item of ev, trimmed; empty ones are dropped. */
static void
list_add(struct parse *ps, struct list *l, struct fy_event *ev,
	 const char *t, size_t len)
{
	trim(&t, &len);
	if (len == 0)
		return;
	l->items = xgrow(l->items, &l->cap, l->n + 2, sizeof(*l->items));
	l->at = xgrow(l->at, &l->atcap, l->n + 1, sizeof(*l->at));
	memset(&l->at[l->n], 0, sizeof(*l->at));
	event_pos(ps, ev, &l->at[l->n].line, &l->at[l->n].col);
	l->at[l->n].vline = l->at[l->n].line;
	l->at[l->n].vcol = l->at[l->n].col;
	l->items[l->n++] = xstrndup(t, len);
	l->items[l->n] = NULL;
}

struct ranked {
	const char *s;
	size_t i;
};

static int
ranked_cmp(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	int c = strcmp(a->s, b->s);

	if (c)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * Set rep[i] when strs[i] repeats an earlier string. Sorting keeps it
 * O(n log n), so a hostile file with many keys or tags stays fast.
 */
static void
mark_repeats(const char **strs, size_t n, unsigned char *rep)
{
	struct ranked *r;
	size_t i;

	memset(rep, 0, n);
	if (n < 2)
		return;
	r = xmalloc(n * sizeof(*r));
	for (i = 0; i < n; i++) {
		r[i].s = strs[i];
		r[i].i = i;
	}
	qsort(r, n, sizeof(*r), ranked_cmp);
	for (i = 1; i < n; i++)
		if (!strcmp(r[i].s, r[i - 1].s))
			rep[r[i].i] = 1;
	free(r);
}

static void
free_list(char **items)
{
	size_t i;

	if (!items)
		return;
	for (i = 0; items[i]; i++)
		free(items[i]);
	free(items);
}

/* Drop repeated items in place, keeping the first of each. */
static void
list_dedupe(struct list *l)
{
	unsigned char *rep;
	size_t i, j = 0;

	if (l->n < 2)
		return;
	rep = xmalloc(l->n);
	mark_repeats((const char **)l->items, l->n, rep);
	for (i = 0; i < l->n; i++) {
		if (rep[i]) {
			free(l->items[i]);
		} else {
			l->at[j] = l->at[i];
			l->items[j++] = l->items[i];
		}
	}
	l->items[j] = NULL;
	l->n = j;
	free(rep);
}

/* Store a list value (a sequence of scalars, or one scalar); consumes ev. */
static int
store_list(struct parse *ps, const struct key *k, struct fy_event *ev)
{
	char ***field = (char ***)((char *)ps->f + k->off);
	size_t *count = (size_t *)((char *)ps->f + k->count);
	struct list l = { xcalloc(1, sizeof(char *)), NULL, 0, 1, 0 };
	size_t len;
	const char *t;
	int ret = 0;

	if (ev->type == FYET_SCALAR) {
		t = scalar_text(ev, &len);
		if (!scalar_is_null(ev) && text_ok(ps, k, ev, t, len))
			list_add(ps, &l, ev, t, len);
		event_free(ps, ev);
		goto out;
	}
	if (ev->type != FYET_SEQUENCE_START) {
		wrong_type(ps, k, ev);
		ret = skip_node(ps, ev);
		goto out;
	}
	event_free(ps, ev);
	for (;;) {
		if (!(ev = next_event(ps))) {
			ret = -1;
			goto out;
		}
		if (ev->type == FYET_SEQUENCE_END) {
			event_free(ps, ev);
			break;
		}
		if (ev->type != FYET_SCALAR) {
			wrong_type(ps, k, ev);
			if (skip_node(ps, ev) < 0) {
				ret = -1;
				goto out;
			}
			continue;
		}
		t = scalar_text(ev, &len);
		if (!scalar_is_null(ev) && text_ok(ps, k, ev, t, len))
			list_add(ps, &l, ev, t, len);
		event_free(ps, ev);
	}
out:
	list_dedupe(&l);
	free_list(*field);
	*field = l.items;
	*count = l.n;
	if (k->at != NOPOS) {
		struct front_pos **at = (struct front_pos **)((char *)ps->f + k->at);

		free(*at);
		*at = l.at;
	} else {
		free(l.at);
	}
	return ret;
}

static const struct key *
key_find(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (strlen(keys[i].name) == len && !memcmp(keys[i].name, name, len))
			return &keys[i];
	return NULL;
}

/* Report every key written twice, at its second place. */
static void
check_repeats(struct parse *ps)
{
	const char **strs;
	unsigned char *rep;
	struct buf shown = BUF_INIT;
	size_t i;

	if (ps->nnames < 2)
		return;
	strs = xmalloc(ps->nnames * sizeof(*strs));
	rep = xmalloc(ps->nnames);
	for (i = 0; i < ps->nnames; i++)
		strs[i] = ps->names[i].name;
	mark_repeats(strs, ps->nnames, rep);
	for (i = 0; i < ps->nnames; i++)
		if (rep[i])
			perr(ps, ps->names[i].line, ps->names[i].col,
			     "duplicate key \"%s\"",
			     show(&shown, strs[i], strlen(strs[i])));
	buf_release(&shown);
	free(rep);
	free(strs);
}

/* One key and its value of the top-level mapping; consumes kev. */
static int
parse_pair(struct parse *ps, struct fy_event *kev)
{
	struct buf shown = BUF_INIT;
	const struct key *k;
	struct fy_event *vev;
	struct key_seen *ks;
	const char *name;
	size_t len;
	int line, col, ret = -1;

	event_pos(ps, kev, &line, &col);
	if (kev->type != FYET_SCALAR) {
		perr(ps, line, col, "front matter key must be text, not %s",
		     kind_of(kev));
		if (skip_node(ps, kev) < 0 || !(vev = next_event(ps)))
			goto out;
		ret = skip_node(ps, vev);
		goto out;
	}
	name = scalar_text(kev, &len);
	ps->names = xgrow(ps->names, &ps->names_cap, ps->nnames + 1,
			  sizeof(*ps->names));
	ks = &ps->names[ps->nnames++];
	ks->name = xstrndup(name, len);
	ks->line = line;
	ks->col = col;
	k = key_find(name, len);
	if (!k)
		diag_warn(ps->d, ps->s->path, line, col,
			  "unknown front matter key \"%s\"",
			  show(&shown, name, len));
	event_free(ps, kev);
	if (!(vev = next_event(ps)))
		goto out;
	if (!k) {
		ret = skip_node(ps, vev);
		goto out;
	}
	ps->seen[k - keys] = 1;
	if (k->pos != NOPOS) {
		struct front_pos *p = (struct front_pos *)((char *)ps->f + k->pos);

		p->line = line;
		p->col = col;
		event_pos(ps, vev, &p->vline, &p->vcol);
	}
	if (k->type == KEY_LIST) {
		ret = store_list(ps, k, vev);
		goto out;
	}
	if (vev->type != FYET_SCALAR) {
		wrong_type(ps, k, vev);
		ret = skip_node(ps, vev);
		goto out;
	}
	store_scalar(ps, k, vev, line, col);
	ret = 0;
out:
	buf_release(&shown);
	return ret;
}

static int
parse_mapping(struct parse *ps)
{
	struct fy_event *ev;

	for (;;) {
		if (!(ev = next_event(ps)))
			return -1;
		if (ev->type == FYET_MAPPING_END) {
			event_free(ps, ev);
			break;
		}
		if (parse_pair(ps, ev) < 0)
			return -1;
	}
	check_repeats(ps);
	return 0;
}

/* Expect an event of one type (the stream's frame); consumes it. */
static int
expect(struct parse *ps, enum fy_event_type type)
{
	struct fy_event *ev = next_event(ps);
	int ok;

	if (!ev)
		return -1;
	ok = ev->type == type;
	event_free(ps, ev);
	if (!ok)
		report_yaml(ps);
	return ok ? 0 : -1;
}

static int
parse_yaml(struct parse *ps)
{
	struct fy_event *ev;
	int line, col;

	if (expect(ps, FYET_STREAM_START) < 0 || !(ev = next_event(ps)))
		return -1;
	if (ev->type == FYET_STREAM_END) {
		/* Nothing but blanks and comments: an empty mapping. */
		event_free(ps, ev);
		return 0;
	}
	event_free(ps, ev);
	if (!(ev = next_event(ps)))
		return -1;
	if (ev->type == FYET_MAPPING_START) {
		event_free(ps, ev);
		if (parse_mapping(ps) < 0)
			return -1;
	} else {
		event_pos(ps, ev, &line, &col);
		perr(ps, line, col,
		     "front matter must be \"key: value\" lines, not %s",
		     kind_of(ev));
		ps->keys_unread = 1;
		if (skip_node(ps, ev) < 0)
			return -1;
	}
	if (expect(ps, FYET_DOCUMENT_END) < 0 || !(ev = next_event(ps)))
		return -1;
	if (ev->type == FYET_DOCUMENT_START) {
		/* A "--- x" or "..." line inside the fences starts another. */
		event_pos(ps, ev, &line, &col);
		perr(ps, line, col, "front matter must be one YAML document");
	}
	event_free(ps, ev);
	return 0;
}

/*
 * Length of the fence line at p ("---", blanks, then a line end or the end
 * of the text), including its line end; 0 when p is not at a fence.
 */
static size_t
fence_len(const char *p, size_t n)
{
	size_t i = 3;

	if (n < 3 || memcmp(p, "---", 3))
		return 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i == n)
		return i;
	if (p[i] == '\n')
		return i + 1;
	if (p[i] == '\r' && i + 1 < n && p[i + 1] == '\n')
		return i + 2;
	return 0;
}

/*
 * libfyaml looks ahead to the end of a flow list or mapping before it
 * hands out the event that opens it (a flow collection may be a key), so
 * skip_node() stops deep nesting only after the cost: 1 MB of "[" took
 * 5.5 s and 365 MB. So count open "[" and "{" first, quoted or not (no
 * front matter has FRONT_MAX_DEPTH of them unclosed), and return the
 * offset of the one too many, or len.
 */
static size_t
flow_too_deep(const char *yaml, size_t len)
{
	size_t i, depth = 0;

	for (i = 0; i < len; i++) {
		if (yaml[i] == '[' || yaml[i] == '{') {
			if (++depth > FRONT_MAX_DEPTH)
				return i;
		} else if ((yaml[i] == ']' || yaml[i] == '}') && depth) {
			depth--;
		}
	}
	return len;
}

static void
release_parse(struct parse *ps)
{
	size_t i;

	for (i = 0; i < ps->nnames; i++)
		free(ps->names[i].name);
	free(ps->names);
	if (ps->p)
		fy_parser_destroy(ps->p);
	if (ps->fyd)
		fy_diag_destroy(ps->fyd);
}

static void
ensure_lists(struct front *f)
{
	size_t i;

	for (i = 0; i < NKEYS; i++) {
		char ***field = (char ***)((char *)f + keys[i].off);

		if (keys[i].type == KEY_LIST && !*field)
			*field = xcalloc(1, sizeof(**field));
	}
}

int
front_parse(struct front *f, const struct src *s, struct diag *d)
{
	struct parse ps;
	struct fy_diag_cfg dcfg;
	struct fy_parse_cfg pcfg;
	const char *text = s->text.ptr;
	size_t len = s->text.len, open, close, at, i;
	int line, col;

	memset(&ps, 0, sizeof(ps));
	ps.f = f;
	ps.s = s;
	ps.d = d;
	ensure_lists(f);

	if (len == 0) {
		perr(&ps, 1, 1, "empty file");
		goto out;
	}
	if (!(open = fence_len(text, len))) {
		perr(&ps, 1, 1,
		     "missing front matter: the file must start with a line \"---\"");
		goto out;
	}
	close = len;
	for (at = open; at < len;) {
		const char *nl;

		if (fence_len(text + at, len - at)) {
			close = at;
			break;
		}
		if (!(nl = memchr(text + at, '\n', len - at)))
			break;
		at = (size_t)(nl - text) + 1;
	}
	if (close == len) {
		perr(&ps, 1, 1,
		     "unterminated front matter: no line \"---\" closes it");
		goto out;
	}
	src_pos(s, close, &line, &col);
	f->body_off = close + fence_len(text + close, len - close);
	f->body_line = line + 1;

	ps.base = open;
	ps.len = close - open;
	if ((at = flow_too_deep(text + open, ps.len)) < ps.len) {
		src_pos(s, open + at, &line, &col);
		diag_error(d, s->path, line, col,
			   "front matter nested deeper than %d lists or mappings",
			   FRONT_MAX_DEPTH);
		ps.errors++;
		goto out;
	}
	fy_diag_cfg_default(&dcfg);
	dcfg.fp = NULL;
	dcfg.output_fn = discard_output;
	dcfg.colorize = false;
	ps.fyd = fy_diag_create(&dcfg);
	if (!ps.fyd)
		die("cannot create a libfyaml diagnostic object");
	fy_diag_set_collect_errors(ps.fyd, true);
	memset(&pcfg, 0, sizeof(pcfg));
	/* Duplicate keys are found (all of them, with their name) below. */
	pcfg.flags = FYPCF_QUIET | FYPCF_DEFAULT_VERSION_1_2 |
		     FYPCF_JSON_NONE | FYPCF_ALLOW_DUPLICATE_KEYS;
	pcfg.diag = ps.fyd;
	ps.p = fy_parser_create(&pcfg);
	if (!ps.p)
		die("cannot create a libfyaml parser");
	if (fy_parser_set_string(ps.p, text + open, ps.len) != 0)
		die("cannot give libfyaml its input");
	if (parse_yaml(&ps) < 0 && !ps.yaml_failed)
		report_yaml(&ps);

	/*
	 * After a YAML error the keys past it were never seen, and a list is
	 * no place for keys: one error says enough.
	 */
	for (i = 0; i < NKEYS && !ps.yaml_failed && !ps.keys_unread; i++)
		if (keys[i].required && !ps.seen[i])
			perr(&ps, 1, 1, "missing \"%s\"", keys[i].name);
out:
	for (i = 0; i < ps.nheld; i++) {
		if (!ps.yaml_failed)
			diag_error(d, s->path, ps.held[i].line, ps.held[i].col,
				   "%s", ps.held[i].name);
		free(ps.held[i].name);
	}
	free(ps.held);
	release_parse(&ps);
	return ps.errors ? -1 : 0;
}

void
front_init(struct front *f)
{
	memset(f, 0, sizeof(*f));
	f->body_line = 1;
}

void
front_release(struct front *f)
{
	size_t i;

	for (i = 0; i < NKEYS; i++) {
		void *field = (char *)f + keys[i].off;

		switch (keys[i].type) {
		case KEY_STRING:
		case KEY_DATE:
			free(*(char **)field);
			break;
		case KEY_LIST:
			free_list(*(char ***)field);
			if (keys[i].at != NOPOS)
				free(*(struct front_pos **)((char *)f + keys[i].at));
			break;
		case KEY_BOOL:
		case KEY_INT:
			break;
		}
	}
	front_init(f);
}
