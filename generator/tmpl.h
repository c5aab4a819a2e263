#ifndef SHOWCASE_TMPL_H
#define SHOWCASE_TMPL_H

/*
 * The ctemplate bridge: the one C++ file (tmpl.cc) behind this C header.
 * Every C++ exception is caught at the boundary and becomes a diagnostic.
 *
 * struct tmpl is a set of template roots searched in order (the site's own
 * templates/ first, then the installed defaults), so a site overrides the
 * defaults file by file. Template names are paths relative to a root,
 * e.g. "case.tpl" or "partials/head.tpl".
 *
 * Every template must start with an AUTOESCAPE pragma
 * ({{%AUTOESCAPE context="HTML"}}, or "XML" / "JAVASCRIPT" for feeds and
 * scripts); one without it is an error, so nothing is inserted unescaped by
 * accident. Pre-rendered HTML (Markdown bodies) is inserted with the
 * :none modifier, on purpose, and only there.
 *
 * Threads: load every template first (tmpl_load, single-threaded); after
 * that tmpl_expand may be called from many threads at once.
 */

#include <stddef.h>

struct buf;
struct diag;

struct tmpl;
struct tmpl_dict;

/* roots are copied. Caller frees with tmpl_free(). */
struct tmpl *tmpl_new(const char *const *roots, size_t nroots);
void tmpl_free(struct tmpl *t);

/*
 * Load and parse one template (and, recursively, nothing else: includes
 * are loaded on their own). A missing file or a syntax error is recorded
 * with the file's path as found (e.g. "templates/case.tpl:3: error: ...")
 * and -1 returned. Loading twice is cheap.
 */
int tmpl_load(struct tmpl *t, const char *name, struct diag *d);
/* Load every *.tpl file under every root; -1 if any failed. */
int tmpl_load_all(struct tmpl *t, struct diag *d);

/* Path of the file name resolves to (first root that has it), or NULL. */
const char *tmpl_path(struct tmpl *t, const char *name);

/*
 * Expand the loaded template name with dict, appending to out. Returns 0,
 * or -1 with a diagnostic naming the template.
 */
int tmpl_expand(struct tmpl *t, const char *name,
		const struct tmpl_dict *dict, struct buf *out, struct diag *d);

/*
 * The names a template uses: variables, sections and includes, sorted and
 * unique, as a NULL-terminated array. Caller frees with tmpl_names_free().
 */
char **tmpl_names(struct tmpl *t, const char *name);
void tmpl_names_free(char **names);

/*
 * Dictionaries. A dictionary owns its sections and includes; only the
 * top one is freed, with tmpl_dict_free(). Values are copied.
 * Each dictionary remembers every key it was given (also in sections and
 * includes), for `showcase check` (tmpl_dict_keys).
 */
struct tmpl_dict *tmpl_dict_new(const char *name);
void tmpl_dict_free(struct tmpl_dict *d);
void tmpl_dict_set(struct tmpl_dict *d, const char *key, const char *value);
void tmpl_dict_setn(struct tmpl_dict *d, const char *key, const char *value,
		    size_t len);
void tmpl_dict_setint(struct tmpl_dict *d, const char *key, long long value);
/* Show a section once, with no values of its own. */
void tmpl_dict_show(struct tmpl_dict *d, const char *section);
/* Add one repetition of a section; the result is owned by d. */
struct tmpl_dict *tmpl_dict_section(struct tmpl_dict *d, const char *section);
/*
 * Fill the include marker {{>name}} with the template file; the result
 * (owned by d) is the included template's own dictionary: ctemplate does
 * not look up values across an include.
 */
struct tmpl_dict *tmpl_dict_include(struct tmpl_dict *d, const char *name,
				    const char *file);

/*
 * Every key, section and include name given to d or any dictionary under
 * it, added to the set keys (a NULL-terminated, sorted, unique array that
 * this call may reallocate; start from NULL; free with tmpl_names_free()).
 */
void tmpl_dict_keys(const struct tmpl_dict *d, char ***keys);

#endif
