#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "diag.h"
#include "md.h"
#include "mdshape.h"
#include "utf8.h"
#include "unicode.h"
#include "util.h"

/*
 * cmark-gfm keeps two kinds of process-wide state. The extension registry
 * is written once (pthread_once). The tables of "special" inline
 * characters (SPECIAL_CHARS, SKIP_CHARS in inlines.c) are switched on and
 * off around the inline pass of every cmark_parser_finish() (0.29.0.gfm.6,
 * cmark_manage_extensions_special_characters), so a parse finishing on one
 * thread hides "~~" and autolinks from one running on another: with four
 * threads and no lock, 133 of 1,200 parses of the same text came out
 * different. So cmark_parser_finish() is serialised. The block pass
 * (cmark_parser_feed(), tables included) reads none of that state, nor
 * does the arena (used only with cmark_get_arena_mem_allocator), and runs
 * in parallel, as does rendering.
 */
static pthread_once_t ext_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t parse_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *const ext_names[] = {
	"table", "strikethrough", "tasklist", "autolink",
};
#define NEXT (sizeof(ext_names) / sizeof(ext_names[0]))
static cmark_syntax_extension *exts[NEXT];

static void
ext_register(void)
{
	size_t i;

	cmark_gfm_core_extensions_ensure_registered();
	for (i = 0; i < NEXT; i++)
		exts[i] = cmark_find_syntax_extension(ext_names[i]);
}

struct nodes {
	cmark_node **v;
	size_t n, cap;
};

static void
nodes_push(struct nodes *a, cmark_node *node)
{
	a->v = xgrow(a->v, &a->cap, a->n + 1, sizeof(*a->v));
	a->v[a->n++] = node;
}

/* Heading ids in use, each with the next suffix to try after it. */
struct idslot {
	const char *key; /* owned by the heading that uses it */
	size_t next;
};

struct idset {
	struct idslot *slot;
	size_t cap, n; /* cap is 0 or a power of two */
};

struct render {
	const struct md_opts *opts;
	int first_line;
	struct nodes links, images, headings, fences, tasks, paras;
	/*
	 * Nodes taken out of the tree. Their inline text still points into
	 * their content buffers (cmark-gfm does not copy literals), so they
	 * are freed only after the HTML is rendered.
	 */
	struct nodes dead;
	struct idset ids;
	size_t cap_headings, cap_images;
};

static int
ascii_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
ascii_alnum(int c)
{
	return ascii_alpha(c) || (c >= '0' && c <= '9');
}

static int
starts_with(const char *s, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && !memcmp(s, prefix, n);
}

/* Decode one code point; an invalid byte is one U+FFFD, so progress is sure. */
static size_t
next_cp(const char *s, size_t len, uint32_t *cp)
{
	size_t n = utf8_decode(s, len, cp);

	return n ? n : 1;
}

