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
 * ({{%AUTOESCAPE context="HTML"}}, or "XML" / "JAVASCRIPT" / "JSON" /
 * "CSS" for feeds, scripts and styles; only comments may come before it);
 * one without it is an error, so nothing is inserted unescaped by
 * accident. Under the pragma ctemplate picks each variable's escaping
 * from where it stands: {{X}} in HTML text or a quoted attribute is
 * HTML-escaped (< > & " ' become &lt; &gt; &amp; &quot; &#39;; Chinese
 * text is left as it is); at the start of a URL attribute (href="{{X}}")
 * it is also checked as a URL, and anything but a relative URL or
 * http(s) becomes "#"; in <script> it is JavaScript-escaped. An unquoted
 * URL attribute (href={{X}}) is a load error. {{X:none}} is inserted
 * raw: ctemplate adds no escaping after a final :none. Pre-rendered HTML
 * (Markdown bodies) is inserted that way, on purpose, and only there.
 *
 * Threads: load every template first (tmpl_load, single-threaded: it
 * captures what ctemplate writes to std::cerr); after that tmpl_expand
 * and tmpl_names may be called from many threads at once. Dictionaries
 * are built by one thread each; a finished one may be expanded by many.
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
 * with the file's path as found and -1 returned, e.g.
 *   templates/case.tpl:3:13: error: template syntax error: unknown modifier for variable TITLE: 'nosuchmod'
 *   templates/case.tpl:1: error: template has no AUTOESCAPE pragma; add {{%AUTOESCAPE context="HTML"}} as its first line
 *   case.tpl: error: template not found in site/templates, /usr/share/showcase/templates
 * ctemplate gives no positions; the line is found by parsing prefixes of
 * the file, the column where the marker can be found (else none). A
 * user-defined modifier (x-anything) is an error too: showcase defines
 * none. Loading twice is cheap and reports nothing the second time.
 */
int tmpl_load(struct tmpl *t, const char *name, struct diag *d);
/*
 * Load every *.tpl file under every root, in sorted order of names; a
 * default that a site overrides is not read. A root that does not exist
 * is skipped. -1 if any failed.
 */
int tmpl_load_all(struct tmpl *t, struct diag *d);

/*
 * Path of the file name resolves to (first root that has it, joined as
 * given: "templates/case.tpl"), or NULL. The string belongs to t.
 */
const char *tmpl_path(struct tmpl *t, const char *name);

/*
 * Expand the loaded template name with dict (NULL: an empty one),
 * appending to out. Returns 0, or -1 with a diagnostic naming the
 * template and out as it was. The template and every file given to
 * tmpl_dict_include() in dict's tree must have loaded without error:
 * expansion never reads a file.
 */
int tmpl_expand(struct tmpl *t, const char *name,
		const struct tmpl_dict *dict, struct buf *out, struct diag *d);

/*
 * The names a template uses itself (not its includes): variables,
 * sections (with their _separator sections) and includes, as ctemplate's
 * make_tpl_varnames_h would list them (without the built-in BI_SPACE and
 * BI_NEWLINE), sorted and unique, as a NULL-terminated array; NULL when
 * name was not loaded without error. Caller frees with tmpl_names_free().
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
 * The names are kept in one set per top dictionary, so for a section or
 * include dictionary this gives the names of its whole tree.
 */
void tmpl_dict_keys(const struct tmpl_dict *d, char ***keys);

#endif
