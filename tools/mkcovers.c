/*
 * mkcovers: draw the example site's cover images, banner and logo with libgd.
 *
 *   cc -std=c11 -O2 -o /tmp/mkcovers tools/mkcovers.c \
 *       $(pkg-config --cflags --libs gdlib) -lm
 *   /tmp/mkcovers [-f FONTDIR] [OUTDIR]
 *
 * OUTDIR defaults to assets/images; covers go to OUTDIR/covers/<slug>.png,
 * the home-page banner to OUTDIR/banner.png and the logo to OUTDIR/logo.png.
 * FONTDIR (default /usr/share/fonts/opentype/noto, or $MKCOVERS_FONTDIR)
 * must hold the Noto CJK collections (fonts-noto-cjk).
 *
 * The output depends only on this file and the fonts: no clock, no random
 * numbers, so two runs give the same bytes.
 *
 * Why the font extraction: the Noto CJK files are collections (.ttc) whose
 * first face is the Japanese one, and libgd always opens face 0, even when
 * fontconfig names another. Japanese glyph shapes differ from the
 * simplified-Chinese ones for many common characters, so the Simplified
 * Chinese face is copied out of the collection into a standalone font file
 * in a temporary folder, and libgd is pointed at that file.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <gd.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

/* Drawing happens at SS times the final size, then is scaled down. */
#define SS 2

/* What the medal on a cover holds. */
enum motif {
	STAR,		/* a five-pointed star: brands, honours */
	LINKS,		/* chain links: industry chains, alliances, joint setup */
	TOWERS,		/* buildings: office towers, shopping streets */
	FLAME,		/* a flame: training, passing skills on */
	ROUTE,		/* a road with stops: demonstration belts */
};

struct cover {
	const char *slug;
	const char *title;	/* the short theme name drawn large */
	const char *label;	/* the category drawn in the gold tag */
	enum motif motif;
};

static const struct cover covers[] = {
	{"sanlian-ronghe-gongzuofa", "三链融合工作法", "党建品牌", LINKS},
	{"binjiang-shifandai", "滨江路—城关示范带", "示范带", ROUTE},
	{"gaoxin-shifandai", "高新区—新桥镇示范带", "示范带", ROUTE},
	{"qingchuanli-hongse-shangquan", "青川里红色商圈", "红色商圈", TOWERS},
	{"wanghulu-hongse-jiequ", "望湖路红色街区", "红色街区", TOWERS},
	{"louyu-hongguanjia", "楼宇红管家", "楼宇党建", TOWERS},
	{"hangye-zonghe-dangwei", "三委三盟", "行业综合党委", LINKS},
	{"xinnengyuan-chanyelian", "链心同行", "产业链党建", LINKS},
	{"shuangqiang-hongling-renzheng", "双强红领认证", "双强红领", STAR},
	{"hongling-xuetang", "红领学堂", "双强红领", FLAME},
	{"shuangpeiyang-ruifeng", "匠心红芯", "双培养", FLAME},
	{"xinqiao-lianhe-zujian", "园区联合组建", "联合组建", LINKS},
	{"zhidaoyuan-zoujin-qiye", "党建工作指导员", "指导员", FLAME},
	{"zhuti-dangri-1-6-x", "主题党日“1+6+X”", "主题党日", STAR},
	{"wuxing-zhibu-jinse", "逐星晋级", "五星支部", STAR},
	{"dianshang-xiehui-wuxin", "五心服务", "社会组织", STAR},
	{"qiming-xuexiao-xinhuo", "薪火育人", "社会组织", FLAME},
	{"heji-yiyuan-xinglin", "杏林先锋", "社会组织", STAR},
	{"qunjian-gongjian", "党群共建", "群团建设", LINKS},
};

static const char *const subtitle = "青川区非公企业和社会组织党建 · 典型案例";
static const char *const issuer = "中共青川区委两新工委";

/* Fonts extracted into tmpdir; see the comment at the top. */
static char tmpdir[64];
static char font_serif[128];	/* Noto Serif CJK SC Bold */
static char font_sans[128];	/* Noto Sans CJK SC Regular */
static char font_sans_bold[128];	/* Noto Sans CJK SC Bold */

static void die(const char *fmt, ...)
{
	va_list ap;

	fputs("mkcovers: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (tmpdir[0]) {
		unlink(font_serif);
		unlink(font_sans);
		unlink(font_sans_bold);
		rmdir(tmpdir);
	}
	exit(1);
}

