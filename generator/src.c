#include <errno.h>
#include <string.h>

#include "diag.h"
#include "src.h"
#include "utf8.h"
#include "util.h"

static void
index_lines(struct src *s)
{
	size_t cap = 0, i;

	s->lines = xgrow(NULL, &cap, 1, sizeof(*s->lines));
	s->lines[0] = 0;
	s->nlines = 1;
	for (i = 0; i < s->text.len; i++) {
		if (s->text.ptr[i] != '\n')
			continue;
		s->lines = xgrow(s->lines, &cap, s->nlines + 1,
				 sizeof(*s->lines));
		s->lines[s->nlines++] = i + 1;
	}
}

static int
check(struct src *s, struct diag *d)
{
	struct buf why = BUF_INIT;
	size_t ok;
	int line, col;

	if (s->text.len >= 3 && !memcmp(s->text.ptr, "\xEF\xBB\xBF", 3)) {
		memmove(s->text.ptr, s->text.ptr + 3, s->text.len - 3);
		buf_setlen(&s->text, s->text.len - 3);
	}
	index_lines(s);
	ok = utf8_check_text(s->text.ptr, s->text.len, &why);
	if (ok == s->text.len)
		return 0;
	src_pos(s, ok, &line, &col);
	diag_error(d, s->path, line, col, "%s", why.ptr);
	buf_release(&why);
	return -1;
}

int
src_init_mem(struct src *s, const char *display, const char *data,
	     size_t len, struct diag *d)
{
	memset(s, 0, sizeof(*s));
	s->path = xstrdup(display);
	buf_init(&s->text, len);
	buf_add(&s->text, data, len);
	return check(s, d);
}

static const struct {
	size_t max;
	const char *what;
} limits[] = {
	[SRC_MARKDOWN] = { 1u << 20, "a Markdown file" },
	[SRC_SITE_JSON] = { 1u << 20, "site.json" },
	[SRC_TEMPLATE] = { 1u << 20, "a template" },
	[SRC_DATA] = { 64u << 20, "a .json data export (use .jsonl for more)" },
};

size_t
src_limit(enum src_kind kind)
{
	return limits[kind].max;
}

int
src_load(struct src *s, const char *path, const char *display,
	 enum src_kind kind, struct diag *d)
{
	unsigned mode = 0;
	char *max;

	memset(s, 0, sizeof(*s));
	s->path = xstrdup(display);
	buf_init(&s->text, 0);
	switch (file_read_max(path, limits[kind].max, &s->text, &mode)) {
	case FILE_OK:
		return check(s, d);
	case FILE_NOT_REGULAR:
		diag_error(d, s->path, 0, 0,
			   "%s, not a regular file: only regular files are read",
			   file_type_name(mode));
		break;
	case FILE_TOO_BIG:
		max = file_size_text(limits[kind].max);
		diag_error(d, s->path, 0, 0,
			   "file too large: showcase reads at most %s from %s",
			   max, limits[kind].what);
		free(max);
		break;
	case FILE_ERRNO:
		diag_error(d, s->path, 0, 0, "cannot read file: %s",
			   strerror(errno));
		break;
	}
	buf_reset(&s->text);
	index_lines(s);
	return -1;
}

void
src_release(struct src *s)
{
	free(s->path);
	buf_release(&s->text);
	free(s->lines);
	memset(s, 0, sizeof(*s));
	buf_init(&s->text, 0);
}

void
src_pos(const struct src *s, size_t off, int *line, int *col)
{
	size_t lo = 0, hi = s->nlines, start, n;

	if (off > s->text.len)
		off = s->text.len;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	start = s->lines[lo];
	n = off - start;
	*line = (int)lo + 1;
	*col = (int)utf8_count(s->text.ptr + start, n) + 1;
}

size_t
src_line_offset(const struct src *s, int line)
{
	if (line < 1)
		return 0;
	if ((size_t)line > s->nlines)
		return s->text.len;
	return s->lines[line - 1];
}
