/* libFuzzer target: ```chart blocks. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "chart.h"
#include "diag.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag *d = diag_new();
	struct chart *c = NULL;
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (chart_parse(&c, text, "fuzz.md", 2, NULL, NULL, d) == 0)
		chart_free(c);
	free(text);
	diag_free(d);
	return 0;
}
