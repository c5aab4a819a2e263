/* The small shared helpers: content hashes, hex digits, reading files. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/*
 * Only regular files are read, and none over its limit: a FIFO is refused
 * at once (a reader would wait for a writer forever), a device before a
 * byte of it is read (/dev/zero never ends).
 */
static void
file_read_takes_regular_files_only(void)
{
	char dir[] = "/tmp/t_util.XXXXXX";
	struct buf b = BUF_INIT;
	char *fifo, *small;
	unsigned mode = 0;

	CHECK(mkdtemp(dir) != NULL);
	fifo = path_join(dir, "fifo");
	small = path_join(dir, "small");
	CHECK_INT(mkfifo(fifo, 0600), 0);
	CHECK_INT(file_read_max(fifo, 100, &b, &mode), FILE_NOT_REGULAR);
	CHECK(S_ISFIFO(mode));
	CHECK_INT(file_read(fifo, &b), -1);
	CHECK_INT(file_read_max("/dev/zero", 100, &b, &mode), FILE_NOT_REGULAR);
	CHECK(S_ISCHR(mode));
	CHECK_STR(file_type_name(mode), "a character device");
	CHECK_INT(file_read_max(dir, 100, &b, &mode), FILE_NOT_REGULAR);
	CHECK_INT(file_read(dir, &b), -1);
	CHECK_INT(errno, EISDIR);
	CHECK_INT((int)b.len, 0);

	CHECK_INT(file_write(small, "12345", 5), 0);
	CHECK_INT(file_read_max(small, 4, &b, NULL), FILE_TOO_BIG);
	CHECK_INT((int)b.len, 0);
	CHECK_INT(file_read_max(small, 5, &b, NULL), FILE_OK);
	CHECK_STR(b.ptr, "12345");

	unlink(fifo);
	unlink(small);
	rmdir(dir);
	free(fifo);
	free(small);
	buf_release(&b);
}

static void
sizes_for_messages(void)
{
	char *s;

	s = file_size_text(1u << 20);
	CHECK_STR(s, "1 MB");
	free(s);
	s = file_size_text(128u << 20);
	CHECK_STR(s, "128 MB");
	free(s);
	s = file_size_text(2047);
	CHECK_STR(s, "1 kB");
	free(s);
	s = file_size_text(300);
	CHECK_STR(s, "300 bytes");
	free(s);
}

/* One style of dates on every page: days and months (rounds) in Chinese. */
static void
dates_in_chinese(void)
{
	static const char *const cases[][2] = {
		{ "2025-03-09", "2025年3月9日" }, { "2025-06-26", "2025年6月26日" },
		{ "2025-11", "2025年11月" }, { "2025-05", "2025年5月" },
		{ "2025年上半年", "2025年上半年" }, { "2025-11-0", "2025-11-0" },
		{ "2025-11-30x", "2025-11-30x" },
	};
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		date_cn(&b, cases[i][0]);
		CHECK_STR(b.ptr, cases[i][1]);
	}
	buf_reset(&b);
	date_cn(&b, NULL);
	CHECK_STR(b.ptr, "");
	buf_release(&b);
}

int
main(void)
{
	dates_in_chinese();
	fnv1a64_is_the_published_function();
	hex_digits();
	file_read_takes_regular_files_only();
	sizes_for_messages();
	return harness_done();
}
