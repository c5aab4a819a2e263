/*
 * Loading and validating the data exports (see data.h for the memory
 * design). Each export is read record by record; a record is validated
 * whole, so one bad field does not hide the next, and a bad record is
 * counted nowhere (nothing is written when there is an error, but the
 * rest of the data is still checked).
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "buf.h"
#include "data.h"
#include "diag.h"
#include "honour.h"
#include "json.h"
#include "model.h"
#include "site.h"
#include "src.h"
#include "strmap.h"
#include "target.h"
#include "utf8.h"
#include "util.h"
#include "venue.h"

const char *const data_export_names[DATA_NEXPORTS] = {
	"organizations", "assessments", "indicators", "belts", "brands",
	"venues", "honours",
};

/*
 * Fields no export can do without; "x.*" locks a whole object. They may
 * not be declared private, since dropping them would fail every record.
 */
static const char *const required_fields[DATA_NEXPORTS][9] = {
	{ "id", "name", "kind", "region", "staff", "members", "org",
	  "org.form", "org.joint_id" },
	{ "org", "round", "scores.*" },
	{ "year", "indicator", "value" },
	{ "id", "name", "kind" },
	{ "id", "name", "org" },
	{ "id", "name", "kind", "region", "six.*" },
	{ "org", "honour", "year" },
};

static const char *const kind_names[] = { "enterprise", "social" };
static const char *const form_names[] = {
	"single", "joint", "attached", "none",
};
static const char *const level_names[] = {
	"committee", "general_branch", "branch",
};
static const char *const demo_names[] = { "province", "city", "district" };
static const char *const belt_kind_names[] = {
	"belt", "street", "commerce", "building",
};

/* --- Private fields. --- */

static void
private_add(struct data_private *p, int e, const char *field)
{
	size_t i;

	for (i = 0; i < p->nfields[e]; i++)
		if (!strcmp(p->fields[e][i], field))
			return;
	p->fields[e] = xrealloc(p->fields[e],
				(p->nfields[e] + 1) * sizeof(char *));
	p->fields[e][p->nfields[e]++] = xstrdup(field);
}

void
data_private_init(struct data_private *p)
{
	memset(p, 0, sizeof(*p));
	private_add(p, DATA_ORGANIZATIONS, "contact");
}

void
data_private_release(struct data_private *p)
{
	size_t e, i;

	for (e = 0; e < DATA_NEXPORTS; e++) {
		for (i = 0; i < p->nfields[e]; i++)
			free(p->fields[e][i]);
		free(p->fields[e]);
	}
	memset(p, 0, sizeof(*p));
}

/* Is field a required field, inside a locked object, or a parent of one? */
static int
is_required(int e, const char *field)
{
	size_t i, n, f = strlen(field);

	for (i = 0; i < 9 && required_fields[e][i]; i++) {
		const char *r = required_fields[e][i];

		n = strlen(r);
		if (n > 2 && !strcmp(r + n - 2, ".*")) {
			n -= 2;
			if (!strncmp(field, r, n) &&
			    (field[n] == '\0' || field[n] == '.'))
				return 1;
		}
		if (!strncmp(field, r, f) && (r[f] == '\0' || r[f] == '.'))
			return 1;
	}
	return 0;
}

