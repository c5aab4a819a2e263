#ifndef SHOWCASE_PRIVACY_H
#define SHOWCASE_PRIVACY_H

/*
 * struct privacy: the values of the data's private fields (contacts, phone
 * numbers, ID numbers), so that a build can prove none of them reached its
 * output (domain.md, Privacy). Private fields are dropped when the data is
 * loaded; this is the proof that nothing else let one through.
 *
 * What is compared is what a reader gets, not the bytes written: an HTML
 * or XML file is read by libxml2's HTML parser (tags removed, entities
 * decoded, every attribute value kept: alt text, titles, link targets);
 * then text and values alike are reduced to their skeleton (unicode.h:
 * NFKC_Casefold, so full-width digits, case, soft hyphens and zero-width
 * characters do not count, and only letters and digits kept, so
 * "139-0000-1111", "13,900,001,111" and "139<b>0000</b>1111" are all
 * 13900001111). Values are the exact strings of the export; an 18-digit
 * ID number is compared as typed, never as a double.
 *
 * Not searched, because they occur in any text by chance: values whose
 * skeleton has fewer than PRIVACY_MIN_CHARS characters, and values of
 * digits only with fewer than PRIVACY_MIN_DIGITS digits. Pictures (PNG,
 * JPEG, WebP) are not read: charts are checked through their data before
 * they are drawn, and cover and body images are the author's files.
 *
 * The scan is a Rabin-Karp search, one rolling hash per distinct skeleton
 * length, so its cost grows with the output and the number of distinct
 * lengths, not with the number of values. After privacy_seal() it is
 * read-only and may be used from many threads.
 */

#include <stddef.h>

struct buf;
struct diag;
struct site;

#define PRIVACY_MIN_CHARS 2
#define PRIVACY_MIN_DIGITS 5

struct privacy;

/* Caller frees with privacy_free(). */
struct privacy *privacy_new(void);
void privacy_free(struct privacy *p);

/*
 * Add every private value of the site's data (site.json "private", the
 * contract's defaults). Returns 0, or -1 with diagnostics.
 */
int privacy_load(struct privacy *p, const struct site *site, struct diag *d);
/*
 * Add one value, held by field of the export at file:line:col (all may be
 * NULL or 0: tests). Values too short to search are skipped.
 */
void privacy_add(struct privacy *p, const char *value, const char *field,
		 const char *file, int line, int col);
/* Index the values; call once, after the last add. */
void privacy_seal(struct privacy *p);
/* Values searched for (distinct skeletons). */
size_t privacy_count(const struct privacy *p);

enum privacy_form {
	PRIVACY_HTML, /* HTML, XML, SVG: what a reader or feed reader shows */
	PRIVACY_SCRIPT, /* scripts, style sheets, JSON: each string apart */
	PRIVACY_TEXT, /* plain text, in pieces ended by UNI_PIECE */
};

/* One file of the output, and the files its words may have been typed
 * in: sources[i] as shown ("content/cases/x.md"), paths[i] on disk. */
struct privacy_file {
	const char *output;   /* path in the site: "cases/x.html" */
	enum privacy_form form;
	const char *const *sources;
	const char *const *paths;
	size_t nsources;
};

/*
 * Check the len bytes of data, one file of the output. Each private value
 * found is an error in d, at the line and column of the first source
 * where it was typed, else at the output file. Returns the number of
 * values found.
 */
size_t privacy_check(const struct privacy *p, const struct privacy_file *f,
		     const char *data, size_t len, struct diag *d);

/* How a reader takes a file of the output, by its name (".html": HTML). */
enum privacy_form privacy_form_of(const char *path);
/*
 * privacy_check() for the files of a folder that the build copies as they
 * are (src, published as rel): every file but pictures and fonts. A
 * folder that cannot be read is skipped (copying reports it). Returns the
 * values found.
 */
size_t privacy_check_tree(const struct privacy *pv, const char *src,
			  const char *rel, struct diag *d);

/*
 * The first private value in the text a reader gets from data, or NULL
 * (tests).
 */
const char *privacy_find(const struct privacy *p, enum privacy_form form,
			 const char *data, size_t len);

/* Append to out what a reader gets of an HTML or XML text: text and
 * attribute values, entities decoded; each attribute value between two
 * U+001F, which are searched apart from the text. */
void privacy_reader_text(struct buf *out, const char *html, size_t len);

#endif
