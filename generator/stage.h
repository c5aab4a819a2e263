#ifndef SHOWCASE_STAGE_H
#define SHOWCASE_STAGE_H

/*
 * struct stage: the output written into a fresh staging folder beside the
 * output folder, then swapped in with one rename, so that a build that
 * fails or is killed leaves the previous output exactly as it was.
 *
 * A marker file (.showcase) in every output folder lets a later build
 * recognise the folder as its own: showcase refuses to replace a folder
 * that is not empty and has no marker, so a mistyped -o cannot delete a
 * user's files.
 */

#include <stddef.h>

struct diag;

struct stage {
	char *out;   /* the output folder */
	char *tmp;   /* the staging folder: <parent>/.<name>.tmp-<pid> */
	int open;
};

/* Create the staging folder for out. Returns 0, or -1 with a diagnostic. */
int stage_open(struct stage *st, const char *out, struct diag *d);
/* Path of rel inside the staging folder; caller frees. */
char *stage_path(const struct stage *st, const char *rel);
/* Create the folder rel (and its parents) inside the staging folder. */
int stage_mkdir(const struct stage *st, const char *rel, struct diag *d);
/* Write a file (its folder must exist); thread-safe. */
int stage_write(const struct stage *st, const char *rel, const void *data,
		size_t len, struct diag *d);
/*
 * Take the file rel from the previous output prev (may be NULL) into the
 * staging folder, by a hard link where possible, else a copy. Files named
 * by their content (charts, images) are reused this way instead of being
 * made again. Returns 1 when the file was taken, 0 when prev lacks it.
 */
int stage_reuse(const struct stage *st, const char *prev, const char *rel);
/* Swap the staging folder in as the output. */
int stage_commit(struct stage *st, struct diag *d);
/* Free st; after a failure also remove the staging folder (the output is
 * untouched). Call it after stage_commit too. */
void stage_release(struct stage *st);

#endif
