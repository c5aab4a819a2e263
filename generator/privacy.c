#define _GNU_SOURCE /* memmem */
#include <dirent.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "data.h"
#include "diag.h"
#include "htmltext.h"
#include "privacy.h"
#include "site.h"
#include "unicode.h"
#include "util.h"

#define BASE 1099511628211ULL /* any odd multiplier will do */
/*
 * Text runs on across inline markup ("钱<em>多多</em>" reads 钱多多), but
 * not from one attribute value into the next, nor from one string of a
 * script into the next (the search index is a list of words): such
 * pieces are searched apart. PIECE ends a piece of reader text; it is a
 * control character, which no input may hold.
 */
#define PIECE UNI_PIECE
/* One file names at most this many values: the first are enough to act. */
#define MAX_HITS 20

struct value {
	char *text;   /* as the export has it */
	char *skel;   /* what is searched for */
	size_t len;   /* of skel */
	char *where;  /* "content/data/organizations.json:3:15 \"contact\"" */
};

/*
 * The index: every value under the hash of its first m bytes, m the length
 * of the shortest skeleton, so one rolling hash over a text finds every
 * place where some value may start; a filter of those hashes' top bits
 * turns most places away with one bit; the rest compare whole values.
 */
struct entry {
	uint64_t head;  /* hash of the first m bytes */
	uint64_t whole; /* hash of the whole skeleton */
	size_t len;
	size_t value;
};

struct privacy {
	struct value *v;
	size_t nv, cap;
	struct entry *e;  /* by head, len, whole, value */
	size_t ne;
	size_t m;         /* bytes hashed at each place */
	uint64_t top;     /* BASE^(m-1), to roll the first byte out */
	uint64_t *bits;   /* the filter */
	int shift;        /* 64 - log2(bits in the filter) */
};

struct privacy *
privacy_new(void)
{
	htmltext_init();
	return xcalloc(1, sizeof(struct privacy));
}

void
privacy_free(struct privacy *p)
{
	size_t i;

	if (!p)
		return;
	for (i = 0; i < p->nv; i++) {
		free(p->v[i].text);
		free(p->v[i].skel);
		free(p->v[i].where);
	}
	free(p->v);
	free(p->e);
	free(p->bits);
	free(p);
}

/* Too short to mean anything: it would turn up in any text. */
static int
too_short(const char *skel, size_t len)
{
	size_t chars = 0, digits = 0, i;

	for (i = 0; i < len; i++) {
		if (((unsigned char)skel[i] & 0xC0) != 0x80)
			chars++;
		if (skel[i] >= '0' && skel[i] <= '9')
			digits++;
	}
	return chars < PRIVACY_MIN_CHARS ||
	       (digits == chars && digits < PRIVACY_MIN_DIGITS);
}

void
privacy_add(struct privacy *p, const char *value, const char *field,
	    const char *file, int line, int col)
{
	struct buf skel = BUF_INIT, where = BUF_INIT;
	struct value *v;

	uni_skeleton(&skel, value, strlen(value));
	if (too_short(skel.ptr, skel.len)) {
		buf_release(&skel);
		return;
	}
	if (file) {
		buf_addstr(&where, file);
		if (line)
			buf_addf(&where, ":%d:%d", line, col);
		if (field)
			buf_addf(&where, " \"%s\"", field);
	}
	p->v = xgrow(p->v, &p->cap, p->nv + 1, sizeof(*p->v));
	v = &p->v[p->nv++];
	v->text = xstrdup(value);
	v->len = skel.len;
	v->skel = buf_detach(&skel, NULL);
	v->where = buf_detach(&where, NULL);
}

static void
collect(void *arg, const struct data_private_value *v)
{
	privacy_add(arg, v->value, v->field, v->file, v->line, v->col);
}

int
privacy_load(struct privacy *p, const struct site *site, struct diag *d)
{
	struct data_private priv;
	int rc;

	data_private_init(&priv);
	rc = data_private_read(&priv, &site->json, site_section(site, "private"), d);
	if (rc == 0)
		rc = data_private_values(site->dir, &priv, collect, p, d);
	data_private_release(&priv);
	return rc;
}

