/*
 * Print typesetting done in the HTML (typeset.h): justified Chinese lines,
 * 避头尾, numbers kept with their units, titles set in balanced lines,
 * bodies of other pages embedded, and the print variant of every image.
 */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "tmpl.h"
#include "typeset.h"
#include "unicode.h"
#include "utf8.h"
#include "util.h"

/* The value of attribute name (name="...") within tag [s, e), or NULL. */
static const char *
attr(const char *s, const char *e, const char *name, size_t *len)
{
	size_t n = strlen(name);
	const char *p, *q;

	for (p = s; p + n + 2 < e; p++) {
		if (p[-1] != ' ' || strncmp(p, name, n) || p[n] != '=' || p[n + 1] != '"')
			continue;
		p += n + 2;
		if (!(q = memchr(p, '"', (size_t)(e - p))))
			return NULL;
		*len = (size_t)(q - p);
		return p;
	}
	return NULL;
}

/*
 * Rewrite one <img ...> tag [s, e) that names a print variant: src
 * becomes it, and srcset, loading and data-print go. Others are kept.
 */
static void
print_img(struct buf *out, const char *s, const char *e)
{
	static const char *const drop[] = { "src", "srcset", "loading", "data-print" };
	const char *print, *p = s + 4, *v;
	size_t plen, vlen, i;

	if (!(print = attr(s + 4, e, "data-print", &plen))) {
		buf_add(out, s, (size_t)(e - s) + 1);
		return;
	}
	BUF_ADDLIT(out, "<img src=\"");
	buf_add(out, print, plen);
	buf_addch(out, '"');
	/* Keep the other attributes as they are, in their order. */
	while (p < e) {
		const char *name = p, *eq;

		while (p < e && *p == ' ')
			p++;
		name = p;
		if (!(eq = memchr(p, '=', (size_t)(e - p))) || eq[1] != '"')
			break;
		v = eq + 2;
		if (!(p = memchr(v, '"', (size_t)(e - v))))
			break;
		vlen = (size_t)(p - v);
		p++;
		for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
			if ((size_t)(eq - name) == strlen(drop[i]) &&
			    !strncmp(name, drop[i], (size_t)(eq - name)))
				break;
		if (i < sizeof(drop) / sizeof(drop[0]))
			continue;
		buf_addch(out, ' ');
		buf_add(out, name, (size_t)(v - name));
		buf_add(out, v, vlen);
		buf_addch(out, '"');
	}
	buf_addch(out, '>');
}

/*
 * Justified lines and line breaking in print (issue 13). WeasyPrint 57
 * stretches a justified line only at spaces, and Pango breaks Chinese
 * by UAX 14 alone. So the text of a body paragraph gets:
 *
 * - a space wherever a line may break between two Chinese characters
 *   (print.css takes its width back with a negative word-spacing, so it
 *   shows only as the stretch of a justified line): never before a
 *   closing mark (。，、）」” ...) nor after an opening one (（「“ ...),
 *   which is 避头尾; a space before an opening and after a closing
 *   quotation mark also gives back the break that UAX 14 refuses on both
 *   sides of a quotation mark ("了“高新区" would move whole to the next
 *   line);
 * - a number and its unit as one unbreakable span ("3.6亿元", "85%");
 * - its last two characters with the punctuation after them as one
 *   unbreakable span, so that no last line holds one character ("鉴。").
 *
 * Headings, tables and captions get none of it: they are not justified.
 */

/*
 * 避头尾: a closing mark (。，、）」” ...) never starts a line, an opening
 * one (（「“ ...) never ends one. Which is which is ICU's (unicode.h).
 */
static int
closing_mark(uint32_t c)
{
	return (uni_edge(c) & UNI_CLOSE) != 0;
}

static int
opening_mark(uint32_t c)
{
	return (uni_edge(c) & UNI_OPEN) != 0;
}

/* Characters that take a unit after a number: 3.6亿元, 120名, 85%. */
static int
unit_char(uint32_t c)
{
	static const char units[] = "亿万千百十元角分个家名人户次项场条支件所座批期届年月日天号倍米吨";
	size_t i = 0, n;
	uint32_t u;

	if (c == '%' || c == 0xFF05)
		return 1;
	for (; i < sizeof(units) - 1; i += n)
		if ((n = utf8_decode(units + i, sizeof(units) - 1 - i, &u)) &&
		    u == c)
			return 1;
	return 0;
}

