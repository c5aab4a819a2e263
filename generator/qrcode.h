#ifndef SHOWCASE_QRCODE_H
#define SHOWCASE_QRCODE_H

/*
 * struct qrcode: a QR code (libqrencode) of a URL, drawn with libgd as a
 * PNG, for the paper copies of the bulletins and the brochure: a reader
 * with a phone gets to the document's web page. The image goes into the
 * print document as a data: URL, so it needs no file of its own and the
 * PDF's input hash (pdf.h) covers it with the HTML.
 */

#include <stddef.h>

struct buf;

struct qrcode;

/*
 * The code of text at error correction level M (15% of it may be
 * smudged or torn), or NULL when text cannot be encoded (too long).
 * Free with qrcode_free().
 */
struct qrcode *qrcode_new(const char *text);
void qrcode_free(struct qrcode *qr);

/* Modules across, without the quiet zone. */
int qrcode_width(const struct qrcode *qr);
/* Is module (x, y) dark? */
int qrcode_dark(const struct qrcode *qr, int x, int y);

/*
 * Append to out a PNG of the code, scale pixels a module, with the
 * quiet zone of four modules the standard asks for; black on white,
 * two colours. Returns 0, or -1 when libgd cannot make it.
 */
int qrcode_png(const struct qrcode *qr, int scale, struct buf *out);

/* Append to out the PNG as a data: URL ("data:image/png;base64,..."). */
int qrcode_data_url(const struct qrcode *qr, int scale, struct buf *out);

#endif
