/*
 * Faces by fontconfig, else from TeX Live's folder; subsets by HarfBuzz
 * (libharfbuzz-subset, which WeasyPrint's own Pango already loads).
 */
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <harfbuzz/hb-subset.h>
#include <harfbuzz/hb.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "printfont.h"
#include "utf8.h"
#include "util.h"

/* Where Debian's texlive-lang-chinese puts the Fandol faces. */
#define FANDOL_DIR "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"

/* The faces print.css names first, by the family it gives them. */
static const struct {
	const char *family;
	const char *file;
	int weight; /* CSS */
} wanted[] = {
	{ "FandolFang", "FandolFang-Regular.otf", 400 },
	{ "FandolKai", "FandolKai-Regular.otf", 400 },
	{ "FandolHei", "FandolHei-Regular.otf", 400 },
	{ "FandolHei", "FandolHei-Bold.otf", 700 },
	{ "FandolSong", "FandolSong-Regular.otf", 400 },
	{ "FandolSong", "FandolSong-Bold.otf", 700 },
};
#define NWANTED (sizeof(wanted) / sizeof(wanted[0]))

struct face {
	const char *family;
	int weight;
	char *file;   /* absolute path */
	char *ident;  /* path, size and time: what the cache key takes */
};

struct printfont {
	struct face faces[NWANTED];
	size_t n;
	char *cache;
	int cache_ok; /* 1 made, -1 cannot be made, 0 not tried */
};

