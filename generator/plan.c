#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "content.h"
#include "diag.h"
#include "model.h"
#include "plan.h"
#include "routes.h"
#include "site.h"
#include "unicode.h"
#include "utf8.h"
#include "util.h"

static void
add(struct plan *p, size_t *cap, enum output_kind kind, char *path,
    size_t index, int pageno, int pages)
{
	struct output *o;

	p->outs = xgrow(p->outs, cap, p->n + 1, sizeof(*p->outs));
	o = &p->outs[p->n++];
	o->kind = kind;
	o->path = path;
	o->depth = routes_depth(path);
	o->root = routes_root(o->depth);
	o->index = index;
	o->pageno = pageno;
	o->pages = pages;
}

static void
add_list(struct plan *p, size_t *cap, enum output_kind kind,
	 const char *first, size_t index, size_t items, int per_page)
{
	int pages = items ? (int)((items + (size_t)per_page - 1) / (size_t)per_page) : 1;
	int i;

	for (i = 1; i <= pages; i++)
		add(p, cap, kind, routes_list_page(first, i), index, i, pages);
}

/* --- Names that become file names. --- */

/*
 * name fit to be quoted in a message: '"' and '\\' escaped, combining marks
 * too (\u0301), so that the NFC and NFD forms of one name look different;
 * cut after max bytes. diag.h escapes control characters.
 */
#define SHOW_NAME 60
static const char *
show(struct buf *b, const char *name, size_t max)
{
	size_t len = strlen(name), at = 0, n;
	uint32_t cp;

	buf_reset(b);
	while (at < len) {
		if (b->len >= max) {
			BUF_ADDLIT(b, "...");
			break;
		}
		n = utf8_decode(name + at, len - at, &cp);
		if (!n)
			n = 1;
		if (cp == '"' || cp == '\\')
			buf_addf(b, "\\%c", (int)cp);
		else if (uni_is_mark(cp))
			buf_addf(b, "\\u%04x", (unsigned)cp);
		else
			buf_add(b, name + at, n);
		at += n;
	}
	return b->ptr;
}

/* A name as an author or the data wrote it, and where. */
struct source {
	const char *what;  /* "slug", "tag" ...; NULL: a page of the site's own */
	const char *name;
	const char *file;
	int line, col;
};

static void
set_source(struct source *s, const char *what, const char *name,
	   const char *file, int line, int col)
{
	s->what = what;
	s->name = name;
	s->file = file ? file : "content";
	s->line = line;
	s->col = col;
}

/* A page's slug: front matter "slug", else its file name (at 1:1). */
static void
page_source(struct source *s, const struct page *pg)
{
	if (pg->front.slug)
		set_source(s, "slug", pg->slug, pg->file,
			   pg->front.pos_slug.vline, pg->front.pos_slug.vcol);
	else
		set_source(s, "file name", pg->slug, pg->file, 1, 1);
}

static void
record_source(struct source *s, const char *what, const char *id,
	      const struct model_at *at)
{
	set_source(s, what, id, at->file, at->line, at->col);
}

/* Report s where it was typed when it cannot name a file. Returns 0 when
 * it can. */
static int
name_ok(const struct source *s, struct diag *d)
{
	struct buf why = BUF_INIT, shown = BUF_INIT;
	int rc = routes_name_check(s->name, &why);

	show(&shown, s->name, SHOW_NAME);
	if (rc < 0 && !strcmp(s->what, "file name"))
		diag_error(d, s->file, s->line, s->col,
			   "file name \"%s\" cannot be a slug: %s; rename the file or set \"slug\"",
			   shown.ptr, why.ptr);
	else if (rc < 0)
		diag_error(d, s->file, s->line, s->col,
			   "%s \"%s\" cannot be a file name: %s", s->what,
			   shown.ptr, why.ptr);
	buf_release(&why);
	buf_release(&shown);
	return rc;
}

static int
name_valid(const char *name)
{
	struct buf why = BUF_INIT;
	int rc = routes_name_check(name, &why);

	buf_release(&why);
	return rc == 0;
}