/* ---- Font collection handling ---------------------------------------- */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (!f)
		die("cannot open '%s': %s", path, strerror(errno));
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET))
		die("cannot read '%s'", path);
	buf = malloc((size_t)n ? (size_t)n : 1);
	if (!buf)
		die("out of memory");
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		die("cannot read '%s'", path);
	fclose(f);
	*len = (size_t)n;
	return buf;
}

/*
 * Does the face whose offset table is at off carry the family name (name
 * ID 1, Windows Unicode, US English) equal to the ASCII string family?
 */
static int face_has_family(const unsigned char *b, size_t len, uint32_t off,
			   const char *family)
{
	uint16_t ntab, i;

	if (off + 12 > len)
		return 0;
	ntab = be16(b + off + 4);
	for (i = 0; i < ntab; i++) {
		const unsigned char *rec = b + off + 12 + 16 * i;
		uint32_t toff, tlen, strings;
		uint16_t count, j;

		if ((size_t)(rec - b) + 16 > len)
			return 0;
		if (memcmp(rec, "name", 4))
			continue;
		toff = be32(rec + 8);
		tlen = be32(rec + 12);
		if (toff + tlen > len || tlen < 6)
			return 0;
		count = be16(b + toff + 2);
		strings = toff + be16(b + toff + 4);
		for (j = 0; j < count; j++) {
			const unsigned char *nr = b + toff + 6 + 12 * j;
			uint16_t plat, enc, lang, nid, slen, soff, k;
			size_t flen = strlen(family);

			if ((size_t)(nr - b) + 12 > len)
				return 0;
			plat = be16(nr);
			enc = be16(nr + 2);
			lang = be16(nr + 4);
			nid = be16(nr + 6);
			slen = be16(nr + 8);
			soff = be16(nr + 10);
			if (plat != 3 || enc != 1 || lang != 0x409 || nid != 1)
				continue;
			if (slen != 2 * flen || strings + soff + slen > len)
				continue;
			for (k = 0; k < flen; k++) {
				const unsigned char *c = b + strings + soff + 2 * k;
				if (c[0] || c[1] != (unsigned char)family[k])
					break;
			}
			if (k == flen)
				return 1;
		}
		return 0;
	}
	return 0;
}

/* Copy the face named family out of collection src into a file at dst. */
static void extract_face(const char *src, const char *family, const char *dst)
{
	size_t len, pos;
	unsigned char *b = slurp(src, &len);
	uint32_t nfonts, i, off = 0;
	int found = 0;
	uint16_t ntab, t;
	unsigned char *out;
	size_t outlen;

	if (len < 12 || memcmp(b, "ttcf", 4))
		die("'%s' is not a font collection", src);
	nfonts = be32(b + 8);
	for (i = 0; i < nfonts && 12 + 4 * (size_t)i + 4 <= len; i++) {
		off = be32(b + 12 + 4 * i);
		if (face_has_family(b, len, off, family)) {
			found = 1;
			break;
		}
	}
	if (!found)
		die("no face '%s' in '%s'", family, src);

	ntab = be16(b + off + 4);
	outlen = 12 + 16 * (size_t)ntab;
	for (t = 0; t < ntab; t++)
		outlen += (be32(b + off + 12 + 16 * t + 12) + 3) & ~(size_t)3;
	out = calloc(1, outlen);
	if (!out)
		die("out of memory");
	memcpy(out, b + off, 12);
	pos = 12 + 16 * (size_t)ntab;
	for (t = 0; t < ntab; t++) {
		const unsigned char *rec = b + off + 12 + 16 * t;
		unsigned char *orec = out + 12 + 16 * t;
		uint32_t toff = be32(rec + 8), tlen = be32(rec + 12);

		if ((size_t)toff + tlen > len)
			die("damaged table in '%s'", src);
		memcpy(orec, rec, 8);	/* tag and checksum stay valid */
		orec[8] = (unsigned char)(pos >> 24);
		orec[9] = (unsigned char)(pos >> 16);
		orec[10] = (unsigned char)(pos >> 8);
		orec[11] = (unsigned char)pos;
		memcpy(orec + 12, rec + 12, 4);
		memcpy(out + pos, b + toff, tlen);
		pos += (tlen + 3) & ~(size_t)3;
	}

	FILE *f = fopen(dst, "wb");
	if (!f || fwrite(out, 1, outlen, f) != outlen || fclose(f))
		die("cannot write '%s'", dst);
	free(out);
	free(b);
}

