/*
 * Charts: the block syntax against tests/chart/spec.md (every example,
 * every bad spec beside its diagnostic), scales and ticks, label wrapping,
 * the palette's contrast, and pixels read back from the PNGs: bar heights,
 * colours, donut angles; the same bytes every time and on every thread.
 * Routes: the layout's boxes (inside the image, nothing on anything else,
 * the snake's order, rows for N points), rings and line read back at
 * screen and print scale, alt text, table and the API's rules.
 */
#include <gd.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart_int.h"
#include "diag.h"
#include "harness.h"
#include "util.h"

#define SPEC "tests/chart/spec.md"

static struct chart_fonts *fonts;

/*
 * The models the spec examples name, as the model stage would give them:
 * coverage_by_region (two series), tiers (one), growth (a negative value),
 * empty (nothing).
 */
static int
test_model(void *arg, const char *name, struct chart *c)
{
	static const char *regions[] = { "城关街道", "高新区", "东湖街道" };
	static const double y2023[] = { 91.2, 95.5, 88 };
	static const double y2024[] = { 93.5, 97.1, 90.2 };
	static const char *tiers[] = { "金色示范型", "银色扶优型", "铜色基础型",
				       "软弱涣散" };
	static const double ntiers[] = { 24, 61, 38, 5 };
	size_t i;

	(void)arg;
	if (!strcmp(name, "coverage_by_region")) {
		chart_set_title(c, "各街道组织覆盖率");
		chart_set_unit(c, "%");
		chart_set_source(c, "信息化电子监管平台");
		chart_add_series(c, "2023", -1);
		chart_add_series(c, "2024", -1);
		for (i = 0; i < 3; i++) {
			chart_add_category(c, regions[i]);
			chart_set_value(c, 0, i, y2023[i]);
			chart_set_value(c, 1, i, y2024[i]);
		}
		return 0;
	}
	if (!strcmp(name, "tiers")) {
		chart_set_title(c, "党组织星级分布");
		chart_set_unit(c, "个");
		chart_add_series(c, "2024", -1);
		for (i = 0; i < 4; i++) {
			chart_add_category(c, tiers[i]);
			chart_set_value(c, 0, i, ntiers[i]);
		}
		return 0;
	}
	if (!strcmp(name, "growth")) {
		chart_add_series(c, "增量", -1);
		chart_add_category(c, "城关街道");
		chart_set_value(c, 0, 0, 4);
		chart_add_category(c, "东湖街道");
		chart_set_value(c, 0, 1, -3);
		return 0;
	}
	if (!strcmp(name, "empty"))
		return 0;
	return -1;
}

/* What an example produces: the canonical chart, or the diagnostics. */
static void
run_example(const char *input, struct buf *got)
{
	struct diag *d = diag_new();
	struct chart *c = NULL;
	char *mem = NULL;
	size_t len = 0;
	FILE *fp;

	if (chart_parse(&c, input, "case.md", 2, test_model, NULL, d) == 0) {
		struct chart *again = NULL;
		struct buf dump2 = BUF_INIT;

		chart_dump(c, got);
		/* the canonical form reads back as the same chart */
		if (chart_categories(c)) {
			CHECK(chart_parse(&again, got->ptr, "dump", 1, test_model,
					  NULL, d) == 0);
			if (again)
				chart_dump(again, &dump2);
			CHECK_STR(dump2.ptr, got->ptr);
		}
		buf_release(&dump2);
		chart_free(again);
		CHECK(c != NULL);
	} else {
		CHECK(c == NULL);
	}
	fp = open_memstream(&mem, &len);
	diag_print(d, fp);
	fclose(fp);
	buf_add(got, mem, len);
	free(mem);
	chart_free(c);
	diag_free(d);
}

static const char fence[] = "```````````````````````````````` example";
static const char fence_end[] = "````````````````````````````````";

/* Every example of the spec, in the manner of cmark's spec_tests.py. */
static void
spec_examples(void)
{
	struct buf text = BUF_INIT, in = BUF_INIT, want = BUF_INIT,
		   got = BUF_INIT;
	char *p, *line;
	int lineno = 0, start = 0, state = 0, n = 0, errors = 0;

	if (file_read(SPEC, &text)) {
		CHECK(!"cannot read " SPEC);
		return;
	}
	for (p = text.ptr; (line = p) && *p; lineno++) {
		char *e = strchr(p, '\n');

		if (e)
			*e = '\0';
		p = e ? e + 1 : p + strlen(p);
		if (state == 0 && !strcmp(line, fence)) {
			state = 1;
			start = lineno + 1;
			buf_reset(&in);
			buf_reset(&want);
		} else if (state == 1 && !strcmp(line, ".")) {
			state = 2;
		} else if (state == 1) {
			buf_addstr(&in, line);
			buf_addch(&in, '\n');
		} else if (state == 2 && !strcmp(line, fence_end)) {
			int ok;

			state = 0;
			n++;
			buf_reset(&got);
			run_example(in.ptr, &got);
			ok = !strcmp(got.ptr, want.ptr);
			CHECK(ok);
			if (!ok) {
				errors++;
				fprintf(stderr, "%s:%d: example %d differs\n--- want\n%s--- got\n%s",
					SPEC, start, n, want.ptr, got.ptr);
			}
		} else if (state == 2) {
			buf_addstr(&want, line);
			buf_addch(&want, '\n');
		}
	}
	CHECK(n >= 40);
	CHECK_INT(errors, 0);
	buf_release(&text);
	buf_release(&in);
	buf_release(&want);
	buf_release(&got);
}

static void
nice_scales(void)
{
	struct chart_scale s;

	chart_scale_nice(&s, 0, 307, 5);
	CHECK_DBL(s.step, 100, 0);
	CHECK_DBL(s.hi, 400, 0);
	CHECK_INT(s.nticks, 4);
	chart_scale_nice(&s, 0, 307, 8);
	CHECK_DBL(s.step, 50, 0);
	CHECK_DBL(s.hi, 350, 0);
	chart_scale_nice(&s, 0, 99.1, 5);
	CHECK_DBL(s.step, 20, 0);
	CHECK_DBL(s.hi, 100, 0);
	chart_scale_nice(&s, 0, 100, 5);
	CHECK_DBL(s.hi, 100, 0);
	CHECK_INT(s.nticks, 5);
	chart_scale_nice(&s, -12, 30, 6);
	CHECK_DBL(s.lo, -20, 0);
	CHECK_DBL(s.hi, 30, 0);
	CHECK_DBL(s.step, 10, 0);
	chart_scale_nice(&s, 5, 8, 5);
	CHECK_DBL(s.lo, 0, 0);
	CHECK_DBL(s.step, 2, 0);
	CHECK_DBL(s.hi, 8, 0);
	chart_scale_nice(&s, 0, 0.37, 4);
	CHECK_DBL(s.step, 0.1, 1e-12);
	CHECK_DBL(s.hi, 0.4, 1e-12);
	chart_scale_nice(&s, 0, 14700, 5);
	CHECK_DBL(s.step, 5000, 0);
	CHECK_DBL(s.hi, 15000, 0);
	chart_scale_nice(&s, 0, 0, 5);
	CHECK(s.hi > s.lo);
	CHECK(s.nticks >= 1);
	/* every step is 1, 2 or 5 times a power of ten, every tick inside */
	{
		double max;

		for (max = 0.3; max < 1e7; max *= 1.37) {
			double m;

			chart_scale_nice(&s, 0, max, 6);
			m = s.step / pow(10, floor(log10(s.step) + 1e-9));
			CHECK(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 ||
			      fabs(m - 5) < 1e-9);
			CHECK(s.hi >= max && s.nticks <= 6 && s.nticks >= 1);
		}
	}
}

