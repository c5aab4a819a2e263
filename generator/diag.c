#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "utf8.h"
#include "util.h"

struct diag_rec {
	enum diag_level level;
	char *file;
	int line;
	int col;
	char *msg;
	size_t seq; /* keeps messages at one position in recording order */
};

struct diag {
	pthread_mutex_t lock;
	struct diag_rec *recs;
	size_t n, cap;
	size_t errors, warnings;
};

struct diag *
diag_new(void)
{
	struct diag *d = xcalloc(1, sizeof(*d));

	pthread_mutex_init(&d->lock, NULL);
	return d;
}

void
diag_clear(struct diag *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->recs[i].file);
		free(d->recs[i].msg);
	}
	d->n = d->errors = d->warnings = 0;
}

void
diag_free(struct diag *d)
{
	if (!d)
		return;
	diag_clear(d);
	free(d->recs);
	pthread_mutex_destroy(&d->lock);
	free(d);
}

/*
 * Messages quote what the files hold, and a terminal obeys control
 * characters: an ESC from a data export could clear the screen or forge
 * a line. C0 controls, DEL and bytes that are not UTF-8 are shown as \xNN;
 * C1 controls and the bidi overrides that reorder a line as \uNNNN. All
 * other text (Chinese included) is kept as it is.
 */
static void
add_escaped(struct buf *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		size_t n;

		if (c >= 0x20 && c < 0x7F) {
			buf_addch(out, c);
			i++;
			continue;
		}
		n = c < 0x80 ? 0 : utf8_decode(s + i, len - i, &cp);
		if (!n) {
			buf_addf(out, "\\x%02x", c);
			i++;
		} else if ((cp >= 0x80 && cp <= 0x9F) ||
			   (cp >= 0x202A && cp <= 0x202E) ||
			   (cp >= 0x2066 && cp <= 0x2069)) {
			buf_addf(out, "\\u%04x", (unsigned)cp);
			i += n;
		} else {
			buf_add(out, s + i, n);
			i += n;
		}
	}
}

static void
record(struct diag *d, enum diag_level level, const char *file, int line,
       int col, const char *fmt, va_list ap)
{
	struct buf raw = BUF_INIT, msg = BUF_INIT, where = BUF_INIT;
	struct diag_rec *r;

	buf_vaddf(&raw, fmt, ap);
	add_escaped(&msg, raw.ptr, raw.len);
	if (file)
		add_escaped(&where, file, strlen(file));
	else
		BUF_ADDLIT(&where, "showcase");
	buf_release(&raw);
	pthread_mutex_lock(&d->lock);
	d->recs = xgrow(d->recs, &d->cap, d->n + 1, sizeof(*d->recs));
	r = &d->recs[d->n];
	r->level = level;
	r->file = buf_detach(&where, NULL);
	r->line = line;
	r->col = col;
	r->msg = buf_detach(&msg, NULL);
	r->seq = d->n++;
	if (level == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
	pthread_mutex_unlock(&d->lock);
}

void
diag_error(struct diag *d, const char *file, int line, int col,
	   const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(d, DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

void
diag_warn(struct diag *d, const char *file, int line, int col,
	  const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	record(d, DIAG_WARNING, file, line, col, fmt, ap);
	va_end(ap);
}

size_t
diag_errors(const struct diag *d)
{
	return d->errors;
}

size_t
diag_warnings(const struct diag *d)
{
	return d->warnings;
}

static int
rec_cmp(const void *pa, const void *pb)
{
	const struct diag_rec *a = pa, *b = pb;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	c = strcmp(a->msg, b->msg);
	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void
diag_print(struct diag *d, FILE *fp)
{
	size_t i;

	pthread_mutex_lock(&d->lock);
	xqsort(d->recs, d->n, sizeof(*d->recs), rec_cmp);
	for (i = 0; i < d->n; i++) {
		const struct diag_rec *r = &d->recs[i];
		const char *lv = r->level == DIAG_ERROR ? "error" : "warning";

		if (r->line > 0 && r->col > 0)
			fprintf(fp, "%s:%d:%d: %s: %s\n", r->file, r->line,
				r->col, lv, r->msg);
		else if (r->line > 0)
			fprintf(fp, "%s:%d: %s: %s\n", r->file, r->line, lv,
				r->msg);
		else
			fprintf(fp, "%s: %s: %s\n", r->file, lv, r->msg);
	}
	pthread_mutex_unlock(&d->lock);
}
