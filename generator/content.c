#include <dirent.h>
#include <errno.h>
#include <string.h>

#include "content.h"
#include "diag.h"
#include "pool.h"
#include "site.h"
#include "util.h"

struct job {
	const struct site *site;
	const struct page_env *env;
	struct diag *d;
	char **paths;   /* on disk */
	char **files;   /* as shown */
	enum page_kind *kinds;
	struct page *pages;
};

/* The Markdown files of one content folder, sorted by name. */
static void
list_dir(const struct site *site, enum page_kind kind, char ***paths,
	 char ***files, enum page_kind **kinds, size_t *n, size_t *cap,
	 struct diag *d)
{
	char *rel = path_join("content", page_kind_dir(kind));
	char *dir = site_path(site, rel);
	char **names = NULL;
	size_t nnames = 0, namecap = 0, i;
	struct dirent *e;
	DIR *dp;

	if (!(dp = opendir(dir))) {
		if (errno != ENOENT)
			diag_error(d, rel, 0, 0, "cannot read folder: %s",
				   strerror(errno));
		goto out;
	}
	while ((e = readdir(dp))) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len < 4 ||
		    strcmp(e->d_name + len - 3, ".md"))
			continue;
		names = xgrow(names, &namecap, nnames + 1, sizeof(*names));
		names[nnames++] = xstrdup(e->d_name);
	}
	closedir(dp);
	xqsort(names, nnames, sizeof(*names), strptr_cmp);
	for (i = 0; i < nnames; i++) {
		size_t c = *cap;

		*paths = xgrow(*paths, &c, *n + 1, sizeof(**paths));
		c = *cap;
		*files = xgrow(*files, &c, *n + 1, sizeof(**files));
		c = *cap;
		*kinds = xgrow(*kinds, &c, *n + 1, sizeof(**kinds));
		*cap = c;
		(*paths)[*n] = path_join(dir, names[i]);
		(*files)[*n] = path_join(rel, names[i]);
		(*kinds)[*n] = kind;
		(*n)++;
		free(names[i]);
	}
out:
	free(names);
	free(rel);
	free(dir);
}

static int
load_one(void *arg, size_t i)
{
	struct job *j = arg;

	return page_load(&j->pages[i], j->site, j->env, j->kinds[i], j->paths[i],
			 j->files[i], j->d) < 0;
}

/* Newest first; undated pages last; then weight (1 before 2, none last),
 * then slug, so the order never depends on the file system. */
static int
case_cmp(const void *pa, const void *pb)
{
	const struct page *a = pa, *b = pb;
	const char *da = a->front.date ? a->front.date : "";
	const char *db = b->front.date ? b->front.date : "";
	int c = strcmp(db, da);
	int wa = a->front.weight ? a->front.weight : 1 << 30;
	int wb = b->front.weight ? b->front.weight : 1 << 30;

	if (c)
		return c;
	if (wa != wb)
		return wa < wb ? -1 : 1;
	return strcmp(a->slug, b->slug);
}

static int
slug_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct page *)pa)->slug,
		      ((const struct page *)pb)->slug);
}

long
content_tag(const struct content *c, const char *name)
{
	return content_find(c->tags, c->ntags, name);
}

