#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "bulletin.h"
#include "chart.h"
#include "chartset.h"
#include "content.h"
#include "imageset.h"
#include "inputs.h"
#include "manifest.h"
#include "data.h"
#include "model.h"
#include "pagedict.h"
#include "diag.h"
#include "figures.h"
#include "htmltext.h"
#include "plan.h"
#include "pdf.h"
#include "pool.h"
#include "privacy.h"
#include "render.h"
#include "screen.h"
#include "search.h"
#include "site.h"
#include "stage.h"
#include "stats.h"
#include "tmpl.h"
#include "unicode.h"
#include "util.h"
#include "version.h"

struct job {
	struct render *render;
	const struct plan *plan;
	const struct stage *stage; /* NULL when checking */
	const struct privacy *privacy;
	const struct sources *sources;
	struct search *ix;
	struct diag *d;
};

/*
 * Every file of content/, as shown and on disk: where the privacy proof
 * looks for the place a value was typed when a page that shows many
 * (a list, the feed) holds it.
 */
struct sources {
	const char **shown;
	char **path;
	size_t n;
};

static void
sources_add(struct sources *s, const struct site *site, const struct page *p,
	    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		s->shown[s->n] = p[i].file;
		s->path[s->n++] = site_path(site, p[i].file);
	}
}

static void
sources_init(struct sources *s, const struct site *site,
	     const struct content *c)
{
	size_t n = c->ncases + c->npages + c->nbulletins;

	s->shown = xcalloc(n + 1, sizeof(*s->shown));
	s->path = xcalloc(n + 1, sizeof(*s->path));
	s->n = 0;
	sources_add(s, site, c->cases, c->ncases);
	sources_add(s, site, c->pages, c->npages);
	sources_add(s, site, c->bulletins, c->nbulletins);
}

static void
sources_release(struct sources *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->path[i]);
	free(s->path);
	free(s->shown);
}

/* The Markdown file an output shows, or NULL. */
static const struct page *
output_page(const struct content *c, const struct output *o)
{
	switch (o->kind) {
	case OUT_CASE:
		return &c->cases[o->index];
	case OUT_PAGE:
		return &c->pages[o->index];
	case OUT_BULLETIN:
	case OUT_BULLETIN_PRINT:
		return &c->bulletins[o->index];
	default:
		return NULL;
	}
}

/*
 * The privacy proof for what output o puts in a file (as form, shown as
 * output): the place a value was typed is looked for in o's Markdown file,
 * or in every file of content/ for a page that shows many. Returns the
 * values found.
 */
static size_t
prove(const struct job *j, const struct output *o, const char *output,
      enum privacy_form form, const char *data, size_t len)
{
	const struct page *pg = output_page(j->render->pd.content, o);
	char *path = pg ? site_path(j->render->pd.site, pg->file) : NULL;
	const char *shown = pg ? pg->file : NULL;
	struct privacy_file f;
	size_t n;

	f.output = output;
	f.form = form;
	if (pg) {
		f.sources = &shown;
		f.paths = (const char *const *)&path;
		f.nsources = 1;
	} else {
		f.sources = j->sources->shown;
		f.paths = (const char *const *)j->sources->path;
		f.nsources = j->sources->n;
	}
	n = privacy_check(j->privacy, &f, data, len, j->d);
	free(path);
	return n;
}

/* The pages a search finds, and the word shown beside each result. */
static const char *
index_kind(const struct output *o)
{
	switch (o->kind) {
	case OUT_CASE:
		return "案例";
	case OUT_PAGE:
		return "页面";
	case OUT_BULLETIN:
		return "简报";
	case OUT_BROCHURE:
		return "年度画册";
	case OUT_BRAND:
		return o->pageno <= 1 ? "党建品牌" : NULL;
	case OUT_BELT:
		return o->pageno <= 1 ? "示范带" : NULL;
	case OUT_SITES:
		return "示范点";
	case OUT_GOLD:
		return "金色党组织";
	case OUT_YEAR:
		return "年度数据";
	case OUT_STATS:
		return "数据统计";
	case OUT_TAG_LIST:
		return o->pageno <= 1 ? "标签" : NULL;
	case OUT_REGION_LIST:
		return o->pageno <= 1 ? "区域" : NULL;
	default:
		return NULL;
	}
}

/*
 * Put output i into the search index: a Markdown page with its text,
 * tags and region; any other page with what its <main> says. Then prove
 * what the index holds of it (the index rejoins words that markup split).
 * Returns the private values found.
 */
