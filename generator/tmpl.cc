/*
 * The ctemplate bridge, the one C++ file of showcase.
 *
 * ctemplate reports problems by writing to std::cerr and returning false,
 * without positions. Loading therefore parses each template once more on
 * its own, with std::cerr captured, turns what ctemplate wrote into
 * diagnostics, and finds the line by parsing ever longer prefixes of the
 * file until the same error appears: the position comes from ctemplate's
 * own parser, not from a second one written here. Loading is
 * single-threaded (tmpl.h), which is what makes swapping std::cerr's
 * buffer safe.
 *
 * Templates enter the cache as strings (StringToTemplateCache) under
 * their names, from the text that src_load() checked: the cache then never
 * reads a file during expansion, and what is expanded is exactly what was
 * checked. The roots are still given to the cache, so that its own
 * resolution agrees with tmpl_path().
 */

#include <ctemplate/template.h>
#include <ctemplate/template_cache.h>
#include <ctemplate/template_dictionary.h>
#include <ctemplate/template_emitter.h>

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include <cctype>
#include <cstdio>
#include <exception>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

extern "C" {
#include "buf.h"
#include "diag.h"
#include "src.h"
#include "tmpl.h"
#include "util.h"
}

namespace {

const ctemplate::Strip kStrip = ctemplate::STRIP_BLANK_LINES;

/*
 * Appended as {{/SHOWCASE_PROBE_}} to a template that ends inside a
 * section, it makes ctemplate name the section it is in.
 */
const char kProbe[] = "SHOWCASE_PROBE_";

struct entry {
	std::string path;	/* as shown in diagnostics */
	bool ok;
	std::vector<std::string> names;
};

/*
 * What the top dictionary and all the dictionaries under it were given:
 * names for `showcase check`, include files for tmpl_expand to make sure
 * the cache will not go to the disk for one.
 */
struct shared_keys {
	std::set<std::string> keys;
	std::set<std::string> files;
};

} // namespace

struct tmpl {
	std::vector<std::string> roots;
	ctemplate::TemplateCache cache;
	std::map<std::string, entry> entries;
	/* tmpl_path() may resolve names nobody loaded. */
	std::mutex paths_mu;
	std::map<std::string, std::string> paths;
};

struct tmpl_dict {
	ctemplate::TemplateDictionary *dict;
	std::unique_ptr<ctemplate::TemplateDictionary> owned;
	shared_keys *shared;
	std::unique_ptr<shared_keys> owned_shared;
	std::vector<std::unique_ptr<tmpl_dict>> children;
};

namespace {

/* Everything ctemplate logs while one of these lives goes to text. */
class cerr_capture {
public:
	cerr_capture() : old_(std::cerr.rdbuf(text_.rdbuf())) {}
	~cerr_capture() { std::cerr.rdbuf(old_); }
	std::string str() const { return text_.str(); }

private:
	std::ostringstream text_;
	std::streambuf *old_;
	cerr_capture(const cerr_capture &);
	void operator=(const cerr_capture &);
};

/*
 * A Template parsed from memory, as StringToTemplate() does, but under a
 * file name of our choosing: WriteHeaderEntries() keeps, in a static,
 * the names it has already written for the file it was last called on,
 * so each parse needs a name of its own or a second call on the same
 * template would list nothing. The name also makes the prefix of
 * ctemplate's log lines known exactly.
 */
class parsed_template : public ctemplate::Template {
public:
	parsed_template()
	    : ctemplate::Template(ctemplate::TemplateString("", 0), kStrip,
				  NULL) {}