static void
cfg_error(struct diag *d, const struct json_doc *doc, const cJSON *item,
	  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
cfg_error(struct diag *d, const struct json_doc *doc, const cJSON *item,
	  const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	const char *file = "site.json";
	va_list ap;
	int line = 0, col = 0;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	if (doc) {
		json_pos(doc, item, &line, &col);
		file = doc->src->path;
	}
	diag_error(d, file, line, col, "%s", msg.ptr);
	buf_release(&msg);
}

/* "private" maps exports to fields; data_private_read() checks inside. */
const struct site_key data_site_keys[] = {
	{ NULL, "private", SITE_OBJECT, 0 },
	{ NULL, NULL, SITE_OBJECT, 0 },
};

int
data_private_read(struct data_private *p, const struct json_doc *doc,
		  const cJSON *obj, struct diag *d)
{
	const cJSON *ex, *f;
	int rc = 0, e;

	if (!obj)
		return 0;
	if (!cJSON_IsObject(obj)) {
		cfg_error(d, doc, obj, "\"private\" must be an object");
		return -1;
	}
	cJSON_ArrayForEach(ex, obj) {
		for (e = 0; e < DATA_NEXPORTS; e++)
			if (!strcmp(ex->string, data_export_names[e]))
				break;
		if (e == DATA_NEXPORTS) {
			cfg_error(d, doc, ex, "unknown export \"%s\" in "
				  "\"private\"", ex->string);
			rc = -1;
			continue;
		}
		if (!cJSON_IsArray(ex)) {
			cfg_error(d, doc, ex, "\"private.%s\" must be an array "
				  "of field names", ex->string);
			rc = -1;
			continue;
		}
		cJSON_ArrayForEach(f, ex) {
			if (!cJSON_IsString(f) || !f->valuestring[0]) {
				cfg_error(d, doc, f, "\"private.%s\" must be an "
					  "array of field names", ex->string);
				rc = -1;
			} else if (is_required(e, f->valuestring)) {
				cfg_error(d, doc, f, "required field \"%s\" "
					  "cannot be private", f->valuestring);
				rc = -1;
			} else {
				private_add(p, e, f->valuestring);
			}
		}
	}
	return rc;
}

/* The member at a dotted path, and its parent object. */
static cJSON *
path_get(cJSON *rec, const char *path, cJSON **parent, struct buf *last)
{
	cJSON *cur = rec;
	const char *p = path;

	for (;;) {
		const char *dot = strchr(p, '.');

		buf_reset(last);
		buf_add(last, p, dot ? (size_t)(dot - p) : strlen(p));
		if (!cJSON_IsObject(cur))
			return NULL;
		*parent = cur;
		cur = cJSON_GetObjectItemCaseSensitive(cur, last->ptr);
		if (!cur || !dot)
			return cur;
		p = dot + 1;
	}
}

static void
drop_private(const struct data_private *p, int e, cJSON *rec)
{
	struct buf last = BUF_INIT;
	size_t i;

	for (i = 0; p && i < p->nfields[e]; i++) {
		cJSON *parent = NULL;

		if (path_get(rec, p->fields[e][i], &parent, &last))
			cJSON_DeleteItemFromObjectCaseSensitive(parent,
								last.ptr);
	}
	buf_release(&last);
}

/* --- The loader. --- */

struct ref {              /* a reference to an organisation */
	char *id;
	const char *file;     /* a display path of the loader */
	int line, col;
};

/*
 * One assessed organisation, as the assessments stream by: its latest two
 * rounds (year * 100 + month, 0 for none) with their scores, and the
 * seven weighted dimensions of the latest, in hundredths of a point. The
 * tier it shows and its movement need only these: the previous round of
 * the data is either of them when the organisation was assessed in it.
 */
struct asum {
	int32_t round, round2;
	double score, score2;
	uint16_t dims[MODEL_DIMS];
	uint8_t found;        /* among the organisations */
};

/* Tier counts of one round of the data. */
struct rtally {
	int round;
	long tiers[MODEL_NTIERS];
};

/*
 * A set of (organisation, round) pairs that are no longer one of the
 * organisation's latest two: with those two it tells every duplicate
 * assessment, at a cost only for data of more than two rounds.
 */
struct pairset {
	uint64_t *slots;      /* 0: empty */
	size_t n, cap;        /* cap a power of two */
};

struct jgroup {           /* one joint organisation */
	long units, flagged;
	enum model_level level;
	int too_big;
};

struct loader;
typedef void (*record_fn)(struct loader *L, const struct json_doc *doc,
			  cJSON *rec);

struct loader {
	struct model *m;
	const struct model_config *cfg;
	const struct data_private *priv;
	unsigned flags;
	struct diag *d;
	const char *site_dir;
	int export;           /* what is being read */
	char *file;           /* its display path */
	char *files[DATA_NEXPORTS]; /* display paths, for deferred errors */
	/* The export could not be read whole (a syntax error): references
	 * into it are not checked, or every id after the error would be
	 * reported unknown, burying the real error. */
	int partial[DATA_NEXPORTS];
	record_fn fn;
	int pass2;            /* second reading of organizations */

	struct strmap brand_ids, belt_ids, indicator_keys, venue_ids,
		honour_keys;
	struct strmap wanted; /* organisations referenced by brands, belts */
	struct ref *refs;
	size_t nrefs, refs_cap;

	struct strmap assessed; /* org id -> asums index */
	struct asum *asums;
	size_t asums_cap;
	struct pairset older; /* rounds pushed out of an asum */
	struct rtally *tallies; /* one a round, in order of appearance */
	size_t ntallies, tallies_cap;
	int round, prev_round;
	struct diag *unknown_d; /* where assessment_unknown() reports */
	char *score_paths[MODEL_RATERS][MODEL_DIMS + 1]; /* for messages */

	struct strmap org_ids, kept, joints;
	struct jgroup *jgroups;
	size_t jgroups_cap;
	int any_too_big;

	/* data_private_values */
	data_private_fn private_fn;
	void *private_arg;
};

/* One record being read: errors are counted so it can be skipped. */
struct rec {
	struct loader *L;
	const struct json_doc *doc;
	int bad;
};

static void
rec_err(struct rec *r, const cJSON *item, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
rec_err(struct rec *r, const cJSON *item, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	json_vdiag(r->L->d, DIAG_ERROR, r->doc, r->L->file, item, fmt, ap);
	va_end(ap);
	r->bad++;
}

/* A member that is present and not null. */
static const cJSON *
member(const cJSON *obj, const char *key)
{
	const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);

	return it && !cJSON_IsNull(it) ? it : NULL;
}

static const cJSON *
get_member(struct rec *r, const cJSON *obj, const char *key,
	   const char *path, int required)
{
	const cJSON *it = member(obj, key);

	if (!it && required)
		rec_err(r, obj, "missing required field \"%s\"", path);
	return it;
}

/* A string; an empty optional one counts as not given. */
static const char *
get_str(struct rec *r, const cJSON *obj, const char *key, const char *path,
	int required)
{
	const cJSON *it = get_member(r, obj, key, path, required);

	if (!it)
		return NULL;
	if (!cJSON_IsString(it) || (required && !it->valuestring[0])) {
		rec_err(r, it, required ? "\"%s\" must be a non-empty string" :
			"\"%s\" must be a string", path);
		return NULL;
	}
	return it->valuestring[0] ? it->valuestring : NULL;
}

static int
get_bool(struct rec *r, const cJSON *obj, const char *key, const char *path)
{
	const cJSON *it = member(obj, key);

	if (!it)
		return 0;
	if (!cJSON_IsBool(it)) {
		rec_err(r, it, "\"%s\" must be true or false", path);
		return 0;
	}
	return cJSON_IsTrue(it);
}

static long
get_count(struct rec *r, const cJSON *obj, const char *key,
	  const char *path)
{
	const cJSON *it = get_member(r, obj, key, path, 1);

	if (!it)
		return 0;
	if (!cJSON_IsNumber(it) || it->valuedouble < 0 ||
	    it->valuedouble > 1e9 ||
	    it->valuedouble != floor(it->valuedouble)) {
		rec_err(r, it, "\"%s\" must be a whole number of 0 or more",
			path);
		return 0;
	}
	return (long)it->valuedouble;
}

static int
get_year(struct rec *r, const cJSON *obj, const char *key, const char *path,
	 int required)
{
	const cJSON *it = get_member(r, obj, key, path, required);

	if (!it)
		return 0;
	if (!cJSON_IsNumber(it) || it->valuedouble < 1900 ||
	    it->valuedouble > 2100 ||
	    it->valuedouble != floor(it->valuedouble)) {
		rec_err(r, it, "\"%s\" must be a year from 1900 to 2100", path);
		return 0;
	}
	return (int)it->valuedouble;
}

/* Index of the value in names, or def when absent (or on error). */
static int
get_enum(struct rec *r, const cJSON *obj, const char *key, const char *path,
	 const char *const *names, int n, int required, int def)
{
	const cJSON *it = get_member(r, obj, key, path, required);
	struct buf list = BUF_INIT;
	int i;

	if (!it)
		return def;
	for (i = 0; cJSON_IsString(it) && i < n; i++)
		if (!strcmp(it->valuestring, names[i]))
			return i;
	for (i = 0; i < n; i++)
		buf_addf(&list, "%s\"%s\"", !i ? "" : i == n - 1 ? " or " : ", ",
			 names[i]);
	rec_err(r, it, "\"%s\" must be %s", path, list.ptr);
	buf_release(&list);
	return def;
}

static const cJSON *
get_object(struct rec *r, const cJSON *obj, const char *key, const char *path,
	   int required)
{
	const cJSON *it = get_member(r, obj, key, path, required);

	if (it && !cJSON_IsObject(it)) {
		rec_err(r, it, "\"%s\" must be an object", path);
		return NULL;
	}
	return it;
}

static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static int
date_shaped(const char *s)
{
	return strlen(s) == 10 && s[4] == '-' && s[7] == '-' &&
	       digits(s, 4) >= 0 && digits(s + 5, 2) >= 0 &&
	       digits(s + 8, 2) >= 0;
}

/* A YYYY-MM-DD naming a day that exists. */
static int
real_date(const char *s)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				     30, 31 };
	int y, mo, dd, max;

	if (!date_shaped(s))
		return 0;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	dd = digits(s + 8, 2);
	if (y < 1900 || mo < 1 || mo > 12 || dd < 1)
		return 0;
	max = mdays[mo - 1];
	if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return dd <= max;
}

