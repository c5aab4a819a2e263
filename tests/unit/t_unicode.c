/*
 * Unicode by ICU: what the privacy proof and the name checks rely on, and
 * where chart labels may break into lines.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "unicode.h"
#include "util.h"

static const char *
skel(struct buf *b, const char *s)
{
	buf_reset(b);
	uni_skeleton(b, s, strlen(s));
	buf_addch(b, 0);
	return b->ptr;
}

static void
a_skeleton_is_what_a_reader_takes_for_the_same_value(void)
{
	struct buf b = BUF_INIT;

	CHECK_STR(skel(&b, "13900001111"), "13900001111");
	CHECK_STR(skel(&b, "１３９００００１１１１"), "13900001111");
	CHECK_STR(skel(&b, "139-0000 1111"), "13900001111");
	CHECK_STR(skel(&b, "13,900,001,111"), "13900001111");
	CHECK_STR(skel(&b, "139\u00ad0000\u200b1111"), "13900001111");
	CHECK_STR(skel(&b, "钱\u200d多多"), "钱多多");
	CHECK_STR(skel(&b, "A&B O'Neil"), "aboneil");
	CHECK_STR(skel(&b, "ＡＢ"), "ab");
	CHECK_STR(skel(&b, "钱多多。"), "钱多多");
	CHECK_STR(skel(&b, ""), "");
	buf_release(&b);
}

static void
folding_keeps_punctuation_and_drops_invisible_characters(void)
{
	struct buf b = BUF_INIT;
	const char *s = "Ａ\u00adB，c";

	uni_fold(&b, s, strlen(s));
	buf_addch(&b, 0);
	CHECK_STR(b.ptr, "ab,c");
	buf_release(&b);
}

static void
long_texts_fold_as_one_text(void)
{
	struct buf in = BUF_INIT, whole = BUF_INIT, want = BUF_INIT;
	int i;

	/* Chunks end at normalisation boundaries: a text longer than any
	 * chunk folds the same as its pieces. */
	for (i = 0; i < 5000; i++) {
		buf_addstr(&in, "Ｅ\u0301中");
		buf_addstr(&want, "\u00e9中");
	}
	uni_fold(&whole, in.ptr, in.len);
	CHECK_INT(whole.len, want.len);
	CHECK(whole.len == want.len && !memcmp(whole.ptr, want.ptr, want.len));
	buf_release(&in);
	buf_release(&whole);
	buf_release(&want);
}

static void
names_that_one_file_system_would_merge_share_a_key(void)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	const char *nfc = "caf\u00e9", *nfd = "cafe\u0301", *up = "CAFÉ";

	uni_name_key(&a, nfc, strlen(nfc));
	uni_name_key(&b, nfd, strlen(nfd));
	CHECK(a.len == b.len && !memcmp(a.ptr, b.ptr, a.len));
	buf_reset(&b);
	uni_name_key(&b, up, strlen(up));
	CHECK(a.len == b.len && !memcmp(a.ptr, b.ptr, a.len));
	buf_release(&a);
	buf_release(&b);
}

static void
forbidden_code_points(void)
{
	CHECK(uni_is_forbidden(0xFFFE));
	CHECK(uni_is_forbidden(0xFDD0));
	CHECK(uni_is_forbidden(0x01));
	CHECK(!uni_is_forbidden('\n'));
	CHECK(!uni_is_forbidden(0x4E2D));
}

/*
 * s with its breaks shown: "|" where a line may start between words, "."
 * where it may start inside a word; then the edge flags of each character
 * as s (space), c (closing), o (opening), - (none).
 */
static const char *
breaks(struct buf *b, const char *s)
{
	size_t len = strlen(s), i;
	unsigned char *f = xmalloc(len + 1);

	uni_breaks(s, len, f);
	buf_reset(b);
	for (i = 0; i < len; i++) {
		if (f[i] & UNI_BREAK)
			buf_addch(b, '|');
		if (f[i] & UNI_BREAK_IN)
			buf_addch(b, '.');
		buf_addch(b, s[i]);
	}
	CHECK(!(f[0] & (UNI_BREAK | UNI_BREAK_IN)));
	CHECK(!(f[len] & (UNI_BREAK | UNI_BREAK_IN)));
	buf_addch(b, ' ');
	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xC0) == 0x80)
			continue;
		buf_addch(b, f[i] & UNI_SPACE ? 's' : f[i] & UNI_CLOSE ? 'c' :
			  f[i] & UNI_OPEN ? 'o' : '-');
	}
	free(f);
	return b->ptr;
}

