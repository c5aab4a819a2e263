/*
 * libFuzzer target for the front matter parser: any bytes in, no crash,
 * no leak, and the "tags is a NULL-terminated list" promise kept.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "diag.h"
#include "front.h"
#include "src.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag *d = diag_new();
	struct front f;
	struct src s;

	front_init(&f);
	/* Invalid UTF-8 stops at load time, before front_parse is reached. */
	if (src_init_mem(&s, "fuzz.md", (const char *)data, size, d) == 0) {
		front_parse(&f, &s, d);
		if (!f.tags || f.tags[f.ntags] != NULL)
			abort();
		if (f.body_off > s.text.len)
			abort();
	}
	front_release(&f);
	src_release(&s);
	diag_free(d);
	return 0;
}