	bool parse(const char *text, size_t len, const std::string &id)
	{
		char *b = new char[len + 1];
		size_t n = len;

		resolved_filename_ = id;
		memcpy(b, text, len);
		StripBuffer(&b, &n);
		return BuildTree(b, b + n); /* takes b */
	}
};

std::mutex parse_mu;
unsigned long parse_count;

struct parse_result {
	std::unique_ptr<parsed_template> tpl; /* NULL on a syntax error */
	std::string id;
	std::string log;
};

void
parse(const char *text, size_t len, parse_result *r)
{
	std::unique_ptr<parsed_template> t(new parsed_template);
	bool ok;

	{
		std::lock_guard<std::mutex> lock(parse_mu);
		r->id = "showcase-template-" + std::to_string(++parse_count);
	}
	{
		cerr_capture cap;

		ok = t->parse(text, len, r->id);
		r->log = cap.str();
	}
	if (ok)
		r->tpl = std::move(t);
}

/* One thing ctemplate logged, without its "ERROR: Template x: " dressing. */
struct logged {
	bool error;
	std::string msg;
};

std::vector<logged>
split_log(const std::string &log, const std::string &id)
{
	const std::string tpl_prefix = "Template " + id + ": ERROR: ";
	std::vector<logged> out;
	size_t pos = 0;

	while (pos < log.size()) {
		size_t end = pos, next;
		bool error = log.compare(pos, 7, "ERROR: ") == 0;
		std::string msg;

		/*
		 * A record runs to the next line that starts a new one;
		 * the lines between belong to it ("Found: X" and the like).
		 */
		for (;;) {
			end = log.find('\n', end);
			if (end == std::string::npos) {
				end = log.size();
				next = end;
				break;
			}
			next = end + 1;
			if (next >= log.size() ||
			    log.compare(next, 7, "ERROR: ") == 0 ||
			    log.compare(next, 9, "WARNING: ") == 0)
				break;
			end = next;
		}
		msg = log.substr(pos, end - pos);
		if (msg.compare(0, 7, "ERROR: ") == 0)
			msg.erase(0, 7);
		else if (msg.compare(0, 9, "WARNING: ") == 0)
			msg.erase(0, 9);
		if (msg.compare(0, tpl_prefix.size(), tpl_prefix) == 0)
			msg.erase(0, tpl_prefix.size());
		if (!msg.empty())
			out.push_back(logged{error, msg});
		pos = next;
	}
	return out;
}

std::string
first_error(const parse_result &r)
{
	for (const logged &l : split_log(r.log, r.id))
		if (l.error)
			return l.msg;
	return "";
}

std::string
first_line(const std::string &s)
{
	return s.substr(0, s.find('\n'));
}

bool
starts_with(const std::string &s, const char *prefix)
{
	return s.compare(0, strlen(prefix), prefix) == 0;
}

/* The text between the first `open` and the next `close` after it. */
std::string
between(const std::string &s, const char *open, const char *close)
{
	size_t a = s.find(open), b;

	if (a == std::string::npos)
		return "";
	a += strlen(open);
	b = s.find(close, a);
	if (b == std::string::npos)
		b = s.size();
	return s.substr(a, b - a);
}

/* Our message style: lowercase first word, no full stop. */
std::string
tidy(std::string s)
{
	if (s.size() >= 1 && isupper((unsigned char)s[0]) &&
	    (s.size() == 1 || !isupper((unsigned char)s[1])))
		s[0] = (char)tolower((unsigned char)s[0]);
	while (!s.empty() && (s.back() == '.' || s.back() == '\n' ||
			      s.back() == ' '))
		s.pop_back();
	return s;
}

std::string
shorten(const std::string &s)
{
	std::string line = first_line(s);

	if (line.size() > 40) {
		size_t n = 40;

		/* Do not cut a UTF-8 sequence (Chinese text) in half. */
		while (n > 0 && ((unsigned char)line[n] & 0xC0) == 0x80)
			n--;
		line = line.substr(0, n) + "...";
	}
	return line;
}

/*
 * ctemplate's message, reworded where it is unclear or multi-line, and
 * the text whose place in the line is the column (empty: whole line).
 */
void
reword(const std::string &raw, std::string *msg, std::string *needle)
{
	needle->clear();
	if (starts_with(raw, "Found end of different section")) {
		std::string found = between(raw, "\nFound: ", "\n");
		std::string in = between(raw, "\nIn: ", "\n");

		if (in == "__{{MAIN}}__")
			*msg = "end of section \"" + found +
			       "\" without its start";
		else
			*msg = "end of section \"" + found +
			       "\" inside section \"" + in + "\"";
		*needle = "{{/" + found;
	} else if (starts_with(raw, "Invalid delimiter-setting command")) {
		std::string found = between(raw, "\nFound: ", "\n");

		*msg = "invalid delimiter-setting command \"{{" + found +
		       "}}\"";
		*needle = "{{" + found;
	} else if (starts_with(raw, "Auto-Escape: Failed parsing: ")) {
		std::string text = raw.substr(strlen(
			"Auto-Escape: Failed parsing: "));
		size_t in = text.rfind("\nIn: ");

		if (in != std::string::npos)
			text.erase(in);
		*msg = "auto-escape: cannot parse the HTML \"" +
		       shorten(text) + "\"";
	} else if (starts_with(raw, "Auto-Escape: ")) {
		*msg = "auto-escape: " +
		       tidy(raw.substr(strlen("Auto-Escape: ")));
	} else if (starts_with(raw, "No ending '")) {
		std::string end = between(raw, "No ending '", "'");
		std::string name = between(raw, "starting with '", "\n");

		if (!name.empty() && name.back() == '\'')
			name.pop_back();
		*msg = "no ending '" + end + "' for the marker starting with '" +
		       shorten(name) + "'";
		*needle = first_line(name);
	} else if (starts_with(raw, "In PRAGMA directive '")) {
		size_t e = raw.find("' Error: ");

		if (e == std::string::npos) {
			*msg = tidy(raw);
		} else {
			*msg = "in PRAGMA directive '" +
			       raw.substr(21, e - 21) + "': " +
			       tidy(raw.substr(e + 9));
		}
		*needle = "{{%";
	} else if (starts_with(raw, "Invalid context in Pragma")) {
		*msg = "invalid context in AUTOESCAPE pragma (use HTML, XML, "
		       "JAVASCRIPT, JSON or CSS)";
		*needle = "{{%";
	} else if (starts_with(raw, "Unsupported state '")) {
		*msg = "unsupported state '" + between(raw, "'", "'") +
		       "' in AUTOESCAPE pragma";
		*needle = "{{%";
	} else if (starts_with(raw, "Pragma marker must be at the top")) {
		*msg = tidy(raw);
		*needle = "{{%";
	} else if (starts_with(raw, "Unknown modifier for variable ") ||
		   starts_with(raw, "Modifier for variable ")) {
		std::string mod = between(raw, "'", "'");

		*msg = tidy(raw);
		if (starts_with(raw, "Modifier")) {
			size_t c = raw.find(':');
			size_t sp = raw.find(' ', c);

			if (c != std::string::npos && sp != std::string::npos)
				mod = raw.substr(c + 1, sp - c - 1);
		}
		*needle = ":" + mod;
	} else if (starts_with(raw, "Illegal name in template '")) {
		std::string name = between(raw, "'", "'");

		*msg = "illegal name in marker '" + shorten(name) + "'";
		*needle = first_line(name);
	} else if (raw.find("malformed: only variables") != std::string::npos) {
		size_t m = raw.find("malformed: ");

		*msg = "'" + raw.substr(0, m) + "' " + tidy(raw.substr(m));
		*needle = raw.substr(0, m);
	} else {
		std::string s = raw;
		size_t nl;

		while ((nl = s.find('\n')) != std::string::npos)
			s.replace(nl, 1, "; ");
		*msg = tidy(s);
	}
}

/* Whether the first n lines of s alone give an error starting with head. */
bool
prefix_fails(const struct src &s, size_t n, const std::string &head)
{
	parse_result r;

	parse(s.text.ptr, src_line_offset(&s, (int)n + 1), &r);
	return !r.tpl && first_line(first_error(r)) == head;
}

/*
 * The line of the error ctemplate reported for the whole file: the first
 * prefix of whole lines that gives the same message. A prefix parses like
 * the file up to where it ends, so the error appears in every prefix that
 * holds its line and in none shorter (errors the cut itself causes, a
 * marker or a section left open, have other messages): a binary search
 * finds it. Only first lines are compared: a message that quotes text up
 * to the end of the file ("No ending '}}' when parsing name starting
 * with ...") differs in every prefix after its first line.
 */
int
error_line(const struct src &s, const std::string &raw)
{
	const std::string head = first_line(raw);
	size_t lo = 1, hi = s.nlines;

	if (!prefix_fails(s, hi, head))
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (prefix_fails(s, mid, head))
			hi = mid;
		else
			lo = mid + 1;
	}
	return (int)lo;
}

