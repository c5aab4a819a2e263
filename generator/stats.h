#ifndef SHOWCASE_STATS_H
#define SHOWCASE_STATS_H

/*
 * The model of the data exports as template dictionaries: the headline
 * figures of the home page and the statistics page. Only public figures
 * and organisations are given; the internal report (units breaking the
 * rules, weak organisations) is never part of the site.
 */

struct content;
struct model;
struct tmpl_dict;

/* FIGURES of the latest year, each against its target. */
void stats_figures(struct tmpl_dict *d, const struct model *m);
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
