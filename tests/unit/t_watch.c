/*
 * The preview's watcher: what counts as a change of the site, what is
 * ignored (the output folder, hidden files, editor backups), stylesheet
 * changes told apart, folders made later watched, a burst seen as one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "harness.h"
#include "util.h"
#include "watch.h"

static char *dir;

static void
put(const char *rel, const char *text)
{
	char *p = path_join(dir, rel);

	file_write(p, text, strlen(text));
	free(p);
}

static void
mk(const char *rel)
{
	char *p = path_join(dir, rel);

	dir_make(p);
	free(p);
}

int
main(void)
{
	char tmpl[] = "/tmp/t_watch-XXXXXX";
	struct diag *d = diag_new();
	struct watch *w;
	char *first = NULL;
	int stop[2], what;

	if (!(dir = mkdtemp(tmpl)) || pipe(stop) < 0) {
		CHECK(0);
		return harness_done();
	}
	put("site.json", "{}\n");
	mk("content/cases");
	mk("assets/css");
	mk("public");
	w = watch_new(dir, d);
	CHECK(w != NULL);
	CHECK_INT(diag_errors(d), 0);
	if (!w)
		return harness_done();

	/* The output, hidden files and backups are no change; the case is. */
	put("public/index.html", "x");
	put("content/cases/.a.md.swp", "x");
	put("content/cases/a.md~", "x");
	put("notes.txt", "x");
	put("content/cases/a.md", "---\ntitle: a\n---\n");
	what = watch_wait(w, stop[0], 50, &first);
	CHECK_INT(what, WATCH_OTHER);
	CHECK_STR(first, "content/cases/a.md");
	free(first);

	/* A stylesheet alone: the pages may only swap it. */
	put("assets/css/site.css", "body {}");
	CHECK_INT(watch_wait(w, stop[0], 50, &first), WATCH_CSS);
	CHECK_STR(first, "assets/css/site.css");
	free(first);

	/* A burst of writes is one wait; CSS with anything else is not CSS only. */
	put("assets/css/site.css", "body { color: red }");
	put("site.json", "{ \"title\": \"x\" }\n");
	put("content/cases/b.md", "---\ntitle: b\n---\n");
	CHECK_INT(watch_wait(w, stop[0], 200, &first), WATCH_CSS | WATCH_OTHER);
	CHECK_STR(first, "assets/css/site.css");
	free(first);

	/* A folder made while watching is watched, and so is its content. */
	mk("content/cases/2026");
	CHECK_INT(watch_wait(w, stop[0], 50, &first), WATCH_OTHER);
	free(first);
	put("content/cases/2026/c.md", "---\ntitle: c\n---\n");
	CHECK_INT(watch_wait(w, stop[0], 50, &first), WATCH_OTHER);
	CHECK_STR(first, "content/cases/2026/c.md");
	free(first);

	/* An input folder made later (templates/) is watched too. */
	mk("templates");
	CHECK_INT(watch_wait(w, stop[0], 50, &first), WATCH_OTHER);
	CHECK_STR(first, "templates");
	free(first);
	put("templates/layout.tpl", "x");
	CHECK_INT(watch_wait(w, stop[0], 50, &first), WATCH_OTHER);
	CHECK_STR(first, "templates/layout.tpl");
	free(first);

	/* Ctrl-C: the stop descriptor ends the wait at once. */
	CHECK_INT(write(stop[1], "x", 1), 1);
	CHECK_INT(watch_wait(w, stop[0], 50, &first), 0);
	CHECK(first == NULL);

	watch_free(w);
	CHECK(watch_new("/nonexistent/site", d) == NULL);
	CHECK_INT(diag_errors(d), 1);
	diag_free(d);
	close(stop[0]);
	close(stop[1]);
	tree_remove(dir);
	return harness_done();
}
