#ifndef SHOWCASE_STAGE_H
#define SHOWCASE_STAGE_H

/*
 * struct stage: the output written into a fresh staging folder beside the
 * output folder, then swapped in, so that a build that fails or is killed
 * leaves the previous output exactly as it was.
 *
 * The swap is one renameat2(RENAME_EXCHANGE) where the file system has
 * it. Without it, the old folder is moved aside and the new one in, and a
 * build killed between the two renames is undone by the next one (the
 * old folder is put back). A folder that cannot be renamed at all (a mount
 * point) is staged inside itself and its contents are swapped entry by
 * entry in two phases, which the next run also undoes after a kill.
 *
 * -o naming a symbolic link (public -> releases/7) replaces the link's
 * target and keeps the link.
 *
 * A marker file (.showcase) in every output folder lets a later build
 * recognise the folder as its own: showcase refuses to replace a folder
 * that is not empty and has no marker, so a mistyped -o cannot delete a
 * user's files. The marker lists the files showcase wrote; files a user
 * added to the output are carried into the new one: dot files and
 * folders (.git, .htaccess, .well-known) silently, others with a warning.
 */

#include <stddef.h>

struct diag;

struct stage {
	char *out;   /* the output folder (a symbolic link's target) */
	char *tmp;   /* the staging folder: <parent>/.<name>.tmp-<pid>, or
		      * <out>/.showcase-tmp-<pid> when inside */
	int inside;  /* out cannot be renamed: its contents are swapped */
	int open;
};

/*
 * Undo what a killed swap into out left: put the previous output back.
 * Called on every run that may write out, before anything can fail, so
 * that even a build with errors leaves an output; stage_open does it too.
 */
void stage_recover(const char *out);
/*
 * Create the staging folder for out (a symbolic link is followed).
 * Returns 0, or -1 with a diagnostic.
 */
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
/*
 * Copy the file from into the staging folder as rel (its folder must
 * exist), unless an earlier copy gave rel already: the site's own files
 * win over the defaults copied after them. Returns 1 when copied, 0 when
 * kept, -1 with errno when the copy failed.
 */
int stage_copy(const struct stage *st, const char *from, const char *rel);
/*
 * A writer of named files into a stage that counts them, for modules that
 * write through a callback and know no stage (search_write): pass
 * stage_sink_write with a struct stage_sink.
 */
struct stage_sink {
	const struct stage *st;
	struct diag *d;
	size_t files;
};
int stage_sink_write(void *arg, const char *rel, const char *data,
		     size_t len);
/*
 * Swap the staging folder in as the output, with the user's own files of
 * the previous output (warnings name those that are not dot files).
 */
int stage_commit(struct stage *st, struct diag *d);
/* Free st; after a failure also remove the staging folder (the output is
 * untouched). Call it after stage_commit too. */
void stage_release(struct stage *st);

#endif
