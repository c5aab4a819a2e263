#ifndef SHOWCASE_PRIVACY_H
#define SHOWCASE_PRIVACY_H

/*
 * struct privacy: the values of the data's private fields (contacts, phone
 * numbers, ID numbers), so that a build can prove none of them reached its
 * output (domain.md, Privacy). Private fields are dropped when the data is
 * loaded; this is the proof that nothing else let one through.
 *
 * The scan is a Rabin-Karp search, one rolling hash per distinct value
 * length, so its cost grows with the output and the number of distinct
 * lengths, not with the number of values. After privacy_seal() it is
 * read-only and may be used from many threads.
 */

#include <stddef.h>

struct diag;
struct site;

struct privacy;

/* Caller frees with privacy_free(). */
struct privacy *privacy_new(void);
void privacy_free(struct privacy *p);

/*
 * Add every private value of the site's data (site.json "private", the
 * contract's defaults). Values shorter than two characters are skipped:
 * they occur in any text. Returns 0, or -1 with diagnostics.
 */
int privacy_load(struct privacy *p, const struct site *site, struct diag *d);
/* Add one value (tests). */
void privacy_add(struct privacy *p, const char *value);
/* Index the values; call once, after the last add. */
void privacy_seal(struct privacy *p);
size_t privacy_count(const struct privacy *p);

/* The first private value found in text, or NULL. */
const char *privacy_find(const struct privacy *p, const char *text,
			 size_t len);

#endif
