/* Paths, slugs and routes: where every output goes, decided once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "content.h"
#include "diag.h"
#include "harness.h"
#include "model.h"
#include "page.h"
#include "plan.h"
#include "routes.h"
#include "site.h"
#include "util.h"

static void
joins_paths_with_one_slash(void)
{
	char *p;

	p = path_join("public", "cases/a.html");
	CHECK_STR(p, "public/cases/a.html");
	free(p);
	p = path_join("public/", "a.html");
	CHECK_STR(p, "public/a.html");
	free(p);
	p = path_join(".", "site.json");
	CHECK_STR(p, "site.json");
	free(p);
	p = path_join("", "site.json");
	CHECK_STR(p, "site.json");
	free(p);
}

static void
takes_the_folder_of_a_path(void)
{
	char *p;

	p = path_dir("tags/党建品牌/index.html");
	CHECK_STR(p, "tags/党建品牌");
	free(p);
	p = path_dir("index.html");
	CHECK_STR(p, ".");
	free(p);
	p = path_dir("/public");
	CHECK_STR(p, "/");
	free(p);
}

/* The reason routes_name_check() gives for name, or "ok". */
static char *
why(const char *name)
{
	struct buf b = BUF_INIT;

	if (routes_name_check(name, &b) == 0)
		BUF_ADDLIT(&b, "ok");
	return buf_detach(&b, NULL);
}

#define CHECK_WHY(name, want) do { \
	char *got_ = why(name); \
	CHECK_STR(got_, want); \
	free(got_); \
} while (0)

static void
names_that_can_be_file_names(void)
{
	struct buf longest = BUF_INIT;
	int i;

	CHECK_WHY("siwei-gongzuofa", "ok");
	CHECK_WHY("红色商圈", "ok");
	CHECK_WHY("2025_case.v2", "ok");
	CHECK_WHY("Party Building", "ok");
	CHECK_WHY("100分（满分）", "ok");
	/* Only the devices themselves are reserved, not words that start so. */
	CHECK_WHY("console", "ok");
	CHECK_WHY("com10", "ok");
	CHECK_WHY("com\xC2\xBD", "ok");
	/* The collisions of a name with the site's own pages are the plan's. */
	CHECK_WHY("index.html", "ok");
	/* 66 Chinese characters and two letters: exactly ROUTES_NAME_MAX bytes. */
	for (i = 0; i < 66; i++)
		buf_addstr(&longest, "党");
	BUF_ADDLIT(&longest, "xy");
	CHECK_INT(longest.len, ROUTES_NAME_MAX);
	CHECK_WHY(longest.ptr, "ok");
	buf_addch(&longest, 'z');
	CHECK_WHY(longest.ptr, "it has 201 bytes, more than the 200 a name may have (a Chinese character takes 3)");
	buf_release(&longest);
}

static void
names_that_cannot(void)
{
	CHECK_WHY("", "it is empty");
	CHECK_WHY(".", "\".\" and \"..\" are the folder itself and the one above");
	CHECK_WHY("..", "\".\" and \"..\" are the folder itself and the one above");
	CHECK_WHY("../etc/passwd", "'/' separates folders");
	CHECK_WHY("a/b", "'/' separates folders");
	CHECK_WHY("a\\b", "'\\' separates folders on Windows");
	CHECK_WHY(".hidden", "a name that starts with '.' is a hidden file");
	CHECK_WHY("...", "a name that starts with '.' is a hidden file");
	CHECK_WHY("x.", "Windows drops a '.' or space at the end of a file name");
	CHECK_WHY("x ", "Windows drops a '.' or space at the end of a file name");
	CHECK_WHY("con", "\"con\" is a device on Windows");
	CHECK_WHY("NUL.html", "\"NUL\" is a device on Windows");
	CHECK_WHY("Com1", "\"Com1\" is a device on Windows");
	CHECK_WHY("lpt9.txt", "\"lpt9\" is a device on Windows");
	CHECK_WHY("COM\xC2\xB9", "\"COM\xC2\xB9\" is a device on Windows");
	CHECK_WHY("tab\there", "it holds the control character U+0009");
	CHECK_WHY("del\x7f", "it holds the control character U+007F");
	CHECK_WHY("next\xC2\x85line", "it holds the control character U+0085");
	CHECK_WHY("a:b", "Windows and USB sticks (FAT, exFAT) do not allow ':' in file names");
	CHECK_WHY("q?x", "Windows and USB sticks (FAT, exFAT) do not allow '?' in file names");
	CHECK_WHY("a|b", "Windows and USB sticks (FAT, exFAT) do not allow '|' in file names");
	CHECK_WHY("frag#x", "'#' has a meaning of its own in URLs");
	CHECK_WHY("pct%41", "'%' has a meaning of its own in URLs");
}