/* The code point that ends at s + end; returns its length. */
static size_t
prev_cp(const char *s, size_t end, uint32_t *cp)
{
	size_t start = end;

	while (start > 0 && end - start < 4 &&
	       ((unsigned char)s[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0 && end - start < 4)
		start--;
	if (utf8_decode(s + start, end - start, cp) == end - start)
		return end - start;
	*cp = 0xFFFD;
	return 1;
}

static int
is_space(uint32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0xA0 ||
	       cp == 0x3000;
}

/*
 * Text written without spaces between words: Han, kana, CJK and
 * full-width punctuation, and the dashes, ellipses and quotes Chinese
 * sets full width. A line break between two of these is no space.
 */
static int
is_wide(uint32_t cp)
{
	return uni_is_cjk(cp) || (cp >= 0x2E80 && cp <= 0x30FF) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF) || cp == 0x2014 ||
	       cp == 0x2026 || (cp >= 0x2018 && cp <= 0x201D);
}

static int
is_type(cmark_node *node, const char *name)
{
	const char *t = cmark_node_get_type_string(node);

	return t && !strcmp(t, name);
}

/*
 * Plain text. Separators are added lazily, just before the next text, so
 * the result never starts or ends with one.
 */
enum sep { SEP_NONE, SEP_SOFT, SEP_CELL, SEP_BLOCK };

static void
text_add(struct buf *out, enum sep *pending, const char *s, size_t len)
{
	uint32_t last, first;

	if (!len)
		return;
	if (out->len) {
		switch (*pending) {
		case SEP_NONE:
			break;
		case SEP_SOFT:
			prev_cp(out->ptr, out->len, &last);
			next_cp(s, len, &first);
			if (!is_space(last) && !is_space(first) &&
			    !(is_wide(last) && is_wide(first)))
				buf_addch(out, ' ');
			break;
		case SEP_CELL:
			buf_addch(out, ' ');
			break;
		case SEP_BLOCK:
			buf_addch(out, '\n');
			break;
		}
	}
	*pending = SEP_NONE;
	buf_add(out, s, len);
}

static void
sep_raise(enum sep *pending, enum sep to)
{
	if (*pending < to)
		*pending = to;
}

/* Append the text of root and everything under it, without markup. */
static void
plain_text(cmark_node *root, struct buf *out)
{
	cmark_iter *it = cmark_iter_new(root);
	enum sep pending = SEP_NONE;
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		const char *lit;
		size_t n;

		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(node);
			if (lit)
				text_add(out, &pending, lit, strlen(lit));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			sep_raise(&pending, SEP_SOFT);
			break;
		case CMARK_NODE_CODE_BLOCK:
			lit = cmark_node_get_literal(node);
			n = lit ? strlen(lit) : 0;
			while (n && lit[n - 1] == '\n')
				n--;
			sep_raise(&pending, SEP_BLOCK);
			if (n)
				text_add(out, &pending, lit, n);
			sep_raise(&pending, SEP_BLOCK);
			break;
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
			sep_raise(&pending, SEP_BLOCK);
			break;
		default:
			if ((cmark_node_get_type(node) & CMARK_NODE_TYPE_MASK) !=
			    CMARK_NODE_TYPE_BLOCK)
				break;
			if (ev == CMARK_EVENT_ENTER) {
				/* A custom block's text is its markup, not prose. */
				if (cmark_node_get_type(node) ==
				    CMARK_NODE_CUSTOM_BLOCK)
					sep_raise(&pending, SEP_BLOCK);
				break;
			}
			sep_raise(&pending, is_type(node, "table_cell") ?
					    SEP_CELL : SEP_BLOCK);
			break;
		}
	}
	cmark_iter_free(it);
}

/* Collapse runs of spaces into one and trim both ends. */
static void
squeeze_spaces(struct buf *b)
{
	size_t i, j = 0;
	int space = 0;

	for (i = 0; i < b->len; i++) {
		char c = b->ptr[i];

		if (strchr(" \t\r\n\f\v", c)) {
			space = 1;
			continue;
		}
		if (space && j)
			b->ptr[j++] = ' ';
		space = 0;
		b->ptr[j++] = c;
	}
	if (b->cap)
		buf_setlen(b, j);
}

static size_t
count_chars(const char *s, size_t len)
{
	size_t off = 0, count = 0;
	uint32_t cp;

	while (off < len) {
		off += next_cp(s + off, len - off, &cp);
		if (!is_space(cp))
			count++;
	}
	return count;
}

/*
 * Find the nodes to rewrite in one pass; they are rewritten after it, as
 * cmark's iterator does not allow changes to the tree it walks.
 */
