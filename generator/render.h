#ifndef SHOWCASE_RENDER_H
#define SHOWCASE_RENDER_H

/*
 * struct render: what every output needs to fill its template dictionary.
 * render_output() builds the dictionary of one planned output and expands
 * the layout with it. It reads shared data only, so outputs render in
 * parallel.
 *
 * Each output expands "layout.tpl"; the page kind's own template (case.tpl,
 * list.tpl, ...) is its CONTENT include. docs/templates.md lists every
 * variable.
 */

#include <pthread.h>

#include "pagedict.h"

struct buf;
struct content;
struct diag;
struct output;
struct plan;
struct site;
struct tmpl;

struct render {
	struct pagedict pd;        /* site, content, model, charts, version:
				    * what bulletins and the brochure get too */
	const struct plan *plan;   /* every output, for the sitemap */
	struct tmpl *tmpl;
	/* When collect is set, every dictionary key is gathered in keys (for
	 * showcase check); the lock guards it. */
	int collect;
	int pdf;                   /* PDFs are made: pages link them */
	char **keys;
	pthread_mutex_t lock;
};

void render_init(struct render *r, const struct site *site,
		 const struct content *c, struct tmpl *t, int collect);
void render_release(struct render *r);

/* The template of each kind, for loading and checking. NULL-terminated. */
extern const char *const render_templates[];

/*
 * Every name a dictionary may get (labels aside: LABEL_<KEY>), sorted,
 * NULL-terminated; see render.c.
 */
extern const char *const render_names[];
/*
 * Whether some page may give a template name (labels aside): it is in
 * render_names, stats_names or bulletin_names, the lists of the modules
 * that fill dictionaries. tests/unit/t_lists.c keeps them sorted and
 * proves every name the default templates use is known and documented.
 */
int render_name_known(const char *name);
/*
 * Load every template of render_templates into t and report, at its file,
 * line and column, each name a template uses that render_name_known()
 * does not know and that is no LABEL_<KEY> of the site: a typo is silent
 * in ctemplate.
 */
void render_load_templates(struct tmpl *t, const struct site *site,
			   struct diag *d);
/*
 * After a check's render (collect set): every name the pages gave a
 * dictionary is known to render_name_known(), which
 * render_load_templates() trusts; else an internal error.
 */
void render_check_keys(const struct render *r, struct diag *d);

/* Render o into out (appended). Returns 0, or -1 with a diagnostic. */
int render_output(struct render *r, const struct output *o, struct buf *out,
		  struct diag *d);

#endif
