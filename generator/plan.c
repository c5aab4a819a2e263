#include <string.h>

#include "brochure.h"
#include "bulletin.h"
#include "content.h"
#include "diag.h"
#include "model.h"
#include "plan.h"
#include "site.h"
#include "util.h"

static const char *roots[] = {
	"", "../", "../../", "../../../", "../../../../",
};

const char *
plan_root(int depth)
{
	if (depth < 0)
		depth = 0;
	if (depth >= (int)(sizeof(roots) / sizeof(roots[0])))
		depth = (int)(sizeof(roots) / sizeof(roots[0])) - 1;
	return roots[depth];
}

int
plan_depth(const char *path)
{
	int n = 0;

	for (; *path; path++)
		n += *path == '/';
	return n;
}

char *
plan_list_path(const char *first, int pageno)
{
	const char *slash = strrchr(first, '/');
	size_t dirlen = slash ? (size_t)(slash - first) + 1 : 0;

	if (pageno <= 1)
		return xstrdup(first);
	return xasprintf("%.*spage-%d.html", (int)dirlen, first, pageno);
}

static void
add(struct plan *p, size_t *cap, enum output_kind kind, char *path,
    size_t index, int pageno, int pages)
{
	struct output *o;

	p->outs = xgrow(p->outs, cap, p->n + 1, sizeof(*p->outs));
	o = &p->outs[p->n++];
	o->kind = kind;
	o->path = path;
	o->depth = plan_depth(path);
	o->root = plan_root(o->depth);
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
		add(p, cap, kind, plan_list_path(first, i), index, i, pages);
}

struct owner {
	const char *path;
	size_t out;
};

static int
owner_cmp(const void *pa, const void *pb)
{
	const struct owner *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);

	if (c)
		return c;
	return a->out < b->out ? -1 : a->out > b->out;
}

/* The file an output comes from, for diagnostics. */
static const char *
source_of(const struct output *o, const struct content *c, int *line, int *col)
{
	const struct page *pg = NULL;

	*line = *col = 0;
	if (o->kind == OUT_CASE)
		pg = &c->cases[o->index];
	else if (o->kind == OUT_PAGE)
		pg = &c->pages[o->index];
	else if (o->kind == OUT_BULLETIN || o->kind == OUT_BULLETIN_PRINT)
		pg = &c->bulletins[o->index];
	if (!pg)
		return NULL;
	if (pg->front.pos_slug.line) {
		*line = pg->front.pos_slug.line;
		*col = pg->front.pos_slug.col;
	} else {
		*line = *col = 1;
	}
	return pg->file;
}

