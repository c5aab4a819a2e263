#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "diag.h"
#include "routes.h"
#include "scaffold.h"
#include "site.h"
#include "util.h"

#define SLUG_MAX 60

char *
scaffold_slug(const char *title)
{
	const unsigned char *s = (const unsigned char *)title;
	struct buf b = BUF_INIT;
	int dash = 0;

	for (; *s; s++) {
		if (*s >= 0x80) {
			buf_release(&b);
			return NULL;
		}
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    (*s >= 'A' && *s <= 'Z')) {
			if (dash && b.len)
				buf_addch(&b, '-');
			dash = 0;
			if (b.len >= SLUG_MAX)
				break;
			buf_addch(&b, *s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
		} else {
			dash = 1;
		}
	}
	if (!b.len) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* A YAML double-quoted scalar: any title is safe in it. */
static void
add_yaml_string(struct buf *b, const char *s)
{
	buf_addch(b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addch(b, '\\');
		buf_addch(b, *s);
	}
	buf_addch(b, '"');
}

static void
write_text(struct scaffold *sc, const struct scaffold_opts *o)
{
	struct buf *b = &sc->text;

	BUF_ADDLIT(b, "---\ntitle: ");
	add_yaml_string(b, o->title);
	BUF_ADDLIT(b, "\n");
	switch (o->kind) {
	case PAGE_CASE:
		buf_addf(b, "date: %s\n", o->date);
		BUF_ADDLIT(b,
			   "# 一句话摘要，列表页和搜索结果里显示；不写时取正文开头\n"
			   "summary:\n"
			   "# 标签，如 [示范带, 红色商圈]\n"
			   "tags: []\n"
			   "# 所在区域，如 滨江新区\n"
			   "region:\n"
			   "# 封面图片（可选），从站点文件夹写起，如 assets/images/covers/x.png\n"
			   "# cover:\n"
			   "# true：只在 showcase serve --drafts 的预览中出现，不发布\n"
			   "draft: false\n");
		break;
	case PAGE_BULLETIN:
		buf_addf(b, "date: %s\n", o->date);
		buf_addf(b, "# 期号：本年第%d期\nissue: %d\n", sc->issue, sc->issue);
		BUF_ADDLIT(b,
			   "summary:\n"
			   "# 附件：案例的文件名（不带 .md），如 [binjiang-shifandai]\n"
			   "cases: []\n"
			   "# 数据图表，如 [tiers, stars]（见 docs/print.md）\n"
			   "charts: []\n"
			   "# 报、送、发和印数不写时用 site.json 的 \"bulletin\" 设置\n"
			   "draft: false\n");
		break;
	case PAGE_PAGE:
		BUF_ADDLIT(b, "summary:\n"
			   "draft: false\n");
		break;
	}
	BUF_ADDLIT(b, "---\n\n在这里写正文。段落之间空一行，“## ”开头的一行是小标题。\n");
}

/* The page of kind that already has slug (a file or its "slug" key). */
static const struct page *
taken(const struct content *c, enum page_kind kind, const char *slug)
{
	const struct page *list = kind == PAGE_CASE ? c->cases :
		kind == PAGE_PAGE ? c->pages : c->bulletins;
	size_t n = kind == PAGE_CASE ? c->ncases :
		kind == PAGE_PAGE ? c->npages : c->nbulletins, i;

	for (i = 0; i < n; i++)
		if (!strcmp(list[i].slug, slug))
			return &list[i];
	return NULL;
}

/* The next 期号 of the year of date: one after the highest. */
static int
next_issue(const struct content *c, const char *date)
{
	int max = 0;
	size_t i;

	for (i = 0; i < c->nbulletins; i++) {
		const struct front *f = &c->bulletins[i].front;

		if (f->date && !strncmp(f->date, date, 4) && f->issue > max)
			max = f->issue;
	}
	return max + 1;
}

static int
title_ok(const char *t)
{
	const unsigned char *s = (const unsigned char *)t;
	int text = 0;

	for (; *s; s++) {
		if (*s < 0x20 || *s == 0x7F)
			return 0;
		if (*s != ' ')
			text = 1;
	}
	return text;
}

int
scaffold_make(struct scaffold *sc, const struct scaffold_opts *o,
	      struct diag *d)
{
	struct diag *scratch = diag_new();
	struct buf why = BUF_INIT;
	struct content c;
	struct site site;
	const struct page *other;
	int have_content = 0, rc = -1;

	memset(sc, 0, sizeof(*sc));
	buf_init(&sc->text, 512);
	if (site_load(&site, o->site, o->datadir, d) < 0)
		goto out;
	if (!title_ok(o->title)) {
		diag_error(d, NULL, 0, 0,
			   "the title must be one line of text, not \"%s\"", o->title);
		goto out;
	}
	/* Every page, drafts too: their slugs and issues count. Their own
	 * problems are for `showcase check` to report, not for `new`. */
	content_load(&c, &site, NULL, 1, 1, scratch);
	have_content = 1;
	if (o->kind == PAGE_BULLETIN)
		sc->issue = next_issue(&c, o->date);

	if (o->slug) {
		if (routes_name_check(o->slug, &why) < 0) {
			diag_error(d, NULL, 0, 0,
				   "slug \"%s\" cannot be a file name: %s",
				   o->slug, why.ptr);
			goto out;
		}
		sc->slug = xstrdup(o->slug);
	} else if (o->kind == PAGE_BULLETIN) {
		sc->slug = xasprintf("%.4s-%02d", o->date, sc->issue);
	} else if (!(sc->slug = scaffold_slug(o->title))) {
		uint64_t h = fnv1a64(FNV_OFFSET, o->title, strlen(o->title));

		sc->slug = xasprintf("%s-%06llx", o->date,
				     (unsigned long long)(h & 0xFFFFFF));
		sc->dated_slug = 1;
	}
	sc->file = xasprintf("content/%s/%s.md", page_kind_dir(o->kind), sc->slug);
	sc->path = site_path(&site, sc->file);
	if (file_exists(sc->path) || dir_exists(sc->path)) {
		diag_error(d, sc->file, 0, 0,
			   "the file exists already and is kept as it is; choose another name with --slug");
		goto out;
	}
	if ((other = taken(&c, o->kind, sc->slug))) {
		diag_error(d, sc->file, 0, 0,
			   "slug \"%s\" is taken by %s; choose another with --slug",
			   sc->slug, other->file);
		goto out;
	}
	write_text(sc, o);
	rc = 0;
out:
	if (have_content)
		content_release(&c);
	site_release(&site);
	diag_free(scratch);
	buf_release(&why);
	return rc;
}

int
scaffold_write(const struct scaffold *sc, struct diag *d)
{
	char *dir = path_dir(sc->path);
	size_t done = 0;
	int fd = -1, rc = -1;

	if (dir_make(dir) < 0) {
		diag_error(d, sc->file, 0, 0, "cannot create its folder: %s",
			   strerror(errno));
		goto out;
	}
	/* O_EXCL: even a file made a moment ago is not replaced. */
	fd = open(sc->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0 && errno == EEXIST) {
		diag_error(d, sc->file, 0, 0,
			   "the file exists already and is kept as it is; choose another name with --slug");
		goto out;
	}
	if (fd < 0) {
		diag_error(d, sc->file, 0, 0, "cannot create: %s", strerror(errno));
		goto out;
	}
	while (done < sc->text.len) {
		ssize_t n = write(fd, sc->text.ptr + done, sc->text.len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			diag_error(d, sc->file, 0, 0, "cannot write: %s", strerror(errno));
			unlink(sc->path);
			goto out;
		}
		done += (size_t)n;
	}
	rc = 0;
out:
	if (fd >= 0 && close(fd) < 0 && rc == 0) {
		diag_error(d, sc->file, 0, 0, "cannot write: %s", strerror(errno));
		unlink(sc->path);
		rc = -1;
	}
	free(dir);
	return rc;
}

void
scaffold_release(struct scaffold *sc)
{
	free(sc->file);
	free(sc->path);
	free(sc->slug);
	buf_release(&sc->text);
	memset(sc, 0, sizeof(*sc));
}