/* May a line break between a and b, where a space will stretch? */
static int
stretch_between(uint32_t a, uint32_t b)
{
	if (!a || opening_mark(a) || closing_mark(b))
		return 0;
	return (uni_is_cjk(a) || closing_mark(a)) &&
	       (uni_is_cjk(b) || opening_mark(b));
}

static uint32_t
cp_at(const char *s, size_t len, size_t *n)
{
	uint32_t cp;

	*n = utf8_decode(s, len, &cp);
	if (!*n)
		*n = 1;
	return cp;
}

/*
 * Where the unbreakable end of a paragraph starts in text[0, len): the
 * two characters before its closing marks, with those marks; len when
 * there are no two such characters.
 */
static size_t
tail_start(const char *text, size_t len)
{
	size_t i = len, chars = 0, n;
	uint32_t cp;

	while (i > 0) {
		size_t j = i - 1;

		while (j > 0 && ((unsigned char)text[j] & 0xC0) == 0x80)
			j--;
		cp = cp_at(text + j, len - j, &n);
		if (cp == ' ' || cp == '\n')
			break;
		if (chars || !closing_mark(cp))
			if (++chars == 2)
				return j;
		i = j;
	}
	return len;
}

/* The length of a number and its unit at s ("3.6亿元"), or 0. */
static size_t
number_unit(const char *s, size_t len)
{
	size_t i = 0, n, units = 0, end;
	uint32_t cp;

	while (i < len && ((s[i] >= '0' && s[i] <= '9') ||
			   ((s[i] == '.' || s[i] == ',') && i && i + 1 < len &&
			    s[i + 1] >= '0' && s[i + 1] <= '9')))
		i++;
	if (!i)
		return 0;
	end = i;
	while (end < len && units < 3) {
		cp = cp_at(s + end, len - end, &n);
		if (!unit_char(cp))
			break;
		end += n;
		units++;
	}
	return units ? end : 0;
}

/*
 * An unbreakable span of text[from, to). No space beside it: Pango gives
 * a letter-spacing half to each side of a character but none at the
 * edge of a span, so a space there would keep half its width (a visible
 * gap, and a word break in the text layer). Lines break beside the span
 * as Pango finds, without stretching there.
 */
static void
nobr(struct buf *out, const char *text, size_t from, size_t to,
     struct typeset *para)
{
	BUF_ADDLIT(out, "<span class=\"nobr\">");
	buf_add(out, text + from, to - from);
	BUF_ADDLIT(out, "</span>");
	para->prev = 0;
}

void
typeset_text(struct buf *out, const char *text, size_t len,
	     struct typeset *para)
{
	size_t i = 0, n, tail;
	uint32_t cp;

	if (!para || !para->on) {
		buf_add(out, text, len);
		return;
	}
	tail = para->last ? tail_start(text, len) : len;
	while (i < len) {
		size_t num = 0;

		if (i == tail) {
			nobr(out, text, i, len, para);
			return;
		}
		if (text[i] >= '0' && text[i] <= '9' &&
		    (num = number_unit(text + i, len - i))) {
			/* The paragraph's end starts with the number, then. */
			if (i + num > tail) {
				tail = i;
				continue;
			}
			nobr(out, text, i, i + num, para);
			i += num;
			continue;
		}
		cp = cp_at(text + i, len - i, &n);
		if (stretch_between(para->prev, cp))
			buf_addch(out, ' ');
		buf_add(out, text + i, n);
		para->prev = cp;
		i += n;
	}
}

/* Does tag [s, ...) open or close (close) element name? */
static int
tag_is(const char *s, const char *name, int close)
{
	size_t n = strlen(name);

	if (*s++ != '<' || (close && *s++ != '/'))
		return 0;
	return !strncmp(s, name, n) && (s[n] == '>' || s[n] == ' ');
}

