#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <gd.h>
#include <gd_errors.h>

#include "buf.h"
#include "diag.h"
#include "imageset.h"
#include "inputs.h"
#include "pool.h"
#include "stage.h"
#include "strmap.h"
#include "util.h"

/*
 * Hashed into every variant's name with the original's bytes and the
 * width: bump it when the bytes made from a given original change (the
 * resampler, the qualities below), so no stale file is reused.
 */
#define IMAGESET_VERSION 1
#define JPEG_QUALITY 82
#define PNG_LEVEL 6
#define WEBP_QUALITY 80

/*
 * A decoded image takes 4 bytes a pixel, on each of jobs threads: 64
 * megapixels is 256 MB. Photos from phones are 12 to 50.
 */
#define MAX_SIDE 16384
#define MAX_PIXELS (64LL * 1000 * 1000)


/* The widths the templates use: a list column, and a case's cover. */
static const int widths[IMAGE_MAX_VARIANTS] = { 480, 960 };

enum format { FMT_JPEG, FMT_PNG, FMT_WEBP };

static const char *const fmt_ext[] = { "jpg", "png", "webp" };

struct entry {
	char *rel;              /* as written */
	char *path;             /* site_dir/rel, read again by imageset_write */
	char *file;             /* the first page to use it, or NULL */
	int line, col;
	enum format fmt;
	int orient;             /* Exif orientation, 1 (as stored) to 8 */
	int width, height;      /* as displayed, after orientation */
	uint64_t hash;          /* of the original's bytes */
	size_t size;
	int nvariants;
	struct image_variant v[IMAGE_MAX_VARIANTS];
};

struct imageset {
	pthread_mutex_t lock;
	struct strmap paths;    /* entry path -> index in e */
	struct strmap names;    /* first variant's url, one per content */
	struct entry **e;       /* pointers: an entry does not move once added */
	size_t n, cap;
	struct entry **todo;    /* the entries that make files */
	size_t ntodo, todocap;
	size_t count;           /* variant files */
	/* for imageset_write's workers */
	const struct stage *st;
	const char *prev;
	struct diag *d;
	size_t made, reused;
};

/*
 * libgd reports through one process-wide handler, which by default prints.
 * A thread that decodes or encodes points this at a buffer to keep the
 * first error for its diagnostic: the cause ("gd-png: fatal libpng error:
 * Read Error: truncated data"), not libgd's follow-ups ("setjmp returns
 * error condition"). Other messages are dropped. libgd gives most of its
 * errors the priority GD_WARNING.
 */
static _Thread_local struct buf *gd_why;

static void
gd_message(int priority, const char *fmt, va_list ap)
{
	if (!gd_why || gd_why->len || priority > GD_WARNING)
		return;
	buf_vaddf(gd_why, fmt, ap);
	buf_rtrim(gd_why);
}

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static unsigned
le16(const unsigned char *p)
{
	return (unsigned)p[1] << 8 | p[0];
}

