#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "chartset.h"
#include "diag.h"
#include "pool.h"
#include "stage.h"
#include "util.h"

/* Print charts are 16 cm wide, the text block of an A4 page, at 300 dpi. */
#define PRINT_WIDTH_CM 16.0
#define PRINT_DPI 300

/*
 * A chart is drawn for every width it is shown at (chart.h, "Drawing for
 * the width"): for a phone, for a card, at its own width; each at 1x
 * and 2x. The browser picks one through <picture>: <source media> rules
 * that follow from site.css, so that a drawing is never shown below
 * FIT of its width, nor wider than it (max-width: 100%).
 *
 * In the page's column (a case, the stats page, a belt): at most GUTTER
 * px of the window are not the chart's (the case page's padding and
 * border and the figure's, on a desktop); a drawing is taken from the
 * window width where the next wider one would be shown at FIT.
 *
 * In a card of .chart-grid: one column up to two cards of CARD_MIN and
 * a GAP (under a .wrap of WRAP_MAX with its padding), then two; in two
 * columns a card is a phone's width until the window is wide enough for
 * the card drawing. Cards never take the full drawing.
 */
#define FIT 0.78 /* the rule is 0.75: leave a scroll bar's room */
#define GUTTER 96
#define CARD_MIN 380
#define CARD_GAP 16
#define WRAP_PAD 40   /* .wrap's padding, both sides */
#define FIGURE_PAD 22 /* .chart's padding and border, both sides */

enum { MAX_WIDTHS = 3, MAX_FILES = 2 * MAX_WIDTHS + 1 };

struct file {
	int width, scale; /* CSS px (0: the chart's own), scale */
	char *name;       /* charts/<hash>.png */
	int skip;         /* another entry draws this file */
};

struct entry {
	struct chart *c;
	struct file f[MAX_FILES]; /* widths ascending, 1x and 2x; print */
	size_t nf;
	size_t own; /* the file that names the chart: its own width, 1x */
};

struct chartset {
	struct chart_fonts *fonts;
	pthread_mutex_t lock;
	struct entry *e;
	size_t n, cap;
	/* for chartset_write's workers */
	const struct stage *st;
	const char *prev;
	struct diag *d;
	size_t drawn, reused;
};

struct chartset *
chartset_new(struct chart_fonts *fonts)
{
	struct chartset *s = xcalloc(1, sizeof(*s));

	s->fonts = fonts;
	pthread_mutex_init(&s->lock, NULL);
	return s;
}

void
chartset_free(struct chartset *s)
{
	size_t i, v;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		chart_free(s->e[i].c);
		for (v = 0; v < s->e[i].nf; v++)
			free(s->e[i].f[v].name);
	}
	free(s->e);
	pthread_mutex_destroy(&s->lock);
	free(s);
}

void
chartset_texts(const struct chartset *s, chartset_text_fn fn, void *arg)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < s->n; i++) {
		buf_reset(&b);
		chart_dump(s->e[i].c, &b);
		fn(arg, s->e[i].f[s->e[i].own].name, b.ptr, b.len);
	}
	buf_release(&b);
}

size_t
chartset_count(const struct chartset *s)
{
	return s->n;
}

static char *
file_name(const struct chart *c, const struct chart_fonts *f, int width,
	  int scale)
{
	struct buf b = BUF_INIT;

	BUF_ADDLIT(&b, "charts/");
	chart_hash_at(c, f, width, scale, &b);
	BUF_ADDLIT(&b, ".png");
	return buf_detach(&b, NULL);
}

static void
add_file(struct entry *e, const struct chartset *s, int width, int scale)
{
	struct file *f = &e->f[e->nf++];

	f->width = width;
	f->scale = scale;
	f->name = file_name(e->c, s->fonts, width, scale);
}

/* The print variant: the last file. */
static const struct file *
print_file(const struct entry *e)
{
	return &e->f[e->nf - 1];
}