static void
collect(struct render *r, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_LINK:
			nodes_push(&r->links, node);
			break;
		case CMARK_NODE_IMAGE:
			nodes_push(&r->images, node);
			break;
		case CMARK_NODE_HEADING:
			nodes_push(&r->headings, node);
			break;
		case CMARK_NODE_PARAGRAPH:
			nodes_push(&r->paras, node);
			break;
		case CMARK_NODE_CODE_BLOCK:
			nodes_push(&r->fences, node);
			break;
		case CMARK_NODE_ITEM:
			if (is_type(node, "tasklist"))
				nodes_push(&r->tasks, node);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Unlink node, put repl in its place (when given) and keep node for later. */
static void
bury(struct render *r, cmark_node *node, cmark_node *repl)
{
	if (repl)
		cmark_node_replace(node, repl);
	else
		cmark_node_unlink(node);
	nodes_push(&r->dead, node);
}

/*
 * The autolink extension ends a bare URL only at whitespace or '<', so in
 * Chinese, which has no spaces, "详见https://example.cn/a。下一句" links the
 * rest of the sentence. Such a link is recognised by its shape: one text
 * child equal to the URL (or to the URL without the "http://" that "www."
 * links get) at the same source position; a link written as <url> or
 * [url](url) starts a column before its text, and there the author chose
 * where it ends.
 */
static int
is_bare_autolink(cmark_node *link)
{
	cmark_node *t = cmark_node_first_child(link);
	const char *url, *lit;

	if (!t || cmark_node_next(t) ||
	    cmark_node_get_type(t) != CMARK_NODE_TEXT)
		return 0;
	if (cmark_node_get_start_line(link) != cmark_node_get_start_line(t) ||
	    cmark_node_get_start_column(link) != cmark_node_get_start_column(t))
		return 0;
	url = cmark_node_get_url(link);
	lit = cmark_node_get_literal(t);
	if (!url || !lit)
		return 0;
	return !strcmp(url, lit) ||
	       (!strncmp(url, "http://", 7) && !strcmp(url + 7, lit));
}

/*
 * GFM's rule for the end of a bare URL: trailing ?!.,:*_~'" are
 * punctuation, ';' too (with the entity-like "&name" before it), and ')'
 * only when it has no '(' to match. Counts are kept, not recounted, so
 * that a run of ')' stays linear.
 */
static size_t
url_trim(const char *s, size_t end)
{
	size_t i, open = 0, close = 0;

	for (i = 0; i < end; i++) {
		if (s[i] == '(')
			open++;
		else if (s[i] == ')')
			close++;
	}
	while (end > 0) {
		char c = s[end - 1];

		if (c && strchr("?!.,:*_~'\"", c)) {
			end--;
		} else if (c == ';') {
			i = end - 1;
			while (i > 0 && ascii_alpha(s[i - 1]))
				i--;
			end = i > 0 && i < end - 1 && s[i - 1] == '&' ? i - 1 :
								      end - 1;
		} else if (c == ')' && close > open) {
			close--;
			end--;
		} else {
			break;
		}
	}
	return end;
}

/*
 * Length of the URL at the start of s (len bytes): it stops at the first
 * non-ASCII character or space, without trailing punctuation. 0 when no
 * letter or digit is left after the scheme or "www.".
 */
static size_t
url_len(const char *s, size_t len)
{
	size_t end = 0, head = 0, i;
	const char *sep;

	while (end < len && (unsigned char)s[end] < 0x80 &&
	       !strchr(" \t\r\n\f\v<", s[end]))
		end++;
	end = url_trim(s, end);
	if (starts_with(s, end, "www."))
		head = 4;
	else if ((sep = memchr(s, ':', end)) &&
		 starts_with(sep, end - (size_t)(sep - s), "://"))
		head = (size_t)(sep - s) + 3;
	for (i = head; i < end; i++)
		if (ascii_alnum(s[i]))
			return end;
	return 0;
}

/* The next place at or after from where GFM would start a bare URL. */
static size_t
url_next(const char *s, size_t len, size_t from)
{
	size_t i;

	for (i = from; i < len; i++) {
		if (i > 0 && ascii_alnum(s[i - 1]))
			continue;
		if (starts_with(s + i, len - i, "https://") ||
		    starts_with(s + i, len - i, "http://") ||
		    starts_with(s + i, len - i, "ftp://"))
			return i;
		/* As GFM: "www." only after a space (none here) or *_~( */
		if (starts_with(s + i, len - i, "www.") && i > 0 &&
		    strchr("*_~(", s[i - 1]))
			return i;
	}
	return len;
}

static cmark_node *
new_text(const char *s, size_t len)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	char *lit = xstrndup(s, len);

	cmark_node_set_literal(t, lit);
	free(lit);
	return t;
}

static void
insert_link(cmark_node *before, const char *s, size_t len)
{
	cmark_node *link = cmark_node_new(CMARK_NODE_LINK);
	struct buf url = BUF_INIT;

	if (starts_with(s, len, "www."))
		BUF_ADDLIT(&url, "http://");
	buf_add(&url, s, len);
	cmark_node_set_url(link, url.ptr);
	cmark_node_set_title(link, "");
	cmark_node_append_child(link, new_text(s, len));
	cmark_node_insert_before(before, link);
	buf_release(&url);
}

