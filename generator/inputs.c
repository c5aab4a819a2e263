#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>

#include "diag.h"
#include "inputs.h"
#include "manifest.h"
#include "report.h"
#include "site.h"
#include "stage.h"
#include "util.h"

enum {
	IN_ASSETS = 1 << 0, /* copied as they are: size limit, report pages */
};

struct inputs {
	const char *root;        /* real path not to leave, or NULL */
	const struct stage *st;  /* copy into it, or NULL to check only */
	size_t *count;
	uint64_t *hash;          /* fold every file into it, or NULL */
	unsigned flags;
	struct diag *d;
	int failed;
};

static void refuse(struct inputs *in, const char *shown, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
refuse(struct inputs *in, const char *shown, const char *fmt, ...)
{
	struct buf msg = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	diag_error(in->d, shown, 0, 0, "%s", msg.ptr);
	buf_release(&msg);
	in->failed = 1;
}

static int
is_html(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && !strcmp(name + n - 5, ".html")) ||
	       (n > 4 && !strcmp(name + n - 4, ".htm"));
}

static void visit(struct inputs *in, const char *path, const char *shown,
		  const char *dst, int depth);

static void
visit_dir(struct inputs *in, const char *path, const char *shown,
	  const char *dst, int depth)
{
	char **names = NULL, *marker;
	size_t n = 0, cap = 0, i;
	struct dirent *e;
	struct stat st;
	DIR *dp;

	if (depth > INPUTS_MAX_DEPTH) {
		refuse(in, shown, "folders nested deeper than %d", INPUTS_MAX_DEPTH);
		return;
	}
	marker = path_join(path, REPORT_MARKER);
	if (lstat(marker, &st) == 0) {
		refuse(in, shown,
		       "an internal report of showcase (it holds \"%s\"), which must never be published; write reports outside the site folder",
		       REPORT_MARKER);
		free(marker);
		return;
	}
	free(marker);
	if (!(dp = opendir(path))) {
		refuse(in, shown, "cannot read folder: %s", strerror(errno));
		return;
	}
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		names = xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dp);
	xqsort(names, n, sizeof(*names), strptr_cmp);
	if (dst && stage_mkdir(in->st, dst, in->d) < 0)
		in->failed = 1;
	for (i = 0; i < n && !(dst && in->failed); i++) {
		char *sub = path_join(path, names[i]);
		char *subshown = path_join(shown, names[i]);
		char *subdst = dst ? path_join(dst, names[i]) : NULL;

		visit(in, sub, subshown, subdst, depth + 1);
		free(sub);
		free(subshown);
		free(subdst);
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void
visit_file(struct inputs *in, const char *path, const char *shown,
	   const char *dst, const struct stat *st)
{
	struct buf text = BUF_INIT;
	char *max;

	if ((in->flags & IN_ASSETS) &&
	    (unsigned long long)st->st_size > INPUTS_MAX_ASSET) {
		max = file_size_text(INPUTS_MAX_ASSET);
		refuse(in, shown, "file too large: showcase copies at most %s from assets/",
		       max);
		free(max);
		return;
	}
	if ((in->flags & IN_ASSETS) && is_html(path)) {
		if (file_read_max(path, INPUTS_MAX_ASSET, &text, NULL) != FILE_OK) {
			refuse(in, shown, "cannot read file: %s", strerror(errno));
		} else if (strstr(text.ptr, REPORT_META)) {
			refuse(in, shown,
			       "an internal report of showcase (its head carries <meta name=\"showcase-report\">), which must never be published; write reports outside the site folder");
		}
		buf_release(&text);
	}
	if (in->hash) {
		manifest_hash_str(in->hash, shown);
		if (manifest_hash_file(in->hash, path) < 0)
			refuse(in, shown, "cannot read file: %s", strerror(errno));
	}
	if (!dst || in->failed)
		return;
	switch (stage_copy(in->st, path, dst)) {
	case -1:
		refuse(in, shown, "cannot copy asset: %s", strerror(errno));
		break;
	case 1:
		(*in->count)++;
		break;
	default:
		break;
	}
}

static void
visit(struct inputs *in, const char *path, const char *shown,
      const char *dst, int depth)
{
	struct stat st;
	char *real = NULL, *up, *upreal;
	int loop;

	if (lstat(path, &st) < 0) {
		refuse(in, shown, "cannot read: %s", strerror(errno));
		return;
	}
	if (S_ISLNK(st.st_mode)) {
		if (!(real = realpath(path, NULL)) || stat(real, &st) < 0) {
			refuse(in, shown, "a link that leads nowhere: %s",
			       strerror(errno));
			goto out;
		}
		if (in->root && !path_inside(real, in->root)) {
			refuse(in, shown,
			       "a link to \"%s\", outside the site folder: only the site's own files are read; copy the file into the site instead",
			       real);
			goto out;
		}
		/* Loops through other links end at INPUTS_MAX_DEPTH. */
		up = path_dir(path);
		upreal = realpath(up, NULL);
		loop = S_ISDIR(st.st_mode) && upreal && path_inside(upreal, real);
		free(up);
		free(upreal);
		if (loop) {
			refuse(in, shown,
			       "a link to a folder above it, which would be read forever");
			goto out;
		}
	}
	if (S_ISDIR(st.st_mode))
		visit_dir(in, path, shown, dst, depth);
	else if (S_ISREG(st.st_mode))
		visit_file(in, path, shown, dst, &st);
	else
		refuse(in, shown, "%s, not a regular file: only regular files are read",
		       file_type_name((unsigned)st.st_mode));
out:
	free(real);
}

static int
walk_site(const struct site *site, uint64_t *hash, struct diag *d)
{
	static const char *const folders[] = {
		"site.json", "content", "templates", "assets",
	};
	struct inputs in;
	struct stat st;
	char *root = path_absolute(site->dir);
	size_t i;

	memset(&in, 0, sizeof(in));
	in.root = root;
	in.hash = hash;
	in.d = d;
	for (i = 0; i < sizeof(folders) / sizeof(folders[0]); i++) {
		char *p = site_path(site, folders[i]);

		in.flags = strcmp(folders[i], "assets") ? 0 : IN_ASSETS;
		if (lstat(p, &st) == 0 || errno != ENOENT)
			visit(&in, p, folders[i], NULL, 0);
		free(p);
	}
	free(root);
	return in.failed ? -1 : 0;
}

int
inputs_check(const struct site *site, struct diag *d)
{
	return walk_site(site, NULL, d);
}

int
inputs_fingerprint(const struct site *site, uint64_t *h, struct diag *d)
{
	static const char *const theme[] = { "css", "js", "theme" };
	struct inputs in;
	size_t i;
	int rc = walk_site(site, h, d);

	/* The installed defaults the site uses, as paths and contents. */
	memset(&in, 0, sizeof(in));
	in.hash = h;
	in.d = d;
	for (i = 0; i < site->ntemplates; i++)
		if (dir_exists(site->templates[i]))
			visit(&in, site->templates[i], site->templates[i], NULL, 0);
	in.flags = IN_ASSETS;
	for (i = 0; site->theme && i < sizeof(theme) / sizeof(theme[0]); i++) {
		char *from = path_join(site->theme, theme[i]);

		if (dir_exists(from))
			visit(&in, from, from, NULL, 0);
		free(from);
	}
	return rc < 0 || in.failed ? -1 : 0;
}

int
inputs_within(const char *dir, const char *rel, struct buf *why)
{
	char *path = path_join(dir, rel), *real = NULL, *root = NULL;
	struct stat st;
	int rc = 0;

	if (lstat(path, &st) < 0)
		goto out;
	root = path_absolute(dir);
	if (!(real = realpath(path, NULL)) || stat(real, &st) < 0) {
		buf_addf(why, "is a link that leads nowhere: %s", strerror(errno));
		rc = -1;
	} else if (!path_inside(real, root)) {
		buf_addf(why, "is a link to \"%s\", outside the site folder: only the site's own files are read",
			 real);
		rc = -1;
	} else if (!S_ISREG(st.st_mode)) {
		buf_addf(why, "is %s, not a regular file", file_type_name((unsigned)st.st_mode));
		rc = -1;
	}
out:
	free(path);
	free(real);
	free(root);
	return rc;
}

static int
copy_tree(const struct stage *st, const char *root, const char *src,
	  const char *rel, size_t *count, struct diag *d)
{
	struct inputs in;
	char *aroot = root ? path_absolute(root) : NULL;

	memset(&in, 0, sizeof(in));
	in.root = aroot;
	in.st = st;
	in.count = count;
	in.flags = IN_ASSETS;
	in.d = d;
	/* The site's files are shown as the site names them. */
	visit(&in, src, root ? rel : src, rel, 0);
	free(aroot);
	return in.failed ? -1 : 0;
}

/*
 * The site's own assets are copied whole. Of the defaults only the theme
 * (css/, js/, theme/) is: the example site's images live in the same
 * assets/ folder and are no business of another site.
 */
static const char *const theme[] = { "css", "js", "theme" };
#define NTHEME (sizeof(theme) / sizeof(theme[0]))

int
inputs_asset_dir(const struct site *site, size_t i, char **from,
		 char **rel)
{
	*from = *rel = NULL;
	if (i == 0) {
		if (!site->assets)
			return 0;
		*from = xstrdup(site->assets);
		*rel = xstrdup("assets");
		return 1;
	}
	if (!site->theme || i > NTHEME)
		return -1;
	*from = path_join(site->theme, theme[i - 1]);
	*rel = path_join("assets", theme[i - 1]);
	return 1;
}

int
inputs_copy_assets(const struct stage *st, const struct site *site,
		   size_t *count, struct diag *d)
{
	char *from, *rel;
	size_t i;
	int got, rc = 0;

	for (i = 0; rc == 0 && (got = inputs_asset_dir(site, i, &from, &rel)) >= 0; i++) {
		/* The site's own folder is walked within the site; the
		 * installed theme is trusted, and may be missing in part. */
		if (got && i == 0)
			rc = copy_tree(st, site->dir, from, rel, count, d);
		else if (got && dir_exists(from))
			rc = copy_tree(st, NULL, from, rel, count, d);
		free(from);
		free(rel);
	}
	return rc;
}
