#ifndef SHOWCASE_INPUTS_H
#define SHOWCASE_INPUTS_H

/*
 * struct inputs: the one walk over the folders a build reads from a site
 * (content/, templates/, assets/, and site.json), for build, check, stats
 * and report alike, before anything in them is read. What it accepts:
 *
 * - regular files and folders only: a FIFO would block a reader forever,
 *   a device (a link to /dev/zero) never ends, a socket cannot be read;
 * - whose real path, links followed, is inside the site folder: a link to
 *   a system file would otherwise be copied into the public site;
 * - no link back to a folder above it (it would be walked forever), and
 *   no deeper than INPUTS_MAX_DEPTH folders;
 * - no internal report (a folder holding REPORT_MARKER, or under
 *   assets/ a page carrying REPORT_META), which must never be
 *   published;
 * - under assets/, files of at most INPUTS_MAX_ASSET bytes (the readers
 *   of the other files have limits of their own: src.h).
 *
 * Names starting with "." are skipped, as every reader skips them.
 * Every refusal is reported, at the path as the site names it.
 */

#include <stddef.h>
#include <stdint.h>

struct buf;
struct diag;
struct site;
struct stage;

#define INPUTS_MAX_DEPTH 32
#define INPUTS_MAX_ASSET (128u << 20)

/* Check the inputs of site. Returns 0, or -1 with every refusal in d. */
int inputs_check(const struct site *site, struct diag *d);

/*
 * inputs_check(), folding the name and content of every file it walks,
 * and of the installed templates and theme the site uses, into *h: the
 * fingerprint of an incremental build (manifest.h). Returns 0, or -1 with
 * every refusal in d.
 */
int inputs_fingerprint(const struct site *site, uint64_t *h, struct diag *d);

/*
 * For a file of the site read outside the walk (an image a page names,
 * which may be anywhere in the site folder dir): 0 when dir/rel is absent
 * (its reader says so) or a regular file whose real path is inside dir;
 * else -1 with the reason, a phrase to follow the file's name, in why.
 */
int inputs_within(const char *dir, const char *rel, struct buf *why);

/*
 * The folders a build copies into the output as they are, in the order
 * they are copied: i = 0 the site's assets/, then the installed theme's
 * css/, js/ and theme/. Sets *from (on disk) and *rel (in the output),
 * both the caller's to free, and returns 1 (the folder may be missing);
 * 0 when the site has no assets/ of its own (nothing set); -1 after the
 * last.
 */
int inputs_asset_dir(const struct site *site, size_t i, char **from,
		     char **rel);
/*
 * Copy those folders into the staging folder st, keeping files an
 * earlier copy gave (the site's own assets win over the defaults), with
 * the same refusals as inputs_check() for the site's own. *count is
 * increased by the files copied. Returns 0, or -1 with d.
 */
int inputs_copy_assets(const struct stage *st, const struct site *site,
		       size_t *count, struct diag *d);

#endif