static void setup_fonts(const char *dir)
{
	char path[512];

	snprintf(tmpdir, sizeof tmpdir, "/tmp/mkcovers-XXXXXX");
	if (!mkdtemp(tmpdir))
		die("cannot create a temporary folder: %s", strerror(errno));
	snprintf(font_serif, sizeof font_serif, "%s/serif-bold.otf", tmpdir);
	snprintf(font_sans, sizeof font_sans, "%s/sans.otf", tmpdir);
	snprintf(font_sans_bold, sizeof font_sans_bold, "%s/sans-bold.otf", tmpdir);

	snprintf(path, sizeof path, "%s/NotoSerifCJK-Bold.ttc", dir);
	extract_face(path, "Noto Serif CJK SC", font_serif);
	snprintf(path, sizeof path, "%s/NotoSansCJK-Regular.ttc", dir);
	extract_face(path, "Noto Sans CJK SC", font_sans);
	snprintf(path, sizeof path, "%s/NotoSansCJK-Bold.ttc", dir);
	extract_face(path, "Noto Sans CJK SC", font_sans_bold);
}

static void cleanup_fonts(void)
{
	gdFontCacheShutdown();
	unlink(font_serif);
	unlink(font_sans);
	unlink(font_sans_bold);
	rmdir(tmpdir);
}

/* ---- Drawing helpers -------------------------------------------------- */

struct rgb {
	int r, g, b;
};

static int mix(struct rgb a, struct rgb b, double t)
{
	if (t < 0)
		t = 0;
	if (t > 1)
		t = 1;
	return gdTrueColor((int)lround(a.r + (b.r - a.r) * t),
			   (int)lround(a.g + (b.g - a.g) * t),
			   (int)lround(a.b + (b.b - a.b) * t));
}

/* alpha: 0 opaque .. 127 transparent, as libgd counts it */
static int rgba(struct rgb c, int alpha)
{
	return gdTrueColorAlpha(c.r, c.g, c.b, alpha);
}

static const struct rgb gold = {0xf2, 0xc4, 0x5a};
static const struct rgb gold_light = {0xfb, 0xe3, 0xa0};
static const struct rgb gold_dark = {0xc9, 0x8e, 0x2b};
static const struct rgb white = {0xff, 0xff, 0xff};
static const struct rgb cream = {0xf8, 0xe8, 0xc8};
static const struct rgb ink_red = {0x8a, 0x0c, 0x10};

/* Small deterministic hash of a string: FNV-1a. */
static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* Diagonal gradient from c0 (top left) to c1 (bottom right). */
static void gradient(gdImagePtr im, struct rgb c0, struct rgb c1)
{
	int w = gdImageSX(im), h = gdImageSY(im), x, y;
	double span = w + 0.6 * h;

	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++)
			gdImageSetPixel(im, x, y, mix(c0, c1, (x + 0.6 * y) / span));
}

/* Alternating translucent wedges around (cx, cy): a rising-sun motif. */
static void sunburst(gdImagePtr im, int cx, int cy, int n, double phase,
		     int color)
{
	double r = 4.0 * (gdImageSX(im) + gdImageSY(im));
	int i;

	for (i = 0; i < n; i += 2) {
		double a0 = phase + 2 * M_PI * i / n;
		double a1 = phase + 2 * M_PI * (i + 1) / n;
		gdPoint p[3] = {
			{cx, cy},
			{cx + (int)(r * cos(a0)), cy + (int)(r * sin(a0))},
			{cx + (int)(r * cos(a1)), cy + (int)(r * sin(a1))},
		};
		gdImageFilledPolygon(im, p, 3, color);
	}
}

/* A filled ring as one polygon: the outer circle, then the inner one back. */
static void ring(gdImagePtr im, int cx, int cy, double r_out, double r_in,
		 int color)
{
	enum { N = 180 };
	gdPoint p[2 * N + 2];
	int i;

	for (i = 0; i <= N; i++) {
		double a = 2 * M_PI * i / N;
		p[i].x = cx + (int)lround(r_out * cos(a));
		p[i].y = cy + (int)lround(r_out * sin(a));
		p[2 * N + 1 - i].x = cx + (int)lround(r_in * cos(a));
		p[2 * N + 1 - i].y = cy + (int)lround(r_in * sin(a));
	}
	gdImageFilledPolygon(im, p, 2 * N + 2, color);
}

