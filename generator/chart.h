#ifndef SHOWCASE_CHART_H
#define SHOWCASE_CHART_H

/*
 * struct chart: one chart of the site, drawn with libgd into PNG bytes.
 *
 * A chart comes from one of two places:
 *  - a ```chart fenced block in a case study or bulletin: chart_parse()
 *    reads its body (the syntax is specified, with examples, in
 *    tests/chart/spec.md) and reports every bad line at its file:line:col;
 *  - a template that asks for a chart of the model: the caller builds it
 *    with chart_new() and the chart_set_* / chart_add_* functions.
 *
 * A route (CHART_ROUTE) is a demonstration belt or red street drawn as a
 * schematic line, not a map: its categories are the points in route order,
 * numbered stations on a red line that snakes left to right, then right to
 * left, row under row; the sections of the belt (金融商务段, 生活服务段...)
 * are tinted bands with their names. In code:
 *
 *	c = chart_new(CHART_ROUTE);
 *	chart_set_title(c, "滨江路—城关示范带");
 *	s1 = chart_add_section(c, "金融商务段");        (optional: 1, 2...)
 *	i = chart_add_category(c, "青川滨江商务楼宇运营管理有限公司");
 *	chart_set_section(c, i, s1);                  (0, the default: none)
 *	...
 *	chart_size(c, &w, &h);   the height follows the number of rows
 *
 * then chart_render, chart_alt and chart_table_html as for any chart.
 *
 * Then, for each chart: chart_hash() names its files, chart_render() draws
 * it at a scale (1 and 2 for the screen's srcset, chart_print_scale() for
 * print), chart_alt() gives its alt text and chart_table_html() the data
 * table that goes beside it.
 *
 * Drawing is libgd's (images, polygons); text is drawn with FreeType from
 * the face fontconfig picks for lang=zh-cn, not through gdImageStringFT:
 * libgd always opens face 0 of a font collection, and face 0 of
 * NotoSansCJK-Regular.ttc is the Japanese one, whose forms of 直, 骨, 户,
 * 海, 令... are wrong in Chinese. The PNG is written with libpng (a fixed
 * filter: libgd's encoder lets libpng try all five on every row, which
 * was half the time of a chart). Link: gdlib freetype2 fontconfig libpng.
 *
 * The module's stages (model, parser, text, canvas, route, drawing,
 * descriptions) share what they share through chart_int.h, which nothing
 * outside the module includes (but t_chart.c, for the parts it tests).
 *
 * Threads: create the struct chart_fonts first, on one thread. After that
 * chart_render() may run on many threads at once, sharing it; a struct
 * chart is only read once built. libgd's own font cache is not used, so
 * gdFontCacheSetup() is not needed.
 */

#include <stddef.h>

struct buf;
struct diag;

enum chart_kind {
	CHART_BAR,      /* vertical bars; several series are grouped */
	CHART_HBAR,     /* horizontal bars; several series are grouped */
	CHART_STACKED,  /* vertical bars, series stacked, total on top */
	CHART_LINE,     /* one line per series, optional target line */
	CHART_DONUT,    /* one series, shares of the total in the middle */
	CHART_PROGRESS, /* one bar per indicator against its target */
	CHART_FUNNEL,   /* stages, each with its rate of the one before */
	CHART_ROUTE,    /* a belt's points as stations on a line, in order */
};

struct chart;
struct chart_fonts;

/* Changes whenever the same chart would be drawn differently. */
#define CHART_RENDERER_VERSION 4 /* 4: layouts per width, tier colours */

/* Default size in CSS pixels. */
#define CHART_WIDTH 800
#define CHART_HEIGHT 500
/* The default font family (site.json may name another). */
#define CHART_FONT "Noto Sans CJK SC"

/* ---- building a chart ---- */

/* A new empty chart of kind. Caller frees with chart_free(). */
struct chart *chart_new(enum chart_kind kind);
void chart_free(struct chart *c);

/* Texts are copied; NULL or "" clears. */
void chart_set_title(struct chart *c, const char *title);
void chart_set_unit(struct chart *c, const char *unit);     /* "个", "%" */
void chart_set_source(struct chart *c, const char *source); /* 数据来源 */
/*
 * Size in CSS pixels; 0 keeps the default for the kind. A route's height
 * always follows its rows (its height here is ignored).
 */
