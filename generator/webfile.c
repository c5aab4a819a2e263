#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "routes.h"
#include "util.h"
#include "webfile.h"

void
webfile_init(struct webfile *f)
{
	memset(f, 0, sizeof(*f));
	f->fd = -1;
	f->mime = webfile_mime("");
}

void
webfile_release(struct webfile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	free(f->path);
	free(f->location);
	webfile_init(f);
}

/* A segment that names no file of the output, or a hidden one (.showcase). */
static int
bad_segment(const char *seg, size_t n)
{
	return n > 0 && seg[0] == '.';
}

int
webfile_decode(const char *raw, struct buf *out)
{
	const unsigned char *s = (const unsigned char *)raw;
	size_t seg = 0, rawlen = strlen(raw);

	buf_reset(out);
	if (s[0] != '/' || rawlen > WEBFILE_MAX_PATH)
		return -1;
	for (s++; *s; s++) {
		int c = *s;

		if (c == '%') {
			int hi = hex_value(s[1]), lo = hi < 0 ? -1 : hex_value(s[2]);

			if (lo < 0)
				return -1;
			c = hi << 4 | lo;
			s += 2;
			/*
			 * An encoded dot or separator only ever serves to slip
			 * ".." or a hidden name past a filter; no page of the
			 * output needs one.
			 */
			if (c == '.' || c == '/' || c == '\\' || c == 0)
				return -1;
		}
		if (c < 0x20 || c == 0x7F || c == '\\')
			return -1;
		if (c == '/') {
			if (out->len == seg) /* "//": one separator */
				continue;
			if (bad_segment(out->ptr + seg, out->len - seg))
				return -1;
			buf_addch(out, '/');
			seg = out->len;
			continue;
		}
		buf_addch(out, c);
	}
	if (bad_segment(out->ptr + seg, out->len - seg))
		return -1;
	return 0;
}

/* Open name in dir without following a link; -1 with errno. */
static int
open_in(int dir, const char *name)
{
	return openat(dir, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
}

int
webfile_open(struct webfile *f, int rootfd, const char *raw)
{
	struct buf path = BUF_INIT;
	struct stat sb;
	char *p, *slash;
	int dir = -1, fd = -1, status = 404;

	if (webfile_decode(raw, &path) < 0) {
		status = 400;
		goto out;
	}
	if ((dir = dup(rootfd)) < 0)
		goto out;
	/* Walk the folders, each opened from the one before. */
	for (p = path.ptr; (slash = strchr(p, '/')); p = slash + 1) {
		int next;

		*slash = '\0';
		next = open_in(dir, p);
		*slash = '/';
		if (next < 0)
			goto out;
		close(dir);
		dir = next;
		if (fstat(dir, &sb) < 0 || !S_ISDIR(sb.st_mode))
			goto out;
	}
	if (*p) {
		if ((fd = open_in(dir, p)) < 0 || fstat(fd, &sb) < 0)
			goto out;
		if (S_ISDIR(sb.st_mode)) {
			/* Relative links of its index need the slash. */
			f->location = xasprintf("%s/", raw);
			status = 301;
			goto out;
		}
	} else {
		BUF_ADDLIT(&path, ROUTES_INDEX);
		if ((fd = open_in(dir, ROUTES_INDEX)) < 0 || fstat(fd, &sb) < 0)
			goto out;
	}
	if (!S_ISREG(sb.st_mode))
		goto out;
	/* Reads may block from here on (the file is regular). */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	f->fd = fd;
	fd = -1;
	f->size = (uint64_t)sb.st_size;
	f->mime = webfile_mime(path.ptr);
	f->path = buf_detach(&path, NULL);
	status = 200;
out:
	if (fd >= 0)
		close(fd);
	if (dir >= 0)
		close(dir);
	buf_release(&path);
	return status;
}

struct mime {
	const char *ext;
	const char *type;
};

static const struct mime mimes[] = {
	/* Sorted by extension, for bsearch. */
	{ "atom", "application/atom+xml" },
	{ "avif", "image/avif" },
	{ "css", "text/css; charset=utf-8" },
	{ "csv", "text/csv; charset=utf-8" },
	{ "gif", "image/gif" },
	{ "htm", "text/html; charset=utf-8" },
	{ "html", "text/html; charset=utf-8" },
	{ "ico", "image/vnd.microsoft.icon" },
	{ "jpeg", "image/jpeg" },
	{ "jpg", "image/jpeg" },
	{ "js", "text/javascript; charset=utf-8" },
	{ "json", "application/json" },
	{ "map", "application/json" },
	{ "md", "text/markdown; charset=utf-8" },
	{ "mjs", "text/javascript; charset=utf-8" },
	{ "mp4", "video/mp4" },
	{ "otf", "font/otf" },
	{ "pdf", "application/pdf" },
	{ "png", "image/png" },
	{ "svg", "image/svg+xml" },
	{ "ttf", "font/ttf" },
	{ "txt", "text/plain; charset=utf-8" },
	{ "webm", "video/webm" },
	{ "webmanifest", "application/manifest+json" },
	{ "webp", "image/webp" },
	{ "woff", "font/woff" },
	{ "woff2", "font/woff2" },
	{ "xml", "application/xml" },
	{ "zip", "application/zip" },
};

static int
mime_cmp(const void *key, const void *elem)
{
	return strcasecmp(key, ((const struct mime *)elem)->ext);
}

const char *
webfile_mime(const char *name)
{
	const char *slash = strrchr(name, '/'), *dot;
	const struct mime *hit;

	dot = strrchr(slash ? slash + 1 : name, '.');
	if (dot && dot[1]) {
		hit = bsearch(dot + 1, mimes, sizeof(mimes) / sizeof(mimes[0]),
			      sizeof(mimes[0]), mime_cmp);
		if (hit)
			return hit->type;
	}
	return "application/octet-stream";
}

/* A decimal number of at most 19 digits at *s; -1 when there is none. */
static int
number(const char **s, uint64_t *v)
{
	const char *p = *s;

	*v = 0;
	while (*p >= '0' && *p <= '9' && p - *s < 19)
		*v = *v * 10 + (uint64_t)(*p++ - '0');
	if (p == *s || (*p >= '0' && *p <= '9'))
		return -1;
	*s = p;
	return 0;
}

enum webfile_range
webfile_range(const char *h, uint64_t size, uint64_t *off, uint64_t *len)
{
	uint64_t a, b;

	*off = 0;
	*len = size;
	if (!h)
		return WEBFILE_RANGE_NONE;
	while (*h == ' ' || *h == '\t')
		h++;
	if (strncasecmp(h, "bytes=", 6) || strchr(h, ','))
		return WEBFILE_RANGE_NONE;
	h += 6;
	while (*h == ' ')
		h++;
	if (*h == '-') { /* the last b bytes */
		h++;
		if (number(&h, &b) < 0 || *h)
			return WEBFILE_RANGE_NONE;
		if (b == 0 || size == 0)
			return WEBFILE_RANGE_BAD;
		if (b > size)
			b = size;
		*off = size - b;
		*len = b;
		return WEBFILE_RANGE_OK;
	}
	if (number(&h, &a) < 0 || *h++ != '-')
		return WEBFILE_RANGE_NONE;
	if (!*h) {
		b = size ? size - 1 : 0;
	} else if (number(&h, &b) < 0 || *h || b < a) {
		return WEBFILE_RANGE_NONE;
	}
	if (a >= size)
		return WEBFILE_RANGE_BAD;
	if (b >= size)
		b = size - 1;
	*off = a;
	*len = b - a + 1;
	return WEBFILE_RANGE_OK;
}