static void
print_scale(void)
{
	struct chart *c = chart_new(CHART_BAR);

	/* 16 cm at 300 dpi is 1890 px: an 800 px chart needs 3x */
	CHECK_INT(chart_print_scale(c, 16, 300), 3);
	CHECK_INT(chart_print_scale(c, 6.5, 300), 1);
	chart_set_size(c, 400, 300);
	CHECK_INT(chart_print_scale(c, 16, 300), 5);
	chart_free(c);
}

static void
palette_contrast(void)
{
	size_t i;

	CHECK(chart_palette_size() >= 8);
	CHECK_INT(chart_palette_rgb(0), 0xC8102E);
	CHECK_STR(chart_palette_name(0), "red");
	CHECK_STR(chart_palette_name(1), "gold");
	CHECK_DBL(chart_contrast(0x000000, 0xFFFFFF), 21, 1e-9);
	CHECK_DBL(chart_contrast(0x777777, 0x777777), 1, 1e-9);
	for (i = 0; i < chart_palette_size(); i++) {
		unsigned rgb = chart_palette_rgb(i);
		double bg = chart_contrast(rgb, 0xFFFFFF);
		double ink = chart_contrast(rgb, chart_palette_ink(i));

		/* WCAG 1.4.11: graphics 3:1 on white; 1.4.3: text 4.5:1 */
		if (bg < 3 || ink < 4.5)
			fprintf(stderr, "palette %s: %.2f on white, %.2f ink\n",
				chart_palette_name(i), bg, ink);
		CHECK(bg >= 3);
		CHECK(ink >= 4.5);
	}
}

/*
 * The tiers' colours are gold, silver, bronze and a violet whose greys
 * (what a black-and-white printer makes of them) stay 40 of 255 apart.
 */
static void
tier_colours(void)
{
	static const char *const names[] = {
		"tier-gold", "tier-silver", "tier-bronze", "tier-weak",
	};
	double grey[4];
	int i, j;

	for (i = 0; i < 4; i++) {
		int k = chart_tier_color(i);
		unsigned rgb;

		CHECK(k >= 0);
		if (k < 0)
			return;
		CHECK_STR(chart_palette_name((size_t)k), names[i]);
		rgb = chart_palette_rgb((size_t)k);
		grey[i] = 0.299 * (rgb >> 16) + 0.587 * ((rgb >> 8) & 0xFF) +
			  0.114 * (rgb & 0xFF);
	}
	for (i = 0; i < 4; i++)
		for (j = i + 1; j < 4; j++) {
			if (fabs(grey[i] - grey[j]) < 40)
				fprintf(stderr, "%s and %s: greys %.0f and %.0f\n",
					names[i], names[j], grey[i], grey[j]);
			CHECK(fabs(grey[i] - grey[j]) >= 40);
		}
	CHECK_INT(chart_tier_color(4), -1);
	CHECK_INT(chart_tier_color(-1), -1);
}

static void
wrap_is(const char *text, double px, double width, int lines,
	const char *want)
{
	struct buf b = BUF_INIT;
	int n = chart_text_wrap(fonts, text, px, 0, width, lines, &b);

	CHECK_STR(b.ptr, want);
	(void)n;
	buf_release(&b);
}

static void
wrapping(void)
{
	/* CJK ideographs are one em wide */
	CHECK_DBL(chart_text_width(fonts, "党建引领", 10, 0), 40, 1e-9);
	CHECK_DBL(chart_text_width(fonts, "党建引领", 13, 1), 52, 1e-9);
	CHECK_DBL(chart_text_width(fonts, "", 13, 0), 0, 0);
	/* Chinese breaks between words (ICU's dictionary) when lines allow */
	wrap_is("中华人民共和国万岁", 10, 30, 9, "中华\n人民\n共和国\n万岁");
	wrap_is("青川力澄软件有限公司", 10, 70, 2, "青川力澄软件\n有限公司");
	wrap_is("望湖街道个体私营经济协会", 10, 50, 3,
		"望湖街道\n个体私营\n经济协会");
	/* and between any two characters when words would need more lines */
	wrap_is("中华人民共和国万岁", 10, 30, 3, "中华人\n民共和\n国万岁");
	wrap_is("青川力澄软件有限公司", 10, 50, 2, "青川力澄软\n件有限公司");
	/* a word wider than the line breaks inside, the rest goes on */
	wrap_is("有限公司章程", 10, 30, 2, "有限公\n司章程");
	/* and ends in an ellipsis when it runs out of lines */
	wrap_is("中华人民共和国万岁", 10, 30, 2, "中华人\n民共…");
	wrap_is("中华人民共和国万岁", 10, 30, 1, "中华…");
	wrap_is("城关街道", 10, 40, 1, "城关街道");
	wrap_is("城关街道", 10, 100, 2, "城关街道");
	/* a full-width comma hangs rather than start a line */
	wrap_is("党建引领，共建共享", 10, 40, 2, "党建引领，\n共建共享");
	/* an opening bracket does not end a line, nor a closing one start it */
	wrap_is("产业链（智能制造）", 10, 40, 3, "产业链\n（智能\n制造）");
	wrap_is("产业链（智能制造）", 10, 40, 2, "产业链\n（智能…");
	/* digits and Latin letters stay whole */
	wrap_is("示范带2024", 10, 40, 2, "示范带\n2024");
	wrap_is("X路—高新区", 10, 40, 2, "X路—高\n新区");
	/* a word alone too long for a line is cut, the last with "…" */
	{
		struct buf b = BUF_INIT;
		const char *p, *e;
		int n = chart_text_wrap(fonts, "ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10,
					0, 30, 3, &b);

		CHECK_INT(n, 3);
		for (p = b.ptr; *p; p = *e ? e + 1 : e) {
			char *one;

			e = strchr(p, '\n');
			e = e ? e : p + strlen(p);
			one = xstrndup(p, (size_t)(e - p));
			CHECK(chart_text_width(fonts, one, 10, 0) <= 30);
			CHECK(strlen(one) >= 3);
			free(one);
		}
		CHECK(strstr(b.ptr, "…") != NULL);
		CHECK(!strncmp(b.ptr, "ABC", 3));
		buf_release(&b);
	}
	/* spaces at a break disappear */
	wrap_is("红色 商圈 楼宇", 10, 30, 3, "红色\n商圈\n楼宇");
}

/* ---- pixels ---- */

static gdImagePtr
render(const struct chart *c, int scale)
{
	struct buf png = BUF_INIT;
	struct diag *d = diag_new();
	gdImagePtr im = NULL;

	if (chart_render(c, fonts, scale, &png, d) == 0)
		im = gdImageCreateFromPngPtr((int)png.len, png.ptr);
	CHECK_INT(diag_errors(d), 0);
	diag_print(d, stderr);
	diag_free(d);
	buf_release(&png);
	return im;
}

