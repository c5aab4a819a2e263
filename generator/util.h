#ifndef SHOWCASE_UTIL_H
#define SHOWCASE_UTIL_H

/*
 * The few file-system, path and sorting helpers every stage uses, and
 * (through xalloc.h) allocation that cannot fail. Everything here returns
 * memory the caller frees with free().
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "xalloc.h"

/* printf into a new string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * File helpers. They return 0 on success and -1 on failure with errno set;
 * they never print: callers turn errno into a diagnostic.
 */

/*
 * What file_read_max() found. A file that is not regular (a folder, FIFO,
 * device or socket) is refused before a byte is read from it, so a FIFO
 * cannot block and /dev/zero cannot fill the memory; a file over the limit
 * is refused before it is read too.
 */
enum file_status {
	FILE_OK = 0,
	FILE_ERRNO = -1,       /* errno says why */
	FILE_NOT_REGULAR = -2, /* *mode says what it is */
	FILE_TOO_BIG = -3,     /* over max bytes */
};
/*
 * Append the whole regular file path, at most max bytes, to out. mode (may
 * be NULL) gets the file's type and permissions when it could be opened.
 */
enum file_status file_read_max(const char *path, size_t max, struct buf *out,
			       unsigned *mode);
/* file_read_max() without a limit; anything but a regular file is refused
 * with errno EISDIR (a folder) or EINVAL. */
int file_read(const char *path, struct buf *out);
/* "a FIFO", "a character device"... for messages about st_mode mode. */
const char *file_type_name(unsigned mode);
/*
 * A date as the site writes it, one style everywhere: "2025-06-26" ->
 * 2025年6月26日, a month or an assessment round "2025-11" -> 2025年11月.
 * Other text (a round named "2025年上半年") is appended as it is; NULL
 * appends nothing.
 */
void date_cn(struct buf *out, const char *date);
/* "1 MB", "512 kB", "300 bytes": a size for messages, rounded down. */
char *file_size_text(size_t n);
int file_write(const char *path, const void *data, size_t len);
int file_copy(const char *from, const char *to);
int file_exists(const char *path);
/* Hard-link from to to, or copy where a link cannot be made (another file
 * system). Returns 1 when to now holds from's bytes, 0 when from is absent
 * or neither worked. */
int file_reuse(const char *from, const char *to);
int dir_exists(const char *path);
/* Create path and its parents (mode 0755). */
int dir_make(const char *path);
/* Remove a file or a whole tree; a missing path is not an error. */
int tree_remove(const char *path);

/* Join two path parts with one '/'; caller frees. */
char *path_join(const char *a, const char *b);
/* The directory part of path ("." when there is none); caller frees. */
char *path_dir(const char *path);

/* The absolute form of path, which need not exist yet. Caller frees. */
char *path_absolute(const char *path);
/* True when path is dir or inside it (both absolute). */
int path_inside(const char *path, const char *dir);

/* qsort that also takes an empty array with a NULL base, which qsort
 * itself may not be given. */
void xqsort(void *base, size_t n, size_t size,
	    int (*cmp)(const void *, const void *));
/*
 * FNV-1a, 64 bits: the one hash for content names (charts, images, PDFs)
 * and hash tables. Start from FNV_OFFSET; feed more with the result.
 */
#define FNV_OFFSET 0xcbf29ce484222325ULL
uint64_t fnv1a64(uint64_t h, const void *data, size_t n);
/* The value of a hexadecimal digit, or -1. */
int hex_value(int c);

/* Sort helper for arrays of char *. */
int strptr_cmp(const void *a, const void *b);

#endif
