#ifndef SHOWCASE_SITE_H
#define SHOWCASE_SITE_H

/*
 * struct site: a site folder and its configuration, site.json.
 *
 * Every key has a default, so a folder with an empty "{}" site.json and one
 * case study is a complete site. Other modules read their own sections
 * ("rules", "chart") from site->json with site_section(), and register
 * their keys below; site_load checks every key of the file against them
 * all: an unknown key, in any section, or a value of the wrong type is an
 * error at its position.
 */

#include <stddef.h>

#include "json.h"
#include "src.h"

struct diag;

/* What a registered key holds; its meaning (ranges, files) is the reader's. */
enum site_type {
	SITE_STRING,
	SITE_NUMBER,
	SITE_WHOLE,          /* a whole number from 0 to 1000000 */
	SITE_BOOL,
	SITE_STRINGS,        /* a list of strings */
	SITE_STRING_OR_LIST, /* a string, or a list of strings */
	SITE_OBJECT,         /* an object the reader checks inside */
};

/*
 * One key of site.json that a module reads: section "rules", key
 * "max_stars"; section NULL for a top-level key. tag is the reader's own.
 * A table ends with an entry whose key is NULL.
 */
struct site_key {
	const char *section;
	const char *key;
	enum site_type type;
	int tag;
};

/*
 * The tables, each defined beside the code that reads its keys (declared
 * here, so that site.c needs none of those modules).
 */
extern const struct site_key model_site_keys[];    /* "rules": model.c */
extern const struct site_key data_site_keys[];     /* "private": data.c */
extern const struct site_key bulletin_site_keys[]; /* "bulletin", "brochure": bulletin.c */
extern const struct site_key build_site_keys[];    /* "chart": build.c */
extern const struct site_key stats_site_keys[];    /* "home": stats.c */
extern const struct site_key screen_site_keys[];   /* "screen": screen.c */
extern const struct site_key render_site_keys[];   /* "footer": render.c */

struct site_label {
	char *key;   /* e.g. "cases", given to templates as LABEL_CASES */
	char *value;
};

struct site {
	char *dir;          /* the site folder as given ("." by default) */
	char *title;        /* 青川区非公经济和社会组织党建 */
	char *office;       /* issuing office */
	char *description;
	char *language;     /* zh-CN */
	char *output;       /* output folder, relative to dir unless absolute */
	char *base_url;     /* "http://host/path/" for the sitemap and feed, or "" */
	char *base_path;    /* "/path/" where the site is served, for 404.html, or "" */
	char *copyright;    /* footer line; defaults to the office */
	char *year;         /* footer year; defaults to the latest content date */
	int per_page;       /* cases on one list page */
	int featured;       /* featured cases on the home page */
	int md_unsafe;      /* keep raw HTML in Markdown */
	int toc_min;        /* headings needed for a table of contents */
	int summary_chars;
	struct site_label *labels; /* sorted by key, defaults merged in */
	size_t nlabels;
	char **templates;   /* template roots, the site's own first */
	size_t ntemplates;
	char *assets;       /* the site's own assets/ (copied whole), or NULL */
	char *theme;        /* the default assets/, or NULL when it is the
			     * site's own (the repository builds itself) */

	struct src src;      /* site.json as read */
	struct json_doc json;/* its tree with positions (root NULL if absent) */
};

/*
 * Load dir/site.json into s (missing file: all defaults). datadir is the
 * folder of the installed default templates and assets. Returns 0, or -1
 * with the problems in d. site_release() must be called either way.
 */
int site_load(struct site *s, const char *dir, const char *datadir,
	      struct diag *d);
void site_release(struct site *s);

/* The value of a top-level key of site.json, or NULL. */
const cJSON *site_section(const struct site *s, const char *key);
/* The value of key in section (when that is an object), or NULL:
 * site_setting(s, "chart", "font"). */
const cJSON *site_setting(const struct site *s, const char *section,
			  const char *key);
/* The same when it is a string that is not empty, else NULL. */
const char *site_setting_str(const struct site *s, const char *section,
			     const char *key);
/* Path of a file of the site: dir/rel. Caller frees. */
char *site_path(const struct site *s, const char *rel);
/* The label value for key (the key itself when there is none). */
const char *site_label(const struct site *s, const char *key);

#endif