static int
check_unique(struct plan *p, const struct content *c, struct diag *d)
{
	struct owner *o = xcalloc(p->n, sizeof(*o));
	size_t i;
	int rc = 0;

	for (i = 0; i < p->n; i++) {
		o[i].path = p->outs[i].path;
		o[i].out = i;
	}
	xqsort(o, p->n, sizeof(*o), owner_cmp);
	for (i = 1; i < p->n; i++) {
		const char *first, *file;
		int l1, c1, line, col;

		if (strcmp(o[i].path, o[i - 1].path))
			continue;
		first = source_of(&p->outs[o[i - 1].out], c, &l1, &c1);
		file = source_of(&p->outs[o[i].out], c, &line, &col);
		if (!file) {
			file = first, line = l1, col = c1;
			first = NULL;
		}
		if (first)
			diag_error(d, file, line, col,
				   "duplicate URL \"%s\": %s has it too",
				   o[i].path, first);
		else
			diag_error(d, file ? file : "content", line, col,
				   "URL \"%s\" is taken by a page the site makes itself; choose another slug",
				   o[i].path);
		rc = -1;
	}
	free(o);
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

char *
plan_entity_path(const char *folder, const char *id)
{
	struct buf b = BUF_INIT;
	const char *s;

	buf_addf(&b, "%s/", folder);
	for (s = id; *s; s++)
		buf_addch(&b, *s == '/' || *s == '\\' ? '-' : *s);
	BUF_ADDLIT(&b, "/index.html");
	return buf_detach(&b, NULL);
}

size_t
plan_brand_cases(const struct content *c, const struct model_brand *b,
		 size_t *out)
{
	size_t i, n = 0;

	for (i = 0; i < c->ncases; i++) {
		const struct page *p = &c->cases[i];

		if ((p->front.brand && !strcmp(p->front.brand, b->id)) ||
		    (b->case_slug && !strcmp(p->slug, b->case_slug))) {
			if (out)
				out[n] = i;
			n++;
		}
	}
	return n;
}

char *
plan_year_path(int year)
{
	return xasprintf("stats/%d.html", year);
}

int
plan_make(struct plan *p, const struct site *site, const struct content *c,
	  const struct model *m, struct diag *d)
{
	int last_year = -1;
	size_t cap = 0, dcap = 0, i;

	memset(p, 0, sizeof(*p));
	add(p, &cap, OUT_HOME, xstrdup("index.html"), 0, 1, 1);
	add(p, &cap, OUT_NOT_FOUND, xstrdup("404.html"), 0, 1, 1);
	if (*site->base_path)
		p->outs[p->n - 1].root = site->base_path;
	add(p, &cap, OUT_STATS, xstrdup("stats.html"), 0, 1, 1);
	add(p, &cap, OUT_SEARCH, xstrdup("search.html"), 0, 1, 1);
	add_list(p, &cap, OUT_CASE_LIST, "cases/index.html", 0, c->ncases,
		 site->per_page);
	for (i = 0; i < c->ncases; i++)
		add(p, &cap, OUT_CASE, xstrdup(c->cases[i].url), i, 1, 1);
	for (i = 0; i < c->npages; i++)
		add(p, &cap, OUT_PAGE, xstrdup(c->pages[i].url), i, 1, 1);
	add(p, &cap, OUT_TAG_INDEX, xstrdup("tags/index.html"), 0, 1, 1);
	add(p, &cap, OUT_REGION_INDEX, xstrdup("regions/index.html"), 0, 1, 1);
	for (i = 0; i < c->nregions; i++)
		add_list(p, &cap, OUT_REGION_LIST, c->regions[i].url, i,
			 c->regions[i].npages, site->per_page);
	add(p, &cap, OUT_BELT_INDEX, xstrdup("belts/index.html"), 0, 1, 1);
	for (i = 0; i < m->nbelts; i++) {
		char *first = plan_entity_path("belts", m->belts[i].id);

		add_list(p, &cap, OUT_BELT, first, i,
			 content_cases_with(c, CONTENT_BELT, m->belts[i].id, NULL),
			 site->per_page);
		free(first);
	}
	add(p, &cap, OUT_BRAND_INDEX, xstrdup("brands/index.html"), 0, 1, 1);
	for (i = 0; i < m->nbrands; i++) {
		char *first = plan_entity_path("brands", m->brands[i].id);

		add_list(p, &cap, OUT_BRAND, first, i,
			 plan_brand_cases(c, &m->brands[i], NULL),
			 site->per_page);
		free(first);
	}
	add(p, &cap, OUT_SITES, xstrdup("sites.html"), 0, 1, 1);
	add(p, &cap, OUT_GOLD, xstrdup("gold.html"), 0, 1, 1);
	/* Indicators are sorted by key, then year: collect the years. */
	for (int y = model_first_year(m); y && y <= model_latest_year(m); y++)
		if (model_has_year(m, y) && y != last_year) {
			add(p, &cap, OUT_YEAR, plan_year_path(y), (size_t)y, 1, 1);
			last_year = y;
		}
	add(p, &cap, OUT_BULLETIN_INDEX, xstrdup("bulletins/index.html"), 0, 1, 1);
	for (i = 0; i < c->nbulletins; i++) {
		add(p, &cap, OUT_BULLETIN, xstrdup(c->bulletins[i].url), i, 1, 1);
		add(p, &cap, OUT_BULLETIN_PRINT,
		    bulletin_print_path(c->bulletins[i].url), i, 1, 1);
	}
	if (brochure_year(m)) {
		char *web = brochure_path(brochure_year(m));

		add(p, &cap, OUT_BROCHURE_PRINT, bulletin_print_path(web),
		    (size_t)brochure_year(m), 1, 1);
		add(p, &cap, OUT_BROCHURE, web, (size_t)brochure_year(m), 1, 1);
	}
	add(p, &cap, OUT_FEED, xstrdup("feed.xml"), 0, 1, 1);
	add(p, &cap, OUT_SITEMAP, xstrdup("sitemap.xml"), 0, 1, 1);
	add(p, &cap, OUT_ROBOTS, xstrdup("robots.txt"), 0, 1, 1);
	for (i = 0; i < c->ntags; i++)
		add_list(p, &cap, OUT_TAG_LIST, c->tags[i].url, i,
			 c->tags[i].npages, site->per_page);
	/* Outputs of one folder follow each other: compare with the last
	 * folder first, so the linear search runs once per folder. */
	for (i = 0; i < p->n; i++) {
		char *dir = path_dir(p->outs[i].path);

		if (!p->ndirs || strcmp(dir, p->dirs[p->ndirs - 1]))
			add_dir(p, &dcap, p->outs[i].path);
		free(dir);
	}
	return check_unique(p, c, d);
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
