#ifndef SHOWCASE_REPORT_H
#define SHOWCASE_REPORT_H

/*
 * The internal report of `showcase report`: units breaking the
 * organisation rules, weak organisations, tier movements, the weakest
 * dimension of each weak or bronze organisation. It names organisations
 * the public site must never show, so it is marked, and a build refuses
 * whatever carries a mark (inputs.h).
 */

struct buf;
struct model;

/*
 * The report as one complete, self-contained HTML page, every value
 * escaped, appended to out (the caller's). title is shown at its top (the
 * site's title; may be NULL). Never part of the public site. Returns 0.
 */
int report_html(const struct model *m, const char *title, struct buf *out);

/*
 * The marks of a report, which a build looks for so that it never
 * publishes one (inputs.h): the file in every report folder, and the tag
 * in the head of the report's page, which a copy of the page alone keeps.
 */
#define REPORT_MARKER ".showcase-report"
#define REPORT_META "<meta name=\"showcase-report\" content=\"internal, not for publication\">"

#endif
