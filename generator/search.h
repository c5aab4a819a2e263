#ifndef SHOWCASE_SEARCH_H
#define SHOWCASE_SEARCH_H

/*
 * struct search: the offline search index of the website, written as
 * JavaScript files under assets/search/ that the search page loads with
 * plain <script src> tags, so that search works from file:// too (no
 * fetch, no XHR), and loads only the files a query needs:
 *
 *   index.js        what the search page needs first: the number of
 *                   pages, of term shards, of pages a chunk, suggestions
 *   t-XXX.js        a term shard: the terms whose FNV-1a 64 hash is XXX
 *                   modulo the number of shards, with their postings
 *   d-XXXX.js       a chunk of SEARCH_CHUNK pages: address, title, date,
 *                   kind, summary and the start of the text, for the
 *                   results and their snippets
 *
 * Terms. Chinese has no spaces, so every run of Han ideographs (as
 * uni_is_cjk() counts them) gives each of its characters and each pair
 * of neighbouring characters (bigrams) as a term. Letters and digits
 * (ASCII, and their full-width forms, folded to ASCII) make lowercase
 * words of at most SEARCH_WORD_MAX bytes. Everything else (punctuation,
 * spaces, kana, symbols) only separates terms. A page is found by a run
 * of two or more Chinese characters when it holds every bigram of the
 * run: every page holding the exact run is found; for runs of three or
 * more characters a page that holds the bigrams apart is found too (a
 * false positive we accept: positions would double the index). The
 * title, the summary, the text and the extra words (tags, region) of a
 * page are all indexed.
 *
 * Ranking (assets/js/search.js): pages on which more of the query's
 * terms are "hot" first (a term is hot on a page where it occurs three
 * times or more, or in the title), then the newest: pages are numbered
 * newest first, so the postings alone rank, without loading a page. The
 * format is described in search.c.
 *
 * Use: search_new(n) with the number of slots, then search_set() once for
 * each slot from any thread (each slot is its own, so no lock is needed
 * and the output order is that of the slots, not of the threads), then
 * search_write(). Slots never set are left out.
 */

#include <stddef.h>

#include "buf.h"

/* The longest word kept; longer runs of letters and digits are cut. */
#define SEARCH_WORD_MAX 32
/* Characters of a page's text kept for snippets around a match. */
#define SEARCH_TEXT_CHARS 600
/* Pages of one d-XXXX.js chunk: ten results load at most ten chunks. */
#define SEARCH_CHUNK 4
/* The size a term shard aims at, in bytes. */
#define SEARCH_SHARD_BYTES 16384

struct search;

/* One page to index. Every string may be NULL. */
struct search_doc {
	const char *url;     /* relative to the site root: "cases/x.html" */
	const char *title;
	const char *date;    /* "2024-07-19", or "" */
	const char *kind;    /* shown beside the result: "案例", "简报" */
	const char *summary; /* the author's summary: indexed and shown */
	const char *text;    /* the plain text, len bytes, UTF-8 */
	size_t len;
	const char *extra;   /* indexed, never shown: tags, region */
};

/* An index with npages empty slots. Caller frees with search_free(). */
struct search *search_new(size_t npages);
void search_free(struct search *s);

/*
 * Fill slot i (i < npages) with one page. Everything is copied and
 * tokenised here, so calls for different slots may run in parallel on
 * different threads. Setting a slot again replaces it, but never from two
 * threads at once.
 */
void search_set(struct search *s, size_t i, const struct search_doc *doc);

/* Words to offer when the box is empty or nothing is found (热门搜索);
 * copied. */
void search_suggest(struct search *s, const char *const *words, size_t n);

/*
 * Write the index: fn is called with each file's name (relative to the
 * site root: "assets/search/t-01f.js") and bytes, in a fixed order; it
 * returns 0, or -1 to stop. Same pages in the same slots give the same
 * files. Returns 0, or -1 when fn stopped; *npages is the number of pages
 * written.
 */
typedef int (*search_file_fn)(void *arg, const char *name, const char *data,
			      size_t len);
int search_write(const struct search *s, search_file_fn fn, void *arg,
		 size_t *npages);

/* The folder search_write() writes into. */
#define SEARCH_DIR "assets/search"

/*
 * Append to out every string the index holds of slot i that words can
 * be read from: its url, title, date, kind, summary and text, and each of
 * its terms, each ended by sep (the rest of the index is page numbers in
 * base 64). For the privacy proof: the term shards pack the terms of many
 * pages together in ways no reader sees.
 */
void search_strings(const struct search *s, size_t i, struct buf *out,
		    int sep);

/*
 * Append to out the distinct terms of text (len bytes), sorted bytewise,
 * each followed by '\n': what search_set() indexes, for tests and for
 * checking a query by hand.
 */
void search_terms(struct buf *out, const char *text, size_t len);

#endif