static void disc(gdImagePtr im, int cx, int cy, double r, int color)
{
	gdImageFilledEllipse(im, cx, cy, (int)(2 * r), (int)(2 * r), color);
}

/* A five-pointed star with outer radius r, one point straight up. */
static void star(gdImagePtr im, int cx, int cy, double r, double rot, int color)
{
	gdPoint p[10];
	int i;

	for (i = 0; i < 10; i++) {
		double a = -M_PI / 2 + rot + M_PI * i / 5;
		double rr = (i % 2) ? r * 0.382 : r;
		p[i].x = cx + (int)lround(rr * cos(a));
		p[i].y = cy + (int)lround(rr * sin(a));
	}
	gdImageFilledPolygon(im, p, 10, color);
}

/*
 * A ribbon across the image: its centre line follows a sine wave from
 * x0 to x1, its thickness tapers from t0 to t1.
 */
static void ribbon(gdImagePtr im, int x0, int x1, double base, double amp,
		   double waves, double phase, double t0, double t1, int color)
{
	enum { N = 120 };
	gdPoint p[2 * N + 2];
	int i;

	for (i = 0; i <= N; i++) {
		double u = (double)i / N;
		double x = x0 + (x1 - x0) * u;
		double y = base + amp * sin(2 * M_PI * waves * u + phase);
		double t = t0 + (t1 - t0) * u;
		p[i].x = (int)lround(x);
		p[i].y = (int)lround(y - t / 2);
		p[2 * N + 1 - i].x = (int)lround(x);
		p[2 * N + 1 - i].y = (int)lround(y + t / 2);
	}
	gdImageFilledPolygon(im, p, 2 * N + 2, color);
}

/* The emblem-like motif: rings, short rays and a star; no real emblem. */
static void motif_links(gdImagePtr im, int cx, int cy, double r, int color)
{
	int i;

	for (i = -1; i <= 1; i++)
		ring(im, cx + (int)lround(i * 0.36 * r), cy, 0.25 * r, 0.17 * r,
		     color);
}

static void motif_towers(gdImagePtr im, int cx, int cy, double r, int color,
			 int window)
{
	static const double hgt[3] = {0.55, 0.86, 0.42};
	double base = cy + 0.42 * r, w = 0.2 * r;
	int i, k;

	for (i = 0; i < 3; i++) {
		int x0 = (int)lround(cx + (i - 1.5) * 0.25 * r + 0.025 * r);
		int top = (int)lround(base - hgt[i] * r);
		gdImageFilledRectangle(im, x0, top, x0 + (int)w, (int)base, color);
		for (k = 0; top + (k + 1) * 0.12 * r < base - 0.05 * r; k++) {
			int y = top + (int)lround((k + 0.6) * 0.12 * r);
			gdImageFilledRectangle(im, x0 + (int)(0.05 * r), y,
					       x0 + (int)(w - 0.05 * r),
					       y + (int)(0.035 * r), window);
		}
	}
	gdImageFilledRectangle(im, (int)(cx - 0.5 * r), (int)base,
			       (int)(cx + 0.5 * r), (int)(base + 0.06 * r), color);
	star(im, cx, (int)lround(base - 0.86 * r - 0.16 * r), 0.12 * r, 0, color);
}

/* A drop: a circle and a tip, joined by the two tangents from the tip. */
static void drop(gdImagePtr im, double tx, double ty, double cx, double cy,
		 double rad, int color)
{
	enum { N = 60 };
	gdPoint p[N + 2];
	double d = hypot(tx - cx, ty - cy), beta = acos(rad / d);
	double theta = atan2(ty - cy, tx - cx);
	int i;

	p[0].x = (int)lround(tx);
	p[0].y = (int)lround(ty);
	for (i = 0; i <= N; i++) {
		/* from one tangent point round the far side to the other */
		double a = theta + beta + (2 * M_PI - 2 * beta) * i / N;
		p[i + 1].x = (int)lround(cx + rad * cos(a));
		p[i + 1].y = (int)lround(cy + rad * sin(a));
	}
	gdImageFilledPolygon(im, p, N + 2, color);
}

