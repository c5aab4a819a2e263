/* libFuzzer target: JSON with positions (every data export goes through it). */
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "json.h"
#include "src.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag *d = diag_new();
	struct json_doc doc = { 0 };
	struct src s;

	if (src_init_mem(&s, "fuzz.json", (const char *)data, size, d) == 0) {
		json_parse(&doc, &s, d);
		json_release(&doc);
	}
	src_release(&s);
	diag_free(d);
	return 0;
}
