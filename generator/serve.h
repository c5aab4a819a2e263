#ifndef SHOWCASE_SERVE_H
#define SHOWCASE_SERVE_H

/*
 * struct serve: the preview server of `showcase serve`. It builds the site
 * with build_run() into a private folder of its own (never the site's
 * output folder) and serves it with libmicrohttpd, one thread per
 * connection.
 *
 * Every HTML page it sends gets a stylesheet and a script of the server
 * (/__showcase/reload.css, /__showcase/reload.js) before </head>: no inline
 * script or style, so the Content-Security-Policy of docs/hosting.md, which
 * the preview sends too, holds. The script listens on /__showcase/events
 * (Server-Sent Events): after a good build a page reloads itself, or only
 * swaps its stylesheets when only CSS changed; after a failed build it
 * fetches /__showcase/status.json and shows the diagnostics over the page,
 * while the last good build stays served.
 *
 * Files are served through webfile.h (no "..", no links out of the
 * output), with their MIME type, HEAD and single byte ranges.
 */

#include "build.h"

struct diag;
struct serve;

enum serve_flags {
	SERVE_DRAFTS = 1 << 0, /* build with drafts and mark them on their pages */
};

struct serve_opts {
	const char *site;    /* site folder */
	const char *datadir; /* installed templates and assets */
	const char *bind;    /* numeric address: "127.0.0.1", "::1" */
	int port;            /* 0: a free port, see serve_port() */
	unsigned flags;
};

/*
 * Make the preview folder and start listening (nothing is built yet: see
 * serve_build()). Returns NULL with the problem in d, e.g. a port in use.
 * The caller frees the result with serve_free().
 */
struct serve *serve_new(const struct serve_opts *o, struct diag *d);

/* The port listened on. */
int serve_port(const struct serve *s);

/*
 * Build the site into the preview folder and tell every open page:
 * css_only says only stylesheets changed, so pages may keep their state.
 * Returns 0, or -1 with the build's diagnostics in d; these are shown in
 * the browsers too, over the last good build, which stays served. st is
 * filled as build_run() fills it (the caller frees st->out).
 */
int serve_build(struct serve *s, int css_only, struct build_stats *st,
		struct diag *d);

/* Close every connection, stop serving and remove the preview folder. */
void serve_free(struct serve *s);

#endif