/* Column of needle in 1-based line, or 0 when it is not there. */
int
needle_col(const struct src &s, int line, const std::string &needle)
{
	size_t a, b;
	std::string text;
	size_t at;
	int l, c;

	if (line < 1 || needle.empty())
		return 0;
	a = src_line_offset(&s, line);
	b = src_line_offset(&s, line + 1);
	text.assign(s.text.ptr + a, b - a);
	at = text.find(needle);
	if (at == std::string::npos)
		return 0;
	src_pos(&s, a + at, &l, &c);
	return c;
}

/* Position of the last "{{#name}}" in the file. */
void
section_start(const struct src &s, const std::string &name, int *line,
	      int *col)
{
	std::string text(s.text.ptr, s.text.len);
	size_t at = text.rfind("{{#" + name + "}}");

	*line = 0;
	*col = 0;
	if (at != std::string::npos)
		src_pos(&s, at, line, col);
}

void
report_parse_error(const struct src &s, const parse_result &r,
		   struct diag *d)
{
	bool any = false;

	for (const logged &l : split_log(r.log, r.id)) {
		std::string msg, needle;
		int line = 0, col = 0;

		if (!l.error) {
			diag_warn(d, s.path, 0, 0, "template warning: %s",
				  tidy(l.msg).c_str());
			continue;
		}
		if (any)
			continue; /* ctemplate stops at the first */
		any = true;
		if (starts_with(l.msg, "File ended before all sections")) {
			std::string probe(s.text.ptr, s.text.len);
			parse_result pr;
			std::string in;

			probe += std::string("{{/") + kProbe + "}}";
			parse(probe.data(), probe.size(), &pr);
			in = between(first_error(pr), "\nIn: ", "\n");
			if (!in.empty() && in != "__{{MAIN}}__") {
				msg = "section \"" + in + "\" is not closed";
				section_start(s, in, &line, &col);
			} else {
				msg = "file ended before all sections were "
				      "closed";
			}
		} else {
			reword(l.msg, &msg, &needle);
			line = error_line(s, l.msg);
			col = needle_col(s, line, needle);
		}
		diag_error(d, s.path, line, col, "template syntax error: %s",
			   msg.c_str());
	}
	if (!any)
		diag_error(d, s.path, 0, 0, "template syntax error");
}

