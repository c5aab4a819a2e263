/*
 * Resized images: sizes without upscaling, names from content, the same
 * bytes every run, reuse of the previous output, and diagnostics for files
 * that are not images we take. The test images are drawn here with libgd
 * into tests/out/imageset/, so no binary is committed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gd.h>

#include "buf.h"
#include "diag.h"
#include "harness.h"
#include "imageset.h"
#include "pool.h"
#include "stage.h"
#include "util.h"

#define DIR "tests/out/imageset"
#define SITE DIR "/site"
#define IMG "assets/images/"

static int have_webp;

static void
save(const char *rel, const void *data, size_t len)
{
	char *path = path_join(SITE, rel), *dir = path_dir(path);

	dir_make(dir);
	if (file_write(path, data, len) < 0)
		die("cannot write %s", path);
	free(dir);
	free(path);
}

enum kind { AS_PNG, AS_JPEG, AS_WEBP, AS_WEBP_LOSSLESS, AS_GIF };

static void
save_gd(const char *rel, gdImagePtr im, enum kind k, struct buf *copy)
{
	void *p = NULL;
	int n = 0;

	switch (k) {
	case AS_PNG: p = gdImagePngPtrEx(im, &n, 9); break;
	case AS_JPEG: p = gdImageJpegPtr(im, &n, 90); break;
	case AS_WEBP: p = gdImageWebpPtrEx(im, &n, 90); break;
	case AS_WEBP_LOSSLESS: p = gdImageWebpPtrEx(im, &n, gdWebpLossless); break;
	case AS_GIF: p = gdImageGifPtr(im, &n); break;
	}
	if (!p)
		die("cannot encode %s", rel);
	save(rel, p, (size_t)n);
	if (copy)
		buf_add(copy, p, (size_t)n);
	gdFree(p);
}

/* Like the example covers: 1200x675 with a full 256-colour palette. */
static gdImagePtr
draw_cover(int seed)
{
	gdImagePtr im = gdImageCreate(1200, 675);
	int i, c[256];

	for (i = 0; i < 256; i++)
		c[i] = gdImageColorAllocate(im, (i * 7 + seed) & 255,
					    (i * 3) & 255, 255 - i);
	for (i = 0; i < 1200; i++)
		gdImageLine(im, i, 0, i, 674, c[(i * 256) / 1200]);
	gdImageFilledEllipse(im, 600, 337, 400, 300, c[17]);
	gdImageFilledRectangle(im, 50, 50, 250, 150, c[200]);
	return im;
}

/* Truecolor, top-left quarter red, the rest a blue-green gradient. */
static gdImagePtr
draw_photo(int w, int h)
{
	gdImagePtr im = gdImageCreateTrueColor(w, h);
	int x, y;

	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			gdImageSetPixel(im, x, y,
					x < w / 2 && y < h / 2 ?
					gdTrueColor(230, 20, 20) :
					gdTrueColor(0, 255 * x / w, 255 * y / h));
	return im;
}

/* Opaque on the left half, fully transparent on the right. */
static gdImagePtr
draw_alpha(int w, int h)
{
	gdImagePtr im = gdImageCreateTrueColor(w, h);

	gdImageAlphaBlending(im, 0);
	gdImageSaveAlpha(im, 1);
	gdImageFilledRectangle(im, 0, 0, w / 2 - 1, h - 1,
			       gdTrueColorAlpha(200, 30, 30, 0));
	gdImageFilledRectangle(im, w / 2, 0, w - 1, h - 1,
			       gdTrueColorAlpha(0, 0, 0, gdAlphaTransparent));
	return im;
}

