/*
 * Diagnostics quote what the input files hold; what reaches a terminal
 * must not be able to drive it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "harness.h"
#include "utf8.h"
#include "buf.h"

static char *
printed(struct diag *d)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	diag_print(d, fp);
	fclose(fp);
	return text;
}

static void
controls_are_escaped(void)
{
	struct diag *d = diag_new();
	char *got;

	/* ESC [2J clears the screen; a line end would forge a diagnostic. */
	diag_error(d, "content/cases/a\x1b[31m.md", 3, 8,
		   "unknown tag \"%s\"", "\x1b[2J\nx.md:1:1: error: fake\x7f");
	got = printed(d);
	CHECK_STR(got, "content/cases/a\\x1b[31m.md:3:8: error: unknown tag "
		  "\"\\x1b[2J\\x0ax.md:1:1: error: fake\\x7f\"\n");
	free(got);
	diag_free(d);
}

static void
c1_bidi_and_bad_bytes(void)
{
	struct diag *d = diag_new();
	char *got;

	/* U+009B is a one-character CSI; U+202E turns the line around. */
	diag_warn(d, "f", 1, 0, "\"\xc2\x9b" "2J\xe2\x80\xae" "abc\xff\"");
	got = printed(d);
	CHECK_STR(got, "f:1: warning: \"\\u009b2J\\u202eabc\\xff\"\n");
	free(got);
	diag_free(d);
}

static void
chinese_is_kept(void)
{
	struct diag *d = diag_new();
	char *got;

	diag_error(d, "content/cases/滨江.md", 2, 1,
		   "未知标签 \"红色商圈\" (tab\there)");
	got = printed(d);
	CHECK_STR(got, "content/cases/滨江.md:2:1: error: 未知标签 "
		  "\"红色商圈\" (tab\\x09here)\n");
	free(got);
	diag_free(d);
}

static void
text_check(void)
{
	struct buf why = BUF_INIT;
	const char ok[] = "标题\t\r\n\x7f\xc2\x9b";

	CHECK_INT(utf8_check_text(ok, sizeof(ok) - 1, &why), sizeof(ok) - 1);
	CHECK_STR(why.ptr, "");
	CHECK_INT(utf8_check_text("ab\xef\xbf\xbe", 5, &why), 2);
	CHECK_STR(why.ptr, "noncharacter U+FFFE is not allowed in text; "
		  "remove it");
	buf_reset(&why);
	CHECK_INT(utf8_check_text("a\x0c", 2, &why), 1);
	CHECK_STR(why.ptr, "control character U+000C is not allowed in text; "
		  "remove it");
	buf_reset(&why);
	CHECK_INT(utf8_check_text("a\0b", 3, &why), 1);
	CHECK_STR(why.ptr, "invalid UTF-8 (byte 0x00); save the file as UTF-8");
	buf_reset(&why);
	/* U+10FFFF, the last noncharacter, in four bytes. */
	CHECK_INT(utf8_check_text("\xf4\x8f\xbf\xbf", 4, &why), 0);
	buf_release(&why);
}

int
main(void)
{
	controls_are_escaped();
	c1_bidi_and_bad_bytes();
	chinese_is_kept();
	text_check();
	return harness_done();
}
