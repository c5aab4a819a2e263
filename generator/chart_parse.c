/*
 * chart_parse: the body of a ```chart block into a struct chart, every
 * bad line reported at its file:line:col. The syntax is specified, with
 * examples, in tests/chart/spec.md.
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart_int.h"
#include "diag.h"
#include "unicode.h"
#include "utf8.h"
#include "util.h"

static const struct {
	const char *name;
	enum chart_kind kind;
} chart_kinds[] = {
	{ "bar", CHART_BAR },         { "hbar", CHART_HBAR },
	{ "grouped", CHART_BAR },     { "stacked", CHART_STACKED },
	{ "line", CHART_LINE },       { "donut", CHART_DONUT },
	{ "progress", CHART_PROGRESS }, { "funnel", CHART_FUNNEL },
	{ "route", CHART_ROUTE },
};
#define KINDS_LIST \
	"bar, hbar, grouped, stacked, line, donut, progress, funnel or route"

enum chart_key {
	KEY_KIND, KEY_TITLE, KEY_UNIT, KEY_SOURCE, KEY_MODEL, KEY_SERIES,
	KEY_SECTIONS, KEY_COLORS, KEY_TARGET, KEY_TOP, KEY_SORT, KEY_WIDTH,
	KEY_HEIGHT, KEY_DATA, KEY_COUNT
};
static const char *const chart_keys[KEY_COUNT] = {
	"kind", "title", "unit", "source", "model", "series", "sections",
	"colors", "target", "top", "sort", "width", "height", "data",
};
#define KEYS_LIST "kind, title, unit, source, model, series, sections, " \
		  "colors, target, top, sort, width, height or data"

/* A piece of a line: bytes [p, p + len) at character column col. */
struct chart_tok {
	const char *p;
	size_t len;
	int col;
};

struct chart_val {
	double v, t;  /* t: target after "/", NAN when none */
	struct chart_tok tok; /* as written */
	int col;      /* of the number */
	int slash;    /* column of "/", 0 when none */
	int tcol;     /* of the target */
	int neg;
};

struct chart_row {
	char *label;
	int line, col;
	struct chart_val *vals;
	size_t nvals;
	int vcol; /* column of the first value */
	int bad;  /* an error was reported on the row */
	int bare; /* a name alone, no ":" (a route's point in no section) */
	size_t cat; /* its category, once filled */
};

struct chart_parse {
	const char *path;
	struct diag *d;
	int errors;
	int first_line;
	int keyline[KEY_COUNT], keycol[KEY_COUNT], valcol[KEY_COUNT];
	enum chart_kind kind;
	char *title, *unit, *source, *model;
	struct chart_tok *series; /* names as written */
	size_t nseries;
	struct chart_tok *sections; /* a route's, as written */
	size_t nsections;
	int sections_bad; /* reported: do not check numbers against them */
	int colors[CHART_MAX_SERIES];
	int colcol[CHART_MAX_SERIES];
	size_t ncolors;
	struct chart_val *targets;
	size_t ntargets;
	int top, width, height;
	enum chart_sort sort;
	struct chart_row *rows;
	size_t nrows, rowcap;
};

