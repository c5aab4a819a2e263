#ifndef SHOWCASE_SCAFFOLD_H
#define SHOWCASE_SCAFFOLD_H

/*
 * struct scaffold: a new Markdown file for `showcase new`: a case study, a
 * bulletin or a single page, with all of its front matter written out
 * (empty where the author fills in) so that it passes `showcase check` as
 * it is.
 *
 * The slug is --slug when given; for a bulletin <year>-<issue> (2026-01);
 * else made from a title in Latin letters ("Red Street" -> red-street);
 * a Chinese title gives none (there is no pinyin here), so the file is
 * named by the date and a short hash of the title: 2026-12-03-5f0c1a.
 * A file that exists is never overwritten.
 */

#include "buf.h"
#include "page.h"

struct diag;

struct scaffold_opts {
	const char *site;    /* site folder */
	const char *datadir; /* installed templates and assets */
	enum page_kind kind;
	const char *title;
	const char *slug;    /* NULL: made as above */
	const char *date;    /* today, YYYY-MM-DD */
};

struct scaffold {
	char *file;      /* as shown: content/cases/x.md */
	char *path;      /* on disk */
	char *slug;
	int issue;       /* a bulletin's 期号, else 0 */
	int dated_slug;  /* the slug is the date and a hash (see above) */
	struct buf text; /* the file */
};

/*
 * Decide the file of o into sc and write nothing. Returns 0, or -1 with
 * the problem in d (a bad title or slug, a file that exists, a slug
 * another page has). scaffold_release() must be called either way.
 */
int scaffold_make(struct scaffold *sc, const struct scaffold_opts *o,
		  struct diag *d);
/* Create the file (and its folder); never replaces one. Returns 0 or -1
 * with a diagnostic. */
int scaffold_write(const struct scaffold *sc, struct diag *d);
void scaffold_release(struct scaffold *sc);

/*
 * The slug of a title written in Latin letters, digits and punctuation:
 * lowercase, runs of anything else as one '-', at most 60 bytes. NULL when
 * the title has any other character (Chinese) or no letter or digit.
 * Caller frees.
 */
char *scaffold_slug(const char *title);

#endif
