#define _GNU_SOURCE /* O_DIRECTORY, fstatat */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "manifest.h"
#include "strmap.h"
#include "util.h"
#include "version.h"

/* The format; a change of it or of showcase's version means a full build. */
#define HEAD "showcase-manifest 1 " SHOWCASE_VERSION "\n"

void
manifest_init(struct manifest *m)
{
	memset(m, 0, sizeof(*m));
}

void
manifest_release(struct manifest *m)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		free(m->f[i].path);
	for (i = 0; i < m->nextra; i++)
		free(m->extra[i]);
	free(m->f);
	free(m->extra);
	memset(m, 0, sizeof(*m));
}

static void
add_file(struct manifest *m, size_t *cap, const char *path)
{
	struct manifest_file *f;

	m->f = xgrow(m->f, cap, m->n + 1, sizeof(*m->f));
	f = &m->f[m->n++];
	memset(f, 0, sizeof(*f));
	f->path = xstrdup(path);
}

void
manifest_add_extra(struct manifest *m, const char *rel)
{
	size_t cap = m->nextra;

	m->extra = xgrow(m->extra, &cap, m->nextra + 1, sizeof(*m->extra));
	m->extra[m->nextra++] = xstrdup(rel);
}

/* ---- hashing ---- */

void
manifest_hash_str(uint64_t *h, const char *s)
{
	static const char none = 1;

	if (s)
		*h = fnv1a64(*h, s, strlen(s) + 1);
	else
		*h = fnv1a64(*h, &none, 1);
}

int
manifest_hash_file(uint64_t *h, const char *path)
{
	struct buf b = BUF_INIT;
	uint64_t len;
	int rc = file_read(path, &b);

	if (rc == 0) {
		len = b.len;
		*h = fnv1a64(*h, &len, sizeof(len));
		*h = fnv1a64(*h, b.ptr, b.len);
	}
	buf_release(&b);
	return rc;
}

int
manifest_hash_self(uint64_t *h)
{
	manifest_hash_str(h, SHOWCASE_VERSION);
	return manifest_hash_file(h, "/proc/self/exe");
}

/* ---- the file ---- */

/* a < b */
static int
before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

/* The file is the one the build wrote before the manifest m. */
static int
same(const struct manifest_file *f, const struct stat *st,
     const struct stat *m)
{
	return S_ISREG(st->st_mode) && f->size == (uint64_t)st->st_size &&
	       f->mode == (unsigned)st->st_mode &&
	       before(&st->st_mtim, &m->st_mtim) &&
	       before(&st->st_ctim, &m->st_ctim);
}

/* The next line of text at *at, NUL-terminated in place; NULL at the end. */
static char *
next_line(char **at)
{
	char *line = *at, *nl;

	if (!line || !(nl = strchr(line, '\n')))
		return NULL;
	*nl = '\0';
	*at = nl + 1;
	return line;
}

static int
parse(struct manifest *m, char *text)
{
	char *at = text, *line;
	size_t cap = 0, ecap = 0;

	while ((line = next_line(&at))) {
		struct manifest_file *f;
		int used = 0;

		if (sscanf(line, "inputs %" SCNx64 "%n", &m->inputs, &used) == 1 &&
		    !line[used])
			continue;
		if (sscanf(line, "counts %zu %zu %zu%n", &m->pages, &m->files,
			   &m->private_values, &used) == 3 && !line[used])
			continue;
		if (!strncmp(line, "extra ", 6) && line[6]) {
			m->extra = xgrow(m->extra, &ecap, m->nextra + 1,
					 sizeof(*m->extra));
			m->extra[m->nextra++] = xstrdup(line + 6);
			continue;
		}
		add_file(m, &cap, "");
		f = &m->f[m->n - 1];
		if (sscanf(line, "file %" SCNu64 " %o %n", &f->size, &f->mode,
			   &used) != 2 || !line[used])
			return -1;
		free(f->path);
		f->path = xstrdup(line + used);
	}
	return *at ? -1 : 0;
}

int
manifest_read(struct manifest *m, const char *out)
{
	struct buf text = BUF_INIT;
	char *path = path_join(out, MANIFEST_FILE), *end;
	uint64_t sum, want;
	int rc = -1, used = 0;

	manifest_init(m);
	if (file_read(path, &text) < 0 || strncmp(text.ptr, HEAD, strlen(HEAD)))
		goto out;
	/* The last line: "end <checksum of everything before it>". */
	if (text.len < 2 || text.ptr[text.len - 1] != '\n')
		goto out;
	text.ptr[text.len - 1] = '\0';
	end = strrchr(text.ptr, '\n');
	if (!end || sscanf(end + 1, "end %" SCNx64 "%n", &want, &used) != 1 ||
	    end[1 + used])
		goto out;
	sum = fnv1a64(FNV_OFFSET, text.ptr, (size_t)(end + 1 - text.ptr));
	if (sum != want)
		goto out;
	end[1] = '\0';
	rc = parse(m, text.ptr + strlen(HEAD));
out:
	if (rc < 0)
		manifest_release(m);
	buf_release(&text);
	free(path);
	return rc;
}

/* ---- is the output as it was written? ---- */

struct walk {
	const struct manifest *m;
	struct strmap names; /* every listed file and its folders */
	size_t files;        /* listed files met on the walk */
	int ok;
};

