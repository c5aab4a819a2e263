#define _GNU_SOURCE /* renameat2, statx */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "stage.h"
#include "strmap.h"
#include "util.h"

#define MARKER ".showcase"
#define MARKER_HEAD "showcase output\n"
/*
 * A folder that cannot be renamed (a mount point) is staged inside itself
 * and its contents are swapped in two phases, each begun by one rename
 * that a later run can see: phase 1 moves the old entries into OLD, then
 * OLD is renamed DONE and phase 2 moves the new entries in from TMP.
 */
#define IN_TMP ".showcase-tmp-"
#define IN_OLD ".showcase-old-"
#define IN_DONE ".showcase-done-"

/*
 * SHOWCASE_TEST_SWAP, for the tests only, forces the paths that need a
 * special file system: "rename" acts as if the kernel had no
 * RENAME_EXCHANGE, "contents" as if the output were a mount point; with
 * "-kill" ("rename-kill", "contents-kill-1", "contents-kill-2") showcase
 * kills itself half-way through that swap, as a power cut would.
 */
static int
test_swap(const char *mode)
{
	const char *t = getenv("SHOWCASE_TEST_SWAP");

	return t && !strncmp(t, mode, strlen(mode));
}

static void
test_kill(const char *point)
{
	const char *t = getenv("SHOWCASE_TEST_SWAP");

	if (t && !strcmp(t, point))
		raise(SIGKILL);
}

/*
 * An existing output may be replaced when it is empty (but for the
 * lost+found of a file system mounted there) or ours.
 */
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
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    strcmp(e->d_name, "lost+found")) {
			ok = 0;
			break;
		}
	closedir(dp);
	return ok;
}

static const char *
base_name(const char *path)
{
	const char *base = strrchr(path, '/');

	return base ? base + 1 : path;
}

static char *
sibling(const char *out, const char *what)
{
	char *dir = path_dir(out), *p;
	struct buf name = BUF_INIT;

	buf_addf(&name, ".%s.%s-%ld", base_name(out), what, (long)getpid());
	p = path_join(dir, name.ptr);
	free(dir);
	buf_release(&name);
	return p;
}

/* Is the process that owns a name ending in "<pid>" gone? */
static int
owner_gone(const char *pidtext)
{
	long pid = strtol(pidtext, NULL, 10);

	return pid <= 0 || (kill((pid_t)pid, 0) < 0 && errno == ESRCH);
}

/*
 * The output that -o names, with a symbolic link followed: a deploy link
 * (public -> releases/7) is kept and its target is replaced. A link whose
 * target does not exist yet gives the path it will have. NULL with errno
 * on a loop or an unreadable link.
 */
static char *
follow(const char *out)
{
	struct buf target = BUF_INIT;
	char *cur = xstrdup(out), *next, *real;
	struct stat st;
	int hops;

	for (hops = 0; hops < 40; hops++) {
		ssize_t n;

		if (lstat(cur, &st) < 0 || !S_ISLNK(st.st_mode)) {
			buf_release(&target);
			if (hops == 0 || !(real = realpath(cur, NULL)))
				return cur;
			free(cur);
			return real;
		}
		buf_reset(&target);
		buf_grow(&target, PATH_MAX);
		n = readlink(cur, target.ptr, target.cap - 1);
		if (n < 0) {
			free(cur);
			buf_release(&target);
			return NULL;
		}
		buf_setlen(&target, (size_t)n);
		if (target.ptr[0] == '/') {
			next = xstrdup(target.ptr);
		} else {
			char *dir = path_dir(cur);

			next = path_join(dir, target.ptr);
			free(dir);
		}
		free(cur);
		cur = next;
	}
	free(cur);
	buf_release(&target);
	errno = ELOOP;
	return NULL;
}

/*
 * A mount point cannot be renamed (EBUSY), nor can anything be renamed
 * into it from outside (EXDEV): its own mount, not only its device,
 * tells, since a bind mount keeps the device.
 */