/*
 * The parse tree as ctemplate dumps it, read for what the names do not
 * say: whether the first node is the AUTOESCAPE pragma, and the
 * modifiers of each variable. Text nodes are skipped whole: they are
 * written as -->|text|<-- and the text may span lines.
 */
struct dump_info {
	bool pragma_first;
	std::vector<std::pair<std::string, std::string>> vars; /* name, mods */
	std::vector<std::string> includes;
};

dump_info
read_dump(const parsed_template &t)
{
	dump_info info;
	std::string dump;
	std::istringstream in;
	std::string line;
	bool first = true, in_text = false;

	info.pragma_first = false;
	t.DumpToString("", &dump);
	in.str(dump);
	while (std::getline(in, line)) {
		size_t p = line.find_first_not_of(' ');
		std::string node;

		if (in_text) {
			if (line.size() >= 4 &&
			    !line.compare(line.size() - 4, 4, "|<--"))
				in_text = false;
			continue;
		}
		if (p == std::string::npos || p < 4)
			continue; /* banner lines and the main section */
		node = line.substr(p);
		if (first) {
			info.pragma_first = starts_with(node, "Pragma Node: ");
			first = false;
		}
		if (starts_with(node, "Text Node: -->|") ||
		    starts_with(node, "Pragma Node: -->|")) {
			std::string rest = node.substr(node.find("-->|") + 4);

			in_text = rest.size() < 4 ||
				  rest.compare(rest.size() - 4, 4, "|<--");
		} else if (starts_with(node, "Variable Node: ")) {
			std::string v = node.substr(15);
			size_t c = v.find(':');

			if (c == std::string::npos)
				info.vars.emplace_back(v, "");
			else
				info.vars.emplace_back(v.substr(0, c),
						       v.substr(c));
		} else if (starts_with(node, "Template Node: ")) {
			info.includes.push_back(node.substr(15));
		}
	}
	return info;
}