/* A JPEG stored 300x200 whose Exif says: turn a quarter clockwise. */
static void
save_turned_jpeg(const char *rel)
{
	static const unsigned char app1[] = {
		0xFF, 0xE1, 0x00, 34, 'E', 'x', 'i', 'f', 0, 0,
		'M', 'M', 0, '*', 0, 0, 0, 8,          /* TIFF header */
		0, 1,                                 /* one entry */
		0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, /* orientation 6 */
		0, 0, 0, 0,                           /* no next IFD */
	};
	gdImagePtr im = draw_photo(300, 200);
	struct buf b = BUF_INIT, out = BUF_INIT;
	int n;
	void *p = gdImageJpegPtr(im, &n, 90);

	buf_add(&b, p, (size_t)n);
	buf_add(&out, b.ptr, 2); /* SOI */
	buf_add(&out, app1, sizeof(app1));
	buf_add(&out, b.ptr + 2, b.len - 2);
	save(rel, out.ptr, out.len);
	gdFree(p);
	gdImageDestroy(im);
	buf_release(&b);
	buf_release(&out);
}

static void
make_images(void)
{
	gdImagePtr im;
	struct buf cover = BUF_INIT, jpeg = BUF_INIT;

	tree_remove(DIR);
	im = draw_cover(0);
	save_gd(IMG "covers/cover.png", im, AS_PNG, &cover);
	save(IMG "covers/same-bytes.png", cover.ptr, cover.len);
	/* cut in the image data: the header is whole */
	save(IMG "cut.png", cover.ptr, cover.len / 2);
	/* cut in the header */
	save(IMG "broken.png", cover.ptr, 20);
	save_gd(IMG "gif.gif", im, AS_GIF, NULL);
	gdImageDestroy(im);
	im = draw_cover(1); /* one colour of the palette differs */
	save_gd(IMG "covers/other.png", im, AS_PNG, NULL);
	gdImageDestroy(im);

	im = draw_photo(300, 200);
	save_gd(IMG "photo.jpg", im, AS_JPEG, &jpeg);
	/* a JPEG named .png is still a JPEG */
	save(IMG "jpeg-named.png", jpeg.ptr, jpeg.len);
	save(IMG "cut.jpg", jpeg.ptr, jpeg.len * 2 / 3);
	gdImageDestroy(im);
	im = draw_photo(960, 540);
	save_gd(IMG "exact.jpg", im, AS_JPEG, NULL);
	gdImageDestroy(im);
	im = draw_photo(600, 300);
	save_gd(IMG "photo.png", im, AS_PNG, NULL);
	gdImageInterlace(im, 1); /* a progressive JPEG: another frame marker */
	save_gd(IMG "progressive.jpg", im, AS_JPEG, NULL);
	gdImageDestroy(im);
	save_turned_jpeg(IMG "turned.jpg");

	im = draw_alpha(700, 400);
	save_gd(IMG "alpha.png", im, AS_PNG, NULL);
	gdImageDestroy(im);

	save(IMG "text.png", "这不是图片\n", strlen("这不是图片\n"));

	have_webp = gdSupportsFileType("x.webp", 0) && gdSupportsFileType("x.webp", 1);
	if (have_webp) {
		im = draw_photo(1000, 500);
		save_gd(IMG "lossy.webp", im, AS_WEBP, NULL);
		save_gd(IMG "lossless.webp", im, AS_WEBP_LOSSLESS, NULL);
		gdImageDestroy(im);
		im = draw_alpha(500, 250);
		save_gd(IMG "alpha.webp", im, AS_WEBP, NULL);
		gdImageDestroy(im);
	}
	buf_release(&cover);
	buf_release(&jpeg);
}

/* images/<16 hex>-<width>.<ext> */
static int
name_ok(const char *url, int width, const char *ext)
{
	char tail[32];
	int i;

	if (strncmp(url, "images/", 7))
		return 0;
	for (i = 0; i < 16; i++)
		if (!strchr("0123456789abcdef", url[7 + i]))
			return 0;
	snprintf(tail, sizeof(tail), "-%d.%s", width, ext);
	return !strcmp(url + 23, tail);
}

static char *
diag_text(struct diag *d)
{
	char *p = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&p, &n);

	diag_print(d, fp);
	fclose(fp);
	return p;
}

static int
add(struct imageset *s, const char *rel, struct image_ref *ref, struct diag *d)
{
	return imageset_add(s, SITE, rel, "content/cases/a.md", 3, 9, ref, d);
}

