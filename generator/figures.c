/*
 * Named figures of the model for the text of pages (see figures.h): one
 * table of names and formatted values, built once per build before the
 * pages load, then read by every page thread.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "figures.h"
#include "model.h"
#include "src.h"
#include "util.h"

struct figure {
	char *name;
	char *value;
};

struct figures {
	struct figure *items; /* sorted by name (bytes) */
	size_t n, cap;
};

static void
put(struct figures *f, const char *name, const char *value)
{
	f->items = xgrow(f->items, &f->cap, f->n + 1, sizeof(*f->items));
	f->items[f->n].name = xstrdup(name);
	f->items[f->n].value = xstrdup(value);
	f->n++;
}

static void
put_count(struct figures *f, const char *name, long v)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%ld", v);
	put(f, name, b.ptr);
	buf_release(&b);
}

static void
put_number(struct figures *f, const char *name, double v)
{
	struct buf b = BUF_INIT;

	model_number(&b, v);
	put(f, name, b.ptr);
	buf_release(&b);
}

static void
put_rate(struct figures *f, const char *name, struct model_rate r)
{
	struct buf b = BUF_INIT;

	model_rate_percent(r, &b);
	put(f, name, b.ptr);
	buf_release(&b);
}

/* A fraction of site.json as a percent: 0.98 is "98%". */
static void
put_target(struct figures *f, const char *name, double target)
{
	struct buf b = BUF_INIT;

	model_target_percent(&b, target);
	put(f, name, b.ptr);
	buf_release(&b);
}

