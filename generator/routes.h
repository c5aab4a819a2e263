#ifndef SHOWCASE_ROUTES_H
#define SHOWCASE_ROUTES_H

/*
 * Routes: the name of every output file and every link between them, from
 * the output root. This header and routes.c are the one place that spells
 * one: plan.h decides which outputs a build has, the renderers ask here
 * for the path of each page they link, and tests/run (part "routes")
 * fails on a ".html" or ".pdf" path written anywhere else in generator/.
 *
 * Names that authors and the data give (slugs, tags, regions, belt and
 * brand ids) must pass routes_name_check() before they become part of a
 * path: plan.c reports those that do not where they were typed and gives
 * them no output, and scaffold.c refuses them before writing a file.
 *
 * Every function that returns char * returns a new string: the caller
 * frees it.
 */

#include <stddef.h>

struct buf;

/* The pages of the site's own, from the output root. */
#define ROUTES_HOME "index.html"
#define ROUTES_NOT_FOUND "404.html"
#define ROUTES_STATS "stats.html"
#define ROUTES_SEARCH "search.html"
#define ROUTES_SITES "sites.html"
#define ROUTES_GOLD "gold.html"
#define ROUTES_CASES "cases/index.html"
#define ROUTES_TAGS "tags/index.html"
#define ROUTES_REGIONS "regions/index.html"
#define ROUTES_BELTS "belts/index.html"
#define ROUTES_BRANDS "brands/index.html"
#define ROUTES_BULLETINS "bulletins/index.html"
#define ROUTES_FEED "feed.xml"
#define ROUTES_SITEMAP "sitemap.xml"
#define ROUTES_ROBOTS "robots.txt"
/* The lobby wall screen (screen.h) and the script that names its build. */
#define ROUTES_SCREEN "screen.html"
#define ROUTES_SCREEN_VERSION "screen-version.js"
#define ROUTES_PRINT_CSS "assets/css/print.css"
/* The page a web server shows for a folder; also the internal report's. */
#define ROUTES_INDEX "index.html"

/* The lists whose entries are named by authors or the data. */
enum routes_term {
	ROUTES_TAG,     /* tags/<name>/index.html */
	ROUTES_REGION,  /* regions/<name>/index.html */
	ROUTES_BELT,    /* belts/<id>/index.html */
	ROUTES_BRAND,   /* brands/<id>/index.html */
};

/* Kinds of Markdown pages, as page.h's enum page_kind gives them. */
enum routes_page {
	ROUTES_CASE,     /* cases/<slug>.html */
	ROUTES_PAGE,     /* <slug>.html: a single page, at the root */
	ROUTES_BULLETIN, /* bulletins/<slug>.html */
};

/*
 * Longest name in bytes: a file name holds 255 (NAME_MAX), and a name
 * gets suffixes ("-print.html", ".pdf") on the way.
 */
#define ROUTES_NAME_MAX 200
/*
 * Can name be a file or folder name of the output on every common file
 * system (ext4, APFS, NTFS, FAT and exFAT on USB sticks) and in a URL?
 * Not empty, "." or "..", no '/' or '\', at most ROUTES_NAME_MAX bytes, no
 * leading '.', no trailing '.' or space, no Windows device name (con,
 * nul, com1 ...), no control character, none of : * ? " < > | # %.
 * Returns 0, or -1 with the reason in why (a phrase, no full stop).
 */
int routes_name_check(const char *name, struct buf *why);

/* The web page of a Markdown page with slug (which must pass
 * routes_name_check()). */
char *routes_page(enum routes_page kind, const char *slug);
/* The first page of a tag's, region's, belt's or brand's list:
 * "tags/党建品牌/index.html". name must pass routes_name_check(). */
char *routes_term(enum routes_term kind, const char *name);
/* Page pageno (from 1) of a list whose first page is first:
 * "cases/index.html", 2 -> "cases/page-2.html". */
char *routes_list_page(const char *first, int pageno);
/* The page of one year of the indicators: "stats/2025.html". */
char *routes_year(int year);
/* The web page of the brochure of year: "brochure/2025.html". */
char *routes_brochure(int year);
/* The print document of the web page url:
 * "bulletins/2025-01.html" -> "bulletins/2025-01-print.html". */
char *routes_print(const char *url);
/* The PDF of a print document, beside it: "x-print.html" and "x.html"
 * give "x.pdf". */
char *routes_pdf(const char *html);

/* Folders in path: the depth of its page below the root. */
int routes_depth(const char *path);
/* Relative prefix from a page at depth to the root: "", "../", ...
 * A static string. */
const char *routes_root(int depth);

#endif
