#include <errno.h>
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

enum { SCREEN, RETINA, PRINT, NVARIANTS };

struct entry {
	struct chart *c;
	int nv;                /* variants: NVARIANTS, or fewer (screen) */
	int scale[NVARIANTS];
	char *name[NVARIANTS]; /* charts/<hash>.png */
	int skip[NVARIANTS];   /* another entry draws this file */
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
	size_t i;
	int v;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		chart_free(s->e[i].c);
		for (v = 0; v < s->e[i].nv; v++)
			free(s->e[i].name[v]);
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
		fn(arg, s->e[i].name[0], b.ptr, b.len);
	}
	buf_release(&b);
}

size_t
chartset_count(const struct chartset *s)
{
	return s->n;
}

static char *
file_name(const struct chart *c, const struct chart_fonts *f, int scale)
{
	struct buf b = BUF_INIT;

	BUF_ADDLIT(&b, "charts/");
	chart_hash(c, f, scale, &b);
	BUF_ADDLIT(&b, ".png");
	return buf_detach(&b, NULL);
}

/* Whether some entry already draws the file called name. */
static int
drawn_by_any(const struct chartset *s, const char *name)
{
	size_t i;
	int v;

	for (i = 0; i < s->n; i++)
		for (v = 0; v < s->e[i].nv; v++)
			if (!s->e[i].skip[v] && !strcmp(s->e[i].name[v], name))
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
	int v, any = 0;

	pthread_mutex_lock(&s->lock);
	for (v = 0; v < e->nv; v++) {
		e->skip[v] = drawn_by_any(s, e->name[v]);
		any |= !e->skip[v];
	}
	if (any) {
		s->e = xgrow(s->e, &s->cap, s->n + 1, sizeof(*s->e));
		s->e[s->n++] = *e;
	}
	pthread_mutex_unlock(&s->lock);
	if (!any) {
		chart_free(e->c);
		for (v = 0; v < e->nv; v++)
			free(e->name[v]);
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
	e.nv = n < NVARIANTS ? (int)n : NVARIANTS;
	for (v = 0; v < (size_t)e.nv; v++) {
		e.scale[v] = scales[v];
		e.name[v] = file_name(c, s->fonts, scales[v]);
		names[v] = xstrdup(e.name[v]);
	}
	keep(s, &e);
}

void
chartset_add(struct chartset *s, struct chart *c, const char *root,
	     struct buf *html)
{
	struct entry e;
	char *alt;
	int w, h, v;

	memset(&e, 0, sizeof(e));
	e.c = c;
	e.nv = NVARIANTS;
	e.scale[SCREEN] = 1;
	e.scale[RETINA] = 2;
	e.scale[PRINT] = chart_print_scale(c, PRINT_WIDTH_CM, PRINT_DPI);
	for (v = 0; v < NVARIANTS; v++)
		e.name[v] = file_name(c, s->fonts, e.scale[v]);
	chart_size(c, &w, &h);
	alt = chart_alt(c);

	BUF_ADDLIT(html, "<figure class=\"chart\">\n<img src=\"");
	buf_addstr(html, root);
	buf_addstr(html, e.name[SCREEN]);
	BUF_ADDLIT(html, "\" srcset=\"");
	buf_addstr(html, root);
	buf_addstr(html, e.name[RETINA]);
	buf_addf(html, " 2x\" width=\"%d\" height=\"%d\" alt=\"", w, h);
	buf_addhtml(html, alt);
	BUF_ADDLIT(html, "\" loading=\"lazy\" data-print=\"");
	buf_addstr(html, root);
	buf_addstr(html, e.name[PRINT]);
	BUF_ADDLIT(html, "\">\n<details class=\"chart-table\"><summary>查看数据表</summary>\n");
	chart_table_html(c, html);
	BUF_ADDLIT(html, "\n</details>\n</figure>\n");
	free(alt);

	keep(s, &e);
}

static int
draw_one(void *arg, size_t i)
{
	struct chartset *s = arg;
	const struct entry *e = &s->e[i / NVARIANTS];
	int v = (int)(i % NVARIANTS), rc;
	struct buf png = BUF_INIT;

	if (v >= e->nv || e->skip[v])
		return 0;

	if (stage_reuse(s->st, s->prev, e->name[v])) {
		pthread_mutex_lock(&s->lock);
		s->reused++;
		pthread_mutex_unlock(&s->lock);
		return 0;
	}
	rc = chart_render(e->c, s->fonts, e->scale[v], &png, s->d);
	if (rc == 0)
		rc = stage_write(s->st, e->name[v], png.ptr, png.len, s->d);
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
	failed = pool_run(s->n * NVARIANTS, jobs, draw_one, s, NULL, NULL);
	*drawn = s->drawn;
	*reused = s->reused;
	return failed ? -1 : 0;
}