static uint32_t
le24(const unsigned char *p)
{
	return (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | le24(p);
}

/* The orientation tag of an APP1 Exif segment's first IFD, or 1. */
static int
exif_orientation(const unsigned char *p, size_t n)
{
	const unsigned char *t = p + 6;
	size_t tn, off, count, k, at;
	int le, v;

	if (n < 6 + 8 || memcmp(p, "Exif\0\0", 6))
		return 1;
	tn = n - 6;
	if (!memcmp(t, "II*\0", 4))
		le = 1;
	else if (!memcmp(t, "MM\0*", 4))
		le = 0;
	else
		return 1;
	off = le ? le32(t + 4) : be32(t + 4);
	if (off > tn - 2)
		return 1;
	count = le ? le16(t + off) : be16(t + off);
	for (k = 0; k < count; k++) {
		at = off + 2 + 12 * k;
		if (at + 12 > tn)
			break;
		if ((le ? le16(t + at) : be16(t + at)) != 0x0112)
			continue;
		v = (int)(le ? le16(t + at + 8) : be16(t + at + 8));
		return v >= 1 && v <= 8 ? v : 1;
	}
	return 1;
}

static int
damaged(struct buf *why, const char *format)
{
	buf_addf(why, "is damaged: its %s header ends before the image size",
		 format);
	return -1;
}

/* Walk the markers to the frame header, which holds the size. */
static int
probe_jpeg(const unsigned char *p, size_t n, struct entry *e, struct buf *why)
{
	size_t i = 2, len = 0;
	int m;

	for (;;) {
		if (i >= n || p[i] != 0xFF)
			return damaged(why, "JPEG");
		while (i < n && p[i] == 0xFF) /* fill bytes */
			i++;
		if (i >= n)
			return damaged(why, "JPEG");
		m = p[i++];
		if (m == 0x01 || (m >= 0xD0 && m <= 0xD8))
			continue; /* markers without a length */
		if (m == 0xD9 || m == 0xDA || i + 2 > n)
			return damaged(why, "JPEG");
		len = be16(p + i);
		if (len < 2 || i + len > n)
			return damaged(why, "JPEG");
		if (m == 0xE1 && e->orient == 1)
			e->orient = exif_orientation(p + i + 2, len - 2);
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
		    m != 0xCC)
			break;
		i += len;
	}
	/* baseline, extended, progressive; Huffman or arithmetic */
	if (m != 0xC0 && m != 0xC1 && m != 0xC2 && m != 0xC9 && m != 0xCA) {
		BUF_ADDLIT(why, "is a lossless or hierarchical JPEG, which libjpeg cannot read; save it as an ordinary JPEG");
		return -1;
	}
	if (len < 8)
		return damaged(why, "JPEG");
	e->height = (int)be16(p + i + 3);
	e->width = (int)be16(p + i + 5);
	return 0;
}

static int
probe_webp(const unsigned char *p, size_t n, struct entry *e, struct buf *why)
{
	uint32_t bits;

	if (!gdSupportsFileType("x.webp", 0) || !gdSupportsFileType("x.webp", 1)) {
		BUF_ADDLIT(why, "is a WebP file, which this build of libgd cannot read or write; save it as JPEG or PNG");
		return -1;
	}
	if (n < 30)
		return damaged(why, "WebP");
	if (!memcmp(p + 12, "VP8 ", 4)) {
		/* a key frame's tag, then its start code */
		if ((p[20] & 1) || memcmp(p + 23, "\x9d\x01\x2a", 3))
			return damaged(why, "WebP");
		e->width = (int)(le16(p + 26) & 0x3fff);
		e->height = (int)(le16(p + 28) & 0x3fff);
	} else if (!memcmp(p + 12, "VP8L", 4)) {
		if (p[20] != 0x2f)
			return damaged(why, "WebP");
		bits = le32(p + 21);
		e->width = (int)(bits & 0x3fff) + 1;
		e->height = (int)(bits >> 14 & 0x3fff) + 1;
	} else if (!memcmp(p + 12, "VP8X", 4)) {
		if (p[20] & 0x02) {
			BUF_ADDLIT(why, "is an animated WebP file, which libgd cannot read; use a still image");
			return -1;
		}
		e->width = (int)le24(p + 24) + 1;
		e->height = (int)le24(p + 27) + 1;
	} else {
		return damaged(why, "WebP");
	}
	return 0;
}

static int
too_large(struct buf *why)
{
	buf_addf(why, "is too large to resize: at most %d pixels a side and %lld megapixels",
		 MAX_SIDE, MAX_PIXELS / 1000000);
	return -1;
}

/*
 * Tell the format from the first bytes (an extension may lie) and read the
 * size from the header, without decoding: pages add images while they
 * load, and the pixels are needed only once, by imageset_write().
 */