/*
 * ctemplate accepts any modifier named x-something as a user-defined one
 * that does nothing; showcase defines none, so each is a typo.
 */
std::string
x_modifier(const std::string &mods)
{
	size_t pos = 0;

	while (pos < mods.size()) {
		size_t next = mods.find(':', pos + 1);
		std::string mod = mods.substr(pos + 1, next == std::string::npos
						      ? std::string::npos
						      : next - pos - 1);

		mod = mod.substr(0, mod.find('='));
		if (starts_with(mod, "x-"))
			return mod;
		if (next == std::string::npos)
			break;
		pos = next;
	}
	return "";
}

/*
 * Where a marker of name uses modifier mod ({{NAME:mod}}), at the colon
 * before mod; with mod empty, where a marker of name uses any x-
 * modifier ({{>NAME:x-a}}), at the name; npos when there is none. For
 * the position only: ctemplate has parsed the file.
 */
size_t
find_marker(const std::string &text, const std::string &name,
	    const std::string &mod)
{
	const std::string open = name + ":";

	for (size_t p = text.find(open); p != std::string::npos;
	     p = text.find(open, p + 1)) {
		size_t e = text.find_first_of("}\n", p);
		std::string mods = text.substr(p + name.size(),
					       e == std::string::npos
						       ? std::string::npos
						       : e - p - name.size());
		size_t m;

		if (p > 0 && (isalnum((unsigned char)text[p - 1]) ||
			      text[p - 1] == '_'))
			continue;
		if (mod.empty()) {
			if (!x_modifier(mods).empty())
				return p;
			continue;
		}
		m = (mods + ":").find(":" + mod + ":");
		if (m == std::string::npos)
			m = (mods + ":").find(":" + mod + "=");
		if (m != std::string::npos)
			return p + name.size() + m;
	}
	return std::string::npos;
}

std::vector<std::string>
header_names(const parsed_template &t)
{
	std::string h;
	std::istringstream in;
	std::string line;
	std::set<std::string> names;

	{
		/* WriteHeaderEntries' static state is not ours alone. */
		std::lock_guard<std::mutex> lock(parse_mu);
		t.WriteHeaderEntries(&h);
	}
	in.str(h);
	while (std::getline(in, line)) {
		size_t a = line.find("STS_INIT_WITH_HASH(");
		size_t q;

		if (a == std::string::npos)
			continue;
		a = line.find(", \"", a);
		if (a == std::string::npos)
			continue;
		a += 3;
		q = line.find('"', a);
		if (q != std::string::npos && q > a)
			names.insert(line.substr(a, q - a));
	}
	return std::vector<std::string>(names.begin(), names.end());
}

std::string
roots_text(const struct tmpl *t)
{
	std::string s;

	for (const std::string &r : t->roots) {
		if (!s.empty())
			s += ", ";
		s += r;
	}
	return s;
}

/* The first root's file of that name, or "". */
std::string
resolve(const struct tmpl *t, const char *name)
{
	for (const std::string &r : t->roots) {
		char *p = path_join(r.c_str(), name);
		std::string path(p);

		free(p);
		if (file_exists(path.c_str()))
			return path;
	}
	return "";
}

/*
 * Check the text of a found template and parse it into e; 0 or -1 with
 * the diagnostics recorded.
 */