static int
is_mount_point(const char *dir)
{
	char *parent = path_join(dir, "..");
	struct statx a, b;
	int rc = 0;

	if (statx(AT_FDCWD, dir, 0, STATX_MNT_ID, &a) == 0 &&
	    statx(AT_FDCWD, parent, 0, STATX_MNT_ID, &b) == 0) {
		if ((a.stx_mask & b.stx_mask & STATX_MNT_ID))
			rc = a.stx_mnt_id != b.stx_mnt_id;
		else
			rc = a.stx_dev_major != b.stx_dev_major ||
			     a.stx_dev_minor != b.stx_dev_minor;
	}
	free(parent);
	return rc;
}

/* The names in dir, but "." and ".."; NULL-terminated, caller frees. */
static char **
list_dir(const char *dir, size_t *count)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	DIR *dp;

	if ((dp = opendir(dir))) {
		while ((e = readdir(dp))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			names = xgrow(names, &cap, n + 2, sizeof(*names));
			names[n++] = xstrdup(e->d_name);
		}
		closedir(dp);
	}
	names = xgrow(names, &cap, n + 1, sizeof(*names));
	names[n] = NULL;
	xqsort(names, n, sizeof(*names), strptr_cmp);
	if (count)
		*count = n;
	return names;
}

static void
free_names(char **names)
{
	size_t i;

	for (i = 0; names && names[i]; i++)
		free(names[i]);
	free(names);
}

/*
 * Entries at the top of an output that a swap of contents leaves where
 * they are: its own folders, and the lost+found of a file system whose
 * root is the output (fsck wants it there, as it is).
 */
static int
is_swap_name(const char *name)
{
	return !strcmp(name, "lost+found") ||
	       !strncmp(name, IN_TMP, strlen(IN_TMP)) ||
	       !strncmp(name, IN_OLD, strlen(IN_OLD)) ||
	       !strncmp(name, IN_DONE, strlen(IN_DONE));
}

/*
 * Move the entries of from into to (the swap's own folders stay). Every
 * step is one rename, so a kill leaves each entry on one side or the
 * other, never lost. kill_point: see test_kill.
 */
static int
move_entries(const char *from, const char *to, const char *kill_point)
{
	char **names = list_dir(from, NULL);
	size_t i, moved = 0;
	int rc = 0;

	for (i = 0; names[i]; i++) {
		char *a, *b;

		if (is_swap_name(names[i]))
			continue;
		if (moved++ == 1 && kill_point)
			test_kill(kill_point);
		a = path_join(from, names[i]);
		b = path_join(to, names[i]);
		if (rename(a, b) < 0)
			rc = -1;
		free(a);
		free(b);
	}
	free_names(names);
	return rc;
}

/* Remove every entry of dir but the swap's own folders. */
static void
clear_entries(const char *dir)
{
	char **names = list_dir(dir, NULL);
	size_t i;

	for (i = 0; names[i]; i++) {
		char *p;

		if (is_swap_name(names[i]))
			continue;
		p = path_join(dir, names[i]);
		tree_remove(p);
		free(p);
	}
	free_names(names);
}

/*
 * Put back the previous output after a contents swap that was killed:
 * in phase 2 (DONE exists) the entries in out are all new, so they go
 * and DONE becomes OLD; in phase 1 (OLD exists) out holds the rest of the
 * old entries, so OLD's are moved back. Each step can be killed in turn
 * and the next run takes it up again.
 */
static void
recover_contents(const char *out)
{
	char **names = list_dir(out, NULL);
	size_t i;

	for (i = 0; names[i]; i++) {
		const char *name = names[i];
		char *p, *old;

		if (!strncmp(name, IN_DONE, strlen(IN_DONE)) &&
		    owner_gone(name + strlen(IN_DONE))) {
			p = path_join(out, name);
			old = xasprintf("%s/%s%s", out, IN_OLD,
					name + strlen(IN_DONE));
			clear_entries(out);
			rename(p, old);
			move_entries(old, out, NULL);
			rmdir(old);
			free(old);
			free(p);
		} else if (!strncmp(name, IN_OLD, strlen(IN_OLD)) &&
			   owner_gone(name + strlen(IN_OLD))) {
			p = path_join(out, name);
			move_entries(p, out, NULL);
			rmdir(p);
			free(p);
		}
	}
	for (i = 0; names[i]; i++)
		if (!strncmp(names[i], IN_TMP, strlen(IN_TMP)) &&
		    owner_gone(names[i] + strlen(IN_TMP))) {
			char *p = path_join(out, names[i]);

			tree_remove(p);
			free(p);
		}
	free_names(names);
}

