#include <gd.h>
#include <qrencode.h>
#include <string.h>

#include "buf.h"
#include "qrcode.h"
#include "util.h"

/* The white margin the standard asks for, in modules. */
#define QUIET 4

struct qrcode {
	int width;
	unsigned char *dark; /* width * width, 1 for a dark module */
};

struct qrcode *
qrcode_new(const char *text)
{
	QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	struct qrcode *qr;
	size_t i, n;

	if (!code)
		return NULL;
	qr = xcalloc(1, sizeof(*qr));
	qr->width = code->width;
	n = (size_t)code->width * (size_t)code->width;
	qr->dark = xmalloc(n);
	/* libqrencode's bytes carry more than darkness: bit 0 is the colour. */
	for (i = 0; i < n; i++)
		qr->dark[i] = code->data[i] & 1;
	QRcode_free(code);
	return qr;
}

void
qrcode_free(struct qrcode *qr)
{
	if (!qr)
		return;
	free(qr->dark);
	free(qr);
}

int
qrcode_width(const struct qrcode *qr)
{
	return qr->width;
}

int
qrcode_dark(const struct qrcode *qr, int x, int y)
{
	if (x < 0 || y < 0 || x >= qr->width || y >= qr->width)
		return 0;
	return qr->dark[(size_t)y * (size_t)qr->width + (size_t)x];
}

int
qrcode_png(const struct qrcode *qr, int scale, struct buf *out)
{
	int side = (qr->width + 2 * QUIET) * scale, x, y, black, size = 0;
	gdImagePtr im;
	void *png;

	if (scale < 1 || !(im = gdImageCreate(side, side)))
		return -1;
	gdImageColorAllocate(im, 255, 255, 255); /* the first: background */
	black = gdImageColorAllocate(im, 0, 0, 0);
	for (y = 0; y < qr->width; y++)
		for (x = 0; x < qr->width; x++)
			if (qrcode_dark(qr, x, y))
				gdImageFilledRectangle(im, (x + QUIET) * scale,
						       (y + QUIET) * scale,
						       (x + QUIET + 1) * scale - 1,
						       (y + QUIET + 1) * scale - 1, black);
	png = gdImagePngPtrEx(im, &size, 9);
	gdImageDestroy(im);
	if (!png || size <= 0) {
		gdFree(png);
		return -1;
	}
	buf_add(out, png, (size_t)size);
	gdFree(png);
	return 0;
}

int
qrcode_data_url(const struct qrcode *qr, int scale, struct buf *out)
{
	static const char digits[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct buf png = BUF_INIT;
	const unsigned char *p;
	size_t i, n;

	if (qrcode_png(qr, scale, &png) < 0) {
		buf_release(&png);
		return -1;
	}
	BUF_ADDLIT(out, "data:image/png;base64,");
	p = (const unsigned char *)png.ptr;
	n = png.len;
	for (i = 0; i + 2 < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (unsigned)p[i + 1] << 8 | p[i + 2];

		buf_addch(out, digits[v >> 18]);
		buf_addch(out, digits[(v >> 12) & 63]);
		buf_addch(out, digits[(v >> 6) & 63]);
		buf_addch(out, digits[v & 63]);
	}
	if (i < n) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0);

		buf_addch(out, digits[v >> 18]);
		buf_addch(out, digits[(v >> 12) & 63]);
		buf_addch(out, i + 1 < n ? digits[(v >> 6) & 63] : '=');
		buf_addch(out, '=');
	}
	buf_release(&png);
	return 0;
}