int
check_template(struct tmpl *t, const char *name, const struct src &s,
	       entry *e, struct diag *d)
{
	const std::string text(s.text.ptr, s.text.len);
	std::set<std::string> seen; /* one report per marker name */
	parse_result r;
	dump_info info;
	int rc = 0;

	parse(s.text.ptr, s.text.len, &r);
	if (!r.tpl) {
		report_parse_error(s, r, d);
		return -1;
	}
	for (const logged &l : split_log(r.log, r.id))
		diag_warn(d, s.path, 0, 0, "template warning: %s",
			  tidy(l.msg).c_str());
	info = read_dump(*r.tpl);
	if (!info.pragma_first) {
		diag_error(d, s.path, 1, 0,
			   "template has no AUTOESCAPE pragma; add "
			   "{{%%AUTOESCAPE context=\"HTML\"}} as its first "
			   "line");
		rc = -1;
	}
	for (const auto &v : info.vars) {
		std::string mod = x_modifier(v.second);
		size_t at;
		int line = 0, col = 0;

		if (mod.empty() || !seen.insert(v.first + ":" + mod).second)
			continue;
		at = find_marker(text, v.first, mod);
		if (at != std::string::npos)
			src_pos(&s, at, &line, &col);
		diag_error(d, s.path, line, col,
			   "template syntax error: unknown modifier for "
			   "variable %s: '%s'",
			   v.first.c_str(), mod.c_str());
		rc = -1;
	}
	/* The dump does not show an include's modifiers: read the markers. */
	for (const std::string &inc : info.includes) {
		size_t at = find_marker(text, ">" + inc, "");
		std::string mods, mod;
		int line, col;

		if (at == std::string::npos || !seen.insert(">" + inc).second)
			continue;
		mods = text.substr(at + inc.size() + 1);
		mods = mods.substr(0, mods.find_first_of("}\n"));
		mod = x_modifier(mods);
		src_pos(&s, at, &line, &col);
		diag_error(d, s.path, line, col,
			   "template syntax error: unknown modifier for "
			   "include %s: '%s'",
			   inc.c_str(), mod.c_str());
		rc = -1;
	}
	if (rc < 0)
		return -1;
	e->names = header_names(*r.tpl);

	{
		cerr_capture cap;
		bool ok = t->cache.StringToTemplateCache(
			name, s.text.ptr, s.text.len, kStrip);

		if (!ok) {
			diag_error(d, s.path, 0, 0,
				   "template cannot be cached: %s",
				   tidy(cap.str()).c_str());
			return -1;
		}
	}
	return 0;
}

int
load(struct tmpl *t, const char *name, struct diag *d)
{
	auto found = t->entries.find(name);
	struct src s;
	entry e;
	int rc;

	if (found != t->entries.end())
		return found->second.ok ? 0 : -1;
	e.ok = false;
	e.path = resolve(t, name);
	if (e.path.empty()) {
		if (t->roots.empty())
			diag_error(d, name, 0, 0,
				   "template not found: there is no template folder (a site's templates/ or the installed defaults)");
		else
			diag_error(d, name, 0, 0,
				   "template not found in %s; the installed defaults may be missing (SHOWCASE_DATADIR)",
				   roots_text(t).c_str());
		t->entries[name] = e;
		return -1;
	}
	rc = src_load(&s, e.path.c_str(), e.path.c_str(), SRC_TEMPLATE, d);
	if (rc == 0) {
		try {
			rc = check_template(t, name, s, &e, d);
		} catch (...) {
			src_release(&s);
			throw;
		}
	}
	src_release(&s);
	e.ok = rc == 0;
	t->entries[name] = e;
	return rc;
}

/* Names of the *.tpl files under dir, relative to root, into out. */
int
walk(const std::string &root, const std::string &rel,
     std::set<std::string> *out, struct diag *d)
{
	std::string dir = rel.empty() ? root : root + "/" + rel;
	DIR *dp = opendir(dir.c_str());
	struct dirent *de;
	int rc = 0;

	if (!dp) {
		if (errno == ENOENT && rel.empty())
			return 0; /* a site need not have templates */
		diag_error(d, dir.c_str(), 0, 0,
			   "cannot read template folder: %s", strerror(errno));
		return -1;
	}
	while ((de = readdir(dp))) {
		std::string n = de->d_name;
		std::string sub = rel.empty() ? n : rel + "/" + n;
		std::string full = root + "/" + sub;
		struct stat st;

		if (n[0] == '.')
			continue;
		if (stat(full.c_str(), &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (walk(root, sub, out, d) < 0)
				rc = -1;
		} else if (S_ISREG(st.st_mode) && n.size() > 4 &&
			   !n.compare(n.size() - 4, 4, ".tpl")) {
			out->insert(sub);
		}
	}
	closedir(dp);
	return rc;
}

/* Appends the expansion straight to the caller's buffer. */
class buf_emitter : public ctemplate::ExpandEmitter {
public:
	explicit buf_emitter(struct buf *b) : b_(b) {}
	void Emit(char c) override { buf_addch(b_, c); }
	void Emit(const std::string &s) override
	{
		buf_add(b_, s.data(), s.size());
	}
	void Emit(const char *s) override { buf_addstr(b_, s); }
	void Emit(const char *s, size_t n) override { buf_add(b_, s, n); }

private:
	struct buf *b_;
};

/*
 * For functions that have no diagnostics to record into: what can be
 * thrown here is out of memory, which is fatal as with xmalloc.
 */
[[noreturn]] void
fatal(const char *where)
{
	try {
		throw;
	} catch (const std::exception &ex) {
		die("%s: %s", where, ex.what());
	} catch (...) {
		die("%s: unknown C++ exception", where);
	}
}

std::string
exception_text()
{
	try {
		throw;
	} catch (const std::exception &ex) {
		return ex.what();
	} catch (...) {
		return "unknown C++ exception";
	}
}

tmpl_dict *
child(tmpl_dict *parent, ctemplate::TemplateDictionary *dict)
{
	std::unique_ptr<tmpl_dict> c(new tmpl_dict);

	c->dict = dict;
	c->shared = parent->shared;
	parent->children.push_back(std::move(c));
	return parent->children.back().get();
}

} // namespace

