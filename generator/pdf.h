#ifndef SHOWCASE_PDF_H
#define SHOWCASE_PDF_H

/*
 * PDFs of the print documents (bulletins, the brochure), printed by
 * WeasyPrint, an external program (the Debian package weasyprint): a
 * real print engine for @page margin boxes, page counters,
 * target-counter() on contents pages, embedded font subsets and PDF
 * bookmarks.
 *
 * WeasyPrint costs about 16 s per document whatever its length (almost
 * all of it subsetting the CJK fonts) and about 650 MB of memory, so
 * documents are printed as separate processes, at most jobs at once,
 * and never twice for the same input: each PDF's input (the HTML, and
 * the content of every file it and its style sheets refer to) is hashed,
 * the hashes are kept in a manifest (PDF_MANIFEST) at the root of the
 * output, and a document whose hash the previous output's manifest
 * already has takes the previous PDF instead ("unchanged documents are
 * not printed again"). The same input also gives the same bytes when
 * printed again: the hash is the PDF's /ID, WeasyPrint writes no date
 * unless the document asks for one, the children get a fixed
 * SOURCE_DATE_EPOCH (font subsets are stamped with it) and see their
 * documents under one fixed base URL (images are named by their URL).
 *
 * What WeasyPrint says on standard error ("WARNING: ...", "ERROR: ...")
 * becomes diagnostics of the document, with the staging folder's path
 * taken out, e.g.
 *   bulletins/2025-01-print.html: warning: weasyprint: Ignored `x: y` at 3:1, unknown property.
 */

#include <stddef.h>

struct diag;

/* The manifest of the PDFs' input hashes, at the root of the output. */
#define PDF_MANIFEST ".showcase-pdf"

enum pdf_flags {
	/*
	 * A missing WeasyPrint is a warning, not an error: `showcase build
	 * --pdf` still writes the site. `showcase pdf` leaves it an error.
	 */
	PDF_MISSING_WARNS = 1 << 0,
};

struct pdf_opts {
	const char *dir;     /* the folder the documents are in: the staging folder */
	const char *prev;    /* the previous output folder, or NULL */
	int jobs;            /* documents at once; 0: as many as the processors
			      * and the available memory allow */
	const char *program; /* NULL: $SHOWCASE_WEASYPRINT, else "weasyprint" */
	unsigned flags;      /* PDF_* */
};

struct pdf_stats {
	size_t printed;  /* documents printed by WeasyPrint */
	size_t reused;   /* PDFs taken from the previous output */
	double seconds;  /* wall time of the whole run */
	double slowest;  /* the longest single document, in seconds */
};

/*
 * The WeasyPrint program that pdf_run() would start, found on PATH
 * (program as in struct pdf_opts). Caller frees; NULL when there is none.
 */
char *pdf_program(const char *program);

/*
 * Print docs[0..n) (paths of print documents relative to o->dir) into
 * PDFs beside them (routes_pdf), reusing the previous output's PDF of an
 * unchanged document, and write PDF_MANIFEST into o->dir. Prints
 * nothing. Returns 0, or -1 when a document failed or WeasyPrint is
 * missing:
 *   showcase: error: weasyprint not found; install the Debian package weasyprint (apt-get install weasyprint)
 * (a warning with PDF_MISSING_WARNS). st may be NULL.
 */
int pdf_run(const struct pdf_opts *o, const char *const *docs, size_t n,
	    struct pdf_stats *st, struct diag *d);

#endif