/* "YYYY-05" or "YYYY-11" as year * 100 + month, or 0. */
static int
round_code(const char *s)
{
	int y, mo;

	if (strlen(s) != 7 || s[4] != '-')
		return 0;
	y = digits(s, 4);
	mo = digits(s + 5, 2);
	if (y < 1900 || y > 2100 || (mo != 5 && mo != 11))
		return 0;
	return y * 100 + mo;
}

/* "2025-05" for a round code; NULL for none. Caller frees. */
static char *
round_text(int code)
{
	return code > 0 ? xasprintf("%04d-%02d", code / 100, code % 100) : NULL;
}

/*
 * A reference to an organisation, checked at the end. keep: the site
 * shows the organisation (a brand's, a belt's point), so its record is
 * kept; venues and honours only count theirs.
 */
static void
add_ref(struct loader *L, const struct json_doc *doc, const cJSON *item,
	const char *id, int keep)
{
	struct ref *f;

	L->refs = xgrow(L->refs, &L->refs_cap, L->nrefs + 1, sizeof(*L->refs));
	f = &L->refs[L->nrefs++];
	f->id = xstrdup(id);
	f->file = L->file;
	json_pos(doc, item, &f->line, &f->col);
	if (keep)
		strmap_intern(&L->wanted, id, NULL);
}

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static int
is_record(struct rec *r, const cJSON *rec)
{
	if (cJSON_IsObject(rec))
		return 1;
	rec_err(r, rec, "each record must be a JSON object");
	return 0;
}

/* --- brands, belts, indicators. --- */

/* Where the id of rec was typed: its folder name is checked by the plan. */
static void
id_at(const struct loader *L, const struct json_doc *doc, const cJSON *rec,
      struct model_at *at)
{
	at->file = xstrdup(L->file);
	json_pos(doc, member(rec, "id"), &at->line, &at->col);
}

static void
brand_record(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	struct model_brand b;
	const char *id, *name, *org, *slug, *summary;
	int level, added = 1;

	if (!is_record(&r, rec))
		return;
	id = get_str(&r, rec, "id", "id", 1);
	name = get_str(&r, rec, "name", "name", 1);
	org = get_str(&r, rec, "org", "org", 1);
	level = get_enum(&r, rec, "level", "level", demo_names, 3, 0, -1) + 1;
	slug = get_str(&r, rec, "case", "case", 0);
	summary = get_str(&r, rec, "summary", "summary", 0);
	if (id) {
		strmap_intern(&L->brand_ids, id, &added);
		if (!added)
			rec_err(&r, member(rec, "id"), "duplicate id \"%s\"",
				id);
	}
	/* Checked even in a bad record, so that one run reports it too. */
	if (org)
		add_ref(L, doc, member(rec, "org"), org, 1);
	if (r.bad)
		return;
	memset(&b, 0, sizeof(b));
	b.id = xstrdup(id);
	id_at(L, doc, rec, &b.at);
	b.name = xstrdup(name);
	b.org_id = xstrdup(org);
	b.level = (enum model_demo)level;
	b.case_slug = dup_or_null(slug);
	b.summary = dup_or_null(summary);
	model_add_brand(L->m, &b);
}

static void
belt_record(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	struct model_belt b;
	const char *id, *name, *summary;
	const cJSON *points, *p;
	int kind, added = 1;
	size_t i = 0;

	if (!is_record(&r, rec))
		return;
	id = get_str(&r, rec, "id", "id", 1);
	name = get_str(&r, rec, "name", "name", 1);
	kind = get_enum(&r, rec, "kind", "kind", belt_kind_names, 4, 1, 0);
	summary = get_str(&r, rec, "summary", "summary", 0);
	points = member(rec, "points");
	if (points && !cJSON_IsArray(points)) {
		rec_err(&r, points, "\"points\" must be an array of "
			"organisation ids");
		points = NULL;
	}
	cJSON_ArrayForEach(p, points) {
		if (!cJSON_IsString(p) || !p->valuestring[0])
			rec_err(&r, p, "\"points\" must be an array of "
				"organisation ids");
		else
			add_ref(L, doc, p, p->valuestring, 1);
	}
	if (id) {
		strmap_intern(&L->belt_ids, id, &added);
		if (!added)
			rec_err(&r, member(rec, "id"), "duplicate id \"%s\"",
				id);
	}
	if (r.bad)
		return;
	memset(&b, 0, sizeof(b));
	b.id = xstrdup(id);
	id_at(L, doc, rec, &b.at);
	b.name = xstrdup(name);
	b.kind = (enum model_belt_kind)kind;
	b.summary = dup_or_null(summary);
	b.npoints = (size_t)cJSON_GetArraySize(points);
	b.point_ids = xcalloc(b.npoints ? b.npoints : 1, sizeof(char *));
	cJSON_ArrayForEach(p, points)
		b.point_ids[i++] = xstrdup(p->valuestring);
	model_add_belt(L->m, &b);
}

/*
 * "YYYY" or "YYYY-H1": the year, and whether it is the mid-year check;
 * 0 when it is neither.
 */
static int
period_code(const char *s, int *h1)
{
	size_t n = strlen(s);
	int y;

	if ((n != 4 && n != 7) || digits(s, 4) < 0 ||
	    (n == 7 && strcmp(s + 4, "-H1")))
		return 0;
	y = digits(s, 4);
	if (y < 1900 || y > 2100)
		return 0;
	*h1 = n == 7;
	return y;
}