/*
 * Split a swallowing bare link into link, text, and any further bare
 * URLs the swallowed text held ("见https://a.cn，或https://b.cn。").
 */
static void
fix_autolink(struct render *r, cmark_node *link)
{
	const char *lit;
	char *s;
	size_t n, pos = 0, at = 0, ulen;

	if (!is_bare_autolink(link))
		return;
	lit = cmark_node_get_literal(cmark_node_first_child(link));
	n = strlen(lit);
	for (ulen = 0; ulen < n && (unsigned char)lit[ulen] < 0x80; ulen++)
		;
	if (ulen == n)
		return;
	s = xstrdup(lit);
	while (at < n) {
		ulen = url_len(s + at, n - at);
		if (ulen) {
			if (at > pos)
				cmark_node_insert_before(link,
					new_text(s + pos, at - pos));
			insert_link(link, s + at, ulen);
			pos = at + ulen;
		}
		at = url_next(s, n, ulen ? pos : at + 1);
	}
	if (pos < n)
		cmark_node_insert_before(link, new_text(s + pos, n - pos));
	bury(r, link, NULL);
	free(s);
}

/* Relative: no scheme, and not from the root, a fragment or a query. */
static int
url_is_relative(const char *u)
{
	const char *p;

	if (!*u || *u == '/' || *u == '#' || *u == '?')
		return 0;
	if (ascii_alpha(*u)) {
		for (p = u + 1; *p && (ascii_alnum(*p) || strchr("+-.", *p));
		     p++)
			;
		if (*p == ':')
			return 0;
	}
	return 1;
}

static void
rebase(const struct md_opts *opts, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	struct buf b = BUF_INIT;

	if (!opts->link_base || !*opts->link_base || !url ||
	    !url_is_relative(url))
		return;
	buf_addstr(&b, opts->link_base);
	buf_addstr(&b, url);
	cmark_node_set_url(node, b.ptr);
	buf_release(&b);
}

/* Returns -1 when the callback failed; its diagnostics are recorded. */
static int
replace_fence(struct render *r, cmark_node *code)
{
	const struct md_opts *o = r->opts;
	const char *info = cmark_node_get_fence_info(code);
	const char *body = cmark_node_get_literal(code);
	struct buf out = BUF_INIT;
	cmark_node *block;
	size_t word;
	int line, rc = -1;

	if (!info)
		return 0;
	word = strcspn(info, " \t");
	if (word != strlen(o->fence_word) || memcmp(info, o->fence_word, word))
		return 0;
	line = r->first_line + cmark_node_get_start_line(code) - 1;
	if (o->fence(o->fence_arg, info, body ? body : "", line, &out) < 0)
		goto out;
	block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
	cmark_node_set_on_enter(block, out.ptr);
	cmark_node_set_on_exit(block, "");
	bury(r, code, block);
	rc = 0;
out:
	buf_release(&out);
	return rc;
}

/*
 * The tasklist extension draws an unnamed checkbox, which accessibility
 * checkers reject. Turn the item into a plain one and draw a named box.
 */
static void
replace_task(struct render *r, cmark_node *task)
{
	cmark_node *item = cmark_node_new(CMARK_NODE_ITEM);
	cmark_node *child, *first, *box;
	int checked = cmark_gfm_extensions_get_tasklist_item_checked(task);

	while ((child = cmark_node_first_child(task)))
		cmark_node_append_child(item, child);
	bury(r, task, item);
	first = cmark_node_first_child(item);
	if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
		box = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
		cmark_node_prepend_child(first, box);
	} else {
		box = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
		cmark_node_prepend_child(item, box);
	}
	cmark_node_set_on_enter(box, checked ?
		"<input type=\"checkbox\" checked disabled aria-label=\"已完成\"> " :
		"<input type=\"checkbox\" disabled aria-label=\"未完成\"> ");
	cmark_node_set_on_exit(box, "");
}

static size_t
str_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct idslot *
idset_find(struct idset *set, const char *key)
{
	size_t i;

	if (!set->cap)
		return NULL;
	for (i = str_hash(key) & (set->cap - 1); set->slot[i].key;
	     i = (i + 1) & (set->cap - 1))
		if (!strcmp(set->slot[i].key, key))
			return &set->slot[i];
	return NULL;
}

