/*
 * The search index. Pages are tokenised in search_set() (in parallel, one
 * slot each); search_write() numbers the pages newest first, merges the
 * slots into one postings list per term and writes them as JavaScript
 * files that call SHOWCASE_SEARCH_PART(name, json) (search.js defines it):
 *
 *   index.js   window.SHOWCASE_SEARCH={"version":2,"pages":N,
 *              "shards":S,"chunk":C,"suggest":[word, ...]};
 *   t-XXX.js   SHOWCASE_SEARCH_PART("t-XXX",'{"words":{...},"chars":{...}}')
 *              for the terms whose FNV-1a 64 hash (of their UTF-8 bytes)
 *              modulo S is XXX; S is a power of two, chosen so that a
 *              shard holds about SEARCH_SHARD_BYTES
 *   d-XXXX.js  SHOWCASE_SEARCH_PART("d-XXXX",'[[url, title, date, kind,
 *              summary, text], ...]') for pages XXXX*C to XXXX*C+C-1
 *
 * (JSON.parse of a string loads faster than an object literal; each
 * newline of the JSON is kept as a line continuation so the files diff
 * line by line). In a shard:
 *
 *    "words":{"2019":ENTRY, "party":ENTRY, ...},
 *    "chars":{"党":"建员 ENTRY(党) ENTRY(党建) ENTRY(党员)", ...}
 *
 * "chars" has one group per Chinese character c: the second characters of
 * the bigrams that start with c and fall in the shard (sorted by code
 * point), a space, the entry of c alone (or nothing when c alone is in
 * another shard), then the entry of each bigram in that order, space
 * separated. Grouping keeps the cost of a bigram that occurs once to about
 * five bytes, where a key of its own would take about fourteen.
 *
 * An ENTRY is the postings of the term, then, when the term is hot on
 * some pages (SEARCH_HOT times or more, or in the title), '.' and the
 * postings of those pages, which the browser ranks higher.
 *
 * Postings. A list of page numbers (ascending, numbered 0.. newest first,
 * then in slot order) is written in one of two forms, whichever is
 * shorter (the delta form on a tie):
 *
 *  - delta: the first page number, then each gap minus one, each as a
 *    base-32 varint whose digits are characters of B64: most significant
 *    digit first, B64[32 + d] for a digit that more digits follow, B64[d]
 *    for the last one. A term on every tenth page costs one byte a page.
 *  - bitmap: '~', then B64[bits] for each group of six pages, page 6k+j
 *    as bit j of character k; trailing empty groups are left out. A term
 *    on most pages costs one byte for six pages.
 *
 * B64 is A-Z a-z 0-9 - _; none of these, '~', '.' or ' ' needs escaping.
 * assets/js/search.js reads this format; change both together and bump
 * "version".
 */
#include <stdint.h>
#include <string.h>

#include "search.h"
#include "strmap.h"
#include "utf8.h"
#include "unicode.h"
#include "util.h"

/* Occurrences of a term in a page that make the page "hot" for it. */
#define SEARCH_HOT 3

static const char B64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

struct slot {
	int set;
	char *url, *title, *date, *kind, *summary;
	char *text;     /* whitespace collapsed, cut to SEARCH_TEXT_CHARS */
	char *terms;    /* the page's distinct terms, sorted, each NUL-ended */
	uint8_t *tf;    /* occurrences of each term, at most 255 */
	size_t nterms;
};

struct search {
	struct slot *slots;
	size_t n;
	char **suggest;
	size_t nsuggest;
};

struct search *
search_new(size_t npages)
{
	struct search *s = xcalloc(1, sizeof(*s));

	s->n = npages;
	s->slots = xcalloc(npages ? npages : 1, sizeof(*s->slots));
	return s;
}

static void
slot_release(struct slot *sl)
{
	free(sl->url);
	free(sl->title);
	free(sl->date);
	free(sl->kind);
	free(sl->summary);
	free(sl->text);
	free(sl->terms);
	free(sl->tf);
	memset(sl, 0, sizeof(*sl));
}

void
search_free(struct search *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++)
		slot_release(&s->slots[i]);
	free(s->slots);
	for (i = 0; i < s->nsuggest; i++)
		free(s->suggest[i]);
	free(s->suggest);
	free(s);
}

/* ---- tokenising ---------------------------------------------------------- */