static unsigned
px(gdImagePtr im, int x, int y)
{
	return (unsigned)gdImageGetTrueColorPixel(im, x, y) & 0xFFFFFF;
}

static struct chart *
bar_chart(const double *v, size_t n, size_t nseries)
{
	struct chart *c = chart_new(CHART_BAR);
	size_t i, s;

	chart_set_title(c, "各街道新建党组织数");
	chart_set_unit(c, "个");
	chart_set_size(c, 480, 320);
	for (s = 0; s < nseries; s++)
		chart_add_series(c, s ? "2024年" : "2023年", -1);
	for (i = 0; i < n; i++) {
		char *name = xasprintf("第%zu街道", i + 1);

		chart_add_category(c, name);
		free(name);
		for (s = 0; s < nseries; s++)
			chart_set_value(c, s, i, v[i] + (double)s * 3);
	}
	return c;
}

/*
 * Runs of columns holding rgb, wider than min_w (legend swatches are
 * 12 px): the greatest count of rgb pixels in a column of each (the bar's
 * height, less the baseline drawn over its foot).
 */
static size_t
bar_heights(gdImagePtr im, unsigned rgb, int min_w, int *h, size_t max)
{
	size_t n = 0;
	int x, y, run = 0, best = 0;

	for (x = 0; x <= gdImageSX(im); x++) {
		int count = 0;

		for (y = 0; x < gdImageSX(im) && y < gdImageSY(im); y++)
			count += px(im, x, y) == rgb;
		if (count > 2) {
			run++;
			best = count > best ? count : best;
			continue;
		}
		if (run >= min_w && n < max)
			h[n++] = best;
		run = best = 0;
	}
	return n;
}

/* A chart drawn for a phone, a card and its own width. */
static void
drawn_per_width(void)
{
	static const double v[] = { 12, 9, 7, 15, 4, 11, 8, 6, 10, 5 };
	struct chart *c = bar_chart(v, 10, 2);
	struct buf h1 = BUF_INIT, h2 = BUF_INIT, png = BUF_INIT;
	struct diag *d = diag_new();
	int w, h, w2, h2x;
	gdImagePtr im;

	CHECK_INT(chart_layout_of(360), CHART_LAYOUT_NARROW);
	CHECK_INT(chart_layout_of(479), CHART_LAYOUT_NARROW);
	CHECK_INT(chart_layout_of(480), CHART_LAYOUT_HALF);
	CHECK_INT(chart_layout_of(679), CHART_LAYOUT_HALF);
	CHECK_INT(chart_layout_of(680), CHART_LAYOUT_FULL);
	/* its own width: what chart_size and chart_hash say */
	chart_size_at(c, 0, &w, &h);
	chart_size(c, &w2, &h2x);
	CHECK_INT(w, w2);
	CHECK_INT(h, h2x);
	chart_hash_at(c, fonts, w, 1, &h1);
	chart_hash(c, fonts, 1, &h2);
	CHECK_STR(h1.ptr, h2.ptr);
	/* a phone's: ten rows of two bars, each label over its bars */
	buf_reset(&h1);
	chart_hash_at(c, fonts, CHART_NARROW_WIDTH, 1, &h1);
	CHECK(strcmp(h1.ptr, h2.ptr) != 0);
	chart_size_at(c, CHART_NARROW_WIDTH, &w, &h);
	CHECK_INT(w, CHART_NARROW_WIDTH);
	CHECK(h > 10 * 40);
	CHECK(chart_render_at(c, fonts, CHART_NARROW_WIDTH, 2, &png, d) == 0);
	im = gdImageCreateFromPngPtr((int)png.len, png.ptr);
	CHECK(im != NULL);
	if (im) {
		CHECK_INT(gdImageSX(im), 2 * CHART_NARROW_WIDTH);
		CHECK_INT(gdImageSY(im), 2 * h);
		gdImageDestroy(im);
	}
	/* a set height (a wall screen's panel) keeps the columns */
	chart_set_size(c, 450, 380);
	chart_size_at(c, 0, &w, &h);
	CHECK_INT(w, 450);
	CHECK_INT(h, 380);
	CHECK_INT(diag_errors(d), 0);
	diag_print(d, stderr);
	diag_free(d);
	buf_release(&h1);
	buf_release(&h2);
	buf_release(&png);
	chart_free(c);
}

static void
bar_heights_are_proportional(void)
{
	static const double v[] = { 10, 20, 40, 35, 7 };
	int scale;

	for (scale = 1; scale <= 3; scale++) {
		struct chart *c = bar_chart(v, 5, 1);
		gdImagePtr im = render(c, scale);
		int h[8];
		size_t n, i;

		CHECK(im != NULL);
		if (!im) {
			chart_free(c);
			continue;
		}
		CHECK_INT(gdImageSX(im), 480 * scale);
		CHECK_INT(gdImageSY(im), 320 * scale);
		n = bar_heights(im, chart_palette_rgb(0), 16 * scale, h, 8);
		CHECK_INT(n, 5);
		for (i = 0; i < n && n == 5; i++) {
			/* the 1 px baseline (scale px) covers each bar's foot */
			double got = h[i] + scale, want = v[i] / 40 * (h[2] + scale);

			if (fabs(got - want) > 1)
				fprintf(stderr, "scale %d bar %zu: %.0f px, want %.2f\n",
					scale, i, got, want);
			CHECK(fabs(got - want) <= 1);
		}
		/* white background, dark title */
		CHECK_INT(px(im, 0, 0), 0xFFFFFF);
		CHECK_INT(px(im, gdImageSX(im) - 1, gdImageSY(im) - 1), 0xFFFFFF);
		{
			int x, y, dark = 0;

			for (y = 0; y < 50 * scale; y++)
				for (x = 0; x < 200 * scale; x++)
					dark += px(im, x, y) == 0x1F1F1F;
			CHECK(dark > 20 * scale * scale);
		}
		gdImageDestroy(im);
		chart_free(c);
	}
}

static void
grouped_colours(void)
{
	static const double v[] = { 10, 20, 30 };
	struct chart *c = bar_chart(v, 3, 2);
	gdImagePtr im = render(c, 1);
	int h[8], g[8];

	CHECK(im != NULL);
	if (im) {
		/* red for the first series, gold for the second, 3 each */
		CHECK_INT(bar_heights(im, chart_palette_rgb(0), 16, h, 8), 3);
		CHECK_INT(bar_heights(im, chart_palette_rgb(1), 16, g, 8), 3);
		/* the second series is 3 more: its bars are taller */
		CHECK(g[0] > h[0] && g[2] > h[2]);
		gdImageDestroy(im);
	}
	chart_free(c);
}

/* Nearest palette colour index, or -1 for white and greys. */
static int
classify(unsigned rgb)
{
	size_t i;

	for (i = 0; i < chart_palette_size(); i++)
		if (rgb == chart_palette_rgb(i))
			return (int)i;
	return -1;
}

