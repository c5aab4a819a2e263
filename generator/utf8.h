#ifndef SHOWCASE_UTF8_H
#define SHOWCASE_UTF8_H

/*
 * UTF-8 helpers. cJSON and cmark do not validate their input, so every
 * file is checked here once, at load time, with a position for the error.
 */

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 prefix of s: len when all of s is valid. */
size_t utf8_valid(const char *s, size_t len);
/*
 * Decode one code point at s (at most len bytes). Returns its length in
 * bytes, or 0 at the end or at an invalid sequence (then *cp is 0xFFFD).
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Number of code points in s (invalid bytes count one each). */
size_t utf8_count(const char *s, size_t len);
/* True for the Han ideographs and CJK punctuation that read as text. */
int utf8_is_cjk(uint32_t cp);

#endif
