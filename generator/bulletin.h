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
 * The print document and the brochure's (brochure.h) share what is here
 * under "shared with the brochure".
 */

#include <stddef.h>
#include <stdint.h>

struct buf;
struct content;
struct diag;
struct model;
struct page;
struct render;
struct site;
struct tmpl_dict;

enum doc_flags {
	DOC_PRINT = 1 << 0, /* the print document (print.tpl), not the web page */
	DOC_PDF = 1 << 1,   /* the build makes PDFs: the web pages link them */
};

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
 * Routes (caller frees): the print document of a page whose web page is
 * url ("bulletins/2025-01.html" -> "bulletins/2025-01-print.html"). The
 * PDF is pdf_path() of the print document.
 */
char *bulletin_print_path(const char *url);
/* The list of bulletins, from the site root. */
#define BULLETIN_LIST_PATH "bulletins/index.html"

/*
 * Fill d, the dictionary of bulletin.tpl, for bulletin i of
 * r->content->bulletins on a page at depth (its web page or its print
 * document; flags DOC_*). Charts named in "charts" are added to
 * r->charts (when it is not NULL). Thread-safe as render_output is.
 */
void bulletin_fill(struct tmpl_dict *d, const struct render *r, size_t i,
		   int depth, unsigned flags);

/*
 * The whole dictionary of print.tpl for bulletin i: the standalone print
 * document, no site chrome. Caller frees with tmpl_dict_free().
 */
struct tmpl_dict *bulletin_print_dict(const struct render *r, size_t i,
				      int depth, unsigned flags);

/*
 * Add to item, one bulletin of a list on a page at depth, what the list
 * needs beyond title, date and summary: ISSUE, ITEM_URL (its web page),
 * PRINT_URL and, with DOC_PDF, HAS_PDF/PDF_URL.
 */
void bulletin_item_fill(struct tmpl_dict *item, const struct render *r,
			size_t i, int depth, unsigned flags);

/*
 * Every name bulletin_* and brochure_* may give a dictionary, sorted,
 * NULL-terminated, for `showcase check` (as render_names).
 */
extern const char *const bulletin_names[];

/* ---- shared with the brochure ---- */

/* The bulletin's name for its masthead: site.json "bulletin"/"name". */
const char *bulletin_name(const struct site *site);

/*
 * The top dictionary of print.tpl: document title, language, links to
 * the root, print.css, the site's icon and back to the document's web
 * page web_path (from the root), and the class of <body> (doc_class:
 * "bulletin", "brochure"). *content receives the CONTENT include, which
 * expands tpl. Caller frees the result with tmpl_dict_free().
 */
struct tmpl_dict *bulletin_print_frame(const struct render *r,
				       const char *title, int depth,
				       const char *doc_class, const char *tpl,
				       const char *web_path,
				       struct tmpl_dict **content);

/*
 * Append html to out made fit for print: every chart figure's image
 * (chartset.h: <img ... data-print="...">) shows its print variant, the
 * <source> drawings for screens beside it go, and lazy loading is
 * dropped (a print engine loads everything anyway).
 */
void bulletin_print_html(struct buf *out, const char *html);

/*
 * Append html, the body of another page, to out as part of a document:
 * heading levels moved down by shift (at most h6), every id and in-page
 * link prefixed with prefix and '-' (so two bodies in one document keep
 * their ids unique), and with DOC_PRINT made fit for print.
 */
void bulletin_embed_html(struct buf *out, const char *html,
			 const char *prefix, int shift, unsigned flags);

/* Where bulletin_print_html() is: in a body paragraph (on), its last
 * character so far (prev), at the paragraph's last text (last). */
struct bulletin_para {
	int on;
	int last;
	uint32_t prev;
};

/*
 * Append text (len bytes, the text between two tags) made fit for print:
 * within a body paragraph (para->on), a space wherever a line may break
 * between two Chinese characters (print.css cancels its width; it is
 * where a justified line stretches), a number and its unit, and the
 * paragraph's last two characters (para->last), as unbreakable spans
 * (bulletin.c says why). Elsewhere text is copied as it is.
 */
void bulletin_print_text(struct buf *out, const char *text, size_t len,
			 struct bulletin_para *para);

/*
 * On a print document, the QR code of its web page url (relative to the
 * root) where the site has a base_url: section HAS_QR with QR_SRC (a
 * data: URL of the PNG, qrcode.h) and QR_LINK (the absolute URL). None
 * without a base_url: a relative link means nothing on paper.
 */
void bulletin_qr(struct tmpl_dict *d, const struct render *r, const char *url);

/*
 * A title set in lines of at most cells characters, as repetitions of
 * section each holding key: lines of nearly equal width, broken after a
 * comma or colon when one is near, never before a closing or after an
 * opening mark (GB/T 9704: 排列对称). One line when it fits.
 */
void bulletin_title_lines(struct tmpl_dict *d, const char *section,
			  const char *key, const char *title, int cells);

/*
 * A model chart (modelchart.h name; its kind is the one the site uses
 * for it) as one repetition of section in d holding CHART_HTML: the
 * figure for a page at depth, print variant when flags has DOC_PRINT.
 * Returns 0, or -1 when there is no such chart or no data for it
 * (nothing is added then).
 */
int bulletin_model_chart(const struct render *r, struct tmpl_dict *d,
			 const char *section, const char *name, int depth,
			 unsigned flags);


/* Set key to root(depth) + path, URL-encoded. */
void bulletin_set_url(struct tmpl_dict *d, const char *key, int depth,
		      const char *path);

/*
 * PRINT_URL (the print document of the web page url) and, with DOC_PDF,
 * HAS_PDF/PDF_URL (its PDF), as links from a page at depth.
 */
void bulletin_doc_links(struct tmpl_dict *d, const char *url, int depth,
			unsigned flags);

/* Index of the case study with slug in c->cases, or -1. */
long bulletin_find_case(const struct content *c, const char *slug);

#endif