/* The terms of one text with their counts. */
struct bag {
	struct strmap map;
	uint32_t *count;
	size_t cap;
};

static void
bag_add(struct bag *b, const char *term, size_t len)
{
	char tmp[SEARCH_WORD_MAX + 1];
	size_t id;
	int added;

	memcpy(tmp, term, len);
	tmp[len] = '\0';
	id = strmap_intern(&b->map, tmp, &added);
	if (added) {
		b->count = xgrow(b->count, &b->cap, id + 1, sizeof(*b->count));
		b->count[id] = 0;
	}
	b->count[id]++;
}

/*
 * Fold a code point for matching: full-width letters and digits to ASCII,
 * ASCII letters to lowercase. search.js folds the query the same way.
 */
static uint32_t
fold(uint32_t cp)
{
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return cp - 0xFF10 + '0';
	if (cp >= 0xFF21 && cp <= 0xFF3A)
		return cp - 0xFF21 + 'a';
	if (cp >= 0xFF41 && cp <= 0xFF5A)
		return cp - 0xFF41 + 'a';
	if (cp >= 'A' && cp <= 'Z')
		return cp - 'A' + 'a';
	return cp;
}

static int
is_word(uint32_t cp)
{
	return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z');
}

static void
tokenize(struct bag *b, const char *s, size_t len)
{
	char word[SEARCH_WORD_MAX];
	char pair[8];
	size_t off = 0, wlen = 0, plen = 0; /* plen: bytes of the last CJK */

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		if (!n)
			n = 1; /* an invalid byte separates, like punctuation */
		cp = fold(cp);
		if (is_word(cp)) {
			plen = 0;
			if (wlen < sizeof(word))
				word[wlen++] = (char)cp;
		} else {
			if (wlen)
				bag_add(b, word, wlen);
			wlen = 0;
			if (uni_is_cjk(cp)) {
				bag_add(b, s + off, n);
				if (plen) {
					memcpy(pair + plen, s + off, n);
					bag_add(b, pair, plen + n);
				}
				memcpy(pair, s + off, n);
				plen = n;
			} else {
				plen = 0;
			}
		}
		off += n;
	}
	if (wlen)
		bag_add(b, word, wlen);
}

struct keyed {
	const char *key;
	uint32_t id;
};

static int
keyed_cmp(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->key,
		      ((const struct keyed *)b)->key);
}

/* The ids of m in bytewise order of their keys; caller frees. */
static uint32_t *
sorted_ids(const struct strmap *m)
{
	struct keyed *k = xmalloc((m->n ? m->n : 1) * sizeof(*k));
	uint32_t *ids = xmalloc((m->n ? m->n : 1) * sizeof(*ids));
	size_t i;

	for (i = 0; i < m->n; i++) {
		k[i].key = strmap_key(m, i);
		k[i].id = (uint32_t)i;
	}
	xqsort(k, m->n, sizeof(*k), keyed_cmp);
	for (i = 0; i < m->n; i++)
		ids[i] = k[i].id;
	free(k);
	return ids;
}

void
search_terms(struct buf *out, const char *text, size_t len)
{
	struct bag b = { STRMAP_INIT, NULL, 0 };
	uint32_t *ids;
	size_t i;

	tokenize(&b, text, len);
	ids = sorted_ids(&b.map);
	for (i = 0; i < b.map.n; i++) {
		buf_addstr(out, strmap_key(&b.map, ids[i]));
		buf_addch(out, '\n');
	}
	free(ids);
	free(b.count);
	strmap_release(&b.map);
}

/* ---- pages --------------------------------------------------------------- */

static int
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	       cp == '\f' || cp == '\v' || cp == 0x3000;
}

/* East Asian wide text, between which a line break is no space. */
static int
is_wide(uint32_t cp)
{
	return cp >= 0x2E80 && !(cp >= 0xA000 && cp < 0xF900) &&
	       !(cp >= 0xFE10 && cp < 0xFE30) && !(cp >= 0xFF61 && cp < 0xFFE0);
}

/*
 * Text to show: whitespace collapsed (dropped between two wide
 * characters, one space elsewhere), cut at max characters with "…" when
 * longer. Invalid bytes become U+FFFD. Caller frees.
 */