static void
chart_perr(struct chart_parse *p, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
chart_perr(struct chart_parse *p, int line, int col, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_error(p->d, p->path, line, col, "%s", msg.ptr);
	buf_release(&msg);
	p->errors++;
}

/* Full-width forms Chinese keyboards type: "：", "，", "、", "／". */
static size_t
chart_match(const char *s, size_t len, const char *const *alts)
{
	for (; *alts; alts++) {
		size_t n = strlen(*alts);

		if (n <= len && !memcmp(s, *alts, n))
			return n;
	}
	return 0;
}

static const char *const chart_colons[] = { ":", "：", NULL };
static const char *const chart_commas[] = { ",", "，", "、", NULL };
static const char *const chart_slashes[] = { "/", "／", NULL };
static const char *const chart_spaces[] = { " ", "\t", "\r", "　", NULL };

/* Trim spaces (and the ideographic space) at both ends, moving the column. */
static void
chart_trim(struct chart_tok *t)
{
	size_t n;

	while (t->len && (n = chart_match(t->p, t->len, chart_spaces))) {
		t->p += n;
		t->len -= n;
		t->col++;
	}
	for (;;) {
		const char *const *a;
		int cut = 0;

		for (a = chart_spaces; *a; a++) {
			n = strlen(*a);
			if (n <= t->len && !memcmp(t->p + t->len - n, *a, n)) {
				t->len -= n;
				cut = 1;
				break;
			}
		}
		if (!cut)
			break;
	}
}

/*
 * Split t at the first separator of seps (or the last when last is set).
 * Returns 0 when there is none.
 */
static int
chart_split_at(const struct chart_tok *t, const char *const *seps, int last,
	       struct chart_tok *head, struct chart_tok *tail, int *sepcol)
{
	size_t off = 0, at = (size_t)-1, atlen = 0;
	int col = t->col, atcol = 0;

	while (off < t->len) {
		size_t n = chart_match(t->p + off, t->len - off, seps);
		uint32_t cp;
		size_t step;

		if (n && (last || at == (size_t)-1)) {
			at = off;
			atlen = n;
			atcol = col;
		}
		step = utf8_decode(t->p + off, t->len - off, &cp);
		off += step ? step : 1;
		col++;
	}
	if (at == (size_t)-1)
		return 0;
	head->p = t->p;
	head->len = at;
	head->col = t->col;
	tail->p = t->p + at + atlen;
	tail->len = t->len - at - atlen;
	tail->col = atcol + 1;
	if (sepcol)
		*sepcol = atcol;
	chart_trim(head);
	chart_trim(tail);
	return 1;
}

static int
chart_split(const struct chart_tok *t, const char *const *seps, int last,
	    struct chart_tok *head, struct chart_tok *tail)
{
	return chart_split_at(t, seps, last, head, tail, NULL);
}

/* Split a list at commas; returns the number of items put in items. */
static size_t
chart_list(const struct chart_tok *t, struct chart_tok **items)
{
	struct chart_tok rest = *t, head, tail;
	size_t n = 0, cap = 0;

	*items = NULL;
	for (;;) {
		*items = xgrow(*items, &cap, n + 1, sizeof(**items));
		if (!chart_split(&rest, chart_commas, 0, &head, &tail)) {
			(*items)[n++] = rest;
			chart_trim(&(*items)[n - 1]);
			return n;
		}
		(*items)[n++] = head;
		rest = tail;
	}
}

static char *
chart_tokdup(const struct chart_tok *t)
{
	return xstrndup(t->p, t->len);
}

/* The token quoted in a message, cut when long. */
static char *
chart_quote(const struct chart_tok *t)
{
	struct buf b = BUF_INIT;
	size_t off = 0, n = 0;
	uint32_t cp;

	while (off < t->len && n < 24) {
		size_t step = utf8_decode(t->p + off, t->len - off, &cp);

		off += step ? step : 1;
		n++;
	}
	buf_add(&b, t->p, off);
	if (off < t->len)
		BUF_ADDLIT(&b, "…");
	return buf_detach(&b, NULL);
}

/*
 * The names of a "series" or "sections" list: none empty, none twice.
 * Reports each problem; returns 1 when there was any.
 */
static int
chart_names_check(struct chart_parse *p, int line,
		  const struct chart_tok *items, size_t n, const char *what)
{
	size_t i, j;
	int bad = 0;

	for (i = 0; i < n; i++) {
		if (!items[i].len) {
			chart_perr(p, line, items[i].col, "empty %s name", what);
			bad = 1;
			continue;
		}
		for (j = 0; j < i; j++)
			if (items[j].len == items[i].len &&
			    !memcmp(items[j].p, items[i].p, items[i].len))
				break;
		if (j < i) {
			char *q = chart_quote(&items[i]);

			chart_perr(p, line, items[i].col, "duplicate %s \"%s\"",
				   what, q);
			free(q);
			bad = 1;
		}
	}
	return bad;
}

/*
 * A plain decimal number: [+-]digits[.digits]. No exponent, no hex, no
 * "nan" or "inf" (strtod takes all of those), no thousands commas (the
 * comma separates values). Returns 0 when t is not one.
 */
int
chart_number(const char *p, size_t len, double *out)
{
	static const double pow10[] = {
		1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
		1e12, 1e13, 1e14, 1e15,
	};
	const char *s = p, *e = p + len;
	uint64_t m = 0;
	int neg = 0, digits = 0, fd = 0;

	if (s < e && (*s == '-' || *s == '+'))
		neg = *s++ == '-';
	for (; s < e && *s >= '0' && *s <= '9'; s++, digits++)
		m = m * 10 + (uint64_t)(*s - '0');
	if (s < e && *s == '.') {
		for (s++; s < e && *s >= '0' && *s <= '9'; s++, fd++, digits++)
			m = m * 10 + (uint64_t)(*s - '0');
		if (!fd)
			return 0;
	}
	if (s != e || !digits || digits > 15)
		return 0;
	/*
	 * Both the digits (< 2^53) and the power of ten are exact doubles,
	 * so one division rounds once, as strtod would, without its locale.
	 */
	*out = (double)m / pow10[fd];
	if (neg)
		*out = -*out;
	return 1;
}

static int
chart_value(struct chart_parse *p, int line, const struct chart_tok *t,
	    double *out)
{
	char *q;

	if (chart_number(t->p, t->len, out))
		return 0;
	q = chart_quote(t);
	if (!t->len)
		chart_perr(p, line, t->col, "missing value");
	else if (t->p[t->len - 1] == '%' ||
		 (t->len >= 3 && !memcmp(t->p + t->len - 3, "％", 3)))
		chart_perr(p, line, t->col,
			   "\"%s\" is not a number; write the unit once, as \"unit: %%\"",
			   q);
	else
		chart_perr(p, line, t->col, "\"%s\" is not a number", q);
	free(q);
	return -1;
}

/* A whole number from lo to hi, or an error naming key. */
static int
chart_int(struct chart_parse *p, int line, const struct chart_tok *t,
	  const char *key, int lo, int hi, int *out)
{
	double v;

	if (chart_number(t->p, t->len, &v) && v == floor(v) && v >= lo && v <= hi) {
		*out = (int)v;
		return 0;
	}
	chart_perr(p, line, t->col, "\"%s\" must be a whole number from %d to %d",
		   key, lo, hi);
	return -1;
}

static size_t
chart_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[32];

	if (la >= 31 || lb >= 31)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

static int
chart_key_of(const struct chart_tok *t)
{
	int k;

	for (k = 0; k < KEY_COUNT; k++)
		if (strlen(chart_keys[k]) == t->len &&
		    !memcmp(chart_keys[k], t->p, t->len))
			return k;
	return -1;
}

static void
chart_unknown_key(struct chart_parse *p, int line, const struct chart_tok *t)
{
	char *name = chart_quote(t);
	int k, best = -1;
	size_t bestd = 3;

	for (k = 0; k < KEY_COUNT; k++) {
		size_t dist = chart_edit_distance(name, chart_keys[k]);

		if (dist < bestd) {
			bestd = dist;
			best = k;
		}
	}
	if (best >= 0)
		chart_perr(p, line, t->col, "unknown key \"%s\"; did you mean \"%s\"?",
			   name, chart_keys[best]);
	else
		chart_perr(p, line, t->col, "unknown key \"%s\"; use %s", name,
			   KEYS_LIST);
	free(name);
}

/* Values of one data row: "12", "12, 15" or "97.2 / 98". */
static void
chart_parse_values(struct chart_parse *p, int line, const struct chart_tok *t,
		   struct chart_row *row)
{
	struct chart_tok *items;
	size_t n = chart_list(t, &items), i;

	row->vals = xcalloc(n, sizeof(*row->vals));
	row->vcol = t->col;
	for (i = 0; i < n; i++) {
		struct chart_val *v = &row->vals[row->nvals];
		struct chart_tok a, b;

		v->t = NAN;
		v->col = items[i].col;
		v->tok = items[i];
		if (chart_split_at(&items[i], chart_slashes, 0, &a, &b,
				   &v->slash)) {
			v->tcol = b.col;
			if (chart_value(p, line, &a, &v->v) ||
			    chart_value(p, line, &b, &v->t))
				continue;
		} else if (chart_value(p, line, &items[i], &v->v)) {
			continue;
		}
		v->neg = v->v < 0;
		row->nvals++;
	}
	if (row->nvals != n) {
		row->nvals = (size_t)-1; /* reported; skip the row later */
		row->bad = 1;
	}
	free(items);
}

static void
chart_parse_key(struct chart_parse *p, int key, int line,
		const struct chart_tok *kt, const struct chart_tok *vt)
{
	struct chart_tok *items = NULL;
	size_t n, i;
	int bad = 0;

	if (p->keyline[key]) {
		chart_perr(p, line, kt->col, "duplicate key \"%s\" (first on line %d)",
			   chart_keys[key], p->keyline[key]);
		return;
	}
	p->keyline[key] = line;
	p->keycol[key] = kt->col;
	p->valcol[key] = vt->col;
	if (key == KEY_DATA) {
		if (vt->len)
			chart_perr(p, line, vt->col,
				   "\"data\" takes no value; put one \"name: value\" line per item below it");
		return;
	}
	if (!vt->len) {
		chart_perr(p, line, vt->col, "\"%s\" has no value", chart_keys[key]);
		return;
	}
	switch (key) {
	case KEY_KIND: {
		char *name = chart_quote(vt);

		for (i = 0; i < sizeof(chart_kinds) / sizeof(chart_kinds[0]); i++)
			if (!strcmp(chart_kinds[i].name, name)) {
				p->kind = chart_kinds[i].kind;
				break;
			}
		if (i == sizeof(chart_kinds) / sizeof(chart_kinds[0])) {
			chart_perr(p, line, vt->col,
				   "unknown chart kind \"%s\"; use " KINDS_LIST,
				   name);
			p->keyline[key] = -line; /* known bad: no "has no kind" */
		}
		free(name);
		break;
	}
	case KEY_TITLE:
		p->title = chart_tokdup(vt);
		break;
	case KEY_UNIT:
		p->unit = chart_tokdup(vt);
		break;
	case KEY_SOURCE:
		p->source = chart_tokdup(vt);
		break;
	case KEY_MODEL:
		p->model = chart_tokdup(vt);
		break;
	case KEY_SERIES:
		n = chart_list(vt, &items);
		chart_names_check(p, line, items, n, "series");
		if (n > CHART_MAX_SERIES)
			chart_perr(p, line, items[CHART_MAX_SERIES].col,
				   "too many series (%zu); a chart shows at most %d",
				   n, CHART_MAX_SERIES);
		p->series = items;
		p->nseries = n;
		items = NULL;
		break;
	case KEY_SECTIONS:
		n = chart_list(vt, &items);
		bad = chart_names_check(p, line, items, n, "section");
		if (n > CHART_MAX_SECTIONS) {
			chart_perr(p, line, items[CHART_MAX_SECTIONS].col,
				   "too many sections (%zu); a route shows at most %d",
				   n, CHART_MAX_SECTIONS);
			bad = 1;
		}
		if (!bad) {
			p->sections = items;
			p->nsections = n;
			items = NULL;
		}
		p->sections_bad = bad;
		break;
	case KEY_COLORS:
		n = chart_list(vt, &items);
		for (i = 0; i < n; i++) {
			size_t k;

			for (k = 0; k < chart_palette_size(); k++)
				if (strlen(chart_palette_name(k)) == items[i].len &&
				    !memcmp(chart_palette_name(k), items[i].p,
					    items[i].len))
					break;
			if (k == chart_palette_size()) {
				char *q = chart_quote(&items[i]);

				chart_perr(p, line, items[i].col,
					   "unknown colour \"%s\"; use red, gold, blue, teal, brown, purple, olive or gray",
					   q);
				free(q);
				bad = 1;
			} else if (i < CHART_MAX_SERIES) {
				p->colors[i] = (int)k;
				p->colcol[i] = items[i].col;
			}
		}
		if (n > CHART_MAX_SERIES) {
			chart_perr(p, line, items[CHART_MAX_SERIES].col,
				   "too many colours (%zu); a chart shows at most %d series",
				   n, CHART_MAX_SERIES);
			bad = 1;
		}
		p->ncolors = bad ? 0 : n;
		break;
	case KEY_TARGET:
		n = chart_list(vt, &items);
		p->targets = xcalloc(n, sizeof(*p->targets));
		for (i = 0; i < n; i++) {
			p->targets[i].col = items[i].col;
			p->targets[i].t = NAN;
			/* "-": this category has no target */
			if ((items[i].len == 1 && items[i].p[0] == '-') ||
			    (items[i].len == 3 && !memcmp(items[i].p, "—", 3))) {
				p->targets[i].v = NAN;
				p->ntargets++;
			} else if (!chart_value(p, line, &items[i],
						&p->targets[i].v)) {
				p->ntargets++;
			}
		}
		if (p->ntargets != n)
			p->ntargets = 0;
		break;
	case KEY_TOP:
		chart_int(p, line, vt, "top", 1, 50, &p->top);
		break;
	case KEY_SORT:
		if (vt->len == 4 && !memcmp(vt->p, "desc", 4))
			p->sort = CHART_SORT_DESC;
		else if (vt->len == 3 && !memcmp(vt->p, "asc", 3))
			p->sort = CHART_SORT_ASC;
		else if (vt->len == 4 && !memcmp(vt->p, "none", 4))
			p->sort = CHART_SORT_NONE;
		else
			chart_perr(p, line, vt->col,
				   "\"sort\" must be \"desc\", \"asc\" or \"none\"");
		break;
	case KEY_WIDTH:
		chart_int(p, line, vt, "width", 240, 2400, &p->width);
		break;
	case KEY_HEIGHT:
		chart_int(p, line, vt, "height", 160, 2400, &p->height);
		break;
	}
	free(items);
}

/* Whether a row has the name label already (reported). */
static int
chart_row_taken(struct chart_parse *p, int line, const struct chart_tok *label)
{
	size_t i;

	for (i = 0; i < p->nrows; i++)
		if (strlen(p->rows[i].label) == label->len &&
		    !memcmp(p->rows[i].label, label->p, label->len)) {
			char *q = chart_quote(label);

			chart_perr(p, line, label->col,
				   "duplicate name \"%s\" (first on line %d)", q,
				   p->rows[i].line);
			free(q);
			return 1;
		}
	return 0;
}

static struct chart_row *
chart_new_row(struct chart_parse *p, int line, const struct chart_tok *label)
{
	struct chart_row *row;

	p->rows = xgrow(p->rows, &p->rowcap, p->nrows + 1, sizeof(*p->rows));
	row = &p->rows[p->nrows++];
	memset(row, 0, sizeof(*row));
	row->label = chart_tokdup(label);
	row->line = line;
	row->col = label->col;
	return row;
}

/*
 * Whether t is all numerals that are not ASCII digits: "三", "十二", "１２",
 * "②" (what a Chinese keyboard types for a section number).
 */
static int
chart_numerals(const struct chart_tok *t)
{
	size_t off = 0;

	while (off < t->len) {
		uint32_t cp;
		size_t n = utf8_decode(t->p + off, t->len - off, &cp);

		if (!n || !uni_is_numeral(cp))
			return 0;
		off += n;
	}
	return t->len > 0;
}

/* Whether the block has said, so far, that it is a route. */
static int
chart_parse_route(const struct chart_parse *p)
{
	return p->keyline[KEY_KIND] > 0 && p->kind == CHART_ROUTE;
}

/*
 * A data line without a colon: a route's point in no section. Any other
 * kind reports it once the kind is known (it may come after the data).
 */
static void
chart_parse_bare(struct chart_parse *p, int line, const struct chart_tok *t)
{
	struct chart_row *row;

	if (chart_row_taken(p, line, t))
		return;
	row = chart_new_row(p, line, t);
	row->bare = 1;
	row->vcol = t->col;
}

static void
chart_parse_row(struct chart_parse *p, int line, const struct chart_tok *t)
{
	struct chart_tok label, vals, a, b;
	struct chart_row *row;
	double dummy;

	/* the last colon: a label may hold one ("X路：高新区示范带: 12") */
	if (!chart_split(t, chart_colons, 1, &label, &vals)) {
		chart_parse_bare(p, line, t);
		return;
	}
	if (!label.len) {
		chart_perr(p, line, t->col, "missing name before \":\"");
		return;
	}
	if (chart_row_taken(p, line, &label))
		return;
	/* a route's point named "X路：高新区示范带" needs its section after it */
	if (chart_parse_route(p) && vals.len && !chart_number(vals.p, vals.len, &dummy) &&
	    !chart_split(&vals, chart_commas, 0, &a, &b)) {
		char *q = chart_quote(&vals), *name = chart_quote(t);

		if (chart_numerals(&vals))
			chart_perr(p, line, vals.col,
				   "\"%s\" is not a section number; write it in digits, as 1, 2, 3",
				   q);
		else
			chart_perr(p, line, vals.col,
				   "\"%s\" is not a section number; a name that holds a colon needs one after it, as \"%s: 0\"",
				   q, name);
		free(q);
		free(name);
		return;
	}
	if (!vals.len) {
		char *q = chart_quote(&label);

		chart_perr(p, line, vals.col, "\"%s\" has no value", q);
		free(q);
		return;
	}
	row = chart_new_row(p, line, &label);
	chart_parse_values(p, line, &vals, row);
}

static size_t
chart_find_series(const struct chart *c, const struct chart_tok *name)
{
	size_t j;

	for (j = 0; j < c->nseries; j++)
		if (c->series[j].name && strlen(c->series[j].name) == name->len &&
		    !memcmp(c->series[j].name, name->p, name->len))
			return j;
	return (size_t)-1;
}

/* Keep the model's series named in "series:", in that order. */
static void
chart_select_series(struct chart_parse *p, struct chart *c)
{
	struct chart_series *keep;
	size_t i, j, n = 0;
	int line = p->keyline[KEY_SERIES], bad = 0;

	for (i = 0; i < p->nseries; i++) {
		struct buf have = BUF_INIT;
		char *q;
		size_t k;

		if (chart_find_series(c, &p->series[i]) != (size_t)-1)
			continue;
		q = chart_quote(&p->series[i]);
		for (k = 0; k < c->nseries; k++)
			buf_addf(&have, "%s\"%s\"", k ? ", " : "",
				 c->series[k].name);
		chart_perr(p, line, p->series[i].col,
			   "unknown series \"%s\"; the model \"%s\" has %s", q,
			   p->model, c->nseries ? have.ptr : "none");
		free(q);
		buf_release(&have);
		bad = 1;
	}
	if (bad)
		return;
	keep = xcalloc(p->nseries ? p->nseries : 1, sizeof(*keep));
	for (i = 0; i < p->nseries; i++) {
		j = chart_find_series(c, &p->series[i]);
		keep[n++] = c->series[j];
		c->series[j].name = NULL; /* moved */
		c->series[j].v = NULL;
	}
	for (j = 0; j < c->nseries; j++) {
		free(c->series[j].name);
		free(c->series[j].v);
	}
	free(c->series);
	c->series = keep;
	c->nseries = n;
	c->seriescap = p->nseries ? p->nseries : 1;
}

/* Check the rows against the kind and the series, and fill c. */
static void
chart_fill_rows(struct chart_parse *p, struct chart *c)
{
	size_t want = p->nseries ? p->nseries : 1, i, j;

	if (p->keyline[KEY_SERIES] > 0 && chart_single_series(p->kind) &&
	    p->nseries > 1)
		chart_perr(p, p->keyline[KEY_SERIES], p->valcol[KEY_SERIES],
			   "a %s chart takes one series, not %zu",
			   chart_kind_name(p->kind), p->nseries);
	for (j = 0; j < want; j++) {
		struct buf name = BUF_INIT;

		if (p->nseries)
			buf_add(&name, p->series[j].p, p->series[j].len);
		chart_add_series(c, name.ptr, -1);
		buf_release(&name);
	}
	for (i = 0; i < p->nrows; i++) {
		struct chart_row *r = &p->rows[i];
		size_t cat;

		r->cat = (size_t)-1;
		if (r->nvals == (size_t)-1)
			continue;
		if (p->kind == CHART_ROUTE && c->ncats == CHART_MAX_POINTS) {
			chart_perr(p, r->line, r->col,
				   "a route chart shows at most %d points",
				   CHART_MAX_POINTS);
			break;
		}
		if (r->bare) {
			/* a route's point in no section (others were told) */
			r->cat = chart_add_category(c, r->label);
			continue;
		}
		if (r->nvals != want) {
			r->bad = 1;
			if (p->kind == CHART_ROUTE && want == 1)
				chart_perr(p, r->line, r->vcol,
					   "\"%s\" has %zu values; a point of a route takes one, the number of its section",
					   r->label, r->nvals);
			else if (!p->nseries)
				chart_perr(p, r->line, r->vcol,
					   "\"%s\" has %zu values; name the series first, as \"series: 2023, 2024\"",
					   r->label, r->nvals);
			else
				chart_perr(p, r->line, r->vcol,
					   "\"%s\" has %zu value%s but the chart has %zu series",
					   r->label, r->nvals,
					   r->nvals == 1 ? "" : "s", want);
			continue;
		}
		if ((p->kind == CHART_PROGRESS && c->ncats == CHART_MAX_ROWS) ||
		    (p->kind == CHART_FUNNEL && c->ncats == CHART_MAX_STAGES)) {
			chart_perr(p, r->line, r->col,
				   "a %s chart shows at most %d %s",
				   chart_kind_name(p->kind),
				   p->kind == CHART_FUNNEL ? CHART_MAX_STAGES :
				   CHART_MAX_ROWS,
				   p->kind == CHART_FUNNEL ? "stages" : "indicators");
			break;
		}
		cat = chart_add_category(c, r->label);
		r->cat = cat;
		for (j = 0; j < want; j++) {
			struct chart_val *v = &r->vals[j];

			r->bad = 1; /* until the value is set */
			if (v->slash && p->kind != CHART_PROGRESS) {
				chart_perr(p, r->line, v->slash,
					   "\"/\" is only for progress charts, as \"97.2 / 98\"");
				continue;
			}
			if (v->neg && chart_no_negatives(p->kind)) {
				char *q = chart_quote(&v->tok);

				chart_perr(p, r->line, v->col,
					   "negative value \"%s\" in a %s chart",
					   q, chart_kind_name(p->kind));
				free(q);
				continue;
			}
			if (v->slash && !(v->t > 0)) {
				chart_perr(p, r->line, v->tcol,
					   "target must be more than 0");
				continue;
			}
			if (p->kind == CHART_ROUTE &&
			    (v->v != floor(v->v) || v->neg ||
			     (v->v > (double)p->nsections && !p->sections_bad))) {
				char *q = chart_quote(&v->tok);

				if (v->v != floor(v->v) || v->neg)
					chart_perr(p, r->line, v->col,
						   "\"%s\" is not a section number; number the sections 1, 2, 3... in the order of \"sections\"",
						   q);
				else if (p->nsections)
					chart_perr(p, r->line, v->col,
						   "there is no section %s; \"sections\" names %zu",
						   q, p->nsections);
				else
					chart_perr(p, r->line, v->col,
						   "there is no section %s; name the sections first, as \"sections: 金融商务段, 生活服务段\"",
						   q);
				free(q);
				continue;
			}
			chart_set_value(c, j, cat, v->v);
			if (v->slash)
				chart_set_target(c, cat, v->t);
			r->bad = 0;
		}
	}
	/* a section no point is in is a slip of the pen */
	for (j = 0; j < p->nsections && p->kind == CHART_ROUTE && !p->errors;
	     j++) {
		for (i = 0; i < c->ncats; i++)
			if (chart_point_section(c, i) == j + 1)
				break;
		if (i == c->ncats) {
			char *q = chart_quote(&p->sections[j]);

			chart_perr(p, p->keyline[KEY_SECTIONS], p->sections[j].col,
				   "section \"%s\" has no points", q);
			free(q);
		}
	}
}

/* The block's "sections:" replace any the model gave. */
static void
chart_parse_sections(struct chart_parse *p, struct chart *c)
{
	size_t i;

	if (!p->nsections)
		return;
	for (i = 0; i < c->nsect; i++)
		free(c->sect[i]);
	c->nsect = 0;
	for (i = 0; i < p->nsections; i++) {
		char *name = chart_tokdup(&p->sections[i]);

		chart_add_section(c, name);
		free(name);
	}
}

/* Keys that mean nothing to a route; "sections" that mean nothing else. */
static void
chart_parse_route_keys(struct chart_parse *p)
{
	static const int unused[] = {
		KEY_UNIT, KEY_COLORS, KEY_TARGET, KEY_TOP, KEY_SORT, KEY_HEIGHT,
	};
	size_t i;

	if (p->kind != CHART_ROUTE) {
		if (p->keyline[KEY_SECTIONS] > 0)
			chart_perr(p, p->keyline[KEY_SECTIONS],
				   p->keycol[KEY_SECTIONS],
				   "\"sections\" is only for route charts");
		return;
	}
	for (i = 0; i < sizeof(unused) / sizeof(unused[0]); i++)
		if (p->keyline[unused[i]] > 0)
			chart_perr(p, p->keyline[unused[i]], p->keycol[unused[i]],
				   "\"%s\" is not used in a route chart%s",
				   chart_keys[unused[i]],
				   unused[i] == KEY_HEIGHT ?
				   "; its height follows its points" :
				   unused[i] == KEY_SORT || unused[i] == KEY_TOP ?
				   "; its points keep their order" : "");
}

static void
chart_parse_finish(struct chart_parse *p, struct chart *c,
		   chart_model_fn model, void *model_arg)
{
	int mline = p->keyline[KEY_MODEL], mcol = p->valcol[KEY_MODEL];
	int dline = p->keyline[KEY_DATA];
	size_t i;

	/* a name alone is a route's point; in any other chart, a mistake */
	for (i = 0; i < p->nrows; i++)
		if (p->rows[i].bare && !chart_parse_route(p)) {
			chart_perr(p, p->rows[i].line, p->rows[i].col,
				   "expected \"name: value\"");
			p->rows[i].nvals = (size_t)-1;
			p->rows[i].bad = 1;
		}
	if (!p->keyline[KEY_KIND]) {
		chart_perr(p, p->first_line, 0,
			   "chart has no \"kind\"; add one, as \"kind: bar\"");
		return;
	}
	if (p->keyline[KEY_KIND] < 0)
		return;
	c->kind = p->kind;
	chart_parse_route_keys(p);
	if (p->model && dline) {
		chart_perr(p, dline, p->keycol[KEY_DATA],
			   "a chart takes \"model\" or \"data\", not both");
		return;
	}
	if (p->model) {
		if (!model || model(model_arg, p->model, c) != 0) {
			chart_perr(p, mline, mcol, "unknown model \"%s\"",
				   p->model);
			return;
		}
		if (p->nseries)
			chart_select_series(p, c);
		chart_parse_sections(p, c);
		if (p->errors)
			return;
		if (chart_check(c, p->d, p->path, mline, mcol))
			p->errors++;
	} else if (dline) {
		if (!p->nrows && !p->errors) {
			chart_perr(p, dline, p->keycol[KEY_DATA],
				   "\"data\" has no rows; add one \"name: value\" line per item");
			return;
		}
		chart_parse_sections(p, c);
		chart_fill_rows(p, c);
	} else {
		chart_perr(p, p->first_line, 0,
			   "chart has no data; add a \"data:\" section or a \"model:\"");
		return;
	}
	if (c->kind == CHART_DONUT && p->ncolors > 1) {
		/* a donut's one series: the colours are its slices' */
		if (p->ncolors > c->ncats && c->ncats)
			chart_perr(p, p->keyline[KEY_COLORS],
				   p->colcol[c->ncats],
				   "\"colors\" names %zu colours for %zu slices",
				   p->ncolors, c->ncats);
		for (i = 0; i < p->ncolors && i < c->ncats; i++)
			chart_set_category_color(c, i, p->colors[i]);
	} else {
		if (p->ncolors > c->nseries && p->ncolors <= CHART_MAX_SERIES &&
		    c->nseries)
			chart_perr(p, p->keyline[KEY_COLORS],
				   p->colcol[c->nseries],
				   "\"colors\" names %zu colours for %zu series",
				   p->ncolors, c->nseries);
		for (i = 0; i < p->ncolors && i < c->nseries; i++)
			c->series[i].color = p->colors[i];
	}
	if (p->ntargets) {
		int tl = p->keyline[KEY_TARGET];

		if (c->kind == CHART_DONUT || c->kind == CHART_FUNNEL ||
		    c->kind == CHART_STACKED) {
			chart_perr(p, tl, p->keycol[KEY_TARGET],
				   "\"target\" is not used in a %s chart",
				   chart_kind_name(c->kind));
		} else if (p->ntargets == 1) {
			if (c->kind == CHART_PROGRESS && !(p->targets[0].v > 0) &&
			    !isnan(p->targets[0].v))
				chart_perr(p, tl, p->targets[0].col,
					   "target must be more than 0");
			c->tgt_all = p->targets[0].v;
		} else if (p->ntargets != c->ncats) {
			chart_perr(p, tl, p->valcol[KEY_TARGET],
				   "\"target\" has %zu values but the chart has %zu categories",
				   p->ntargets, c->ncats);
		} else {
			for (i = 0; i < p->ntargets; i++) {
				if (c->kind == CHART_PROGRESS &&
				    !(p->targets[i].v > 0) &&
				    !isnan(p->targets[i].v))
					chart_perr(p, tl, p->targets[i].col,
						   "target must be more than 0");
				if (isnan(c->tgt[i]))
					chart_set_target(c, i, p->targets[i].v);
			}
		}
	}
	if (c->kind == CHART_PROGRESS && !p->model)
		for (i = 0; i < p->nrows; i++) {
			struct chart_row *r = &p->rows[i];

			if (!r->bad && r->cat != (size_t)-1 &&
			    isnan(chart_target(c, r->cat)))
				chart_perr(p, r->line, r->col,
					   "\"%s\" has no target; write \"97.2 / 98\" or add \"target: 98\"",
					   r->label);
		}
	if (p->title)
		chart_set_title(c, p->title);
	if (p->unit)
		chart_set_unit(c, p->unit);
	if (p->source)
		chart_set_source(c, p->source);
	if (p->top)
		c->top = p->top;
	if (p->keyline[KEY_SORT])
		c->sort = p->sort;
	if (p->width || p->height)
		chart_set_size(c, p->width, p->height);
}

int
chart_parse(struct chart **out, const char *text, const char *path,
	    int first_line, chart_model_fn model, void *model_arg,
	    struct diag *d)
{
	struct chart_parse p;
	struct chart *c = NULL;
	const char *s = text;
	int line = first_line, in_data = 0, ret = -1;
	size_t i;

	*out = NULL;
	memset(&p, 0, sizeof(p));
	p.path = path;
	p.d = d;
	p.first_line = first_line;
	while (*s) {
		const char *eol = strchr(s, '\n');
		struct chart_tok t, k, v;
		int key;

		t.p = s;
		t.len = eol ? (size_t)(eol - s) : strlen(s);
		t.col = 1;
		chart_trim(&t);
		if (t.len && t.p[0] != '#') {
			if (!chart_split(&t, chart_colons, 0, &k, &v)) {
				if (in_data)
					chart_parse_bare(&p, line, &t);
				else
					chart_perr(&p, line, t.col,
						   "expected \"key: value\"");
			} else if ((key = chart_key_of(&k)) >= 0) {
				chart_parse_key(&p, key, line, &k, &v);
				if (key == KEY_DATA)
					in_data = 1;
			} else if (in_data) {
				chart_parse_row(&p, line, &t);
			} else if (!k.len) {
				chart_perr(&p, line, t.col, "missing key before \":\"");
			} else {
				chart_unknown_key(&p, line, &k);
			}
		}
		if (!eol)
			break;
		s = eol + 1;
		line++;
	}
	c = chart_new(CHART_BAR);
	chart_parse_finish(&p, c, model, model_arg);
	if (!p.errors) {
		*out = c;
		c = NULL;
		ret = 0;
	}
	chart_free(c);
	free(p.title);
	free(p.unit);
	free(p.source);
	free(p.model);
	free(p.series);
	free(p.sections);
	free(p.targets);
	for (i = 0; i < p.nrows; i++) {
		free(p.rows[i].label);
		free(p.rows[i].vals);
	}
	free(p.rows);
	return ret;
}
