#ifndef SHOWCASE_PLAN_H
#define SHOWCASE_PLAN_H

/*
 * struct plan: every output file of a build, decided once, before anything
 * renders. Routes live here and nowhere else: each output knows its path
 * from the site root, its depth (for relative links) and what it shows.
 *
 * Names that authors and the data give (slugs, tags, regions, belt and
 * brand ids) become file and folder names here, and are checked here:
 * each must pass plan_name_check(), and no two outputs may be one file,
 * nor a file one folder, where a file system ignores case or Unicode
 * form (uni_name_key()). Either is an error at the place the name was
 * typed, so `check` finds all that `build` would refuse, and every file
 * has exactly one writer.
 */

#include <stddef.h>

struct buf;
struct content;
struct diag;
struct model;
struct site;

enum output_kind {
	OUT_HOME,
	OUT_CASE,       /* index: a case */
	OUT_PAGE,       /* index: a single page */
	OUT_CASE_LIST,  /* pageno: 1-based */
	OUT_TAG_INDEX,
	OUT_TAG_LIST,   /* index: a tag; pageno */
	OUT_NOT_FOUND,
	OUT_STATS,      /* 数据统计 */
	OUT_SEARCH,     /* 搜索: the page; its index is written by the build */
	OUT_REGION_INDEX,
	OUT_REGION_LIST, /* index: a region of content.regions; pageno */
	OUT_BELT_INDEX,
	OUT_BELT,        /* index: a belt of model.belts; pageno */
	OUT_BRAND_INDEX,
	OUT_BRAND,       /* index: a brand of model.brands; pageno */
	OUT_SITES,       /* demonstration sites by level */
	OUT_GOLD,        /* the gold-tier organisations with their stars */
	OUT_YEAR,        /* index: a year of the indicators */
	OUT_BULLETIN_INDEX,
	OUT_BULLETIN,       /* index: a bulletin of content.bulletins */
	OUT_BULLETIN_PRINT, /* index: the same; its print document */
	OUT_BROCHURE,       /* index: the year */
	OUT_BROCHURE_PRINT, /* index: the year; its print document */
	OUT_SITEMAP,
	OUT_FEED,
	OUT_ROBOTS,
	OUT_SCREEN,         /* the lobby wall screen (screen.h) */
	OUT_SCREEN_VERSION, /* the script that names its build */
};

/* The wall screen and its version script, at the root. */
#define PLAN_SCREEN "screen.html"
#define PLAN_SCREEN_VERSION "screen-version.js"

struct output {
	enum output_kind kind;
	char *path;     /* from the output root, e.g. "tags/党建品牌/index.html" */
	int depth;      /* folders in path */
	const char *root; /* links from it to the site root: "../", or the
			   * site's base_path for the 404 page, which a web
			   * server shows at any depth */
	size_t index;
	int pageno;
	int pages;      /* list pages of the same list */
};

struct plan {
	struct output *outs;
	size_t n;
	char **dirs;    /* every folder to create, parents first */
	size_t ndirs;
};

/*
 * Plan the outputs of content. Returns 0, or -1 with diagnostics; p must
 * be released either way.
 */
int plan_make(struct plan *p, const struct site *site,
	      const struct content *c, const struct model *m, struct diag *d);

/*
 * Longest name in bytes: a file name holds 255 (NAME_MAX), and a name
 * gets suffixes ("-print.html", ".pdf") on the way.
 */
#define PLAN_NAME_MAX 200
/*
 * Can name be a file or folder name of the output on every common file
 * system (ext4, APFS, NTFS, FAT and exFAT on USB sticks) and in a URL?
 * Not empty, "." or "..", no '/' or '\', at most PLAN_NAME_MAX bytes, no
 * leading '.', no trailing '.' or space, no Windows device name (con,
 * nul, com1 ...), no control character, none of : * ? " < > | # %.
 * Returns 0, or -1 with the reason in why (a phrase, no full stop).
 */
int plan_name_check(const char *name, struct buf *why);
/*
 * The first page of a tag's, region's, belt's or brand's list, in folder
 * ("tags", "regions", "belts", "brands"): tags/<name>/index.html. name must
 * pass plan_name_check(). Caller frees.
 */
char *plan_entity_path(const char *folder, const char *name);
/*
 * The cases of a brand, newest first: those whose front matter names the
 * brand or the brand's organisation ("org"), and the one the brand's
 * record names as its story ("case").
 * Written to out (room for c->ncases; may be NULL); returns their number.
 */
struct model_brand;
size_t plan_brand_cases(const struct content *c, const struct model_brand *b,
			size_t *out);
/*
 * The cases of a belt, newest first: those whose front matter names the
 * belt, or an organisation that is one of its points ("org").
 */
struct model_belt;
size_t plan_belt_cases(const struct content *c, const struct model_belt *b,
		       size_t *out);
/* The page of one year of the indicators: stats/2025.html. */
char *plan_year_path(int year);
void plan_release(struct plan *p);

/* Path of list page pageno of a list whose first page is first (caller
 * frees): "cases/index.html" -> "cases/page-2.html". */
char *plan_list_path(const char *first, int pageno);
/* Relative prefix from a page at depth to the root: "", "../", ... */
const char *plan_root(int depth);
/* Folders in path. */
int plan_depth(const char *path);

#endif