static void
names_make_folders(void)
{
	char *p = routes_term(ROUTES_TAG, "党建品牌");

	CHECK_STR(p, "tags/党建品牌/index.html");
	free(p);
	p = routes_term(ROUTES_BELT, "B1");
	CHECK_STR(p, "belts/B1/index.html");
	free(p);
}

/* A site of cases, one per entry of tags ("slug:tag"), and belts. */
struct fixture {
	struct site site;
	struct content c;
	struct model m;
	struct model_config cfg;
};

static void
fixture(struct fixture *f, const char *const *cases, const char *const *belts)
{
	size_t i;

	memset(f, 0, sizeof(*f));
	f->site.per_page = 10;
	f->site.base_path = "";
	model_config_init(&f->cfg);
	model_init(&f->m, &f->cfg);
	for (i = 0; belts && belts[i]; i++) {
		struct model_belt b;

		memset(&b, 0, sizeof(b));
		b.id = xstrdup(belts[i]);
		b.name = xstrdup(belts[i]);
		b.at.file = xstrdup("content/data/belts.json");
		b.at.line = (int)i + 2;
		b.at.col = 4;
		b.point_ids = xcalloc(1, sizeof(char *));
		model_add_belt(&f->m, &b);
	}
	model_finish(&f->m);
	for (i = 0; cases && cases[i]; i++)
		;
	f->c.ncases = i;
	f->c.cases = xcalloc(i ? i : 1, sizeof(*f->c.cases));
	for (i = 0; i < f->c.ncases; i++) {
		struct page *p = &f->c.cases[i];
		const char *colon = strchr(cases[i], ':');

		front_init(&p->front);
		p->kind = PAGE_CASE;
		p->file = xasprintf("content/cases/%zu.md", i);
		p->slug = xstrndup(cases[i], (size_t)(colon - cases[i]));
		p->url = xasprintf("cases/%s.html", p->slug);
		p->front.slug = xstrdup(p->slug);
		p->front.pos_slug.line = p->front.pos_slug.vline = 3;
		p->front.pos_slug.vcol = 7;
		p->front.tags = xcalloc(2, sizeof(char *));
		p->front.tags_at = xcalloc(1, sizeof(*p->front.tags_at));
		if (colon[1]) {
			p->front.tags[0] = xstrdup(colon + 1);
			p->front.ntags = 1;
			p->front.tags_at[0].vline = 4;
			p->front.tags_at[0].vcol = 8;
		}
	}
	/* As content_load indexes them: sorted, one of each. */
	f->c.tags = xcalloc(f->c.ncases ? f->c.ncases : 1, sizeof(*f->c.tags));
	for (i = 0; i < f->c.ncases; i++) {
		const struct page *p = &f->c.cases[i];
		struct content_term *t;
		long k;

		if (!p->front.ntags)
			continue;
		k = content_find(f->c.tags, f->c.ntags, p->front.tags[0]);
		if (k < 0) {
			size_t at = 0;

			while (at < f->c.ntags &&
			       strcmp(f->c.tags[at].name, p->front.tags[0]) < 0)
				at++;
			memmove(&f->c.tags[at + 1], &f->c.tags[at],
				(f->c.ntags - at) * sizeof(*f->c.tags));
			memset(&f->c.tags[at], 0, sizeof(*f->c.tags));
			f->c.tags[at].name = xstrdup(p->front.tags[0]);
			f->c.tags[at].pages = xcalloc(f->c.ncases, sizeof(size_t));
			f->c.tags[at].file = p->file;
			f->c.tags[at].line = 4;
			f->c.tags[at].col = 8;
			f->c.ntags++;
			k = (long)at;
		}
		t = &f->c.tags[k];
		t->pages[t->npages++] = i;
	}
	f->c.latest_date = xstrdup("");
}