static void
sizes_never_upscale(void)
{
	struct imageset *s = imageset_new();
	struct diag *d = diag_new();
	struct image_ref r = IMAGE_REF_INIT;
	struct buf b = BUF_INIT, want = BUF_INIT;

	CHECK_INT(add(s, IMG "covers/cover.png", &r, d), 0);
	CHECK_STR(r.url, IMG "covers/cover.png");
	CHECK_INT(r.width, 1200);
	CHECK_INT(r.height, 675);
	CHECK_INT(r.nvariants, 2);
	CHECK_INT(r.v[0].width, 480);
	CHECK_INT(r.v[0].height, 270);
	CHECK_INT(r.v[1].width, 960);
	CHECK_INT(r.v[1].height, 540);
	CHECK(name_ok(r.v[0].url, 480, "png"));
	CHECK(name_ok(r.v[1].url, 960, "png"));
	/* the two widths are two names, not one hash with two suffixes */
	CHECK(strncmp(r.v[0].url, r.v[1].url, 23) != 0);

	image_ref_srcset(&r, "../", &b);
	buf_addf(&want, "../%s 480w, ../%s 960w", r.v[0].url, r.v[1].url);
	CHECK_STR(b.ptr, want.ptr);
	buf_reset(&b);
	image_ref_src(&r, "../", &b);
	buf_reset(&want);
	buf_addf(&want, "../%s", r.v[1].url);
	CHECK_STR(b.ptr, want.ptr);
	image_ref_release(&r);

	CHECK_INT(add(s, IMG "photo.jpg", &r, d), 0);
	CHECK_INT(r.width, 300);
	CHECK_INT(r.height, 200);
	CHECK_INT(r.nvariants, 1);
	CHECK_INT(r.v[0].width, 300);
	CHECK_INT(r.v[0].height, 200);
	CHECK(name_ok(r.v[0].url, 300, "jpg"));
	buf_reset(&b);
	image_ref_srcset(&r, "", &b);
	buf_reset(&want);
	buf_addf(&want, "%s 300w", r.v[0].url);
	CHECK_STR(b.ptr, want.ptr);
	buf_reset(&b);
	image_ref_src(&r, "", &b);
	CHECK_STR(b.ptr, r.v[0].url);
	image_ref_release(&r);

	/* between the two widths: 480 and the original's */
	CHECK_INT(add(s, IMG "alpha.png", &r, d), 0);
	CHECK_INT(r.nvariants, 2);
	CHECK_INT(r.v[0].width, 480);
	CHECK_INT(r.v[0].height, 274); /* 400 * 480 / 700 = 274.3 */
	CHECK_INT(r.v[1].width, 700);
	CHECK_INT(r.v[1].height, 400);
	image_ref_release(&r);

	/* exactly 960: no second copy at the same width */
	CHECK_INT(add(s, IMG "exact.jpg", &r, d), 0);
	CHECK_INT(r.nvariants, 2);
	CHECK_INT(r.v[1].width, 960);
	image_ref_release(&r);

	CHECK_INT(add(s, IMG "progressive.jpg", &r, d), 0);
	CHECK_INT(r.width, 600);
	CHECK_INT(r.height, 300);
	image_ref_release(&r);

	/* told by its bytes, not its name */
	CHECK_INT(add(s, IMG "jpeg-named.png", &r, d), 0);
	CHECK(name_ok(r.v[0].url, 300, "jpg"));
	image_ref_release(&r);

	/* Exif orientation 6: stored 300x200, seen 200x300 */
	CHECK_INT(add(s, IMG "turned.jpg", &r, d), 0);
	CHECK_INT(r.width, 200);
	CHECK_INT(r.height, 300);
	CHECK_INT(r.v[0].width, 200);
	CHECK_INT(r.v[0].height, 300);
	image_ref_release(&r);
	image_ref_release(&r); /* an empty ref may be released */

	CHECK_INT(diag_errors(d), 0);
	buf_release(&b);
	buf_release(&want);
	diag_free(d);
	imageset_free(s);
}