static void
donut_angles(void)
{
	static const double v[] = { 50, 30, 20 };
	struct chart *c = chart_new(CHART_DONUT);
	gdImagePtr im;
	size_t i;

	chart_set_size(c, 600, 400);
	chart_add_series(c, "", -1);
	for (i = 0; i < 3; i++) {
		chart_add_category(c, i == 0 ? "单独组建" : i == 1 ? "联合组建" : "挂靠组建");
		chart_set_value(c, 0, i, v[i]);
	}
	im = render(c, 2);
	CHECK(im != NULL);
	if (im) {
		int x, y, x0 = 1 << 30, x1 = -1, y0 = 1 << 30, y1 = -1;
		int count[3] = { 0, 0, 0 }, total = 0, k;
		double cx, cy, R;

		/*
		 * The ring's bounding box: the first run of columns with
		 * slice colours, through the thin white gaps between slices
		 * (the legend's swatches come after a wide gap).
		 */
		for (x = 0; x < gdImageSX(im) && (x1 < 0 || x - x1 < 12); x++) {
			int any = 0;

			for (y = 0; y < gdImageSY(im); y++)
				if (classify(px(im, x, y)) >= 0) {
					any = 1;
					y0 = y < y0 ? y : y0;
					y1 = y > y1 ? y : y1;
				}
			if (any) {
				x0 = x < x0 ? x : x0;
				x1 = x;
			}
		}
		cx = (x0 + x1 + 1) / 2.0;
		cy = (y0 + y1 + 1) / 2.0;
		R = (x1 - x0 + 1) / 2.0;
		CHECK(fabs((y1 - y0 + 1) / 2.0 - R) <= 1);
		/* sample the outer band, clear of the share labels */
		for (k = 0; k < 3600; k++) {
			double a = -M_PI / 2 + k * 2 * M_PI / 3600;
			int cls = classify(px(im, (int)(cx + 0.93 * R * cos(a)),
					      (int)(cy + 0.93 * R * sin(a))));

			if (cls >= 0 && cls < 3) {
				count[cls]++;
				total++;
			}
		}
		for (k = 0; k < 3; k++)
			CHECK_DBL((double)count[k] / total, v[k] / 100, 0.01);
		/* clockwise from twelve o'clock: red just right of the top */
		CHECK_INT(classify(px(im, (int)(cx + 0.93 * R * sin(0.05)),
				      (int)(cy - 0.93 * R * cos(0.05)))), 0);
		CHECK_INT(classify(px(im, (int)(cx - 0.93 * R * sin(0.05)),
				      (int)(cy - 0.93 * R * cos(0.05)))), 2);
		/* the hole is white */
		CHECK_INT(px(im, (int)(cx + 0.3 * R), (int)(cy + 0.3 * R)), 0xFFFFFF);
		gdImageDestroy(im);
	}
	chart_free(c);
}

static void
empty_chart_says_so(void)
{
	struct chart *c = chart_new(CHART_LINE);
	gdImagePtr im;
	char *alt;

	chart_set_title(c, "新建党组织数");
	im = render(c, 1);
	CHECK(im != NULL);
	if (im) {
		int x, y, ink = 0;

		/* 暂无数据 in the middle */
		for (y = 220; y < 280; y++)
			for (x = 300; x < 500; x++)
				ink += px(im, x, y) != 0xFFFFFF;
		CHECK(ink > 100);
		gdImageDestroy(im);
	}
	alt = chart_alt(c);
	CHECK_STR(alt, "折线图：新建党组织数。暂无数据。");
	free(alt);
	chart_free(c);
}

/* Every kind, parsed from a block, so that each is drawn at least once. */
static const char *const gallery[] = {
	"kind: bar\ntitle: 新建党组织数\nunit: 个\nsource: 区委两新工委\ntarget: 20\ndata:\n城关街道: 12\n高新区: 30\n东湖街道: 8\n",
	"kind: hbar\ntitle: 示范点数量\nunit: 个\nsort: desc\ndata:\nX路—高新区示范带: 18\n滨江商圈楼宇党建示范带: 15\n红色街区: 9\n",
	"kind: grouped\nseries: 2023年, 2024年\ndata:\n城关街道: 42, 48\n高新区: 96, 118\n",
	"kind: stacked\nseries: 单独组建, 联合组建, 挂靠组建\ndata:\n城关街道: 30, 12, 6\n高新区: 88, 20, 10\n",
	"kind: line\nunit: %\ntarget: 98\ndata:\n2022年: 96.4\n2023年: 97.6\n2024年: 98.3\n",
	"kind: donut\nunit: 个\ndata:\n单独组建: 320\n联合组建: 118\n挂靠组建: 64\n",
	"kind: progress\nunit: %\ndata:\n组织覆盖率: 93.0 / 90\n工作覆盖率: 88.6 / 95\n",
	"kind: funnel\nunit: 人\ndata:\n评审: 307\n认证: 32\n",
	"kind: route\ntitle: 滨江路—城关示范带\nsource: 区委两新工委\n"
	"sections: 金融商务段, 生活服务段, 老城商贸段\ndata:\n"
	"青川滨江商务楼宇运营管理有限公司: 1\n青川区电子商务协会: 1\n"
	"青川万航信息技术有限公司: 1\n青川力澄软件有限公司: 1\n"
	"青川旭明保险代理有限公司: 1\n青川致美投资管理有限公司: 1\n"
	"青川和济医院: 2\n望湖街道个体私营经济协会: 2\n"
	"青川兴骏企业管理咨询有限公司: 2\n青川帆祥律师事务所: 2\n"
	"青川佳维建筑工程有限公司: 2\n青川里商圈商会: 3\n青川益德贸易有限公司: 3\n"
	"青川安佳贸易有限公司: 3\n青川凯嘉百货商行: 3\n",
	"kind: route\nwidth: 480\ndata:\n党群服务中心：滨江驿站: 0\n青川蓝广食府\n"
	"青川佳屹建材有限公司\n",
};

static int
has_bytes(const struct buf *b, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i + n <= b->len; i++)
		if (!memcmp(b->ptr + i, s, n))
			return 1;
	return 0;
}

static void
same_bytes_every_time(void)
{
	struct diag *d = diag_new();
	struct chart_fonts *f2 = chart_fonts_new(NULL, d);
	size_t i;

	CHECK(f2 != NULL);
	for (i = 0; f2 && i < sizeof(gallery) / sizeof(gallery[0]); i++) {
		struct chart *c = NULL;
		struct buf a = BUF_INIT, b = BUF_INIT, h1 = BUF_INIT,
			   h2 = BUF_INIT;

		CHECK(chart_parse(&c, gallery[i], "g.md", 1, NULL, NULL, d) == 0);
		if (!c)
			continue;
		CHECK(chart_render(c, fonts, 1, &a, d) == 0);
		CHECK(chart_render(c, f2, 1, &b, d) == 0);
		CHECK(a.len > 1000 && a.len == b.len &&
		      !memcmp(a.ptr, b.ptr, a.len));
		/* PNG signature; no tIME chunk to vary */
		CHECK(!memcmp(a.ptr, "\x89PNG\r\n\x1a\n", 8));
		CHECK(!has_bytes(&a, "tIME"));
		chart_hash(c, fonts, 1, &h1);
		chart_hash(c, f2, 1, &h2);
		CHECK_INT(h1.len, 16);
		CHECK_STR(h1.ptr, h2.ptr);
		buf_reset(&h2);
		chart_hash(c, fonts, 2, &h2);
		CHECK(strcmp(h1.ptr, h2.ptr) != 0);
		buf_release(&a);
		buf_release(&b);
		buf_release(&h1);
		buf_release(&h2);
		chart_free(c);
	}
	CHECK_INT(diag_errors(d), 0);
	diag_print(d, stderr);
	chart_fonts_free(f2);
	diag_free(d);
}