/* srcset="1x, 2x" and the size of drawing k (its 1x file is 2k). */
static void
add_srcset(struct buf *html, const struct entry *e, size_t k,
	   const char *root, int img)
{
	const struct file *f = &e->f[2 * k];
	int w, h;

	chart_size_at(e->c, f->width, &w, &h);
	if (img) {
		BUF_ADDLIT(html, " src=\"");
		buf_addstr(html, root);
		buf_addstr(html, f->name);
		BUF_ADDLIT(html, "\" srcset=\"");
	} else {
		BUF_ADDLIT(html, " srcset=\"");
		buf_addstr(html, root);
		buf_addstr(html, f->name);
		BUF_ADDLIT(html, " 1x, ");
	}
	buf_addstr(html, root);
	buf_addstr(html, f[1].name);
	buf_addf(html, " 2x\" width=\"%d\" height=\"%d\"", w, h);
}

/*
 * The <picture> of e: a <source> for each of its first nsrc drawings
 * (media[k], or none when NULL), and the <img> of drawing img, which
 * print pages keep (bulletin_print_html drops the sources): it has the
 * print variant's size.
 */
static void
add_picture(struct buf *html, const struct entry *e, size_t nsrc, size_t img,
	    const char *const *media, const char *root, const char *alt)
{
	size_t k;

	BUF_ADDLIT(html, "<picture>\n");
	for (k = 0; k < nsrc; k++) {
		BUF_ADDLIT(html, "<source");
		if (media[k]) {
			BUF_ADDLIT(html, " media=\"");
			buf_addstr(html, media[k]);
			buf_addch(html, '"');
		}
		add_srcset(html, e, k, root, 0);
		BUF_ADDLIT(html, ">\n");
	}
	BUF_ADDLIT(html, "<img");
	add_srcset(html, e, img, root, 1);
	BUF_ADDLIT(html, " alt=\"");
	buf_addhtml(html, alt);
	BUF_ADDLIT(html, "\" loading=\"lazy\" data-print=\"");
	buf_addstr(html, root);
	buf_addstr(html, print_file(e)->name);
	BUF_ADDLIT(html, "\">\n</picture>\n");
}

static void
add_figure(struct buf *html, const struct entry *e, size_t nsrc, size_t img,
	   const char *const *media, const char *root, const char *alt)
{
	BUF_ADDLIT(html, "<figure class=\"chart\">\n");
	add_picture(html, e, nsrc, img, media, root, alt);
	BUF_ADDLIT(html, "<details class=\"chart-table\"><summary>查看数据表</summary>\n");
	chart_table_html(e->c, html);
	BUF_ADDLIT(html, "\n</details>\n</figure>\n");
}

/* Whether some entry already draws the file called name. */
static int
drawn_by_any(const struct chartset *s, const char *name)
{
	size_t i, v;

	for (i = 0; i < s->n; i++)
		for (v = 0; v < s->e[i].nf; v++)
			if (!s->e[i].f[v].skip && !strcmp(s->e[i].f[v].name, name))
				return 1;
	return 0;
}

/*
 * One drawing per distinct file, however many pages show it: e joins the
 * set unless every file of it is drawn already (then it is freed).
 */
static void
keep(struct chartset *s, struct entry *e)
{
	size_t v;
	int any = 0;

	pthread_mutex_lock(&s->lock);
	for (v = 0; v < e->nf; v++) {
		e->f[v].skip = drawn_by_any(s, e->f[v].name);
		any |= !e->f[v].skip;
	}
	if (any) {
		s->e = xgrow(s->e, &s->cap, s->n + 1, sizeof(*s->e));
		s->e[s->n++] = *e;
	}
	pthread_mutex_unlock(&s->lock);
	if (!any) {
		chart_free(e->c);
		for (v = 0; v < e->nf; v++)
			free(e->f[v].name);
	}
}

void
chartset_add_scaled(struct chartset *s, struct chart *c, const int *scales,
		    size_t n, char **names)
{
	struct entry e;
	size_t v;

	memset(&e, 0, sizeof(e));
	e.c = c;
	for (v = 0; v < n && v < 3; v++) {
		add_file(&e, s, 0, scales[v]);
		names[v] = xstrdup(e.f[v].name);
	}
	keep(s, &e);
}

