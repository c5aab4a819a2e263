#ifndef SHOWCASE_PRINTFONT_H
#define SHOWCASE_PRINTFONT_H

/*
 * The Chinese faces of the printed documents: FangSong (仿宋) for the
 * body, Kai (楷体), Hei (黑体) and Song (宋体, its bold for 小标宋), the
 * Fandol faces of Debian's texlive-lang-chinese (docs/print.md says why
 * these). print.css names them first in its font stacks; this module
 * hands WeasyPrint each of them subset to the characters of one
 * document, as an extra style sheet of @font-face rules.
 *
 * Why subsets: WeasyPrint 57 subsets every face it embeds with fontTools
 * and keeps every glyph slot, which costs seconds per CJK face and
 * document. A face cut down to the few hundred characters a document
 * uses beforehand (HarfBuzz's hb-subset, in this process, milliseconds)
 * leaves WeasyPrint almost nothing to do, and the same pages.
 *
 * Subsets are cached in a folder of their own, named by a hash of the
 * font file (path, size, time) and of the character set, so an unchanged
 * document finds its subsets again, and a changed one gets new ones
 * without touching the others'. Faces fontconfig does not know are looked
 * for in TeX Live's Fandol folder, where Debian installs them.
 */

#include <stddef.h>

struct buf;
struct diag;

/* The cache folder under $XDG_CACHE_HOME or ~/.cache. */
#define PRINTFONT_CACHE "showcase/print-fonts"

struct printfont;

/*
 * The faces this machine has, and the cache folder: cache, or NULL for
 * $SHOWCASE_FONT_CACHE, else $XDG_CACHE_HOME/PRINTFONT_CACHE, else
 * ~/.cache/PRINTFONT_CACHE. Never fails; a machine without the faces
 * gets an empty set (printfont_faces() is 0). Free with printfont_free().
 */
struct printfont *printfont_new(const char *cache);
void printfont_free(struct printfont *pf);

/* How many of the faces were found. */
size_t printfont_faces(const struct printfont *pf);

/*
 * Append to css the @font-face rules that give document path (an HTML
 * file; every character in it counts, with ASCII and the dashes of the
 * page numbers) the faces subset to its characters, making the subsets
 * that are not in the cache yet. A face that cannot be subset or cached
 * is left out with a warning at path (the document then prints with the
 * next face of its stack). Returns 0, or -1 when path cannot be read.
 */
int printfont_css(struct printfont *pf, const char *path, struct buf *css,
		  struct diag *d);

#endif