static void motif_flame(gdImagePtr im, int cx, int cy, double r, int outer,
			int inner)
{
	/* two side tongues leaning out, the main flame, a bright core */
	drop(im, cx - 0.34 * r, cy - 0.16 * r, cx - 0.17 * r, cy + 0.24 * r,
	     0.15 * r, outer);
	drop(im, cx + 0.34 * r, cy - 0.16 * r, cx + 0.17 * r, cy + 0.24 * r,
	     0.15 * r, outer);
	drop(im, cx + 0.06 * r, cy - 0.66 * r, cx, cy + 0.14 * r, 0.28 * r,
	     outer);
	drop(im, cx - 0.03 * r, cy - 0.2 * r, cx, cy + 0.22 * r, 0.15 * r,
	     inner);
	gdImageFilledRectangle(im, (int)(cx - 0.34 * r), (int)(cy + 0.5 * r),
			       (int)(cx + 0.34 * r), (int)(cy + 0.56 * r), outer);
}

/* A winding road rising to the right, with four stops on it. */
static void motif_route(gdImagePtr im, int cx, int cy, double r, int color,
			int dot, int hole)
{
	enum { N = 240 };
	int i;

	for (i = 0; i <= N; i++) {
		double u = (double)i / N;
		double x = cx - 0.62 * r + 1.24 * r * u;
		double y = cy + 0.2 * r * sin(2 * M_PI * u) - 0.3 * r * (u - 0.5);
		disc(im, (int)lround(x), (int)lround(y), 0.05 * r, color);
	}
	for (i = 0; i < 4; i++) {
		double u = 0.08 + 0.28 * i;
		double x = cx - 0.62 * r + 1.24 * r * u;
		double y = cy + 0.2 * r * sin(2 * M_PI * u) - 0.3 * r * (u - 0.5);
		disc(im, (int)lround(x), (int)lround(y), 0.12 * r, dot);
		disc(im, (int)lround(x), (int)lround(y), 0.055 * r, hole);
	}
}

static void medal(gdImagePtr im, int cx, int cy, double r, enum motif m)
{
	int i;

	disc(im, cx, cy, r * 1.02, rgba(ink_red, 40));
	ring(im, cx, cy, r, r * 0.93, rgba(gold, 0));
	ring(im, cx, cy, r * 0.88, r * 0.855, rgba(gold_light, 10));
	for (i = 0; i < 36; i++) {
		double a = 2 * M_PI * i / 36;
		double r0 = r * 1.08, r1 = r * (i % 3 ? 1.16 : 1.24);
		double w = 2 * M_PI / 36 * 0.22;
		gdPoint p[4] = {
			{cx + (int)lround(r0 * cos(a - w)), cy + (int)lround(r0 * sin(a - w))},
			{cx + (int)lround(r1 * cos(a - w / 2)), cy + (int)lround(r1 * sin(a - w / 2))},
			{cx + (int)lround(r1 * cos(a + w / 2)), cy + (int)lround(r1 * sin(a + w / 2))},
			{cx + (int)lround(r0 * cos(a + w)), cy + (int)lround(r0 * sin(a + w))},
		};
		gdImageFilledPolygon(im, p, 4, rgba(gold, 30));
	}
	switch (m) {
	case STAR:
		star(im, cx, cy - (int)(r * 0.04), r * 0.62, 0, rgba(gold, 0));
		/* a lighter inner star suggests relief */
		star(im, cx, cy - (int)(r * 0.04), r * 0.36, 0,
		     rgba(gold_light, 0));
		break;
	case LINKS:
		motif_links(im, cx, cy, r, rgba(gold, 0));
		break;
	case TOWERS:
		motif_towers(im, cx, cy, r, rgba(gold, 0), rgba(ink_red, 0));
		break;
	case FLAME:
		motif_flame(im, cx, cy, r, rgba(gold, 0), rgba(gold_light, 0));
		break;
	case ROUTE:
		motif_route(im, cx, cy, r, rgba(gold, 0), rgba(gold_light, 0),
			    rgba(ink_red, 0));
		break;
	}
}

/* Text width in pixels at the given size, for layout. */
static int text_width(const char *font, double size, const char *s)
{
	int br[8];
	char *err = gdImageStringFT(NULL, br, 0, (char *)font, size, 0, 0, 0,
				    (char *)s);

	if (err)
		die("cannot measure text with '%s': %s", font, err);
	return br[2] - br[0];
}

