#ifndef SHOWCASE_TARGET_H
#define SHOWCASE_TARGET_H

/*
 * struct targets: the targets each committee (基层党委（工委）, one per
 * region) was handed for the year and checked in the middle and at the
 * end of it (seed 000). They are indicator records with a "region", or
 * with the period "YYYY-H1" (the mid-year check; without a region it is
 * the district's): the district's whole-year records stay in
 * model->indicators, so files without these fields load as before.
 *
 * A value reaches its target when value >= target. A period's table has
 * one row per region (the district's own mid-year figures first, as 全区)
 * and one column per indicator of the period; each row counts the targets
 * it reached.
 *
 * struct model owns one (model->targets); data.c feeds it with
 * targets_add() and model_finish() calls targets_finish(). Every string
 * is owned and freed by targets_free().
 */

#include <stddef.h>

#include "model.h"

struct buf;

struct target {
	int year;
	int h1;              /* 1: the mid-year check "YYYY-H1"; 0: the year */
	char *region;        /* "" for the district */
	char *key;           /* party_orgs ... */
	char *label;         /* NULL when not given */
	char *unit;          /* NULL when not given */
	double value;
	int has_target;
	double target;
	int reached;         /* value >= target (when has_target) */
};

/* One row of a period's table: cells[0 .. n), sorted by key. */
struct target_row {
	const char *region;  /* into the list; "" for the district */
	const struct target *cells;
	size_t n;
	long reached, with_target;
	struct model_rate rate; /* reached / with_target */
};

/* One period: its rows and its columns. */
struct target_period {
	int year, h1;
	struct target_row *rows;
	size_t nrows;
	const struct target **columns; /* one record per key, for labels */
	size_t ncolumns;
	long reached, with_target;     /* over all rows */
};

struct targets {
	struct target *list; /* by year, the mid-year first, region, key */
	size_t n, cap;
	struct target_period *periods; /* same order */
	size_t nperiods;
};

/* Caller frees with targets_free(). */
struct targets *targets_new(void);
void targets_free(struct targets *t);

/* Takes ownership of the strings inside one. */
void targets_add(struct targets *t, struct target *one);
void targets_finish(struct targets *t);

/* "2025-H1" or "2025"; "2025年上半年" or "2025年". */
void target_period_key(const struct target_period *p, struct buf *out);
void target_period_label(const struct target_period *p, struct buf *out);
/* The record of row r with the key of column, or NULL. */
const struct target *target_cell(const struct target_row *r,
				 const struct target *column);

/* The "targets" array of `showcase stats --json`, no newline. */
void targets_json(const struct targets *t, struct buf *out);
/* A row's region as shown: 全区 for the district's own (""). */
const char *target_region_label(const char *region);

#endif
