/*
 * Every output path, spelled once (routes.h). Paths are built from names
 * that passed routes_name_check(): nothing here cleans or escapes, so a
 * name is cleaned in one place only.
 */
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "routes.h"
#include "util.h"

static const char *roots[] = {
	"", "../", "../../", "../../../", "../../../../",
};

const char *
routes_root(int depth)
{
	if (depth < 0)
		depth = 0;
	if (depth >= (int)(sizeof(roots) / sizeof(roots[0])))
		depth = (int)(sizeof(roots) / sizeof(roots[0])) - 1;
	return roots[depth];
}

int
routes_depth(const char *path)
{
	int n = 0;

	for (; *path; path++)
		n += *path == '/';
	return n;
}

char *
routes_list_page(const char *first, int pageno)
{
	const char *slash = strrchr(first, '/');
	size_t dirlen = slash ? (size_t)(slash - first) + 1 : 0;

	if (pageno <= 1)
		return xstrdup(first);
	return xasprintf("%.*spage-%d.html", (int)dirlen, first, pageno);
}

char *
routes_page(enum routes_page kind, const char *slug)
{
	switch (kind) {
	case ROUTES_CASE:
		return xasprintf("cases/%s.html", slug);
	case ROUTES_BULLETIN:
		return xasprintf("bulletins/%s.html", slug);
	case ROUTES_PAGE:
		break;
	}
	return xasprintf("%s.html", slug);
}

char *
routes_term(enum routes_term kind, const char *name)
{
	static const char *const folder[] = {
		[ROUTES_TAG] = "tags", [ROUTES_REGION] = "regions",
		[ROUTES_BELT] = "belts", [ROUTES_BRAND] = "brands",
	};

	return xasprintf("%s/%s/index.html", folder[kind], name);
}

char *
routes_year(int year)
{
	return xasprintf("stats/%d.html", year);
}

char *
routes_brochure(int year)
{
	return xasprintf("brochure/%d.html", year);
}

char *
routes_print(const char *url)
{
	size_t n = strlen(url);

	if (n > 5 && !strcmp(url + n - 5, ".html"))
		n -= 5;
	return xasprintf("%.*s-print.html", (int)n, url);
}

char *
routes_pdf(const char *html)
{
	size_t n = strlen(html);

	if (n >= 11 && !strcmp(html + n - 11, "-print.html"))
		n -= 11;
	else if (n >= 5 && !strcmp(html + n - 5, ".html"))
		n -= 5;
	return xasprintf("%.*s.pdf", (int)n, html);
}

/* --- Names that become file names. --- */

/* A Windows device: con, prn, aux, nul, com0..com9, lpt0..lpt9 (and com¹,
 * com², com³ ...), in any case, alone or before a '.' ("nul.html"). */
static int
is_device(const char *name)
{
	static const char *const dev[] = { "con", "prn", "aux", "nul" };
	const unsigned char *s = (const unsigned char *)name;
	size_t n = strcspn(name, ".");
	size_t i;

	for (; n && name[n - 1] == ' '; n--)
		;
	for (i = 0; i < sizeof(dev) / sizeof(dev[0]); i++)
		if (n == 3 && !strncasecmp(name, dev[i], 3))
			return 1;
	if (n < 4 || (strncasecmp(name, "com", 3) && strncasecmp(name, "lpt", 3)))
		return 0;
	if (n == 4)
		return s[3] >= '0' && s[3] <= '9';
	return n == 5 && s[3] == 0xC2 &&
	       (s[4] == 0xB9 || s[4] == 0xB2 || s[4] == 0xB3);
}

int
routes_name_check(const char *name, struct buf *why)
{
	const unsigned char *s = (const unsigned char *)name;
	size_t len = strlen(name), i;

	buf_reset(why);
	if (!len) {
		BUF_ADDLIT(why, "it is empty");
	} else if (!strcmp(name, ".") || !strcmp(name, "..")) {
		BUF_ADDLIT(why, "\".\" and \"..\" are the folder itself and the one above");
	} else if (strchr(name, '/')) {
		BUF_ADDLIT(why, "'/' separates folders");
	} else if (strchr(name, '\\')) {
		BUF_ADDLIT(why, "'\\' separates folders on Windows");
	} else if (len > ROUTES_NAME_MAX) {
		buf_addf(why, "it has %zu bytes, more than the %d a name may have (a Chinese character takes 3)",
			 len, ROUTES_NAME_MAX);
	} else if (name[0] == '.') {
		BUF_ADDLIT(why, "a name that starts with '.' is a hidden file");
	} else if (name[len - 1] == '.' || name[len - 1] == ' ') {
		BUF_ADDLIT(why, "Windows drops a '.' or space at the end of a file name");
	} else if (is_device(name)) {
		buf_addf(why, "\"%.*s\" is a device on Windows",
			 (int)strcspn(name, ". "), name);
	}
	for (i = 0; !why->len && i < len; i++) {
		unsigned c = s[i];

		/* C1 controls are U+0080..U+009F: 0xC2 0x80..0x9F in UTF-8. */
		if (c == 0xC2 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F)
			buf_addf(why, "it holds the control character U+%04X", s[i + 1]);
		else if (c < 0x20 || c == 0x7F)
			buf_addf(why, "it holds the control character U+%04X", c);
		else if (strchr(":*?\"<>|", (int)c))
			buf_addf(why, "Windows and USB sticks (FAT, exFAT) do not allow '%c' in file names",
				 (int)c);
		else if (c == '#' || c == '%')
			buf_addf(why, "'%c' has a meaning of its own in URLs", (int)c);
	}
	return why->len ? -1 : 0;
}
