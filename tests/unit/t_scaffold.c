/*
 * showcase new: slugs from titles, the next bulletin issue, front matter
 * that parses back to what was asked, and no file overwritten.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "front.h"
#include "harness.h"
#include "scaffold.h"
#include "src.h"
#include "util.h"

static void
slugs_from_latin_titles(void)
{
	char *s;

#define SLUG(title, want) do { s = scaffold_slug(title); CHECK_STR(s, want); free(s); } while (0)
	SLUG("Red Street", "red-street");
	SLUG("  Red   Street, Part 2!  ", "red-street-part-2");
	SLUG("AI+党建", NULL); /* mixed: no half slug */
	SLUG("红色街区", NULL);
	SLUG("!!!", NULL);
	SLUG("", NULL);
	s = scaffold_slug("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
	CHECK(s && strlen(s) <= 60);
	free(s);
}

static char *
make_site(void)
{
	char tmpl[] = "/tmp/t_scaffold-XXXXXX";
	char *dir = mkdtemp(tmpl), *p;

	if (!dir)
		return NULL;
	dir = xstrdup(dir);
	p = path_join(dir, "site.json");
	file_write(p, "{}\n", 3);
	free(p);
	p = path_join(dir, "content/bulletins");
	dir_make(p);
	free(p);
	p = path_join(dir, "content/bulletins/a.md");
#define B "---\ntitle: 一\ndate: 2026-03-01\nissue: 7\n---\n正文\n"
	file_write(p, B, sizeof(B) - 1);
	free(p);
	p = path_join(dir, "content/bulletins/b.md");
#define C "---\ntitle: 二\ndate: 2025-03-01\nissue: 9\n---\n正文\n"
	file_write(p, C, sizeof(C) - 1);
	free(p);
	return dir;
}

static void
files_parse_back(void)
{
	char *dir = make_site();
	struct scaffold_opts o;
	struct scaffold sc;
	struct front f;
	struct src s;
	struct diag *d = diag_new();

	CHECK(dir != NULL);
	if (!dir)
		return;
	memset(&o, 0, sizeof(o));
	o.site = dir;
	o.datadir = ".";
	o.date = "2026-12-03";

	/* A bulletin: the issue after the highest of its year (not 9: 2025). */
	o.kind = PAGE_BULLETIN;
	o.title = "第八期 \"简报\": 标题\\";
	CHECK_INT(scaffold_make(&sc, &o, d), 0);
	CHECK_INT(sc.issue, 8);
	CHECK_STR(sc.slug, "2026-08");
	CHECK_STR(sc.file, "content/bulletins/2026-08.md");
	front_init(&f);
	src_init_mem(&s, sc.file, sc.text.ptr, sc.text.len, d);
	CHECK_INT(front_parse(&f, &s, d), 0);
	CHECK_STR(f.title, o.title);
	CHECK_STR(f.date, "2026-12-03");
	CHECK_INT(f.issue, 8);
	CHECK_INT(f.draft, 0);
	front_release(&f);
	src_release(&s);
	CHECK_INT(scaffold_write(&sc, d), 0);
	CHECK_INT(scaffold_write(&sc, d), -1); /* never twice */
	scaffold_release(&sc);
	CHECK_INT(diag_errors(d), 1);
	diag_clear(d);

	/* A Chinese title: the date and a hash, the same for the same title. */
	o.kind = PAGE_CASE;
	o.title = "红色街区";
	CHECK_INT(scaffold_make(&sc, &o, d), 0);
	CHECK(sc.dated_slug);
	CHECK(!strncmp(sc.slug, "2026-12-03-", 11) && strlen(sc.slug) == 17);
	front_init(&f);
	src_init_mem(&s, sc.file, sc.text.ptr, sc.text.len, d);
	CHECK_INT(front_parse(&f, &s, d), 0);
	CHECK_STR(f.title, "红色街区");
	CHECK_INT(f.ntags, 0);
	CHECK(f.region == NULL);
	front_release(&f);
	src_release(&s);
	CHECK_INT(scaffold_write(&sc, d), 0);
	scaffold_release(&sc);
	CHECK_INT(scaffold_make(&sc, &o, d), -1); /* exists now */
	scaffold_release(&sc);
	CHECK_INT(diag_errors(d), 1);
	diag_clear(d);

	/* A slug another page names in its front matter is taken. */
	o.kind = PAGE_BULLETIN;
	o.slug = "b";
	CHECK_INT(scaffold_make(&sc, &o, d), -1);
	scaffold_release(&sc);
	o.slug = "../x";
	CHECK_INT(scaffold_make(&sc, &o, d), -1);
	scaffold_release(&sc);
	o.slug = NULL;
	o.title = "two\nlines";
	CHECK_INT(scaffold_make(&sc, &o, d), -1);
	scaffold_release(&sc);
	CHECK_INT(diag_errors(d), 3);

	diag_free(d);
	tree_remove(dir);
	free(dir);
}

int
main(void)
{
	slugs_from_latin_titles();
	files_parse_back();
	return harness_done();
}