static void
idset_put(struct idset *set, const char *key)
{
	size_t i;

	if (2 * (set->n + 1) > set->cap) {
		struct idset big;

		big.cap = set->cap ? 2 * set->cap : 16;
		big.n = 0;
		big.slot = xcalloc(big.cap, sizeof(*big.slot));
		for (i = 0; i < set->cap; i++) {
			if (set->slot[i].key) {
				idset_put(&big, set->slot[i].key);
				idset_find(&big, set->slot[i].key)->next =
					set->slot[i].next;
			}
		}
		free(set->slot);
		*set = big;
	}
	for (i = str_hash(key) & (set->cap - 1); set->slot[i].key;
	     i = (i + 1) & (set->cap - 1))
		;
	set->slot[i].key = key;
	set->slot[i].next = 2;
	set->n++;
}

/*
 * The anchor of a heading: letters and digits kept (ASCII lowercased,
 * full-width folded to ASCII), Han and other scripts kept as they are,
 * everything else one '-'.
 */
static void
slug_add(struct buf *b, const char *text)
{
	size_t off = 0, len = strlen(text), start = b->len;
	int dash = 0;

	while (off < len) {
		uint32_t cp;
		size_t n = next_cp(text + off, len - off, &cp);
		int keep;

		if (cp >= 0xFF10 && cp <= 0xFF5A && ascii_alnum((int)(cp - 0xFEE0)))
			cp -= 0xFEE0;
		if (cp < 0x80)
			keep = ascii_alnum((int)cp);
		else
			keep = cp != 0xFFFD &&
			       !(cp <= 0xBF || cp == 0xD7 || cp == 0xF7) &&
			       !(cp >= 0x2000 && cp <= 0x2BFF &&
				 !(cp >= 0x2150 && cp <= 0x218F)) &&
			       !(cp >= 0x2E00 && cp <= 0x2E7F) &&
			       !(cp >= 0x3000 && cp <= 0x303F &&
				 !(cp >= 0x3005 && cp <= 0x3007)) &&
			       !(cp >= 0xE000 && cp <= 0xF8FF) &&
			       !(cp >= 0xFE00 && cp <= 0xFE6F) &&
			       !(cp >= 0xFF00 && cp <= 0xFF65) &&
			       !(cp >= 0xFFF0 && cp <= 0xFFFF) &&
			       !(cp >= 0x1F000 && cp <= 0x1FAFF) &&
			       cp < 0xE0000;
		if (!keep) {
			dash = 1;
		} else {
			if (dash && b->len > start)
				buf_addch(b, '-');
			dash = 0;
			if (cp < 0x80)
				buf_addch(b, cp >= 'A' && cp <= 'Z' ?
					  (int)cp + 32 : (int)cp);
			else
				buf_add(b, text + off, n);
		}
		off += n;
	}
	if (b->len == start)
		BUF_ADDLIT(b, "section");
}

/*
 * Same headings in, same ids out: the first use of a base keeps it, later
 * ones get -2, -3, ... skipping any id already taken.
 */
static char *
unique_id(struct idset *set, const char *base)
{
	struct idslot *slot = idset_find(set, base);
	struct buf b = BUF_INIT;
	char *id;

	if (!slot) {
		id = xstrdup(base);
	} else {
		do {
			buf_reset(&b);
			buf_addf(&b, "%s-%zu", base, slot->next++);
		} while (idset_find(set, b.ptr));
		id = buf_detach(&b, NULL);
	}
	idset_put(set, id);
	return id;
}

/*
 * cmark draws <hN> without attributes: the heading becomes a custom block
 * (for the line breaks around it) holding a custom inline (for the tags)
 * holding the heading's inlines, which custom nodes emit even in safe
 * mode.
 */