void
typeset_html(struct buf *out, const char *html)
{
	static const char *const plain[] = {
		"h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "figcaption",
		"pre", "caption", NULL,
	};
	struct typeset para = { 0, 0, 0 };
	const char *s = html, *tag, *end;
	size_t i;

	/* Text between tags gets its spaces and spans; tags stay as they are. */
	while ((tag = strchr(s, '<'))) {
		para.last = tag_is(tag, "p", 1) || tag_is(tag, "li", 1);
		typeset_text(out, s, (size_t)(tag - s), &para);
		/* No space beside a tag: it would keep half its width there
		 * (see nobr()); lines break there as Pango finds. */
		para.prev = 0;
		if (!(end = strchr(tag, '>'))) {
			s = tag;
			break;
		}
		if (tag_is(tag, "p", 0) || tag_is(tag, "li", 0)) {
			para.on = 1;
			para.prev = 0;
		} else if (para.last || tag_is(tag, "ul", 0) || tag_is(tag, "ol", 0)) {
			para.on = 0;
		}
		for (i = 0; plain[i]; i++)
			if (tag_is(tag, plain[i], 0))
				para.on = 0;
		if (!strncmp(tag, "<img ", 5)) {
			print_img(out, tag, end);
		} else if (!strncmp(tag, "<source ", 8) ||
			   !strncmp(tag, "<picture>", 9) ||
			   !strncmp(tag, "</picture>", 10)) {
			/* a screen's drawing would win over the print variant */
			if (end[1] == '\n')
				end++;
		} else {
			buf_add(out, tag, (size_t)(end - tag) + 1);
		}
		s = end + 1;
	}
	buf_addstr(out, s);
}

/* Width in cells: a Chinese character 1, ASCII half of it. */
static double
cells_of(uint32_t cp)
{
	return cp < 0x80 ? 0.5 : 1;
}

void
typeset_title_lines(struct tmpl_dict *d, const char *section,
		    const char *key, const char *title, int cells)
{
	size_t len = strlen(title), i, n, best = 0;
	double width = 0, total = 0, target, best_score = 1e9;
	unsigned char *brk;
	uint32_t cp, prev = 0;
	int lines;

	for (i = 0; i < len; i += n) {
		cp = cp_at(title + i, len - i, &n);
		total += cells_of(cp);
	}
	lines = (int)((total + cells - 0.01) / cells);
	if (lines <= 1) {
		tmpl_dict_set(tmpl_dict_section(d, section), key, title);
		return;
	}
	/*
	 * Lines of nearly equal width ("排列对称"): the first break goes
	 * where the first line is closest to total / lines, moved to after
	 * closing punctuation (，：、」) when one is near, and to between two
	 * words rather than inside one ("工作", "有限公司" stay whole); never
	 * where UAX #14 or 避头尾 forbids a break. UAX #14 refuses one before
	 * an opening quotation mark too ("了“高新区"): Chinese allows it. The
	 * rest is split again the same way.
	 */
	brk = xmalloc(len + 1);
	uni_breaks(title, len, brk);
	target = total / lines;
	for (i = 0; i < len; i += n) {
		cp = cp_at(title + i, len - i, &n);
		if (i > 0 && width <= cells && !(brk[i] & UNI_CLOSE) &&
		    !opening_mark(prev) &&
		    (brk[i] & (UNI_BREAK | UNI_BREAK_IN | UNI_OPEN))) {
			double score = width > target ? width - target :
				       target - width;

			if (closing_mark(prev))
				score -= 4;
			else if (!(brk[i] & (UNI_BREAK | UNI_OPEN)))
				score += 2; /* inside a word */
			if (score < best_score) {
				best_score = score;
				best = i;
			}
		}
		width += cells_of(cp);
		prev = cp;
	}
	free(brk);
	if (!best) {
		tmpl_dict_set(tmpl_dict_section(d, section), key, title);
		return;
	}
	tmpl_dict_setn(tmpl_dict_section(d, section), key, title, best);
	typeset_title_lines(d, section, key, title + best, cells);
}

void
typeset_embed(struct buf *out, const char *html, const char *prefix,
	      int shift, int print)
{
	struct buf b = BUF_INIT;
	const char *s;

	if (print) {
		typeset_html(&b, html);
		html = b.ptr;
	}
	for (s = html; *s; s++) {
		/* Headings: <hN and </hN, N from 1 to 6. */
		if (*s == '<' && (s[1] == 'h' || (s[1] == '/' && s[2] == 'h'))) {
			const char *n = s[1] == '/' ? s + 3 : s + 2;

			if (*n >= '1' && *n <= '6' && (n[1] == '>' || n[1] == ' ')) {
				int level = *n - '0' + shift;

				buf_add(out, s, (size_t)(n - s));
				buf_addch(out, '0' + (level > 6 ? 6 : level < 1 ? 1 : level));
				s = n;
				continue;
			}
		}
		if (!strncmp(s, " id=\"", 5)) {
			buf_addf(out, " id=\"%s-", prefix);
			s += 4;
			continue;
		}
		if (!strncmp(s, " href=\"#", 8)) {
			buf_addf(out, " href=\"#%s-", prefix);
			s += 7;
			continue;
		}
		buf_addch(out, *s);
	}
	buf_release(&b);
}
