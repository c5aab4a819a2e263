/* What the assessments say: rounds, tiers by group, dimensions (assess.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "buf.h"
#include "util.h"

static const char *const dim_labels[MODEL_DIMS] = {
	"班子队伍建设", "党员教育管理", "活动阵地建设", "工作制度建设",
	"工作业绩情况", "工作保障情况", "群众反映情况",
};

const char *
assess_dim_label(int dim)
{
	return dim >= 0 && dim < MODEL_DIMS ? dim_labels[dim] : "";
}

struct assess *
assess_new(void)
{
	return xcalloc(1, sizeof(struct assess));
}

void
assess_free(struct assess *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->nrounds; i++)
		free(a->rounds[i].round);
	free(a->rounds);
	free(a->regions);
	free(a->industries);
	free(a->weakest);
	free(a);
}

void
assess_add_round(struct assess *a, const char *round,
		 const long tiers[MODEL_NTIERS])
{
	struct assess_round *r;

	a->rounds = xgrow(a->rounds, &a->rounds_cap, a->nrounds + 1,
			  sizeof(*a->rounds));
	r = &a->rounds[a->nrounds++];
	r->round = xstrdup(round);
	memcpy(r->tiers, tiers, sizeof(r->tiers));
}

int
assess_weakest_dim(const struct model_config *cfg, const struct model_org *o)
{
	int k, best = 0;

	/* a/max < b/max' compared as a * max' < b * max: no division */
	for (k = 1; k < MODEL_DIMS; k++)
		if (o->dims[k] * cfg->dim_max[best] <
		    o->dims[best] * cfg->dim_max[k] - 1e-9)
			best = k;
	return best;
}

void
assess_average(struct buf *out, double sum, long n)
{
	if (n <= 0)
		BUF_ADDLIT(out, "暂无数据");
	else
		buf_addf(out, "%.2f", round(sum / (double)n * 100) / 100);
}

static int
round_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct assess_round *)pa)->round,
		      ((const struct assess_round *)pb)->round);
}

/* The group of a name in a sorted array of groups, or -1. */
static long
group_index(const struct model_group *g, size_t n, const char *name)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, g[mid].name);

		if (!c)
			return (long)mid;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

static void
group_add(struct assess_group *g, const struct model_org *o)
{
	int k;

	g->assessed++;
	g->tiers[o->tier]++;
	for (k = 0; k < MODEL_DIMS; k++)
		g->dim_sum[k] += o->dims[k];
}

static int
weak_cmp(const void *pa, const void *pb)
{
	const struct assess_weak *a = pa, *b = pb;
	long sa = lround(a->org->score * 100), sb = lround(b->org->score * 100);

	if (a->org->tier != b->org->tier)
		return a->org->tier < b->org->tier ? -1 : 1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return strcmp(a->org->id, b->org->id);
}

void
assess_finish(struct assess *a, const struct model *m)
{
	size_t i, cap = 0;
	int k;

	if (a->nrounds)
		qsort(a->rounds, a->nrounds, sizeof(*a->rounds), round_cmp);
	a->regions = xcalloc(m->nregions + 1, sizeof(*a->regions));
	a->industries = xcalloc(m->nindustries + 1, sizeof(*a->industries));
	for (i = 0; i < m->norgs; i++) {
		const struct model_org *o = &m->orgs[i];
		long g;

		if (o->tier < 0 || o->tier >= MODEL_NTIERS)
			continue;
		a->tier_n[o->tier]++;
		for (k = 0; k < MODEL_DIMS; k++)
			a->tier_dim_sum[o->tier][k] += o->dims[k];
		if ((g = group_index(m->regions, m->nregions, o->region)) >= 0)
			group_add(&a->regions[g], o);
		if ((g = group_index(m->industries, m->nindustries,
				     o->industry ? o->industry : "")) >= 0)
			group_add(&a->industries[g], o);
		if (o->tier != MODEL_TIER_WEAK && o->tier != MODEL_TIER_BRONZE)
			continue;
		a->weakest = xgrow(a->weakest, &cap, a->nweakest + 1,
				   sizeof(*a->weakest));
		a->weakest[a->nweakest].org = o;
		a->weakest[a->nweakest].dim = assess_weakest_dim(&m->cfg, o);
		a->nweakest++;
	}
	if (a->nweakest)
		qsort(a->weakest, a->nweakest, sizeof(*a->weakest), weak_cmp);
}