static void
replace_heading(struct render *r, struct md_doc *doc, cmark_node *h)
{
	struct md_heading *mh;
	struct buf text = BUF_INIT, slug = BUF_INIT, tag = BUF_INIT;
	cmark_node *block, *tags, *child;
	int level = cmark_node_get_heading_level(h);

	plain_text(h, &text);
	squeeze_spaces(&text);
	slug_add(&slug, text.ptr);
	doc->headings = xgrow(doc->headings, &r->cap_headings,
			      doc->nheadings + 1, sizeof(*doc->headings));
	mh = &doc->headings[doc->nheadings++];
	mh->level = level;
	mh->id = unique_id(&r->ids, slug.ptr);
	mh->text = buf_detach(&text, NULL);

	block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
	tags = cmark_node_new(CMARK_NODE_CUSTOM_INLINE);
	buf_addf(&tag, "<h%d id=\"", level);
	buf_addhtml(&tag, mh->id);
	BUF_ADDLIT(&tag, "\">");
	cmark_node_set_on_enter(tags, tag.ptr);
	buf_reset(&tag);
	buf_addf(&tag, "</h%d>", level);
	cmark_node_set_on_exit(tags, tag.ptr);
	cmark_node_set_on_enter(block, "");
	cmark_node_set_on_exit(block, "");
	while ((child = cmark_node_first_child(h)))
		cmark_node_append_child(tags, child);
	cmark_node_append_child(block, tags);
	bury(r, h, block);
	buf_release(&slug);
	buf_release(&tag);
}

static void
toc_link(struct buf *toc, const struct md_heading *h)
{
	BUF_ADDLIT(toc, "<li><a href=\"#");
	buf_addhtml(toc, h->id);
	BUF_ADDLIT(toc, "\">");
	buf_addhtml(toc, h->text);
	BUF_ADDLIT(toc, "</a>");
}

/* h2 items hold the h3 after them; an h3 before any h2 stands alone. */
static void
toc_build(struct buf *toc, const struct md_doc *doc, int min)
{
	size_t i, n = 0;
	int in_item = 0, in_sub = 0;

	for (i = 0; i < doc->nheadings; i++)
		if (doc->headings[i].level == 2 || doc->headings[i].level == 3)
			n++;
	if (min <= 0 || n < (size_t)min)
		return;
	BUF_ADDLIT(toc, "<nav class=\"toc\" aria-label=\"目录\"><ol>");
	for (i = 0; i < doc->nheadings; i++) {
		const struct md_heading *h = &doc->headings[i];

		if (h->level == 2) {
			if (in_sub)
				BUF_ADDLIT(toc, "</ol>");
			if (in_item)
				BUF_ADDLIT(toc, "</li>");
			toc_link(toc, h);
			in_item = 1;
			in_sub = 0;
		} else if (h->level == 3) {
			if (in_item && !in_sub) {
				BUF_ADDLIT(toc, "<ol>");
				in_sub = 1;
			}
			toc_link(toc, h);
			BUF_ADDLIT(toc, "</li>");
		}
	}
	if (in_sub)
		BUF_ADDLIT(toc, "</ol>");
	if (in_item)
		BUF_ADDLIT(toc, "</li>");
	BUF_ADDLIT(toc, "</ol></nav>");
}

static int
is_closer(uint32_t cp)
{
	return cp == ')' || cp == '"' || cp == '\'' || cp == ']' ||
	       cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F ||
	       cp == 0x300B || cp == 0x3009 || cp == 0xFF09 || cp == 0x3011;
}

static int
is_full_stop(uint32_t cp)
{
	return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF61;
}

/*
 * Does the code point cp, which ends at s + off, end a sentence? Chinese
 * stops always do; Latin ones only before a space, a closing mark or the
 * end ("3.5万", "v1.2" go on).
 */
static int
ends_sentence(const char *s, size_t len, size_t off, uint32_t cp)
{
	uint32_t next;

	if (is_full_stop(cp))
		return 1;
	if (cp != '.' && cp != '!' && cp != '?')
		return 0;
	if (off >= len)
		return 1;
	next_cp(s + off, len - off, &next);
	return is_space(next) || is_closer(next);
}

/* Marks inside a sentence that should not stand before "……". */
static int
is_clause_mark(uint32_t cp)
{
	return cp == ',' || cp == ';' || cp == ':' || cp == 0xFF0C ||
	       cp == 0x3001 || cp == 0xFF1B || cp == 0xFF1A;
}

static int
has_sentence_end(const char *s, size_t len)
{
	size_t off = 0;
	uint32_t cp;

	while (off < len) {
		off += next_cp(s + off, len - off, &cp);
		if (ends_sentence(s, len, off, cp))
			return 1;
	}
	return 0;
}

