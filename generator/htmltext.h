#ifndef SHOWCASE_HTMLTEXT_H
#define SHOWCASE_HTMLTEXT_H

/*
 * The text of an HTML (or XML) document, read by libxml2's HTML parser:
 * tags removed, character references decoded. The one place that parses
 * HTML, for the privacy proof (everything a file holds) and the search
 * index (what a page says). Output is appended to a caller's buffer.
 */

#include <stddef.h>

struct buf;

enum htmltext_flags {
	/* Every attribute value and comment too, each as a piece of its own
	 * (UNI_PIECE of unicode.h before and after): what a file holds. */
	HTMLTEXT_ALL = 1 << 0,
	/* Only the text inside <main>, less its <nav>, <script>, <style>,
	 * <figure> (page chrome, charts and their data tables): what a
	 * page says, for the search index. Block ends become newlines. */
	HTMLTEXT_MAIN = 1 << 1,
};

/* Call once before threads use it (libxml2 sets up its tables). */
void htmltext_init(void);

/*
 * Append the text of html (len bytes) to out. With HTMLTEXT_MAIN, the
 * text of the first <h1> inside <main> is also appended to title (may be
 * NULL).
 */
void htmltext_extract(struct buf *out, struct buf *title, const char *html,
		      size_t len, unsigned flags);

#endif
