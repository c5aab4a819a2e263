#ifndef SHOWCASE_CHART_INT_H
#define SHOWCASE_CHART_INT_H

/*
 * The inside of the chart module, shared by its stages and by no one else
 * (tests/unit/t_chart.c reads the parts it tests). Each stage calls only
 * the ones listed before it:
 *
 *   chart.c         the model, its limits, numbers and scales
 *   chart_parse.c   ```chart blocks into a model
 *   chart_text.c    fonts (fontconfig, FreeType), measuring, line breaking
 *   chart_canvas.c  the image: shapes, queued text, PNG bytes
 *   chart_route.c   a route's layout and drawing
 *   chart_draw.c    what the chart shows, the other kinds, chart_render
 *   chart_desc.c    alt text, data table, canonical dump, hash
 */

#include <stddef.h>
#include <stdint.h>

#include <gd.h>

#include "chart.h"

struct buf;
struct diag;

/* ---- the model (chart.c) ---- */

#define CHART_MAX_SERIES 8
/* Kinds that never fold rows into 其他 have room for so many. */
#define CHART_MAX_ROWS 20
#define CHART_MAX_STAGES 10
/* The most pixels a render may hold (about 200 MB). */
#define CHART_MAX_PIXELS 50e6
#define CHART_OTHER "其他"

enum chart_sort {
	CHART_SORT_NONE, /* keep the order given */
	CHART_SORT_DESC,
	CHART_SORT_ASC,
};

struct chart_series {
	char *name;
	double *v; /* one per category; c->catcap allocated */
	int color; /* palette index, -1: automatic */
};

struct chart {
	enum chart_kind kind;
	char *title, *unit, *source;
	char **cats;
	size_t ncats, catcap;
	struct chart_series *series;
	size_t nseries, seriescap;
	double *tgt;    /* per category, NAN: none; catcap allocated */
	int *ccol;      /* a donut slice's colour, -1: by its place */
	double tgt_all; /* NAN: none; for categories without their own */
	int width, height;
	int top; /* at most so many categories, the rest as 其他; 0: automatic */
	enum chart_sort sort;
	char **sect; /* a route's sections; a point's is series 0's value */
	size_t nsect, sectcap;
};

/* Text and line colours, all >= 4.5:1 on white but the grid. */
#define INK_TITLE 0x1F1F1F
#define INK_TEXT 0x333333
#define INK_MUTED 0x595959
#define INK_AXIS 0x767676
#define INK_GRID 0xE3E3E3
#define INK_TRACK 0xE8E8E8
#define INK_WHITE 0xFFFFFF

/* Sizes of the layout in CSS px. */
#define PAD 20.0
#define PX_TITLE 20.0
#define PX_LABEL 13.0
#define PX_SMALL 12.0
#define PX_VALUE 13.0
#define LINE_H 1.35

/* The palette: red and gold first. Colours are 0xRRGGBB. */
size_t chart_palette_size(void);
unsigned chart_palette_rgb(size_t i);
/* "red", "gold", ...: the names "colors:" accepts. */
const char *chart_palette_name(size_t i);
/* The colour of text drawn on palette colour i (white or near black). */
unsigned chart_palette_ink(size_t i);
/* WCAG 2 contrast ratio of two colours, 1 to 21. */
double chart_contrast(unsigned rgb1, unsigned rgb2);

/* Width in CSS pixels, the default applied; chart_size gives both. */
int chart_css_width(const struct chart *c);
/*
 * c drawn width CSS px wide (0: its own width): c itself, or tmp filled
 * as a shallow copy that shares c's texts and values, read only, with
 * that width and the height of its layout. Valid while c and tmp are.
 */
const struct chart *chart_at(const struct chart *c, int width,
			     struct chart *tmp);
/*
 * The layout c is drawn in: chart_layout_of its width, but a narrow
 * chart whose height is set keeps the columns of the half layout.
 */
enum chart_layout chart_layout(const struct chart *c);
/* The section of point i of a route, 0 for none. */
size_t chart_point_section(const struct chart *c, size_t i);
/* The target of category i, NAN when it has none; whether any has one. */
double chart_target(const struct chart *c, size_t i);
int chart_has_targets(const struct chart *c);
/* Palette index of series s: its own, else the next one no one took. */
int chart_series_color(const struct chart *c, size_t s);
/* "bar", "route"...: the kind as a block names it. */
const char *chart_kind_name(enum chart_kind k);
/* Kinds that take one series; kinds that take no negative value. */
int chart_single_series(enum chart_kind k);
int chart_no_negatives(enum chart_kind k);
/*
 * What must hold of any chart, whether parsed or built by a template:
 * reported at (path, line, col), or with the chart's title as the subject
 * when path is NULL. Returns the number of problems.
 */
