#include <string.h>

#include "chart.h"
#include "chartset.h"
#include "diag.h"
#include "modelchart.h"
#include "page.h"
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

int
page_slug_valid(const char *slug)
{
	const unsigned char *s = (const unsigned char *)slug;

	if (!*s || *s == '.')
		return 0;
	for (; *s; s++)
		if (*s == '/' || *s == '\\' || *s < 0x20 || *s == 0x7F ||
		    strchr("?#%\"<>", *s))
			return 0;
	return 1;
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
	chartset_add(f->env->charts, c, f->root, out);
	return 0;
}

int
page_load(struct page *p, const struct site *site,
	  const struct page_env *env, enum page_kind kind,
	  const char *path, const char *file, struct diag *d)
{
	struct fence fence;
	struct md_opts opts;
	const char *link_base;
	int rc = -1;

	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->file = xstrdup(file);
	front_init(&p->front);
	md_doc_init(&p->md);
	if (src_load(&p->src, path, file, d) < 0)
		goto out;
	if (front_parse(&p->front, &p->src, d) < 0)
		goto out;

	if (p->front.slug) {
		if (!page_slug_valid(p->front.slug)) {
			diag_error(d, file, p->front.pos_slug.line,
				   p->front.pos_slug.col,
				   "slug \"%s\" would leave its output folder; use letters, digits and '-'",
				   p->front.slug);
			goto out;
		}
		p->slug = xstrdup(p->front.slug);
	} else {
		p->slug = slug_from_file(file);
		if (!page_slug_valid(p->slug)) {
			diag_error(d, file, 1, 1,
				   "file name \"%s\" cannot be a slug; rename the file or set \"slug\"",
				   p->slug);
			goto out;
		}
	}
	if (kind == PAGE_PAGE) {
		p->url = xasprintf("%s.html", p->slug);
		p->depth = 0;
		link_base = "";
	} else {
		p->url = xasprintf("%s/%s.html", page_kind_dir(kind), p->slug);
		p->depth = 1;
		link_base = "../";
	}

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
	if (md_render(&p->md, p->src.text.ptr + p->front.body_off,
		      p->src.text.len - p->front.body_off, file,
		      p->front.body_line, &opts, d) < 0)
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
	front_release(&p->front);
	md_doc_release(&p->md);
	memset(p, 0, sizeof(*p));
}
