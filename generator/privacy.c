#include <stdint.h>
#include <string.h>

#include "data.h"
#include "diag.h"
#include "privacy.h"
#include "site.h"
#include "utf8.h"
#include "util.h"

#define BASE 1099511628211ULL /* any odd multiplier will do */

struct entry {
	uint64_t hash;
	size_t value;
};

/* All values of one byte length, with their hashes sorted. */
struct bucket {
	size_t len;
	uint64_t top;        /* BASE^(len-1), to roll the first byte out */
	struct entry *e;
	size_t n, cap;
};

struct privacy {
	char **values;
	size_t nvalues, cap;
	struct bucket *b;
	size_t nb;
};

struct privacy *
privacy_new(void)
{
	return xcalloc(1, sizeof(struct privacy));
}

void
privacy_free(struct privacy *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nvalues; i++)
		free(p->values[i]);
	free(p->values);
	for (i = 0; i < p->nb; i++)
		free(p->b[i].e);
	free(p->b);
	free(p);
}

void
privacy_add(struct privacy *p, const char *value)
{
	size_t len = strlen(value);

	if (utf8_count(value, len) < 2)
		return;
	p->values = xgrow(p->values, &p->cap, p->nvalues + 1, sizeof(*p->values));
	p->values[p->nvalues++] = xstrdup(value);
}

static void
collect(void *arg, const char *export, const char *value)
{
	(void)export;
	privacy_add(arg, value);
}

int
privacy_load(struct privacy *p, const struct site *site, struct diag *d)
{
	struct data_private priv;
	int rc;

	data_private_init(&priv);
	rc = data_private_read(&priv, &site->json, site_section(site, "private"), d);
	if (rc == 0)
		rc = data_private_values(site->dir, &priv, collect, p, d);
	data_private_release(&priv);
	return rc;
}

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 0;
	size_t i;

	for (i = 0; i < len; i++)
		h = h * BASE + (unsigned char)s[i];
	return h;
}

static int
entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

void
privacy_seal(struct privacy *p)
{
	size_t i, j;

	for (i = 0; i < p->nvalues; i++) {
		size_t len = strlen(p->values[i]);
		struct bucket *bk = NULL;

		for (j = 0; j < p->nb; j++)
			if (p->b[j].len == len)
				bk = &p->b[j];
		if (!bk) {
			uint64_t top = 1;

			p->b = xrealloc(p->b, (p->nb + 1) * sizeof(*p->b));
			bk = &p->b[p->nb++];
			memset(bk, 0, sizeof(*bk));
			bk->len = len;
			for (j = 1; j < len; j++)
				top *= BASE;
			bk->top = top;
		}
		bk->e = xgrow(bk->e, &bk->cap, bk->n + 1, sizeof(*bk->e));
		bk->e[bk->n].hash = hash(p->values[i], len);
		bk->e[bk->n++].value = i;
	}
	for (j = 0; j < p->nb; j++)
		xqsort(p->b[j].e, p->b[j].n, sizeof(*p->b[j].e), entry_cmp);
}

size_t
privacy_count(const struct privacy *p)
{
	return p->nvalues;
}

static const char *
lookup(const struct privacy *p, const struct bucket *bk, uint64_t h,
       const char *at)
{
	size_t lo = 0, hi = bk->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (bk->e[mid].hash < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < bk->n && bk->e[lo].hash == h; lo++) {
		const char *v = p->values[bk->e[lo].value];

		if (!memcmp(v, at, bk->len))
			return v;
	}
	return NULL;
}

const char *
privacy_find(const struct privacy *p, const char *text, size_t len)
{
	size_t j, i;

	for (j = 0; j < p->nb; j++) {
		const struct bucket *bk = &p->b[j];
		uint64_t h;
		const char *v;

		if (bk->len > len)
			continue;
		h = hash(text, bk->len);
		for (i = 0;; i++) {
			if ((v = lookup(p, bk, h, text + i)))
				return v;
			if (i + bk->len >= len)
				break;
			h = (h - (unsigned char)text[i] * bk->top) * BASE +
			    (unsigned char)text[i + bk->len];
		}
	}
	return NULL;
}