static void
indicator_record(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	struct model_indicator ind;
	struct buf key = BUF_INIT;
	const cJSON *value, *target, *period;
	const char *name, *label, *unit, *region;
	int year, added, pyear = 0, h1 = 0;

	if (!is_record(&r, rec))
		return;
	/* A period may stand for the year; given both, they must agree. */
	period = member(rec, "period");
	if (period && (!cJSON_IsString(period) ||
		       !(pyear = period_code(period->valuestring, &h1))))
		rec_err(&r, period, "\"period\" must be a year \"YYYY\" or "
			"its first half \"YYYY-H1\"");
	year = get_year(&r, rec, "year", "year", !period);
	if (pyear && year && year != pyear)
		rec_err(&r, period, "\"period\" %s is not in \"year\" %d",
			period->valuestring, year);
	if (pyear)
		year = pyear;
	name = get_str(&r, rec, "indicator", "indicator", 1);
	value = get_member(&r, rec, "value", "value", 1);
	if (value && !cJSON_IsNumber(value))
		rec_err(&r, value, "\"value\" must be a number");
	target = member(rec, "target");
	if (target && !cJSON_IsNumber(target))
		rec_err(&r, target, "\"target\" must be a number");
	label = get_str(&r, rec, "label", "label", 0);
	unit = get_str(&r, rec, "unit", "unit", 0);
	region = get_str(&r, rec, "region", "region", 0);
	if (r.bad)
		return;
	buf_addf(&key, "%d\x1f%s\x1f%d\x1f%s", year, name, h1,
		 region ? region : "");
	strmap_intern(&L->indicator_keys, key.ptr, &added);
	buf_release(&key);
	if (!added) {
		if (region)
			rec_err(&r, rec, "duplicate indicator \"%s\" for %d%s "
				"in region \"%s\"", name, year,
				h1 ? "-H1" : "", region);
		else
			rec_err(&r, rec, "duplicate indicator \"%s\" for %s %d%s",
				name, h1 ? "period" : "year", year,
				h1 ? "-H1" : "");
		return;
	}
	if (region || h1) {
		/* A committee's target or a mid-year check (target.h). */
		struct target t;

		memset(&t, 0, sizeof(t));
		t.year = year;
		t.h1 = h1;
		t.region = xstrdup(region ? region : "");
		t.key = xstrdup(name);
		t.label = dup_or_null(label);
		t.unit = dup_or_null(unit);
		t.value = value->valuedouble;
		if (target) {
			t.has_target = 1;
			t.target = target->valuedouble;
		}
		targets_add(L->m->targets, &t);
		return;
	}
	memset(&ind, 0, sizeof(ind));
	ind.year = year;
	ind.key = xstrdup(name);
	ind.label = dup_or_null(label);
	ind.unit = dup_or_null(unit);
	ind.value = value->valuedouble;
	if (target) {
		ind.has_target = 1;
		ind.target = target->valuedouble;
	}
	model_add_indicator(L->m, &ind);
}

/* --- venues and honours. --- */

static void
venue_record(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	struct venue v;
	struct buf path = BUF_INIT;
	const char *id, *name, *region;
	const cJSON *six, *orgs, *p;
	unsigned points = 0;
	int kind, added = 1, i;
	size_t k = 0;

	if (!is_record(&r, rec))
		return;
	id = get_str(&r, rec, "id", "id", 1);
	name = get_str(&r, rec, "name", "name", 1);
	kind = get_enum(&r, rec, "kind", "kind", venue_kind_keys, VENUE_NKINDS,
			1, 0);
	region = get_str(&r, rec, "region", "region", 1);
	six = get_object(&r, rec, "six", "six", 1);
	for (i = 0; six && i < VENUE_POINTS; i++) {
		const cJSON *it;

		buf_reset(&path);
		buf_addf(&path, "six.%s", venue_point_keys[i]);
		it = get_member(&r, six, venue_point_keys[i], path.ptr, 1);
		if (it && !cJSON_IsBool(it))
			rec_err(&r, it, "\"%s\" must be true or false",
				path.ptr);
		else if (cJSON_IsTrue(it))
			points |= 1u << i;
	}
	buf_release(&path);
	orgs = member(rec, "orgs");
	if (orgs && !cJSON_IsArray(orgs)) {
		rec_err(&r, orgs, "\"orgs\" must be an array of "
			"organisation ids");
		orgs = NULL;
	}
	cJSON_ArrayForEach(p, orgs) {
		if (!cJSON_IsString(p) || !p->valuestring[0])
			rec_err(&r, p, "\"orgs\" must be an array of "
				"organisation ids");
		else
			add_ref(L, doc, p, p->valuestring, 0);
	}
	if (id) {
		strmap_intern(&L->venue_ids, id, &added);
		if (!added)
			rec_err(&r, member(rec, "id"), "duplicate id \"%s\"",
				id);
	}
	if (r.bad)
		return;
	memset(&v, 0, sizeof(v));
	v.id = xstrdup(id);
	v.name = xstrdup(name);
	v.kind = (enum venue_kind)kind;
	v.region = xstrdup(region);
	v.points = points;
	v.norgs = (size_t)cJSON_GetArraySize(orgs);
	v.org_ids = xcalloc(v.norgs ? v.norgs : 1, sizeof(char *));
	cJSON_ArrayForEach(p, orgs)
		v.org_ids[k++] = xstrdup(p->valuestring);
	venues_add(L->m->venues, &v);
}

static void
honour_record(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	struct honour h;
	struct buf key = BUF_INIT;
	const char *org;
	int kind, year, level, added;

	if (!is_record(&r, rec))
		return;
	org = get_str(&r, rec, "org", "org", 1);
	kind = get_enum(&r, rec, "honour", "honour", honour_kind_keys,
			HONOUR_NKINDS, 1, 0);
	year = get_year(&r, rec, "year", "year", 1);
	level = get_enum(&r, rec, "level", "level", demo_names, 3, 0, -1) + 1;
	if (org)
		add_ref(L, doc, member(rec, "org"), org, 0);
	if (r.bad)
		return;
	buf_addf(&key, "%s\x1f%d\x1f%d", org, kind, year);
	strmap_intern(&L->honour_keys, key.ptr, &added);
	buf_release(&key);
	if (!added) {
		rec_err(&r, rec, "duplicate honour \"%s\" of \"%s\" in %d",
			honour_kind_keys[kind], org, year);
		return;
	}
	memset(&h, 0, sizeof(h));
	h.org_id = xstrdup(org);
	h.kind = (enum honour_kind)kind;
	h.year = year;
	h.level = (enum model_demo)level;
	honours_add(L->m->honours, &h);
}

/* --- assessments. --- */

static void
pairset_add(struct pairset *p, uint32_t org, int round)
{
	uint64_t key = ((uint64_t)org + 1) << 32 | (uint32_t)round;
	size_t j;

	if ((p->n + 1) * 2 > p->cap) {
		uint64_t *old = p->slots;
		size_t i, ocap = p->cap;

		p->cap = p->cap ? p->cap * 2 : 64;
		p->slots = xcalloc(p->cap, sizeof(*p->slots));
		for (i = 0; i < ocap; i++) {
			if (!old[i])
				continue;
			for (j = fnv1a64(FNV_OFFSET, &old[i], 8) & (p->cap - 1);
			     p->slots[j]; j = (j + 1) & (p->cap - 1))
				;
			p->slots[j] = old[i];
		}
		free(old);
	}
	for (j = fnv1a64(FNV_OFFSET, &key, 8) & (p->cap - 1);
	     p->slots[j] && p->slots[j] != key; j = (j + 1) & (p->cap - 1))
		;
	if (!p->slots[j]) {
		p->slots[j] = key;
		p->n++;
	}
}