static void
lines_break_between_words_and_not_before_closing_marks(void)
{
	struct buf b = BUF_INIT;

	/* Chinese words from ICU's dictionary: 有限公司 is one */
	CHECK_STR(breaks(&b, "青川力澄软件有限公司"),
		  "青|川|力|澄|软.件|有.限.公.司 ----------");
	CHECK_STR(breaks(&b, "中华人民共和国万岁"),
		  "中.华|人.民|共.和.国|万.岁 ---------");
	/* no line starts with a comma or ends with a bracket (UAX #14) */
	CHECK_STR(breaks(&b, "党建引领，共建共享"),
		  "党|建|引.领，|共|建|共.享 ----c----");
	CHECK_STR(breaks(&b, "产业链（智能制造）"),
		  "产.业|链|（智.能|制.造） ---o----c");
	/* Latin words, numbers with their unit, spaces at the end */
	CHECK_STR(breaks(&b, "Hello world-wide 2.5%"),
		  "Hello |world-|wide |2.5% -----s----------s-c-c");
	CHECK_STR(breaks(&b, "红色　商圈"), "红.色　|商.圈 --s--");
	CHECK_STR(breaks(&b, ""), " ");
	/* bytes that are not UTF-8 read as U+FFFD: no break inside them */
	CHECK_STR(breaks(&b, "a\xff\xfe" "b"), "a\xff\xfe" "b ----");
	buf_release(&b);
}

static void
numerals_that_are_not_ascii_digits(void)
{
	CHECK(uni_is_numeral(0x4E09));  /* 三 */
	CHECK(uni_is_numeral(0x5341));  /* 十 */
	CHECK(uni_is_numeral(0x3007));  /* 〇 */
	CHECK(uni_is_numeral(0x96F6));  /* 零 */
	CHECK(uni_is_numeral(0xFF13));  /* ３ */
	CHECK(uni_is_numeral(0x2461));  /* ② */
	CHECK(!uni_is_numeral('3'));
	CHECK(!uni_is_numeral(0x6BB5)); /* 段 */
	CHECK(!uni_is_numeral(0x110000));
}

static void
terminal_width_counts_wide_characters_two(void)
{
	const char *s;

	CHECK_INT(uni_width("abc", 3), 3);
	s = "党建ab";
	CHECK_INT(uni_width(s, strlen(s)), 6);
	s = "（目标）";
	CHECK_INT(uni_width(s, strlen(s)), 8);
	s = "１２%"; /* full-width digits, ASCII percent */
	CHECK_INT(uni_width(s, strlen(s)), 5);
	s = "한글·é"; /* Hangul wide; middle dot and é narrow */
	CHECK_INT(uni_width(s, strlen(s)), 6);
	CHECK_INT(uni_width("a\xff" "b", 3), 3); /* a bad byte: one column */
	CHECK_INT(uni_width("", 0), 0);
}

static void
han_ideographs_are_cjk(void)
{
	CHECK(uni_is_cjk(0x515A));   /* 党 */
	CHECK(uni_is_cjk(0x3400));   /* extension A */
	CHECK(uni_is_cjk(0x20000));  /* extension B */
	CHECK(uni_is_cjk(0xF900));   /* compatibility ideograph */
	CHECK(uni_is_cjk(0x2F800));  /* compatibility supplement */
	CHECK(!uni_is_cjk(0x3002));  /* 。 punctuation */
	CHECK(!uni_is_cjk(0xFF11));  /* full-width digit */
	CHECK(!uni_is_cjk(0x3042));  /* hiragana */
	CHECK(!uni_is_cjk('a'));
}

int
main(void)
{
	a_skeleton_is_what_a_reader_takes_for_the_same_value();
	folding_keeps_punctuation_and_drops_invisible_characters();
	long_texts_fold_as_one_text();
	names_that_one_file_system_would_merge_share_a_key();
	forbidden_code_points();
	lines_break_between_words_and_not_before_closing_marks();
	numerals_that_are_not_ascii_digits();
	terminal_width_counts_wide_characters_two();
	han_ideographs_are_cjk();
	return harness_done();
}