void
md_summary(struct buf *out, const char *text, size_t len, size_t max)
{
	struct buf norm = BUF_INIT;
	size_t off = 0, chars = 0, best = 0, cut = 0;
	int space = 0, over = 0;
	uint32_t cp, prev = 0;

	/* Spaces: none between wide characters, one elsewhere, none at the ends. */
	while (off < len) {
		size_t n = next_cp(text + off, len - off, &cp);

		if (is_space(cp)) {
			space = 1;
		} else {
			if (space && norm.len && !(is_wide(prev) && is_wide(cp)))
				buf_addch(&norm, ' ');
			space = 0;
			buf_add(&norm, text + off, n);
			prev = cp;
		}
		off += n;
	}
	if (!norm.len || !max)
		goto out;

	off = 0;
	while (off < norm.len && !over) {
		off += next_cp(norm.ptr + off, norm.len - off, &cp);
		if (++chars == max)
			cut = off;
		if (!ends_sentence(norm.ptr, norm.len, off, cp))
			continue;
		/* Closing quotes and doubled marks belong to the sentence. */
		while (off < norm.len) {
			size_t n = next_cp(norm.ptr + off, norm.len - off, &cp);

			if (!is_closer(cp) && !is_full_stop(cp) &&
			    !(cp < 0x80 && strchr(".!?", (int)cp)))
				break;
			off += n;
			if (++chars == max)
				cut = off;
		}
		if (chars > max)
			over = 1;
		else
			best = off;
	}
	if (!over && chars <= max)
		best = norm.len; /* the end of the text ends a sentence */

	if (best) {
		buf_add(out, norm.ptr, best);
	} else {
		/* Not after a space or a comma: "……" replaces the rest. */
		while (cut > 0) {
			size_t n = prev_cp(norm.ptr, cut, &cp);

			if (!is_space(cp) && !is_clause_mark(cp))
				break;
			cut -= n;
		}
		buf_add(out, norm.ptr, cut);
		BUF_ADDLIT(out, "……");
	}
out:
	buf_release(&norm);
}

int
md_minutes(size_t chars)
{
	/* Chinese is read at about 400 characters a minute. */
	size_t m = (chars + 399) / 400;

	return m < 1 ? 1 : m > 100000 ? 100000 : (int)m;
}

void
md_opts_init(struct md_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->unsafe = 0;
	o->toc_min = 4;
	o->summary_chars = 120;
	o->link_base = "";
	o->fence_word = NULL;
	o->fence = NULL;
	o->fence_arg = NULL;
}

void
md_doc_init(struct md_doc *doc)
{
	memset(doc, 0, sizeof(*doc));
	buf_init(&doc->html, 0);
	buf_init(&doc->toc, 0);
	buf_init(&doc->text, 0);
	buf_init(&doc->summary, 0);
	doc->minutes = 1;
}

void
md_doc_release(struct md_doc *doc)
{
	size_t i;

	buf_release(&doc->html);
	buf_release(&doc->toc);
	buf_release(&doc->text);
	buf_release(&doc->summary);
	for (i = 0; i < doc->nheadings; i++) {
		free(doc->headings[i].id);
		free(doc->headings[i].text);
	}
	free(doc->headings);
	for (i = 0; i < doc->nimages; i++)
		free(doc->images[i]);
	free(doc->images);
	md_doc_init(doc);
}

/*
 * The summary is taken from paragraphs that hold a sentence: headings and
 * "一、基本情况" lines would run into the first sentence.
 */
static void
summary_source(struct render *r, struct md_doc *doc, struct buf *src)
{
	struct buf para = BUF_INIT;
	size_t i;

	for (i = 0; i < r->paras.n; i++) {
		buf_reset(&para);
		plain_text(r->paras.v[i], &para);
		if (!has_sentence_end(para.ptr, para.len))
			continue;
		if (src->len)
			buf_addch(src, '\n');
		buf_addbuf(src, &para);
	}
	if (!src->len)
		buf_addbuf(src, &doc->text);
	buf_release(&para);
}

/*
 * Copy the rendered HTML, turning the table extension's alignment styles
 * into classes: a style attribute breaks a Content-Security-Policy
 * without 'unsafe-inline', and align="" is not HTML5. Text cannot hold
 * the pattern: cmark escapes every '"' in it.
 */