int chart_check(const struct chart *c, struct diag *d, const char *path,
		int line, int col);

/* Fewest decimals (0 to 2) that show every value of c exactly. */
int chart_decimals(const struct chart *c);
/* Whether c's numbers take thousands separators (from 10000 on). */
int chart_group(const struct chart *c);
/* Append v with decimals digits, grouped when group is set (and unit). */
void chart_fmt(struct buf *b, double v, int decimals, int group);
void chart_fmt_unit(struct buf *b, double v, int decimals, int group,
		    const char *unit);
/* Whether c's unit is a rate (%, ‰): rates are not added up. */
int chart_is_rate(const struct chart *c);
/*
 * An axis from lo to hi in steps of step, 1-2-5 "nice" numbers, covering
 * min..max (and 0) with at most max_ticks intervals.
 */
struct chart_scale {
	double lo, hi, step;
	int nticks; /* intervals: (hi - lo) / step */
};
void chart_scale_nice(struct chart_scale *s, double min, double max,
		      int max_ticks);

/* chart_scale_nice without forcing 0 in, with steps of min_step at least. */
void chart_scale_step(struct chart_scale *s, double min, double max,
		      int max_ticks, double min_step);
/* Decimals a tick label needs at step. */
int chart_step_decimals(double step);
/*
 * The key a category is sorted by (its value, a stacked bar's total), and
 * idx sorted by it, descending or ascending, ties in index order.
 */
double chart_key(const struct chart *c, size_t i);
void chart_order(const struct chart *c, size_t *idx, size_t n, int desc);

/* ---- the block parser (chart_parse.c) ---- */

/*
 * A plain decimal number as the block syntax writes it, [+-]digits[.digits],
 * read from len bytes at p. Returns 0 when it is not one.
 */
int chart_number(const char *p, size_t len, double *out);

/* ---- fonts and text (chart_text.c) ---- */

struct chart_glyph {
	struct chart_glyph *next;
	uint32_t cp;
	int px64, bold;
	int left, top, w, h;
	unsigned char *bits; /* w * h coverage values */
};

/* Width in pixels of text at px pixels (bold when bold is set). */
double chart_text_width(struct chart_fonts *f, const char *text, double px,
			int bold);
/*
 * Break text into at most max_lines lines no wider than width, appended
 * to out separated by '\n'. Lines break where uni_breaks allows: between
 * words (青川力澄软件 / 有限公司), inside a Chinese word only when whole
 * words would need more than max_lines, never before closing or after
 * opening punctuation; a closing mark may hang one em past width. A word
 * wider than a line is cut between characters. Text that does not fit
 * ends with "…". Returns the number of lines.
 */
int chart_text_wrap(struct chart_fonts *f, const char *text, double px,
		    int bold, double width, int max_lines, struct buf *out);

/*
 * Lines text takes at px in width (at most max), counted without the
 * font: never fewer than chart_wrap takes.
 */
int chart_est_lines(const char *s, double px, double width, int max);

/*
 * A render's own set of faces (regular and bold) with its glyph cache,
 * taken from the pool of f and given back when the render ends.
 */
struct chart_face;
struct chart_face *chart_face_take(struct chart_fonts *f);
void chart_face_give(struct chart_fonts *f, struct chart_face *fc);
/* Advance of cp in em units (bold: 1 for the bold face). */
double chart_advance(struct chart_face *fc, uint32_t cp, int bold);
/* Width in pixels of len bytes of s, or of all of s, at px pixels. */
double chart_width_n(struct chart_face *fc, const char *s, size_t len,
		     double px, int bold);
double chart_width(struct chart_face *fc, const char *s, double px, int bold);
/* The bitmap of cp at px64 (1/64 pixels), cached in fc. */
struct chart_glyph *chart_glyph(struct chart_face *fc, uint32_t cp, int px64,
				int bold);
/* chart_text_wrap on a face already taken. */
int chart_wrap(struct chart_face *fc, const char *s, double px, int bold,
	       double width, int max_lines, struct buf *out);
/* The same, with lines of even length where that takes no more lines. */
int chart_wrap_even(struct chart_face *fc, const char *s, double px, int bold,
		    double width, int max_lines, struct buf *out);

/* ---- the canvas (chart_canvas.c) ---- */

/*
 * Everything is drawn on the output image, in CSS pixel coordinates.
 * Axis-aligned rectangles (bars, grid, axes) are snapped to whole output
 * pixels: their edges stay sharp, and drawing them at a multiple would
 * change nothing. Every slanted or round shape (lines, donut slices,
 * markers) is drawn ss times finer into a mask of its own and scaled down
 * by averaging, so its edges are smooth; that costs in proportion to the
 * shape, not to the whole picture. Text waits in a queue and is drawn
 * last, hinted at its real size, which keeps it crisp.
 */
