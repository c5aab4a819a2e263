#ifndef SHOWCASE_MODELCHART_H
#define SHOWCASE_MODELCHART_H

/*
 * The charts of the model, by name: what a template asks for and what a
 * ```chart block names with "model:". Each fills an empty chart with its
 * categories, series, title, unit and source line.
 *
 *   coverage_by_region  organisation and work coverage of each region (%)
 *   coverage_by_kind    the same for enterprises and social organisations
 *   tiers               organisations of each tier (donut)
 *   stars               stars within each tier
 *   forms               units by organisation form (donut)
 *   demo_sites          demonstration sites by level
 *   targets             every indicator of the latest year against its target
 *   indicator.<key>     one indicator over the years, with its targets
 *   red_collar          the red-collar funnel: reviewed, certified
 */

struct chart;
struct model;

/* A chart_model_fn: arg is the struct model. 0, or -1 for an unknown name. */
int modelchart_fill(void *arg, const char *name, struct chart *c);
/* The names above, NULL-terminated (indicator.<key> once per key). */
extern const char *const modelchart_names[];

#endif