/* The file fontconfig has for family at weight, or NULL. */
static char *
fc_file(const char *family, int weight)
{
	FcPattern *pat = FcPatternCreate(), *match;
	FcResult res;
	FcChar8 *fam = NULL, *file = NULL;
	char *out = NULL;
	int w = 0;

	FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(pat, FC_WEIGHT,
			    weight >= 700 ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	/* fontconfig always matches something: only the family itself, at
	 * the weight asked for, will do. */
	if (match && FcPatternGetString(match, FC_FAMILY, 0, &fam) == FcResultMatch &&
	    !strcasecmp((const char *)fam, family) &&
	    FcPatternGetInteger(match, FC_WEIGHT, 0, &w) == FcResultMatch &&
	    (w >= FC_WEIGHT_BOLD) == (weight >= 700) &&
	    FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch)
		out = xstrdup((const char *)file);
	if (match)
		FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return out;
}

static char *
cache_dir(const char *cache)
{
	const char *v;

	if (cache)
		return xstrdup(cache);
	if ((v = getenv("SHOWCASE_FONT_CACHE")) && *v)
		return xstrdup(v);
	if ((v = getenv("XDG_CACHE_HOME")) && *v == '/')
		return path_join(v, PRINTFONT_CACHE);
	if ((v = getenv("HOME")) && *v == '/')
		return xasprintf("%s/.cache/%s", v, PRINTFONT_CACHE);
	return NULL;
}

struct printfont *
printfont_new(const char *cache)
{
	struct printfont *pf = xcalloc(1, sizeof(*pf));
	size_t i;

	for (i = 0; i < NWANTED; i++) {
		char *file = fc_file(wanted[i].family, wanted[i].weight);
		struct face *f;
		struct stat sb;

		if (!file)
			file = path_join(FANDOL_DIR, wanted[i].file);
		if (stat(file, &sb) < 0 || !S_ISREG(sb.st_mode)) {
			free(file);
			continue;
		}
		f = &pf->faces[pf->n++];
		f->family = wanted[i].family;
		f->weight = wanted[i].weight;
		f->file = file;
		f->ident = xasprintf("%s %lld %lld", file, (long long)sb.st_size,
				     (long long)sb.st_mtime);
	}
	pf->cache = cache_dir(cache);
	return pf;
}

void
printfont_free(struct printfont *pf)
{
	size_t i;

	if (!pf)
		return;
	for (i = 0; i < pf->n; i++) {
		free(pf->faces[i].file);
		free(pf->faces[i].ident);
	}
	free(pf->cache);
	free(pf);
}

size_t
printfont_faces(const struct printfont *pf)
{
	return pf->n;
}

/* ---- the characters of a document ---- */

#define MAXCP 0x110000

struct charset {
	unsigned char bits[MAXCP / 8];
};

static void
charset_add(struct charset *cs, uint32_t cp)
{
	if (cp < MAXCP)
		cs->bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
}

static int
charset_has(const struct charset *cs, uint32_t cp)
{
	return (cs->bits[cp >> 3] >> (cp & 7)) & 1;
}

/*
 * Every character of the document (markup too: a few ASCII letters more
 * cost nothing), all of printable ASCII (digits of page numbers and
 * counters), and what print.css writes itself: the 一字线 of "— 3 —",
 * the en space beside it, the leader's dots, the markers of lists.
 */
static void
charset_of(struct charset *cs, const char *text, size_t len)
{
	static const uint32_t extra[] = {
		0x2002, 0x2014, 0x3000, 0x00B7,
		0x2022, 0x25CF, 0x25CB, 0x25A0, /* list markers */
	};
	size_t i, n;
	uint32_t cp;

	for (cp = 0x20; cp < 0x7F; cp++)
		charset_add(cs, cp);
	for (i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
		charset_add(cs, extra[i]);
	for (i = 0; i < len; i += n ? n : 1) {
		n = utf8_decode(text + i, len - i, &cp);
		if (n && cp >= 0x20)
			charset_add(cs, cp);
	}
}

/* ---- subsets ---- */

/* A file:// URL of an absolute path, percent-encoding what URLs may not hold. */
static void
file_url(struct buf *out, const char *path)
{
	const unsigned char *p;

	BUF_ADDLIT(out, "file://");
	for (p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._-~", *p))
			buf_addch(out, (char)*p);
		else
			buf_addf(out, "%%%02X", *p);
	}
}

/* Write face f cut down to cs into path (through a temporary name). */
static int
subset(const struct face *f, const struct charset *cs, const char *path,
       struct buf *why)
{
	hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->file), *out = NULL;
	hb_face_t *face = NULL, *sub = NULL;
	hb_subset_input_t *in = NULL;
	hb_set_t *unicodes;
	char *tmp = NULL;
	const char *data;
	unsigned int len;
	uint32_t cp;
	int rc = -1;

	if (!blob) {
		buf_addf(why, "cannot read %s", f->file);
		goto out;
	}
	face = hb_face_create(blob, 0);
	if (!(in = hb_subset_input_create_or_fail())) {
		buf_addstr(why, "out of memory");
		goto out;
	}
	unicodes = hb_subset_input_unicode_set(in);
	for (cp = 0; cp < MAXCP; cp++)
		if (charset_has(cs, cp))
			hb_set_add(unicodes, cp);
	/* WeasyPrint drops hints and layout tables anyway. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	if (!(sub = hb_subset_or_fail(face, in))) {
		buf_addf(why, "HarfBuzz cannot subset %s", f->file);
		goto out;
	}
	out = hb_face_reference_blob(sub);
	data = hb_blob_get_data(out, &len);
	if (!len) {
		buf_addf(why, "HarfBuzz made an empty subset of %s", f->file);
		goto out;
	}
	/* Another build may write the same subset at once: each writes its
	 * own file and renames it, and either one is right. */
	tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	if (file_write(tmp, data, len) < 0 || rename(tmp, path) < 0) {
		buf_addf(why, "cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
		goto out;
	}
	rc = 0;
out:
	free(tmp);
	hb_blob_destroy(out);
	hb_face_destroy(sub);
	hb_subset_input_destroy(in);
	hb_face_destroy(face);
	hb_blob_destroy(blob);
	return rc;
}

/* The cache key of face f and charset cs, as 16 hex digits. */
static char *
key_of(const struct face *f, const struct charset *cs)
{
	uint64_t h = fnv1a64(FNV_OFFSET, f->ident, strlen(f->ident));

	h = fnv1a64(h, cs->bits, sizeof(cs->bits));
	return xasprintf("%016llx", (unsigned long long)h);
}

int
printfont_css(struct printfont *pf, const char *path, struct buf *css,
	      struct diag *d)
{
	struct buf text = BUF_INIT, why = BUF_INIT;
	struct charset *cs = NULL;
	size_t i;
	int rc = -1;

	if (file_read(path, &text) < 0) {
		diag_error(d, path, 0, 0, "cannot read: %s", strerror(errno));
		goto out;
	}
	rc = 0;
	if (!pf->n)
		goto out;
	if (!pf->cache_ok)
		pf->cache_ok = pf->cache && dir_make(pf->cache) == 0 ? 1 : -1;
	if (pf->cache_ok < 0) {
		diag_warn(d, path, 0, 0, "no folder for the print font cache (%s): "
			  "printing with the fonts fontconfig finds", pf->cache ?
			  pf->cache : "set HOME or SHOWCASE_FONT_CACHE");
		pf->cache_ok = -2;
		goto out;
	}
	if (pf->cache_ok < 0)
		goto out;
	cs = xcalloc(1, sizeof(*cs));
	charset_of(cs, text.ptr, text.len);
	for (i = 0; i < pf->n; i++) {
		const struct face *f = &pf->faces[i];
		char *key = key_of(f, cs);
		char *name = xasprintf("%s.otf", key);
		char *file = path_join(pf->cache, name);

		buf_reset(&why);
		if (file_exists(file) || subset(f, cs, file, &why) == 0) {
			buf_addf(css, "@font-face { font-family: \"%s\"; font-weight: %d; src: url(\"",
				 f->family, f->weight);
			file_url(css, file);
			BUF_ADDLIT(css, "\"); }\n");
		} else {
			diag_warn(d, path, 0, 0, "font %s left out: %s", f->family, why.ptr);
		}
		free(key);
		free(name);
		free(file);
	}
out:
	free(cs);
	buf_release(&text);
	buf_release(&why);
	return rc;
}