static int
probe(const unsigned char *p, size_t n, struct entry *e, struct buf *why)
{
	int rc;

	e->orient = 1;
	if (n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8)) {
		e->fmt = FMT_PNG;
		if (n < 33 || be32(p + 8) != 13 || memcmp(p + 12, "IHDR", 4))
			return damaged(why, "PNG");
		if (be32(p + 16) > MAX_SIDE || be32(p + 20) > MAX_SIDE)
			return too_large(why);
		e->width = (int)be32(p + 16);
		e->height = (int)be32(p + 20);
		rc = 0;
	} else if (n >= 3 && !memcmp(p, "\xff\xd8\xff", 3)) {
		e->fmt = FMT_JPEG;
		rc = probe_jpeg(p, n, e, why);
	} else if (n >= 12 && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WEBP", 4)) {
		e->fmt = FMT_WEBP;
		rc = probe_webp(p, n, e, why);
	} else {
		/* Name the formats an author is likely to have, so the fix is plain. */
		if (n >= 6 && !memcmp(p, "GIF8", 4))
			BUF_ADDLIT(why, "is a GIF file; save it as PNG, JPEG or WebP");
		else if (n >= 4 && (!memcmp(p, "II*\0", 4) || !memcmp(p, "MM\0*", 4)))
			BUF_ADDLIT(why, "is a TIFF file; save it as JPEG, PNG or WebP");
		else if (n >= 12 && !memcmp(p + 4, "ftyp", 4) &&
			 (!memcmp(p + 8, "avi", 3) || !memcmp(p + 8, "hei", 3) ||
			  !memcmp(p + 8, "mif1", 4)))
			BUF_ADDLIT(why, "is an AVIF or HEIF file; save it as JPEG, PNG or WebP");
		else
			BUF_ADDLIT(why, "is not a JPEG, PNG or WebP image");
		return -1;
	}
	if (rc < 0)
		return -1;
	if (e->width <= 0 || e->height <= 0) {
		BUF_ADDLIT(why, "is damaged: its header gives no size");
		return -1;
	}
	if (e->width > MAX_SIDE || e->height > MAX_SIDE ||
	    (long long)e->width * e->height > MAX_PIXELS)
		return too_large(why);
	/* 5 to 8 turn the picture a quarter: the reader sees it the other way */
	if (e->orient >= 5) {
		int t = e->width;

		e->width = e->height;
		e->height = t;
	}
	return 0;
}

/* Widths 480 and 960, or the original's when it is narrower. */
static void
plan_variants(struct entry *e)
{
	struct image_variant *v;
	struct buf t = BUF_INIT;
	uint64_t h;
	int k, w;

	e->nvariants = 0;
	for (k = 0; k < IMAGE_MAX_VARIANTS; k++) {
		w = widths[k] < e->width ? widths[k] : e->width;
		v = &e->v[e->nvariants++];
		v->width = w;
		v->height = (int)(((long long)e->height * w * 2 + e->width) /
				  (2LL * e->width));
		if (v->height < 1)
			v->height = 1;
		buf_reset(&t);
		buf_addf(&t, "\nwidth %d\nversion %d\n", w, IMAGESET_VERSION);
		h = fnv1a64(e->hash, t.ptr, t.len);
		v->url = xasprintf("images/%016llx-%d.%s", (unsigned long long)h,
				   w, fmt_ext[e->fmt]);
		if (w == e->width)
			break;
	}
	buf_release(&t);
}

static void
entry_free(struct entry *e)
{
	int k;

	if (!e)
		return;
	free(e->rel);
	free(e->path);
	free(e->file);
	for (k = 0; k < e->nvariants; k++)
		free(e->v[k].url);
	free(e);
}

static void
fill_ref(struct image_ref *ref, const struct entry *e)
{
	int k;

	ref->url = xstrdup(e->rel);
	ref->width = e->width;
	ref->height = e->height;
	ref->nvariants = e->nvariants;
	for (k = 0; k < e->nvariants; k++) {
		ref->v[k].width = e->v[k].width;
		ref->v[k].height = e->v[k].height;
		ref->v[k].url = xstrdup(e->v[k].url);
	}
}

