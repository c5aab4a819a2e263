#ifndef SHOWCASE_BULLETIN_H
#define SHOWCASE_BULLETIN_H

/*
 * Bulletins (工作简报): the checks their front matter needs beyond the
 * types front.c knows, and the template dictionaries of a bulletin as a
 * page of the site, as a print document and in the list of bulletins.
 *
 * A bulletin is content/bulletins/<slug>.md. Its outputs, from the site
 * root (docs/print.md):
 *   bulletins/<slug>.html        the web page: layout.tpl, CONTENT bulletin.tpl
 *   bulletins/<slug>-print.html  the print document: print.tpl, CONTENT
 *                                bulletin.tpl, A4 pages by GB/T 9704
 *   bulletins/<slug>.pdf         made from the print document (pdf.h)
 *   bulletins/index.html         the list (render.c; bulletin_item_fill)
 *
 * What a bulletin shares with the other pages is pagedict.h's; its print
 * typesetting is typeset.h's.
 */

#include <stddef.h>

struct content;
struct diag;
struct model;
struct pagedict;
struct site;
struct tmpl_dict;

/*
 * Check what bulletins and the print settings of site.json say beyond
 * their types. Per bulletin: "issue" (期号) and "date" are given (the year
 * of the issue is the year of the date), the issue is 1 or more, "copies"
 * is not negative, every slug of "cases" is a case study of c, every name
 * of "charts" is a model chart (modelchart.h) and, when m has data, one
 * it can draw. Per year: issue numbers are unique (a duplicate is an
 * error at the later file's "issue" key) and follow each other from 1 (a
 * gap is a warning at the issue after it: an issue may be left out of the
 * site on purpose, or be a draft). site.json "bulletin" and "brochure"
 * (docs/print.md) are checked at their positions. m may be NULL.
 * Returns 0, or -1 when an error was recorded in d.
 */
int bulletin_check(const struct site *site, const struct content *c,
		   const struct model *m, struct diag *d);

/*
 * Fill d, the dictionary of bulletin.tpl, for bulletin i of
 * pd->content->bulletins on a page at depth (its web page or its print
 * document; flags DOC_* of pagedict.h). Charts named in "charts" are
 * added to pd->charts (when it is not NULL). Thread-safe as render_output
 * is.
 */
void bulletin_fill(struct tmpl_dict *d, const struct pagedict *pd, size_t i,
		   int depth, unsigned flags);

/*
 * The whole dictionary of print.tpl for bulletin i: the standalone print
 * document, no site chrome. Caller frees with tmpl_dict_free().
 */
struct tmpl_dict *bulletin_print_dict(const struct pagedict *pd, size_t i,
				      int depth, unsigned flags);

/*
 * Add to item, one bulletin of a list on a page at depth, what the list
 * needs beyond title, date and summary: ISSUE, ITEM_URL (its web page),
 * PRINT_URL and, with DOC_PDF, HAS_PDF/PDF_URL.
 */
void bulletin_item_fill(struct tmpl_dict *item, const struct pagedict *pd,
			size_t i, int depth, unsigned flags);

/*
 * Every name bulletin_* and brochure_* may give a dictionary, sorted,
 * NULL-terminated, for `showcase check` (as render_names).
 */
extern const char *const bulletin_names[];

/* The bulletin's name for its masthead: site.json "bulletin"/"name". */
const char *bulletin_name(const struct site *site);

#endif
