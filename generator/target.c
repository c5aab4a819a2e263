/*
 * Targets per committee, checked mid-year and at year end (target.h).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "json.h"
#include "model.h"
#include "target.h"
#include "util.h"

struct targets *
targets_new(void)
{
	return xcalloc(1, sizeof(struct targets));
}

void
targets_free(struct targets *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->n; i++) {
		free(t->list[i].region);
		free(t->list[i].key);
		free(t->list[i].label);
		free(t->list[i].unit);
	}
	free(t->list);
	for (i = 0; i < t->nperiods; i++) {
		free(t->periods[i].rows);
		free(t->periods[i].columns);
	}
	free(t->periods);
	free(t);
}

void
targets_add(struct targets *t, struct target *one)
{
	t->list = xgrow(t->list, &t->cap, t->n + 1, sizeof(*t->list));
	t->list[t->n++] = *one;
	memset(one, 0, sizeof(*one));
}

static int
target_cmp(const void *pa, const void *pb)
{
	const struct target *a = pa, *b = pb;
	int c;

	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->h1 != b->h1)
		return a->h1 ? -1 : 1;
	if ((c = strcmp(a->region, b->region)))
		return c;
	return strcmp(a->key, b->key);
}

static int
column_cmp(const void *pa, const void *pb)
{
	const struct target *const *a = pa, *const *b = pb;

	return strcmp((*a)->key, (*b)->key);
}

/* The rows and columns of list[first .. end). */
static void
finish_period(struct target_period *p, struct target *list, size_t first,
	      size_t end)
{
	size_t i, rcap = 0, ccap = 0, k;

	for (i = first; i < end; i++) {
		struct target *one = &list[i];
		struct target_row *r;
		int seen = 0;

		if (one->has_target)
			one->reached = one->value >= one->target;
		if (!p->nrows || strcmp(p->rows[p->nrows - 1].region,
					 one->region)) {
			p->rows = xgrow(p->rows, &rcap, p->nrows + 1,
					sizeof(*p->rows));
			r = &p->rows[p->nrows++];
			memset(r, 0, sizeof(*r));
			r->region = one->region;
			r->cells = one;
		}
		r = &p->rows[p->nrows - 1];
		r->n++;
		r->with_target += one->has_target;
		r->reached += one->has_target && one->reached;
		r->rate.num = r->reached;
		r->rate.den = r->with_target;
		p->with_target += one->has_target;
		p->reached += one->has_target && one->reached;
		for (k = 0; k < p->ncolumns && !seen; k++)
			seen = !strcmp(p->columns[k]->key, one->key);
		if (!seen) {
			p->columns = xgrow(p->columns, &ccap, p->ncolumns + 1,
					   sizeof(*p->columns));
			p->columns[p->ncolumns++] = one;
		}
	}
	if (p->ncolumns)
		qsort(p->columns, p->ncolumns, sizeof(*p->columns),
		      column_cmp);
}

void
targets_finish(struct targets *t)
{
	size_t i, first = 0, cap = 0;

	if (t->n)
		qsort(t->list, t->n, sizeof(*t->list), target_cmp);
	for (i = 1; i <= t->n; i++) {
		struct target_period *p;

		if (i < t->n && t->list[i].year == t->list[first].year &&
		    t->list[i].h1 == t->list[first].h1)
			continue;
		t->periods = xgrow(t->periods, &cap, t->nperiods + 1,
				   sizeof(*t->periods));
		p = &t->periods[t->nperiods++];
		memset(p, 0, sizeof(*p));
		p->year = t->list[first].year;
		p->h1 = t->list[first].h1;
		finish_period(p, t->list, first, i);
		first = i;
	}
}

void
target_period_key(const struct target_period *p, struct buf *out)
{
	buf_addf(out, p->h1 ? "%d-H1" : "%d", p->year);
}

void
target_period_label(const struct target_period *p, struct buf *out)
{
	buf_addf(out, p->h1 ? "%d年上半年" : "%d年", p->year);
}

const struct target *
target_cell(const struct target_row *r, const struct target *column)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->cells[i].key, column->key))
			return &r->cells[i];
	return NULL;
}

const char *
target_region_label(const char *region)
{
	return *region ? region : "全区";
}

void
targets_json(const struct targets *t, struct buf *out)
{
	size_t i, j, k;
	struct buf key = BUF_INIT;

	buf_addch(out, '[');
	for (i = 0; i < t->nperiods; i++) {
		const struct target_period *p = &t->periods[i];

		buf_reset(&key);
		target_period_key(p, &key);
		buf_addf(out, "%s{\"period\": \"%s\", \"targets\": %ld, "
			 "\"reached\": %ld, \"regions\": [", i ? ",\n    " :
			 "\n    ", key.ptr, p->with_target, p->reached);
		for (j = 0; j < p->nrows; j++) {
			const struct target_row *r = &p->rows[j];

			buf_addstr(out, j ? ",\n      {\"name\": " :
				   "\n      {\"name\": ");
			json_add_string(out, target_region_label(r->region));
			buf_addf(out, ", \"targets\": %ld, \"reached\": %ld, "
				 "\"rate\": ", r->with_target, r->reached);
			model_rate_json(out, r->rate);
			BUF_ADDLIT(out, ", \"indicators\": {");
			for (k = 0; k < r->n; k++) {
				const struct target *c = &r->cells[k];

				if (k)
					BUF_ADDLIT(out, ", ");
				json_add_string(out, c->key);
				BUF_ADDLIT(out, ": {\"value\": ");
				json_add_number(out, c->value);
				if (c->has_target) {
					BUF_ADDLIT(out, ", \"target\": ");
					json_add_number(out, c->target);
					buf_addstr(out, c->reached ?
						   ", \"reached\": true" :
						   ", \"reached\": false");
				}
				buf_addch(out, '}');
			}
			BUF_ADDLIT(out, "}}");
		}
		buf_addstr(out, p->nrows ? "\n    ]}" : "]}");
	}
	buf_addstr(out, t->nperiods ? "\n  ]" : "]");
	buf_release(&key);
}