/* Draws s with its baseline's left end at (x, y). */
static void text(gdImagePtr im, const char *font, double size, int x, int y,
		 int color, const char *s)
{
	int br[8];
	char *err = gdImageStringFT(im, br, color, (char *)font, size, 0, x, y,
				    (char *)s);

	if (err)
		die("cannot draw text with '%s': %s", font, err);
}

/* Scale down by SS into a new image: smooth edges without anti-aliasing. */
static gdImagePtr downscale(gdImagePtr big)
{
	int w = gdImageSX(big) / SS, h = gdImageSY(big) / SS;
	gdImagePtr im = gdImageCreateTrueColor(w, h);

	if (!im)
		die("out of memory");
	gdImageCopyResampled(im, big, 0, 0, 0, 0, w, h, gdImageSX(big),
			     gdImageSY(big));
	gdImageDestroy(big);
	return im;
}

static void write_png(gdImagePtr im, const char *path, int palette)
{
	FILE *f;

	if (palette && gdImageTrueColorToPalette(im, 0, 256) == 0)
		die("cannot reduce '%s' to a palette", path);
	f = fopen(path, "wb");
	if (!f)
		die("cannot write '%s': %s", path, strerror(errno));
	gdImagePngEx(im, f, 9);
	if (fclose(f))
		die("cannot write '%s': %s", path, strerror(errno));
}

/* ---- The three kinds of image ---------------------------------------- */

static const struct rgb schemes[][2] = {
	{{0x8e, 0x0b, 0x12}, {0xd0, 0x22, 0x1c}},	/* crimson */
	{{0x74, 0x08, 0x10}, {0xb8, 0x16, 0x1c}},	/* deep */
	{{0x9a, 0x10, 0x10}, {0xd9, 0x3a, 0x1e}},	/* warm */
};

static void draw_cover(const struct cover *c, const char *outdir)
{
	const int W = 1200 * SS, H = 675 * SS;
	uint32_t h = hash(c->slug);
	const struct rgb *sc = schemes[h % 3];
	gdImagePtr im = gdImageCreateTrueColor(W, H);
	char path[1024];
	double size;
	int x = 84 * SS, tag_w, cx, cy;

	if (!im)
		die("out of memory");
	gdImageAlphaBlending(im, 1);
	gradient(im, sc[0], sc[1]);

	/* rising sun behind the medal, on the right */
	cx = (int)((930 + (int)(h >> 8) % 60) * SS);
	cy = 300 * SS;
	sunburst(im, cx, cy, 48, (h >> 4) % 16 * M_PI / 96,
		 rgba(white, 118));
	ring(im, cx, cy, 300 * SS, 296 * SS, rgba(gold, 96));
	ring(im, cx, cy, 360 * SS, 358 * SS, rgba(gold, 108));
	disc(im, cx, cy, 250 * SS, rgba(white, 122));

	/* ribbons along the bottom */
	double ph = (h >> 12) % 32 * M_PI / 16;
	ribbon(im, -40 * SS, W + 40 * SS, 600 * SS, 26 * SS, 0.9, ph,
	       64 * SS, 18 * SS, rgba(gold_dark, 20));
	ribbon(im, -40 * SS, W + 40 * SS, 586 * SS, 30 * SS, 0.9, ph + 0.25,
	       30 * SS, 8 * SS, rgba(gold, 0));
	ribbon(im, -40 * SS, W + 40 * SS, 628 * SS, 22 * SS, 0.8, ph + 0.9,
	       14 * SS, 40 * SS, rgba(gold_light, 50));
	ribbon(im, -40 * SS, W + 40 * SS, 660 * SS, 18 * SS, 0.7, ph + 1.7,
	       40 * SS, 70 * SS, rgba(ink_red, 40));

	medal(im, cx, cy, 120 * SS, c->motif);

	/* category tag: a gold bar with dark red text */
	tag_w = text_width(font_sans_bold, 22 * SS, c->label) + 36 * SS;
	gdImageFilledRectangle(im, x, 112 * SS, x + tag_w, 156 * SS,
			       rgba(gold, 0));
	gdImageFilledRectangle(im, x + tag_w + 8 * SS, 112 * SS,
			       x + tag_w + 14 * SS, 156 * SS, rgba(gold, 0));
	text(im, font_sans_bold, 22 * SS, x + 18 * SS, 145 * SS,
	     rgba(ink_red, 0), c->label);

	/* the title, as large as fits beside the medal */
	for (size = 76; size > 40; size -= 2)
		if (text_width(font_serif, size * SS, c->title) <= 640 * SS)
			break;
	text(im, font_serif, size * SS, x - 4 * SS, 300 * SS, rgba(white, 0),
	     c->title);
	gdImageFilledRectangle(im, x, 336 * SS, x + 96 * SS, 342 * SS,
			       rgba(gold, 0));
	gdImageFilledRectangle(im, x + 104 * SS, 338 * SS, x + 560 * SS,
			       340 * SS, rgba(gold, 70));
	text(im, font_sans, 26 * SS, x, 396 * SS, rgba(cream, 0), subtitle);
	text(im, font_sans, 20 * SS, x, 440 * SS, rgba(gold_light, 20),
	     issuer);

	im = downscale(im);
	snprintf(path, sizeof path, "%s/covers/%s.png", outdir, c->slug);
	write_png(im, path, 1);
	gdImageDestroy(im);
}

