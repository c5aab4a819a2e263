#ifndef SHOWCASE_CHARTSET_H
#define SHOWCASE_CHARTSET_H

/*
 * struct chartset: every chart of a build, wherever it comes from (a
 * ```chart block in a case study, a template asking for a model chart).
 * Pages add charts while they render, from many threads; each gets its
 * <figure> HTML at once, and the PNG files are drawn afterwards, in
 * parallel, by chartset_write().
 *
 * Files are named by content (chart_hash_at): charts/<hash>.png for
 * every width it is shown at, 1x and 2x, and a print variant of at least
 * 300 dpi at 16 cm for bulletins and the brochure. A chart the previous output
 * already has under its name is linked or copied, not drawn again.
 */

#include <stddef.h>

struct buf;
struct chart;
struct chart_fonts;
struct diag;
struct stage;

struct chartset;

/* fonts must outlive the set. Caller frees with chartset_free(). */
struct chartset *chartset_new(struct chart_fonts *fonts);
void chartset_free(struct chartset *s);

/*
 * Take c (the set owns it now, even on failure) and append to html the
 * figure that shows it in a page's column, on a page whose links to the
 * root start with root: a <picture> of the drawings for a phone, a card
 * and the chart's own width (1x and 2x each, <source media> choosing),
 * width and height, alt text, the print variant in the <img>'s
 * data-print, and the data table in a <details>. card (may be NULL)
 * gets the figure for a card of .chart-grid instead, which never takes
 * the full drawing. Thread-safe.
 */
void chartset_add(struct chartset *s, struct chart *c, const char *root,
		  struct buf *html, struct buf *card);

/*
 * Take c (the set owns it now) to be drawn at each of n scales (at most
 * 3) and nothing else: no print variant, no figure. names[i] gets the
 * file of scales[i], charts/<hash>.png, which the caller frees. For pages
 * that build their own <img> with the sizes they show a chart at (the
 * wall screen draws a chart laid out at half its shown size at scales 2
 * and 4, for 1080p and 4K). Thread-safe.
 */
void chartset_add_scaled(struct chartset *s, struct chart *c, const int *scales,
			 size_t n, char **names);

size_t chartset_count(const struct chartset *s);

/*
 * Call fn with the file name (charts/<hash>.png) and the canonical text
 * (chart_dump) of every chart, in the order they were added: every word
 * and number its pictures show, for the privacy proof.
 */
typedef void (*chartset_text_fn)(void *arg, const char *name,
				 const char *text, size_t len);
void chartset_texts(const struct chartset *s, chartset_text_fn fn, void *arg);

/*
 * Write every chart into the stage's charts/ folder with jobs threads,
 * reusing the files of prev (the previous output folder, may be NULL).
 * Returns 0, or -1 with diagnostics; *drawn and *reused count files.
 */
int chartset_write(struct chartset *s, const struct stage *st,
		   const char *prev, int jobs, size_t *drawn, size_t *reused,
		   struct diag *d);

#endif