/* Every name as typed, each use at its place: an author fixes them all. */
static int
check_names(const struct content *c, const struct model *m, struct diag *d)
{
	const struct page *lists[] = { c->cases, c->pages, c->bulletins, c->drafts };
	size_t counts[] = { c->ncases, c->npages, c->nbulletins, c->ndrafts };
	struct source s;
	size_t i, j, k;
	int rc = 0;

	for (k = 0; k < 4; k++)
		for (i = 0; i < counts[k]; i++) {
			const struct page *pg = &lists[k][i];
			const struct front *f = &pg->front;

			page_source(&s, pg);
			rc |= name_ok(&s, d);
			/* Only case studies are listed by tag and region. */
			if (pg->kind != PAGE_CASE)
				continue;
			for (j = 0; j < f->ntags; j++) {
				set_source(&s, "tag", f->tags[j], pg->file,
					   f->tags_at ? f->tags_at[j].vline : 0,
					   f->tags_at ? f->tags_at[j].vcol : 0);
				rc |= name_ok(&s, d);
			}
			if (f->region) {
				set_source(&s, "region", f->region, pg->file,
					   f->pos_region.vline, f->pos_region.vcol);
				rc |= name_ok(&s, d);
			}
		}
	for (i = 0; i < m->nbelts; i++) {
		record_source(&s, "belt id", m->belts[i].id, &m->belts[i].at);
		rc |= name_ok(&s, d);
	}
	for (i = 0; i < m->nbrands; i++) {
		record_source(&s, "brand id", m->brands[i].id, &m->brands[i].at);
		rc |= name_ok(&s, d);
	}
	return rc ? -1 : 0;
}

/* --- Two outputs, one file. --- */

/* What output o is made from; what is NULL for the site's own pages. */
static void
source_of(const struct output *o, const struct content *c,
	  const struct model *m, struct source *s)
{
	const struct content_term *t;

	memset(s, 0, sizeof(*s));
	switch (o->kind) {
	case OUT_CASE:
		page_source(s, &c->cases[o->index]);
		break;
	case OUT_PAGE:
		page_source(s, &c->pages[o->index]);
		break;
	case OUT_BULLETIN:
	case OUT_BULLETIN_PRINT:
		page_source(s, &c->bulletins[o->index]);
		break;
	case OUT_TAG_LIST:
		t = &c->tags[o->index];
		set_source(s, "tag", t->name, t->file, t->line, t->col);
		break;
	case OUT_REGION_LIST:
		t = &c->regions[o->index];
		set_source(s, "region", t->name, t->file, t->line, t->col);
		break;
	case OUT_BELT:
		record_source(s, "belt id", m->belts[o->index].id,
			      &m->belts[o->index].at);
		break;
	case OUT_BRAND:
		record_source(s, "brand id", m->brands[o->index].id,
			      &m->brands[o->index].at);
		break;
	default:
		break;
	}
}

/* A bulletin and its print document come from one name, as do the pages
 * of one list. */
static int
same_source(const struct output *a, const struct output *b)
{
	enum output_kind ka = a->kind == OUT_BULLETIN_PRINT ? OUT_BULLETIN : a->kind;
	enum output_kind kb = b->kind == OUT_BULLETIN_PRINT ? OUT_BULLETIN : b->kind;

	return ka == kb && a->index == b->index;
}

/* A file or folder of the output, and the output that makes it. */
struct entry {
	char *path;
	char *key;      /* uni_name_key() of path */
	int dir;
	size_t owner;   /* the first output of its source */
};

static int
entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (!c)
		c = strcmp(a->path, b->path);
	if (!c)
		c = a->dir - b->dir;
	if (!c)
		c = a->owner < b->owner ? -1 : a->owner > b->owner;
	return c;
}

static void
add_entry(struct entry **e, size_t *n, size_t *cap, const char *path,
	  size_t len, int dir, size_t owner)
{
	struct buf key = BUF_INIT;
	struct entry *x;

	*e = xgrow(*e, cap, *n + 1, sizeof(**e));
	x = &(*e)[(*n)++];
	x->path = xstrndup(path, len);
	uni_name_key(&key, path, len);
	x->key = buf_detach(&key, NULL);
	x->dir = dir;
	x->owner = owner;
}

/* "tag \"党建\" at content/cases/a.md:4:8", or the site's own page. */
static void
describe(struct buf *b, const struct source *s)
{
	struct buf shown = BUF_INIT;

	if (s->what)
		buf_addf(b, "%s \"%s\" at %s:%d:%d", s->what,
			 show(&shown, s->name, SHOW_NAME), s->file, s->line,
			 s->col);
	else
		BUF_ADDLIT(b, "the site itself");
	buf_release(&shown);
}

