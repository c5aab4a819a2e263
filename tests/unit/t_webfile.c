/*
 * The preview server's files: which request paths are refused, which file
 * a path opens (never through a link), the MIME types, byte ranges.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "util.h"
#include "webfile.h"

static const char *
decoded(const char *raw)
{
	static struct buf b = BUF_INIT;

	return webfile_decode(raw, &b) < 0 ? NULL : b.ptr;
}

static void
paths_are_decoded_once(void)
{
	CHECK_STR(decoded("/"), "");
	CHECK_STR(decoded("/index.html"), "index.html");
	CHECK_STR(decoded("/cases/"), "cases/");
	CHECK_STR(decoded("/tags/%E5%85%9A%E5%BB%BA/index.html"), "tags/党建/index.html");
	CHECK_STR(decoded("/tags/党建/index.html"), "tags/党建/index.html");
	CHECK_STR(decoded("//cases//a.html"), "cases/a.html");
	CHECK_STR(decoded("/a%20b.html"), "a b.html");
	/* A dot inside a name is a name. */
	CHECK_STR(decoded("/a..b.html"), "a..b.html");
}

static void
tricks_are_refused(void)
{
	static const char *const bad[] = {
		"/../etc/passwd", "/cases/../../x", "/..", "/.", "/./index.html",
		"/%2e%2e/x", "/%2E%2E/x", "/.%2e/x", "/%2e/x", "/a%2fb",
		"/a%5c..%5cb", "/a\\b", "/a%00.html", "/a%0a", "/%", "/%zz", "/%4",
		"/.showcase", "/cases/.hidden", "index.html", "",
	};
	struct buf longp = BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(decoded(bad[i]) == NULL);
		if (decoded(bad[i]))
			fprintf(stderr, "  accepted: \"%s\"\n", bad[i]);
	}
	buf_addch(&longp, '/');
	while (longp.len <= WEBFILE_MAX_PATH)
		BUF_ADDLIT(&longp, "a");
	CHECK(decoded(longp.ptr) == NULL);
	buf_setlen(&longp, WEBFILE_MAX_PATH);
	CHECK(decoded(longp.ptr) != NULL);
	buf_release(&longp);
}

static int
status_of(int root, const char *raw, struct webfile *f)
{
	webfile_release(f);
	return webfile_open(f, root, raw);
}

static void
files_open_inside_and_never_through_links(void)
{
	char tmpl[] = "/tmp/t_webfile-XXXXXX";
	char *dir = mkdtemp(tmpl), *p;
	struct webfile f;
	int root;

	CHECK(dir != NULL);
	if (!dir)
		return;
	p = path_join(dir, "out");
	dir_make(p);
	free(p);
	p = path_join(dir, "out/cases");
	dir_make(p);
	free(p);
#define PUT(rel, text) do { p = path_join(dir, rel); file_write(p, text, strlen(text)); free(p); } while (0)
	PUT("out/index.html", "<p>home</p>");
	PUT("out/cases/index.html", "<p>cases</p>");
	PUT("out/cases/a.pdf", "%PDF-1.7");
	PUT("secret.txt", "secret");
#define LINK(to, rel) do { p = path_join(dir, rel); CHECK(symlink(to, p) == 0); free(p); } while (0)
	LINK("../secret.txt", "out/leak.txt");
	LINK("..", "out/up");
	LINK("cases", "out/inside");
	p = path_join(dir, "out");
	root = open(p, O_RDONLY | O_DIRECTORY);
	free(p);

	webfile_init(&f);
	CHECK_INT(status_of(root, "/", &f), 200);
	CHECK_STR(f.path, "index.html");
	CHECK_INT(f.size, 11);
	CHECK_STR(f.mime, "text/html; charset=utf-8");
	CHECK_INT(status_of(root, "/cases/a.pdf", &f), 200);
	CHECK_STR(f.mime, "application/pdf");
	CHECK_INT(status_of(root, "/cases/", &f), 200);
	CHECK_STR(f.path, "cases/index.html");
	CHECK_INT(status_of(root, "/cases", &f), 301);
	CHECK_STR(f.location, "/cases/");
	CHECK(f.fd < 0);
	CHECK_INT(status_of(root, "/nothing.html", &f), 404);
	CHECK_INT(status_of(root, "/index.html/x", &f), 404);
	/* Links are not followed, out of the folder or inside it. */
	CHECK_INT(status_of(root, "/leak.txt", &f), 404);
	CHECK_INT(status_of(root, "/up/secret.txt", &f), 404);
	CHECK_INT(status_of(root, "/inside/a.pdf", &f), 404);
	CHECK_INT(status_of(root, "/../secret.txt", &f), 400);
	CHECK_INT(status_of(root, "/%2e%2e/secret.txt", &f), 400);
	webfile_release(&f);
	close(root);
	tree_remove(dir);
}