static int
pairset_has(const struct pairset *p, uint32_t org, int round)
{
	uint64_t key = ((uint64_t)org + 1) << 32 | (uint32_t)round;
	size_t j;

	if (!p->cap)
		return 0;
	for (j = fnv1a64(FNV_OFFSET, &key, 8) & (p->cap - 1); p->slots[j];
	     j = (j + 1) & (p->cap - 1))
		if (p->slots[j] == key)
			return 1;
	return 0;
}

/* "scores.self" and "scores.self.leadership" ..., made once per load. */
static void
score_paths_init(struct loader *L)
{
	int i, k;

	for (i = 0; i < MODEL_RATERS; i++) {
		for (k = 0; k < MODEL_DIMS; k++)
			L->score_paths[i][k] = xasprintf("scores.%s.%s",
				model_rater_keys[i], model_dim_keys[k]);
		L->score_paths[i][MODEL_DIMS] = xasprintf("scores.%s",
			model_rater_keys[i]);
	}
}

/*
 * Check one assessment record; 0 with its organisation, round code and
 * scores, or -1 (errors reported).
 */
static int
assessment_read(struct rec *r, cJSON *rec, const char **org, int *code,
		double dims[MODEL_RATERS][MODEL_DIMS])
{
	struct loader *L = r->L;
	const cJSON *scores;
	const char *round;
	int i, k;

	*code = 0;
	if (!is_record(r, rec))
		return -1;
	*org = get_str(r, rec, "org", "org", 1);
	if (get_member(r, rec, "round", "round", 1)) {
		const cJSON *it = member(rec, "round");

		round = cJSON_IsString(it) ? it->valuestring : "";
		if (!(*code = round_code(round)))
			rec_err(r, it, "\"round\" must be \"YYYY-05\" or "
				"\"YYYY-11\"");
	}
	scores = get_object(r, rec, "scores", "scores", 1);
	for (i = 0; scores && i < MODEL_RATERS; i++) {
		const cJSON *rater;

		rater = get_object(r, scores, model_rater_keys[i],
				   L->score_paths[i][MODEL_DIMS], 1);
		for (k = 0; rater && k < MODEL_DIMS; k++) {
			const char *path = L->score_paths[i][k];
			const cJSON *v;
			double max = L->cfg->dim_max[k];

			v = get_member(r, rater, model_dim_keys[k], path, 1);
			if (!v)
				continue;
			if (!cJSON_IsNumber(v) || v->valuedouble < 0 ||
			    v->valuedouble > max) {
				rec_err(r, v, "\"%s\" must be a number from 0 "
					"to %g", path, max);
				continue;
			}
			dims[i][k] = v->valuedouble;
		}
	}
	return r->bad ? -1 : 0;
}

/* Count an assessment's tier in its round. */
static void
tally(struct loader *L, int round, enum model_tier tier)
{
	size_t j;

	for (j = 0; j < L->ntallies && L->tallies[j].round != round; j++)
		;
	if (j == L->ntallies) {
		L->tallies = xgrow(L->tallies, &L->tallies_cap, j + 1,
				   sizeof(*L->tallies));
		memset(&L->tallies[j], 0, sizeof(*L->tallies));
		L->tallies[L->ntallies++].round = round;
	}
	L->tallies[j].tiers[tier]++;
}

/*
 * Each record is folded into its organisation's asum as it comes: only
 * the latest two rounds are kept, so memory grows with the organisations
 * assessed, not with the records. A second record of one organisation in
 * one round is an error (the first in the file counts).
 */
static void
assessment_record(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	double dims[MODEL_RATERS][MODEL_DIMS] = { { 0 } };
	const char *org = NULL;
	struct asum *s;
	double score;
	uint32_t id;
	int code, added, i, k;

	if (assessment_read(&r, rec, &org, &code, dims) < 0) {
		/* Its organisation is still checked. */
		if (org)
			add_ref(L, doc, member(rec, "org"), org, 1);
		return;
	}
	id = (uint32_t)strmap_intern(&L->assessed, org, &added);
	if (added) {
		L->asums = xgrow(L->asums, &L->asums_cap, id + 1,
				 sizeof(*L->asums));
		memset(&L->asums[id], 0, sizeof(*L->asums));
	}
	s = &L->asums[id];
	if (code == s->round || code == s->round2 ||
	    pairset_has(&L->older, id, code)) {
		char *rt = round_text(code);

		json_pos(doc, member(rec, "org"), &i, &k);
		diag_error(L->d, L->file, i, k, "duplicate assessment of \"%s\" "
			   "in round \"%s\"", org, rt);
		free(rt);
		return;
	}
	score = model_score(L->cfg, dims);
	tally(L, code, model_tier(L->cfg, score));
	if (code > s->round2 && s->round2)
		pairset_add(&L->older, id, s->round2);
	if (code > s->round) {
		s->round2 = s->round;
		s->score2 = s->score;
		s->round = code;
		s->score = score;
		for (k = 0; k < MODEL_DIMS; k++) {
			double w = 0;

			for (i = 0; i < MODEL_RATERS; i++)
				w += L->cfg->weight[i] * dims[i][k];
			s->dims[k] = (uint16_t)lround(w * 100);
		}
	} else if (code > s->round2) {
		s->round2 = code;
		s->score2 = score;
	} else {
		pairset_add(&L->older, id, code);
	}
}

/*
 * The second reading, when some assessed organisation is not among the
 * organisations: each of its records (the first of a round) is reported
 * where it stands. Other errors were reported by the first reading.
 */
static void
assessment_unknown(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	double dims[MODEL_RATERS][MODEL_DIMS] = { { 0 } };
	const char *org = NULL;
	long id;
	int code, line, col;

	if (assessment_read(&r, rec, &org, &code, dims) < 0 ||
	    (id = strmap_find(&L->assessed, org)) < 0 || L->asums[id].found)
		return;
	/* Pairs seen by this reading go in with the round negated: a
	 * duplicate was reported as such. */
	if (pairset_has(&L->older, (uint32_t)id, -code))
		return;
	pairset_add(&L->older, (uint32_t)id, -code);
	json_pos(doc, member(rec, "org"), &line, &col);
	diag_error(L->unknown_d, L->files[DATA_ASSESSMENTS], line, col,
		   "unknown organisation \"%s\"", org);
}

static int
tally_cmp(const void *pa, const void *pb)
{
	const struct rtally *a = pa, *b = pb;

	return (a->round > b->round) - (a->round < b->round);
}

