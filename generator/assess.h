#ifndef SHOWCASE_ASSESS_H
#define SHOWCASE_ASSESS_H

/*
 * struct assess: what the assessments say beyond each unit's tier (seed
 * 002: 一党组织一晋级方案, 补短板): tier counts of every round of the data,
 * tiers by region and industry, the average of each of the seven
 * dimensions by tier and by region, and the weakest dimension of each
 * weak or bronze organisation (for the internal report only).
 *
 * A dimension's score is the raters' weighted sum of it, the same weights
 * as the total (so the seven add up to the score). The weakest dimension
 * is the one furthest below its maximum in proportion (support has 10
 * points, the others 15); a tie goes to the first in the order of the
 * export.
 *
 * struct model owns one (model->assess); data.c feeds the rounds and
 * model_finish() calls assess_finish(). Pointers into the model's kept
 * organisations stay valid until model_release().
 */

#include <stddef.h>

#include "model.h"

struct buf;

struct assess_round {
	char *round;                   /* "2025-05" */
	long tiers[MODEL_NTIERS];      /* organisations by tier in it */
};

/* Of one region or industry: parallel to model->regions / industries. */
struct assess_group {
	long assessed;
	long tiers[MODEL_NTIERS];
	double dim_sum[MODEL_DIMS];
};

struct assess_weak {
	const struct model_org *org;
	int dim;                       /* index into model_dim_keys */
};

struct assess {
	struct assess_round *rounds;   /* sorted by round */
	size_t nrounds, rounds_cap;
	long tier_n[MODEL_NTIERS];     /* assessed organisations by tier */
	double tier_dim_sum[MODEL_NTIERS][MODEL_DIMS];
	struct assess_group *regions;  /* model->nregions of them */
	struct assess_group *industries;
	struct assess_weak *weakest;   /* weak first, then bronze; by score */
	size_t nweakest;
	struct assess_sums *sums;      /* assess_add_org(), until finished */
};

/* Caller frees with assess_free(). */
struct assess *assess_new(void);
void assess_free(struct assess *a);

/* Tier counts of one round (copied). */
void assess_add_round(struct assess *a, const char *round,
		      const long tiers[MODEL_NTIERS]);
/*
 * One assessed organisation, as the organisations stream by: its tier
 * and dimensions count in the sums by tier, region and industry. Nothing
 * of o is kept.
 */
void assess_add_org(struct assess *a, const struct model_org *o);
/*
 * The groups in the order of the model's regions and industries, and the
 * weakest dimensions of the kept weak and bronze organisations (all of
 * them when data.c kept the assessed ones: DATA_KEEP_ASSESSED).
 */
void assess_finish(struct assess *a, const struct model *m);

/* The dimension furthest below its maximum, in proportion. */
int assess_weakest_dim(const struct model_config *cfg,
		       const struct model_org *o);
/* 班子队伍建设 ... */
const char *assess_dim_label(int dim);
/* Average of a sum over n, two decimals ("13.45"), or 暂无数据. */
void assess_average(struct buf *out, double sum, long n);

#endif