static void
names_follow_content(void)
{
	struct imageset *s = imageset_new(), *t = imageset_new();
	struct diag *d = diag_new();
	struct image_ref a = IMAGE_REF_INIT, b = IMAGE_REF_INIT;
	struct image_ref c = IMAGE_REF_INIT, e = IMAGE_REF_INIT;

	CHECK_INT(add(s, IMG "covers/cover.png", &a, d), 0);
	CHECK_INT(imageset_count(s), 2);
	/* the same bytes elsewhere: the same files, made once */
	CHECK_INT(add(s, IMG "covers/same-bytes.png", &b, d), 0);
	CHECK_STR(b.url, IMG "covers/same-bytes.png");
	CHECK_STR(b.v[0].url, a.v[0].url);
	CHECK_STR(b.v[1].url, a.v[1].url);
	CHECK_INT(imageset_count(s), 2);
	/* one palette colour changed: new names */
	CHECK_INT(add(s, IMG "covers/other.png", &c, d), 0);
	CHECK(strcmp(c.v[0].url, a.v[0].url) != 0);
	CHECK(strcmp(c.v[1].url, a.v[1].url) != 0);
	CHECK_INT(imageset_count(s), 4);
	/* another run, another page: the same names */
	CHECK_INT(imageset_add(t, SITE, IMG "covers/cover.png", NULL, 0, 0, &e, d), 0);
	CHECK_STR(e.v[0].url, a.v[0].url);
	CHECK_STR(e.v[1].url, a.v[1].url);
	CHECK_INT(diag_errors(d), 0);
	image_ref_release(&a);
	image_ref_release(&b);
	image_ref_release(&c);
	image_ref_release(&e);
	diag_free(d);
	imageset_free(s);
	imageset_free(t);
}

static const char *const good[] = {
	IMG "covers/cover.png", IMG "covers/same-bytes.png",
	IMG "covers/other.png", IMG "photo.jpg", IMG "alpha.png",
	IMG "exact.jpg", IMG "turned.jpg", IMG "photo.png", IMG "lossy.webp",
	IMG "lossless.webp", IMG "alpha.webp",
};
#define NGOOD (sizeof(good) / sizeof(good[0]))

static gdImagePtr
open_out(const char *out, const char *url)
{
	char *path = path_join(out, url);
	gdImagePtr im = gdImageCreateFromFile(path);

	free(path);
	return im;
}

/* The colour type of a PNG file: 2 RGB, 3 palette, 6 RGBA. */
static int
png_type(const char *out, const char *url)
{
	struct buf b = BUF_INIT;
	char *path = path_join(out, url);
	int t = file_read(path, &b) == 0 && b.len > 25 ? b.ptr[25] : -1;

	free(path);
	buf_release(&b);
	return t;
}

/* Build into out with every good image; refs get what the pages would. */
static int
build(const char *out, const char *prev, struct image_ref *refs,
      size_t *made, size_t *reused, size_t *count, struct diag *d)
{
	struct imageset *s = imageset_new();
	struct stage st;
	size_t i;
	int rc = -1;

	for (i = 0; i < NGOOD; i++)
		if (have_webp || !strstr(good[i], ".webp"))
			if (add(s, good[i], &refs[i], d) < 0)
				goto out;
	*count = imageset_count(s);
	if (stage_open(&st, out, d) < 0)
		goto out;
	if (imageset_write(s, &st, prev, 2, made, reused, d) == 0)
		rc = stage_commit(&st, d);
	stage_release(&st);
out:
	imageset_free(s);
	return rc;
}

static int
same_file(const char *a, const char *b)
{
	struct buf x = BUF_INIT, y = BUF_INIT;
	int same = file_read(a, &x) == 0 && file_read(b, &y) == 0 &&
		   x.len == y.len && !memcmp(x.ptr, y.ptr, x.len);

	buf_release(&x);
	buf_release(&y);
	return same;
}

static void
release_refs(struct image_ref *refs)
{
	size_t i;

	for (i = 0; i < NGOOD; i++)
		image_ref_release(&refs[i]);
}