void chart_set_size(struct chart *c, int width, int height);

/* Append a category (a bar, a slice, a year, a stage); returns its index. */
size_t chart_add_category(struct chart *c, const char *label);
/*
 * Append a series (all values 0 until set); returns its index. color is a
 * palette index (0 red, 1 gold...: the order of the names
 * "colors:" accepts) or -1 for the next free colour.
 */
size_t chart_add_series(struct chart *c, const char *name, int color);
void chart_set_value(struct chart *c, size_t series, size_t category,
		     double value);
/*
 * The colour of a donut's slice (a palette index; -1: by its place), as
 * "colors:" gives it in a donut's block.
 */
void chart_set_category_color(struct chart *c, size_t category, int color);
/*
 * The palette index of an assessment tier, in the order gold, silver,
 * bronze, weak (0 to 3; -1 for another number): every chart of tiers
 * takes its colours from here, so that 金色 is gold and the four stay
 * apart in grey.
 */
int chart_tier_color(int tier);
/*
 * The target of one category: progress charts need one per indicator;
 * line and bar charts draw them as a dashed line.
 */
void chart_set_target(struct chart *c, size_t category, double target);

enum chart_kind chart_kind(const struct chart *c);
size_t chart_categories(const struct chart *c);
size_t chart_series(const struct chart *c);
/* Size in CSS pixels, defaults applied (for <img width height>). */
void chart_size(const struct chart *c, int *width, int *height);

/*
 * Sections of a route, at most CHART_MAX_SECTIONS: chart_add_section
 * appends one (the name is copied; it may not hold a comma) and returns
 * its number, 1 for the first. A point's section is the value of the
 * route's one series; chart_set_section sets it, adding that series when
 * the chart has none (0: the point is in no section). Points without a
 * section are allowed, and a route needs no sections at all.
 */
#define CHART_MAX_SECTIONS 8
/* The most points a route shows. */
#define CHART_MAX_POINTS 60
size_t chart_add_section(struct chart *c, const char *name);
void chart_set_section(struct chart *c, size_t category, size_t section);
size_t chart_sections(const struct chart *c);
/* Name of section n, 1 for the first (NULL when out of range). */
const char *chart_section_name(const struct chart *c, size_t n);

/* ---- chart blocks ---- */

/*
 * Fill c with the model series called name (coverage_by_region, tiers...):
 * categories, one or more named series, and the title, unit and source
 * when the model has them (the block's own keys win). Return 0, or -1 when
 * there is no such model (chart_parse then reports it at the "model:" line).
 */
typedef int (*chart_model_fn)(void *arg, const char *name, struct chart *c);

/*
 * Parse the body of a ```chart block: text (NUL-terminated) is the body,
 * path the file shown in diagnostics, first_line the file's line number
 * of the body's first line (the line after the fence). model (may be NULL)
 * resolves "model:" names. On success *out is a new chart the caller frees
 * with chart_free() and 0 is returned. On error every problem found is
 * recorded in d at its file:line:col, *out is NULL and -1 returned.
 */
int chart_parse(struct chart **out, const char *text, const char *path,
		int first_line, chart_model_fn model, void *model_arg,
		struct diag *d);

/* ---- fonts ---- */

/*
 * Resolve family (NULL: CHART_FONT) through fontconfig for Chinese, check
 * that the face really has Chinese glyphs, and open it. When it has none:
 *   no Chinese font found for "Noto Sans CJK SC"; install the Debian package fonts-noto-cjk
 * is recorded in d and NULL returned. A family that is not installed but
 * for which fontconfig finds another Chinese face gives a warning and that
 * face. Caller frees with chart_fonts_free(), after every render ended.
 */
struct chart_fonts *chart_fonts_new(const char *family, struct diag *d);
void chart_fonts_free(struct chart_fonts *f);
/* The family actually used, e.g. "Noto Sans CJK SC". */
const char *chart_fonts_family(const struct chart_fonts *f);

/* ---- output ---- */

