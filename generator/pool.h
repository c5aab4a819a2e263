#ifndef SHOWCASE_POOL_H
#define SHOWCASE_POOL_H

/*
 * Parallel for: run fn(arg, i) for every i in [0, n) on jobs threads.
 * Items are handed out one at a time from a shared counter, so a slow item
 * does not hold up a whole slice. fn must not touch shared state except
 * through thread-safe APIs (struct diag is). progress, when not NULL, is
 * called from one thread at a time with the count done so far.
 * Returns the number of items for which fn returned non-zero.
 */

#include <stddef.h>

typedef int (*pool_fn)(void *arg, size_t i);
typedef void (*pool_progress_fn)(void *arg, size_t done, size_t total);

size_t pool_run(size_t n, int jobs, pool_fn fn, void *arg,
		pool_progress_fn progress, void *progress_arg);
/* Number of online processors, at least 1. */
int pool_cpus(void);

#endif
