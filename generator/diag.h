#ifndef SHOWCASE_DIAG_H
#define SHOWCASE_DIAG_H

/*
 * struct diag: every problem of a run, collected so that one run reports
 * them all (sblg's logerrx, git's message style). Library code never prints
 * and never exits; it records here and returns a status.
 *
 * Messages are lowercase, name the problem first and quote the subject:
 *   content/data/organizations.json:12:5: error: "score" must be a number from 0 to 100
 * A line of 0 means "no position" (file: error: ...); a col of 0 means the
 * whole line. Recording is thread-safe, so parallel renderers may report.
 * diag_print() sorts by file, line and column so output is deterministic.
 */

#include <stddef.h>
#include <stdio.h>

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR,
};

struct diag;

/* Caller frees with diag_free(). */
struct diag *diag_new(void);
void diag_free(struct diag *d);

void diag_error(struct diag *d, const char *file, int line, int col,
		const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void diag_warn(struct diag *d, const char *file, int line, int col,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

size_t diag_errors(const struct diag *d);
size_t diag_warnings(const struct diag *d);

/* Print every record, sorted, in GNU style; records stay in d. */
void diag_print(struct diag *d, FILE *fp);
/* Drop every record (used between rebuilds of the preview server). */
void diag_clear(struct diag *d);

#endif