static char *
make_snippet(const char *s, size_t len, size_t max)
{
	struct buf out = BUF_INIT;
	size_t off = 0, chars = 0;
	uint32_t last = 0;
	int space = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + off, len - off, &cp);

		if (!n)
			n = 1;
		off += n;
		if (is_space(cp)) {
			space = 1;
			continue;
		}
		if (chars == max) {
			BUF_ADDLIT(&out, "…");
			break;
		}
		if (space && last && !(is_wide(last) && is_wide(cp))) {
			buf_addch(&out, ' ');
			chars++;
			if (chars == max) {
				buf_rtrim(&out);
				BUF_ADDLIT(&out, "…");
				break;
			}
		}
		space = 0;
		if (cp == 0xFFFD)
			BUF_ADDLIT(&out, "\xEF\xBF\xBD");
		else
			buf_add(&out, s + off - n, n);
		chars++;
		last = cp;
	}
	return buf_detach(&out, NULL);
}

void
search_set(struct search *s, size_t i, const struct search_doc *doc)
{
	struct slot *sl;
	struct bag b = { STRMAP_INIT, NULL, 0 };
	struct buf terms = BUF_INIT;
	const char *title = doc->title ? doc->title : "";
	const char *summary = doc->summary ? doc->summary : "";
	const char *text = doc->text ? doc->text : "";
	const char *extra = doc->extra ? doc->extra : "";
	size_t len = doc->text ? doc->len : 0;
	uint32_t *ids;
	size_t k;

	if (i >= s->n)
		die("search_set: slot %zu of %zu", i, s->n);
	sl = &s->slots[i];
	slot_release(sl);
	sl->url = xstrdup(doc->url ? doc->url : "");
	sl->title = make_snippet(title, strlen(title), (size_t)-1);
	sl->date = xstrdup(doc->date ? doc->date : "");
	sl->kind = xstrdup(doc->kind ? doc->kind : "");
	sl->summary = make_snippet(summary, strlen(summary), (size_t)-1);
	sl->text = make_snippet(text, len, SEARCH_TEXT_CHARS);

	/* A word of the title counts as often as makes it hot. */
	for (k = 0; k < SEARCH_HOT; k++)
		tokenize(&b, title, strlen(title));
	tokenize(&b, summary, strlen(summary));
	tokenize(&b, text, len);
	tokenize(&b, extra, strlen(extra));
	ids = sorted_ids(&b.map);
	sl->tf = xmalloc(b.map.n ? b.map.n : 1);
	for (k = 0; k < b.map.n; k++) {
		const char *key = strmap_key(&b.map, ids[k]);

		buf_add(&terms, key, strlen(key) + 1);
		sl->tf[k] = b.count[ids[k]] > 255 ? 255 : (uint8_t)b.count[ids[k]];
	}
	sl->nterms = b.map.n;
	sl->terms = buf_detach(&terms, NULL);
	sl->set = 1;
	free(ids);
	free(b.count);
	strmap_release(&b.map);
}

void
search_suggest(struct search *s, const char *const *words, size_t n)
{
	size_t i;

	for (i = 0; i < s->nsuggest; i++)
		free(s->suggest[i]);
	free(s->suggest);
	s->suggest = xcalloc(n ? n : 1, sizeof(*s->suggest));
	for (i = 0; i < n; i++)
		s->suggest[i] = xstrdup(words[i]);
	s->nsuggest = n;
}

/* ---- writing ------------------------------------------------------------- */

/* A JSON (and JavaScript) string literal of s. */
static void
add_jstr(struct buf *out, const char *s)
{
	size_t len = strlen(s), off = 0;

	buf_addch(out, '"');
	while (off < len) {
		unsigned char c = (unsigned char)s[off];
		uint32_t cp;
		size_t n;

		if (c == '"' || c == '\\') {
			buf_addch(out, '\\');
			buf_addch(out, c);
			off++;
			continue;
		}
		if (c == '<' || c < 0x20 || c == 0x7F) {
			/* "<" too, so "</script" or "<!--" never appears */
			buf_addf(out, "\\u%04x", c);
			off++;
			continue;
		}
		if (c < 0x80) {
			buf_addch(out, c);
			off++;
			continue;
		}
		n = utf8_decode(s + off, len - off, &cp);
		if (!n) {
			BUF_ADDLIT(out, "\\ufffd");
			off++;
		} else if (cp == 0x2028 || cp == 0x2029) {
			buf_addf(out, "\\u%04x", (unsigned)cp);
			off += n;
		} else {
			buf_add(out, s + off, n);
			off += n;
		}
	}
	buf_addch(out, '"');
}

