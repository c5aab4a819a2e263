#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

char buf_empty[1];

void
buf_init(struct buf *b, size_t hint)
{
	b->ptr = buf_empty;
	b->len = b->cap = 0;
	if (hint)
		buf_grow(b, hint);
}

void
buf_release(struct buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b, 0);
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char *p;

	buf_grow(b, 0);
	p = b->ptr;
	if (len)
		*len = b->len;
	buf_init(b, 0);
	return p;
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t want;

	if (b->len + extra + 1 < b->len)
		die("buffer size overflow");
	want = b->len + extra + 1;
	if (b->cap && want <= b->cap)
		return;
	if (!b->cap) {
		size_t cap = want < 64 ? 64 : want;
		char *p = xmalloc(cap);

		memcpy(p, b->ptr, b->len + 1);
		b->ptr = p;
		b->cap = cap;
		return;
	}
	while (b->cap < want)
		b->cap = b->cap < ((size_t)-1) / 2 ? b->cap * 2 : want;
	b->ptr = xrealloc(b->ptr, b->cap);
}

void
buf_reset(struct buf *b)
{
	buf_setlen(b, 0);
}

void
buf_setlen(struct buf *b, size_t len)
{
	if (!b->cap) {
		if (len)
			die("buf_setlen beyond an empty buffer");
		return;
	}
	if (len >= b->cap)
		die("buf_setlen beyond the allocation");
	b->len = len;
	b->ptr[len] = '\0';
}

void
buf_add(struct buf *b, const void *data, size_t len)
{
	if (!len)
		return;
	buf_grow(b, len);
	memmove(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void
buf_addstr(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addch(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}

void
buf_addbuf(struct buf *b, const struct buf *other)
{
	buf_add(b, other->ptr, other->len);
}

void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(b->ptr + b->len, b->cap ? b->cap - b->len : 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		die("vsnprintf failed");
	if (b->cap && (size_t)n < b->cap - b->len) {
		b->len += (size_t)n;
		return;
	}
	buf_grow(b, (size_t)n);
	n = vsnprintf(b->ptr + b->len, b->cap - b->len, fmt, ap);
	if (n < 0)
		die("vsnprintf failed");
	b->len += (size_t)n;
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
buf_rtrim(struct buf *b)
{
	while (b->len && strchr(" \t\r\n\f\v", b->ptr[b->len - 1]))
		b->len--;
	if (b->cap)
		b->ptr[b->len] = '\0';
}

void
buf_addgrouped(struct buf *b, const char *num)
{
	size_t start = num[0] == '-' || num[0] == '+', digits = 0, i;

	while (num[start + digits] >= '0' && num[start + digits] <= '9')
		digits++;
	buf_add(b, num, start);
	for (i = 0; i < digits; i++) {
		if (i && (digits - i) % 3 == 0)
			buf_addch(b, ',');
		buf_addch(b, num[start + i]);
	}
	buf_addstr(b, num + start + digits);
}

void
buf_addurl(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c)) {
			buf_addch(b, c);
		} else {
			buf_addch(b, '%');
			buf_addch(b, hex[c >> 4]);
			buf_addch(b, hex[c & 15]);
		}
	}
}

void
buf_addhtml(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			BUF_ADDLIT(b, "&amp;");
			break;
		case '<':
			BUF_ADDLIT(b, "&lt;");
			break;
		case '>':
			BUF_ADDLIT(b, "&gt;");
			break;
		case '"':
			BUF_ADDLIT(b, "&quot;");
			break;
		case '\'':
			BUF_ADDLIT(b, "&#39;");
			break;
		default:
			buf_addch(b, *s);
		}
	}
}
