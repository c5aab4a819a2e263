#ifndef SHOWCASE_STATS_H
#define SHOWCASE_STATS_H

/*
 * The model of the data exports as template dictionaries: the headline
 * figures of the home page and the statistics page. Only public figures
 * and organisations are given; the internal report (units breaking the
 * rules, weak organisations) is never part of the site.
 */

#include <cJSON.h>

struct content;
struct diag;
struct json_doc;
struct model;
struct tmpl_dict;

/* FIGURES of the latest year, each against its target. */
void stats_figures(struct tmpl_dict *d, const struct model *m);
/*
 * The home page's FIGURES: the latest year's indicators named in order
 * (site.json "home": {"figures": [...]}, an array of indicator keys)
 * first, in that order, then the others by key. order NULL: by key.
 */
void stats_headlines(struct tmpl_dict *d, const struct model *m,
		     const cJSON *order);
/* Problems of that setting: not an array of strings (errors), a key
 * without an indicator in the latest year (warnings). */
void stats_check_headlines(const struct json_doc *doc, const cJSON *order,
			   const struct model *m, struct diag *d);
/* The FIGURES of one year (the page of that year). */
void stats_year(struct tmpl_dict *d, const struct model *m, int year);
/* GOLD: the gold-tier organisations with their stars, best first. */
void stats_gold(struct tmpl_dict *d, const struct model *m);
/* DEMO_LEVELS: the demonstration sites by level. */
void stats_sites(struct tmpl_dict *d, const struct model *m);
/* Everything the statistics page shows. root: for links to cases. */
void stats_page(struct tmpl_dict *d, const struct model *m,
		const struct content *c, const char *root);
/* Names stats_* may give a dictionary (for render_names). */
extern const char *const stats_names[];

#endif