/*
 * A build that was killed leaves its staging folder behind; the next build
 * removes those whose process is gone. A build killed between the two
 * renames of a swap without RENAME_EXCHANGE left the previous output as
 * .<name>.old-<pid> and no output: that is put back first.
 */
static void
recover_beside(const char *out)
{
	char *dir = path_dir(out), *prefix;
	char **names;
	size_t n, i;

	prefix = xasprintf(".%s.", base_name(out));
	n = strlen(prefix);
	names = list_dir(dir, NULL);
	for (i = 0; names[i]; i++) {
		const char *rest = names[i] + n;
		char *p;

		if (strncmp(names[i], prefix, n) ||
		    (strncmp(rest, "tmp-", 4) && strncmp(rest, "old-", 4)) ||
		    !owner_gone(rest + 4))
			continue;
		p = path_join(dir, names[i]);
		if (!strncmp(rest, "old-", 4) && !dir_exists(out) &&
		    rename(p, out) == 0) {
			free(p);
			continue;
		}
		tree_remove(p);
		free(p);
	}
	free_names(names);
	free(prefix);
	free(dir);
}

/* follow(), without the trailing slashes that would hide a link. */
static char *
resolve(const char *out)
{
	char *p = xstrdup(out), *real;
	size_t n = strlen(p);

	while (n > 1 && p[n - 1] == '/')
		p[--n] = '\0';
	real = follow(p);
	free(p);
	return real;
}

void
stage_recover(const char *out)
{
	char *real = resolve(out);

	if (!real)
		return;
	recover_beside(real);
	if (dir_exists(real))
		recover_contents(real);
	free(real);
}

