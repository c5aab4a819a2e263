/*
 * libFuzzer target: what a client of `showcase serve` controls, the request
 * path and the Range header. Input: the header, a newline, the raw path.
 * Whatever comes in, a decoded path stays inside the output (no "..", ".",
 * hidden or empty segment, no NUL, no backslash) and a range inside the body.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "webfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_path(const char *p)
{
	const char *seg = p;

	for (;;) {
		const char *end = strchr(seg, '/');
		size_t n = end ? (size_t)(end - seg) : strlen(seg);

		if ((n == 0 && end) || (n > 0 && seg[0] == '.'))
			abort();
		if (!end)
			break;
		seg = end + 1;
	}
	if (strchr(p, '\\'))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = memchr(data, '\n', size);
	struct buf header = BUF_INIT, raw = BUF_INIT, out = BUF_INIT;
	uint64_t off, len, body = size * 7;

	if (!nl)
		return 0;
	buf_add(&header, data, (size_t)((const uint8_t *)nl - data));
	buf_add(&raw, nl + 1, size - (size_t)((const uint8_t *)nl - data) - 1);
	/* As MHD hands them over: C strings. */
	if (strlen(raw.ptr) == raw.len && webfile_decode(raw.ptr, &out) == 0) {
		if (strlen(out.ptr) != out.len)
			abort();
		check_path(out.ptr);
	}
	if (strlen(header.ptr) == header.len &&
	    webfile_range(header.ptr, body, &off, &len) == WEBFILE_RANGE_OK &&
	    (len == 0 || off >= body || len > body - off))
		abort();
	buf_release(&header);
	buf_release(&raw);
	buf_release(&out);
	return 0;
}
