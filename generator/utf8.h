#ifndef SHOWCASE_UTF8_H
#define SHOWCASE_UTF8_H

/*
 * UTF-8 helpers. cJSON and cmark do not validate their input, so every
 * file is checked here once, at load time, with a position for the error.
 */

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Length of the valid UTF-8 prefix of s: len when all of s is valid. */
size_t utf8_valid(const char *s, size_t len);
/*
 * Length of the prefix of s that is text showcase accepts: valid UTF-8
 * without NUL, without C0 controls other than tab, LF and CR, and without
 * noncharacters (uni_is_forbidden): XML (the feed, the sitemap) cannot
 * hold them. When it is shorter than len, what is wrong at that offset
 * is appended to why (a diagnostic message; the caller releases why).
 */
size_t utf8_check_text(const char *s, size_t len, struct buf *why);
/* Append to why the message for the forbidden code point cp. */
void utf8_explain_forbidden(struct buf *why, uint32_t cp);
/*
 * Decode one code point at s (at most len bytes). Returns its length in
 * bytes, or 0 at the end or at an invalid sequence (then *cp is 0xFFFD).
 */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Number of code points in s (invalid bytes count one each). */
size_t utf8_count(const char *s, size_t len);

#endif