void
image_ref_release(struct image_ref *ref)
{
	int k;

	free(ref->url);
	for (k = 0; k < ref->nvariants && k < IMAGE_MAX_VARIANTS; k++)
		free(ref->v[k].url);
	memset(ref, 0, sizeof(*ref));
}

void
image_ref_srcset(const struct image_ref *ref, const char *root,
		 struct buf *out)
{
	int k;

	for (k = 0; k < ref->nvariants; k++) {
		if (k)
			BUF_ADDLIT(out, ", ");
		buf_addstr(out, root);
		buf_addstr(out, ref->v[k].url);
		buf_addf(out, " %dw", ref->v[k].width);
	}
}

void
image_ref_src(const struct image_ref *ref, const char *root, struct buf *out)
{
	if (!ref->nvariants)
		return;
	buf_addstr(out, root);
	buf_addstr(out, ref->v[ref->nvariants - 1].url);
}

struct imageset *
imageset_new(void)
{
	struct imageset *s = xcalloc(1, sizeof(*s));

	pthread_mutex_init(&s->lock, NULL);
	strmap_init(&s->paths);
	strmap_init(&s->names);
	gdSetErrorMethod(gd_message);
	return s;
}

void
imageset_free(struct imageset *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++)
		entry_free(s->e[i]);
	free(s->e);
	free(s->todo);
	strmap_release(&s->paths);
	strmap_release(&s->names);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

void
imageset_sources(const struct imageset *s,
		 void (*fn)(void *arg, const char *rel), void *arg)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		fn(arg, s->e[i]->rel);
}

size_t
imageset_count(const struct imageset *s)
{
	return s->count;
}

/* Only files inside the site: the originals are copied with the assets. */
static int
check_rel(const char *rel, struct buf *why)
{
	const char *p = rel, *end;

	if (!*rel) {
		BUF_ADDLIT(why, "image path is empty");
		return -1;
	}
	if (strstr(rel, "://") || !strncmp(rel, "data:", 5)) {
		buf_addf(why, "image \"%s\" is not a file of the site; pages may not load anything from elsewhere", rel);
		return -1;
	}
	if (*rel == '/') {
		buf_addf(why, "image \"%s\" is written with a leading '/'; write it from the site folder, e.g. \"assets/images/x.png\"", rel);
		return -1;
	}
	for (; *p; p = *end ? end + 1 : end) {
		end = strchr(p, '/');
		if (!end)
			end = p + strlen(p);
		if (end - p == 2 && p[0] == '.' && p[1] == '.') {
			buf_addf(why, "image \"%s\" leaves the site folder", rel);
			return -1;
		}
	}
	return 0;
}

/*
 * Pages add images in whatever order their threads run: keep the first
 * position in reading order, so that the diagnostics of imageset_write()
 * are the same every run. Called under the lock.
 */
static void
note_use(struct entry *e, const char *file, int line, int col)
{
	int c;

	if (!file)
		return;
	c = e->file ? strcmp(file, e->file) : -1;
	if (c > 0 || (c == 0 && (line > e->line ||
				 (line == e->line && col >= e->col))))
		return;
	free(e->file);
	e->file = xstrdup(file);
	e->line = line;
	e->col = col;
}

int
imageset_add(struct imageset *s, const char *site_dir, const char *rel,
	     const char *file, int line, int col, struct image_ref *ref,
	     struct diag *d)
{
	struct buf data = BUF_INIT, why = BUF_INIT;
	struct entry *e = NULL;
	char *path = NULL;
	const char *where = file ? file : rel;
	size_t k;
	long i;
	int rc = -1, added;

	memset(ref, 0, sizeof(*ref));
	if (!file)
		line = col = 0;
	if (check_rel(rel, &why) < 0) {
		diag_error(d, where, line, col, "%s", why.ptr);
		goto out;
	}
	path = path_join(site_dir, rel);
	if (!file)
		where = path;
	if (inputs_within(site_dir, rel, &why) < 0) {
		diag_error(d, where, line, col, "image \"%s\" %s", rel, why.ptr);
		goto out;
	}

