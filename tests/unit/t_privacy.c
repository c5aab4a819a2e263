/*
 * The proof that no private value reached the output: what a reader gets
 * is compared, not the bytes written.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "privacy.h"

static const char *
find_html(const struct privacy *p, const char *html)
{
	return privacy_find(p, PRIVACY_HTML, html, strlen(html));
}

static const char *
find_text(const struct privacy *p, const char *text)
{
	return privacy_find(p, PRIVACY_TEXT, text, strlen(text));
}

static const char *
find_script(const struct privacy *p, const char *text)
{
	return privacy_find(p, PRIVACY_SCRIPT, text, strlen(text));
}

static struct privacy *
contacts(void)
{
	struct privacy *p = privacy_new();

	privacy_add(p, "钱多多", "contact", NULL, 0, 0);
	privacy_add(p, "13900001111", "phone", NULL, 0, 0);
	privacy_add(p, "A&B O'Neil", "contact", NULL, 0, 0);
	privacy_add(p, "110101199001011234", "id_number", NULL, 0, 0);
	privacy_seal(p);
	return p;
}

static void
finds_a_value_anywhere_in_the_text(void)
{
	struct privacy *p = contacts();

	CHECK_INT(privacy_count(p), 4);
	CHECK_STR(find_html(p, "<p>联系人：钱多多，电话见后。</p>"), "钱多多");
	CHECK_STR(find_html(p, "<p>x13900001111</p>"), "13900001111");
	CHECK(find_html(p, "<p>1390000111</p>") == NULL);
	CHECK(find_html(p, "<p>没有私密内容</p>") == NULL);
	CHECK(find_html(p, "") == NULL);
	privacy_free(p);
}

static void
finds_values_split_by_markup(void)
{
	struct privacy *p = contacts();

	CHECK_STR(find_html(p, "<p>钱<em>多多</em></p>"), "钱多多");
	CHECK_STR(find_html(p, "<p>139<strong>0000</strong>1111</p>"),
		  "13900001111");
	CHECK_STR(find_html(p, "<p>139\n0000\n1111</p>"), "13900001111");
	CHECK_STR(find_html(p, "<td>139</td><td>00001111</td>"), "13900001111");
	privacy_free(p);
}

static void
finds_values_behind_entities_and_invisible_characters(void)
{
	struct privacy *p = contacts();

	CHECK_STR(find_html(p, "<p>A&amp;B O&#39;Neil</p>"), "A&B O'Neil");
	CHECK_STR(find_html(p, "<p>钱&shy;多多</p>"), "钱多多");
	CHECK_STR(find_html(p, "<p>钱\u00ad多多</p>"), "钱多多");
	CHECK_STR(find_html(p, "<p>钱\u200b多\u200d多</p>"), "钱多多");
	CHECK_STR(find_html(p, "<p>钱&#x200B;多多</p>"), "钱多多");
	CHECK_STR(find_html(p, "<p>&#49;3900001111</p>"), "13900001111");
	privacy_free(p);
}

static void
finds_values_in_other_forms_of_the_same_characters(void)
{
	struct privacy *p = contacts();

	CHECK_STR(find_html(p, "<p>１３９００００１１１１</p>"), "13900001111");
	CHECK_STR(find_html(p, "<p>13,900,001,111</p>"), "13900001111");
	CHECK_STR(find_html(p, "<p>139-0000-1111</p>"), "13900001111");
	CHECK_STR(find_html(p, "<p>a&amp;b o&#39;neil</p>"), "A&B O'Neil");
	CHECK_STR(find_html(p, "<p>１１０１０１１９９００１０１１２３４</p>"),
		  "110101199001011234");
	privacy_free(p);
}

static void
reads_every_attribute_a_reader_or_a_file_holds(void)
{
	struct privacy *p = contacts();

	CHECK_STR(find_html(p, "<img src=\"a.png\" alt=\"钱多多\">"), "钱多多");
	CHECK_STR(find_html(p, "<a href=\"tel:139-0000-1111\">电话</a>"),
		  "13900001111");
	CHECK_STR(find_html(p, "<meta name=\"description\" content=\"钱多多\">"),
		  "钱多多");
	CHECK_STR(find_html(p, "<!-- 13900001111 -->"), "13900001111");
	/* XML is read the same way: a feed, a sitemap */
	CHECK_STR(find_html(p, "<entry><title>A&amp;B O&apos;Neil</title></entry>"),
		  "A&B O'Neil");
	privacy_free(p);
}

static void
does_not_join_pieces_that_no_reader_joins(void)
{
	struct privacy *p = contacts();

	/* two attribute values, two strings of a script */
	CHECK(find_html(p, "<img alt=\"139\" title=\"00001111\">") == NULL);
	CHECK(find_script(p, "[\"钱\",\"多多\"]") == NULL);
	CHECK_STR(find_script(p, "[\"钱多多\"]"), "钱多多");
	CHECK_STR(find_script(p, "var t='139 0000 1111';"), "13900001111");
	/* plain text runs on across quotes, pieces end at UNI_PIECE */
	CHECK_STR(find_text(p, "法人A&B O'Neil"), "A&B O'Neil");
	CHECK(find_text(p, "钱\x1f多多") == NULL);
	privacy_free(p);
}

static void
skips_values_too_short_to_mean_anything(void)
{
	struct privacy *p = privacy_new();

	privacy_add(p, "王", NULL, NULL, 0, 0);
	privacy_add(p, "7", NULL, NULL, 0, 0);
	privacy_add(p, "", NULL, NULL, 0, 0);
	privacy_add(p, "-", NULL, NULL, 0, 0);
	privacy_add(p, "2024", NULL, NULL, 0, 0); /* digits only: a year */
	privacy_add(p, "王 ", NULL, NULL, 0, 0);
	privacy_seal(p);
	CHECK_INT(privacy_count(p), 0);
	CHECK(find_html(p, "<p>王7 2024</p>") == NULL);
	privacy_free(p);
}

static void
tells_apart_values_of_one_length(void)
{
	struct privacy *p = privacy_new();
	struct buf v = BUF_INIT;
	int i;

	for (i = 0; i < 1000; i++) {
		buf_reset(&v);
		buf_addf(&v, "1390000%04d", i);
		privacy_add(p, v.ptr, NULL, NULL, 0, 0);
	}
	privacy_seal(p);
	CHECK_STR(find_text(p, "tel:13900000999;"), "13900000999");
	CHECK(find_text(p, "tel:13900001000;") == NULL);
	buf_release(&v);
	privacy_free(p);
}

static void
reader_text_decodes_and_keeps_attributes(void)
{
	struct buf b = BUF_INIT;
	const char *html = "<p title=\"t&amp;t\">a&lt;b <b>c</b></p>";

	privacy_reader_text(&b, html, strlen(html));
	buf_addch(&b, 0);
	CHECK_STR(b.ptr, "\x1ft&t\x1f" "a<b c");
	buf_release(&b);
}

int
main(void)
{
	finds_a_value_anywhere_in_the_text();
	finds_values_split_by_markup();
	finds_values_behind_entities_and_invisible_characters();
	finds_values_in_other_forms_of_the_same_characters();
	reads_every_attribute_a_reader_or_a_file_holds();
	does_not_join_pieces_that_no_reader_joins();
	skips_values_too_short_to_mean_anything();
	tells_apart_values_of_one_length();
	reader_text_decodes_and_keeps_attributes();
	return harness_done();
}