long
content_find(const struct content_term *terms, size_t n, const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(name, terms[mid].name);

		if (!r)
			return (long)mid;
		if (r < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

/* The terms a case has in a taxonomy: its tags, or its one region. */
static size_t
terms_of(const struct page *p, int taxonomy, const char *const **out)
{
	if (taxonomy == CONTENT_TAGS) {
		*out = (const char *const *)p->front.tags;
		return p->front.ntags;
	}
	*out = (const char *const *)&p->front.region;
	return p->front.region != NULL;
}

/* Where the j-th term of a case in a taxonomy was typed. */
static void
term_at(const struct page *p, int taxonomy, size_t j, int *line, int *col)
{
	const struct front_pos *at = taxonomy == CONTENT_TAGS ?
		(p->front.tags_at ? &p->front.tags_at[j] : NULL) :
		&p->front.pos_region;

	*line = at ? at->vline : 0;
	*col = at ? at->vcol : 0;
}

static void
index_terms(struct content *c, int taxonomy, struct content_term **terms,
	    size_t *nterms)
{
	const char **all = NULL;
	const char *const *t;
	size_t i, j, k, m, n = 0, cap = 0;

	/* Sort every use of every term, then keep one of each: linear in the
	 * number of uses, whatever the number of distinct terms. */
	for (i = 0; i < c->ncases; i++) {
		m = terms_of(&c->cases[i], taxonomy, &t);
		for (j = 0; j < m; j++) {
			all = xgrow(all, &cap, n + 1, sizeof(*all));
			all[n++] = t[j];
		}
	}
	xqsort(all, n, sizeof(*all), strptr_cmp);
	*terms = xcalloc(n, sizeof(**terms));
	*nterms = 0;
	for (i = 0; i < n; i++)
		if (!i || strcmp(all[i], all[i - 1]))
			(*terms)[(*nterms)++].name = xstrdup(all[i]);
	free(all);
	for (k = 0; k < *nterms; k++)
		(*terms)[k].pages = xcalloc(c->ncases, sizeof(*(*terms)[k].pages));
	for (i = 0; i < c->ncases; i++) {
		m = terms_of(&c->cases[i], taxonomy, &t);
		for (j = 0; j < m; j++) {
			struct content_term *term =
				&(*terms)[content_find(*terms, *nterms, t[j])];

			if (!term->npages) {
				term->file = c->cases[i].file;
				term_at(&c->cases[i], taxonomy, j, &term->line,
					&term->col);
			}
			term->pages[term->npages++] = i;
		}
	}
}

int
content_load(struct content *c, const struct site *site,
	     const struct page_env *env, int drafts, int jobs, struct diag *d)
{
	struct job j = { site, env, d, NULL, NULL, NULL, NULL };
	size_t n = 0, cap = 0, i, ncap[4] = { 0, 0, 0, 0 };
	size_t before = diag_errors(d);
	static const enum page_kind kinds[] = { PAGE_CASE, PAGE_PAGE, PAGE_BULLETIN };
	int rc;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < 3; i++)
		list_dir(site, kinds[i], &j.paths, &j.files, &j.kinds, &n, &cap, d);
	j.pages = xcalloc(n, sizeof(*j.pages));
	pool_run(n, jobs, load_one, &j, env ? env->progress : NULL, NULL);

	for (i = 0; i < n; i++) {
		struct page *p = &j.pages[i];
		struct page **list;
		size_t *count, *lcap;

		/* A page that failed to load has been reported; it takes no
		 * part in the plan, which would only trip over what it lacks. */
		if (!p->ok) {
			page_release(p);
			continue;
		}
		/* A draft left out still has its names checked: `check`
		 * must find what `build --drafts` would refuse. */
		if (p->front.draft && !drafts)
			list = &c->drafts, count = &c->ndrafts, lcap = &ncap[3];
		else if (p->kind == PAGE_CASE)
			list = &c->cases, count = &c->ncases, lcap = &ncap[0];
		else if (p->kind == PAGE_PAGE)
			list = &c->pages, count = &c->npages, lcap = &ncap[1];
		else
			list = &c->bulletins, count = &c->nbulletins, lcap = &ncap[2];
		*list = xgrow(*list, lcap, *count + 1, sizeof(**list));
		(*list)[(*count)++] = *p;
	}
	for (i = 0; i < n; i++) {
		free(j.paths[i]);
		free(j.files[i]);
	}
	free(j.paths);
	free(j.files);
	free(j.kinds);
	free(j.pages);

	xqsort(c->cases, c->ncases, sizeof(*c->cases), case_cmp);
	xqsort(c->pages, c->npages, sizeof(*c->pages), slug_cmp);
	xqsort(c->bulletins, c->nbulletins, sizeof(*c->bulletins), case_cmp);
	index_terms(c, CONTENT_TAGS, &c->tags, &c->ntags);
	index_terms(c, CONTENT_REGIONS, &c->regions, &c->nregions);
	c->latest_date = xstrdup("");
	for (i = 0; i < c->ncases + c->nbulletins + c->npages; i++) {
		const struct page *p = i < c->ncases ? &c->cases[i] :
			i < c->ncases + c->nbulletins ? &c->bulletins[i - c->ncases] :
			&c->pages[i - c->ncases - c->nbulletins];

		if (p->front.date && strcmp(p->front.date, c->latest_date) > 0) {
			free(c->latest_date);
			c->latest_date = xstrdup(p->front.date);
		}
	}
	rc = diag_errors(d) > before ? -1 : 0;
	return rc;
}

void
content_release(struct content *c)
{
	size_t i;

	for (i = 0; i < c->ncases; i++)
		page_release(&c->cases[i]);
	for (i = 0; i < c->npages; i++)
		page_release(&c->pages[i]);
	for (i = 0; i < c->nbulletins; i++)
		page_release(&c->bulletins[i]);
	for (i = 0; i < c->ndrafts; i++)
		page_release(&c->drafts[i]);
	free(c->drafts);
	for (i = 0; i < c->ntags; i++) {
		free(c->tags[i].name);
		free(c->tags[i].pages);
	}
	for (i = 0; i < c->nregions; i++) {
		free(c->regions[i].name);
		free(c->regions[i].pages);
	}
	free(c->regions);
	free(c->cases);
	free(c->pages);
	free(c->bulletins);
	free(c->tags);
	free(c->latest_date);
	memset(c, 0, sizeof(*c));
}

size_t
content_top_tags(const struct content *c, const char **words, size_t max)
{
	const struct content_term **t = xcalloc(c->ntags + 1, sizeof(*t));
	size_t i, k, n = 0;

	for (i = 0; i < c->ntags; i++) {
		/* insertion by count, then name (c->tags is sorted by name) */
		for (k = n; k > 0 && t[k - 1]->npages < c->tags[i].npages; k--)
			t[k] = t[k - 1];
		t[k] = &c->tags[i];
		n++;
	}
	for (i = 0; i < n && i < max; i++)
		words[i] = t[i]->name;
	free(t);
	return i;
}
