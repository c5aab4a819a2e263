#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "diag.h"
#include "util.h"
#include "watch.h"

/* The folders of a site that hold its inputs, and its one input file. */
static const char *const inputs[] = { "content", "templates", "assets" };
#define CONFIG "site.json"

#define EVENTS (IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | \
		IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB)

struct watched {
	int wd;
	char *rel; /* the folder from the site: "" for the site itself */
};

struct watch {
	int fd;
	char *dir;
	struct watched *ws;
	size_t n, cap;
};

static const struct watched *
find(const struct watch *w, int wd)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->ws[i].wd == wd)
			return &w->ws[i];
	return NULL;
}

static void
forget(struct watch *w, int wd)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->ws[i].wd == wd) {
			free(w->ws[i].rel);
			w->ws[i] = w->ws[--w->n];
			return;
		}
}

/* Watch the folder rel and every folder below it; d may be NULL (a
 * folder made while serving: what cannot be watched is skipped). */
static int
add_tree(struct watch *w, const char *rel, struct diag *d)
{
	char *path = path_join(w->dir, rel);
	struct dirent *e;
	DIR *dp = NULL;
	int wd, rc = -1;

	/* The input folders may be links (a site put together from parts);
	 * below them, links are not followed, so a loop cannot be. */
	wd = inotify_add_watch(w->fd, path, EVENTS | IN_ONLYDIR |
			       (strchr(rel, '/') ? IN_DONT_FOLLOW : 0));
	if (wd < 0) {
		/* Gone already, or not a folder: nothing to watch. */
		if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP)
			rc = 0;
		else if (d)
			diag_error(d, rel, 0, 0,
				   "cannot watch this folder: %s%s", strerror(errno),
				   errno == ENOSPC ? " (raise fs.inotify.max_user_watches)" : "");
		goto out;
	}
	if (!find(w, wd)) {
		w->ws = xgrow(w->ws, &w->cap, w->n + 1, sizeof(*w->ws));
		w->ws[w->n].wd = wd;
		w->ws[w->n].rel = xstrdup(rel);
		w->n++;
	}
	rc = 0;
	if (!(dp = opendir(path)))
		goto out;
	while ((e = readdir(dp)) && rc == 0) {
		char *sub;

		if (e->d_name[0] == '.' || (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN))
			continue;
		sub = path_join(rel, e->d_name);
		rc = add_tree(w, sub, d);
		free(sub);
	}
out:
	if (dp)
		closedir(dp);
	free(path);
	return rc;
}

struct watch *
watch_new(const char *dir, struct diag *d)
{
	struct watch *w = xcalloc(1, sizeof(*w));
	size_t i;
	int wd;

	w->dir = xstrdup(dir);
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (w->fd < 0) {
		diag_error(d, dir, 0, 0, "cannot watch the site: %s", strerror(errno));
		goto fail;
	}
	/* The site folder itself, for site.json and input folders made later. */
	if ((wd = inotify_add_watch(w->fd, dir, EVENTS | IN_ONLYDIR)) < 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			diag_error(d, dir, 0, 0, "site folder not found");
		else
			diag_error(d, dir, 0, 0, "cannot watch the site: %s",
				   strerror(errno));
		goto fail;
	}
	w->ws = xgrow(w->ws, &w->cap, 1, sizeof(*w->ws));
	w->ws[0].wd = wd;
	w->ws[0].rel = xstrdup("");
	w->n = 1;
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
		if (add_tree(w, inputs[i], d) < 0)
			goto fail;
	return w;
fail:
	watch_free(w);
	return NULL;
}

void
watch_free(struct watch *w)
{
	size_t i;

	if (!w)
		return;
	if (w->fd >= 0)
		close(w->fd);
	for (i = 0; i < w->n; i++)
		free(w->ws[i].rel);
	free(w->ws);
	free(w->dir);
	free(w);
}

static int
is_input_of_site(const char *name)
{
	size_t i;

	if (!strcmp(name, CONFIG))
		return 1;
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
		if (!strcmp(name, inputs[i]))
			return 1;
	return 0;
}

/* Editors' temporary files, hidden files, backups. */
static int
ignored(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' || (n && name[n - 1] == '~') ||
	       !strcmp(name, "4913") || (n > 4 && !strcmp(name + n - 4, ".swp"));
}

static int
is_css(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcmp(name + n - 4, ".css");
}

/*
 * Read the events waiting on the inotify descriptor; add what changed to
 * *seen. Returns 0, or -1 when reading failed.
 */
static int
drain(struct watch *w, int *seen, char **first)
{
	char evbuf[16 * (sizeof(struct inotify_event) + NAME_MAX + 1)]
		__attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;

	while ((n = read(w->fd, evbuf, sizeof(evbuf))) > 0) {
		char *p;

		for (p = evbuf; p < evbuf + n;) {
			const struct inotify_event *e = (const void *)p;
			const struct watched *at = find(w, e->wd);
			const char *name = e->len ? e->name : "";
			char *rel;

			p += sizeof(*e) + e->len;
			if (e->mask & IN_IGNORED) {
				forget(w, e->wd);
				continue;
			}
			if (!at || !*name || ignored(name))
				continue;
			if (!*at->rel && !is_input_of_site(name))
				continue;
			rel = *at->rel ? path_join(at->rel, name) : xstrdup(name);
			/* A new folder: watch it, and what it already holds. */
			if ((e->mask & (IN_CREATE | IN_MOVED_TO)) && (e->mask & IN_ISDIR))
				add_tree(w, rel, NULL);
			*seen |= is_css(name) && !(e->mask & IN_ISDIR) ? WATCH_CSS :
				 WATCH_OTHER;
			if (first && !*first)
				*first = rel;
			else
				free(rel);
		}
	}
	if (n < 0 && errno != EAGAIN && errno != EINTR)
		return -1;
	return 0;
}

int
watch_wait(struct watch *w, int stop_fd, int quiet_ms, char **first)
{
	struct pollfd fds[2];
	int seen = 0;

	if (first)
		*first = NULL;
	fds[0].fd = w->fd;
	fds[0].events = POLLIN;
	fds[1].fd = stop_fd;
	fds[1].events = POLLIN;
	for (;;) {
		/* Wait forever for the first change, then for quiet. */
		int r = poll(fds, 2, seen ? quiet_ms : -1);

		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (fds[1].revents) {
			if (first) {
				free(*first);
				*first = NULL;
			}
			return 0;
		}
		if (r == 0)
			return seen;
		if (drain(w, &seen, first) < 0)
			return -1;
	}
}