static void
write_same_bytes_and_reuse(void)
{
	struct image_ref r1[NGOOD], r2[NGOOD];
	struct diag *d = diag_new();
	size_t made, reused, count, i;
	int k, px;
	gdImagePtr im;
	char *p, *q;

	memset(r1, 0, sizeof(r1));
	memset(r2, 0, sizeof(r2));
	CHECK_INT(build(DIR "/out1", NULL, r1, &made, &reused, &count, d), 0);
	/* cover and same-bytes share 2; other 2; photo 1; alpha 2; exact 2;
	 * turned 1; photo.png 2; the three WebP 2 each */
	CHECK_INT(count, have_webp ? 18 : 12);
	CHECK_INT(made, count);
	CHECK_INT(reused, 0);

	for (i = 0; i < NGOOD; i++) {
		for (k = 0; k < r1[i].nvariants; k++) {
			im = open_out(DIR "/out1", r1[i].v[k].url);
			CHECK(im != NULL);
			if (!im)
				continue;
			CHECK_INT(gdImageSX(im), r1[i].v[k].width);
			CHECK_INT(gdImageSY(im), r1[i].v[k].height);
			if (strstr(good[i], "covers/")) {
				/* palette stays palette */
				CHECK(!gdImageTrueColor(im));
				CHECK_INT(png_type(DIR "/out1", r1[i].v[k].url), 3);
			}
			/* alpha only where there was some */
			if (!strcmp(good[i], IMG "alpha.png"))
				CHECK_INT(png_type(DIR "/out1", r1[i].v[k].url), 6);
			if (!strcmp(good[i], IMG "photo.png"))
				CHECK_INT(png_type(DIR "/out1", r1[i].v[k].url), 2);
			if (strstr(good[i], "alpha.")) {
				/* the transparent half stays transparent */
				px = gdImageGetTrueColorPixel(im, gdImageSX(im) - 2, 2);
				CHECK(gdTrueColorGetAlpha(px) > 100);
				px = gdImageGetTrueColorPixel(im, 2, 2);
				CHECK(gdTrueColorGetAlpha(px) < 10);
			}
			if (strstr(good[i], "turned")) {
				/* the stored top-left quarter, red, is now top-right */
				px = gdImageGetTrueColorPixel(im, gdImageSX(im) - 10, 10);
				CHECK(gdTrueColorGetRed(px) > 180 && gdTrueColorGetGreen(px) < 60);
				px = gdImageGetTrueColorPixel(im, 10, 10);
				CHECK(gdTrueColorGetRed(px) < 60);
			}
			gdImageDestroy(im);
		}
	}

	/* a second build from nothing: the same bytes */
	CHECK_INT(build(DIR "/out2", NULL, r2, &made, &reused, &count, d), 0);
	CHECK_INT(made, count);
	for (i = 0; i < NGOOD; i++) {
		CHECK_INT(r2[i].nvariants, r1[i].nvariants);
		for (k = 0; k < r1[i].nvariants; k++) {
			CHECK_STR(r2[i].v[k].url, r1[i].v[k].url);
			p = path_join(DIR "/out1", r1[i].v[k].url);
			q = path_join(DIR "/out2", r1[i].v[k].url);
			CHECK(same_file(p, q));
			free(p);
			free(q);
		}
	}
	release_refs(r2);

	/* a rebuild over out1: nothing made again */
	CHECK_INT(build(DIR "/out1", DIR "/out1", r2, &made, &reused, &count, d), 0);
	CHECK_INT(made, 0);
	CHECK_INT(reused, count);
	for (i = 0; i < NGOOD; i++)
		for (k = 0; k < r1[i].nvariants; k++) {
			p = path_join(DIR "/out1", r1[i].v[k].url);
			q = path_join(DIR "/out2", r1[i].v[k].url);
			CHECK(same_file(p, q));
			free(p);
			free(q);
		}
	release_refs(r2);
	release_refs(r1);

	CHECK_INT(diag_errors(d), 0);
	CHECK_INT(diag_warnings(d), 0);
	diag_free(d);
}