/* The diagnostics of planning f, one per line. */
static char *
plan_of(struct fixture *f, int *rc)
{
	struct diag *d = diag_new();
	struct plan p;
	char *s = NULL;
	size_t n;
	FILE *fp;

	*rc = plan_make(&p, &f->site, &f->c, &f->m, d);
	fp = open_memstream(&s, &n);
	diag_print(d, fp);
	fclose(fp);
	plan_release(&p);
	diag_free(d);
	content_release(&f->c);
	model_release(&f->m);
	return s;
}

static void
check_plan(const char *const *cases, const char *const *belts,
	   const char *want, int want_rc)
{
	struct fixture f;
	char *got;
	int rc;

	fixture(&f, cases, belts);
	got = plan_of(&f, &rc);
	CHECK_STR(got, want);
	CHECK_INT(rc, want_rc);
	free(got);
}

static void
names_that_differ_only_by_case_are_one_file(void)
{
	/* "index" and "page" collide with nothing: lists go on in page-2.html. */
	const char *const ok[] = { "a:党建", "b:Party", "c:", "x:index",
				   "y:page", NULL };
	const char *const tags[] = { "a:Party", "b:party", NULL };
	const char *const slugs[] = { "Siwei:", "siwei:", NULL };

	check_plan(ok, NULL, "", 0);
	check_plan(tags, NULL,
		   "content/cases/1.md:4:8: error: tag \"party\" makes \"tags/party\", the same name as \"tags/Party\" of tag \"Party\" at content/cases/0.md:4:8 on file systems that ignore case or Unicode form (macOS, Windows, USB sticks); choose another tag\n",
		   -1);
	check_plan(slugs, NULL,
		   "content/cases/1.md:3:7: error: slug \"siwei\" makes \"cases/siwei.html\", the same name as \"cases/Siwei.html\" of slug \"Siwei\" at content/cases/0.md:3:7 on file systems that ignore case or Unicode form (macOS, Windows, USB sticks); choose another slug\n",
		   -1);
}

static void
names_that_differ_only_by_normalisation_are_one_file(void)
{
	/* "café" composed (NFC, as typed on Linux) and decomposed (NFD, as
	 * macOS writes file names); full-width letters fold too. */
	const char *const nf[] = { "a:caf\xC3\xA9", "b:cafe\xCC\x81", NULL };
	const char *const wide[] = { "a:ABC", "b:\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", NULL };

	check_plan(nf, NULL,
		   "content/cases/0.md:4:8: error: tag \"caf\xC3\xA9\" makes \"tags/caf\xC3\xA9\", the same name as \"tags/cafe\\u0301\" of tag \"cafe\\u0301\" at content/cases/1.md:4:8 on file systems that ignore case or Unicode form (macOS, Windows, USB sticks); choose another tag\n",
		   -1);
	check_plan(wide, NULL,
		   "content/cases/1.md:4:8: error: tag \"\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\" makes \"tags/\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3\", the same name as \"tags/ABC\" of tag \"ABC\" at content/cases/0.md:4:8 on file systems that ignore case or Unicode form (macOS, Windows, USB sticks); choose another tag\n",
		   -1);
}

