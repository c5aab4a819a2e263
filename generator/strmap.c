#include <string.h>

#include "strmap.h"
#include "util.h"

void
strmap_init(struct strmap *m)
{
	memset(m, 0, sizeof(*m));
}

void
strmap_release(struct strmap *m)
{
	free(m->arena);
	free(m->offs);
	free(m->hashes);
	free(m->slots);
	strmap_init(m);
}

static uint32_t
hash(const char *s, size_t len)
{
	uint64_t h = fnv1a64(FNV_OFFSET, s, len);

	return (uint32_t)(h ^ (h >> 29));
}

static void
rehash(struct strmap *m)
{
	size_t i;

	free(m->slots);
	m->cap = m->cap ? m->cap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof(*m->slots));
	for (i = 0; i < m->n; i++) {
		size_t j = m->hashes[i] & (m->cap - 1);

		while (m->slots[j])
			j = (j + 1) & (m->cap - 1);
		m->slots[j] = (uint32_t)i + 1;
	}
}

/*
 * The slot holding key (of hash h), or the empty slot where it would go.
 * Keys are compared only when their hashes are equal.
 */
static size_t
lookup(const struct strmap *m, const char *key, uint32_t h)
{
	size_t j = h & (m->cap - 1);

	while (m->slots[j] && (m->hashes[m->slots[j] - 1] != h ||
			       strcmp(m->arena + m->offs[m->slots[j] - 1], key)))
		j = (j + 1) & (m->cap - 1);
	return j;
}

long
strmap_find(const struct strmap *m, const char *key)
{
	size_t j;

	if (!m->cap)
		return -1;
	j = lookup(m, key, hash(key, strlen(key)));
	return m->slots[j] ? (long)m->slots[j] - 1 : -1;
}

size_t
strmap_intern(struct strmap *m, const char *key, int *added)
{
	size_t j, len = strlen(key) + 1;
	uint32_t h = hash(key, len - 1);

	if (added)
		*added = 0;
	if ((m->n + 1) * 2 > m->cap)
		rehash(m);
	j = lookup(m, key, h);
	if (m->slots[j])
		return m->slots[j] - 1;
	if (m->alen + len > UINT32_MAX || m->n + 1 >= UINT32_MAX)
		die("too many distinct ids (more than 4 GB of them)");
	m->arena = xgrow(m->arena, &m->acap, m->alen + len, 1);
	memcpy(m->arena + m->alen, key, len);
	if (m->n + 1 > m->ncap) {
		size_t cap = m->ncap;

		m->offs = xgrow(m->offs, &cap, m->n + 1, sizeof(*m->offs));
		m->hashes = xrealloc(m->hashes, cap * sizeof(*m->hashes));
		m->ncap = cap;
	}
	m->offs[m->n] = (uint32_t)m->alen;
	m->hashes[m->n] = h;
	m->alen += len;
	m->slots[j] = (uint32_t)++m->n;
	if (added)
		*added = 1;
	return m->n - 1;
}

const char *
strmap_key(const struct strmap *m, size_t i)
{
	return i < m->n ? m->arena + m->offs[i] : NULL;
}