struct worker {
	const struct buf *want;
	int ok;
};

static void *
worker_run(void *arg)
{
	struct worker *w = arg;
	struct diag *d = diag_new();
	size_t i, round;

	w->ok = 1;
	for (round = 0; round < 3; round++)
		for (i = 0; i < sizeof(gallery) / sizeof(gallery[0]); i++) {
			struct chart *c = NULL;
			struct buf png = BUF_INIT;

			if (chart_parse(&c, gallery[i], "g.md", 1, NULL, NULL, d) ||
			    chart_render(c, fonts, 1 + (int)(i % 2), &png, d) ||
			    png.len != w->want[i].len ||
			    memcmp(png.ptr, w->want[i].ptr, png.len))
				w->ok = 0;
			buf_release(&png);
			chart_free(c);
		}
	diag_free(d);
	return NULL;
}

/* Four threads drawing at once give the bytes one thread gives. */
static void
threads_agree(void)
{
	enum { NG = sizeof(gallery) / sizeof(gallery[0]), NT = 4 };
	struct buf want[NG];
	struct worker w[NT];
	pthread_t t[NT];
	struct diag *d = diag_new();
	size_t i;

	for (i = 0; i < NG; i++) {
		struct chart *c = NULL;

		buf_init(&want[i], 0);
		if (!chart_parse(&c, gallery[i], "g.md", 1, NULL, NULL, d))
			chart_render(c, fonts, 1 + (int)(i % 2), &want[i], d);
		chart_free(c);
	}
	for (i = 0; i < NT; i++) {
		w[i].want = want;
		pthread_create(&t[i], NULL, worker_run, &w[i]);
	}
	for (i = 0; i < NT; i++) {
		pthread_join(t[i], NULL);
		CHECK(w[i].ok);
	}
	for (i = 0; i < NG; i++)
		buf_release(&want[i]);
	CHECK_INT(diag_errors(d), 0);
	diag_free(d);
}

static void
alt_and_table(void)
{
	struct diag *d = diag_new();
	struct chart *c = NULL;
	struct buf t = BUF_INIT;
	char *alt;

	CHECK(!chart_parse(&c,
			   "kind: bar\ntitle: 各街道新建党组织数\nunit: 个\n"
			   "data:\n城关街道: 12\n高新区 & <园区>: 14700\n东湖街道: 8\n",
			   "a.md", 1, NULL, NULL, d));
	alt = chart_alt(c);
	CHECK_STR(alt, "柱状图：各街道新建党组织数（单位：个）。共3项。"
		       "最高为高新区 & <园区>14,700个，最低为东湖街道8个。");
	free(alt);
	chart_table_html(c, &t);
	CHECK_STR(t.ptr,
		  "<table class=\"chart-data\">\n"
		  "<caption>各街道新建党组织数（单位：个）</caption>\n"
		  "<thead><tr><th scope=\"col\">项目</th><th scope=\"col\">数值</th></tr></thead>\n"
		  "<tbody>\n"
		  "<tr><th scope=\"row\">城关街道</th><td>12</td></tr>\n"
		  "<tr><th scope=\"row\">高新区 &amp; &lt;园区&gt;</th><td>14,700</td></tr>\n"
		  "<tr><th scope=\"row\">东湖街道</th><td>8</td></tr>\n"
		  "</tbody>\n</table>\n");
	chart_free(c);
	buf_reset(&t);

	CHECK(!chart_parse(&c,
			   "kind: donut\ntitle: 组建形式\nunit: 个\n"
			   "data:\n单独组建: 320\n联合组建: 118\n挂靠组建: 62\n",
			   "a.md", 1, NULL, NULL, d));
	alt = chart_alt(c);
	CHECK_STR(alt, "环形图：组建形式（单位：个）。合计500个，其中单独组建320个，"
		       "占64.0%，联合组建118个，占23.6%，挂靠组建62个，占12.4%。");
	free(alt);
	chart_table_html(c, &t);
	CHECK(strstr(t.ptr, "<th scope=\"col\">占比</th>") != NULL);
	CHECK(strstr(t.ptr, "<td>320</td><td>64.0%</td>") != NULL);
	chart_free(c);
	buf_reset(&t);

	CHECK(!chart_parse(&c,
			   "kind: progress\ntitle: 主要指标\nunit: %\n"
			   "data:\n组织覆盖率: 93 / 90\n单独组建率: 97.2 / 98\n",
			   "a.md", 1, NULL, NULL, d));
	alt = chart_alt(c);
	CHECK_STR(alt, "目标完成情况图：主要指标。组织覆盖率93.0%，目标90.0%，已达到目标；"
		       "单独组建率97.2%，目标98.0%，未达到目标。");
	free(alt);
	chart_table_html(c, &t);
	CHECK(strstr(t.ptr, "<tr><th scope=\"row\">单独组建率</th><td>97.2</td><td>98.0</td><td>99.2%</td></tr>") != NULL);
	chart_free(c);
	buf_reset(&t);

	CHECK(!chart_parse(&c,
			   "kind: funnel\ntitle: 双强红领\nunit: 人\n"
			   "data:\n评审: 307\n认证: 32\n",
			   "a.md", 1, NULL, NULL, d));
	alt = chart_alt(c);
	CHECK_STR(alt, "漏斗图：双强红领（单位：人）。评审307人，认证32人（转化率10.4%）。");
	free(alt);
	chart_free(c);

	CHECK(!chart_parse(&c,
			   "kind: line\ntitle: 单独组建率\nunit: %\ntarget: 98\n"
			   "data:\n2023年: 97.6\n2024年: 98.3\n",
			   "a.md", 1, NULL, NULL, d));
	alt = chart_alt(c);
	CHECK_STR(alt, "折线图：单独组建率。共2项，2023年为97.6%，2024年为98.3%。"
		       "最高为2024年98.3%，最低为2023年97.6%。目标为98.0%。");
	free(alt);
	chart_free(c);
	CHECK_INT(diag_errors(d), 0);
	diag_print(d, stderr);
	buf_release(&t);
	diag_free(d);
}

/* Charts built by a template are checked when drawn. */
static void
bad_api_chart(void)
{
	struct diag *d = diag_new();
	struct chart *c = chart_new(CHART_DONUT);
	struct buf png = BUF_INIT;
	char *mem = NULL;
	size_t len = 0;
	FILE *fp;

	chart_set_title(c, "组建形式");
	chart_add_series(c, "", -1);
	chart_add_category(c, "单独组建");
	chart_set_value(c, 0, 0, -1);
	chart_add_category(c, "联合组建");
	chart_set_value(c, 0, 1, NAN);
	CHECK_INT(chart_render(c, fonts, 1, &png, d), -1);
	CHECK_INT(png.len, 0);
	CHECK_INT(chart_render(c, fonts, 0, &png, d), -1);
	fp = open_memstream(&mem, &len);
	diag_print(d, fp);
	fclose(fp);
	CHECK_STR(mem,
		  "showcase: error: chart \"组建形式\": negative value -1 for \"单独组建\" in a donut chart\n"
		  "showcase: error: chart \"组建形式\": scale 0 is not from 1 to 8\n"
		  "showcase: error: chart \"组建形式\": value of \"联合组建\" is not a number\n");
	free(mem);
	chart_free(c);
	diag_free(d);
}