struct plist {
	uint32_t *doc;
	uint8_t *tf;
	size_t n, cap;
};

static void
add_varint(struct buf *out, uint32_t v)
{
	char d[8];
	int k = 0;

	d[k++] = B64[v & 31];
	while (v >>= 5)
		d[k++] = B64[32 + (v & 31)];
	while (k)
		buf_addch(out, d[--k]);
}

static size_t
varint_len(uint32_t v)
{
	size_t k = 1;

	while (v >>= 5)
		k++;
	return k;
}

/*
 * Append the postings string of the n ascending page numbers doc[] whose
 * tf[] is at least min (all of them when min is 0).
 */
static void
add_postings(struct buf *out, const struct plist *p, unsigned min)
{
	size_t k, dlen = 0, cnt = 0;
	uint32_t last = 0, top = 0;

	for (k = 0; k < p->n; k++) {
		if (p->tf[k] < min)
			continue;
		dlen += varint_len(cnt ? p->doc[k] - last - 1 : p->doc[k]);
		last = top = p->doc[k];
		cnt++;
	}
	if (!cnt)
		return;
	if (1 + top / 6 + 1 < dlen) {
		size_t nb = top / 6 + 1, at = out->len;
		unsigned char *bits;

		buf_addch(out, '~');
		buf_grow(out, nb);
		bits = (unsigned char *)out->ptr + out->len;
		memset(bits, 0, nb);
		for (k = 0; k < p->n; k++)
			if (p->tf[k] >= min)
				bits[p->doc[k] / 6] |= 1u << (p->doc[k] % 6);
		for (k = 0; k < nb; k++)
			bits[k] = (unsigned char)B64[bits[k]];
		buf_setlen(out, at + 1 + nb);
		return;
	}
	cnt = 0;
	for (k = 0; k < p->n; k++) {
		if (p->tf[k] < min)
			continue;
		add_varint(out, cnt ? p->doc[k] - last - 1 : p->doc[k]);
		last = p->doc[k];
		cnt++;
	}
}

/*
 * Append json to out as the text of a JavaScript string literal in single
 * quotes, each newline kept as a line continuation (which the string does
 * not hold) so that the file stays diffable line by line.
 */
static void
add_quoted(struct buf *out, const struct buf *json)
{
	size_t k;

	buf_grow(out, json->len + json->len / 16);
	for (k = 0; k < json->len; k++) {
		char c = json->ptr[k];

		if (c == '\\' || c == '\'' || c == '\n')
			buf_addch(out, '\\');
		buf_addch(out, c);
	}
}

/* A term's postings, then '.' and its hot postings when it has any. */
static void
add_entry(struct buf *out, const struct plist *p)
{
	size_t j;

	add_postings(out, p, 0);
	for (j = 0; j < p->n && p->tf[j] < SEARCH_HOT; j++)
		;
	if (j < p->n) {
		buf_addch(out, '.');
		add_postings(out, p, SEARCH_HOT);
	}
}

void
search_strings(const struct search *s, size_t i, struct buf *out, int sep)
{
	const char *fields[6];
	size_t k;

	if (i < s->n && s->slots[i].set) {
		const struct slot *sl = &s->slots[i];
		const char *t;

		fields[0] = sl->url;
		fields[1] = sl->title;
		fields[2] = sl->date;
		fields[3] = sl->kind;
		fields[4] = sl->summary;
		fields[5] = sl->text;
		for (k = 0; k < 6; k++) {
			buf_addstr(out, fields[k]);
			buf_addch(out, sep);
		}
		t = sl->terms;
		for (k = 0; k < sl->nterms; k++, t += strlen(t) + 1) {
			buf_addstr(out, t);
			buf_addch(out, sep);
		}
	}
}

/* Pages newest first, then in slot order: the page numbers. */
struct dated {
	const char *date;
	size_t slot;
};

static int
newest_cmp(const void *pa, const void *pb)
{
	const struct dated *a = pa, *b = pb;
	int c = strcmp(b->date, a->date);

	return c ? c : (a->slot < b->slot ? -1 : a->slot > b->slot);
}

