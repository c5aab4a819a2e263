#include <string.h>

#include "chart.h"
#include "chartset.h"
#include "diag.h"
#include "figures.h"
#include "modelchart.h"
#include "page.h"
#include "routes.h"
#include "site.h"
#include "util.h"

const char *
page_kind_dir(enum page_kind kind)
{
	switch (kind) {
	case PAGE_CASE:
		return "cases";
	case PAGE_PAGE:
		return "pages";
	case PAGE_BULLETIN:
		return "bulletins";
	}
	return "";
}

static char *
slug_from_file(const char *file)
{
	const char *base = strrchr(file, '/');
	size_t n;

	base = base ? base + 1 : file;
	n = strlen(base);
	if (n > 3 && !strcmp(base + n - 3, ".md"))
		n -= 3;
	return xstrndup(base, n);
}

/* A cover is a file of the site, written from its root, inside it. */
static int
cover_exists(const struct site *site, const char *cover)
{
	char *path;
	int ok;

	if (cover[0] == '/' || strstr(cover, "..") || strstr(cover, "://"))
		return 0;
	path = site_path(site, cover);
	ok = file_exists(path);
	free(path);
	return ok;
}

struct fence {
	const struct page_env *env;
	const char *file;
	const char *root;
	struct diag *d;
};

/* A ```chart block: parsed here, drawn later with every other chart. */
static int
chart_fence(void *arg, const char *info, const char *body, int line,
	    struct buf *out)
{
	struct fence *f = arg;
	struct chart *c;

	(void)info;
	if (chart_parse(&c, body, f->file, line + 1, modelchart_fill,
			(void *)f->env->model, f->d) < 0)
		return -1;
	chartset_add(f->env->charts, c, f->root, out, NULL);
	return 0;
}

/* Where an image is written in the source, for its diagnostics. */
static void
image_pos(const struct page *p, const char *url, int *line, int *col)
{
	struct buf pat = BUF_INIT;
	const char *at;

	buf_addf(&pat, "](%s", url);
	at = strstr(p->src.text.ptr + p->front.body_off, pat.ptr);
	if (at)
		src_pos(&p->src, (size_t)(at - p->src.text.ptr) + 2, line, col);
	else
		*line = p->front.body_line, *col = 0;
	buf_release(&pat);
}

/* The src value of an <img> as cmark wrote it, back to the URL as written. */
static void
unescape_src(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
			buf_addch(out, hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
			i += 2;
		} else if (!strncmp(s + i, "&amp;", 5) && i + 5 <= n) {
			buf_addch(out, '&');
			i += 4;
		} else {
			buf_addch(out, s[i]);
		}
	}
}

/*
 * Body images: each must be a file of the site (the site works offline),
 * and each gets its resized variants, width and height in the HTML.
 */
static int
body_images(struct page *p, const struct site *site,
	    const struct page_env *env, const char *link_base, struct diag *d)
{
	static const char tag[] = "<img src=\"";
	struct buf html = BUF_INIT, url = BUF_INIT;
	const char *s = p->md.html.ptr, *at;
	size_t i, lb = strlen(link_base);
	int rc = 0, line, col;

	p->images = xcalloc(p->md.nimages ? p->md.nimages : 1, sizeof(*p->images));
	for (i = 0; i < p->md.nimages; i++) {
		const char *u = p->md.images[i];

		image_pos(p, u, &line, &col);
		if (strstr(u, "://") || !strncmp(u, "//", 2) || !strncmp(u, "data:", 5)) {
			diag_error(d, p->file, line, col,
				   "image \"%s\" is not a file of the site; the site must work without the internet: copy it into assets/",
				   u);
			rc = -1;
			continue;
		}
		if (imageset_add(env->images, site->dir, u, p->file, line, col,
				 &p->images[p->nimages], d) < 0) {
			rc = -1;
			continue;
		}
		p->nimages++;
	}
	if (rc < 0 || !p->nimages)
		goto out;
	/* Give every <img> of a known image its variants and size. */
	while ((at = strstr(s, tag))) {
		const char *v = at + sizeof(tag) - 1, *end = strchr(v, '"');
		const struct image_ref *ref = NULL;

		buf_add(&html, s, (size_t)(v - s));
		if (!end)
			break;
		buf_reset(&url);
		if ((size_t)(end - v) >= lb && !strncmp(v, link_base, lb))
			unescape_src(&url, v + lb, (size_t)(end - v) - lb);
		for (i = 0; i < p->nimages && url.len; i++)
			if (!strcmp(p->images[i].url, url.ptr))
				ref = &p->images[i];
		if (ref && ref->nvariants) {
			image_ref_src(ref, link_base, &html);
			BUF_ADDLIT(&html, "\" srcset=\"");
			image_ref_srcset(ref, link_base, &html);
			buf_addf(&html, "\" sizes=\"(min-width: 860px) 760px, 100vw\" width=\"%d\" height=\"%d",
				 ref->width, ref->height);
		} else {
			buf_add(&html, v, (size_t)(end - v));
		}
		s = end;
	}
	buf_addstr(&html, s);
	buf_release(&p->md.html);
	p->md.html = html;
	buf_init(&html, 0);
out:
	buf_release(&html);
	buf_release(&url);
	return rc;
}

