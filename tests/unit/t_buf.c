/* The buffer type: never NULL, always terminated, one way out. */
#include <stdlib.h>

#include "buf.h"
#include "harness.h"
#include "util.h"

static void
empty_buffer_is_a_valid_string(void)
{
	struct buf b = BUF_INIT;

	CHECK(b.ptr != NULL);
	CHECK_STR(b.ptr, "");
	CHECK_INT(b.len, 0);
	buf_release(&b);
	CHECK_STR(b.ptr, "");
}

static void
appending_keeps_the_terminator(void)
{
	struct buf b = BUF_INIT;
	int i;

	BUF_ADDLIT(&b, "党建");
	buf_addch(&b, '-');
	buf_addstr(&b, "品牌");
	CHECK_STR(b.ptr, "党建-品牌");
	CHECK_INT(b.len, strlen("党建-品牌"));
	for (i = 0; i < 1000; i++)
		buf_addf(&b, "%d,", i);
	CHECK(b.ptr[b.len] == '\0');
	CHECK(b.cap > b.len);
	buf_setlen(&b, 6);
	CHECK_STR(b.ptr, "党建");
	buf_release(&b);
}

static void
addf_grows_past_the_first_guess(void)
{
	struct buf b = BUF_INIT;

	buf_addf(&b, "%s/%0200d", "x", 7);
	CHECK_INT(b.len, 202);
	CHECK(b.ptr[201] == '7');
	buf_release(&b);
}

static void
detach_hands_over_the_memory(void)
{
	struct buf b = BUF_INIT;
	size_t n;
	char *s;

	s = buf_detach(&b, &n);
	CHECK_STR(s, "");
	CHECK_INT(n, 0);
	free(s);
	buf_addstr(&b, "示范带");
	s = buf_detach(&b, &n);
	CHECK_STR(s, "示范带");
	CHECK_INT(n, 9);
	CHECK_STR(b.ptr, "");
	free(s);
}

static void
trim_and_url(void)
{
	struct buf b = BUF_INIT;

	buf_addstr(&b, "text \r\n\t");
	buf_rtrim(&b);
	CHECK_STR(b.ptr, "text");
	buf_reset(&b);
	buf_addurl(&b, "tags/红色 商圈");
	CHECK_STR(b.ptr, "tags/%E7%BA%A2%E8%89%B2%20%E5%95%86%E5%9C%88");
	buf_release(&b);
}

/* Thousands separators in the whole part only, the sign kept in front. */
static void
grouped_numbers(void)
{
	static const char *const cases[][2] = {
		{ "0", "0" }, { "999", "999" }, { "1000", "1,000" },
		{ "14700", "14,700" }, { "-14700.25", "-14,700.25" },
		{ "+1234567", "+1,234,567" }, { "1000000.5", "1,000,000.5" },
		{ "12.3456", "12.3456" },
	};
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_reset(&b);
		buf_addgrouped(&b, cases[i][0]);
		CHECK_STR(b.ptr, cases[i][1]);
	}
	buf_release(&b);
}

int
main(void)
{
	empty_buffer_is_a_valid_string();
	appending_keeps_the_terminator();
	addf_grows_past_the_first_guess();
	detach_hands_over_the_memory();
	trim_and_url();
	grouped_numbers();
	return harness_done();
}