static uint64_t
hash(const char *s, size_t len)
{
	uint64_t h = 0;
	size_t i;

	for (i = 0; i < len; i++)
		h = h * BASE + (unsigned char)s[i];
	return h;
}

static int
entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;

	if (a->head != b->head)
		return a->head < b->head ? -1 : 1;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	if (a->whole != b->whole)
		return a->whole < b->whole ? -1 : 1;
	/* the first added of equal values answers: deterministic */
	return a->value < b->value ? -1 : a->value > b->value;
}

void
privacy_seal(struct privacy *p)
{
	size_t i;
	int lg = 16;

	p->m = SIZE_MAX;
	for (i = 0; i < p->nv; i++)
		if (p->v[i].len < p->m)
			p->m = p->v[i].len;
	p->top = 1;
	for (i = 1; i < p->m && p->nv; i++)
		p->top *= BASE;
	p->e = xcalloc(p->nv + 1, sizeof(*p->e));
	for (i = 0; i < p->nv; i++) {
		struct entry *e = &p->e[p->ne++];

		e->head = hash(p->v[i].skel, p->m);
		e->whole = hash(p->v[i].skel, p->v[i].len);
		e->len = p->v[i].len;
		e->value = i;
	}
	xqsort(p->e, p->ne, sizeof(*p->e), entry_cmp);
	/* at least 16 bits a value: one place in 16 passes falsely */
	while (lg < 30 && ((size_t)1 << lg) < p->ne * 16)
		lg++;
	p->shift = 64 - lg;
	p->bits = xcalloc(((size_t)1 << lg) / 64, sizeof(*p->bits));
	for (i = 0; i < p->ne; i++) {
		uint64_t t = p->e[i].head >> p->shift;

		p->bits[t / 64] |= 1ULL << (t % 64);
	}
}

size_t
privacy_count(const struct privacy *p)
{
	return p->nv;
}

/* The first entry whose head is h, or ne. */
static size_t
first_head(const struct privacy *p, uint64_t h)
{
	size_t lo = 0, hi = p->ne;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->e[mid].head < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->ne && p->e[lo].head == h ? lo : p->ne;
}

static void
note_hit(size_t v, size_t at, size_t *hit, size_t *off, size_t *n,
	 size_t max)
{
	size_t k;

	for (k = 0; k < *n && hit[k] != v; k++)
		;
	if (k == *n && *n < max) {
		hit[*n] = v;
		off[(*n)++] = at;
	}
}

/*
 * The values that start at text + i, of the entries from e on that share
 * its head: one run of entries per length, each searched by the hash of
 * that many bytes of the text.
 */
static void
match_at(const struct privacy *p, size_t e, const char *text, size_t len,
	 size_t i, size_t *hit, size_t *off, size_t *n, size_t max)
{
	uint64_t head = p->e[e].head;

	while (e < p->ne && p->e[e].head == head) {
		size_t l = p->e[e].len, end = e;
		uint64_t w;

		while (end < p->ne && p->e[end].head == head && p->e[end].len == l)
			end++;
		if (i + l <= len) {
			w = hash(text + i, l);
			for (; e < end; e++)
				if (p->e[e].whole == w &&
				    !memcmp(p->v[p->e[e].value].skel, text + i, l))
					note_hit(p->e[e].value, i, hit, off, n, max);
		}
		e = end;
	}
}

/*
 * Up to max distinct values found in the skeleton text, in the order of
 * their first place in it; their offsets in *off. Returns their number.
 */
static size_t
find_all(const struct privacy *p, const char *text, size_t len, size_t *hit,
	 size_t *off, size_t max)
{
	size_t n = 0, i;
	uint64_t h;

	if (!p->ne || p->m > len)
		return 0;
	h = hash(text, p->m);
	for (i = 0;; i++) {
		uint64_t t = h >> p->shift;

		if (p->bits[t / 64] & (1ULL << (t % 64))) {
			size_t e = first_head(p, h);

			if (e < p->ne)
				match_at(p, e, text, len, i, hit, off, &n, max);
		}
		if (i + p->m >= len)
			break;
		h = (h - (unsigned char)text[i] * p->top) * BASE +
		    (unsigned char)text[i + p->m];
	}
	return n;
}

