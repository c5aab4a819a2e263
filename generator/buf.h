#ifndef SHOWCASE_BUF_H
#define SHOWCASE_BUF_H

/*
 * struct buf: the one growable text buffer of showcase.
 *
 * Rules (as git's strbuf):
 *  - ptr is never NULL and always NUL-terminated, even when empty; an
 *    initialised buffer may be printed or compared without checks.
 *  - buf_detach() is the one way to take the memory: the caller then owns
 *    the returned string and frees it with free(); the buffer is left empty.
 *  - buf_release() frees the memory of an embedded buffer and leaves it
 *    empty and usable again.
 *  - Out of memory is fatal (xmalloc), so no function here fails.
 */

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *ptr;
	size_t len;
	size_t cap; /* 0 while ptr points at the shared empty string */
};

extern char buf_empty[];
#define BUF_INIT { buf_empty, 0, 0 }

void buf_init(struct buf *b, size_t hint);
void buf_release(struct buf *b);
/* Caller frees the result with free(). */
char *buf_detach(struct buf *b, size_t *len);
void buf_grow(struct buf *b, size_t extra);
void buf_reset(struct buf *b);
void buf_setlen(struct buf *b, size_t len);

void buf_add(struct buf *b, const void *data, size_t len);
void buf_addstr(struct buf *b, const char *s);
void buf_addch(struct buf *b, int c);
void buf_addbuf(struct buf *b, const struct buf *other);
void buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Append string literals without strlen. */
#define BUF_ADDLIT(b, lit) buf_add((b), "" lit, sizeof(lit) - 1)

/* Remove trailing ASCII whitespace. */
void buf_rtrim(struct buf *b);
/* Append s escaped for HTML text and attribute values (& < > " '). */
void buf_addhtml(struct buf *b, const char *s);
/*
 * Append the number written in num ("-14700.25") with a comma between
 * each three digits of its whole part ("-14,700.25"): the thousands
 * separators of Chinese statistical writing.
 */
void buf_addgrouped(struct buf *b, const char *num);
/* Percent-encode s as one URL path segment part (keeps unreserved bytes and '/'). */
void buf_addurl(struct buf *b, const char *s);

#endif
