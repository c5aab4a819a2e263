#define _GNU_SOURCE /* renameat2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "stage.h"
#include "util.h"

#define MARKER ".showcase"

/* An existing output may be replaced when it is empty or ours. */
static int
replaceable(const char *out)
{
	struct dirent *e;
	char *marker;
	int ok = 1;
	DIR *dp;

	if (!dir_exists(out))
		return 1;
	marker = path_join(out, MARKER);
	if (file_exists(marker)) {
		free(marker);
		return 1;
	}
	free(marker);
	if (!(dp = opendir(out)))
		return 0;
	while ((e = readdir(dp)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
			ok = 0;
			break;
		}
	closedir(dp);
	return ok;
}

static char *
sibling(const char *out, const char *what)
{
	char *dir = path_dir(out), *p;
	const char *base = strrchr(out, '/');
	struct buf name = BUF_INIT;

	base = base ? base + 1 : out;
	buf_addf(&name, ".%s.%s-%ld", base, what, (long)getpid());
	p = path_join(dir, name.ptr);
	free(dir);
	buf_release(&name);
	return p;
}

/*
 * A build that was killed leaves its staging folder behind; the next build
 * removes those whose process is gone.
 */
static void
remove_stale(const char *out)
{
	char *dir = path_dir(out), *prefix;
	const char *base = strrchr(out, '/');
	struct dirent *e;
	size_t n;
	DIR *dp;

	base = base ? base + 1 : out;
	prefix = xasprintf(".%s.", base);
	n = strlen(prefix);
	if ((dp = opendir(dir))) {
		while ((e = readdir(dp))) {
			const char *rest = e->d_name + n, *dash;
			long pid;

			if (strncmp(e->d_name, prefix, n) ||
			    (strncmp(rest, "tmp-", 4) && strncmp(rest, "old-", 4)))
				continue;
			dash = rest + 4;
			pid = strtol(dash, NULL, 10);
			if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
				continue;
			char *p = path_join(dir, e->d_name);

			tree_remove(p);
			free(p);
		}
		closedir(dp);
	}
	free(prefix);
	free(dir);
}

int
stage_open(struct stage *st, const char *out, struct diag *d)
{
	char *marker = NULL;
	size_t n;
	int rc = -1;

	memset(st, 0, sizeof(*st));
	st->out = xstrdup(out);
	n = strlen(st->out);
	while (n > 1 && st->out[n - 1] == '/')
		st->out[--n] = '\0';
	if (!replaceable(st->out)) {
		diag_error(d, st->out, 0, 0,
			   "refusing to replace a folder that showcase did not write (it has files and no %s); choose another output folder",
			   MARKER);
		goto out;
	}
	remove_stale(st->out);
	st->tmp = sibling(st->out, "tmp");
	if (tree_remove(st->tmp) < 0 || dir_make(st->tmp) < 0) {
		diag_error(d, st->tmp, 0, 0, "cannot create staging folder: %s",
			   strerror(errno));
		goto out;
	}
	st->open = 1;
	marker = path_join(st->tmp, MARKER);
	if (file_write(marker, "showcase output\n", 16) < 0) {
		diag_error(d, marker, 0, 0, "cannot write: %s", strerror(errno));
		goto out;
	}
	rc = 0;
out:
	free(marker);
	return rc;
}

char *
stage_path(const struct stage *st, const char *rel)
{
	return path_join(st->tmp, rel);
}

int
stage_mkdir(const struct stage *st, const char *rel, struct diag *d)
{
	char *p = stage_path(st, rel);
	int rc = dir_make(p);

	if (rc < 0)
		diag_error(d, p, 0, 0, "cannot create folder: %s", strerror(errno));
	free(p);
	return rc;
}

int
stage_write(const struct stage *st, const char *rel, const void *data,
	    size_t len, struct diag *d)
{
	char *p = stage_path(st, rel);
	int rc = file_write(p, data, len);

	if (rc < 0)
		diag_error(d, p, 0, 0, "cannot write: %s", strerror(errno));
	free(p);
	return rc;
}

int
stage_reuse(const struct stage *st, const char *prev, const char *rel)
{
	char *from, *to;
	int ok = 0;

	if (!prev)
		return 0;
	from = path_join(prev, rel);
	to = stage_path(st, rel);
	ok = file_reuse(from, to);
	free(from);
	free(to);
	return ok;
}

int
stage_commit(struct stage *st, struct diag *d)
{
	char *old = NULL;
	int rc = -1;

	if (!dir_exists(st->out)) {
		if (rename(st->tmp, st->out) < 0) {
			diag_error(d, st->out, 0, 0, "cannot move the new output in place: %s",
				   strerror(errno));
			goto out;
		}
		st->open = 0;
		rc = 0;
		goto out;
	}
	/*
	 * Exchange the two folders in one step where the kernel can, so the
	 * output is never missing, even for a moment; otherwise move the old
	 * one aside first.
	 */
	if (renameat2(AT_FDCWD, st->tmp, AT_FDCWD, st->out, RENAME_EXCHANGE) == 0) {
		st->open = 0;
		tree_remove(st->tmp);
		rc = 0;
		goto out;
	}
	old = sibling(st->out, "old");
	tree_remove(old);
	if (rename(st->out, old) < 0 || rename(st->tmp, st->out) < 0) {
		diag_error(d, st->out, 0, 0, "cannot replace the output: %s",
			   strerror(errno));
		if (!dir_exists(st->out))
			rename(old, st->out);
		goto out;
	}
	st->open = 0;
	tree_remove(old);
	rc = 0;
out:
	free(old);
	return rc;
}

void
stage_release(struct stage *st)
{
	if (st->open && st->tmp)
		tree_remove(st->tmp);
	st->open = 0;
	free(st->tmp);
	free(st->out);
	memset(st, 0, sizeof(*st));
}