int
stage_open(struct stage *st, const char *out, struct diag *d)
{
	char *marker = NULL;
	int rc = -1;

	memset(st, 0, sizeof(*st));
	if (!(st->out = resolve(out))) {
		diag_error(d, out, 0, 0, "cannot follow the link: %s",
			   strerror(errno));
		goto out;
	}
	stage_recover(st->out);
	if (!replaceable(st->out)) {
		diag_error(d, st->out, 0, 0,
			   "refusing to replace a folder that showcase did not write (it has files and no %s); choose another output folder",
			   MARKER);
		goto out;
	}
	st->inside = dir_exists(st->out) &&
		     (test_swap("contents") || is_mount_point(st->out));
	if (st->inside)
		st->tmp = xasprintf("%s/%s%ld", st->out, IN_TMP, (long)getpid());
	else
		st->tmp = sibling(st->out, "tmp");
	if (tree_remove(st->tmp) < 0 || dir_make(st->tmp) < 0) {
		diag_error(d, st->tmp, 0, 0, "cannot create staging folder: %s",
			   strerror(errno));
		goto out;
	}
	st->open = 1;
	marker = path_join(st->tmp, MARKER);
	if (file_write(marker, MARKER_HEAD, sizeof(MARKER_HEAD) - 1) < 0) {
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
stage_copy(const struct stage *st, const char *from, const char *rel)
{
	char *to = stage_path(st, rel);
	int rc = 0;

	if (!file_exists(to))
		rc = file_copy(from, to) < 0 ? -1 : 1;
	free(to);
	return rc;
}

int
stage_sink_write(void *arg, const char *rel, const char *data, size_t len)
{
	struct stage_sink *sink = arg;

	sink->files++;
	return stage_write(sink->st, rel, data, len, sink->d);
}

/* ---- what showcase wrote, and the files of the user ---- */

/*
 * The marker lists the entries showcase wrote at the top of the output,
 * so that the next build can tell them from those a user added. Only the
 * top: the files inside change with every chart, the names at the top
 * with the site's structure only.
 */
static int
write_marker(const struct stage *st, struct diag *d)
{
	struct buf text = BUF_INIT;
	char *marker = path_join(st->tmp, MARKER);
	char **names = list_dir(st->tmp, NULL);
	size_t i;
	int rc;

	BUF_ADDLIT(&text, MARKER_HEAD);
	for (i = 0; names[i]; i++)
		if (strcmp(names[i], MARKER))
			buf_addf(&text, "%s\n", names[i]);
	rc = file_write(marker, text.ptr, text.len);
	if (rc < 0)
		diag_error(d, marker, 0, 0, "cannot write: %s", strerror(errno));
	free_names(names);
	buf_release(&text);
	free(marker);
	return rc;
}

/* The previous output's list; 0 when it has none (an older showcase). */
static int
read_marker(const char *out, struct strmap *ours)
{
	struct buf text = BUF_INIT;
	char *marker = path_join(out, MARKER), *line, *nl;
	int have = 0;

	if (file_read(marker, &text) == 0 &&
	    !strncmp(text.ptr, MARKER_HEAD, sizeof(MARKER_HEAD) - 1)) {
		for (line = text.ptr + sizeof(MARKER_HEAD) - 1;
		     (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = '\0';
			strmap_intern(ours, line, NULL);
			have = 1;
		}
	}
	buf_release(&text);
	free(marker);
	return have;
}

/* Copy the tree from into to as hard links (same file system). */
static int
link_tree(const char *from, const char *to)
{
	struct stat s;
	int rc = 0;

	if (lstat(from, &s) < 0)
		return -1;
	if (S_ISDIR(s.st_mode)) {
		char **names = list_dir(from, NULL);
		size_t i;

		if (mkdir(to, s.st_mode & 07777) < 0 && errno != EEXIST)
			rc = -1;
		for (i = 0; rc == 0 && names[i]; i++) {
			char *a = path_join(from, names[i]);
			char *b = path_join(to, names[i]);

			rc = link_tree(a, b);
			free(a);
			free(b);
		}
		free_names(names);
	} else if (S_ISLNK(s.st_mode)) {
		struct buf target = BUF_INIT;
		ssize_t n;

		buf_grow(&target, PATH_MAX);
		n = readlink(from, target.ptr, target.cap - 1);
		if (n < 0) {
			rc = -1;
		} else {
			buf_setlen(&target, (size_t)n);
			rc = symlink(target.ptr, to);
		}
		buf_release(&target);
	} else if (S_ISREG(s.st_mode)) {
		rc = file_reuse(from, to) ? 0 : -1;
	}
	return rc;
}

struct keep {
	const struct stage *st;
	struct strmap ours;
	int have_list;
	struct diag *d;
};

/*
 * Carry the user's files of the previous output into the new one: dot
 * files and folders (.git, .htaccess, .well-known) silently, anything
 * else at the top that the marker does not list with a warning that names
 * it. Inside the folders showcase writes, and without a list (an output
 * of an older showcase), only dot entries are the user's.
 */
static int
keep_user_files(struct keep *k, const char *rel)
{
	const struct stage *st = k->st;
	char *here = *rel ? path_join(st->out, rel) : xstrdup(st->out);
	char **names = list_dir(here, NULL);
	size_t i;
	int rc = 0;

	for (i = 0; names[i]; i++) {
		const char *name = names[i];
		char *sub = *rel ? path_join(rel, name) : xstrdup(name);
		char *from = path_join(st->out, sub), *to = stage_path(st, sub);
		int dot = name[0] == '.', ours, is_dir, in_new;
		struct stat s, t;

		if ((!*rel && is_swap_name(name)) ||
		    !strncmp(name, MARKER, strlen(MARKER)) ||
		    lstat(from, &s) < 0)
			goto next;
		is_dir = S_ISDIR(s.st_mode);
		in_new = lstat(to, &t) == 0;
		if (!*rel && k->have_list)
			ours = strmap_find(&k->ours, name) >= 0;
		else
			ours = !dot;
		if (is_dir && ours) {
			/* A folder of ours may hold a file of the user's. */
			if (keep_user_files(k, sub) < 0)
				rc = -1;
		} else if (ours) {
			/* A file of ours: the new build has its own, or none. */
		} else if (in_new) {
			if (!dot)
				diag_warn(k->d, from, 0, 0,
					  "replaced: showcase now writes a file of this name");
		} else {
			char *dir = path_dir(to);

			if (dir_make(dir) < 0 || link_tree(from, to) < 0) {
				diag_error(k->d, from, 0, 0,
					   "cannot keep this file of yours in the new output: %s",
					   strerror(errno));
				rc = -1;
			} else if (!dot) {
				diag_warn(k->d, from, 0, 0,
					  "kept, but showcase did not write it: keep files of your own outside the output folder, or as dot files");
			}
			free(dir);
		}
next:
		free(from);
		free(to);
		free(sub);
	}
	free_names(names);
	free(here);
	return rc;
}

/* ---- the swap ---- */

/*
 * The folder cannot be renamed: move its entries, in two phases (see
 * IN_OLD). Readers see a folder that is empty for a moment, never one
 * that mixes the two outputs, and a kill at any point is undone by the
 * next run (recover_contents).
 */
static int
swap_contents(struct stage *st, struct diag *d)
{
	char *old = xasprintf("%s/%s%ld", st->out, IN_OLD, (long)getpid());
	char *done = xasprintf("%s/%s%ld", st->out, IN_DONE, (long)getpid());
	int rc = -1;

	if (mkdir(old, 0755) < 0) {
		diag_error(d, st->out, 0, 0, "cannot replace the output: %s",
			   strerror(errno));
		goto out;
	}
	if (move_entries(st->out, old, "contents-kill-1") < 0) {
		diag_error(d, st->out, 0, 0, "cannot replace the output: %s",
			   strerror(errno));
		move_entries(old, st->out, NULL);
		rmdir(old);
		goto out;
	}
	if (rename(old, done) < 0 ||
	    move_entries(st->tmp, st->out, "contents-kill-2") < 0) {
		/* Left for the next run to undo, as after a kill. */
		diag_error(d, st->out, 0, 0, "cannot replace the output: %s",
			   strerror(errno));
		goto out;
	}
	st->open = 0;
	tree_remove(st->tmp);
	tree_remove(done);
	rc = 0;
out:
	free(old);
	free(done);
	return rc;
}

/* Without RENAME_EXCHANGE: move the old one aside, then the new one in. */
static int
swap_renames(struct stage *st, struct diag *d)
{
	char *old = sibling(st->out, "old");
	int rc = -1;

	tree_remove(old);
	if (rename(st->out, old) < 0) {
		diag_error(d, st->out, 0, 0, "cannot replace the output: %s",
			   strerror(errno));
		goto out;
	}
	test_kill("rename-kill");
	if (rename(st->tmp, st->out) < 0) {
		diag_error(d, st->out, 0, 0, "cannot replace the output: %s",
			   strerror(errno));
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

int
stage_commit(struct stage *st, struct diag *d)
{
	struct keep k;
	int rc = -1;

	memset(&k, 0, sizeof(k));
	strmap_init(&k.ours);
	if (write_marker(st, d) < 0)
		goto out;
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
	k.st = st;
	k.d = d;
	k.have_list = read_marker(st->out, &k.ours);
	if (keep_user_files(&k, "") < 0)
		goto out;
	if (st->inside) {
		rc = swap_contents(st, d);
		goto out;
	}
	/*
	 * Exchange the two folders in one step where the kernel can, so the
	 * output is never missing, even for a moment.
	 */
	if (!test_swap("rename") &&
	    renameat2(AT_FDCWD, st->tmp, AT_FDCWD, st->out, RENAME_EXCHANGE) == 0) {
		st->open = 0;
		tree_remove(st->tmp);
		rc = 0;
		goto out;
	}
	if (test_swap("rename") || errno == EINVAL || errno == ENOSYS) {
		rc = swap_renames(st, d);
		goto out;
	}
	diag_error(d, st->out, 0, 0, "cannot replace the output: %s",
		   strerror(errno));
out:
	strmap_release(&k.ours);
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
