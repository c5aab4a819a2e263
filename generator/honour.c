/*
 * Honours of organisations (honour.h).
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "honour.h"
#include "model.h"
#include "util.h"

const char *const honour_kind_keys[HONOUR_NKINDS] = {
	"five_star", "benchmark",
};

const char *
honour_kind_label(enum honour_kind k)
{
	static const char *const labels[HONOUR_NKINDS] = {
		"五星支部", "标杆式党支部",
	};

	return k >= 0 && k < HONOUR_NKINDS ? labels[k] : "";
}

struct honours *
honours_new(void)
{
	return xcalloc(1, sizeof(struct honours));
}

void
honours_free(struct honours *h)
{
	size_t i;

	if (!h)
		return;
	for (i = 0; i < h->n; i++)
		free(h->list[i].org_id);
	free(h->list);
	free(h->years);
	free(h);
}

void
honours_add(struct honours *h, struct honour *one)
{
	h->list = xgrow(h->list, &h->cap, h->n + 1, sizeof(*h->list));
	h->list[h->n++] = *one;
	memset(one, 0, sizeof(*one));
}

static int
honour_cmp(const void *pa, const void *pb)
{
	const struct honour *a = pa, *b = pb;
	int c = strcmp(a->org_id, b->org_id);

	if (c)
		return c;
	if (a->year != b->year)
		return a->year > b->year ? -1 : 1;
	return (int)a->kind - (int)b->kind;
}

static struct honour_year *
year_of(struct honours *h, int year, size_t *cap)
{
	size_t i;

	for (i = 0; i < h->nyears; i++)
		if (h->years[i].year == year)
			return &h->years[i];
	h->years = xgrow(h->years, cap, h->nyears + 1, sizeof(*h->years));
	memset(&h->years[h->nyears], 0, sizeof(*h->years));
	h->years[h->nyears].year = year;
	return &h->years[h->nyears++];
}

static int
year_cmp(const void *pa, const void *pb)
{
	const struct honour_year *a = pa, *b = pb;

	return (a->year > b->year) - (a->year < b->year);
}

void
honours_finish(struct honours *h)
{
	size_t i, cap = 0;

	if (h->n)
		qsort(h->list, h->n, sizeof(*h->list), honour_cmp);
	for (i = 0; i < h->n; i++) {
		struct honour *one = &h->list[i];

		h->kinds[one->kind]++;
		year_of(h, one->year, &cap)->kinds[one->kind]++;
		h->orgs += !i || strcmp(h->list[i - 1].org_id, one->org_id);
	}
	if (h->nyears)
		qsort(h->years, h->nyears, sizeof(*h->years), year_cmp);
}

const struct honour *
honours_of(const struct honours *h, const char *org_id, size_t *n)
{
	size_t lo = 0, hi = h->n, end;

	*n = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(h->list[mid].org_id, org_id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < h->n && !strcmp(h->list[end].org_id, org_id);
	     end++)
		;
	*n = end - lo;
	return *n ? &h->list[lo] : NULL;
}

void
honour_text(const struct honour *one, struct buf *out)
{
	buf_addf(out, "%d年", one->year);
	if (one->level != MODEL_DEMO_NONE)
		buf_addstr(out, model_demo_label(one->level));
	buf_addstr(out, honour_kind_label(one->kind));
}

void
honours_line(const struct honours *h, const char *org_id, struct buf *out)
{
	size_t n, i;
	const struct honour *one = honours_of(h, org_id, &n);

	for (i = 0; i < n; i++) {
		if (i)
			buf_addstr(out, "、");
		honour_text(&one[i], out);
	}
}

void
honours_json(const struct honours *h, struct buf *out)
{
	size_t i;
	int k;

	buf_addch(out, '{');
	for (k = 0; k < HONOUR_NKINDS; k++)
		buf_addf(out, "\"%s\": %ld, ", honour_kind_keys[k],
			 h->kinds[k]);
	buf_addf(out, "\"organizations\": %ld, \"years\": [", h->orgs);
	for (i = 0; i < h->nyears; i++) {
		buf_addf(out, "%s{\"year\": %d", i ? ", " : "",
			 h->years[i].year);
		for (k = 0; k < HONOUR_NKINDS; k++)
			buf_addf(out, ", \"%s\": %ld", honour_kind_keys[k],
				 h->years[i].kinds[k]);
		buf_addch(out, '}');
	}
	BUF_ADDLIT(out, "]}");
}
