#ifndef SHOWCASE_PAGEDICT_H
#define SHOWCASE_PAGEDICT_H

/*
 * struct pagedict: what every kind of page needs to fill its template
 * dictionaries, and the helpers they share (as lowdown's format/util.c
 * serves each of its output formats): the values every dictionary gets,
 * links, dates, stars, model charts, and the frame, links and QR code of
 * a print document. render.c (the pages of the site), bulletin.c and
 * brochure.c take from here and never from each other.
 *
 * Nothing here writes shared state but charts, which chartset.h guards:
 * pages fill their dictionaries in parallel.
 */

#include <stddef.h>

struct buf;
struct chartset;
struct content;
struct model;
struct model_rate;
struct site;
struct tmpl_dict;

struct pagedict {
	const struct site *site;
	const struct content *content;
	const struct model *model; /* the data exports; may be empty */
	struct chartset *charts;   /* takes the charts pages show; may be NULL */
	const char *version;       /* of showcase, for the generator tag; may be NULL */
};

/* A bulletin or the brochure, as a web page or a print document. */
enum pagedict_doc {
	DOC_PRINT = 1 << 0, /* the print document (print.tpl), not the web page */
	DOC_PDF = 1 << 1,   /* the build makes PDFs: the web pages link them */
	DOC_CARD = 1 << 2,  /* a web page's chart also as a card of .chart-grid
			     * (CHART_CARD_HTML, chartset.h) */
};

/*
 * What every dictionary gets, for a page whose links to the site root
 * start with root: ROOT, SITE_TITLE and LABEL_<KEY> of every label. An
 * include sees none of its parent's values, so each include gets them too.
 */
void pagedict_common(const struct pagedict *pd, struct tmpl_dict *d,
		     const char *root);
/* The name a template gives the label key: "not_found" -> "LABEL_NOT_FOUND". */
void pagedict_label_name(struct buf *out, const char *key);

/* Set key to root + path (a path from the site root), URL-encoded. */
void pagedict_url(struct tmpl_dict *d, const char *key, const char *root,
		  const char *path);
/* Set key to date as the site writes dates (date_cn() of util.h). */
void pagedict_date(struct tmpl_dict *d, const char *key, const char *date);
/* stars as ★★★, appended. */
void pagedict_stars(struct buf *out, int stars);
/* A number of the model (model_number()) and a rate as a percent. */
void pagedict_number(struct tmpl_dict *d, const char *key, double v);
void pagedict_rate(struct tmpl_dict *d, const char *key, struct model_rate r);

/* Index of the case study with slug in c->cases, or -1 (slug may be NULL). */
long pagedict_find_case(const struct content *c, const char *slug);

/*
 * A model chart (modelchart.h name; its kind is the one the site uses for
 * it), added to pd->charts, as one repetition of section in d holding
 * CHART_HTML: its figure for a page whose links start with root, made fit
 * for print with DOC_PRINT in flags, and with DOC_CARD its card too. Returns 0, or -1 when there is no
 * such chart, no data for it or no chart set (nothing is added then).
 */
int pagedict_model_chart(const struct pagedict *pd, struct tmpl_dict *d,
			 const char *section, const char *name,
			 const char *root, unsigned flags);
/*
 * The charts of the data that the statistics page and the brochure show,
 * each in its section (CHART_TARGETS, CHART_COVERAGE ...) as
 * pagedict_model_chart() makes it. figures (may be NULL) gets each one's
 * HTML as set in d, after a line "<!--chart NAME-->", so that a document
 * can tell which charts it holds.
 */
void pagedict_stats_charts(const struct pagedict *pd, struct tmpl_dict *d,
			   const char *root, unsigned flags,
			   struct buf *figures);
/* Set key to html, as it is, or made fit for print with DOC_PRINT
 * (typeset.h). */
void pagedict_html(struct tmpl_dict *d, const char *key, const char *html,
		   unsigned flags);

/*
 * The top dictionary of print.tpl for a print document at depth: document
 * title, language, links to the root, print.css, the site's icon and back
 * to the document's web page web_path (from the root), and the class of
 * <body> (doc_class: "bulletin", "brochure"). *content receives the
 * CONTENT include, which expands tpl. Caller frees the result with
 * tmpl_dict_free().
 */
struct tmpl_dict *pagedict_print_frame(const struct pagedict *pd,
				       const char *title, int depth,
				       const char *doc_class, const char *tpl,
				       const char *web_path,
				       struct tmpl_dict **content);
/*
 * PRINT_URL (the print document of the web page url) and, with DOC_PDF,
 * HAS_PDF/PDF_URL (its PDF), as links from a page at depth.
 */
void pagedict_doc_links(struct tmpl_dict *d, const char *url, int depth,
			unsigned flags);
/*
 * On a print document, the QR code of its web page url (from the root)
 * where the site has a base_url: section HAS_QR with QR_SRC (a data: URL
 * of the PNG, qrcode.h) and QR_LINK (the absolute URL). None without a
 * base_url: a relative link means nothing on paper.
 */
void pagedict_qr(struct tmpl_dict *d, const struct pagedict *pd,
		 const char *url);

#endif
