#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

char *
xasprintf(const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return buf_detach(&b, NULL);
}

enum file_status
file_read_max(const char *path, size_t max, struct buf *out, unsigned *mode)
{
	enum file_status rc = FILE_ERRNO;
	size_t start = out->len;
	struct stat st;
	ssize_t n;
	int fd, saved;

	/* O_NONBLOCK: opening a FIFO for reading would wait for a writer. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) < 0)
		return FILE_ERRNO;
	if (fstat(fd, &st) < 0)
		goto out;
	if (mode)
		*mode = (unsigned)st.st_mode;
	if (!S_ISREG(st.st_mode)) {
		rc = FILE_NOT_REGULAR;
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		goto out;
	}
	if ((unsigned long long)st.st_size > max) {
		rc = FILE_TOO_BIG;
		errno = EFBIG;
		goto out;
	}
	buf_grow(out, st.st_size > 0 ? (size_t)st.st_size : 4096);
	for (;;) {
		buf_grow(out, 4096);
		n = read(fd, out->ptr + out->len, out->cap - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto out;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->ptr[out->len] = '\0';
		/* It may grow while we read. */
		if (out->len - start > max) {
			buf_setlen(out, start);
			rc = FILE_TOO_BIG;
			errno = EFBIG;
			goto out;
		}
	}
	rc = FILE_OK;
out:
	saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

int
file_read(const char *path, struct buf *out)
{
	return file_read_max(path, (size_t)-1, out, NULL) == FILE_OK ? 0 : -1;
}

const char *
file_type_name(unsigned mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG:
		return "a regular file";
	case S_IFDIR:
		return "a folder";
	case S_IFIFO:
		return "a FIFO";
	case S_IFCHR:
		return "a character device";
	case S_IFBLK:
		return "a block device";
	case S_IFSOCK:
		return "a socket";
	case S_IFLNK:
		return "a symbolic link";
	default:
		return "not a regular file";
	}
}

char *
file_size_text(size_t n)
{
	if (n >= 1u << 20)
		return xasprintf("%zu MB", n >> 20);
	if (n >= 1u << 10)
		return xasprintf("%zu kB", n >> 10);
	return xasprintf("%zu bytes", n);
}

int
file_write(const char *path, const void *data, size_t len)
{
	const char *p = data;
	int fd, saved;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return close(fd);
}

int
file_copy(const char *from, const char *to)
{
	struct buf b = BUF_INIT;
	int rc;

	rc = file_read(from, &b);
	if (rc == 0)
		rc = file_write(to, b.ptr, b.len);
	buf_release(&b);
	return rc;
}

int
file_reuse(const char *from, const char *to)
{
	if (!file_exists(from))
		return 0;
	return link(from, to) == 0 || file_copy(from, to) == 0;
}

int
file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int
dir_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
dir_make(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;

		*s = '\0';
		if (mkdir(p, 0755) < 0 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	if (rc == 0 && !dir_exists(path)) {
		errno = ENOTDIR;
		rc = -1;
	}
	return rc;
}

int
tree_remove(const char *path)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int rc = 0;

	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	if (!(d = opendir(path)))
		return -1;
	while ((e = readdir(d))) {
		char *sub;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		sub = path_join(path, e->d_name);
		if (tree_remove(sub) < 0)
			rc = -1;
		free(sub);
	}
	closedir(d);
	if (rmdir(path) < 0)
		rc = -1;
	return rc;
}

char *
path_join(const char *a, const char *b)
{
	size_t n = strlen(a);

	if (!n || !strcmp(a, "."))
		return xstrdup(b);
	if (a[n - 1] == '/')
		return xasprintf("%s%s", a, b);
	return xasprintf("%s/%s", a, b);
}

char *
path_dir(const char *path)
{
	const char *s = strrchr(path, '/');

	if (!s)
		return xstrdup(".");
	if (s == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(s - path));
}

char *
path_absolute(const char *path)
{
	char *real, *dir, *absdir, *abs;
	const char *base;

	if ((real = realpath(path, NULL)))
		return real;
	/* Not there yet: the absolute form of its folder, then its name. */
	dir = path_dir(path);
	base = strrchr(path, '/');
	base = base ? base + 1 : path;
	if (!strcmp(dir, path) || !strcmp(dir, "/")) {
		free(dir);
		return xstrdup(path);
	}
	absdir = path_absolute(dir);
	abs = path_join(absdir, base);
	free(absdir);
	free(dir);
	return abs;
}

int
path_inside(const char *path, const char *dir)
{
	size_t n = strlen(dir);

	return !strncmp(path, dir, n) && (path[n] == '/' || path[n] == '\0');
}

void
xqsort(void *base, size_t n, size_t size,
       int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

int
strptr_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

uint64_t
fnv1a64(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void
date_cn(struct buf *out, const char *date)
{
	int y, m, d, n = 0;

	if (!date)
		return;
	if (sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && !date[n] &&
	    n == 10)
		buf_addf(out, "%d年%d月%d日", y, m, d);
	else if (n = 0, sscanf(date, "%4d-%2d%n", &y, &m, &n) == 2 &&
		 !date[n] && n == 7)
		buf_addf(out, "%d年%d月", y, m);
	else
		buf_addstr(out, date);
}
