#ifndef SHOWCASE_MD_H
#define SHOWCASE_MD_H

/*
 * struct md_doc: one Markdown body rendered by cmark-gfm, with what the
 * site needs beside the HTML: headings with stable anchors, a table of
 * contents, plain text for summaries and search, and a reading time that
 * counts characters (Chinese has no spaces to count words by).
 *
 * Extensions: table, strikethrough (only "~~": Chinese writes ranges as
 * 3~5人), tasklist, autolink (fixed so that a bare URL stops before Chinese
 * text and full-width punctuation). Safe by default: raw HTML is dropped
 * unless opts->unsafe.
 */

#include <stddef.h>

#include "buf.h"

struct diag;

/*
 * Called for each fenced code block whose info string starts with a word
 * the caller asked for (opts->fence_word, e.g. "chart"). body is the
 * block's text, line its first line in the file. Append the HTML that
 * replaces the block to out and return 0, or record a diagnostic and
 * return -1 (the render then fails).
 */
typedef int (*md_fence_fn)(void *arg, const char *info, const char *body,
			   int line, struct buf *out);

struct md_opts {
	int unsafe;             /* keep raw HTML */
	int toc_min;            /* h2/h3 headings needed for a TOC; 0: never */
	size_t summary_chars;   /* longest automatic summary, in characters */
	const char *link_base;  /* prefixed to relative link and image URLs */
	const char *fence_word; /* info word handled by fence, or NULL */
	md_fence_fn fence;
	void *fence_arg;
};

struct md_heading {
	int level;
	char *id;   /* unique within the page */
	char *text; /* plain text */
};

struct md_doc {
	struct buf html;     /* the body */
	struct buf toc;      /* <nav class="toc">...</nav>, or empty */
	struct buf text;     /* plain text, blocks separated by newlines */
	struct buf summary;  /* plain text, cut at a sentence end */
	struct md_heading *headings;
	size_t nheadings;
	char **images;       /* image URLs as written, in order */
	size_t nimages;
	size_t chars;        /* characters of text, whitespace not counted */
	int minutes;         /* reading time, at least 1 */
};

void md_opts_init(struct md_opts *o); /* the defaults */
void md_doc_init(struct md_doc *doc);
void md_doc_release(struct md_doc *doc);

/*
 * Render text (len bytes, the body of file path whose first line is
 * first_line in the file) into doc. Returns 0, or -1 when a fence callback
 * failed (its diagnostics are in d). doc must have been initialised; what
 * it held is released first, and on -1 it is left empty. The summary is
 * taken from the paragraphs that hold a sentence end (headings and bare
 * "一、基本情况" lines would run into it), or from the whole text when
 * none does. Safe to call from many threads at once.
 */
int md_render(struct md_doc *doc, const char *text, size_t len,
	      const char *path, int first_line, const struct md_opts *opts,
	      struct diag *d);

/*
 * Append to out a summary of plain text: whole sentences (ending in 。！？
 * or .!?) up to max characters; when the first sentence alone is longer,
 * it is cut at max characters and ends with "……". Whitespace goes
 * between wide (CJK) characters and becomes one space elsewhere. max 0
 * appends nothing.
 */
void md_summary(struct buf *out, const char *text, size_t len, size_t max);
/* Reading minutes for chars characters (at least 1). */
int md_minutes(size_t chars);

#endif
