/* The small shared helpers: content hashes and hex digits. */
#include <string.h>

#include "harness.h"
#include "util.h"

static void
fnv1a64_is_the_published_function(void)
{
	/* Test vectors of the FNV reference (draft-eastlake-fnv). */
	CHECK(fnv1a64(FNV_OFFSET, "", 0) == 0xcbf29ce484222325ULL);
	CHECK(fnv1a64(FNV_OFFSET, "a", 1) == 0xaf63dc4c8601ec8cULL);
	CHECK(fnv1a64(FNV_OFFSET, "foobar", 6) == 0x85944171f73967e8ULL);
	/* Fed in parts, the same as at once: file names can be built up. */
	CHECK(fnv1a64(fnv1a64(FNV_OFFSET, "foo", 3), "bar", 3) ==
	      fnv1a64(FNV_OFFSET, "foobar", 6));
}

static void
hex_digits(void)
{
	CHECK_INT(hex_value('0'), 0);
	CHECK_INT(hex_value('9'), 9);
	CHECK_INT(hex_value('a'), 10);
	CHECK_INT(hex_value('F'), 15);
	CHECK_INT(hex_value('g'), -1);
	CHECK_INT(hex_value('%'), -1);
}

int
main(void)
{
	fnv1a64_is_the_published_function();
	hex_digits();
	return harness_done();
}
