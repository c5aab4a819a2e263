#ifndef SHOWCASE_MANIFEST_H
#define SHOWCASE_MANIFEST_H

/*
 * struct manifest: what a build wrote, kept in the output as
 * MANIFEST_FILE, so that the next build can tell that nothing changed and
 * leave the output as it is, without loading, rendering or swapping
 * anything.
 *
 * It holds the fingerprint of every input of the build (inputs.h: the
 * content of every file of site.json, content/, templates/, assets/, the
 * installed templates and theme, every image a page names elsewhere in
 * the site; showcase's own program and version; the options that change
 * the output) and the name, size and mode of every file the build wrote.
 * The output is up to date when the fingerprint is the same and every
 * file is still the one the build wrote: of the same size and mode, and
 * neither modified nor replaced since the manifest was written (its
 * modification and change times are older than the manifest's, which is
 * written a clock tick after the last file), with no other file or
 * folder beside them but dot entries (which a build carries over as the
 * user's). Anything else, and the build does it all.
 *
 * The manifest holds no time or inode, so that the same inputs still
 * give the same bytes; and it holds only the fingerprint of the whole,
 * never a hash of one input: it is served with the site, and a hash of
 * a small input (one private value) could be guessed back.
 *
 * The file ends with a checksum of its lines: a manifest that is
 * truncated, corrupt, or of another format or version of showcase is no
 * manifest, and the build that finds it builds everything.
 */

#include <stddef.h>
#include <stdint.h>

#define MANIFEST_FILE ".showcase-manifest"

struct manifest_file {
	char *path;          /* from the output root */
	uint64_t size;
	unsigned mode;
};

struct manifest {
	uint64_t inputs;     /* the fingerprint; 0: never up to date */
	char **extra;        /* inputs outside the walked folders (images),
			      * relative to the site folder, sorted */
	size_t nextra;
	size_t pages, files, private_values;
	struct manifest_file *f;
	size_t n;
};

void manifest_init(struct manifest *m);
void manifest_release(struct manifest *m);

/*
 * Read out's manifest into m (initialised). Returns 0, or -1 when there
 * is none or it is not whole and of this showcase (m is then empty).
 */
int manifest_read(struct manifest *m, const char *out);
/*
 * Is out as the build that wrote m left it? Every file listed is there
 * with its size and mode and older than the manifest, and out holds no
 * other file or folder but dot entries.
 */
int manifest_intact(const struct manifest *m, const char *out);
/*
 * List every file under dir (the staging folder, before the swap: all
 * of them the build's own) in m. Returns 0, or -1 with errno.
 */
int manifest_collect(struct manifest *m, const char *dir);
/*
 * Take the sizes and modes of the listed files from out (after the swap)
 * and write m there as MANIFEST_FILE, through a temporary name, once the
 * clock has moved on from the last file. Returns 0, or -1 with errno (the
 * output is fine: the next build does it all).
 */
int manifest_write(struct manifest *m, const char *out);
/* Add the extra input rel (copied). */
void manifest_add_extra(struct manifest *m, const char *rel);

/*
 * Fold into h the program itself (/proc/self/exe), so that any other
 * build of showcase, even of the same version, builds everything.
 * Returns 0, or -1 when the program cannot be read.
 */
int manifest_hash_self(uint64_t *h);
/* Fold the content of the file path into h; -1 when it cannot be read. */
int manifest_hash_file(uint64_t *h, const char *path);
/* Fold the string s (NULL is not "") into h. */
void manifest_hash_str(uint64_t *h, const char *s);

#endif
