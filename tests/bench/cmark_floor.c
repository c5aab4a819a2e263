/*
 * cmark_floor: the least any generator on cmark-gfm can do with a corpus,
 * for make bench to measure showcase against: read each Markdown file,
 * skip its front matter, parse and render it with the GFM extensions
 * showcase attaches, and write the HTML, on one thread.
 *
 *   cmark_floor IN_DIR OUT_DIR
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "buf.h"
#include "util.h"

static const char *const ext_names[] = {
	"table", "strikethrough", "tasklist", "autolink",
};

int
main(int argc, char **argv)
{
	struct buf in = BUF_INIT, path = BUF_INIT;
	cmark_syntax_extension *exts[4];
	struct dirent *e;
	size_t i, n = 0;
	DIR *dp;

	if (argc != 3 || !(dp = opendir(argv[1]))) {
		fputs("usage: cmark_floor IN_DIR OUT_DIR\n", stderr);
		return 2;
	}
	cmark_gfm_core_extensions_ensure_registered();
	for (i = 0; i < 4; i++)
		exts[i] = cmark_find_syntax_extension(ext_names[i]);
	while ((e = readdir(dp))) {
		const char *body, *end;
		cmark_parser *p;
		cmark_node *root;
		char *html;

		if (!strstr(e->d_name, ".md"))
			continue;
		buf_reset(&path);
		buf_addf(&path, "%s/%s", argv[1], e->d_name);
		buf_reset(&in);
		if (file_read(path.ptr, &in) < 0)
			return 1;
		body = in.ptr;
		if (!strncmp(body, "---\n", 4) && (end = strstr(body + 4, "\n---\n")))
			body = end + 5;
		p = cmark_parser_new(CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE |
				     CMARK_OPT_VALIDATE_UTF8);
		for (i = 0; i < 4; i++)
			cmark_parser_attach_syntax_extension(p, exts[i]);
		cmark_parser_feed(p, body, (size_t)(in.ptr + in.len - body));
		root = cmark_parser_finish(p);
		html = cmark_render_html(root, 0, cmark_parser_get_syntax_extensions(p));
		buf_reset(&path);
		buf_addf(&path, "%s/%s.html", argv[2], e->d_name);
		if (file_write(path.ptr, html, strlen(html)) < 0)
			return 1;
		free(html);
		cmark_node_free(root);
		cmark_parser_free(p);
		n++;
	}
	closedir(dp);
	buf_release(&in);
	buf_release(&path);
	printf("%zu files\n", n);
	return 0;
}