static size_t
index_output(const struct job *j, size_t i, const struct output *o,
	     const char *html, size_t len)
{
	const struct page *pg = output_page(j->render->pd.content, o);
	struct search_doc doc;
	struct buf text = BUF_INIT, title = BUF_INIT, extra = BUF_INIT;
	size_t found = 0, k;

	memset(&doc, 0, sizeof(doc));
	doc.kind = index_kind(o);
	if (!doc.kind)
		return 0;
	doc.url = o->path;
	if (pg) {
		doc.title = pg->front.title;
		doc.date = pg->front.date;
		doc.summary = pg->front.summary; /* the cut one repeats the text */
		doc.text = pg->md.text.ptr;
		doc.len = pg->md.text.len;
		for (k = 0; k < pg->front.ntags; k++) {
			buf_addstr(&extra, pg->front.tags[k]);
			buf_addch(&extra, '\n');
		}
		if (pg->front.region)
			buf_addstr(&extra, pg->front.region);
		doc.extra = extra.ptr;
	} else {
		htmltext_extract(&text, &title, html, len, HTMLTEXT_MAIN);
		doc.title = title.ptr;
		doc.text = text.ptr;
		doc.len = text.len;
	}
	search_set(j->ix, i, &doc);
	buf_reset(&text);
	search_strings(j->ix, i, &text, UNI_PIECE);
	found = prove(j, o, SEARCH_DIR "/", PRIVACY_TEXT, text.ptr, text.len);
	buf_release(&text);
	buf_release(&title);
	buf_release(&extra);
	return found;
}

static int
render_one(void *arg, size_t i)
{
	struct job *j = arg;
	const struct output *o = &j->plan->outs[i];
	struct buf out = BUF_INIT;
	int rc;

	rc = render_output(j->render, o, &out, j->d);
	if (rc == 0) {
		/* both, so that one run names every place */
		size_t found = prove(j, o, o->path, privacy_form_of(o->path),
				     out.ptr, out.len);

		found += index_output(j, i, o, out.ptr, out.len);
		if (found)
			rc = -1;
	}
	if (rc == 0 && j->stage)
		rc = stage_write(j->stage, o->path, out.ptr, out.len, j->d);
	buf_release(&out);
	return rc != 0;
}