	/* Most images are added by several pages: one read per image. */
	pthread_mutex_lock(&s->lock);
	i = strmap_find(&s->paths, path);
	if (i >= 0) {
		note_use(s->e[i], file, line, col);
		fill_ref(ref, s->e[i]);
	}
	pthread_mutex_unlock(&s->lock);
	if (i >= 0) {
		rc = 0;
		goto out;
	}

	if (file_read(path, &data) < 0) {
		diag_error(d, where, line, col, "image \"%s\" cannot be read: %s",
			   rel, strerror(errno));
		goto out;
	}
	e = xcalloc(1, sizeof(*e));
	if (probe((const unsigned char *)data.ptr, data.len, e, &why) < 0) {
		diag_error(d, where, line, col, "image \"%s\" %s", rel, why.ptr);
		goto out;
	}
	if (data.len > INT_MAX) { /* libgd takes sizes as int */
		diag_error(d, where, line, col, "image \"%s\" is too large: over 2 GB",
			   rel);
		goto out;
	}
	e->rel = xstrdup(rel);
	e->path = path;
	path = NULL;
	e->file = file ? xstrdup(file) : NULL;
	e->line = line;
	e->col = col;
	e->size = data.len;
	e->hash = fnv1a64(FNV_OFFSET, data.ptr, data.len);
	plan_variants(e);

	pthread_mutex_lock(&s->lock);
	i = strmap_find(&s->paths, e->path);
	if (i >= 0) {
		/* another page's thread added it meanwhile */
		note_use(s->e[i], file, line, col);
		fill_ref(ref, s->e[i]);
	} else {
		strmap_intern(&s->paths, e->path, NULL);
		s->e = xgrow(s->e, &s->cap, s->n + 1, sizeof(*s->e));
		s->e[s->n++] = e;
		/*
		 * The same bytes under two paths make the same files once,
		 * from the first path in order (todo[k] goes with names' k).
		 */
		k = strmap_intern(&s->names, e->v[0].url, &added);
		if (added) {
			s->todo = xgrow(s->todo, &s->todocap, s->ntodo + 1,
					sizeof(*s->todo));
			s->todo[s->ntodo++] = e;
			s->count += (size_t)e->nvariants;
		} else if (strcmp(e->rel, s->todo[k]->rel) < 0) {
			s->todo[k] = e;
		}
		fill_ref(ref, e);
		e = NULL;
	}
	pthread_mutex_unlock(&s->lock);
	rc = 0;
out:
	entry_free(e);
	free(path);
	buf_release(&data);
	buf_release(&why);
	return rc;
}

static const char *
entry_where(const struct entry *e)
{
	return e->file ? e->file : e->path;
}

