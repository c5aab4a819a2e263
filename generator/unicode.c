#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "buf.h"
#include "unicode.h"
#include "util.h"

/*
 * ICU works in UTF-16. Texts are converted in chunks that end on a code
 * point boundary, so a page of any size costs two small buffers; a chunk
 * ends before a character that has a normalisation boundary before it,
 * so folding chunk by chunk equals folding the whole.
 */
#define CHUNK 4096

static const UNormalizer2 *
nfkc_cf(void)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *n = unorm2_getNFKCCasefoldInstance(&err);

	if (U_FAILURE(err))
		die("ICU: no NFKC_Casefold data: %s", u_errorName(err));
	return n;
}

/* Bytes of s, at most about CHUNK, that end where normalisation may
 * restart: before a code point with a boundary before it. */
static size_t
chunk_end(const UNormalizer2 *n, const char *s, size_t len)
{
	int32_t i, prev;
	UChar32 c;

	if (len <= CHUNK)
		return len;
	i = CHUNK;
	/* Back to the start of a code point, then to a boundary. */
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	while (i > 0) {
		prev = i;
		U8_NEXT(s, prev, (int32_t)len, c);
		if (c >= 0 && unorm2_hasBoundaryBefore(n, c))
			return (size_t)i;
		i--;
		while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
			i--;
	}
	return len; /* no boundary in the whole chunk: take it all */
}

typedef int (*keep_fn)(UChar32 c);

static void
fold(struct buf *out, const char *s, size_t len, keep_fn keep)
{
	const UNormalizer2 *n = nfkc_cf();
	UChar in[CHUNK + 1], *norm = NULL;
	int32_t cap = 0;
	size_t at = 0;

	while (at < len) {
		size_t part = chunk_end(n, s + at, len - at);
		UErrorCode err = U_ZERO_ERROR;
		int32_t nin = 0, nout, i;
		UChar *src = in;

		/* A chunk may exceed CHUNK bytes when it holds no boundary. */
		if (part > CHUNK)
			src = xmalloc((part + 1) * sizeof(UChar));
		u_strFromUTF8WithSub(src, (int32_t)part + 1, &nin, s + at,
				     (int32_t)part, 0xFFFD, NULL, &err);
		if (U_FAILURE(err))
			die("ICU: %s", u_errorName(err));
		for (;;) {
			err = U_ZERO_ERROR;
			nout = unorm2_normalize(n, src, nin, norm, cap, &err);
			if (err != U_BUFFER_OVERFLOW_ERROR)
				break;
			cap = nout + 1;
			norm = xrealloc(norm, (size_t)cap * sizeof(UChar));
		}
		if (U_FAILURE(err))
			die("ICU: %s", u_errorName(err));
		for (i = 0; i < nout;) {
			UChar32 c;
			char u8[4];
			int32_t k = 0;
			UBool bad = 0;

			U16_NEXT(norm, i, nout, c);
			if (keep && !keep(c))
				continue;
			U8_APPEND(u8, k, 4, c, bad);
			if (!bad)
				buf_add(out, u8, (size_t)k);
		}
		if (src != in)
			free(src);
		at += part;
	}
	free(norm);
}

void
uni_fold(struct buf *out, const char *s, size_t len)
{
	fold(out, s, len, NULL);
}

static int
alnum(UChar32 c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		       c == UNI_PIECE;
	return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK);
}

void
uni_skeleton(struct buf *out, const char *s, size_t len)
{
	fold(out, s, len, alnum);
}

void
uni_name_key(struct buf *out, const char *s, size_t len)
{
	fold(out, s, len, NULL);
}

int
uni_is_mark(uint32_t cp)
{
	return (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK) != 0;
}

int
uni_is_forbidden(uint32_t cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n' && cp != '\r';
	return U_IS_UNICODE_NONCHAR(cp) || cp > 0x10FFFF ||
	       (cp >= 0xD800 && cp <= 0xDFFF);
}