/* What an author does about it. */
static const char *
advice(const struct source *s)
{
	if (!strcmp(s->what, "file name"))
		return "rename the file or set \"slug\"";
	if (!strcmp(s->what, "slug"))
		return "choose another slug";
	if (!strcmp(s->what, "tag"))
		return "choose another tag";
	if (!strcmp(s->what, "region"))
		return "choose another region";
	return "choose another id";
}

/* Report that b makes what a already makes; a may be the site's own. */
static void
collide(const struct entry *ea, const struct source *a,
	const struct entry *eb, const struct source *b, struct diag *d)
{
	struct buf other = BUF_INIT, shown = BUF_INIT, pa = BUF_INIT,
		   pb = BUF_INIT;

	describe(&other, a);
	show(&shown, b->name, SHOW_NAME);
	show(&pa, ea->path, (size_t)-1);
	show(&pb, eb->path, (size_t)-1);
	if (strcmp(ea->path, eb->path))
		diag_error(d, b->file, b->line, b->col,
			   "%s \"%s\" makes \"%s\", the same name as \"%s\" of %s on file systems that ignore case or Unicode form (macOS, Windows, USB sticks); %s",
			   b->what, shown.ptr, pb.ptr, pa.ptr, other.ptr,
			   advice(b));
	else if (ea->dir != eb->dir)
		diag_error(d, b->file, b->line, b->col,
			   "%s \"%s\" makes the %s \"%s\", where %s makes a %s; %s",
			   b->what, shown.ptr, eb->dir ? "folder" : "page",
			   pb.ptr, other.ptr, ea->dir ? "folder" : "page",
			   advice(b));
	else if (a->what)
		diag_error(d, b->file, b->line, b->col,
			   "duplicate URL \"%s\": %s has it too", pb.ptr,
			   other.ptr);
	else
		diag_error(d, b->file, b->line, b->col,
			   "URL \"%s\" is taken by a page the site makes itself; %s",
			   pb.ptr, advice(b));
	buf_release(&other);
	buf_release(&shown);
	buf_release(&pa);
	buf_release(&pb);
}

/*
 * No two outputs may be one file, nor a file one folder: not by their
 * bytes, nor where a file system folds case or normalises (NFC, NFD), so
 * names are compared by uni_name_key(). With this, every file has one
 * writer and the build does not depend on which thread writes last.
 * Each pair of sources is reported once, at the one an author named.
 */
static int
check_unique(struct plan *p, const struct content *c, const struct model *m,
	     struct diag *d)
{
	struct entry *e = NULL;
	size_t *owner = xcalloc(p->n ? p->n : 1, sizeof(*owner));
	size_t (*seen)[2] = NULL;
	size_t n = 0, cap = 0, nseen = 0, seencap = 0, i, j, r = 0;
	int rc = 0;

	for (i = 0; i < p->n; i++) {
		const char *path = p->outs[i].path, *s;

		owner[i] = i && same_source(&p->outs[i - 1], &p->outs[i]) ?
			   owner[i - 1] : i;
		add_entry(&e, &n, &cap, path, strlen(path), 0, owner[i]);
		for (s = strchr(path, '/'); s; s = strchr(s + 1, '/'))
			add_entry(&e, &n, &cap, path, (size_t)(s - path), 1,
				  owner[i]);
	}
	xqsort(e, n, sizeof(*e), entry_cmp);
	for (i = 1; i < n; i++) {
		struct source sa, sb;
		const struct entry *ea, *eb;

		if (strcmp(e[i].key, e[r].key)) {
			r = i;
			continue;
		}
		/* One folder, made by many outputs. */
		if (e[i].dir && e[r].dir && !strcmp(e[i].path, e[r].path))
			continue;
		if (e[i].owner == e[r].owner)
			continue;
		for (j = 0; j < nseen; j++)
			if (seen[j][0] == e[r].owner && seen[j][1] == e[i].owner)
				break;
		if (j < nseen)
			continue;
		seen = xgrow(seen, &seencap, nseen + 1, sizeof(*seen));
		seen[nseen][0] = e[r].owner;
		seen[nseen++][1] = e[i].owner;
		ea = &e[r], eb = &e[i];
		source_of(&p->outs[ea->owner], c, m, &sa);
		source_of(&p->outs[eb->owner], c, m, &sb);
		if (!sb.what) {
			struct source st = sa;
			const struct entry *et = ea;

			sa = sb, ea = eb;
			sb = st, eb = et;
		}
		if (!sb.what) {
			/* Two pages of the site's own: a bug of this file. */
			diag_error(d, "content", 0, 0,
				   "the site makes \"%s\" twice", eb->path);
		} else {
			collide(ea, &sa, eb, &sb, d);
		}
		rc = -1;
	}
	for (i = 0; i < n; i++) {
		free(e[i].path);
		free(e[i].key);
	}
	free(e);
	free(seen);
	free(owner);
	return rc;
}

