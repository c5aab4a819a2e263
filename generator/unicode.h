#ifndef SHOWCASE_UNICODE_H
#define SHOWCASE_UNICODE_H

/*
 * Unicode by ICU (design.md): normalisation, case folding and the character
 * classes that the privacy proof and the name checks need. This is the one
 * module that includes ICU; everything else asks here.
 *
 * Input is UTF-8 (invalid bytes read as U+FFFD); output is UTF-8 appended
 * to a caller's buffer, which the caller releases.
 */

#include <stddef.h>
#include <stdint.h>

struct buf;

/*
 * NFKC_Casefold (UAX #15, UTS #46): compatibility forms folded (full-width
 * digits become ASCII), case folded, default-ignorable characters (soft
 * hyphen, zero-width space and joiners, bidi marks) dropped.
 */
void uni_fold(struct buf *out, const char *s, size_t len);

/*
 * The skeleton of a text: uni_fold(), then only letters, marks and digits
 * kept. "139-0000 1111", "１３９００００１１１１" and "13,900,001,111" share one
 * skeleton, as do "A&B O'Neil" and "ab oneil". Two texts that a reader
 * takes for the same value have the same skeleton. UNI_PIECE is kept: it
 * parts pieces of text that must not run on into each other; a control
 * character, which no input may hold (uni_is_forbidden).
 */
#define UNI_PIECE 0x1f
void uni_skeleton(struct buf *out, const char *s, size_t len);

/*
 * The key under which two names collide on a file system that folds case
 * or normalises (NFC/NFD): NFKC_Casefold of the name. Equal keys, one file.
 */
void uni_name_key(struct buf *out, const char *s, size_t len);

/*
 * True for combining marks (general category M): a name that holds one may
 * look the same as another written in a different normalisation form, so
 * messages show them escaped.
 */
int uni_is_mark(uint32_t cp);

/* True for noncharacters (U+FFFE, U+FDD0..) and for code points that XML
 * 1.0 does not allow (C0 controls but tab, CR, LF). */
int uni_is_forbidden(uint32_t cp);

#endif