/* Home-page banner: no text, the site puts its own title over it. */
static void draw_banner(const char *outdir)
{
	const int W = 1600 * SS, H = 400 * SS;
	gdImagePtr im = gdImageCreateTrueColor(W, H);
	char path[1024];
	int i, cx = 1260 * SS, cy = 150 * SS;

	if (!im)
		die("out of memory");
	gdImageAlphaBlending(im, 1);
	gradient(im, schemes[1][0], schemes[0][1]);
	sunburst(im, cx, cy, 60, 0.02, rgba(white, 118));
	disc(im, cx, cy, 190 * SS, rgba(white, 122));
	ring(im, cx, cy, 230 * SS, 227 * SS, rgba(gold, 96));
	ring(im, cx, cy, 290 * SS, 288 * SS, rgba(gold, 108));

	/* a district skyline: towers, a bridge, factory roofs */
	static const int towers[][3] = {
		/* x, width, height (final pixels) */
		{40, 60, 90}, {110, 40, 130}, {160, 70, 105}, {250, 36, 160},
		{296, 54, 120}, {360, 44, 185}, {414, 64, 140}, {488, 38, 110},
		{880, 50, 125}, {940, 36, 170}, {986, 70, 135}, {1066, 42, 205},
		{1118, 58, 150}, {1188, 40, 115}, {1440, 54, 140},
		{1504, 40, 175}, {1552, 48, 110},
	};
	int sky = rgba((struct rgb){0x5e, 0x06, 0x0c}, 64);
	for (i = 0; i < (int)(sizeof towers / sizeof towers[0]); i++) {
		int x0 = towers[i][0] * SS, w = towers[i][1] * SS;
		int top = H - towers[i][2] * SS;
		gdImageFilledRectangle(im, x0, top, x0 + w, H, sky);
		if (towers[i][2] > 180)	/* a spire on the tallest */
			gdImageFilledRectangle(im, x0 + w / 2 - 2 * SS,
					       top - 30 * SS,
					       x0 + w / 2 + 2 * SS, top, sky);
	}
	/* factory saw-tooth roofs between 540 and 860 */
	for (i = 0; i < 8; i++) {
		int x0 = (540 + 40 * i) * SS;
		gdPoint p[4] = {
			{x0, H - 60 * SS}, {x0 + 40 * SS, H - 88 * SS},
			{x0 + 40 * SS, H}, {x0, H},
		};
		gdImageFilledPolygon(im, p, 4, sky);
	}
	/* a bridge over the river, for 滨江 */
	ring(im, 1320 * SS, H + 40 * SS, 120 * SS, 112 * SS, sky);
	gdImageFilledRectangle(im, 1190 * SS, H - 70 * SS, 1450 * SS,
			       H - 64 * SS, sky);

	ribbon(im, -40 * SS, W + 40 * SS, 330 * SS, 28 * SS, 1.2, 0.6,
	       54 * SS, 16 * SS, rgba(gold_dark, 25));
	ribbon(im, -40 * SS, W + 40 * SS, 318 * SS, 30 * SS, 1.2, 0.8,
	       24 * SS, 6 * SS, rgba(gold, 0));
	ribbon(im, -40 * SS, W + 40 * SS, 358 * SS, 20 * SS, 1.0, 1.6,
	       10 * SS, 30 * SS, rgba(gold_light, 50));

	disc(im, cx, cy, 120 * SS, rgba(gold_light, 100));
	disc(im, cx, cy, 92 * SS, rgba(gold_light, 80));
	disc(im, cx, cy, 66 * SS, rgba(gold, 30));

	im = downscale(im);
	snprintf(path, sizeof path, "%s/banner.png", outdir);
	write_png(im, path, 1);
	gdImageDestroy(im);
}

