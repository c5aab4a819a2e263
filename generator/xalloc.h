#ifndef SHOWCASE_XALLOC_H
#define SHOWCASE_XALLOC_H

/*
 * Allocation that cannot fail: out of memory is fatal in a command-line
 * tool (sblg's util.c, git's wrapper.c), so no caller tests for NULL. The
 * lowest module: buf.c needs it, and util.h gives it to everyone else.
 * Everything here returns memory the caller frees with free().
 */

#include <stddef.h>

void die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow *p (holding *cap items of size) so it holds at least want items. */
void *xgrow(void *p, size_t *cap, size_t want, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