static void
putf_name(struct buf *name, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
putf_name(struct buf *name, const char *fmt, ...)
{
	va_list ap;

	buf_reset(name);
	va_start(ap, fmt);
	buf_vaddf(name, fmt, ap);
	va_end(ap);
}

static void
put_group(struct figures *f, const char *prefix, const struct model_group *g)
{
	struct buf n = BUF_INIT;
	int c;

	putf_name(&n, "%s.units", prefix);
	put_count(f, n.ptr, g->units);
	for (c = 0; c < MODEL_NCOVERAGE; c++) {
		putf_name(&n, "%s.coverage.%s", prefix, model_coverage_key(c));
		put_rate(f, n.ptr, model_group_coverage(g, c));
	}
	putf_name(&n, "%s.single_setup_rate", prefix);
	put_rate(f, n.ptr, g->single_setup);
	putf_name(&n, "%s.noncompliant", prefix);
	put_count(f, n.ptr, g->noncompliant);
	buf_release(&n);
}

static void
put_indicators(struct figures *f, const struct model *m)
{
	struct buf n = BUF_INIT;
	size_t i;

	for (i = 0; i < m->nindicators; i++) {
		const struct model_indicator *it = &m->indicators[i];
		int latest = i + 1 == m->nindicators ||
			     strcmp(m->indicators[i + 1].key, it->key);
		int pass;

		/* The latest year also under the bare key. */
		for (pass = 0; pass < 1 + latest; pass++) {
			const char *y = "";
			struct buf year = BUF_INIT;

			if (pass == 0) {
				buf_addf(&year, ".%d", it->year);
				y = year.ptr;
			}
			putf_name(&n, "indicator.%s%s", it->key, y);
			put_number(f, n.ptr, it->value);
			if (it->has_target) {
				putf_name(&n, "indicator.%s%s.target", it->key, y);
				put_number(f, n.ptr, it->target);
			}
			if (it->has_prev) {
				putf_name(&n, "indicator.%s%s.change", it->key, y);
				put_number(f, n.ptr, it->change);
			}
			if (pass == 1) {
				putf_name(&n, "indicator.%s.year", it->key);
				put_count(f, n.ptr, it->year);
			}
			buf_release(&year);
		}
	}
	buf_release(&n);
}

/* Belts by kind: how many, and the points along them. */
static void
put_belts(struct figures *f, const struct model *m)
{
	static const char *const kinds[MODEL_NBELT_KINDS] = {
		"belt", "street", "commerce", "building",
	};
	long count[MODEL_NBELT_KINDS] = { 0 }, points[MODEL_NBELT_KINDS] = { 0 };
	struct buf n = BUF_INIT;
	size_t i;

	for (i = 0; i < m->nbelts; i++) {
		count[m->belts[i].kind]++;
		points[m->belts[i].kind] += (long)m->belts[i].npoints;
	}
	for (i = 0; i < MODEL_NBELT_KINDS; i++) {
		putf_name(&n, "belts.%s", kinds[i]);
		put_count(f, n.ptr, count[i]);
		putf_name(&n, "belts.%s.points", kinds[i]);
		put_count(f, n.ptr, points[i]);
	}
	buf_release(&n);
}

static int
figure_cmp(const void *a, const void *b)
{
	return strcmp(((const struct figure *)a)->name,
		      ((const struct figure *)b)->name);
}

struct figures *
figures_new(const struct model *m)
{
	static const enum model_tier tiers[] = {
		MODEL_TIER_GOLD, MODEL_TIER_SILVER, MODEL_TIER_BRONZE,
		MODEL_TIER_WEAK,
	};
	static const char *const forms[MODEL_NFORMS] = {
		"single", "joint", "attached", "none",
	};
	static const char *const demos[MODEL_NDEMOS] = {
		"", "province", "city", "district",
	};
	struct figures *f = xcalloc(1, sizeof(*f));
	struct buf n = BUF_INIT, v = BUF_INIT;
	long assessed = 0, below = 0;
	size_t i;
	int c;

	put_count(f, "organizations", m->organizations);
	put_count(f, "enterprises", m->enterprises);
	put_count(f, "social", m->social);
	put_count(f, "party_orgs", m->party_orgs);
	put_count(f, "joint_orgs", m->joint_orgs);
	put_count(f, "instructors", m->instructors);
	put_count(f, "noncompliant", m->noncompliant);
	for (c = 0; c < MODEL_NCOVERAGE; c++) {
		putf_name(&n, "coverage.%s", model_coverage_key(c));
		put_rate(f, n.ptr, model_group_coverage(&m->all, c));
		putf_name(&n, "coverage_targets.%s", model_coverage_key(c));
		put_target(f, n.ptr, m->cfg.coverage_target[c]);
	}
	put_rate(f, "single_setup_rate", m->all.single_setup);
	put_target(f, "single_setup_target", m->cfg.single_setup_target);
	for (c = 0; c < MODEL_NFORMS; c++) {
		putf_name(&n, "forms.%s", forms[c]);
		put_count(f, n.ptr, m->forms[c]);
	}

	for (i = 0; i < sizeof(tiers) / sizeof(tiers[0]); i++) {
		putf_name(&n, "tiers.%s", model_tier_key(tiers[i]));
		put_count(f, n.ptr, m->tiers[tiers[i]]);
		assessed += m->tiers[tiers[i]];
		if (tiers[i] != MODEL_TIER_WEAK) {
			putf_name(&n, "tier_floors.%s", model_tier_key(tiers[i]));
			put_number(f, n.ptr, m->cfg.floor[tiers[i]]);
		}
	}
	put_count(f, "tiers.unassessed", m->unassessed);
	put_count(f, "assessed", assessed);
	for (i = 0; i < sizeof(tiers) / sizeof(tiers[0]); i++) {
		struct model_rate r = { m->tiers[tiers[i]], assessed };

		putf_name(&n, "tier_shares.%s", model_tier_key(tiers[i]));
		put_rate(f, n.ptr, r);
	}
	put(f, "round", m->round ? m->round : "暂无数据");
	put(f, "prev_round", m->prev_round ? m->prev_round : "暂无数据");
	put_count(f, "movement.up", m->moved_up);
	put_count(f, "movement.down", m->moved_down);
	put_count(f, "movement.new_gold", m->new_gold);

	put_count(f, "demo_sites", m->demo[MODEL_DEMO_PROVINCE] +
		  m->demo[MODEL_DEMO_CITY] + m->demo[MODEL_DEMO_DISTRICT]);
	for (c = MODEL_DEMO_PROVINCE; c < MODEL_NDEMOS; c++) {
		putf_name(&n, "demo_sites.%s", demos[c]);
		put_count(f, n.ptr, m->demo[c]);
	}
	put_count(f, "brands", (long)m->nbrands);
	put_count(f, "belts", (long)m->nbelts);
	put_belts(f, m);
	if (m->red_collar.year) {
		put_count(f, "red_collar.year", m->red_collar.year);
		put_number(f, "red_collar.reviewed", m->red_collar.reviewed);
		put_number(f, "red_collar.certified", m->red_collar.certified);
		buf_reset(&v);
		model_funnel_ratio(&m->red_collar, &v);
		put(f, "red_collar.ratio", v.ptr);
	}

	put_count(f, "regions", (long)m->nregions);
	buf_reset(&v);
	for (i = 0; i < m->nregions; i++) {
		putf_name(&n, "regions.%s", m->regions[i].name);
		put_group(f, n.ptr, &m->regions[i]);
		if (!model_group_below_single(m, &m->regions[i]))
			continue;
		if (below++)
			BUF_ADDLIT(&v, "、");
		buf_addstr(&v, m->regions[i].name);
	}
	put_count(f, "regions_below_single_setup_target", below);
	put(f, "regions_below_single_setup_target.names", below ? v.ptr : "无");
	put_indicators(f, m);

	if (f->n)
		qsort(f->items, f->n, sizeof(*f->items), figure_cmp);
	buf_release(&n);
	buf_release(&v);
	return f;
}

void
figures_free(struct figures *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->n; i++) {
		free(f->items[i].name);
		free(f->items[i].value);
	}
	free(f->items);
	free(f);
}

