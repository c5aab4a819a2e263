#ifndef SHOWCASE_SUMMARY_H
#define SHOWCASE_SUMMARY_H

/*
 * The key figures of the model as `showcase stats` prints them: JSON for
 * scripts (the contract of data-format.md) or an aligned table in Chinese
 * for a terminal. The statistics page of the site is stats.h; the office's
 * internal report is report.h.
 *
 * Both append to out, which the caller owns and releases.
 */

#include <stddef.h>

struct buf;
struct model;

/*
 * The JSON object of `showcase stats --json` (data-format.md): the keys
 * of the contract in its order, then extra figures; rates as fractions
 * with six decimals, null for no data; ends with a newline. Returns 0.
 */
int summary_json(const struct model *m, struct buf *out);
/*
 * The same figures as an aligned table in Chinese for a terminal (CJK
 * characters count two columns). Returns 0.
 */
int summary_table(const struct model *m, struct buf *out);

#endif