/* One file: the JSON as a string literal given to SHOWCASE_SEARCH_PART. */
static int
emit_part(search_file_fn fn, void *arg, const char *name,
	  const struct buf *json)
{
	struct buf file = BUF_INIT, path = BUF_INIT;
	int rc;

	buf_addf(&file, "SHOWCASE_SEARCH_PART(\"%s\",'\\\n", name);
	add_quoted(&file, json);
	BUF_ADDLIT(&file, "');\n");
	buf_addf(&path, SEARCH_DIR "/%s.js", name);
	rc = fn(arg, path.ptr, file.ptr, file.len);
	buf_release(&file);
	buf_release(&path);
	return rc;
}

/*
 * Append to out the "words" and "chars" of the n terms ids (sorted
 * bytewise), whose entries are entries[ids[k]].
 */
static void
emit_terms(struct buf *out, const struct strmap *terms, const struct buf *ent,
	   const size_t *eoff, const uint32_t *ids, size_t n)
{
	const char *sep = "\n";
	size_t k;

#define ENTRY(id) buf_add(out, ent->ptr + eoff[id], eoff[(id) + 1] - eoff[id])
	/* Words sort first: they are ASCII, Chinese characters are not. */
	BUF_ADDLIT(out, "{\"words\":{");
	for (k = 0; k < n; k++) {
		const char *key = strmap_key(terms, ids[k]);

		if ((unsigned char)key[0] >= 0x80)
			break;
		buf_addstr(out, sep);
		sep = ",\n";
		add_jstr(out, key);
		BUF_ADDLIT(out, ":\"");
		ENTRY(ids[k]);
		buf_addch(out, '"');
	}
	BUF_ADDLIT(out, "},\n\"chars\":{");
	sep = "\n";
	while (k < n) {
		const char *first = strmap_key(terms, ids[k]);
		size_t flen, e, j, b;
		uint32_t cp;

		/*
		 * One group per first character: the character alone sorts
		 * first (when this shard has it), then its bigrams, in order
		 * of their second character.
		 */
		flen = utf8_decode(first, strlen(first), &cp);
		flen = flen ? flen : 1;
		b = strlen(first) == flen ? k + 1 : k;
		for (e = k + 1; e < n &&
		     !strncmp(strmap_key(terms, ids[e]), first, flen); e++)
			;
		buf_addstr(out, sep);
		sep = ",\n";
		buf_addch(out, '"');
		buf_add(out, first, flen);
		BUF_ADDLIT(out, "\":\"");
		for (j = b; j < e; j++)
			buf_addstr(out, strmap_key(terms, ids[j]) + flen);
		buf_addch(out, ' ');
		if (b > k)
			ENTRY(ids[k]);
		for (j = b; j < e; j++) {
			buf_addch(out, ' ');
			ENTRY(ids[j]);
		}
		buf_addch(out, '"');
		k = e;
	}
	BUF_ADDLIT(out, "}}\n");
#undef ENTRY
}

