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

/*
 * Where a line of s (len bytes of UTF-8) may break, and how its characters
 * sit at a line's end: brk (len + 1 bytes, the caller's) gets, at each
 * byte offset,
 *   UNI_BREAK     a line may start here, between two words: UAX #14
 *                 allows it (ICU's UBRK_LINE) and it is a word boundary
 *                 (UBRK_WORD, which finds Chinese words with ICU's
 *                 dictionary), so "青川力澄软件有限公司" breaks before 有限公司,
 *                 never inside it;
 *   UNI_BREAK_IN  a line may start here by UAX #14, but inside a word:
 *                 for a word longer than a line;
 * and, where a character starts,
 *   UNI_SPACE     white space, dropped at either end of a line;
 *   UNI_CLOSE     closing punctuation (，。、）」” ! %): it never starts a
 *                 line and may hang past the line's end;
 *   UNI_OPEN      opening punctuation (（「“): it never ends a line.
 * Offsets 0 and len, and those inside a character, have no break flag.
 */
enum uni_break {
	UNI_BREAK = 1 << 0,
	UNI_BREAK_IN = 1 << 1,
	UNI_SPACE = 1 << 2,
	UNI_CLOSE = 1 << 3,
	UNI_OPEN = 1 << 4,
};
void uni_breaks(const char *s, size_t len, unsigned char *brk);
/* How cp sits at a line's end, as uni_breaks() marks it where a character
 * starts: UNI_SPACE, UNI_CLOSE, UNI_OPEN or 0. */
unsigned uni_edge(uint32_t cp);

/*
 * True when cp stands for a number but is not an ASCII digit: 三, 十, 〇,
 * 零, 百, full-width ３, circled ②.
 */
int uni_is_numeral(uint32_t cp);

/*
 * True for Han ideographs (Unified_Ideograph, and the compatibility
 * ideographs): what Chinese text is written in, each a word of its own
 * for search.
 */
int uni_is_cjk(uint32_t cp);

/*
 * Columns a terminal gives s (len bytes of UTF-8): East Asian Wide and
 * Fullwidth characters (UAX #11) two, others one.
 */
size_t uni_width(const char *s, size_t len);

#endif
