#ifndef SHOWCASE_WEBFILE_H
#define SHOWCASE_WEBFILE_H

/*
 * struct webfile: the path of an HTTP request resolved to one file of an
 * output folder, safely, for the preview server (serve.h).
 *
 * The request path is taken raw, as the client sent it, and decoded here
 * once, so that every trick is seen before anything touches the disk:
 * "..", "." and hidden segments, percent-encoded dots, slashes and
 * backslashes, NUL and control bytes, broken escapes and paths longer than
 * WEBFILE_MAX_PATH are refused (400). The file is then opened segment by
 * segment with openat(2) and O_NOFOLLOW from the output folder, so a
 * symbolic link, wherever it points, is never followed (404): the output
 * showcase writes holds none.
 */

#include <stdint.h>

#include "buf.h"

#define WEBFILE_MAX_PATH 2048

struct webfile {
	int fd;           /* the open file, or -1 */
	uint64_t size;
	const char *mime; /* static */
	char *path;       /* from the output root: "cases/a.html" */
	char *location;   /* of a 301: the raw path with "/" added */
};

/* Set f empty (fd -1); allocates nothing. */
void webfile_init(struct webfile *f);
/* Close the file and free what f holds, leaving it as webfile_init(). */
void webfile_release(struct webfile *f);

/*
 * Decode the raw request path (before any '?') into out, the path from the
 * root without its leading '/'; a folder keeps its trailing '/'.
 * Returns 0, or -1 when the request must be refused with 400.
 */
int webfile_decode(const char *raw, struct buf *out);

/*
 * Resolve raw inside the folder open as rootfd (not closed here) into f,
 * initialised by webfile_init(). A folder gives its index.html. Returns the
 * HTTP status: 200 (f->fd is open), 301 (f->location), 400 or 404.
 */
int webfile_open(struct webfile *f, int rootfd, const char *raw);

/* The Content-Type of a file name, by its extension; never NULL. */
const char *webfile_mime(const char *name);

enum webfile_range {
	WEBFILE_RANGE_NONE,   /* no Range, or one to ignore: send it whole */
	WEBFILE_RANGE_OK,     /* *off and *len are the part to send (206) */
	WEBFILE_RANGE_BAD,    /* not satisfiable (416) */
};

/*
 * Read a Range header (may be NULL) for a body of size bytes. One range of
 * bytes is honoured; several ranges, or another unit, are ignored, as RFC
 * 9110 allows.
 */
enum webfile_range webfile_range(const char *header, uint64_t size,
				 uint64_t *off, uint64_t *len);

#endif