void
privacy_reader_text(struct buf *out, const char *html, size_t len)
{
	htmltext_extract(out, NULL, html, len, HTMLTEXT_ALL);
}

static void
skeleton_of(struct buf *skel, enum privacy_form form, const char *data,
	    size_t len)
{
	struct buf text = BUF_INIT;
	size_t i;

	if (form == PRIVACY_HTML) {
		privacy_reader_text(&text, data, len);
	} else if (form == PRIVACY_TEXT) {
		buf_add(&text, data, len);
	} else {
		/* a script's strings are its pieces */
		buf_add(&text, data, len);
		for (i = 0; i < text.len; i++)
			if (strchr("\"'`", text.ptr[i]) && text.ptr[i])
				text.ptr[i] = PIECE;
	}
	uni_skeleton(skel, text.ptr, text.len);
	buf_release(&text);
}

const char *
privacy_find(const struct privacy *p, enum privacy_form form,
	     const char *data, size_t len)
{
	struct buf skel = BUF_INIT;
	size_t hit, off, n;

	skeleton_of(&skel, form, data, len);
	n = find_all(p, skel.ptr, skel.len, &hit, &off, 1);
	buf_release(&skel);
	return n ? p->v[hit].text : NULL;
}

/* --- Where a value was typed --- */

/* Skeleton bytes of the first n bytes of line, read as form. */
static size_t
prefix_skeleton(enum privacy_form form, const char *line, size_t n)
{
	struct buf skel = BUF_INIT;
	size_t len;

	skeleton_of(&skel, form, line, n);
	len = skel.len;
	buf_release(&skel);
	return len;
}

/*
 * Find value v in the source file: its skeleton, line by line, joined so
 * that a value split over two lines is found too. The column is that of
 * the character where the value's first letter or digit is. Returns 0
 * with *line and *col, or -1.
 */
static int
locate(const struct value *v, const char *path, int *line, int *col)
{
	struct buf text = BUF_INIT, all = BUF_INIT, one = BUF_INIT;
	size_t *start = NULL, *at = NULL, cap = 0, cap2 = 0, nl = 0, i;
	const char *s, *end, *hitp;
	int rc = -1;

	if (!path || file_read(path, &text) < 0)
		goto out;
	/* Markdown: read each line as HTML would show its entities. */
	for (s = text.ptr, end = text.ptr + text.len; s < end; nl++) {
		const char *e = memchr(s, '\n', (size_t)(end - s));

		if (!e)
			e = end;
		start = xgrow(start, &cap, nl + 1, sizeof(*start));
		at = xgrow(at, &cap2, nl + 1, sizeof(*at));
		start[nl] = (size_t)(s - text.ptr);
		at[nl] = all.len;
		buf_reset(&one);
		/* lines run on, as the text of a paragraph does */
		skeleton_of(&one, PRIVACY_HTML, s, (size_t)(e - s));
		buf_addbuf(&all, &one);
		s = e + 1;
	}
	hitp = all.len >= v->len ? memmem(all.ptr, all.len, v->skel, v->len) : NULL;
	if (!hitp)
		goto out;
	for (i = 0; i + 1 < nl && at[i + 1] <= (size_t)(hitp - all.ptr); i++)
		;
	/* Skip lines whose skeleton is empty but share the offset. */
	while (i + 1 < nl && at[i + 1] == at[i] &&
	       at[i] == (size_t)(hitp - all.ptr))
		i++;
	*line = (int)i + 1;
	*col = 1;
	{
		const char *ls = text.ptr + start[i];
		size_t want = (size_t)(hitp - all.ptr) - at[i], b, chars = 0;
		const char *le = memchr(ls, '\n', (size_t)(end - ls));
		size_t llen = le ? (size_t)(le - ls) : (size_t)(end - ls);

		/* The first character whose prefix holds more skeleton than
		 * comes before the value: quadratic, but only in one line of
		 * a file that leaks, and lines are capped. */
		if (llen <= 4096)
			for (b = 0; b < llen; b++) {
				if (((unsigned char)ls[b] & 0xC0) == 0x80)
					continue;
				chars++;
				if (prefix_skeleton(PRIVACY_HTML, ls, b + 1) > want) {
					*col = (int)chars;
					break;
				}
			}
	}
	rc = 0;
out:
	free(start);
	free(at);
	buf_release(&text);
	buf_release(&all);
	buf_release(&one);
	return rc;
}