/* Every non-dot entry of the folder rel (fd: the folder) must be listed. */
static void
walk_intact(struct walk *w, int fd, const char *rel)
{
	struct dirent *e;
	DIR *dp = fdopendir(fd);

	if (!dp) {
		close(fd);
		w->ok = 0;
		return;
	}
	while (w->ok && (e = readdir(dp))) {
		char *sub;

		if (e->d_name[0] == '.')
			continue;
		sub = *rel ? path_join(rel, e->d_name) : xstrdup(e->d_name);
		if (strmap_find(&w->names, sub) < 0) {
			w->ok = 0;
		} else if (e->d_type == DT_DIR) {
			int sfd = openat(dirfd(dp), e->d_name,
					 O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

			if (sfd < 0)
				w->ok = 0;
			else
				walk_intact(w, sfd, sub);
		} else {
			w->files++;
		}
		free(sub);
	}
	closedir(dp);
}

int
manifest_intact(const struct manifest *m, const char *out)
{
	struct walk w;
	size_t i, dots = 0;
	struct stat ms;
	int fd;

	if (!m->n)
		return 0;
	fd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	if (fstatat(fd, MANIFEST_FILE, &ms, AT_SYMLINK_NOFOLLOW) < 0) {
		close(fd);
		return 0;
	}
	memset(&w, 0, sizeof(w));
	w.m = m;
	w.ok = 1;
	strmap_init(&w.names);
	for (i = 0; w.ok && i < m->n; i++) {
		const char *p = m->f[i].path, *base = strrchr(p, '/');
		char *dir = xstrdup(p), *s;
		struct stat st;

		if (fstatat(fd, p, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
		    !same(&m->f[i], &st, &ms))
			w.ok = 0;
		if ((base ? base[1] : p[0]) == '.')
			dots++;
		strmap_intern(&w.names, p, NULL);
		while ((s = strrchr(dir, '/'))) {
			*s = '\0';
			strmap_intern(&w.names, dir, NULL);
		}
		free(dir);
	}
	if (w.ok) {
		walk_intact(&w, fd, "");
		/* A listed file under a dot folder is not walked: none is. */
		w.ok = w.ok && w.files + dots == m->n;
	} else {
		close(fd);
	}
	strmap_release(&w.names);
	return w.ok;
}

/* ---- what a build wrote ---- */

static int
collect(struct manifest *m, size_t *cap, const char *dir, const char *rel)
{
	struct dirent *e;
	DIR *dp = opendir(dir);
	char **names = NULL;
	size_t n = 0, ncap = 0, i;
	int rc = 0;

	if (!dp)
		return -1;
	while ((e = readdir(dp))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		names = xgrow(names, &ncap, n + 1, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dp);
	xqsort(names, n, sizeof(*names), strptr_cmp);
	for (i = 0; i < n; i++) {
		char *path = path_join(dir, names[i]);
		char *sub = *rel ? path_join(rel, names[i]) : xstrdup(names[i]);
		struct stat st;

		if (rc == 0 && lstat(path, &st) < 0)
			rc = -1;
		else if (rc == 0 && S_ISDIR(st.st_mode))
			rc = collect(m, cap, path, sub);
		else if (rc == 0 && strcmp(sub, MANIFEST_FILE))
			add_file(m, cap, sub);
		free(path);
		free(sub);
		free(names[i]);
	}
	free(names);
	return rc;
}

int
manifest_collect(struct manifest *m, const char *dir)
{
	size_t cap = m->n;

	return collect(m, &cap, dir, "");
}

/*
 * Wait until the file system's clock (the coarse one) has passed now, so
 * that a file written from here on is newer than every file written
 * before: a file changed in the same tick as the manifest would look
 * unchanged.
 */
static void
next_tick(void)
{
	struct timespec now, coarse, nap = { 0, 1000000 };
	int i;

	clock_gettime(CLOCK_REALTIME, &now);
	for (i = 0; i < 1000; i++) {
		clock_gettime(CLOCK_REALTIME_COARSE, &coarse);
		if (before(&now, &coarse))
			break;
		nanosleep(&nap, NULL);
	}
}

int
manifest_write(struct manifest *m, const char *out)
{
	struct buf text = BUF_INIT;
	char *path = path_join(out, MANIFEST_FILE);
	char *tmp = path_join(out, MANIFEST_FILE ".tmp");
	size_t i;
	int rc = -1;

	BUF_ADDLIT(&text, HEAD);
	buf_addf(&text, "inputs %016" PRIx64 "\n", m->inputs);
	buf_addf(&text, "counts %zu %zu %zu\n", m->pages, m->files,
		 m->private_values);
	for (i = 0; i < m->nextra; i++)
		buf_addf(&text, "extra %s\n", m->extra[i]);
	for (i = 0; i < m->n; i++) {
		struct manifest_file *f = &m->f[i];
		char *p = path_join(out, f->path);
		struct stat st;

		if (lstat(p, &st) < 0) {
			free(p);
			goto out;
		}
		free(p);
		f->size = (uint64_t)st.st_size;
		f->mode = (unsigned)st.st_mode;
		buf_addf(&text, "file %" PRIu64 " %o %s\n", f->size, f->mode,
			 f->path);
	}
	buf_addf(&text, "end %016" PRIx64 "\n",
		 fnv1a64(FNV_OFFSET, text.ptr, text.len));
	next_tick();
	if (file_write(tmp, text.ptr, text.len) < 0 || rename(tmp, path) < 0) {
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	buf_release(&text);
	free(path);
	free(tmp);
	return rc;
}