static void
names_must_not_take_the_sites_own_routes(void)
{
	const char *const tag[] = { "a:index.html", NULL };
	const char *const upper[] = { "a:INDEX.HTML", NULL };
	const char *const slug[] = { "page-2:", NULL };
	const char *const belt[] = { "index.html", NULL };

	check_plan(tag, NULL,
		   "content/cases/0.md:4:8: error: tag \"index.html\" makes the folder \"tags/index.html\", where the site itself makes a page; choose another tag\n",
		   -1);
	check_plan(upper, NULL,
		   "content/cases/0.md:4:8: error: tag \"INDEX.HTML\" makes \"tags/INDEX.HTML\", the same name as \"tags/index.html\" of the site itself on file systems that ignore case or Unicode form (macOS, Windows, USB sticks); choose another tag\n",
		   -1);
	/* The second page of the list of cases, when there are 11 cases. */
	{
		const char *const many[] = { "page-2:", "b:", "c:", "d:", "e:",
					     "f:", "g:", "h:", "i:", "j:", "k:",
					     NULL };

		check_plan(slug, NULL, "", 0);
		check_plan(many, NULL,
			   "content/cases/0.md:3:7: error: URL \"cases/page-2.html\" is taken by a page the site makes itself; choose another slug\n",
			   -1);
	}
	check_plan(NULL, belt,
		   "content/data/belts.json:2:4: error: belt id \"index.html\" makes the folder \"belts/index.html\", where the site itself makes a page; choose another id\n",
		   -1);
}

static void
bad_names_are_reported_where_typed(void)
{
	const char *const dots[] = { "a:..", "b:.", "c:../x", NULL };
	const char *const slug[] = { "../../etc/x:", NULL };
	const char *const belt[] = { "..", "ok", NULL };

	check_plan(dots, NULL,
		   "content/cases/0.md:4:8: error: tag \"..\" cannot be a file name: \".\" and \"..\" are the folder itself and the one above\n"
		   "content/cases/1.md:4:8: error: tag \".\" cannot be a file name: \".\" and \"..\" are the folder itself and the one above\n"
		   "content/cases/2.md:4:8: error: tag \"../x\" cannot be a file name: '/' separates folders\n",
		   -1);
	check_plan(slug, NULL,
		   "content/cases/0.md:3:7: error: slug \"../../etc/x\" cannot be a file name: '/' separates folders\n",
		   -1);
	check_plan(NULL, belt,
		   "content/data/belts.json:2:4: error: belt id \"..\" cannot be a file name: \".\" and \"..\" are the folder itself and the one above\n",
		   -1);
}

static void
list_pages_follow_the_first(void)
{
	char *p;

	p = routes_list_page("cases/index.html", 1);
	CHECK_STR(p, "cases/index.html");
	free(p);
	p = routes_list_page("cases/index.html", 2);
	CHECK_STR(p, "cases/page-2.html");
	free(p);
	p = routes_list_page("tags/楼宇党建/index.html", 12);
	CHECK_STR(p, "tags/楼宇党建/page-12.html");
	free(p);
	p = routes_list_page("index.html", 3);
	CHECK_STR(p, "page-3.html");
	free(p);
}

static void
links_climb_to_the_root(void)
{
	CHECK_INT(routes_depth("index.html"), 0);
	CHECK_INT(routes_depth("cases/a.html"), 1);
	CHECK_INT(routes_depth("tags/党建/index.html"), 2);
	CHECK_STR(routes_root(0), "");
	CHECK_STR(routes_root(1), "../");
	CHECK_STR(routes_root(2), "../../");
}

static void
absolute_paths_need_not_exist(void)
{
	char *cwd = path_absolute("."), *p, *want;

	p = path_absolute("no-such-folder/deeper/report");
	want = path_join(cwd, "no-such-folder/deeper/report");
	CHECK_STR(p, want);
	CHECK(path_inside(p, cwd));
	free(p);
	free(want);
	CHECK(path_inside("/srv/site/public", "/srv/site/public"));
	CHECK(path_inside("/srv/site/public/report", "/srv/site/public"));
	CHECK(!path_inside("/srv/site/public2", "/srv/site/public"));
	free(cwd);
}

int
main(void)
{
	absolute_paths_need_not_exist();
	joins_paths_with_one_slash();
	takes_the_folder_of_a_path();
	names_that_can_be_file_names();
	names_that_cannot();
	names_make_folders();
	names_that_differ_only_by_case_are_one_file();
	names_that_differ_only_by_normalisation_are_one_file();
	names_must_not_take_the_sites_own_routes();
	bad_names_are_reported_where_typed();
	list_pages_follow_the_first();
	links_climb_to_the_root();
	return harness_done();
}
