/*
 * Charts: the block syntax against tests/chart/spec.md (every example,
 * every bad spec beside its diagnostic), scales and ticks, label wrapping,
 * the palette's contrast, and pixels read back from the PNGs: bar heights,
 * colours, donut angles; the same bytes every time and on every thread.
 */
#include <gd.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
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
	/* Chinese breaks between any two characters */
	wrap_is("中华人民共和国万岁", 10, 30, 3, "中华人\n民共和\n国万岁");
	wrap_is("中华人民共和国万岁", 10, 30, 9, "中华人\n民共和\n国万岁");
	/* and ends in an ellipsis when it runs out of lines */
	wrap_is("中华人民共和国万岁", 10, 30, 2, "中华人\n民共…");
	wrap_is("中华人民共和国万岁", 10, 30, 1, "中华…");
	wrap_is("城关街道", 10, 40, 1, "城关街道");
	wrap_is("城关街道", 10, 100, 2, "城关街道");
	/* a full-width comma hangs rather than start a line */
	wrap_is("党建引领，共建共享", 10, 40, 2, "党建引领，\n共建共享");
	/* an opening bracket does not end a line */
	wrap_is("产业链（智能制造）", 10, 40, 3, "产业链\n（智能制\n造）");
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
	}
	alt_and_table();
	fonts_without_chinese();
	chart_fonts_free(fonts);
	diag_free(d);
	return harness_done();
}
