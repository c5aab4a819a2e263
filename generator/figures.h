#ifndef SHOWCASE_FIGURES_H
#define SHOWCASE_FIGURES_H

/*
 * struct figures: the figures of a model by name, formatted the way the
 * site shows them ("608", "18.05%", "2025-11"), so that a bulletin, a case
 * or a page can quote a figure and never disagree with the charts:
 *
 *     全区共有党组织{{party_orgs}}个，组织覆盖率{{coverage.organisation}}。
 *
 * The names follow `showcase stats --json` (docs/data-format.md, "Figures
 * in the text", lists them all). A name that does not exist is an error at
 * its file:line:col. Fenced code blocks and code spans are left alone, and
 * "\{{" is written as "{{" without expansion.
 */

#include <stddef.h>

struct buf;
struct diag;
struct model;
struct src;

struct figures;

/* Every figure of m; the strings are copied. Free with figures_free(). */
struct figures *figures_new(const struct model *m);
void figures_free(struct figures *f);

/* The value of a name, or NULL. Valid until figures_free(). */
const char *figures_get(const struct figures *f, const char *name);
/* The names in order (for documentation and tests). */
size_t figures_count(const struct figures *f);
const char *figures_name(const struct figures *f, size_t i);
const char *figures_value(const struct figures *f, size_t i);

/*
 * Append s->text[from, to) to out with every {{name}} replaced by its
 * value. An unknown name is reported in d at its position in s and left
 * as written; returns 0, or -1 when one was unknown. skip_code: leave
 * fenced code blocks and code spans alone (Markdown; not front matter).
 */
int figures_expand(const struct figures *f, const struct src *s,
		   size_t from, size_t to, int skip_code, struct buf *out,
		   struct diag *d);
/* The same for a string without a position (values of front matter,
 * checked through figures_expand over their source); unknown names stay. */
void figures_expand_text(const struct figures *f, const char *text,
			 struct buf *out);

#endif