void
chartset_add(struct chartset *s, struct chart *c, const char *root,
	     struct buf *html, struct buf *card)
{
	static const int narrower[] = { CHART_NARROW_WIDTH, CHART_HALF_WIDTH };
	struct entry e;
	struct buf m[MAX_WIDTHS];
	const char *media[MAX_WIDTHS] = { NULL };
	int width[MAX_WIDTHS], own, h;
	size_t k, nw = 0, ncard;
	char *alt;

	memset(&e, 0, sizeof(e));
	e.c = c;
	chart_size(c, &own, &h);
	for (k = 0; k < sizeof(narrower) / sizeof(narrower[0]); k++)
		if (narrower[k] < own)
			width[nw++] = narrower[k];
	width[nw++] = own;
	for (k = 0; k < nw; k++) {
		add_file(&e, s, k + 1 < nw ? width[k] : 0, 1);
		add_file(&e, s, k + 1 < nw ? width[k] : 0, 2);
	}
	e.own = e.nf - 2;
	add_file(&e, s, 0, chart_print_scale(c, PRINT_WIDTH_CM, PRINT_DPI));
	alt = chart_alt(c);

	/* in the column: each drawing until the next one fits */
	for (k = 0; k + 1 < nw; k++) {
		buf_init(&m[k], 0);
		buf_addf(&m[k], "(max-width: %dpx)",
			 (int)ceil(FIT * width[k + 1]) + GUTTER - 1);
		media[k] = m[k].ptr;
	}
	add_figure(html, &e, nw - 1, nw - 1, media, root, alt);

	/*
	 * in a card: the phone drawing, then the card one (a source that
	 * always holds); the <img> is the full one, for print
	 */
	for (ncard = 0; ncard < nw && width[ncard] <= CHART_HALF_WIDTH; ncard++)
		;
	if (card && ncard >= 2) {
		int two = 2 * CARD_MIN + CARD_GAP + WRAP_PAD;
		int half = (int)ceil(2 * (FIT * width[1] + FIGURE_PAD) +
				     CARD_GAP + WRAP_PAD);

		buf_addf(&m[0], ", (min-width: %dpx) and (max-width: %dpx)",
			 two, half - 1);
		media[0] = m[0].ptr;
		media[1] = NULL;
		add_figure(card, &e, ncard < nw ? ncard : ncard - 1, nw - 1,
			   media, root, alt);
	} else if (card) {
		add_figure(card, &e, nw - 1, nw - 1, media, root, alt);
	}
	for (k = 0; k + 1 < nw; k++)
		buf_release(&m[k]);
	free(alt);

	keep(s, &e);
}

static int
draw_one(void *arg, size_t i)
{
	struct chartset *s = arg;
	const struct entry *e = &s->e[i / MAX_FILES];
	const struct file *f = &e->f[i % MAX_FILES];
	struct buf png = BUF_INIT;
	int rc;

	if (i % MAX_FILES >= e->nf || f->skip)
		return 0;
	if (stage_reuse(s->st, s->prev, f->name)) {
		pthread_mutex_lock(&s->lock);
		s->reused++;
		pthread_mutex_unlock(&s->lock);
		return 0;
	}
	rc = chart_render_at(e->c, s->fonts, f->width, f->scale, &png, s->d);
	if (rc == 0)
		rc = stage_write(s->st, f->name, png.ptr, png.len, s->d);
	if (rc == 0) {
		pthread_mutex_lock(&s->lock);
		s->drawn++;
		pthread_mutex_unlock(&s->lock);
	}
	buf_release(&png);
	return rc != 0;
}

int
chartset_write(struct chartset *s, const struct stage *st, const char *prev,
	       int jobs, size_t *drawn, size_t *reused, struct diag *d)
{
	size_t failed;

	s->st = st;
	s->prev = prev;
	s->d = d;
	s->drawn = s->reused = 0;
	if (s->n && stage_mkdir(st, "charts", d) < 0)
		return -1;
	failed = pool_run(s->n * MAX_FILES, jobs, draw_one, s, NULL, NULL);
	*drawn = s->drawn;
	*reused = s->reused;
	return failed ? -1 : 0;
}
