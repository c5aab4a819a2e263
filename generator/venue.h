#ifndef SHOWCASE_VENUE_H
#define SHOWCASE_VENUE_H

/*
 * struct venues: the Party-service venues of the venues export (seed 004:
 * 党群服务中心, 枢纽式 ones, activity venues) and how many meet the 六有
 * standard of seed 003 (有场所、有设施、有标志、有党旗、有书报、有制度),
 * overall, by kind and by region.
 *
 * A venue meets 六有 when all six points are true; the rate is venues
 * meeting it / venues, "no data" without venues. A venue serves the
 * organisations it lists (each an organisations id, checked by data.c).
 *
 * struct model owns one (model->venues); data.c feeds it with
 * venues_add() and model_finish() calls venues_finish(). Every string and
 * array is owned and freed by venues_free().
 */

#include <stddef.h>

#include "model.h"

struct buf;

enum venue_kind {
	VENUE_HUB,      /* 枢纽式党群服务中心 */
	VENUE_CENTER,   /* 党群服务中心 */
	VENUE_ACTIVITY, /* 党员活动场所 */
	VENUE_NKINDS
};

#define VENUE_POINTS 6

/* "hub", "center", "activity": as the export writes them. */
extern const char *const venue_kind_keys[VENUE_NKINDS];
/* "place", "facilities", "sign", "flag", "books", "rules". */
extern const char *const venue_point_keys[VENUE_POINTS];

struct venue {
	char *id;
	char *name;
	enum venue_kind kind;
	char *region;
	unsigned points;  /* bit i: venue_point_keys[i] holds */
	char **org_ids;   /* organisations served */
	size_t norgs;
};

/* Of all venues, one kind or one region. */
struct venue_group {
	char *name;              /* region; NULL for "all" and the kinds */
	long venues;
	long complete;           /* all six points */
	long points[VENUE_POINTS]; /* venues with each point */
	long served;             /* organisations listed, summed */
	long kinds[VENUE_NKINDS];  /* venues of each kind (regions, all) */
	struct model_rate six;   /* complete / venues */
};

struct venues {
	struct venue *list;      /* after venues_finish: by region, kind, id */
	size_t n, cap;
	struct venue_group all;
	struct venue_group kinds[VENUE_NKINDS];
	struct venue_group *regions; /* sorted by name */
	size_t nregions;
};

/* Caller frees with venues_free(). */
struct venues *venues_new(void);
void venues_free(struct venues *v);

/* Takes ownership of the strings and arrays inside one. */
void venues_add(struct venues *v, struct venue *one);
/* Sort and count. */
void venues_finish(struct venues *v);

/* Whether a venue meets all six points. */
int venue_complete(const struct venue *one);
/* 枢纽式党群服务中心 ... */
const char *venue_kind_label(enum venue_kind k);
/* 有场所 ... */
const char *venue_point_label(int point);

/*
 * The "venues" object of `showcase stats --json` (docs/data-format.md),
 * without a trailing newline.
 */
void venues_json(const struct venues *v, struct buf *out);

#endif