static void
add_dir(struct plan *p, size_t *cap, const char *path)
{
	char *dir = path_dir(path);
	size_t i;

	if (!strcmp(dir, ".")) {
		free(dir);
		return;
	}
	for (i = 0; i < p->ndirs; i++)
		if (!strcmp(p->dirs[i], dir))
			break;
	if (i < p->ndirs) {
		free(dir);
		return;
	}
	add_dir(p, cap, dir);
	p->dirs = xgrow(p->dirs, cap, p->ndirs + 1, sizeof(*p->dirs));
	p->dirs[p->ndirs++] = dir;
}

/* The list pages of a tag or region, unless its name cannot be a folder's. */
static void
add_terms(struct plan *p, size_t *cap, enum output_kind kind,
	  enum routes_term folder, const struct content_term *t, size_t index,
	  int per_page)
{
	char *first;

	if (!name_valid(t->name))
		return;
	first = routes_term(folder, t->name);
	add_list(p, cap, kind, first, index, t->npages, per_page);
	free(first);
}

size_t
plan_brand_cases(const struct content *c, const struct model_brand *b,
		 size_t *out)
{
	size_t i, n = 0;

	for (i = 0; i < c->ncases; i++) {
		const struct page *p = &c->cases[i];

		if ((p->front.brand && !strcmp(p->front.brand, b->id)) ||
		    (b->case_slug && !strcmp(p->slug, b->case_slug)) ||
		    (p->front.org && b->org_id && !strcmp(p->front.org, b->org_id))) {
			if (out)
				out[n] = i;
			n++;
		}
	}
	return n;
}

size_t
plan_belt_cases(const struct content *c, const struct model_belt *b,
		size_t *out)
{
	size_t i, k, n = 0;

	for (i = 0; i < c->ncases; i++) {
		const struct front *f = &c->cases[i].front;
		int on = f->belt && !strcmp(f->belt, b->id);

		for (k = 0; !on && f->org && k < b->npoints; k++)
			on = !strcmp(f->org, b->point_ids[k]);
		if (on) {
			if (out)
				out[n] = i;
			n++;
		}
	}
	return n;
}

int
plan_brochure_year(const struct model *m)
{
	return m ? model_latest_year(m) : 0;
}

