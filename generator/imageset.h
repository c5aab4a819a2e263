#ifndef SHOWCASE_IMAGESET_H
#define SHOWCASE_IMAGESET_H

/*
 * struct imageset: the cover and body images of a build, resized with
 * libgd into the widths the templates use. Pages add their images while
 * they load or render, from many threads; each gets its URLs, width and
 * height at once (from the file's header, without decoding it), and the
 * resized files are made afterwards, in parallel, by imageset_write().
 *
 * Originals are kept: they are copied with the assets, under the path the
 * author wrote. Variants are 480 and 960 pixels wide, or the original's
 * width when it is smaller (never upscaled), in the original's format
 * (JPEG, PNG or WebP, told apart by their first bytes, not by the
 * extension). They are named by content, images/<hash>-<width>.<ext>,
 * where the hash covers the original's bytes and the width, so an
 * unchanged image keeps its names and the previous output lends its files.
 *
 * Phone photos often store their pixels sideways with an Exif orientation
 * that browsers apply; variants carry no Exif, so JPEG orientation is
 * applied when resizing, and width and height are those the reader sees.
 *
 * imageset_new() installs a libgd error handler (libgd's is process-wide)
 * so that libgd never prints: its messages end up in diagnostics.
 */

#include <stddef.h>

struct buf;
struct diag;
struct stage;

struct imageset;

#define IMAGE_MAX_VARIANTS 2

struct image_variant {
	int width, height;
	char *url;          /* "images/<16 hex>-<width>.<ext>", from the root */
};

/*
 * What a page needs to show one image. Embed it (IMAGE_REF_INIT or zeroed)
 * and release it with image_ref_release(); it owns its strings.
 */
struct image_ref {
	char *url;          /* the original, as written from the site root;
			     * encode it with buf_addurl() in a link */
	int width, height;  /* the original's, as displayed */
	int nvariants;      /* 1 or 2, in ascending width */
	struct image_variant v[IMAGE_MAX_VARIANTS];
};

#define IMAGE_REF_INIT { NULL, 0, 0, 0, { { 0, 0, NULL }, { 0, 0, NULL } } }

/* Free ref's strings and leave it empty (an empty ref may be released). */
void image_ref_release(struct image_ref *ref);

/*
 * Append the srcset value for a page whose links to the root start with
 * root ("", "../"): "ROOTimages/…-480.png 480w, ROOTimages/…-960.png 960w".
 * The URLs need no escaping in an attribute. Use it with a sizes
 * attribute, or the browser assumes the image fills the viewport.
 */
void image_ref_srcset(const struct image_ref *ref, const char *root,
		      struct buf *out);
/* Append root and the URL of the default src: the largest variant (960
 * pixels wide unless the original is narrower). */
void image_ref_src(const struct image_ref *ref, const char *root,
		   struct buf *out);

/*
 * The width and height of the image file at path, as displayed, from its
 * header (JPEG, PNG or WebP). Returns 0, or -1 when it cannot be read or
 * is no such image.
 */
int imageset_probe_file(const char *path, int *width, int *height);

/* Caller frees with imageset_free(). */
struct imageset *imageset_new(void);
void imageset_free(struct imageset *s);

/*
 * Add the image at rel (written from the site root, e.g.
 * "assets/images/covers/x.png"; read from site_dir) and fill ref, which
 * must be empty. Problems (a path that leaves the site, a file that cannot
 * be read, is not an image, is damaged, too large, or in a format other
 * than JPEG, PNG or WebP) are reported at file:line:col, the page and the
 * place that names the image, or against the image itself when file is
 * NULL; ref is then left empty. The first page to add an image also gives
 * the position for the problems imageset_write() finds in it.
 * Thread-safe; adding the same image again costs a lookup.
 * Returns 0, or -1 with a diagnostic.
 */
int imageset_add(struct imageset *s, const char *site_dir, const char *rel,
		 const char *file, int line, int col, struct image_ref *ref,
		 struct diag *d);

/*
 * Call fn with the name of every image added (as added: from the site
 * root), for the inputs an incremental build keeps (manifest.h).
 */
void imageset_sources(const struct imageset *s,
		      void (*fn)(void *arg, const char *rel), void *arg);

/* Number of distinct variant files imageset_write() will put out. */
size_t imageset_count(const struct imageset *s);

/*
 * Make every distinct variant in the stage's images/ folder with jobs
 * threads, decoding each original once. A variant that prev (the previous
 * output folder, may be NULL) has under its name is hard-linked or copied
 * instead. Returns 0, or -1 with diagnostics; *made and *reused count
 * files. Call it once all adds are done.
 */
int imageset_write(struct imageset *s, const struct stage *st,
		   const char *prev, int jobs, size_t *made, size_t *reused,
		   struct diag *d);

#endif