/*
 * Draw c at scale (1 and 2 for the screen; see chart_print_scale) into
 * png, which is reset first: an opaque RGB PNG of width*scale by
 * height*scale pixels, its pHYs saying 96*scale dpi. Bars, grid and axes
 * are snapped to whole pixels, so they are sharp; slanted and round shapes
 * are drawn 4, 3 or 2 times finer (at scale 1, 2, 3 and up) and averaged
 * down, so their edges are smooth; text is hinted at its real size, so it
 * is crisp. The same chart, scale and font give the same bytes. Returns
 * 0, or -1 with a diagnostic: a chart built through the API that breaks a
 * rule a block would be told of (a negative share, a value that is NaN or
 * of 1e15 and more, a progress indicator without a target...), a scale out
 * of 1..8, more than 50 million pixels. Thread-safe.
 */
int chart_render(const struct chart *c, struct chart_fonts *f, int scale,
		 struct buf *png, struct diag *d);

/*
 * Drawing for the width a chart is shown at. A chart shown narrower than
 * its own width (chart_size) is drawn again for that width, not scaled
 * down: its text keeps its size and the layout follows the width.
 *
 *   CHART_LAYOUT_NARROW  under 480 CSS px, a phone: bars become rows with
 *                        their labels above them, a donut's legend goes
 *                        under it, a route has fewer stations a row;
 *   CHART_LAYOUT_HALF    480 to 679 px, a card beside another: the full
 *                        layout with fewer categories before 其他;
 *   CHART_LAYOUT_FULL    680 px and more.
 *
 * chart_size_at, chart_render_at and chart_hash_at are chart_size,
 * chart_render and chart_hash for width CSS px (0: the chart's own
 * width; from 200 to 4000). The height follows the width and the layout
 * (a height the chart sets holds at its own width only). A chart whose
 * height is set (chart_set_size) is never drawn in the narrow layout: a
 * wall screen's landscape panel keeps its columns at any width.
 */
enum chart_layout {
	CHART_LAYOUT_NARROW,
	CHART_LAYOUT_HALF,
	CHART_LAYOUT_FULL,
};
#define CHART_NARROW_WIDTH 360 /* the phone drawing */
#define CHART_HALF_WIDTH 540   /* the card drawing */
#define CHART_MIN_WIDTH 200
#define CHART_MAX_WIDTH 4000
enum chart_layout chart_layout_of(int width);
void chart_size_at(const struct chart *c, int width, int *w, int *h);
int chart_render_at(const struct chart *c, struct chart_fonts *f, int width,
		    int scale, struct buf *png, struct diag *d);
void chart_hash_at(const struct chart *c, const struct chart_fonts *f,
		   int width, int scale, struct buf *out);

/*
 * The smallest whole scale at which c printed width_cm wide has at least
 * dpi dots per inch (16 cm at 300 dpi for an 800 px chart: 3).
 */
int chart_print_scale(const struct chart *c, double width_cm, int dpi);

/*
 * Alt text in Chinese: kind, title, unit and what the numbers say (the
 * largest and smallest, or the total and the biggest shares; for a route,
 * its points: 示范带路线图：X，共N个点位，起点A，终点B，途经……). Caller frees.
 */
char *chart_alt(const struct chart *c);

/*
 * Append an accessible HTML table of c's numbers (every category, even
 * those the chart folds into 其他): <table class="chart-data"> with a
 * <caption>, <th scope="col"> and <th scope="row">, text HTML-escaped.
 * A route's table has 序号, 点位 and, when it has sections, 路段.
 */
void chart_table_html(const struct chart *c, struct buf *out);

/*
 * Append 16 hex digits naming what chart_render(c, f, scale) draws: an
 * FNV-1a 64 hash of c's canonical form (chart_dump), the scale, the font
 * family (f may be NULL: the default) and CHART_RENDERER_VERSION. Use it
 * in file names (chart-<hash>.png): an unchanged chart keeps its name.
 */
void chart_hash(const struct chart *c, const struct chart_fonts *f,
		int scale, struct buf *out);

/*
 * Append c in the block syntax, canonically: keys in a fixed order, every
 * number in the fewest decimals that read back exactly. Parsing the result
 * gives the same chart (but for a chart with no data, whose "data:" is
 * empty). chart_hash() hashes it; the spec examples show it.
 */
void chart_dump(const struct chart *c, struct buf *out);

#endif