enum { AL_LEFT, AL_CENTER, AL_RIGHT };

struct chart_textop {
	char *s;
	double x, y, px; /* y: top of the em box */
	int bold, align;
	unsigned rgb;
};

struct chart_canvas {
	gdImagePtr out;
	int scale, ss, W, H;
	struct chart_face *fc;
	struct chart_textop *ops;
	size_t nops, opscap;
};

/* Where the baseline sits below the top of the em box (CJK fonts). */
#define EM_ASCENT 0.88

/* A white canvas of W x H CSS px at scale, drawing text with fc. */
void chart_cv_init(struct chart_canvas *cv, int W, int H, int scale,
		   struct chart_face *fc);
void chart_cv_release(struct chart_canvas *cv);
/* Rectangle [x0, x1) x [y0, y1), edges on output pixels. */
void chart_cv_rect(struct chart_canvas *cv, double x0, double y0, double x1,
		   double y1, unsigned rgb);
/* Lines at least one output pixel thick, snapped: grid and axes. */
void chart_cv_hline(struct chart_canvas *cv, double x0, double x1, double y,
		    double thick, unsigned rgb);
void chart_cv_vline(struct chart_canvas *cv, double x, double y0, double y1,
		    double thick, unsigned rgb);
/*
 * Shapes with smooth edges: a polygon of n points (x, y), a segment, a
 * disc, a dashed segment.
 */
void chart_cv_poly(struct chart_canvas *cv, const double *xy, size_t n,
		   unsigned rgb);
void chart_cv_line(struct chart_canvas *cv, double x0, double y0, double x1,
		   double y1, double w, unsigned rgb);
void chart_cv_circle(struct chart_canvas *cv, double cx, double cy, double r,
		     unsigned rgb);
void chart_cv_dashed(struct chart_canvas *cv, double x0, double y0, double x1,
		     double y1, double w, double dash, double gap,
		     unsigned rgb);
/*
 * Queue text whose em box starts at top y; x is its left edge, centre or
 * right edge after align (AL_*). Returns its width. chart_cv_lines queues
 * lines separated by '\n', lh apart.
 */
double chart_cv_text(struct chart_canvas *cv, const char *s, double x,
		     double y, double px, int bold, int align, unsigned rgb);
void chart_cv_lines(struct chart_canvas *cv, const char *s, double x,
		    double y, double px, double lh, int bold, int align,
		    unsigned rgb);
double chart_cv_width(struct chart_canvas *cv, const char *s, double px,
		      int bold);
/* "暂无数据" in the middle of the box. */
void chart_cv_empty(struct chart_canvas *cv, double x0, double y0, double x1,
		    double y1);
/* Draw the queued text, over every shape. */
void chart_cv_finish(struct chart_canvas *cv);
/* Append the image to out as PNG bytes of 96 * scale dpi. */
void chart_png(gdImagePtr im, int scale, struct buf *out);

/* An arc of at most a turn: points every degree, ARC_MAX at most. */
#define ARC_MAX 363

/* Append to xy (at *n) the points of the arc from angle a0 to a1. */
void chart_arc(double *xy, size_t *n, double cx, double cy, double r,
	       double a0, double a1);

/* ---- routes (chart_route.c) ---- */

/*
 * The layout of a route as chart_render draws it, in CSS pixels: rows of
 * per_row stations, and a box for every part (for a station its ring,
 * for a name or a label the text's extent). index: the point for
 * stations and names, the section for section names and bands, 0 for
 * the start marker and 1 for the end. Free with chart_route_layout_free.
 */
enum chart_part {
	CHART_PART_TITLE,   /* the title and the line under it */
	CHART_PART_BAND,    /* a section's tint behind a row's stations */
	CHART_PART_SECTION, /* a section's name, on its band */
	CHART_PART_STATION, /* a station's ring */
	CHART_PART_NAME,    /* a point's name, under its station */
	CHART_PART_MARKER,  /* 起点, 终点 */
	CHART_PART_SOURCE,  /* 数据来源 */
};
struct chart_part_box {
	enum chart_part part;
	size_t index;
	double x0, y0, x1, y1;
	char *text; /* what it says, lines separated by '\n'; NULL for shapes */
};
struct chart_route_layout {
	int width, height;
	size_t rows, per_row;
	int name_lines; /* the most lines a name may take */
	struct chart_part_box *parts;
	size_t nparts;
};
void chart_route_layout(const struct chart *c, struct chart_fonts *f,
			struct chart_route_layout *out);
void chart_route_layout_free(struct chart_route_layout *l);

/* The height a route drawn width wide takes (it follows its rows). */
int chart_route_height(const struct chart *c, int width);
/* Draw route c, W CSS px wide, title and source included. */
void chart_route_draw(const struct chart *c, struct chart_canvas *cv,
		      double W);

#endif