struct many {
	struct imageset *s;
	struct diag *d;
	char *first[5];
};

static const char *const few[5] = {
	IMG "covers/cover.png", IMG "covers/same-bytes.png", IMG "photo.jpg",
	IMG "alpha.png", IMG "turned.jpg",
};

static int
add_one(void *arg, size_t i)
{
	struct many *m = arg;
	struct image_ref r = IMAGE_REF_INIT;
	int rc = add(m->s, few[i % 5], &r, m->d);

	rc = rc < 0 || strcmp(r.v[0].url, m->first[i % 5]) != 0;
	image_ref_release(&r);
	return rc;
}

/* Many threads adding the same few images: one entry each, same names. */
static void
adds_from_many_threads(void)
{
	struct many m;
	struct image_ref r = IMAGE_REF_INIT;
	struct imageset *t = imageset_new();
	size_t i;

	m.s = imageset_new();
	m.d = diag_new();
	for (i = 0; i < 5; i++) {
		add(t, few[i], &r, m.d);
		m.first[i] = xstrdup(r.v[0].url);
		image_ref_release(&r);
	}
	CHECK_INT(pool_run(400, 4, add_one, &m, NULL, NULL), 0);
	CHECK_INT(imageset_count(m.s), imageset_count(t));
	CHECK_INT(imageset_count(m.s), 6);
	CHECK_INT(diag_errors(m.d), 0);
	for (i = 0; i < 5; i++)
		free(m.first[i]);
	diag_free(m.d);
	imageset_free(m.s);
	imageset_free(t);
}

/* Adding rel fails, ref stays empty, and the diagnostics hold want. */
static void
refused(const char *rel, const char *file, const char *want)
{
	struct imageset *s = imageset_new();
	struct diag *d = diag_new();
	struct image_ref r = IMAGE_REF_INIT;
	char *text;

	CHECK_INT(imageset_add(s, SITE, rel, file, file ? 3 : 0, file ? 9 : 0,
			       &r, d), -1);
	CHECK(r.url == NULL && r.nvariants == 0);
	CHECK_INT(imageset_count(s), 0);
	CHECK_INT(diag_errors(d), 1);
	text = diag_text(d);
	CHECK(strstr(text, want) != NULL);
	if (!strstr(text, want))
		fprintf(stderr, "  got:  %s  want: %s\n", text, want);
	free(text);
	image_ref_release(&r);
	diag_free(d);
	imageset_free(s);
}

static void
bad_files_are_told(void)
{
	refused(IMG "broken.png", "content/cases/a.md",
		"content/cases/a.md:3:9: error: image \"" IMG "broken.png\" is damaged: its PNG header ends before the image size");
	refused(IMG "text.png", "content/cases/a.md",
		"content/cases/a.md:3:9: error: image \"" IMG "text.png\" is not a JPEG, PNG or WebP image");
	/* no page: the image itself is the place */
	refused(IMG "text.png", NULL,
		SITE "/" IMG "text.png: error: image \"" IMG "text.png\" is not a JPEG, PNG or WebP image");
	refused(IMG "gif.gif", "content/cases/a.md",
		"image \"" IMG "gif.gif\" is a GIF file; save it as PNG, JPEG or WebP");
	refused(IMG "missing.png", "content/cases/a.md",
		"content/cases/a.md:3:9: error: image \"" IMG "missing.png\" cannot be read: No such file or directory");
	refused("assets/images", "content/cases/a.md",
		"image \"assets/images\" is a folder, not a regular file");
	refused("../secret.png", "content/cases/a.md",
		"content/cases/a.md:3:9: error: image \"../secret.png\" leaves the site folder");
	refused("assets/../../x.png", "content/cases/a.md", "leaves the site folder");
	refused("/etc/x.png", "content/cases/a.md", "written with a leading '/'");
	refused("https://example.com/x.png", "content/cases/a.md",
		"is not a file of the site");
	refused("", "content/cases/a.md", "image path is empty");
}

