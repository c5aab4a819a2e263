#ifndef SHOWCASE_SEARCH_H
#define SHOWCASE_SEARCH_H

/*
 * struct search: the offline search index of the website, written as a
 * JavaScript file (assets/js/search-index.js) that the search page loads
 * with a plain <script src>, so that search works from file:// too (no
 * fetch, no XHR).
 *
 * Terms. Chinese has no spaces, so every run of Han ideographs (as
 * utf8_is_cjk() counts them) gives each of its characters and each pair
 * of neighbouring characters (bigrams) as a term. Letters and digits
 * (ASCII, and their full-width forms, folded to ASCII) make lowercase
 * words of at most SEARCH_WORD_MAX bytes. Everything else (punctuation,
 * spaces, kana, symbols) only separates terms. A page is found by a run
 * of two or more Chinese characters when it holds every bigram of the
 * run: every page holding the exact run is found; for runs of three or
 * more characters a page that holds the bigrams apart is found too (a
 * false positive we accept: positions would double the index). The
 * title, the summary and the text of a page are all indexed.
 *
 * Ranking (assets/js/search.js): pages whose title holds more of the
 * query first (titles are stored whole, so this check is exact), then
 * pages on which more of the query's terms are frequent (the index keeps,
 * per term, the pages where it occurs three times or more), then the
 * newest. Per page the index stores url, title, date and a snippet (the
 * summary, or the start of the text), never the whole text. The format
 * is described in search.c.
 *
 * Use: search_new(n) with the number of public pages, then
 * search_set() once for each slot from any thread (each slot is its own,
 * so no lock is needed and the output order is that of the slots, not of
 * the threads), then search_write(). Slots never set are left out.
 */

#include <stddef.h>

#include "buf.h"

/* The longest word kept; longer runs of letters and digits are cut. */
#define SEARCH_WORD_MAX 32
/* Characters of the summary or text stored to show under each result. */
#define SEARCH_SNIPPET_CHARS 80

struct search;

/* An index with npages empty slots. Caller frees with search_free(). */
struct search *search_new(size_t npages);
void search_free(struct search *s);

/*
 * Fill slot i (i < npages) with one page: url relative to the site root
 * ("cases/x.html"), its title, its date ("2024-07-19", or "" or NULL),
 * the author's summary (front matter "summary": indexed, and shown under
 * the result; NULL or "" when there is none, and then the start of the
 * text is shown; do not pass a summary computed from the text, whose
 * words would count twice) and its plain text (len bytes, UTF-8, as
 * md_doc.text). Everything is copied and tokenised here, so calls for
 * different slots may run in parallel on different threads. Setting a
 * slot again replaces it, but never from two threads at once.
 */
void search_set(struct search *s, size_t i, const char *url,
		const char *title, const char *date, const char *summary,
		const char *text, size_t len);

/*
 * Append the index to out as a JavaScript file that assigns
 * window.SHOWCASE_SEARCH. Same pages in the same slots give the same
 * bytes. Returns the number of pages written.
 */
size_t search_write(const struct search *s, struct buf *out);

/*
 * Append to out every string the index holds of slot i that words can
 * be read from: its url, title, date and snippet, and each of its terms,
 * each ended by sep (the rest of the index is page numbers in base 64).
 * For the privacy proof: the written file packs the terms of all pages
 * together in ways no reader sees.
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