extern "C" {

struct tmpl *
tmpl_new(const char *const *roots, size_t nroots)
{
	try {
		std::unique_ptr<tmpl> t(new tmpl);

		for (size_t i = 0; i < nroots; i++)
			t->roots.push_back(roots[i]);
		if (nroots > 0)
			t->cache.SetTemplateRootDirectory(roots[0]);
		for (size_t i = 1; i < nroots; i++)
			t->cache.AddAlternateTemplateRootDirectory(roots[i]);
		return t.release();
	} catch (...) {
		fatal("tmpl_new");
	}
}

void
tmpl_free(struct tmpl *t)
{
	try {
		if (t)
			t->cache.ClearCache();
		delete t;
	} catch (...) {
		fatal("tmpl_free");
	}
}

int
tmpl_load(struct tmpl *t, const char *name, struct diag *d)
{
	try {
		return load(t, name, d);
	} catch (...) {
		diag_error(d, name, 0, 0, "cannot load template: %s",
			   exception_text().c_str());
		return -1;
	}
}

int
tmpl_load_all(struct tmpl *t, struct diag *d)
{
	try {
		std::set<std::string> names;
		int rc = 0;

		for (const std::string &r : t->roots)
			if (walk(r, "", &names, d) < 0)
				rc = -1;
		for (const std::string &n : names)
			if (load(t, n.c_str(), d) < 0)
				rc = -1;
		return rc;
	} catch (...) {
		diag_error(d, roots_text(t).c_str(), 0, 0,
			   "cannot load templates: %s",
			   exception_text().c_str());
		return -1;
	}
}

const char *
tmpl_path(struct tmpl *t, const char *name)
{
	try {
		auto e = t->entries.find(name);

		if (e != t->entries.end())
			return e->second.path.empty() ? NULL
						      : e->second.path.c_str();
		std::lock_guard<std::mutex> lock(t->paths_mu);
		auto p = t->paths.find(name);

		if (p == t->paths.end())
			p = t->paths.emplace(name, resolve(t, name)).first;
		return p->second.empty() ? NULL : p->second.c_str();
	} catch (...) {
		fatal("tmpl_path");
	}
}

int
tmpl_expand(struct tmpl *t, const char *name, const struct tmpl_dict *dict,
	    struct buf *out, struct diag *d)
{
	size_t len = out->len;

	try {
		auto e = t->entries.find(name);
		static const std::set<std::string> no_files;
		const std::set<std::string> &files =
			dict ? dict->shared->files : no_files;
		std::unique_ptr<ctemplate::TemplateDictionary> empty;
		const ctemplate::TemplateDictionary *td;

		if (e == t->entries.end() || !e->second.ok) {
			diag_error(d, name, 0, 0,
				   "template cannot be expanded: it was not "
				   "loaded or has errors");
			return -1;
		}
		if (dict) {
			td = dict->dict;
		} else {
			empty.reset(new ctemplate::TemplateDictionary("empty"));
			td = empty.get();
		}
		/*
		 * An include whose file is not in the cache would make
		 * ctemplate look for it on disk and log to std::cerr, from
		 * whichever thread is expanding.
		 */
		for (const std::string &f : files) {
			auto i = t->entries.find(f);

			if (i == t->entries.end() || !i->second.ok) {
				diag_error(d, e->second.path.c_str(), 0, 0,
					   "included template \"%s\" was not "
					   "loaded or has errors",
					   f.c_str());
				return -1;
			}
		}
		buf_emitter em(out);
		if (!t->cache.ExpandWithData(name, kStrip, td, NULL, &em)) {
			buf_setlen(out, len);
			diag_error(d, e->second.path.c_str(), 0, 0,
				   "template cannot be expanded");
			return -1;
		}
		return 0;
	} catch (...) {
		buf_setlen(out, len);
		diag_error(d, name, 0, 0, "template cannot be expanded: %s",
			   exception_text().c_str());
		return -1;
	}
}

char **
tmpl_names(struct tmpl *t, const char *name)
{
	try {
		auto e = t->entries.find(name);
		char **v;
		size_t i = 0;

		if (e == t->entries.end() || !e->second.ok)
			return NULL;
		v = (char **)xcalloc(e->second.names.size() + 1, sizeof(*v));
		for (const std::string &n : e->second.names)
			v[i++] = xstrdup(n.c_str());
		return v;
	} catch (...) {
		fatal("tmpl_names");
	}
}

void
tmpl_names_free(char **names)
{
	if (!names)
		return;
	for (char **p = names; *p; p++)
		free(*p);
	free(names);
}

struct tmpl_dict *
tmpl_dict_new(const char *name)
{
	try {
		std::unique_ptr<tmpl_dict> d(new tmpl_dict);

		d->owned.reset(new ctemplate::TemplateDictionary(name));
		d->dict = d->owned.get();
		d->owned_shared.reset(new shared_keys);
		d->shared = d->owned_shared.get();
		return d.release();
	} catch (...) {
		fatal("tmpl_dict_new");
	}
}

void
tmpl_dict_free(struct tmpl_dict *d)
{
	delete d;
}

void
tmpl_dict_setn(struct tmpl_dict *d, const char *key, const char *value,
	       size_t len)
{
	try {
		d->dict->SetValue(key, ctemplate::TemplateString(value, len));
		d->shared->keys.insert(key);
	} catch (...) {
		fatal("tmpl_dict_set");
	}
}

void
tmpl_dict_set(struct tmpl_dict *d, const char *key, const char *value)
{
	tmpl_dict_setn(d, key, value, strlen(value));
}

void
tmpl_dict_setint(struct tmpl_dict *d, const char *key, long long value)
{
	char s[32];
	int n = snprintf(s, sizeof(s), "%lld", value);

	tmpl_dict_setn(d, key, s, (size_t)n);
}

void
tmpl_dict_show(struct tmpl_dict *d, const char *section)
{
	try {
		d->dict->ShowSection(section);
		d->shared->keys.insert(section);
	} catch (...) {
		fatal("tmpl_dict_show");
	}
}

struct tmpl_dict *
tmpl_dict_section(struct tmpl_dict *d, const char *section)
{
	try {
		ctemplate::TemplateDictionary *s =
			d->dict->AddSectionDictionary(section);

		d->shared->keys.insert(section);
		return child(d, s);
	} catch (...) {
		fatal("tmpl_dict_section");
	}
}

struct tmpl_dict *
tmpl_dict_include(struct tmpl_dict *d, const char *name, const char *file)
{
	try {
		ctemplate::TemplateDictionary *s =
			d->dict->AddIncludeDictionary(name);

		s->SetFilename(file);
		d->shared->keys.insert(name);
		d->shared->files.insert(file);
		return child(d, s);
	} catch (...) {
		fatal("tmpl_dict_include");
	}
}

void
tmpl_dict_keys(const struct tmpl_dict *d, char ***keys)
{
	try {
		std::set<std::string> all = d->shared->keys;
		char **v;
		size_t i = 0;

		if (*keys)
			for (char **p = *keys; *p; p++)
				all.insert(*p);
		v = (char **)xcalloc(all.size() + 1, sizeof(*v));
		for (const std::string &k : all)
			v[i++] = xstrdup(k.c_str());
		tmpl_names_free(*keys);
		*keys = v;
	} catch (...) {
		fatal("tmpl_dict_keys");
	}
}

} /* extern "C" */
