#ifndef SHOWCASE_PLAN_H
#define SHOWCASE_PLAN_H

/*
 * struct plan: every output file of a build, decided once, before anything
 * renders. Each output knows its path from the site root (routes.h spells
 * it), its depth (for relative links) and what it shows.
 *
 * Names that authors and the data give (slugs, tags, regions, belt and
 * brand ids) become file and folder names here, and are checked here:
 * each must pass routes_name_check(), and no two outputs may be one file,
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
/*
 * The year of the annual brochure (brochure.h): the latest year of the
 * indicators, or 0 when the data has none (the site then has no
 * brochure). Only the latest year is made: the model holds the figures
 * of the latest round.
 */
int plan_brochure_year(const struct model *m);
void plan_release(struct plan *p);

#endif
