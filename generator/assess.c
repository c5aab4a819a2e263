/* What the assessments say: rounds, tiers by group, dimensions (assess.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "buf.h"
#include "strmap.h"
#include "util.h"

/*
 * Sums in hundredths of a point as integers, so that they are exact
 * whatever the order the organisations come in.
 */
struct group_sum {
	long assessed;
	long tiers[MODEL_NTIERS];
	int64_t dims[MODEL_DIMS];
};

struct assess_sums {
	long tier_n[MODEL_NTIERS];
	int64_t tier_dims[MODEL_NTIERS][MODEL_DIMS];
	struct strmap region_names, industry_names;
	struct group_sum *regions, *industries;
	size_t regions_cap, industries_cap;
};

static void
sums_free(struct assess_sums *s)
{
	if (!s)
		return;
	strmap_release(&s->region_names);
	strmap_release(&s->industry_names);
	free(s->regions);
	free(s->industries);
	free(s);
}

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
	sums_free(a->sums);
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

/* The sums of the group called name, made when new. */
static struct group_sum *
group_sum(struct strmap *names, struct group_sum **g, size_t *cap,
	  const char *name)
{
	int added;
	size_t i = strmap_intern(names, name, &added);

	if (added) {
		*g = xgrow(*g, cap, i + 1, sizeof(**g));
		memset(&(*g)[i], 0, sizeof(**g));
	}
	return &(*g)[i];
}

void
assess_add_org(struct assess *a, const struct model_org *o)
{
	struct assess_sums *s;
	struct group_sum *r, *ind;
	int k;

	if (o->tier < 0 || o->tier >= MODEL_NTIERS)
		return;
	if (!a->sums)
		a->sums = xcalloc(1, sizeof(*a->sums));
	s = a->sums;
	r = group_sum(&s->region_names, &s->regions, &s->regions_cap,
		      o->region ? o->region : "");
	ind = group_sum(&s->industry_names, &s->industries,
			&s->industries_cap, o->industry ? o->industry : "");
	s->tier_n[o->tier]++;
	r->assessed++;
	r->tiers[o->tier]++;
	ind->assessed++;
	ind->tiers[o->tier]++;
	for (k = 0; k < MODEL_DIMS; k++) {
		int64_t v = llround(o->dims[k] * 100);

		s->tier_dims[o->tier][k] += v;
		r->dims[k] += v;
		ind->dims[k] += v;
	}
}

/* The sums of the group called name into g, when it has any. */
static void
group_from(struct assess_group *g, const struct strmap *names,
	   const struct group_sum *sums, const char *name)
{
	long i = strmap_find(names, name);
	int k;

	if (i < 0)
		return;
	g->assessed = sums[i].assessed;
	memcpy(g->tiers, sums[i].tiers, sizeof(g->tiers));
	for (k = 0; k < MODEL_DIMS; k++)
		g->dim_sum[k] = (double)sums[i].dims[k] / 100.0;
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
	if (a->sums) {
		struct assess_sums *s = a->sums;
		int t;

		for (t = 0; t < MODEL_NTIERS; t++) {
			a->tier_n[t] = s->tier_n[t];
			for (k = 0; k < MODEL_DIMS; k++)
				a->tier_dim_sum[t][k] =
					(double)s->tier_dims[t][k] / 100.0;
		}
		for (i = 0; i < m->nregions; i++)
			group_from(&a->regions[i], &s->region_names,
				   s->regions, m->regions[i].name);
		for (i = 0; i < m->nindustries; i++)
			group_from(&a->industries[i], &s->industry_names,
				   s->industries, m->industries[i].name);
		sums_free(s);
		a->sums = NULL;
	}
	for (i = 0; i < m->norgs; i++) {
		const struct model_org *o = &m->orgs[i];

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