int
search_write(const struct search *s, search_file_fn fn, void *arg,
	     size_t *npages)
{
	struct buf json = BUF_INIT, ent = BUF_INIT, name = BUF_INIT;
	struct strmap terms = STRMAP_INIT;
	struct plist *lists = NULL;
	size_t lcap = 0, i, k, ndocs = 0, nshards = 1, total = 0;
	size_t *docs, *eoff, *start, *fill;
	uint32_t *ids, *byshard;
	int rc = 0;

	/* page numbers: newest first */
	{
		struct dated *d = xmalloc((s->n ? s->n : 1) * sizeof(*d));

		for (i = 0; i < s->n; i++)
			if (s->slots[i].set) {
				d[ndocs].date = s->slots[i].date;
				d[ndocs++].slot = i;
			}
		xqsort(d, ndocs, sizeof(*d), newest_cmp);
		docs = xmalloc((ndocs ? ndocs : 1) * sizeof(*docs));
		for (i = 0; i < ndocs; i++)
			docs[i] = d[i].slot;
		free(d);
	}

	for (i = 0; i < ndocs; i++) {
		const struct slot *sl = &s->slots[docs[i]];
		const char *t = sl->terms;

		for (k = 0; k < sl->nterms; k++, t += strlen(t) + 1) {
			size_t id = strmap_intern(&terms, t, NULL);
			struct plist *p;

			if (id >= lcap) {
				size_t old = lcap;

				lists = xgrow(lists, &lcap, id + 1,
					      sizeof(*lists));
				memset(lists + old, 0,
				       (lcap - old) * sizeof(*lists));
			}
			p = &lists[id];
			if (p->n == p->cap) {
				size_t c = p->cap;

				p->doc = xgrow(p->doc, &c, p->n + 1,
					       sizeof(*p->doc));
				p->tf = xrealloc(p->tf, c);
				p->cap = c;
			}
			p->doc[p->n] = (uint32_t)i;
			p->tf[p->n] = sl->tf[k];
			p->n++;
		}
	}

	/* Every entry once, to size the shards by what they will hold. */
	eoff = xmalloc((terms.n + 1) * sizeof(*eoff));
	for (k = 0; k < terms.n; k++) {
		eoff[k] = ent.len;
		add_entry(&ent, &lists[k]);
		total += strlen(strmap_key(&terms, k)) + 4;
	}
	eoff[terms.n] = ent.len;
	total += ent.len;
	while (nshards < 4096 && total / nshards > SEARCH_SHARD_BYTES)
		nshards *= 2;

	/* The sorted terms, by shard, each shard still sorted. */
	ids = sorted_ids(&terms);
	start = xcalloc(nshards + 1, sizeof(*start));
	fill = xcalloc(nshards, sizeof(*fill));
	byshard = xmalloc((terms.n ? terms.n : 1) * sizeof(*byshard));
	for (k = 0; k < terms.n; k++) {
		const char *key = strmap_key(&terms, ids[k]);

		start[fnv1a64(FNV_OFFSET, key, strlen(key)) % nshards + 1]++;
	}
	for (k = 0; k < nshards; k++)
		start[k + 1] += start[k];
	for (k = 0; k < terms.n; k++) {
		const char *key = strmap_key(&terms, ids[k]);
		size_t sh = fnv1a64(FNV_OFFSET, key, strlen(key)) % nshards;

		byshard[start[sh] + fill[sh]++] = ids[k];
	}

	/* index.js: what the page needs before any query */
	BUF_ADDLIT(&json, "/* showcase search: generated, see generator/search.c */\n"
			  "window.SHOWCASE_SEARCH={\"version\":2,");
	buf_addf(&json, "\"pages\":%zu,\"shards\":%zu,\"chunk\":%d,\"suggest\":[",
		 ndocs, nshards, SEARCH_CHUNK);
	for (k = 0; k < s->nsuggest; k++) {
		if (k)
			buf_addch(&json, ',');
		add_jstr(&json, s->suggest[k]);
	}
	BUF_ADDLIT(&json, "]};\n");
	rc = fn(arg, SEARCH_DIR "/index.js", json.ptr, json.len);

	for (k = 0; rc == 0 && k < nshards; k++) {
		buf_reset(&json);
		emit_terms(&json, &terms, &ent, eoff, byshard + start[k],
			   start[k + 1] - start[k]);
		buf_reset(&name);
		buf_addf(&name, "t-%03zx", k);
		rc = emit_part(fn, arg, name.ptr, &json);
	}
	for (k = 0; rc == 0 && k * SEARCH_CHUNK < ndocs; k++) {
		buf_reset(&json);
		BUF_ADDLIT(&json, "[");
		for (i = k * SEARCH_CHUNK; i < ndocs && i < (k + 1) * SEARCH_CHUNK; i++) {
			const struct slot *sl = &s->slots[docs[i]];

			buf_addstr(&json, i % SEARCH_CHUNK ? ",\n[" : "\n[");
			add_jstr(&json, sl->url);
			buf_addch(&json, ',');
			add_jstr(&json, sl->title);
			buf_addch(&json, ',');
			add_jstr(&json, sl->date);
			buf_addch(&json, ',');
			add_jstr(&json, sl->kind);
			buf_addch(&json, ',');
			add_jstr(&json, sl->summary);
			buf_addch(&json, ',');
			add_jstr(&json, sl->text);
			buf_addch(&json, ']');
		}
		BUF_ADDLIT(&json, "]\n");
		buf_reset(&name);
		buf_addf(&name, "d-%04zx", k);
		rc = emit_part(fn, arg, name.ptr, &json);
	}

	buf_release(&json);
	buf_release(&ent);
	buf_release(&name);
	for (k = 0; k < terms.n; k++) {
		free(lists[k].doc);
		free(lists[k].tf);
	}
	free(lists);
	free(ids);
	free(eoff);
	free(start);
	free(fill);
	free(byshard);
	free(docs);
	strmap_release(&terms);
	if (npages)
		*npages = ndocs;
	return rc;
}