static void
mime_types(void)
{
	CHECK_STR(webfile_mime("a/b.html"), "text/html; charset=utf-8");
	CHECK_STR(webfile_mime("site.css"), "text/css; charset=utf-8");
	CHECK_STR(webfile_mime("search-index.js"), "text/javascript; charset=utf-8");
	CHECK_STR(webfile_mime("x.json"), "application/json");
	CHECK_STR(webfile_mime("sitemap.xml"), "application/xml");
	CHECK_STR(webfile_mime("robots.txt"), "text/plain; charset=utf-8");
	CHECK_STR(webfile_mime("bulletins/2025-01.pdf"), "application/pdf");
	CHECK_STR(webfile_mime("charts/x.webp"), "image/webp");
	CHECK_STR(webfile_mime("x.png"), "image/png");
	CHECK_STR(webfile_mime("x.JPG"), "image/jpeg");
	CHECK_STR(webfile_mime("x.jpeg"), "image/jpeg");
	CHECK_STR(webfile_mime("x.svg"), "image/svg+xml");
	CHECK_STR(webfile_mime("f.woff2"), "font/woff2");
	CHECK_STR(webfile_mime("noext"), "application/octet-stream");
	CHECK_STR(webfile_mime("dir.d/noext"), "application/octet-stream");
	CHECK_STR(webfile_mime("x.unknown"), "application/octet-stream");
}

static void
ranges(void)
{
	uint64_t off, len;

	CHECK_INT(webfile_range(NULL, 100, &off, &len), WEBFILE_RANGE_NONE);
	CHECK_INT(len, 100);
	CHECK_INT(webfile_range("bytes=0-9", 100, &off, &len), WEBFILE_RANGE_OK);
	CHECK_INT(off, 0);
	CHECK_INT(len, 10);
	CHECK_INT(webfile_range("bytes=90-", 100, &off, &len), WEBFILE_RANGE_OK);
	CHECK_INT(off, 90);
	CHECK_INT(len, 10);
	CHECK_INT(webfile_range("bytes=-5", 100, &off, &len), WEBFILE_RANGE_OK);
	CHECK_INT(off, 95);
	CHECK_INT(len, 5);
	CHECK_INT(webfile_range("bytes=-500", 100, &off, &len), WEBFILE_RANGE_OK);
	CHECK_INT(off, 0);
	CHECK_INT(len, 100);
	CHECK_INT(webfile_range("bytes=50-5000", 100, &off, &len), WEBFILE_RANGE_OK);
	CHECK_INT(len, 50);
	CHECK_INT(webfile_range("bytes=100-", 100, &off, &len), WEBFILE_RANGE_BAD);
	CHECK_INT(webfile_range("bytes=-0", 100, &off, &len), WEBFILE_RANGE_BAD);
	CHECK_INT(webfile_range("bytes=0-0", 0, &off, &len), WEBFILE_RANGE_BAD);
	/* Ignored: the whole body is sent. */
	CHECK_INT(webfile_range("bytes=0-1,5-6", 100, &off, &len), WEBFILE_RANGE_NONE);
	CHECK_INT(webfile_range("items=0-1", 100, &off, &len), WEBFILE_RANGE_NONE);
	CHECK_INT(webfile_range("bytes=9-1", 100, &off, &len), WEBFILE_RANGE_NONE);
	CHECK_INT(webfile_range("bytes=x-1", 100, &off, &len), WEBFILE_RANGE_NONE);
	CHECK_INT(webfile_range("bytes=99999999999999999999-", 100, &off, &len),
		  WEBFILE_RANGE_NONE);
}

int
main(void)
{
	paths_are_decoded_once();
	tricks_are_refused();
	files_open_inside_and_never_through_links();
	mime_types();
	ranges();
	return harness_done();
}
