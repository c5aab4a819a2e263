#ifndef SHOWCASE_FRONT_H
#define SHOWCASE_FRONT_H

/*
 * struct front: the YAML front matter of a Markdown file, read by libfyaml.
 *
 * The file starts with a line "---", the YAML, and a line "---" (a BOM and
 * CRLF line ends are accepted). Keys are checked against one table of
 * known keys with their types; an unknown key is a warning, a missing
 * title, a wrong type, an invalid date (it must exist: 2023-02-30 is an
 * error) or a duplicate key is an error, each at its file:line:col.
 *
 * Details a page author meets: blanks after a fence are allowed; a null or
 * blank value counts as absent (NULL, 0), except for the title; a list key
 * also takes a single value; list items are trimmed, and empty or repeated
 * ones dropped. Aliases are never expanded (an alias value is an error).
 */

#include <stddef.h>

struct diag;
struct src;

/* Where a key was found, for diagnostics raised later (duplicate slugs). */
struct front_pos {
	int line, col; /* 0 when the key is absent */
	int vline, vcol; /* where its value starts: a name is reported there */
};

struct front {
	char *title;      /* required */
	char *date;       /* "YYYY-MM-DD", or NULL */
	char *summary;
	char **tags;      /* NULL-terminated, never NULL itself after parse */
	size_t ntags;
	struct front_pos *tags_at; /* where each of tags was typed (both
				    * positions the item's); NULL if none */
	char *region;
	char *org;
	char *belt;
	char *brand;
	char *cover;
	char *slug;
	int draft;
	int weight;       /* 0 when absent */

	/*
	 * Bulletins (content/bulletins, 工作简报); bulletin.h checks them.
	 * Other pages may hold these keys too, to no effect.
	 */
	int issue;        /* 期号, 1-based within the year of date; 0: absent */
	char *office;     /* 编印单位; NULL: site.json "bulletin"/"office" */
	char **to_up;     /* 报: superiors, one item per recipient */
	size_t nto_up;
	char **to_peer;   /* 送: peers */
	size_t nto_peer;
	char **to_down;   /* 发: lower-level offices */
	size_t nto_down;
	int copies;       /* 共印N份; 0: not printed */
	char **cases;     /* slugs of content/cases to include, in order */
	size_t ncases;
	char **charts;    /* model chart names (modelchart.h) to include */
	size_t ncharts;

	struct front_pos pos_title, pos_date, pos_slug, pos_tags, pos_cover;
	struct front_pos pos_region;
	struct front_pos pos_issue, pos_copies, pos_cases, pos_charts;

	size_t body_off;  /* byte offset of the Markdown body in the src */
	int body_line;    /* its first line */
};

/* Zero f with its defaults (body_line 1); allocates nothing. */
void front_init(struct front *f);
/* Free every string and list f owns, leaving it as front_init() does. */
void front_release(struct front *f);

/*
 * Parse the front matter of s into f (initialised by front_init). Returns 0,
 * or -1 with every problem recorded in d. On -1, f holds what could be read.
 */
int front_parse(struct front *f, const struct src *s, struct diag *d);

/* True when date is a real calendar date written YYYY-MM-DD. */
int front_date_valid(const char *date);

#endif
