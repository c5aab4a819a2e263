/*
 * The manifest of a build: read back as written, believed only whole and
 * of this showcase, and an output that anyone touched is not up to date.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "manifest.h"
#include "util.h"

static void
put(const char *dir, const char *rel, const char *text)
{
	char *p = path_join(dir, rel), *d = path_dir(p);

	CHECK_INT(dir_make(d), 0);
	CHECK_INT(file_write(p, text, strlen(text)), 0);
	free(d);
	free(p);
}

/* An output of three files and its manifest. */
static void
make_output(const char *dir, struct manifest *m)
{
	put(dir, ".showcase", "showcase output\n");
	put(dir, "index.html", "<p>首页</p>\n");
	put(dir, "cases/a.html", "<p>案例</p>\n");
	manifest_init(m);
	CHECK_INT(manifest_collect(m, dir), 0);
	m->inputs = 0x0123456789abcdefULL;
	m->pages = 2;
	m->files = 3;
	m->private_values = 7;
	manifest_add_extra(m, "photos/x.png");
	CHECK_INT(manifest_write(m, dir), 0);
}

static void
read_back(void)
{
	char dir[] = "/tmp/t_manifest.XXXXXX";
	struct manifest m, r;
	struct buf one = BUF_INIT, two = BUF_INIT;
	char *path;

	CHECK(mkdtemp(dir) != NULL);
	make_output(dir, &m);
	CHECK_INT(manifest_read(&r, dir), 0);
	CHECK(r.inputs == 0x0123456789abcdefULL);
	CHECK_INT((int)r.pages, 2);
	CHECK_INT((int)r.files, 3);
	CHECK_INT((int)r.private_values, 7);
	CHECK_INT((int)r.nextra, 1);
	CHECK_STR(r.nextra ? r.extra[0] : "", "photos/x.png");
	/* Sorted, the manifest itself not listed. */
	CHECK_INT((int)r.n, 3);
	CHECK_STR(r.n == 3 ? r.f[0].path : "", ".showcase");
	CHECK_STR(r.n == 3 ? r.f[1].path : "", "cases/a.html");
	CHECK_STR(r.n == 3 ? r.f[2].path : "", "index.html");
	CHECK(r.n == 3 && r.f[2].size == strlen("<p>首页</p>\n"));
	CHECK_INT(manifest_intact(&r, dir), 1);

	/* No time and no inode: written again, the same bytes. */
	path = path_join(dir, MANIFEST_FILE);
	CHECK_INT(file_read(path, &one), 0);
	CHECK_INT(manifest_write(&m, dir), 0);
	CHECK_INT(file_read(path, &two), 0);
	CHECK(one.len == two.len && !memcmp(one.ptr, two.ptr, one.len));
	free(path);
	buf_release(&one);
	buf_release(&two);
	manifest_release(&r);
	manifest_release(&m);
	tree_remove(dir);
}

/* Rewrite the manifest of dir through fn, then try to read it. */
static int
read_changed(const char *dir, void (*fn)(struct buf *))
{
	struct buf text = BUF_INIT;
	struct manifest r;
	char *path = path_join(dir, MANIFEST_FILE);
	int rc;

	CHECK_INT(file_read(path, &text), 0);
	fn(&text);
	CHECK_INT(file_write(path, text.ptr, text.len), 0);
	rc = manifest_read(&r, dir);
	CHECK_INT((int)r.n, 0); /* nothing of it is kept */
	manifest_release(&r);
	buf_release(&text);
	free(path);
	return rc;
}

static void
truncate_half(struct buf *b)
{
	buf_setlen(b, b->len / 2);
}

static void
flip_a_digit(struct buf *b)
{
	char *at = strstr(b->ptr, "inputs 0");

	if (at)
		at[7] = '1';
}

static void
other_version(struct buf *b)
{
	char *at = strstr(b->ptr, " 1 ");

	if (at)
		at[1] = '2';
}

static void
drop_last_line(struct buf *b)
{
	char *end;

	buf_setlen(b, b->len - 1);
	end = strrchr(b->ptr, '\n');
	buf_setlen(b, end ? (size_t)(end + 1 - b->ptr) : 0);
}

static void
only_believed_whole(void)
{
	char dir[] = "/tmp/t_manifest.XXXXXX";
	struct manifest m;

	CHECK(mkdtemp(dir) != NULL);
	make_output(dir, &m);
	CHECK_INT(read_changed(dir, truncate_half), -1);
	CHECK_INT(manifest_write(&m, dir), 0);
	CHECK_INT(read_changed(dir, flip_a_digit), -1);
	CHECK_INT(manifest_write(&m, dir), 0);
	CHECK_INT(read_changed(dir, other_version), -1);
	CHECK_INT(manifest_write(&m, dir), 0);
	CHECK_INT(read_changed(dir, drop_last_line), -1);
	manifest_release(&m);
	tree_remove(dir);
}

/* What a build would not leave as it is makes the output not up to date. */
static void
touched_output(void)
{
	char dir[] = "/tmp/t_manifest.XXXXXX";
	struct manifest m, r;
	char *p;

	CHECK(mkdtemp(dir) != NULL);
	make_output(dir, &m);
	/* A dot file of the user's is carried by every build: no change. */
	put(dir, "cases/.htaccess", "Deny from all\n");
	CHECK_INT(manifest_read(&r, dir), 0);
	CHECK_INT(manifest_intact(&r, dir), 1);
	/* Any other file beside them is. */
	put(dir, "cases/stray.html", "x");
	CHECK_INT(manifest_intact(&r, dir), 0);
	p = path_join(dir, "cases/stray.html");
	unlink(p);
	free(p);
	CHECK_INT(manifest_intact(&r, dir), 1);
	/* A page written again, even with the same size. */
	put(dir, "index.html", "<p>改页</p>\n");
	CHECK_INT(manifest_intact(&r, dir), 0);
	CHECK_INT(manifest_write(&m, dir), 0);
	manifest_release(&r);
	CHECK_INT(manifest_read(&r, dir), 0);
	CHECK_INT(manifest_intact(&r, dir), 1);
	/* A page gone. */
	p = path_join(dir, "cases/a.html");
	unlink(p);
	free(p);
	CHECK_INT(manifest_intact(&r, dir), 0);
	manifest_release(&r);
	manifest_release(&m);
	tree_remove(dir);
}

int
main(void)
{
	read_back();
	only_believed_whole();
	touched_output();
	return harness_done();
}
