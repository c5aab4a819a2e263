#ifndef SHOWCASE_SRC_H
#define SHOWCASE_SRC_H

/*
 * struct src: one input file held in memory, with what every parser needs
 * to report a position: a table of line starts, so that a byte offset from
 * cJSON, libfyaml or cmark becomes "line:col" (1-based, columns counted in
 * characters, not bytes, so they match what an editor shows for Chinese).
 *
 * Loading checks UTF-8 and drops a byte order mark; CRLF line ends are kept
 * (every parser we use accepts them) but count as one line end.
 */

#include <stddef.h>

#include "buf.h"

struct diag;

struct src {
	char *path;      /* as shown in diagnostics, relative to the site */
	struct buf text; /* the file without its BOM, NUL-terminated */
	size_t *lines;   /* byte offset of the start of each line */
	size_t nlines;
};

/*
 * What a file is read as, for the limit on its size (docs/limits.md says
 * them to users): a mistaken or hostile file is refused with a message
 * rather than read until memory runs out.
 */
enum src_kind {
	SRC_MARKDOWN,  /* a page, case or bulletin: 1 MB */
	SRC_SITE_JSON, /* site.json: 1 MB */
	SRC_TEMPLATE,  /* a template: 1 MB */
	SRC_DATA,      /* a .json data export: 64 MB (.jsonl has no limit) */
};
/* The most bytes a file of kind may have. */
size_t src_limit(enum src_kind kind);

/*
 * Read path (shown as display) into s. On error (unreadable, not a
 * regular file, over the limit of its kind, invalid UTF-8) the error is
 * recorded in d with its position and -1 returned; s is initialised
 * either way and must be released with src_release().
 */
int src_load(struct src *s, const char *path, const char *display,
	     enum src_kind kind, struct diag *d);
/* Initialise s from memory (tests, generated input); same checks. */
int src_init_mem(struct src *s, const char *display, const char *data,
		 size_t len, struct diag *d);
void src_release(struct src *s);

/* Position of byte offset off; an offset past the end gives the end. */
void src_pos(const struct src *s, size_t off, int *line, int *col);
/* Byte offset of the start of 1-based line (the end when past it). */
size_t src_line_offset(const struct src *s, int line);

#endif