static void
progress_load(void *arg, size_t done, size_t total)
{
	(void)arg;
	fprintf(stderr, "\rshowcase: reading %zu/%zu", done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static void
progress(void *arg, size_t done, size_t total)
{
	(void)arg;
	fprintf(stderr, "\rshowcase: rendering %zu/%zu", done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

/* The output must not swallow the site: building must never delete or
 * nest the content it is built from. */
static int
check_output(const struct site *site, const char *out, int from_site,
	     struct diag *d)
{
	static const char *const protected[] = { "content", "templates", "assets" };
	char *aout = path_absolute(out), *asite = path_absolute(site->dir);
	const char *file = out;
	int rc = 0, line = 0, col = 0;
	size_t i;

	/* A bad "output" setting is reported where it is written. */
	if (from_site && site_section(site, "output")) {
		json_value_pos(&site->json, site_section(site, "output"), &line, &col);
		file = site->src.path;
	}
	if (path_inside(asite, aout)) {
		diag_error(d, file, line, col,
			   "output folder \"%s\" holds the site itself; choose a folder such as \"public\"",
				   out);
		rc = -1;
	}
	for (i = 0; rc == 0 && i < sizeof(protected) / sizeof(protected[0]); i++) {
		char *p = site_path(site, protected[i]), *ap = path_absolute(p);

		if (path_inside(aout, ap)) {
			diag_error(d, file, line, col,
				   "output folder \"%s\" is inside the site's %s/; choose a folder outside it",
				   out, protected[i]);
			rc = -1;
		}
		free(p);
		free(ap);
	}
	free(aout);
	free(asite);
	return rc;
}

/* The search index, written into the stage. */
static int
write_index(struct search *ix, const struct content *c,
	    const struct stage *st, size_t *files, struct diag *d)
{
	const char *words[8];
	struct stage_sink sink = { st, d, 0 };
	int rc;

	/* The most used tags, offered when the search box is empty. */
	search_suggest(ix, words, content_top_tags(c, words, 8));
	if (stage_mkdir(st, SEARCH_DIR, d) < 0)
		return -1;
	rc = search_write(ix, stage_sink_write, &sink, NULL);
	*files = sink.files;
	return rc;
}

struct chart_proof {
	const struct privacy *pv;
	const struct sources *sources;
	struct diag *d;
	size_t found;
};

static void
prove_chart(void *arg, const char *name, const char *text, size_t len)
{
	struct chart_proof *cp = arg;
	struct privacy_file f = { name, PRIVACY_TEXT, cp->sources->shown,
				  (const char *const *)cp->sources->path,
				  cp->sources->n };

	cp->found += privacy_check(cp->pv, &f, text, len, cp->d);
}

/* The privacy proof for the folders the build copies as they are. */
static void
prove_assets(const struct privacy *pv, const struct site *site,
	     struct diag *d)
{
	char *from, *rel;
	size_t i;
	int got;

	for (i = 0; (got = inputs_asset_dir(site, i, &from, &rel)) >= 0; i++) {
		if (got)
			privacy_check_tree(pv, from, rel, d);
		free(from);
		free(rel);
	}
}

/* site.json "chart": {"font": "..."}, for site_load(). */
const struct site_key build_site_keys[] = {
	{ "chart", "font", SITE_STRING, 0 },
	{ NULL, NULL, SITE_OBJECT, 0 },
};

/* The font family of the charts; NULL: the default family. */
static const char *
chart_font(const struct site *site)
{
	const cJSON *f = site_setting(site, "chart", "font");

	return cJSON_IsString(f) ? f->valuestring : NULL;
}

/* The print documents of the plan as PDFs, beside them (pdf.h). */
static int
print_pdfs(const struct plan *plan, const struct stage *stage,
	   const char *prev, const struct build_opts *o,
	   struct build_stats *st, struct diag *d)
{
	const char **docs = xcalloc(plan->n + 1, sizeof(*docs));
	struct pdf_opts po;
	struct pdf_stats ps;
	size_t i, n = 0;
	int rc;

	for (i = 0; i < plan->n; i++)
		if (plan->outs[i].kind == OUT_BULLETIN_PRINT ||
		    plan->outs[i].kind == OUT_BROCHURE_PRINT)
			docs[n++] = plan->outs[i].path;
	memset(&po, 0, sizeof(po));
	po.dir = stage->tmp;
	po.prev = prev;
	po.jobs = o->jobs;
	po.flags = (o->flags & BUILD_PDF_REQUIRED) ? 0 : PDF_MISSING_WARNS;
	rc = pdf_run(&po, docs, n, &ps, d);
	st->pdfs = ps.printed + ps.reused;
	st->pdfs_printed = ps.printed;
	st->pdf_slowest = ps.slowest;
	free(docs);
	return rc;
}

/*
 * Fold into *h what else decides the output: showcase itself and the
 * options; with --pdf, the program that prints.
 */
static int
hash_options(uint64_t *h, const struct build_opts *o)
{
	unsigned flags = o->flags & (BUILD_DRAFTS | BUILD_PDF);
	int rc = manifest_hash_self(h);

	*h = fnv1a64(*h, &flags, sizeof(flags));
	if (o->flags & BUILD_PDF) {
		char *program = pdf_program(NULL);

		manifest_hash_str(h, program);
		if (program && manifest_hash_file(h, program) < 0)
			rc = -1;
		free(program);
	}
	return rc;
}

/* Fold the inputs outside the walked folders that m names into *h. */
static void
hash_extra(uint64_t *h, const struct site *site, const struct manifest *m)
{
	size_t i;

	for (i = 0; i < m->nextra; i++) {
		char *path = site_path(site, m->extra[i]);

		manifest_hash_str(h, m->extra[i]);
		if (manifest_hash_file(h, path) < 0)
			manifest_hash_str(h, NULL);
		free(path);
	}
}

/*
 * Is out what a build of these inputs wrote, untouched since? Then it
 * is what a build would write again (manifest.h); st gets its figures.
 */
static int
up_to_date(const struct site *site, const char *out, uint64_t inputs,
	   struct build_stats *st)
{
	struct manifest m;
	int ok;

	if (manifest_read(&m, out) < 0)
		return 0;
	hash_extra(&inputs, site, &m);
	ok = m.inputs == inputs && manifest_intact(&m, out);
	if (ok) {
		st->pages = m.pages;
		st->files = m.files;
		st->private_values = m.private_values;
		st->up_to_date = 1;
	}
	manifest_release(&m);
	return ok;
}

/* An image outside the folders inputs_fingerprint() walks. */
static void
add_extra(void *arg, const char *rel)
{
	static const char *const walked[] = { "content/", "templates/", "assets/" };
	size_t i;

	for (i = 0; i < sizeof(walked) / sizeof(walked[0]); i++)
		if (!strncmp(rel, walked[i], strlen(walked[i])))
			return;
	manifest_add_extra(arg, rel);
}

/*
 * The manifest of the output just swapped in. A build that warned is
 * never up to date, so that its warnings are given again.
 */
static void
write_manifest(const struct site *site, const struct imageset *images,
	       const struct stage *stage, uint64_t inputs,
	       const struct build_stats *st, struct manifest *m,
	       struct diag *d)
{
	size_t i, k;

	imageset_sources(images, add_extra, m);
	xqsort(m->extra, m->nextra, sizeof(*m->extra), strptr_cmp);
	for (i = k = 0; i < m->nextra; i++) {
		if (k && !strcmp(m->extra[k - 1], m->extra[i]))
			free(m->extra[i]);
		else
			m->extra[k++] = m->extra[i];
	}
	m->nextra = k;
	hash_extra(&inputs, site, m);
	m->inputs = inputs && !diag_warnings(d) ? inputs : 0;
	m->pages = st->pages;
	m->files = st->files;
	m->private_values = st->private_values;
	/* Only a cache: without it the next build does everything. */
	manifest_write(m, stage->out);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
build_run(const struct build_opts *o, struct build_stats *st,
	  struct diag *d)
{
	struct site site;
	struct content content;
	struct plan plan;
	struct stage stage;
	struct render render;
	struct model model;
	struct privacy *privacy = privacy_new();
	struct chart_fonts *fonts = NULL;
	struct chartset *charts = NULL;
	struct imageset *images = imageset_new();
	struct figures *figures = NULL;
	struct page_env env;
	struct tmpl *tmpl = NULL;
	struct job job;
	double start = now();
	int jobs = o->jobs > 0 ? o->jobs : pool_cpus();
	int check = (o->flags & BUILD_CHECK) != 0;
	int have_content = 0, have_plan = 0, have_render = 0, have_model = 0;
	int have_sources = 0;
	struct sources sources;
	struct search *ix = NULL;
	struct manifest manifest;
	uint64_t inputs = FNV_OFFSET;
	int force = (o->flags & BUILD_FORCE) != 0;
	const char *prev = NULL;
	int rc = -1;
	char *out = NULL;
	size_t i;

	memset(st, 0, sizeof(*st));
	memset(&stage, 0, sizeof(stage));
	manifest_init(&manifest);
	if (site_load(&site, o->site, o->datadir, d) < 0)
		goto out;
	out = o->out ? xstrdup(o->out) : site_path(&site, site.output);
	if (!check && check_output(&site, out, !o->out, d) < 0)
		goto out;
	if (!check)
		stage_recover(out);
	/* Nothing of the site is read before its files are known to be its
	 * own regular files: a FIFO would block, a link could leak. */
	if ((check ? inputs_check(&site, d)
		   : inputs_fingerprint(&site, &inputs, d)) < 0)
		goto out;
	if (!check && hash_options(&inputs, o) < 0)
		inputs = 0; /* no fingerprint: never up to date */
	if (!check && !force && inputs && up_to_date(&site, out, inputs, st)) {
		st->out = out;
		out = NULL;
		rc = 0;
		goto out;
	}
	/* With --force nothing is taken from the previous output. */
	if (!check && !force && dir_exists(out))
		prev = out;

	tmpl = tmpl_new((const char *const *)site.templates, site.ntemplates);
	if (!site.ntemplates) {
		/* One message, not one per template: the install is broken. */
		diag_error(d, "templates", 0, 0,
			   "no templates: the site has no templates/ folder and the installed defaults are missing from \"%s\" (set SHOWCASE_DATADIR or reinstall)",
			   o->datadir);
	} else {
		render_load_templates(tmpl, &site, d);
	}

	/* The data's errors are reported once, by the load. */
	if (data_load_site(&model, site.dir, &site.json, DATA_KEEP_ASSESSED,
			   d) == 0)
		privacy_load(privacy, &site, d);
	have_model = 1;
	privacy_seal(privacy);
	fonts = chart_fonts_new(chart_font(&site), d);
	charts = chartset_new(fonts);
	env.charts = fonts ? charts : NULL;
	env.images = images;
	env.progress = (o->flags & BUILD_PROGRESS) ? progress_load : NULL;
	env.model = &model;
	figures = figures_new(&model);
	env.figures = figures;
	content_load(&content, &site, &env, (o->flags & BUILD_DRAFTS) != 0,
		     jobs, d);
	have_content = 1;
	bulletin_check(&site, &content, &model, d);
	screen_check(&site, d);
	{
		const cJSON *home = site_section(&site, "home");

		if (home && !cJSON_IsObject(home))
			json_diag(d, DIAG_ERROR, &site.json, "site.json", home,
				  "\"home\" must be an object");
		else if (home)
			stats_check_headlines(&site.json,
					      site_setting(&site, "home", "figures"),
					      &model, d);
	}
	plan_make(&plan, &site, &content, &model, d);
	have_plan = 1;
	/* Every input problem is known now: stop before writing anything. */
	if (diag_errors(d))
		goto out;

	render_init(&render, &site, &content, tmpl, check);
	render.pd.model = &model;
	render.pd.charts = charts;
	render.plan = &plan;
	render.pd.version = SHOWCASE_VERSION;
	/* Without WeasyPrint the pages do not link PDFs that will not be. */
	if (o->flags & BUILD_PDF) {
		char *program = pdf_program(NULL);

		render.pdf = program != NULL;
		free(program);
	}
	have_render = 1;
	if (!check) {
		if (stage_open(&stage, out, d) < 0)
			goto out;
		for (i = 0; i < plan.ndirs; i++)
			if (stage_mkdir(&stage, plan.dirs[i], d) < 0)
				goto out;
		if (inputs_copy_assets(&stage, &site, &st->assets, d) < 0)
			goto out;
	}
	job.render = &render;
	job.plan = &plan;
	job.stage = check ? NULL : &stage;
	job.privacy = privacy;
	sources_init(&sources, &site, &content);
	have_sources = 1;
	job.sources = &sources;
	job.ix = ix = search_new(plan.n);
	job.d = d;
	pool_run(plan.n, jobs, render_one, &job,
		 (o->flags & BUILD_PROGRESS) ? progress : NULL, NULL);
	if (check)
		render_check_keys(&render, d);
	{
		struct chart_proof cp = { privacy, &sources, d, 0 };

		chartset_texts(charts, prove_chart, &cp);
	}
	prove_assets(privacy, &site, d);
	if (diag_errors(d))
		goto out;
	/* Charts come last: pages add theirs while they render. The previous
	 * output lends the files of charts that did not change. */
	if (!check && chartset_write(charts, &stage, prev, jobs,
				     &st->charts_drawn, &st->charts_reused, d) < 0)
		goto out;
	st->charts = chartset_count(charts);
	if (!check && imageset_write(images, &stage, prev, jobs,
				     &st->images_made, &st->images_reused, d) < 0)
		goto out;
	if (!check && write_index(ix, &content, &stage, &st->search_files, d) < 0)
		goto out;
	if (!check && (o->flags & BUILD_PDF) &&
	    print_pdfs(&plan, &stage, prev, o, st, d) < 0)
		goto out;
	/* A QR code on paper needs an absolute URL (bulletin_qr). */
	st->pdf_no_qr = st->pdfs && !*site.base_url;
	st->pages = plan.n;
	st->private_values = privacy_count(privacy);
	st->files = plan.n + st->assets + 1 + st->search_files + st->charts_drawn + st->charts_reused +
		    st->images_made + st->images_reused + st->pdfs;
	if (!check && manifest_collect(&manifest, stage.tmp) < 0)
		inputs = 0;
	if (!check && stage_commit(&stage, d) < 0)
		goto out;
	if (!check)
		write_manifest(&site, images, &stage, inputs, st, &manifest, d);
	st->out = out;
	out = NULL;
	rc = 0;
out:
	search_free(ix);
	manifest_release(&manifest);
	if (have_sources)
		sources_release(&sources);
	stage_release(&stage);
	if (have_render)
		render_release(&render);
	if (have_plan)
		plan_release(&plan);
	if (have_content)
		content_release(&content);
	if (have_model)
		model_release(&model);
	tmpl_free(tmpl);
	figures_free(figures);
	chartset_free(charts);
	imageset_free(images);
	chart_fonts_free(fonts);
	privacy_free(privacy);
	site_release(&site);
	free(out);
	st->seconds = now() - start;
	return rc;
}