/* ---- routes ---- */

/* Names of 6 to 19 characters, some with Latin letters and digits. */
static const char *const route_names[] = {
	"青川滨江商务楼宇运营管理有限公司",
	"青川区电子商务协会",
	"青川万航信息技术有限公司",
	"青川和济医院",
	"望湖街道个体私营经济协会",
	"青川新桥创业园运营管理有限公司联合党委",
	"青川澜拓智能装备股份有限公司",
	"ABC Technology有限公司党支部",
	"X路—高新区示范带2024",
	"青川里商圈商会",
	"青川凯嘉百货商行",
	"滨江国际金融中心楼宇党群服务中心",
	"青川瑞丰高分子材料有限公司",
	"青川诺维医疗器械有限公司",
};
#define NROUTE_NAMES (sizeof(route_names) / sizeof(route_names[0]))

/* n points, in sections of 7 when nsect, named after route_names. */
static struct chart *
route_chart(size_t n, size_t nsect, int width)
{
	static const char *const sect[] = {
		"金融商务段", "生活服务段", "高新智能装备产业链段", "新材料段",
		"老城商贸段", "园区综合服务段", "滨江段", "新桥段",
	};
	struct chart *c = chart_new(CHART_ROUTE);
	size_t i;

	chart_set_title(c, "滨江路—城关示范带");
	chart_set_source(c, "区委两新工委");
	if (width)
		chart_set_size(c, width, 0);
	for (i = 0; i < nsect; i++)
		chart_add_section(c, sect[i]);
	for (i = 0; i < n; i++) {
		/* unique names: the list again with a number */
		char *name = i < NROUTE_NAMES ?
			     xstrdup(route_names[i]) :
			     xasprintf("%s%zu", route_names[i % NROUTE_NAMES],
				       i / NROUTE_NAMES);
		size_t k = chart_add_category(c, name);

		if (nsect)
			chart_set_section(c, k, i / 7 % nsect + 1);
		free(name);
	}
	return c;
}

static int
box_overlap(const struct chart_part_box *a, const struct chart_part_box *b)
{
	return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

static const char *
part_name(enum chart_part p)
{
	static const char *const names[] = {
		"title", "band", "section", "station", "name", "marker", "source",
	};

	return names[p];
}

/*
 * Everything inside the image, no two things on top of each other, every
 * name in its own column (clear of the turns at the sides), the stations
 * in snake order: what a reader would find wrong, checked on boxes.
 */
static void
route_layout_ok(const struct chart *c, size_t n, const char *what)
{
	struct chart_route_layout l;
	size_t i, j, stations = 0, names = 0, markers = 0;
	int w, h, bad = 0;
	double *sx = xcalloc(n + 1, sizeof(double)), *sy = xcalloc(n + 1, sizeof(double));

	chart_route_layout(c, fonts, &l);
	chart_size(c, &w, &h);
	CHECK_INT(l.width, w);
	CHECK_INT(l.height, h);
	for (i = 0; i < l.nparts; i++) {
		const struct chart_part_box *a = &l.parts[i];

		if (a->x0 < 0 || a->y0 < 0 || a->x1 > w || a->y1 > h ||
		    !(a->x1 > a->x0) || !(a->y1 > a->y0)) {
			fprintf(stderr, "%s: %s %zu outside %dx%d: %.1f,%.1f %.1f,%.1f\n",
				what, part_name(a->part), a->index, w, h, a->x0,
				a->y0, a->x1, a->y1);
			bad++;
		}
		if (a->part == CHART_PART_STATION && a->index < n) {
			stations++;
			sx[a->index] = (a->x0 + a->x1) / 2;
			sy[a->index] = (a->y0 + a->y1) / 2;
		}
		if (a->part == CHART_PART_NAME) {
			const char *p;
			int lines = 1;

			names++;
			for (p = a->text; *p; p++)
				lines += *p == '\n';
			if (lines > l.name_lines || lines > 3) {
				fprintf(stderr, "%s: name %zu on %d lines\n", what,
					a->index, lines);
				bad++;
			}
			/* the columns keep clear of the turns in the margins */
			if (a->x0 < 50 - 1e-9 || a->x1 > w - 50 + 1e-9) {
				fprintf(stderr, "%s: name %zu in the margin\n", what,
					a->index);
				bad++;
			}
		}
		markers += a->part == CHART_PART_MARKER;
		for (j = 0; j < i; j++) {
			const struct chart_part_box *b = &l.parts[j];
			int bands = (a->part == CHART_PART_BAND) +
				    (b->part == CHART_PART_BAND);

			/* bands lie under the rest, but not on each other */
			if (bands == 1 || !box_overlap(a, b))
				continue;
			fprintf(stderr, "%s: %s %zu (%.1f,%.1f %.1f,%.1f) on %s %zu (%.1f,%.1f %.1f,%.1f)\n",
				what, part_name(a->part), a->index, a->x0, a->y0,
				a->x1, a->y1, part_name(b->part), b->index, b->x0,
				b->y0, b->x1, b->y1);
			bad++;
		}
	}
	CHECK_INT(stations, n);
	CHECK_INT(names, n);
	CHECK_INT(markers, n ? 2 : 0);
	/* left to right, then right to left, per_row a row */
	for (i = 1; i < n && l.per_row; i++) {
		size_t row = i / l.per_row;
		int same = row == (i - 1) / l.per_row;

		if (same ? sy[i] != sy[i - 1] ||
			   (row % 2 ? sx[i] >= sx[i - 1] : sx[i] <= sx[i - 1]) :
			   sy[i] <= sy[i - 1] || fabs(sx[i] - sx[i - 1]) > 1) {
			fprintf(stderr, "%s: station %zu out of order\n", what, i);
			bad++;
		}
	}
	CHECK_INT(bad, 0);
	if (n)
		CHECK_INT(l.rows, (n + l.per_row - 1) / l.per_row);
	free(sx);
	free(sy);
	chart_route_layout_free(&l);
}

static void
route_layout(void)
{
	static const size_t counts[] = { 1, 2, 5, 6, 7, 15, 18, 40, 60 };
	static const int widths[] = { 0, 480, 1200, 240 };
	size_t i, k, s;

	for (k = 0; k < sizeof(widths) / sizeof(widths[0]); k++)
		for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
			for (s = 0; s <= 5; s += 5) {
				struct chart *c = route_chart(counts[i],
							      s > counts[i] ? 0 : s,
							      widths[k]);
				char *what = xasprintf("route of %zu, width %d, %zu sections",
						       counts[i], widths[k], s);

				route_layout_ok(c, counts[i], what);
				free(what);
				chart_free(c);
			}
}

/* Rows and stations a row for n points at 800 px; the height follows. */
static void
route_rows(void)
{
	static const struct {
		size_t n, rows, per_row;
	} want[] = {
		{ 1, 1, 1 }, { 5, 1, 5 }, { 6, 1, 6 }, { 7, 2, 4 },
		{ 12, 2, 6 }, { 15, 3, 5 }, { 18, 3, 6 }, { 19, 4, 5 },
		{ 40, 7, 6 }, { 60, 10, 6 },
	};
	size_t i;
	int prev = 0;

	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		struct chart *c = route_chart(want[i].n, 0, 0);
		struct chart_route_layout l;
		int w, h;

		chart_route_layout(c, fonts, &l);
		CHECK_INT(l.rows, want[i].rows);
		CHECK_INT(l.per_row, want[i].per_row);
		chart_size(c, &w, &h);
		CHECK_INT(w, 800);
		/* a row more, taller (by less than a row when its names wrap less) */
		CHECK(h >= prev);
		if (i && want[i].rows > want[i - 1].rows)
			CHECK(h > prev + 40);
		prev = h;
		/* a height set by hand does not cut the rows off */
		chart_set_size(c, 800, 200);
		chart_size(c, &w, &h);
		CHECK_INT(h, prev);
		chart_route_layout_free(&l);
		chart_free(c);
	}
}