int
plan_make(struct plan *p, const struct site *site, const struct content *c,
	  const struct model *m, struct diag *d)
{
	int last_year = -1, rc;
	size_t cap = 0, dcap = 0, i;

	memset(p, 0, sizeof(*p));
	/* A name that cannot be a file name has been reported: it gets no
	 * output, which would only add confusing collisions. */
	rc = check_names(c, m, d);
	add(p, &cap, OUT_HOME, xstrdup(ROUTES_HOME), 0, 1, 1);
	add(p, &cap, OUT_NOT_FOUND, xstrdup(ROUTES_NOT_FOUND), 0, 1, 1);
	if (*site->base_path)
		p->outs[p->n - 1].root = site->base_path;
	add(p, &cap, OUT_STATS, xstrdup(ROUTES_STATS), 0, 1, 1);
	add(p, &cap, OUT_SEARCH, xstrdup(ROUTES_SEARCH), 0, 1, 1);
	add_list(p, &cap, OUT_CASE_LIST, ROUTES_CASES, 0, c->ncases,
		 site->per_page);
	for (i = 0; i < c->ncases; i++)
		if (name_valid(c->cases[i].slug))
			add(p, &cap, OUT_CASE, xstrdup(c->cases[i].url), i, 1, 1);
	for (i = 0; i < c->npages; i++)
		if (name_valid(c->pages[i].slug))
			add(p, &cap, OUT_PAGE, xstrdup(c->pages[i].url), i, 1, 1);
	add(p, &cap, OUT_TAG_INDEX, xstrdup(ROUTES_TAGS), 0, 1, 1);
	add(p, &cap, OUT_REGION_INDEX, xstrdup(ROUTES_REGIONS), 0, 1, 1);
	for (i = 0; i < c->nregions; i++)
		add_terms(p, &cap, OUT_REGION_LIST, ROUTES_REGION, &c->regions[i], i,
			  site->per_page);
	add(p, &cap, OUT_BELT_INDEX, xstrdup(ROUTES_BELTS), 0, 1, 1);
	for (i = 0; i < m->nbelts; i++) {
		char *first;

		if (!name_valid(m->belts[i].id))
			continue;
		first = routes_term(ROUTES_BELT, m->belts[i].id);

		add_list(p, &cap, OUT_BELT, first, i,
			 plan_belt_cases(c, &m->belts[i], NULL),
			 site->per_page);
		free(first);
	}
	add(p, &cap, OUT_BRAND_INDEX, xstrdup(ROUTES_BRANDS), 0, 1, 1);
	for (i = 0; i < m->nbrands; i++) {
		char *first;

		if (!name_valid(m->brands[i].id))
			continue;
		first = routes_term(ROUTES_BRAND, m->brands[i].id);

		add_list(p, &cap, OUT_BRAND, first, i,
			 plan_brand_cases(c, &m->brands[i], NULL),
			 site->per_page);
		free(first);
	}
	add(p, &cap, OUT_SITES, xstrdup(ROUTES_SITES), 0, 1, 1);
	add(p, &cap, OUT_GOLD, xstrdup(ROUTES_GOLD), 0, 1, 1);
	/* Indicators are sorted by key, then year: collect the years. */
	for (int y = model_first_year(m); y && y <= model_latest_year(m); y++)
		if (model_has_year(m, y) && y != last_year) {
			add(p, &cap, OUT_YEAR, routes_year(y), (size_t)y, 1, 1);
			last_year = y;
		}
	add(p, &cap, OUT_BULLETIN_INDEX, xstrdup(ROUTES_BULLETINS), 0, 1, 1);
	for (i = 0; i < c->nbulletins; i++) {
		if (!name_valid(c->bulletins[i].slug))
			continue;
		add(p, &cap, OUT_BULLETIN, xstrdup(c->bulletins[i].url), i, 1, 1);
		add(p, &cap, OUT_BULLETIN_PRINT,
		    routes_print(c->bulletins[i].url), i, 1, 1);
	}
	if (plan_brochure_year(m)) {
		char *web = routes_brochure(plan_brochure_year(m));

		add(p, &cap, OUT_BROCHURE_PRINT, routes_print(web),
		    (size_t)plan_brochure_year(m), 1, 1);
		add(p, &cap, OUT_BROCHURE, web, (size_t)plan_brochure_year(m), 1, 1);
	}
	add(p, &cap, OUT_FEED, xstrdup(ROUTES_FEED), 0, 1, 1);
	add(p, &cap, OUT_SITEMAP, xstrdup(ROUTES_SITEMAP), 0, 1, 1);
	add(p, &cap, OUT_ROBOTS, xstrdup(ROUTES_ROBOTS), 0, 1, 1);
	add(p, &cap, OUT_SCREEN, xstrdup(ROUTES_SCREEN), 0, 1, 1);
	add(p, &cap, OUT_SCREEN_VERSION, xstrdup(ROUTES_SCREEN_VERSION), 0, 1,
	    1);
	for (i = 0; i < c->ntags; i++)
		add_terms(p, &cap, OUT_TAG_LIST, ROUTES_TAG, &c->tags[i], i,
			  site->per_page);
	/* Outputs of one folder follow each other: compare with the last
	 * folder first, so the linear search runs once per folder. */
	for (i = 0; i < p->n; i++) {
		char *dir = path_dir(p->outs[i].path);

		if (!p->ndirs || strcmp(dir, p->dirs[p->ndirs - 1]))
			add_dir(p, &dcap, p->outs[i].path);
		free(dir);
	}
	if (check_unique(p, c, m, d) < 0)
		rc = -1;
	return rc;
}

void
plan_release(struct plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		free(p->outs[i].path);
	free(p->outs);
	for (i = 0; i < p->ndirs; i++)
		free(p->dirs[i]);
	free(p->dirs);
	memset(p, 0, sizeof(*p));
}
