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

#include "chart.h"

struct buf;
struct model;

/* A chart_model_fn: arg is the struct model. 0, or -1 for an unknown name. */
int modelchart_fill(void *arg, const char *name, struct chart *c);
/*
 * The kind the site's pages draw the chart called name in (indicator.<key>
 * for any key: a line). 0, or -1 for a name that is none of the above.
 */
int modelchart_kind(const char *name, enum chart_kind *kind);
/* Appends the names above to b, for messages: "coverage_by_region, ...". */
void modelchart_names(struct buf *b);

#endif
