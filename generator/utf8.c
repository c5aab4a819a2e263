#include "buf.h"
#include "unicode.h"
#include "utf8.h"

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t n, i;

	*cp = 0xFFFD;
	if (!len)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2, c &= 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, c &= 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t
utf8_valid(const char *s, size_t len)
{
	size_t off = 0;
	uint32_t cp;

	while (off < len) {
		size_t n;

		if ((unsigned char)s[off] < 0x80) {
			off++;
			continue;
		}
		n = utf8_decode(s + off, len - off, &cp);
		if (!n)
			return off;
		off += n;
	}
	return len;
}

void
utf8_explain_forbidden(struct buf *why, uint32_t cp)
{
	buf_addf(why, "%s U+%04X is not allowed in text; remove it",
		 cp < 0x20 ? "control character" : "noncharacter",
		 (unsigned)cp);
}

size_t
utf8_check_text(const char *s, size_t len, struct buf *why)
{
	size_t off = 0;
	uint32_t cp;

	while (off < len) {
		size_t n;

		/* Printable ASCII, most of any export, needs no decoding. */
		if ((unsigned char)s[off] >= 0x20 &&
		    (unsigned char)s[off] < 0x80) {
			off++;
			continue;
		}
		n = utf8_decode(s + off, len - off, &cp);
		if (!n || !cp) {
			buf_addf(why, "invalid UTF-8 (byte 0x%02X); save the "
				 "file as UTF-8", (unsigned char)s[off]);
			return off;
		}
		if (uni_is_forbidden(cp)) {
			utf8_explain_forbidden(why, cp);
			return off;
		}
		off += n;
	}
	return len;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t off = 0, count = 0;
	uint32_t cp;

	while (off < len) {
		size_t n = utf8_decode(s + off, len - off, &cp);

		off += n ? n : 1;
		count++;
	}
	return count;
}
