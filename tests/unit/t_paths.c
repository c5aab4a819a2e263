/* Paths, slugs and routes: where every output goes, decided once. */
#include <stdlib.h>

#include "harness.h"
#include "page.h"
#include "plan.h"
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

static void
slugs_stay_in_their_folder(void)
{
	CHECK(page_slug_valid("siwei-gongzuofa"));
	CHECK(page_slug_valid("红色商圈"));
	CHECK(page_slug_valid("2025_case.v2"));
	CHECK(!page_slug_valid(""));
	CHECK(!page_slug_valid("../etc/passwd"));
	CHECK(!page_slug_valid("a/b"));
	CHECK(!page_slug_valid("a\\b"));
	CHECK(!page_slug_valid(".hidden"));
	CHECK(!page_slug_valid("tab\there"));
	CHECK(!page_slug_valid("q?x"));
	CHECK(!page_slug_valid("frag#x"));
	CHECK(!page_slug_valid("pct%41"));
}

static void
list_pages_follow_the_first(void)
{
	char *p;

	p = plan_list_path("cases/index.html", 1);
	CHECK_STR(p, "cases/index.html");
	free(p);
	p = plan_list_path("cases/index.html", 2);
	CHECK_STR(p, "cases/page-2.html");
	free(p);
	p = plan_list_path("tags/楼宇党建/index.html", 12);
	CHECK_STR(p, "tags/楼宇党建/page-12.html");
	free(p);
	p = plan_list_path("index.html", 3);
	CHECK_STR(p, "page-3.html");
	free(p);
}

static void
links_climb_to_the_root(void)
{
	CHECK_INT(plan_depth("index.html"), 0);
	CHECK_INT(plan_depth("cases/a.html"), 1);
	CHECK_INT(plan_depth("tags/党建/index.html"), 2);
	CHECK_STR(plan_root(0), "");
	CHECK_STR(plan_root(1), "../");
	CHECK_STR(plan_root(2), "../../");
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
	slugs_stay_in_their_folder();
	list_pages_follow_the_first();
	links_climb_to_the_root();
	return harness_done();
}