/* A front matter value with its figures quoted, in place. */
static void
quote_value(char **value, const struct figures *f)
{
	struct buf b = BUF_INIT;

	if (!*value || !strstr(*value, "{{"))
		return;
	figures_expand_text(f, *value, &b);
	free(*value);
	*value = buf_detach(&b, NULL);
}

/*
 * The figures quoted in the page ({{party_orgs}}, figures.h): the body
 * into body, ready for Markdown; the title and summary of the front
 * matter in place. Unknown names are reported where they are written.
 */
static int
quote_figures(struct page *p, const struct figures *f, struct buf *body,
	      struct diag *d)
{
	struct buf front = BUF_INIT;
	int rc = 0;

	if (figures_expand(f, &p->src, 0, p->front.body_off, 0, &front, d) < 0)
		rc = -1;
	buf_release(&front);
	quote_value(&p->front.title, f);
	quote_value(&p->front.summary, f);
	if (figures_expand(f, &p->src, p->front.body_off, p->src.text.len, 1,
			   body, d) < 0)
		rc = -1;
	return rc;
}

int
page_load(struct page *p, const struct site *site,
	  const struct page_env *env, enum page_kind kind,
	  const char *path, const char *file, struct diag *d)
{
	struct fence fence;
	struct md_opts opts;
	struct buf body = BUF_INIT;
	const char *link_base;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->file = xstrdup(file);
	front_init(&p->front);
	md_doc_init(&p->md);
	if (src_load(&p->src, path, file, SRC_MARKDOWN, d) < 0)
		goto out;
	if (front_parse(&p->front, &p->src, d) < 0)
		goto out;

	/* plan.h checks that the slug can be a file name (routes.h). */
	p->slug = p->front.slug ? xstrdup(p->front.slug) : slug_from_file(file);
	p->url = routes_page(kind == PAGE_PAGE ? ROUTES_PAGE :
			     kind == PAGE_BULLETIN ? ROUTES_BULLETIN : ROUTES_CASE,
			     p->slug);
	p->depth = routes_depth(p->url);
	link_base = routes_root(p->depth);

	if (p->front.cover && !cover_exists(site, p->front.cover)) {
		diag_error(d, file, p->front.pos_cover.line, p->front.pos_cover.col,
			   "cover image \"%s\" not found; paths are written from the site folder, e.g. \"assets/images/x.png\"",
			   p->front.cover);
		goto out;
	}
	if (p->front.cover && env && env->images &&
	    imageset_add(env->images, site->dir, p->front.cover, file,
			 p->front.pos_cover.line, p->front.pos_cover.col,
			 &p->cover, d) < 0)
		goto out;
	md_opts_init(&opts);
	opts.unsafe = site->md_unsafe;
	opts.toc_min = site->toc_min;
	opts.summary_chars = (size_t)site->summary_chars;
	/* Authors write image paths from the site root (assets/...). */
	opts.link_base = link_base;
	if (env && env->charts) {
		fence.env = env;
		fence.file = file;
		fence.root = link_base;
		fence.d = d;
		opts.fence_word = "chart";
		opts.fence = chart_fence;
		opts.fence_arg = &fence;
	}
	if (env && env->figures) {
		if (quote_figures(p, env->figures, &body, d) < 0)
			goto out;
	} else {
		buf_add(&body, p->src.text.ptr + p->front.body_off,
			p->src.text.len - p->front.body_off);
	}
	if (md_render(&p->md, body.ptr, body.len, file, p->front.body_line,
		      &opts, d) < 0)
		goto out;
	if (env && env->images && p->md.nimages &&
	    body_images(p, site, env, link_base, d) < 0)
		goto out;
	p->summary = p->front.summary ? p->front.summary : p->md.summary.ptr;
	rc = 0;
out:
	/*
	 * Everything later stages need has been copied out of the source:
	 * drop it, so that a site of ten thousand pages does not hold its
	 * whole text twice.
	 */
	src_release(&p->src);
	buf_release(&body);
	p->ok = rc == 0;
	return rc;
}

void
page_release(struct page *p)
{
	free(p->file);
	free(p->slug);
	free(p->url);
	src_release(&p->src);
	image_ref_release(&p->cover);
	for (size_t i = 0; i < p->nimages; i++)
		image_ref_release(&p->images[i]);
	free(p->images);
	front_release(&p->front);
	md_doc_release(&p->md);
	memset(p, 0, sizeof(*p));
}