/* How c sits at a line's end: UNI_SPACE, UNI_CLOSE, UNI_OPEN or 0. */
static unsigned
edge_flags(UChar32 c)
{
	int lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
	int gc = u_charType(c);

	if (u_isUWhiteSpace(c))
		return UNI_SPACE;
	if (gc == U_START_PUNCTUATION || gc == U_INITIAL_PUNCTUATION)
		return UNI_OPEN;
	/* "%" and "!" too, but not '"', which opens as often as it closes */
	if (gc == U_FINAL_PUNCTUATION ||
	    ((gc == U_END_PUNCTUATION || gc == U_OTHER_PUNCTUATION) &&
	     (lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS ||
	      lb == U_LB_EXCLAMATION || lb == U_LB_INFIX_NUMERIC ||
	      lb == U_LB_NONSTARTER || lb == U_LB_INSEPARABLE ||
	      lb == U_LB_POSTFIX_NUMERIC)))
		return UNI_CLOSE;
	return 0;
}

unsigned
uni_edge(uint32_t cp)
{
	return edge_flags((UChar32)cp);
}

/*
 * A break iterator of kind over ut; the caller closes it. ICU reads the
 * UTF-8 in place (UText), so its boundaries are byte offsets.
 */
static UBreakIterator *
breaker(UBreakIteratorType kind, UText *ut)
{
	UErrorCode err = U_ZERO_ERROR;
	/* "zh": the Chinese dictionary (the rules are the root's) */
	UBreakIterator *bi = ubrk_open(kind, "zh", NULL, 0, &err);

	if (U_SUCCESS(err))
		ubrk_setUText(bi, ut, &err);
	if (U_FAILURE(err))
		die("ICU: no break iterator: %s", u_errorName(err));
	return bi;
}

void
uni_breaks(const char *s, size_t len, unsigned char *brk)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *line, *word;
	UText *ut;
	int32_t i, n = (int32_t)len;

	memset(brk, 0, len + 1);
	if (!len)
		return;
	ut = utext_openUTF8(NULL, s, (int64_t)len, &err);
	if (U_FAILURE(err))
		die("ICU: %s", u_errorName(err));
	line = breaker(UBRK_LINE, ut);
	word = breaker(UBRK_WORD, ut);
	for (i = ubrk_first(line); i != UBRK_DONE; i = ubrk_next(line))
		if (i > 0 && i < n)
			brk[i] = UNI_BREAK_IN;
	for (i = ubrk_first(word); i != UBRK_DONE; i = ubrk_next(word))
		if (i > 0 && i < n && brk[i])
			brk[i] = UNI_BREAK;
	ubrk_close(line);
	ubrk_close(word);
	utext_close(ut);
	for (i = 0; i < n;) {
		int32_t at = i;
		UChar32 c;

		U8_NEXT(s, i, n, c);
		brk[at] |= (unsigned char)edge_flags(c < 0 ? 0xFFFD : c);
	}
}

int
uni_is_numeral(uint32_t cp)
{
	return cp >= 0x80 && cp <= 0x10FFFF &&
	       u_getNumericValue((UChar32)cp) != U_NO_NUMERIC_VALUE;
}

int
uni_is_cjk(uint32_t cp)
{
	UBlockCode b;

	if (u_hasBinaryProperty((UChar32)cp, UCHAR_UNIFIED_IDEOGRAPH))
		return 1;
	b = ublock_getCode((UChar32)cp);
	return b == UBLOCK_CJK_COMPATIBILITY_IDEOGRAPHS ||
	       b == UBLOCK_CJK_COMPATIBILITY_IDEOGRAPHS_SUPPLEMENT;
}

size_t
uni_width(const char *s, size_t len)
{
	int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	size_t w = 0;
	UChar32 c;

	while (i < n) {
		int eaw;

		U8_NEXT(s, i, n, c);
		eaw = c < 0 ? U_EA_NEUTRAL :
		      u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
		w += eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
	}
	return w;
}