/*
 * The picture at screen and print scale: gold rings where the layout
 * puts the stations, the red line between them, the start filled red,
 * section tints under the names, every scale alike.
 */
static void
route_pixels(void)
{
	struct chart *c = route_chart(15, 3, 0);
	struct chart_route_layout l;
	int scales[3], k, w, h;
	unsigned red = chart_palette_rgb(0), gold = chart_palette_rgb(1);

	scales[0] = 1;
	scales[1] = 2;
	scales[2] = chart_print_scale(c, 16, 300);
	CHECK_INT(scales[2], 3);
	chart_size(c, &w, &h);
	chart_route_layout(c, fonts, &l);
	for (k = 0; k < 3; k++) {
		int s = scales[k];
		gdImagePtr im = render(c, s);
		size_t i, rings = 0, lines = 0, tints = 0, nst = 0;

		CHECK(im != NULL);
		if (!im)
			continue;
		CHECK_INT(gdImageSX(im), w * s);
		CHECK_INT(gdImageSY(im), h * s);
		CHECK_INT(px(im, 0, 0), 0xFFFFFF);
		CHECK_INT(px(im, w * s - 1, h * s - 1), 0xFFFFFF);
		for (i = 0; i < l.nparts; i++) {
			const struct chart_part_box *b = &l.parts[i];
			double cx = (b->x0 + b->x1) / 2, cy = (b->y0 + b->y1) / 2;
			double r = (b->x1 - b->x0) / 2;

			if (b->part == CHART_PART_STATION) {
				nst++;
				/* the ring is 3 px: its middle, above the number */
				rings += px(im, (int)((cx) * s),
					    (int)((cy - r + 1.5) * s)) == gold;
				/* the start and the end are filled red */
				if (b->index == 0 || b->index == 14)
					CHECK_INT(px(im, (int)((cx - r + 4.5) * s),
						     (int)(cy * s)), red);
				/* the line runs on to the next station */
				if (b->index % 5 != 4)
					lines += px(im, (int)((cx + (b->index / 5 % 2 ? -1 : 1) * (r + 6)) * s),
						    (int)(cy * s)) == red;
			}
			/* a band's tint shows at its corner */
			if (b->part == CHART_PART_BAND) {
				unsigned p = px(im, (int)((b->x0 + 1) * s),
						(int)((b->y1 - 1) * s));

				tints += p != 0xFFFFFF && ((p >> 16) & 0xFF) > 0xE0;
			}
		}
		CHECK_INT(nst, 15);
		CHECK_INT(rings, 15);
		CHECK_INT(lines, 12);
		CHECK(tints >= 3);
		gdImageDestroy(im);
	}
	chart_route_layout_free(&l);
	chart_free(c);
}

static void
route_text(void)
{
	struct diag *d = diag_new();
	struct chart *c = NULL;
	struct buf t = BUF_INIT;
	char *alt;
	size_t i;

	CHECK(!chart_parse(&c,
			   "kind: route\ntitle: 滨江路—城关示范带\nsections: 金融商务段, 生活服务段\n"
			   "data:\n青川滨江商务楼宇: 1\n青川区电子商务协会: 1\n青川和济医院: 2\n"
			   "望湖街道个体私营经济协会: 2\n青川凯嘉百货商行 & <商行>\n",
			   "a.md", 1, NULL, NULL, d));
	alt = chart_alt(c);
	CHECK_STR(alt, "示范带路线图：滨江路—城关示范带，共5个点位，起点青川滨江商务楼宇，"
		       "终点青川凯嘉百货商行 & <商行>，途经青川区电子商务协会、青川和济医院、"
		       "望湖街道个体私营经济协会。分为2段：金融商务段2个点位、生活服务段2个点位。");
	free(alt);
	chart_table_html(c, &t);
	CHECK_STR(t.ptr,
		  "<table class=\"chart-data\">\n"
		  "<caption>滨江路—城关示范带</caption>\n"
		  "<thead><tr><th scope=\"col\">序号</th><th scope=\"col\">点位</th><th scope=\"col\">路段</th></tr></thead>\n"
		  "<tbody>\n"
		  "<tr><td>1</td><th scope=\"row\">青川滨江商务楼宇</th><td>金融商务段</td></tr>\n"
		  "<tr><td>2</td><th scope=\"row\">青川区电子商务协会</th><td>金融商务段</td></tr>\n"
		  "<tr><td>3</td><th scope=\"row\">青川和济医院</th><td>生活服务段</td></tr>\n"
		  "<tr><td>4</td><th scope=\"row\">望湖街道个体私营经济协会</th><td>生活服务段</td></tr>\n"
		  "<tr><td>5</td><th scope=\"row\">青川凯嘉百货商行 &amp; &lt;商行&gt;</th><td>—</td></tr>\n"
		  "</tbody>\n</table>\n");
	chart_free(c);
	buf_reset(&t);

	/* built in code, without sections: names alone, and back */
	c = chart_new(CHART_ROUTE);
	chart_add_category(c, "望湖街道个体私营经济协会");
	chart_add_category(c, "青川蓝广食府");
	alt = chart_alt(c);
	CHECK_STR(alt, "示范带路线图，共2个点位，起点望湖街道个体私营经济协会，终点青川蓝广食府。");
	free(alt);
	chart_table_html(c, &t);
	CHECK(strstr(t.ptr, "<caption>示范带路线图</caption>") != NULL);
	CHECK(strstr(t.ptr, "路段") == NULL);
	CHECK(strstr(t.ptr, "<tr><td>2</td><th scope=\"row\">青川蓝广食府</th></tr>") != NULL);
	buf_reset(&t);
	chart_dump(c, &t);
	CHECK_STR(t.ptr, "kind: route\ndata:\n望湖街道个体私营经济协会\n青川蓝广食府\n");
	chart_free(c);
	buf_reset(&t);

	/* many points: the first ten between, then how many */
	c = route_chart(40, 0, 0);
	alt = chart_alt(c);
	CHECK(strstr(alt, "共40个点位，起点青川滨江商务楼宇运营管理有限公司，") != NULL);
	CHECK(strstr(alt, "、青川里商圈商会、青川凯嘉百货商行等38个点位。") != NULL);
	free(alt);
	chart_free(c);

	/* one point; none */
	c = chart_new(CHART_ROUTE);
	chart_set_title(c, "红色驿站");
	alt = chart_alt(c);
	CHECK_STR(alt, "示范带路线图：红色驿站。暂无数据。");
	free(alt);
	{
		gdImagePtr im = render(c, 1);
		int x, y, ink = 0, w, h;

		chart_size(c, &w, &h);
		CHECK(im != NULL);
		for (y = 0; im && y < h; y++)
			for (x = 300; x < 500; x++)
				ink += px(im, x, y) != 0xFFFFFF && y > 60;
		CHECK(ink > 100); /* 暂无数据 */
		if (im)
			gdImageDestroy(im);
	}
	chart_add_category(c, "滨江驿站");
	alt = chart_alt(c);
	CHECK_STR(alt, "示范带路线图：红色驿站，共1个点位：滨江驿站。");
	free(alt);
	chart_free(c);

	/* the API: sections numbered from 1, a series added on demand */
	c = chart_new(CHART_ROUTE);
	CHECK_INT(chart_add_section(c, "金融商务段"), 1);
	CHECK_INT(chart_add_section(c, "生活服务段"), 2);
	CHECK_INT(chart_sections(c), 2);
	CHECK_STR(chart_section_name(c, 2), "生活服务段");
	CHECK(chart_section_name(c, 0) == NULL);
	CHECK(chart_section_name(c, 3) == NULL);
	i = chart_add_category(c, "党群服务中心：滨江驿站");
	chart_add_category(c, "青川里商圈商会");
	chart_add_category(c, "青川蓝广食府");
	CHECK_INT(chart_series(c), 0);
	chart_set_section(c, 1, 2);
	CHECK_INT(chart_series(c), 1);
	chart_set_section(c, 2, 1);
	chart_dump(c, &t);
	/* a name that holds a colon keeps its 0 */
	CHECK_STR(t.ptr, "kind: route\nsections: 金融商务段, 生活服务段\ndata:\n"
			 "党群服务中心：滨江驿站: 0\n青川里商圈商会: 2\n青川蓝广食府: 1\n");
	{
		struct chart *again = NULL;
		struct buf t2 = BUF_INIT;

		CHECK(!chart_parse(&again, t.ptr, "dump", 1, NULL, NULL, d));
		if (again)
			chart_dump(again, &t2);
		CHECK_STR(t2.ptr, t.ptr);
		buf_release(&t2);
		chart_free(again);
	}
	(void)i;
	chart_free(c);
	CHECK_INT(diag_errors(d), 0);
	diag_print(d, stderr);
	buf_release(&t);
	diag_free(d);
}

