#include <stdarg.h>
#include <string.h>

#include "diag.h"
#include "mdshape.h"
#include "utf8.h"
#include "util.h"

/* An open "[" or "![" of the current paragraph. */
struct opener {
	size_t off;
	int image;
};

struct mdshape {
	const char *text;
	size_t len;
	const char *path;
	int first_line;
	struct diag *d;
	int failed;

	/* The paragraph (text since the last blank line). */
	size_t para_off;
	struct opener *open;
	size_t nopen, cap, nimages;

	/* The file: the costs add up over its paragraphs. */
	size_t markers;    /* lines like "|---|" inside a paragraph */
	size_t marker_off; /* the first of them */
	size_t rescan;     /* bytes the table extension reads again */
	size_t walk;       /* open "![" passed by links */
	size_t walk_off;   /* the oldest open "![" when walk went over */
	size_t most_images; /* open "![" at most, in one paragraph */
	size_t cell_work;  /* steps through rows' lists of cells */
	int cells_told, work_told;
};

/* An error at byte off, which is on line (of the body) starting at line_off. */
static void
report(struct mdshape *m, int line, size_t line_off, size_t off,
       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
report(struct mdshape *m, int line, size_t line_off, size_t off,
       const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_error(m->d, m->path, m->first_line + line - 1,
		   (int)utf8_count(m->text + line_off, off - line_off) + 1,
		   "%s", msg.ptr);
	buf_release(&msg);
	m->failed = 1;
}

static void
line_of(const struct mdshape *m, size_t off, int *line, size_t *line_off)
{
	size_t i;

	*line = 1;
	*line_off = 0;
	for (i = 0; i < off; i++)
		if (m->text[i] == '\n') {
			(*line)++;
			*line_off = i + 1;
		}
}

/* Report the costs that went over, each at its first place. */
static void
finish(struct mdshape *m)
{
	size_t line_off;
	int line;

	if (m->rescan > MDSHAPE_MAX_RESCAN) {
		line_of(m, m->marker_off, &line, &line_off);
		report(m, line, line_off, m->marker_off,
		       "%zu lines like a table's \"|---|\" line inside paragraphs, and cmark-gfm 0.29 reads the paragraph above again for each; leave a blank line before a table",
		       m->markers);
	}
	if (m->walk > MDSHAPE_MAX_WALK) {
		line_of(m, m->walk_off, &line, &line_off);
		report(m, line, line_off, m->walk_off,
		       "up to %zu \"![\" left open before links in a paragraph, and cmark-gfm 0.29 takes time growing with their square; write each image as \"![text](url)\" or escape the bracket as \"\\[\"",
		       m->most_images);
	}
}

static void
end_paragraph(struct mdshape *m, size_t next)
{
	m->para_off = next;
	m->nopen = m->nimages = 0;
}

static void
bracket_open(struct mdshape *m, size_t off, int image)
{
	m->open = xgrow(m->open, &m->cap, m->nopen + 1, sizeof(*m->open));
	m->open[m->nopen].off = off;
	m->open[m->nopen++].image = image;
	m->nimages += image;
}

/*
 * A "]" closes the innermost opener, link or not; when it makes a link,
 * cmark-gfm walks every open "![" below it. Count as if it always did.
 */
static void
bracket_close(struct mdshape *m)
{
	size_t i;

	if (!m->nopen)
		return;
	if (m->nimages > m->most_images)
		m->most_images = m->nimages;
	m->walk += m->nimages;
	if (m->walk > MDSHAPE_MAX_WALK && m->walk_off == (size_t)-1) {
		for (i = 0; !m->open[i].image; i++)
			;
		m->walk_off = m->open[i].off;
	}
	m->nimages -= m->open[--m->nopen].image;
}

static void
scan_line(struct mdshape *m, size_t start, size_t end, int line)
{
	size_t i, pipes = 0;
	int dash = 0, other = 0, bar = 0;

	for (i = start; i < end; i++) {
		char c = m->text[i];

		switch (c) {
		case '\\':
			/* An escaped "|" or "[" is text to every parser. */
			if (i + 1 < end)
				i++;
			other = 1;
			break;
		case '|':
			bar = 1;
			if (++pipes == MDSHAPE_MAX_CELLS + 1 && !m->cells_told) {
				report(m, line, start, i,
				       "a line with more than %d \"|\": a table may have at most %d columns, and cmark-gfm 0.29 takes time growing with the square of a row's cells",
				       MDSHAPE_MAX_CELLS, MDSHAPE_MAX_CELLS);
				m->cells_told = 1;
			}
			break;
		case '-':
			dash = 1;
			break;
		case ':':
			bar = 1;
			break;
		case ' ': case '\t': case '\r':
			break;
		case '!':
			other = 1;
			if (i + 1 < end && m->text[i + 1] == '[') {
				bracket_open(m, i, 1);
				i++;
			}
			break;
		case '[':
			other = 1;
			bracket_open(m, i, 0);
			break;
		case ']':
			other = 1;
			bracket_close(m);
			break;
		default:
			other = 1;
			break;
		}
	}
	/* A line over the limit has been refused already. */
	if (pipes > MDSHAPE_MAX_CELLS)
		pipes = MDSHAPE_MAX_CELLS;
	m->cell_work += pipes * pipes / 2;
	if (m->cell_work > MDSHAPE_MAX_CELL_WORK && !m->work_told) {
		report(m, line, start, start,
		       "the table rows up to this line hold too many cells in all, and cmark-gfm 0.29 takes time growing with the square of each row's cells; split the table or give it fewer columns");
		m->work_told = 1;
	}
	/* A delimiter row makes the table extension parse the paragraph
	 * above it as a header row, from its first byte. */
	if (dash && bar && !other && start > m->para_off) {
		if (!m->markers++)
			m->marker_off = start;
		m->rescan += start - m->para_off;
	}
}

static int
blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int
mdshape_check(const char *text, size_t len, const char *path,
	      int first_line, struct diag *d)
{
	struct mdshape m;
	size_t start = 0, end;
	int line = 1;

	memset(&m, 0, sizeof(m));
	m.text = text;
	m.len = len;
	m.path = path;
	m.first_line = first_line;
	m.d = d;
	m.walk_off = (size_t)-1;
	while (start < len) {
		const char *nl = memchr(text + start, '\n', len - start);

		end = nl ? (size_t)(nl - text) : len;
		if (blank(text + start, end - start))
			end_paragraph(&m, end + 1);
		else
			scan_line(&m, start, end, line);
		start = end + 1;
		line++;
	}
	end_paragraph(&m, len);
	finish(&m);
	free(m.open);
	return m.failed ? -1 : 0;
}
