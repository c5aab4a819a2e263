#ifndef SHOWCASE_PAGE_H
#define SHOWCASE_PAGE_H

/*
 * struct page: one Markdown file of content/: its front matter, its body
 * rendered to HTML, and where it goes in the output.
 */

#include "front.h"
#include "imageset.h"
#include "md.h"
#include "src.h"

struct chartset;
struct diag;
struct figures;
struct model;
struct site;

/* What pages need besides the site while they load. */
struct page_env {
	struct chartset *charts;   /* takes the charts of ```chart blocks */
	struct imageset *images;   /* resizes cover images */
	const struct model *model; /* resolves their "model:" names */
	const struct figures *figures; /* {{name}} in the text; may be NULL */
	/* Called now and then while pages load (a terminal's progress). */
	void (*progress)(void *arg, size_t done, size_t total);
};

enum page_kind {
	PAGE_CASE,     /* content/cases: 典型案例 */
	PAGE_PAGE,     /* content/pages: about and other single pages */
	PAGE_BULLETIN, /* content/bulletins: 工作简报 */
};

struct page {
	enum page_kind kind;
	char *file;       /* as shown in diagnostics: content/cases/x.md */
	char *slug;       /* from the file name or front matter "slug";
			   * plan.h checks it can be a file name */
	char *url;        /* output path from the site root: cases/x.html */
	int depth;        /* folders between the site root and url */
	struct src src;   /* released once the page is loaded */
	struct front front;
	struct md_doc md;
	const char *summary; /* front.summary or md.summary; not owned */
	struct image_ref cover; /* the cover's sizes, when it has one */
	struct image_ref *images; /* images of the body, resized */
	size_t nimages;
	int ok;           /* loaded without error */
};

/*
 * Load file (path on disk, file as shown) into p: read, parse the front
 * matter, render the body. Returns 0, or -1 with the problems in d.
 * page_release() must be called either way.
 */
int page_load(struct page *p, const struct site *site,
	      const struct page_env *env, enum page_kind kind,
	      const char *path, const char *file, struct diag *d);
void page_release(struct page *p);

/* The folder of a kind's pages in content/ and in the output. */
const char *page_kind_dir(enum page_kind kind);

#endif
