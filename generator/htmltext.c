#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "buf.h"
#include "htmltext.h"
#include "unicode.h"
#include "util.h"

struct reader {
	struct buf *out, *title;
	unsigned flags;
	int main;   /* depth inside <main>, 0 outside */
	int skip;   /* depth inside a skipped element */
	int h1;     /* inside the first <h1> of <main> */
	int h1done;
};

/* Elements whose text is no part of what a page says. */
static int
skipped(const char *name)
{
	static const char *const names[] = {
		"nav", "script", "style", "figure", "noscript",
		"template", "button", "form",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(name, names[i]))
			return 1;
	return 0;
}

/* Elements after which text does not run on. */
static int
block(const char *name)
{
	static const char *const names[] = {
		"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt",
		"dd", "br", "section", "article", "header", "footer", "tr",
		"td", "th", "blockquote", "pre", "ul", "ol", "dl", "aside",
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcasecmp(name, names[i]))
			return 1;
	return 0;
}

static void
sax_text(void *ctx, const xmlChar *s, int len)
{
	struct reader *r = ctx;

	if (r->flags & HTMLTEXT_MAIN) {
		if (!r->main || r->skip)
			return;
		if (r->h1)
			buf_add(r->title, s, (size_t)len);
	}
	buf_add(r->out, s, (size_t)len);
}

static void
sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct reader *r = ctx;
	const char *n = (const char *)name;

	if (r->flags & HTMLTEXT_MAIN) {
		if (r->main) {
			r->main++;
			if (r->skip || skipped(n))
				r->skip++;
			else if (!strcasecmp(n, "h1") && !r->h1done && r->title)
				r->h1 = r->main;
		} else if (!strcasecmp(n, "main")) {
			r->main = 1;
		}
		return;
	}
	/* Every attribute: alt and title are read aloud, aria-label is
	 * shown, href and src are in the file for anyone to read. */
	for (; atts && atts[0]; atts += 2)
		if (atts[1]) {
			buf_addch(r->out, UNI_PIECE);
			buf_addstr(r->out, (const char *)atts[1]);
			buf_addch(r->out, UNI_PIECE);
		}
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	struct reader *r = ctx;

	if (!(r->flags & HTMLTEXT_MAIN) || !r->main)
		return;
	if (r->h1 == r->main) {
		r->h1 = 0;
		r->h1done = 1;
	}
	if (r->skip)
		r->skip--;
	else if (block((const char *)name) && r->out->len &&
		 r->out->ptr[r->out->len - 1] != '\n')
		buf_addch(r->out, '\n');
	r->main--;
}

static void
sax_comment(void *ctx, const xmlChar *s)
{
	struct reader *r = ctx;

	if (r->flags & HTMLTEXT_MAIN)
		return;
	buf_addch(r->out, UNI_PIECE);
	buf_addstr(r->out, (const char *)s);
	buf_addch(r->out, UNI_PIECE);
}

static void
sax_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void
htmltext_init(void)
{
	xmlInitParser();
}

void
htmltext_extract(struct buf *out, struct buf *title, const char *html,
		 size_t len, unsigned flags)
{
	struct reader r;
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;

	memset(&r, 0, sizeof(r));
	r.out = out;
	r.title = title;
	r.flags = flags;
	memset(&sax, 0, sizeof(sax));
	sax.startElement = sax_start;
	sax.endElement = sax_end;
	sax.characters = sax_text;
	sax.ignorableWhitespace = sax_text;
	sax.cdataBlock = sax_text;
	sax.comment = sax_comment;
	sax.warning = sax_quiet;
	sax.error = sax_quiet;
	ctxt = htmlCreatePushParserCtxt(&sax, &r, NULL, 0, NULL,
					XML_CHAR_ENCODING_UTF8);
	if (!ctxt)
		die("libxml2: cannot make an HTML parser");
	htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
				 HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	/* The push parser takes an int length: feed big files in parts. */
	while (len > 0) {
		int part = len > (1u << 30) ? 1 << 30 : (int)len;

		htmlParseChunk(ctxt, html, part, 0);
		html += part;
		len -= (size_t)part;
	}
	htmlParseChunk(ctxt, NULL, 0, 1);
	htmlFreeParserCtxt(ctxt);
}