/* 128x128 logo on a transparent ground: a red disc, a gold star, a ribbon. */
static void draw_logo(const char *outdir)
{
	const int S4 = 4, W = 128 * S4;
	gdImagePtr im = gdImageCreateTrueColor(W, W), out;
	char path[1024];
	int c = W / 2;

	if (!im)
		die("out of memory");
	gdImageAlphaBlending(im, 0);
	gdImageFilledRectangle(im, 0, 0, W - 1, W - 1, gdTrueColorAlpha(0, 0, 0, 127));
	gdImageAlphaBlending(im, 1);
	disc(im, c, c, 62 * S4, rgba(schemes[0][0], 0));
	disc(im, c, c, 57 * S4, rgba((struct rgb){0xc8, 0x16, 0x1d}, 0));
	ring(im, c, c, 62 * S4, 58 * S4, rgba(gold, 0));
	sunburst(im, c, c - 10 * S4, 24, 0.0, rgba(white, 112));
	/* the sunburst overflowed the disc: clear outside it again */
	gdImageAlphaBlending(im, 0);
	{
		int x, y;
		for (y = 0; y < W; y++)
			for (x = 0; x < W; x++) {
				double dx = x - c + 0.5, dy = y - c + 0.5;
				if (dx * dx + dy * dy > (62.0 * S4) * (62.0 * S4))
					gdImageSetPixel(im, x, y,
							gdTrueColorAlpha(0, 0, 0, 127));
			}
	}
	gdImageAlphaBlending(im, 1);
	star(im, c, c - 12 * S4, 30 * S4, 0, rgba(gold, 0));
	ribbon(im, c - 44 * S4, c + 44 * S4, c + 32 * S4, 5 * S4, 1.0, 0,
	       12 * S4, 5 * S4, rgba(gold, 0));
	ribbon(im, c - 40 * S4, c + 40 * S4, c + 44 * S4, 4 * S4, 1.0, 0.6,
	       4 * S4, 9 * S4, rgba(gold_light, 0));

	out = gdImageCreateTrueColor(128, 128);
	if (!out)
		die("out of memory");
	gdImageAlphaBlending(out, 0);
	gdImageSaveAlpha(out, 1);
	gdImageCopyResampled(out, im, 0, 0, 0, 0, 128, 128, W, W);
	gdImageDestroy(im);
	snprintf(path, sizeof path, "%s/logo.png", outdir);
	write_png(out, path, 0);
	gdImageDestroy(out);
}

int main(int argc, char **argv)
{
	const char *fontdir = getenv("MKCOVERS_FONTDIR");
	const char *outdir = "assets/images";
	char path[1024];
	size_t i;
	int opt;

	while ((opt = getopt(argc, argv, "f:h")) != -1) {
		switch (opt) {
		case 'f':
			fontdir = optarg;
			break;
		default:
			fprintf(stderr, "usage: mkcovers [-f FONTDIR] [OUTDIR]\n");
			return opt == 'h' ? 0 : 2;
		}
	}
	if (optind < argc)
		outdir = argv[optind];
	if (!fontdir || !*fontdir)
		fontdir = "/usr/share/fonts/opentype/noto";

	snprintf(path, sizeof path, "%s/covers", outdir);
	if (mkdir(outdir, 0777) && errno != EEXIST)
		die("cannot create '%s': %s", outdir, strerror(errno));
	if (mkdir(path, 0777) && errno != EEXIST)
		die("cannot create '%s': %s", path, strerror(errno));

	setup_fonts(fontdir);
	for (i = 0; i < sizeof covers / sizeof covers[0]; i++)
		draw_cover(&covers[i], outdir);
	draw_banner(outdir);
	draw_logo(outdir);
	cleanup_fonts();
	printf("mkcovers: %zu covers, banner and logo in %s\n",
	       sizeof covers / sizeof covers[0], outdir);
	return 0;
}