static void
add_html(struct buf *out, const char *html)
{
	static const char pat[] = " style=\"text-align: ";
	const char *at;

	while ((at = strstr(html, pat))) {
		const char *v = at + sizeof(pat) - 1;
		size_t n = strcspn(v, "\"");

		buf_add(out, html, (size_t)(at - html));
		BUF_ADDLIT(out, " class=\"align-");
		buf_add(out, v, n);
		html = v + n;
	}
	buf_addstr(out, html);
}

int
md_render(struct md_doc *doc, const char *text, size_t len,
	  const char *path, int first_line, const struct md_opts *opts,
	  struct diag *d)
{
	struct render r;
	struct buf src = BUF_INIT;
	cmark_parser *parser = NULL;
	cmark_node *root = NULL;
	char *html = NULL;
	int copts, failed = 0, rc = -1;
	size_t i;

	md_doc_release(doc);
	memset(&r, 0, sizeof(r));
	r.opts = opts;
	r.first_line = first_line;

	pthread_once(&ext_once, ext_register);
	for (i = 0; i < NEXT; i++) {
		if (!exts[i]) {
			diag_error(d, path, 0, 0,
				   "cmark-gfm has no \"%s\" extension",
				   ext_names[i]);
			goto out;
		}
	}
	/* cmark counts in int. */
	if (len > INT32_MAX / 2) {
		diag_error(d, path, first_line, 0,
			   "markdown body of %zu bytes is too large", len);
		goto out;
	}
	if (mdshape_check(text, len, path, first_line, d) < 0)
		goto out;
	copts = CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE | CMARK_OPT_VALIDATE_UTF8 |
		/* align="" is not HTML5 */
		CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES;
	if (opts->unsafe)
		copts |= CMARK_OPT_UNSAFE;

	parser = cmark_parser_new(copts);
	for (i = 0; i < NEXT; i++)
		cmark_parser_attach_syntax_extension(parser, exts[i]);
	cmark_parser_feed(parser, text, len);
	pthread_mutex_lock(&parse_lock);
	root = cmark_parser_finish(parser);
	pthread_mutex_unlock(&parse_lock);

	collect(&r, root);
	for (i = 0; i < r.links.n; i++)
		fix_autolink(&r, r.links.v[i]);
	for (i = 0; i < r.links.n; i++)
		rebase(opts, r.links.v[i]);
	for (i = 0; i < r.images.n; i++) {
		const char *url = cmark_node_get_url(r.images.v[i]);

		doc->images = xgrow(doc->images, &r.cap_images,
				    doc->nimages + 1, sizeof(*doc->images));
		doc->images[doc->nimages++] = xstrdup(url ? url : "");
		rebase(opts, r.images.v[i]);
	}
	/* Every failing block is reported, not only the first. */
	if (opts->fence && opts->fence_word && *opts->fence_word)
		for (i = 0; i < r.fences.n; i++)
			if (replace_fence(&r, r.fences.v[i]) < 0)
				failed = 1;
	if (failed)
		goto out;
	for (i = 0; i < r.tasks.n; i++)
		replace_task(&r, r.tasks.v[i]);
	for (i = 0; i < r.headings.n; i++)
		replace_heading(&r, doc, r.headings.v[i]);

	plain_text(root, &doc->text);
	doc->chars = count_chars(doc->text.ptr, doc->text.len);
	doc->minutes = md_minutes(doc->chars);
	summary_source(&r, doc, &src);
	md_summary(&doc->summary, src.ptr, src.len, opts->summary_chars);
	toc_build(&doc->toc, doc, opts->toc_min);

	html = cmark_render_html(root, copts,
				 cmark_parser_get_syntax_extensions(parser));
	add_html(&doc->html, html);
	rc = 0;
out:
	free(html);
	if (root)
		cmark_node_free(root);
	for (i = 0; i < r.dead.n; i++)
		cmark_node_free(r.dead.v[i]);
	if (parser)
		cmark_parser_free(parser);
	free(r.links.v);
	free(r.images.v);
	free(r.headings.v);
	free(r.fences.v);
	free(r.tasks.v);
	free(r.paras.v);
	free(r.dead.v);
	free(r.ids.slot);
	buf_release(&src);
	if (rc)
		md_doc_release(doc);
	return rc;
}
