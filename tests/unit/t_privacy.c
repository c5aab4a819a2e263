/* The proof that no private value reached the output. */
#include <string.h>

#include "harness.h"
#include "privacy.h"

static void
finds_a_value_anywhere_in_the_text(void)
{
	struct privacy *p = privacy_new();
	const char *page = "<p>联系人：王晓明，电话 13800001234。</p>";

	privacy_add(p, "王晓明");
	privacy_add(p, "13800001234");
	privacy_add(p, "110101199001011234");
	privacy_seal(p);
	CHECK_INT(privacy_count(p), 3);
	CHECK_STR(privacy_find(p, page, strlen(page)), "王晓明");
	CHECK_STR(privacy_find(p, "13800001234", 11), "13800001234");
	CHECK_STR(privacy_find(p, "x13800001234", 12), "13800001234");
	CHECK(privacy_find(p, "1380000123", 10) == NULL);
	CHECK(privacy_find(p, "<p>没有私密内容</p>", strlen("<p>没有私密内容</p>")) == NULL);
	CHECK(privacy_find(p, "", 0) == NULL);
	privacy_free(p);
}

static void
skips_values_too_short_to_mean_anything(void)
{
	struct privacy *p = privacy_new();

	privacy_add(p, "王");
	privacy_add(p, "7");
	privacy_add(p, "");
	privacy_seal(p);
	CHECK_INT(privacy_count(p), 0);
	CHECK(privacy_find(p, "王7", strlen("王7")) == NULL);
	privacy_free(p);
}

static void
tells_apart_values_of_one_length(void)
{
	struct privacy *p = privacy_new();
	char many[32];
	int i;

	for (i = 0; i < 1000; i++) {
		snprintf(many, sizeof(many), "1390000%04d", i);
		privacy_add(p, many);
	}
	privacy_seal(p);
	CHECK_STR(privacy_find(p, "tel:13900000999;", 16), "13900000999");
	CHECK(privacy_find(p, "tel:13900001000;", 16) == NULL);
	privacy_free(p);
}

int
main(void)
{
	finds_a_value_anywhere_in_the_text();
	skips_values_too_short_to_mean_anything();
	tells_apart_values_of_one_length();
	return harness_done();
}
