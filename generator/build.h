#ifndef SHOWCASE_BUILD_H
#define SHOWCASE_BUILD_H

/*
 * The build: load, plan, render in parallel, write into a staging folder
 * and swap it in. build_run() is what `showcase build` and `showcase check`
 * call; it prints nothing but progress (to a terminal) and leaves every
 * diagnostic in d for the caller to print.
 */

#include <stddef.h>

struct diag;

enum build_flags {
	BUILD_DRAFTS = 1 << 0,   /* include drafts */
	BUILD_CHECK = 1 << 1,    /* load, render and check; write nothing */
	BUILD_PROGRESS = 1 << 2, /* show progress on standard error */
	BUILD_PDF = 1 << 3,      /* print bulletins and brochure to PDF */
	BUILD_PDF_REQUIRED = 1 << 4, /* a missing WeasyPrint is an error */
	BUILD_FORCE = 1 << 5,    /* build everything: take nothing from the
				  * previous output (manifest.h) */
};

struct build_opts {
	const char *site;    /* site folder */
	const char *out;     /* output folder, or NULL for the site's */
	const char *datadir; /* installed templates and assets */
	int jobs;            /* threads; 0: one per processor */
	unsigned flags;
};

struct build_stats {
	size_t pages;   /* HTML pages */
	size_t files;   /* every file written, pages included */
	size_t assets;  /* copied */
	size_t search_files;   /* the search index's shards and chunks */
	size_t private_values; /* private values proven absent from the output */
	size_t charts;         /* distinct charts */
	size_t charts_drawn;   /* chart files drawn */
	size_t charts_reused;  /* chart files taken from the previous output */
	size_t images_made;    /* resized images */
	size_t images_reused;  /* resized images taken from the previous output */
	size_t pdfs;           /* PDFs in the output */
	size_t pdfs_printed;   /* of those, printed by WeasyPrint */
	double pdf_slowest;    /* the longest document, seconds */
	int pdf_no_qr;         /* PDFs without QR codes: the site has no base_url */
	int up_to_date;        /* nothing changed: the output was left as it was
				* (pages, files, private_values are its figures) */
	double seconds;
	char *out;      /* the output folder written (caller frees) */
};

/* Returns 0, or -1 when d holds errors (nothing was written then). */
int build_run(const struct build_opts *o, struct build_stats *st,
	      struct diag *d);

#endif
