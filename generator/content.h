#ifndef SHOWCASE_CONTENT_H
#define SHOWCASE_CONTENT_H

/*
 * struct content: every Markdown page of a site, loaded in parallel, and
 * the indexes built from them (cases newest first, tags).
 */

#include <stddef.h>

#include "page.h"

struct diag;
struct site;

struct content_term {
	char *name;           /* the tag as written; plan.h makes its path */
	size_t *pages;        /* indexes into content.cases, newest first */
	size_t npages;
	const char *file;     /* its first use (in the order of pages): */
	int line, col;        /* where it was typed; file is the case's */
};

struct content {
	struct page *cases;   /* newest first (date, then weight, then slug) */
	size_t ncases;
	struct page *pages;   /* by slug */
	size_t npages;
	struct page *bulletins; /* newest first */
	size_t nbulletins;
	struct page *drafts;  /* left out of this build (no --drafts), in the
			       * order of their files; plan.h checks their names */
	size_t ndrafts;
	struct content_term *tags; /* sorted by name */
	size_t ntags;
	struct content_term *regions; /* the cases of each region, by name */
	size_t nregions;
	char *latest_date;    /* the newest date of any page, or "" */
};

/*
 * Load content/ of site into c with jobs threads, skipping drafts unless
 * drafts. Returns 0, or -1 with every problem in d (all files are read
 * whatever the errors, so one run reports them all).
 * content_release() must be called either way.
 */
int content_load(struct content *c, const struct site *site,
		 const struct page_env *env, int drafts, int jobs,
		 struct diag *d);
void content_release(struct content *c);

enum { CONTENT_TAGS, CONTENT_REGIONS };

/* Index of the tag named name, or -1. */
long content_tag(const struct content *c, const char *name);
/* Index of the term named name in terms (sorted), or -1. */
long content_find(const struct content_term *terms, size_t n,
		  const char *name);
/*
 * The names of the most used tags (by pages, then by name), at most max,
 * into words (pointing into c); returns how many.
 */
size_t content_top_tags(const struct content *c, const char **words,
			size_t max);

#endif
