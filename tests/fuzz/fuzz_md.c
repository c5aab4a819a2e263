/*
 * libFuzzer target for the Markdown renderer: any bytes in, no crash, no
 * leak, and the promises of md.h kept: the output is valid UTF-8 (cmark
 * replaces bad input, and cuts never split a character), heading ids are
 * unique, reading time is at least a minute. The first byte picks the
 * options, so safe and unsafe mode, the TOC, link_base and fence
 * callbacks (failing on "fail") are all reached.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "md.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int
fence(void *arg, const char *info, const char *body, int line, struct buf *out)
{
	(void)arg;
	if (strstr(body, "fail"))
		return -1;
	buf_addf(out, "<figure data-line=\"%d\">%zu</figure>", line,
		 strlen(info));
	return 0;
}

static int
valid(const struct buf *b)
{
	return utf8_valid(b->ptr, b->len) == b->len &&
	       strlen(b->ptr) == b->len;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag *d = diag_new();
	struct md_opts o;
	struct md_doc doc;
	struct buf sum = BUF_INIT;
	unsigned flags = size ? data[0] : 0;
	size_t i, j;

	md_opts_init(&o);
	o.unsafe = flags & 1;
	o.toc_min = (int)(flags >> 1 & 3);
	o.summary_chars = (size_t)(flags >> 3 & 7) * 10;
	o.link_base = flags & 0x40 ? "../" : "";
	if (flags & 0x80) {
		o.fence_word = "chart";
		o.fence = fence;
	}
	md_doc_init(&doc);
	if (md_render(&doc, (const char *)data, size, "fuzz.md", 1, &o, d) == 0) {
		if (!valid(&doc.html) || !valid(&doc.text) ||
		    !valid(&doc.summary) || !valid(&doc.toc))
			abort();
		if (doc.minutes < 1)
			abort();
		for (i = 0; i < doc.nheadings; i++)
			for (j = i + 1; j < doc.nheadings; j++)
				if (!strcmp(doc.headings[i].id, doc.headings[j].id))
					abort();
	} else if (doc.html.len || doc.nheadings) {
		abort(); /* a failed render leaves doc empty */
	}
	md_summary(&sum, (const char *)data, size, size % 50);
	md_doc_release(&doc);
	buf_release(&sum);
	diag_free(d);
	return 0;
}
