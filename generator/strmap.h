#ifndef SHOWCASE_STRMAP_H
#define SHOWCASE_STRMAP_H

/*
 * struct strmap: a set of strings, each given a dense index (0, 1, ... in
 * the order first seen), for ids, regions and joint organisations.
 *
 * Built for a million keys: the strings are packed in one arena and the
 * table holds 32-bit indexes, so a key costs its length plus about 17
 * bytes, with no allocation per key. Keys are copied; strmap_key()
 * pointers stay valid until the next strmap_intern() (the arena may move).
 */

#include <stddef.h>
#include <stdint.h>

struct strmap {
	char *arena;      /* keys, each NUL-terminated */
	size_t alen, acap;
	uint32_t *offs;   /* index -> offset of its key in arena */
	uint32_t *hashes; /* index -> hash of its key: probes compare these */
	size_t n, ncap;
	uint32_t *slots;  /* index + 1, or 0 for empty */
	size_t cap;       /* a power of two, 0 before the first key */
};

#define STRMAP_INIT { NULL, 0, 0, NULL, NULL, 0, 0, NULL, 0 }

void strmap_init(struct strmap *m);
void strmap_release(struct strmap *m);
/* Index of key; adds it if absent (*added, when given, tells which). */
size_t strmap_intern(struct strmap *m, const char *key, int *added);
/* Index of key, or -1. */
long strmap_find(const struct strmap *m, const char *key);
const char *strmap_key(const struct strmap *m, size_t i);

#endif