/* The last two rounds of the data, and the tier counts of every round. */
static void
finish_assessments(struct loader *L)
{
	size_t i;

	if (L->ntallies)
		qsort(L->tallies, L->ntallies, sizeof(*L->tallies), tally_cmp);
	for (i = 0; i < L->ntallies; i++) {
		char *t = round_text(L->tallies[i].round);

		assess_add_round(L->m->assess, t, L->tallies[i].tiers);
		free(t);
	}
	if (L->ntallies)
		L->round = L->tallies[L->ntallies - 1].round;
	if (L->ntallies > 1)
		L->prev_round = L->tallies[L->ntallies - 2].round;
	{
		char *r = round_text(L->round), *p = round_text(L->prev_round);

		model_set_rounds(L->m, r, p);
		free(r);
		free(p);
	}
}

/*
 * What an organisation shows of its assessments: the tier of its latest
 * round, and its movement since the previous round of the data.
 */
static void
asum_show(const struct loader *L, const struct asum *s, struct model_org *o)
{
	const struct model_config *cfg = L->cfg;
	int k;

	o->round = round_text(s->round);
	o->score = s->score;
	o->tier = model_tier(cfg, s->score);
	o->stars = model_stars(cfg, s->score);
	o->prev_tier = MODEL_TIER_NONE;
	o->prev_score = 0;
	if (L->prev_round && s->round == L->prev_round) {
		o->prev_score = s->score;
		o->prev_tier = model_tier(cfg, s->score);
	} else if (L->prev_round && s->round2 == L->prev_round) {
		o->prev_score = s->score2;
		o->prev_tier = model_tier(cfg, s->score2);
	}
	if (!L->prev_round || s->round != L->round)
		o->move = MODEL_MOVE_NONE;
	else if (o->prev_tier == MODEL_TIER_NONE)
		o->move = MODEL_MOVE_NEW;
	else if (o->tier > o->prev_tier)
		o->move = MODEL_MOVE_UP;
	else if (o->tier < o->prev_tier)
		o->move = MODEL_MOVE_DOWN;
	else
		o->move = MODEL_MOVE_SAME;
	for (k = 0; k < MODEL_DIMS; k++)
		o->dims[k] = s->dims[k] / 100.0;
}

/* --- organizations. --- */

/* Read one organisation into o (strings borrowed from rec). 0 or -1. */
static int
read_org(struct rec *r, const cJSON *rec, struct model_org *o)
{
	const cJSON *org, *demo;
	const char *s;

	memset(o, 0, sizeof(*o));
	o->tier = o->prev_tier = MODEL_TIER_NONE;
	if (!is_record(r, rec))
		return -1;
	o->id = (char *)get_str(r, rec, "id", "id", 1);
	o->name = (char *)get_str(r, rec, "name", "name", 1);
	o->kind = get_enum(r, rec, "kind", "kind", kind_names, 2, 1, 0);
	o->region = (char *)get_str(r, rec, "region", "region", 1);
	o->industry = (char *)get_str(r, rec, "industry", "industry", 0);
	o->above_scale = get_bool(r, rec, "above_scale", "above_scale");
	o->staff = get_count(r, rec, "staff", "staff");
	o->members = get_count(r, rec, "members", "members");
	o->instructor = get_bool(r, rec, "instructor", "instructor");
	o->form = MODEL_FORM_NONE;
	org = get_object(r, rec, "org", "org", 1);
	if (org) {
		o->form = get_enum(r, org, "form", "org.form", form_names, 4, 1,
				   MODEL_FORM_NONE);
		o->level = get_enum(r, org, "level", "org.level", level_names,
				    3, 0, -1) + 1;
		o->joint_id = (char *)get_str(r, org, "joint_id",
					      "org.joint_id", 0);
		if (o->form == MODEL_FORM_JOINT && !o->joint_id &&
		    !member(org, "joint_id"))
			rec_err(r, member(rec, "org"), "\"org.joint_id\" is "
				"required when \"org.form\" is \"joint\"");
		else if (o->form == MODEL_FORM_JOINT && !o->joint_id &&
			 cJSON_IsString(member(org, "joint_id")))
			rec_err(r, member(org, "joint_id"), "\"org.joint_id\" "
				"must be a non-empty string");
		if (o->form != MODEL_FORM_JOINT)
			o->joint_id = NULL;
		s = get_str(r, org, "since", "org.since", 0);
		if (s && !date_shaped(s))
			rec_err(r, member(org, "since"), "\"org.since\" must "
				"be a date written YYYY-MM-DD");
		else if (s && !real_date(s))
			rec_err(r, member(org, "since"), "\"org.since\" must "
				"be a real date: %s does not exist", s);
		else
			o->since = (char *)s;
	}
	demo = get_object(r, rec, "demo", "demo", 0);
	if (demo) {
		o->demo = get_enum(r, demo, "level", "demo.level", demo_names,
				   3, 1, -1) + 1;
		o->demo_since = get_year(r, demo, "since", "demo.since", 0);
	}
	o->brand = (char *)get_str(r, rec, "brand", "brand", 0);
	if (o->brand && !r->L->partial[DATA_BRANDS] &&
	    strmap_find(&r->L->brand_ids, o->brand) < 0)
		rec_err(r, member(rec, "brand"), "unknown brand \"%s\"",
			o->brand);
	return r->bad ? -1 : 0;
}

static struct jgroup *
jgroup(struct loader *L, const char *joint_id)
{
	int added;
	size_t i = strmap_intern(&L->joints, joint_id, &added);

	if (added) {
		L->jgroups = xgrow(L->jgroups, &L->jgroups_cap, i + 1,
				   sizeof(*L->jgroups));
		memset(&L->jgroups[i], 0, sizeof(L->jgroups[i]));
	}
	return &L->jgroups[i];
}

static void
keep(struct loader *L, struct model_org *o)
{
	int added;

	strmap_intern(&L->kept, o->id, &added);
	if (added)
		model_keep_org(L->m, o);
}