/* A route built in code that breaks the rules a block would be told of. */
static void
route_bad_api(void)
{
	struct diag *d = diag_new();
	struct chart *c = chart_new(CHART_ROUTE);
	struct buf png = BUF_INIT;
	char *mem = NULL;
	size_t len = 0, i;
	FILE *fp;

	chart_set_title(c, "示范带");
	chart_add_section(c, "金融、商务段");
	chart_add_category(c, "青川蓝广食府");
	chart_set_section(c, 0, 1);
	CHECK_INT(chart_render(c, fonts, 1, &png, d), -1);
	chart_free(c);

	c = chart_new(CHART_ROUTE);
	chart_set_title(c, "示范带");
	chart_add_section(c, "金融商务段");
	chart_add_category(c, "青川蓝广食府");
	chart_set_section(c, 0, 2);
	CHECK_INT(chart_render(c, fonts, 1, &png, d), -1);
	chart_add_section(c, "生活服务段");
	chart_set_section(c, 0, 1);
	CHECK_INT(chart_render(c, fonts, 1, &png, d), -1);
	chart_free(c);

	c = route_chart(CHART_MAX_POINTS + 1, 0, 0);
	CHECK_INT(chart_render(c, fonts, 1, &png, d), -1);
	chart_free(c);
	CHECK_INT(png.len, 0);
	fp = open_memstream(&mem, &len);
	diag_print(d, fp);
	fclose(fp);
	CHECK_STR(mem,
		  "showcase: error: chart \"滨江路—城关示范带\": a route chart shows at most 60 points, not 61\n"
		  "showcase: error: chart \"示范带\": section \"生活服务段\" has no points\n"
		  "showcase: error: chart \"示范带\": section 2 of \"青川蓝广食府\" does not exist; the chart has 1 section\n"
		  "showcase: error: chart \"示范带\": section name \"金融、商务段\" is empty or holds a comma\n");
	free(mem);
	diag_free(d);

	/* a block of 61 points */
	{
		struct buf b = BUF_INIT;
		struct chart *p = NULL;

		d = diag_new();
		BUF_ADDLIT(&b, "kind: route\ndata:\n");
		for (i = 0; i <= CHART_MAX_POINTS; i++)
			buf_addf(&b, "点位%zu\n", i + 1);
		CHECK_INT(chart_parse(&p, b.ptr, "case.md", 2, NULL, NULL, d), -1);
		mem = NULL;
		fp = open_memstream(&mem, &len);
		diag_print(d, fp);
		fclose(fp);
		CHECK_STR(mem, "case.md:64:1: error: a route chart shows at most 60 points\n");
		free(mem);
		buf_release(&b);
		diag_free(d);
	}
}

static void
fonts_without_chinese(void)
{
	struct diag *d = diag_new();
	struct chart_fonts *f;
	char *mem = NULL;
	size_t len = 0;
	FILE *fp;

	/* DejaVu has no Chinese; skip where it is not installed */
	f = chart_fonts_new("DejaVu Sans", d);
	fp = open_memstream(&mem, &len);
	diag_print(d, fp);
	fclose(fp);
	if (f && strstr(mem, "not installed")) {
		chart_fonts_free(f);
		free(mem);
		diag_free(d);
		return;
	}
	CHECK(f == NULL);
	CHECK_STR(mem, "showcase: error: no Chinese font found for \"DejaVu Sans\"; "
		       "install the Debian package fonts-noto-cjk\n");
	free(mem);
	diag_clear(d);
	/* a family not installed falls back to a Chinese face, with a warning */
	f = chart_fonts_new("No Such Family 42", d);
	CHECK(f != NULL);
	CHECK_INT(diag_warnings(d), 1);
	CHECK_INT(diag_errors(d), 0);
	chart_fonts_free(f);
	diag_free(d);
}

int
main(void)
{
	struct diag *d = diag_new();

	fonts = chart_fonts_new(NULL, d);
	diag_print(d, stderr);
	CHECK(fonts != NULL);
	CHECK_STR(chart_fonts_family(fonts), "Noto Sans CJK SC");
	palette_contrast();
	tier_colours();
	nice_scales();
	print_scale();
	spec_examples();
	if (fonts) {
		wrapping();
		bar_heights_are_proportional();
		grouped_colours();
		donut_angles();
		empty_chart_says_so();
		same_bytes_every_time();
		threads_agree();
		bad_api_chart();
		route_layout();
		route_rows();
		route_pixels();
		route_text();
		route_bad_api();
		drawn_per_width();
	}
	alt_and_table();
	fonts_without_chinese();
	chart_fonts_free(fonts);
	diag_free(d);
	return harness_done();
}