/* A header that reads well over data that does not: told when writing. */
static void
damage_found_when_writing(void)
{
	struct imageset *s = imageset_new();
	struct diag *d = diag_new();
	struct image_ref r = IMAGE_REF_INIT;
	size_t made = 9, reused = 9;
	struct stage st;
	char *text;

	/* told at the first use in reading order, whichever thread came first */
	CHECK_INT(imageset_add(s, SITE, IMG "cut.png", "content/cases/b.md", 1, 1, &r, d), 0);
	image_ref_release(&r);
	CHECK_INT(imageset_add(s, SITE, IMG "cut.png", NULL, 0, 0, &r, d), 0);
	image_ref_release(&r);
	CHECK_INT(add(s, IMG "cut.png", &r, d), 0);
	CHECK_INT(r.width, 1200);
	CHECK_INT(stage_open(&st, DIR "/out3", d), 0);
	CHECK_INT(imageset_write(s, &st, NULL, 2, &made, &reused, d), -1);
	stage_release(&st);
	CHECK_INT(made, 0);
	CHECK_INT(reused, 0);
	CHECK_INT(diag_errors(d), 1);
	text = diag_text(d);
	CHECK(strstr(text, "content/cases/a.md:3:9: error: image \"" IMG "cut.png\" cannot be decoded: ") != NULL);
	/* libgd's reason is kept, not printed */
	CHECK(strstr(text, "libgd gave no reason") == NULL);
	free(text);
	image_ref_release(&r);
	diag_free(d);
	imageset_free(s);
}

/* A cut-off JPEG is shown as far as it goes, as browsers do, with a warning. */
static void
cut_jpeg_is_a_warning(void)
{
	struct imageset *s = imageset_new();
	struct diag *d = diag_new();
	struct image_ref r = IMAGE_REF_INIT;
	size_t made = 0, reused = 0;
	struct stage st;
	char *text;

	CHECK_INT(add(s, IMG "cut.jpg", &r, d), 0);
	CHECK_INT(stage_open(&st, DIR "/out4", d), 0);
	CHECK_INT(imageset_write(s, &st, NULL, 1, &made, &reused, d), 0);
	stage_release(&st);
	CHECK_INT(made, 1);
	CHECK_INT(diag_errors(d), 0);
	CHECK_INT(diag_warnings(d), 1);
	text = diag_text(d);
	CHECK(strstr(text, "content/cases/a.md:3:9: warning: image \"" IMG "cut.jpg\" is damaged (") != NULL);
	free(text);
	image_ref_release(&r);
	diag_free(d);
	imageset_free(s);
}

static void
webp_in_and_out(void)
{
	struct imageset *s;
	struct diag *d;
	struct image_ref r = IMAGE_REF_INIT;
	static const char *const files[] = {
		IMG "lossy.webp", IMG "lossless.webp", IMG "alpha.webp",
	};
	static const int w[] = { 1000, 1000, 500 }, h[] = { 500, 500, 250 };
	size_t i;

	if (!have_webp) {
		printf("libgd has no WebP: WebP tests skipped\n");
		return;
	}
	s = imageset_new();
	d = diag_new();
	/* VP8, VP8L and VP8X headers */
	for (i = 0; i < 3; i++) {
		CHECK_INT(add(s, files[i], &r, d), 0);
		CHECK_INT(r.width, w[i]);
		CHECK_INT(r.height, h[i]);
		CHECK_INT(r.v[0].width, 480);
		CHECK(name_ok(r.v[0].url, 480, "webp"));
		CHECK(name_ok(r.v[1].url, w[i] > 960 ? 960 : w[i], "webp"));
		image_ref_release(&r);
	}
	CHECK_INT(diag_errors(d), 0);
	diag_free(d);
	imageset_free(s);
}

int
main(void)
{
	make_images();
	sizes_never_upscale();
	names_follow_content();
	webp_in_and_out();
	write_same_bytes_and_reuse();
	adds_from_many_threads();
	bad_files_are_told();
	damage_found_when_writing();
	cut_jpeg_is_a_warning();
	return harness_done();
}