static void
org_record(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	struct model_org o;
	long ai;
	int added = 1, ok;

	ok = read_org(&r, rec, &o) == 0;
	if (o.id) {
		/* Even a bad record's id counts, so that references to it
		 * and later duplicates are reported right. */
		strmap_intern(&L->org_ids, o.id, &added);
		if (!added) {
			rec_err(&r, member(rec, "id"), "duplicate id \"%s\"",
				o.id);
			return;
		}
	}
	ai = o.id ? strmap_find(&L->assessed, o.id) : -1;
	if (ai >= 0)
		L->asums[ai].found = 1;
	if (!ok)
		return;
	o.rules = model_add_org(L->m, &o);
	if (o.form == MODEL_FORM_JOINT) {
		struct jgroup *g = jgroup(L, o.joint_id);

		g->units++;
		g->flagged += o.rules != 0;
		if (g->level == MODEL_LEVEL_NONE)
			g->level = o.level;
	}
	if (ai >= 0) {
		asum_show(L, &L->asums[ai], &o);
		model_add_assessed(L->m, o.tier, o.stars, o.move, o.prev_tier);
		assess_add_org(L->m->assess, &o);
	}
	if ((ai >= 0 && (L->flags & DATA_KEEP_ASSESSED)) ||
	    o.demo != MODEL_DEMO_NONE || o.brand ||
	    strmap_find(&L->wanted, o.id) >= 0 ||
	    (o.rules && (L->flags & DATA_KEEP_NONCOMPLIANT)))
		keep(L, &o);
	free(o.round);
}

/* Report mode: the units of too-big joint organisations not yet kept. */
static void
org_record_pass2(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct rec r = { L, doc, 0 };
	struct model_org o;
	long gi;

	if (read_org(&r, rec, &o) < 0 || o.form != MODEL_FORM_JOINT ||
	    strmap_find(&L->kept, o.id) >= 0)
		return;
	gi = strmap_find(&L->joints, o.joint_id);
	if (gi < 0 || !L->jgroups[gi].too_big)
		return;
	o.rules = model_unit_rules(L->cfg, &o) | MODEL_RULE_JOINT_SIZE;
	keep(L, &o);
}

/* --- Reading files. --- */

static void
dispatch(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	if (L->private_fn) {
		L->fn(L, doc, rec);
		return;
	}
	if (cJSON_IsObject(rec))
		drop_private(L->priv, L->export, rec);
	L->fn(L, doc, rec);
}

static int
each_elem(void *arg, const struct json_doc *elem)
{
	struct loader *L = arg;

	dispatch(L, elem, elem->root);
	return 0;
}

static int
read_json(struct loader *L, const char *path)
{
	struct src s;
	int rc = -1;

	if (src_load(&s, path, L->file, SRC_DATA, L->d) < 0)
		goto out;
	rc = json_array_each(&s, each_elem, L, L->d);
out:
	src_release(&s);
	return rc;
}

/*
 * One line at a time, so memory does not grow with the file. Each line
 * is parsed as a source of its own; json_parse_line() puts its positions
 * back on the line of the file.
 */
static int
read_jsonl(struct loader *L, const char *path)
{
	FILE *fp = fopen(path, "r");
	struct buf why = BUF_INIT;
	char *line = NULL;
	size_t cap = 0, zero = 0;
	ssize_t got;
	int lineno = 0, rc = 0;

	if (!fp) {
		diag_error(L->d, L->file, 0, 0, "cannot read file: %s",
			   strerror(errno));
		return -1;
	}
	while ((got = getline(&line, &cap, fp)) >= 0) {
		size_t len = (size_t)got, ok, i;
		char *text = line;
		struct json_doc doc;
		struct src ls;

		lineno++;
		if (len && text[len - 1] == '\n')
			len--;
		if (len && text[len - 1] == '\r')
			len--;
		if (lineno == 1 && len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
			text += 3;
			len -= 3;
		}
		for (i = 0; i < len; i++)
			if (!text[i] || !strchr(" \t\r", text[i]))
				break;
		if (i == len)
			continue;
		ok = utf8_check_text(text, len, &why);
		if (ok < len) {
			diag_error(L->d, L->file, lineno,
				   (int)utf8_count(text, ok) + 1, "%s", why.ptr);
			rc = -1;
			break;
		}
		text[len] = '\0';
		/* A source over the line itself: nothing here is freed. */
		memset(&ls, 0, sizeof(ls));
		ls.path = L->file;
		ls.text.ptr = text;
		ls.text.len = len;
		ls.text.cap = len + 1;
		ls.lines = &zero;
		ls.nlines = 1;
		if (json_parse_line(&doc, &ls, lineno, L->d) == 0)
			dispatch(L, &doc, doc.root);
		else
			rc = -1;
		json_release(&doc);
		/*
		 * The first syntax error of a file is the one to fix: a
		 * damaged export would otherwise report every line after.
		 */
		if (doc.syntax)
			break;
	}
	if (ferror(fp)) {
		diag_error(L->d, L->file, 0, 0, "cannot read file: %s",
			   strerror(errno));
		rc = -1;
	}
	buf_release(&why);
	free(line);
	fclose(fp);
	return rc;
}

/* Read export e with fn; a missing export is no error. */
static int
read_export(struct loader *L, int e, record_fn fn)
{
	struct buf json = BUF_INIT, jsonl = BUF_INIT, show = BUF_INIT;
	int has_json, has_jsonl, rc = 0;

	buf_addf(&json, "%s/content/data/%s.json", L->site_dir,
		 data_export_names[e]);
	buf_addf(&jsonl, "%sl", json.ptr);
	has_json = file_exists(json.ptr);
	has_jsonl = file_exists(jsonl.ptr);
	buf_addf(&show, "content/data/%s.json%s", data_export_names[e],
		 has_jsonl && !has_json ? "l" : "");
	free(L->files[e]);
	L->files[e] = xstrdup(show.ptr);
	L->file = L->files[e];
	L->export = e;
	L->fn = fn;
	if (has_json && has_jsonl) {
		diag_error(L->d, L->file, 0, 0, "both \"%s.json\" and "
			   "\"%s.jsonl\" exist; keep one",
			   data_export_names[e], data_export_names[e]);
		rc = -1;
	} else if (has_json) {
		rc = read_json(L, json.ptr);
	} else if (has_jsonl) {
		rc = read_jsonl(L, jsonl.ptr);
	}
	L->partial[e] = rc < 0;
	buf_release(&json);
	buf_release(&jsonl);
	buf_release(&show);
	return rc;
}

static void
loader_init(struct loader *L, struct model *m, const char *site_dir,
	    const struct model_config *cfg, const struct data_private *priv,
	    unsigned flags, struct diag *d)
{
	memset(L, 0, sizeof(*L));
	L->m = m;
	L->cfg = cfg;
	L->priv = priv;
	L->flags = flags;
	L->d = d;
	L->site_dir = site_dir;
	score_paths_init(L);
}

