#ifndef SHOWCASE_WATCH_H
#define SHOWCASE_WATCH_H

/*
 * struct watch: the inputs of a site watched with inotify, for the preview
 * server: site.json, and content/ (data exports included), templates/ and
 * assets/ with every folder below them, also those made later.
 *
 * Nothing else of the site folder is watched, so a production build
 * writing public/ beside them, or git, triggers nothing. Hidden files and
 * editor backups (".x.swp", "x~", vim's "4913") are ignored.
 */

struct diag;
struct watch;

enum watch_change {
	WATCH_CSS = 1 << 0,   /* a stylesheet changed */
	WATCH_OTHER = 1 << 1, /* anything else changed */
};

/* Start watching the site in dir. Returns NULL with the problem in d;
 * the caller frees the result with watch_free(). */
struct watch *watch_new(const char *dir, struct diag *d);
void watch_free(struct watch *w);

/*
 * Wait until an input changes and then nothing more changes for quiet_ms
 * (an editor saving, a copy of many files: one rebuild), or until stop_fd
 * is readable. Returns the enum watch_change bits seen, 0 when stop_fd
 * woke it, -1 when inotify failed (errno set). *first, when not NULL, gets
 * the first file changed, relative to the site (caller frees).
 */
int watch_wait(struct watch *w, int stop_fd, int quiet_ms, char **first);

#endif
