/*
 * Venues and the 六有 standard (venue.h).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "model.h"
#include "util.h"
#include "venue.h"

const char *const venue_kind_keys[VENUE_NKINDS] = {
	"hub", "center", "activity",
};

const char *const venue_point_keys[VENUE_POINTS] = {
	"place", "facilities", "sign", "flag", "books", "rules",
};

const char *
venue_kind_label(enum venue_kind k)
{
	static const char *const labels[VENUE_NKINDS] = {
		"枢纽式党群服务中心", "党群服务中心", "党员活动场所",
	};

	return k >= 0 && k < VENUE_NKINDS ? labels[k] : "";
}

const char *
venue_point_label(int point)
{
	static const char *const labels[VENUE_POINTS] = {
		"有场所", "有设施", "有标志", "有党旗", "有书报", "有制度",
	};

	return point >= 0 && point < VENUE_POINTS ? labels[point] : "";
}

struct venues *
venues_new(void)
{
	return xcalloc(1, sizeof(struct venues));
}

void
venues_free(struct venues *v)
{
	size_t i, j;

	if (!v)
		return;
	for (i = 0; i < v->n; i++) {
		struct venue *one = &v->list[i];

		free(one->id);
		free(one->name);
		free(one->region);
		for (j = 0; j < one->norgs; j++)
			free(one->org_ids[j]);
		free(one->org_ids);
	}
	free(v->list);
	for (i = 0; i < v->nregions; i++)
		free(v->regions[i].name);
	free(v->regions);
	free(v);
}

void
venues_add(struct venues *v, struct venue *one)
{
	v->list = xgrow(v->list, &v->cap, v->n + 1, sizeof(*v->list));
	v->list[v->n++] = *one;
	memset(one, 0, sizeof(*one));
}

int
venue_complete(const struct venue *one)
{
	return one->points == (1u << VENUE_POINTS) - 1;
}

static int
venue_cmp(const void *pa, const void *pb)
{
	const struct venue *a = pa, *b = pb;
	int c = strcmp(a->region, b->region);

	if (c)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->id, b->id);
}

static void
group_add(struct venue_group *g, const struct venue *one)
{
	int i;

	g->venues++;
	g->complete += venue_complete(one);
	for (i = 0; i < VENUE_POINTS; i++)
		g->points[i] += (one->points >> i) & 1;
	g->served += (long)one->norgs;
	g->kinds[one->kind]++;
	g->six.num = g->complete;
	g->six.den = g->venues;
}

void
venues_finish(struct venues *v)
{
	size_t i, cap = 0;

	if (v->n)
		qsort(v->list, v->n, sizeof(*v->list), venue_cmp);
	for (i = 0; i < v->n; i++) {
		const struct venue *one = &v->list[i];

		/* Sorted by region: a new region starts a new group. */
		if (!v->nregions ||
		    strcmp(v->regions[v->nregions - 1].name, one->region)) {
			v->regions = xgrow(v->regions, &cap, v->nregions + 1,
					   sizeof(*v->regions));
			memset(&v->regions[v->nregions], 0,
			       sizeof(*v->regions));
			v->regions[v->nregions++].name = xstrdup(one->region);
		}
		group_add(&v->regions[v->nregions - 1], one);
		group_add(&v->all, one);
		group_add(&v->kinds[one->kind], one);
	}
}

/* {"venues": n, "complete": n, "six_rate": r, ...} of one group. */
static void
group_json(struct buf *out, const struct venue_group *g, int kinds)
{
	int i;

	buf_addf(out, "\"venues\": %ld, \"complete\": %ld, \"six_rate\": ",
		 g->venues, g->complete);
	model_rate_json(out, g->six);
	buf_addf(out, ", \"served\": %ld", g->served);
	if (!kinds)
		return;
	BUF_ADDLIT(out, ", \"kinds\": {");
	for (i = 0; i < VENUE_NKINDS; i++)
		buf_addf(out, "%s\"%s\": %ld", i ? ", " : "",
			 venue_kind_keys[i], g->kinds[i]);
	buf_addch(out, '}');
}

void
venues_json(const struct venues *v, struct buf *out)
{
	size_t i;
	int k;

	buf_addch(out, '{');
	group_json(out, &v->all, 1);
	BUF_ADDLIT(out, ", \"points\": {");
	for (k = 0; k < VENUE_POINTS; k++)
		buf_addf(out, "%s\"%s\": %ld", k ? ", " : "",
			 venue_point_keys[k], v->all.points[k]);
	BUF_ADDLIT(out, "},\n    \"by_kind\": {");
	for (k = 0; k < VENUE_NKINDS; k++) {
		buf_addf(out, "%s\"%s\": {", k ? ", " : "",
			 venue_kind_keys[k]);
		group_json(out, &v->kinds[k], 0);
		buf_addch(out, '}');
	}
	BUF_ADDLIT(out, "},\n    \"regions\": [");
	for (i = 0; i < v->nregions; i++) {
		buf_addstr(out, i ? ",\n      {\"name\": " :
				"\n      {\"name\": ");
		json_add_string(out, v->regions[i].name);
		BUF_ADDLIT(out, ", ");
		group_json(out, &v->regions[i], 1);
		buf_addch(out, '}');
	}
	buf_addstr(out, v->nregions ? "\n    ]}" : "]}");
}