/* Decode e's original, which must still be the file imageset_add() saw. */
static int
load(const struct entry *e, gdImagePtr *out, struct diag *d)
{
	struct buf data = BUF_INIT, why = BUF_INIT;
	gdImagePtr im = NULL;
	int sw, sh, rc = -1;

	*out = NULL;
	if (file_read(e->path, &data) < 0) {
		diag_error(d, entry_where(e), e->line, e->col,
			   "image \"%s\" cannot be read: %s", e->rel, strerror(errno));
		goto out;
	}
	if (data.len != e->size || fnv1a64(FNV_OFFSET, data.ptr, data.len) != e->hash) {
		diag_error(d, entry_where(e), e->line, e->col,
			   "image \"%s\" changed during the build; build again",
			   e->rel);
		goto out;
	}
	gd_why = &why;
	switch (e->fmt) {
	case FMT_JPEG:
		/*
		 * libjpeg goes on past damage, as a browser does (a cut-off
		 * photo shows its top); libgd then reports a warning, which
		 * becomes ours.
		 */
		im = gdImageCreateFromJpegPtrEx((int)data.len, data.ptr, 0);
		if (im && why.len)
			diag_warn(d, entry_where(e), e->line, e->col,
				  "image \"%s\" is damaged (%s); its smaller copies show what could be read",
				  e->rel, why.ptr);
		break;
	case FMT_PNG:
		im = gdImageCreateFromPngPtr((int)data.len, data.ptr);
		break;
	case FMT_WEBP:
		im = gdImageCreateFromWebpPtr((int)data.len, data.ptr);
		break;
	}
	gd_why = NULL;
	if (!im) {
		diag_error(d, entry_where(e), e->line, e->col,
			   "image \"%s\" cannot be decoded: %s", e->rel,
			   why.len ? why.ptr : "libgd gave no reason");
		goto out;
	}
	sw = e->orient >= 5 ? e->height : e->width;
	sh = e->orient >= 5 ? e->width : e->height;
	if (gdImageSX(im) != sw || gdImageSY(im) != sh) {
		diag_error(d, entry_where(e), e->line, e->col,
			   "image \"%s\" is damaged: its header says %dx%d, its pixels are %dx%d",
			   e->rel, sw, sh, gdImageSX(im), gdImageSY(im));
		goto out;
	}
	*out = im;
	im = NULL;
	rc = 0;
out:
	gd_why = NULL;
	if (im)
		gdImageDestroy(im);
	buf_release(&data);
	buf_release(&why);
	return rc;
}

/*
 * Turn a stored picture as its Exif orientation says (2 to 8: mirror,
 * half turn, quarter turns); the browser would, and variants have no Exif.
 */
static gdImagePtr
orient(gdImagePtr im, int o)
{
	int sw = gdImageSX(im), sh = gdImageSY(im);
	int dw = o >= 5 ? sh : sw, dh = o >= 5 ? sw : sh, x, y, sx, sy;
	gdImagePtr out = gdImageCreateTrueColor(dw, dh);

	if (!out)
		return NULL;
	gdImageAlphaBlending(out, 0);
	gdImageSaveAlpha(out, im->saveAlphaFlag);
	for (y = 0; y < dh; y++) {
		for (x = 0; x < dw; x++) {
			switch (o) {
			case 2: sx = sw - 1 - x; sy = y; break;
			case 3: sx = sw - 1 - x; sy = sh - 1 - y; break;
			case 4: sx = x; sy = sh - 1 - y; break;
			case 5: sx = y; sy = x; break;
			case 6: sx = y; sy = sh - 1 - x; break;
			case 7: sx = sw - 1 - y; sy = sh - 1 - x; break;
			case 8: sx = sw - 1 - y; sy = x; break;
			default: sx = x; sy = y; break;
			}
			out->tpixels[y][x] = im->tpixels[sy][sx];
		}
	}
	return out;
}

/* Whether a truecolor image has a pixel that is not opaque. */
static int
has_alpha(gdImagePtr im)
{
	int x, y;

	if (!gdImageTrueColor(im))
		return 0;
	for (y = 0; y < gdImageSY(im); y++)
		for (x = 0; x < gdImageSX(im); x++)
			if (gdTrueColorGetAlpha(im->tpixels[y][x]))
				return 1;
	return 0;
}

