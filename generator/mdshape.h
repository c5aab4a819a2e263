#ifndef SHOWCASE_MDSHAPE_H
#define SHOWCASE_MDSHAPE_H

/*
 * struct mdshape: a linear pass over a Markdown body, before cmark-gfm
 * sees it, that refuses the few shapes on which the cmark-gfm of Debian 12
 * (0.29.0.gfm.6) takes time quadratic in their size (fixed upstream in
 * 0.29.0.gfm.7 to .13). Each is measured here as the work cmark-gfm would
 * do, so a page of ordinary Markdown never comes near a limit:
 *
 * - a line with more than MDSHAPE_MAX_CELLS "|", or many lines with
 *   many: the table extension appends every cell of a row to the end of
 *   a linked list it walks from the start;
 * - lines like a table's "|---|" line inside a long paragraph: each one
 *   makes the table extension read the whole paragraph again;
 * - "![" left open before links in the same paragraph: every link formed
 *   after them walks past every open "![" (also with "[a]" references).
 *
 * Paragraphs are approximated by the text between blank lines, which
 * holds every paragraph whole, so the count is never under the real one.
 */

#include <stddef.h>

struct diag;

/* The most "|" a line may hold: a table of 128 columns is no table. */
#define MDSHAPE_MAX_CELLS 128
/* Sum over lines of the square of their "|", halved: the steps taken
 * through the lists of cells (10 MB of steps is a twentieth of a second). */
#define MDSHAPE_MAX_CELL_WORK 10000000u
/* Bytes the table extension may read again, per paragraph. */
#define MDSHAPE_MAX_RESCAN (2u << 20)
/* Open "![" passed by the links of a paragraph, in all. */
#define MDSHAPE_MAX_WALK 4000000u

/*
 * Check text (len bytes, the body of path starting at first_line of the
 * file). Returns 0, or -1 with an error at file:line:col in d for each
 * kind of shape found (its first place).
 */
int mdshape_check(const char *text, size_t len, const char *path,
		  int first_line, struct diag *d);

#endif