static void
loader_release(struct loader *L)
{
	size_t i;
	int r, k;

	for (i = 0; i < DATA_NEXPORTS; i++)
		free(L->files[i]);
	strmap_release(&L->brand_ids);
	strmap_release(&L->belt_ids);
	strmap_release(&L->indicator_keys);
	strmap_release(&L->venue_ids);
	strmap_release(&L->honour_keys);
	strmap_release(&L->wanted);
	for (i = 0; i < L->nrefs; i++)
		free(L->refs[i].id);
	free(L->refs);
	strmap_release(&L->assessed);
	free(L->asums);
	free(L->older.slots);
	free(L->tallies);
	for (r = 0; r < MODEL_RATERS; r++)
		for (k = 0; k <= MODEL_DIMS; k++)
			free(L->score_paths[r][k]);
	strmap_release(&L->org_ids);
	strmap_release(&L->kept);
	strmap_release(&L->joints);
	free(L->jgroups);
}

/* After the organisations: joint sizes and unknown references. */
static void
finish_orgs(struct loader *L)
{
	struct model *m = L->m;
	size_t i;

	for (i = 0; i < L->joints.n; i++) {
		struct jgroup *g = &L->jgroups[i];

		g->too_big = model_joint_too_big(L->cfg, g->units);
		L->any_too_big |= g->too_big;
		model_add_joint(m, g->units, g->flagged, g->level);
	}
	for (i = 0; i < m->norgs; i++) {
		struct model_org *o = &m->orgs[i];
		long gi;

		if (o->form != MODEL_FORM_JOINT)
			continue;
		gi = strmap_find(&L->joints, o->joint_id);
		if (gi >= 0 && L->jgroups[gi].too_big)
			o->rules |= MODEL_RULE_JOINT_SIZE;
	}
	if (L->any_too_big && (L->flags & DATA_KEEP_NONCOMPLIANT)) {
		struct diag *scratch = diag_new(), *d = L->d;

		/* Errors were all reported by the first reading. */
		L->d = scratch;
		read_export(L, DATA_ORGANIZATIONS, org_record_pass2);
		L->d = d;
		diag_free(scratch);
	}
	if (L->partial[DATA_ORGANIZATIONS])
		return;
	for (i = 0; i < L->assessed.n && L->asums[i].found; i++)
		;
	if (i < L->assessed.n) {
		struct diag *scratch = diag_new();

		/* Other errors were all reported by the first reading. */
		L->unknown_d = L->d;
		L->d = scratch;
		read_export(L, DATA_ASSESSMENTS, assessment_unknown);
		L->d = L->unknown_d;
		diag_free(scratch);
	}
	for (i = 0; i < L->nrefs; i++) {
		const struct ref *f = &L->refs[i];

		if (strmap_find(&L->org_ids, f->id) < 0)
			diag_error(L->d, f->file, f->line, f->col,
				   "unknown organisation \"%s\"", f->id);
	}
}

int
data_load(struct model *m, const char *site_dir,
	  const struct model_config *cfg, const struct data_private *priv,
	  unsigned flags, struct diag *d)
{
	struct model_config defaults;
	struct loader L;
	size_t errors = diag_errors(d);

	if (!cfg) {
		model_config_init(&defaults);
		cfg = &defaults;
	}
	model_init(m, cfg);
	loader_init(&L, m, site_dir, &m->cfg, priv, flags, d);
	read_export(&L, DATA_BRANDS, brand_record);
	read_export(&L, DATA_BELTS, belt_record);
	read_export(&L, DATA_INDICATORS, indicator_record);
	read_export(&L, DATA_VENUES, venue_record);
	read_export(&L, DATA_HONOURS, honour_record);
	read_export(&L, DATA_ASSESSMENTS, assessment_record);
	finish_assessments(&L);
	read_export(&L, DATA_ORGANIZATIONS, org_record);
	finish_orgs(&L);
	m->noncompliant_complete = (flags & DATA_KEEP_NONCOMPLIANT) != 0;
	loader_release(&L);
	model_finish(m);
	return diag_errors(d) > errors ? -1 : 0;
}

int
data_load_site(struct model *m, const char *site_dir,
	       const struct json_doc *site_json, unsigned flags,
	       struct diag *d)
{
	const cJSON *root = site_json ? site_json->root : NULL;
	struct model_config cfg;
	struct data_private priv;
	int rc = 0;

	model_config_init(&cfg);
	data_private_init(&priv);
	if (cJSON_IsObject(root)) {
		if (model_config_read(&cfg, site_json,
				      cJSON_GetObjectItemCaseSensitive(root,
								       "rules"),
				      d) < 0)
			rc = -1;
		if (data_private_read(&priv, site_json,
				      cJSON_GetObjectItemCaseSensitive(root,
								       "private"),
				      d) < 0)
			rc = -1;
	}
	if (data_load(m, site_dir, &cfg, &priv, flags, d) < 0)
		rc = -1;
	data_private_release(&priv);
	return rc;
}

/* --- Private values, for the leak test. --- */

static void
emit_values(struct loader *L, const struct json_doc *doc, const char *field,
	    const cJSON *it)
{
	struct data_private_value v;
	const cJSON *c;
	struct buf b = BUF_INIT;

	if (cJSON_IsString(it) || cJSON_IsNumber(it)) {
		v.export = data_export_names[L->export];
		v.field = field;
		v.file = L->file;
		json_value_pos(doc, it, &v.line, &v.col);
		if (cJSON_IsString(it))
			v.value = it->valuestring;
		else if (json_number_text(doc, it, &b) == 0)
			v.value = b.ptr;
		else {
			buf_addf(&b, "%.17g", it->valuedouble);
			v.value = b.ptr;
		}
		L->private_fn(L->private_arg, &v);
	} else {
		/* name what is inside: "contact.phone", as site.json would */
		cJSON_ArrayForEach(c, it) {
			buf_reset(&b);
			buf_addstr(&b, field);
			if (cJSON_IsObject(it) && c->string)
				buf_addf(&b, ".%s", c->string);
			emit_values(L, doc, b.ptr, c);
		}
	}
	buf_release(&b);
}

static void
private_record(struct loader *L, const struct json_doc *doc, cJSON *rec)
{
	struct buf last = BUF_INIT;
	size_t i;

	for (i = 0; i < L->priv->nfields[L->export]; i++) {
		cJSON *parent = NULL;
		const char *field = L->priv->fields[L->export][i];
		const cJSON *it = path_get(rec, field, &parent, &last);

		if (it)
			emit_values(L, doc, field, it);
	}
	buf_release(&last);
}

int
data_private_values(const char *site_dir, const struct data_private *p,
		    data_private_fn fn, void *arg, struct diag *d)
{
	struct loader L;
	int e, rc = 0;

	loader_init(&L, NULL, site_dir, NULL, p, 0, d);
	L.private_fn = fn;
	L.private_arg = arg;
	for (e = 0; e < DATA_NEXPORTS; e++)
		if (p->nfields[e] && read_export(&L, e, private_record) < 0)
			rc = -1;
	loader_release(&L);
	return rc;
}