static int
make_variant(struct imageset *s, const struct entry *e, gdImagePtr src,
	     int alpha, const struct image_variant *v)
{
	struct buf why = BUF_INIT;
	gdImagePtr dst = NULL, turned;
	void *bytes = NULL;
	int swap = e->orient >= 5, size = 0, encoded = 0, rc = -1;
	int rw = swap ? v->height : v->width, rh = swap ? v->width : v->height;

	gd_why = &why;
	if (!(dst = gdImageCreateTrueColor(rw, rh)))
		goto out;
	/*
	 * Copy alpha as it is, not blended over black; write it only when
	 * there is some, or an opaque PNG grows by a third.
	 */
	gdImageAlphaBlending(dst, 0);
	gdImageSaveAlpha(dst, alpha);
	/* Area-averaging: every source pixel counts, so no moire when halving. */
	gdImageCopyResampled(dst, src, 0, 0, 0, 0, rw, rh, gdImageSX(src),
			     gdImageSY(src));
	/* Turn after resizing: fewer pixels to move. */
	if (e->orient != 1) {
		if (!(turned = orient(dst, e->orient)))
			goto out;
		gdImageDestroy(dst);
		dst = turned;
	}
	switch (e->fmt) {
	case FMT_JPEG:
		bytes = gdImageJpegPtr(dst, &size, JPEG_QUALITY);
		break;
	case FMT_PNG:
		/*
		 * A palette PNG (a poster, a drawing, our covers) stays one:
		 * a third of the bytes of a truecolor file. No dithering, which
		 * would make the files larger and flat areas noisy.
		 */
		if (!gdImageTrueColor(src) && !gdImageTrueColorToPalette(dst, 0, 256))
			goto out;
		bytes = gdImagePngPtrEx(dst, &size, PNG_LEVEL);
		break;
	case FMT_WEBP:
		bytes = gdImageWebpPtrEx(dst, &size, WEBP_QUALITY);
		break;
	}
	if (!bytes || size <= 0)
		goto out;
	encoded = 1;
	/* stage_write reports its own failure */
	rc = stage_write(s->st, v->url, bytes, (size_t)size, s->d);
out:
	gd_why = NULL;
	if (!encoded)
		diag_error(s->d, entry_where(e), e->line, e->col,
			   "image \"%s\" cannot be resized to %dx%d: %s", e->rel,
			   v->width, v->height, why.len ? why.ptr : "libgd failed");
	if (bytes)
		gdFree(bytes);
	if (dst)
		gdImageDestroy(dst);
	buf_release(&why);
	return rc;
}

static void
tally(struct imageset *s, size_t *counter)
{
	pthread_mutex_lock(&s->lock);
	(*counter)++;
	pthread_mutex_unlock(&s->lock);
}

/* One original: decoded once, for the variants the previous output lacks. */
static int
write_one(void *arg, size_t i)
{
	struct imageset *s = arg;
	const struct entry *e = s->todo[i];
	gdImagePtr im = NULL;
	int need[IMAGE_MAX_VARIANTS], nneed = 0, k, alpha, rc = -1;

	for (k = 0; k < e->nvariants; k++) {
		need[k] = !stage_reuse(s->st, s->prev, e->v[k].url);
		if (need[k])
			nneed++;
		else
			tally(s, &s->reused);
	}
	if (!nneed)
		return 0;
	if (load(e, &im, s->d) < 0)
		goto out;
	alpha = has_alpha(im);
	for (k = 0; k < e->nvariants; k++) {
		if (!need[k])
			continue;
		if (make_variant(s, e, im, alpha, &e->v[k]) < 0)
			goto out;
		tally(s, &s->made);
	}
	rc = 0;
out:
	if (im)
		gdImageDestroy(im);
	return rc != 0;
}

int
imageset_write(struct imageset *s, const struct stage *st, const char *prev,
	       int jobs, size_t *made, size_t *reused, struct diag *d)
{
	size_t failed;

	s->st = st;
	s->prev = prev;
	s->d = d;
	s->made = s->reused = 0;
	*made = *reused = 0;
	if (s->ntodo && stage_mkdir(st, "images", d) < 0)
		return -1;
	failed = pool_run(s->ntodo, jobs, write_one, s, NULL, NULL);
	*made = s->made;
	*reused = s->reused;
	return failed ? -1 : 0;
}

int
imageset_probe_file(const char *path, int *width, int *height)
{
	struct buf data = BUF_INIT, why = BUF_INIT;
	struct entry e;
	int rc = -1;

	memset(&e, 0, sizeof(e));
	if (file_read(path, &data) == 0 &&
	    probe((const unsigned char *)data.ptr, data.len, &e, &why) == 0) {
		*width = e.width;
		*height = e.height;
		rc = 0;
	}
	buf_release(&data);
	buf_release(&why);
	return rc;
}