/* Name a value without printing it whole: build logs are read by more
 * people than the data is. */
static void
masked(struct buf *b, const char *v)
{
	size_t n = strlen(v), first = 1;

	while (first < n && ((unsigned char)v[first] & 0xC0) == 0x80)
		first++;
	buf_add(b, v, first);
	BUF_ADDLIT(b, "…");
}

size_t
privacy_check(const struct privacy *p, const struct privacy_file *f,
	      const char *data, size_t len, struct diag *d)
{
	struct buf skel = BUF_INIT, m = BUF_INIT;
	size_t hit[MAX_HITS], off[MAX_HITS], n, i;

	if (!p->nv)
		return 0;
	skeleton_of(&skel, f->form, data, len);
	n = find_all(p, skel.ptr, skel.len, hit, off, MAX_HITS);
	for (i = 0; i < n; i++) {
		const struct value *v = &p->v[hit[i]];
		int line = 0, col = 0;
		size_t k;

		buf_reset(&m);
		masked(&m, v->text);
		for (k = 0; k < f->nsources; k++)
			if (locate(v, f->paths[k], &line, &col) == 0)
				break;
		if (k < f->nsources)
			diag_error(d, f->sources[k], line, col,
				   "private data (\"%s\", %s) would be published in \"%s\"; remove it",
				   m.ptr, v->where, f->output);
		else
			diag_error(d, f->output, 0, 0,
				   "private data (\"%s\", %s) would be published in \"%s\"; remove it",
				   m.ptr, v->where, f->output);
	}
	buf_release(&skel);
	buf_release(&m);
	return n;
}

enum privacy_form
privacy_form_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot && (!strcmp(dot, ".html") || !strcmp(dot, ".htm") ||
		    !strcmp(dot, ".xml") || !strcmp(dot, ".svg") ||
		    !strcmp(dot, ".xhtml")))
		return PRIVACY_HTML;
	if (dot && (!strcmp(dot, ".js") || !strcmp(dot, ".mjs") ||
		    !strcmp(dot, ".css") || !strcmp(dot, ".json")))
		return PRIVACY_SCRIPT;
	return PRIVACY_TEXT;
}

/* Files that hold no text a reader could take a value from. */
static int
is_picture(const char *path)
{
	static const char *const ext[] = {
		".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico",
		".pdf", ".woff", ".woff2", ".ttf", ".otf",
	};
	const char *dot = strrchr(path, '.');
	size_t i;

	for (i = 0; dot && i < sizeof(ext) / sizeof(ext[0]); i++)
		if (!strcasecmp(dot, ext[i]))
			return 1;
	return 0;
}

size_t
privacy_check_tree(const struct privacy *pv, const char *src, const char *rel,
	   struct diag *d)
{
	struct dirent *e;
	struct buf text = BUF_INIT;
	size_t found = 0;
	DIR *dp;

	if (!(dp = opendir(src)))
		return 0; /* copying reports it */
	while ((e = readdir(dp))) {
		char *from, *sub;
		struct stat sb;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		from = path_join(src, e->d_name);
		sub = path_join(rel, e->d_name);
		if (stat(from, &sb) == 0 && S_ISDIR(sb.st_mode)) {
			found += privacy_check_tree(pv, from, sub, d);
		} else if (stat(from, &sb) == 0 && S_ISREG(sb.st_mode) &&
			   !is_picture(sub)) {
			struct privacy_file f = { sub, privacy_form_of(sub), NULL,
						  NULL, 0 };

			buf_reset(&text);
			if (file_read(from, &text) == 0)
				found += privacy_check(pv, &f, text.ptr, text.len, d);
		}
		free(from);
		free(sub);
	}
	closedir(dp);
	buf_release(&text);
	return found;
}