const char *
figures_get(const struct figures *f, const char *name)
{
	size_t lo = 0, hi = f->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, f->items[mid].name);

		if (!c)
			return f->items[mid].value;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

size_t
figures_count(const struct figures *f)
{
	return f->n;
}

const char *
figures_name(const struct figures *f, size_t i)
{
	return i < f->n ? f->items[i].name : NULL;
}

const char *
figures_value(const struct figures *f, size_t i)
{
	return i < f->n ? f->items[i].value : NULL;
}

/* Length of the run of c at p (within end). */
static size_t
run_of(const char *p, const char *end, char c)
{
	size_t n = 0;

	while (p + n < end && p[n] == c)
		n++;
	return n;
}

/*
 * A fence opens or closes at the start of a line: up to three spaces,
 * then three or more backticks or tildes. Returns the run's length and
 * sets *c to its character, or 0.
 */
static size_t
fence_at(const char *p, const char *end, char *c)
{
	size_t sp = 0, n;

	while (sp < 3 && p + sp < end && p[sp] == ' ')
		sp++;
	if (p + sp >= end || (p[sp] != '`' && p[sp] != '~'))
		return 0;
	n = run_of(p + sp, end, p[sp]);
	if (n < 3)
		return 0;
	*c = p[sp];
	return n;
}

/*
 * The name of a reference at p ("{{"), trimmed, and the offset just past
 * its "}}"; 0 when p starts no reference (no "}}" before the line ends).
 */
static size_t
reference_at(const char *p, const char *end, const char **name,
	     size_t *len)
{
	const char *q = p + 2, *s, *e;

	while (q + 1 < end && *q != '\n' && !(q[0] == '}' && q[1] == '}'))
		q++;
	if (q + 1 >= end || *q == '\n')
		return 0;
	s = p + 2;
	e = q;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	*name = s;
	*len = (size_t)(e - s);
	return (size_t)(q + 2 - p);
}

int
figures_expand(const struct figures *f, const struct src *s, size_t from,
	       size_t to, int skip_code, struct buf *out, struct diag *d)
{
	const char *base = s->text.ptr, *p = base + from, *end = base + to;
	struct buf name = BUF_INIT;
	size_t fence = 0;
	char fence_c = 0;
	int rc = 0, bol = 1;

	while (p < end) {
		const char *nm;
		size_t n, len;
		char c;

		if (skip_code && bol) {
			n = fence_at(p, end, &c);
			if (fence && n >= fence && c == fence_c)
				fence = 0;
			else if (!fence && n)
				fence = n, fence_c = c;
			if (n || fence) {
				/* The whole line as written. */
				const char *nl = memchr(p, '\n', (size_t)(end - p));

				nl = nl ? nl + 1 : end;
				buf_add(out, p, (size_t)(nl - p));
				p = nl;
				continue;
			}
		}
		bol = 0;
		if (*p == '\n') {
			bol = 1;
		} else if (*p == '\\' && p + 1 < end) {
			/* An escaped character is the author's, "\{{" too. */
			buf_add(out, p, 2);
			p += 2;
			continue;
		} else if (skip_code && *p == '`') {
			const char *q;

			n = run_of(p, end, '`');
			for (q = p + n; q < end; q++) {
				if (*q != '`')
					continue;
				len = run_of(q, end, '`');
				if (len == n)
					break;
				q += len - 1;
			}
			q = q < end ? q + n : p + n; /* unclosed: literal */
			buf_add(out, p, (size_t)(q - p));
			p = q;
			continue;
		} else if (p + 1 < end && p[0] == '{' && p[1] == '{' &&
			   (n = reference_at(p, end, &nm, &len))) {
			const char *v;

			buf_reset(&name);
			buf_add(&name, nm, len);
			v = figures_get(f, name.ptr);
			if (v) {
				buf_addstr(out, v);
			} else {
				int line, col;

				src_pos(s, (size_t)(p - base), &line, &col);
				diag_error(d, s->path, line, col,
					   "unknown figure \"%s\"; the names are "
					   "those of docs/data-format.md, "
					   "\"Figures in the text\"", name.ptr);
				buf_add(out, p, n);
				rc = -1;
			}
			p += n;
			continue;
		}
		buf_addch(out, *p);
		p++;
	}
	buf_release(&name);
	return rc;
}

void
figures_expand_text(const struct figures *f, const char *text,
		    struct buf *out)
{
	const char *p = text, *end = text + strlen(text);
	struct buf name = BUF_INIT;

	while (p < end) {
		const char *nm, *v;
		size_t n, len;

		if (p[0] == '{' && p[1] == '{' &&
		    (n = reference_at(p, end, &nm, &len))) {
			buf_reset(&name);
			buf_add(&name, nm, len);
			v = figures_get(f, name.ptr);
			if (v)
				buf_addstr(out, v);
			else
				buf_add(out, p, n);
			p += n;
			continue;
		}
		buf_addch(out, *p++);
	}
	buf_release(&name);
}
