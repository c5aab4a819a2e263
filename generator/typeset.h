#ifndef SHOWCASE_TYPESET_H
#define SHOWCASE_TYPESET_H

/*
 * Print typesetting that the print engine cannot do by itself, done in
 * the HTML of a print document (bulletins, the brochure; docs/print.md):
 * justified Chinese lines and 避头尾, numbers kept with their units, no
 * paragraph ending in one character, titles set in balanced lines, the
 * bodies of other pages embedded with their ids kept unique, and the
 * print variant of every chart image. typeset.c says why each is done.
 *
 * Each function appends to out; nothing is allocated for the caller.
 */

#include <stddef.h>
#include <stdint.h>

struct buf;
struct tmpl_dict;

/* Where typeset_text() is: in a body paragraph (on), its last character
 * so far (prev), at the paragraph's last text (last). */
struct typeset {
	int on;
	int last;
	uint32_t prev;
};

/*
 * Append html to out made fit for print: every chart figure's image
 * (chartset.h: <img ... data-print="...">) shows its print variant, the
 * <source> drawings for screens beside it go, lazy loading is dropped (a
 * print engine loads everything anyway), and the text of body paragraphs
 * goes through typeset_text().
 */
void typeset_html(struct buf *out, const char *html);

/*
 * Append text (len bytes, the text between two tags) made fit for print:
 * within a body paragraph (t->on), a space wherever a line may break
 * between two Chinese characters (print.css cancels its width; it is
 * where a justified line stretches), a number and its unit, and the
 * paragraph's last two characters (t->last), as unbreakable spans.
 * Elsewhere text is copied as it is.
 */
void typeset_text(struct buf *out, const char *text, size_t len,
		  struct typeset *t);

/*
 * Append html, the body of another page, to out as part of a document:
 * heading levels moved down by shift (at most h6), every id and in-page
 * link prefixed with prefix and '-' (so two bodies in one document keep
 * their ids unique), and, when print, made fit for print.
 */
void typeset_embed(struct buf *out, const char *html, const char *prefix,
		   int shift, int print);

/*
 * A title set in lines of at most cells characters, as repetitions of
 * section each holding key: lines of nearly equal width, broken after a
 * comma or colon when one is near, never before a closing or after an
 * opening mark (GB/T 9704: 排列对称). One line when it fits.
 */
void typeset_title_lines(struct tmpl_dict *d, const char *section,
			 const char *key, const char *title, int cells);

#endif
