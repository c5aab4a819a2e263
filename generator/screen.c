#include <string.h>

#include "buf.h"
#include "chart.h"
#include "chartset.h"
#include "content.h"
#include "diag.h"
#include "json.h"
#include "model.h"
#include "modelchart.h"
#include "pagedict.h"
#include "plan.h"
#include "routes.h"
#include "screen.h"
#include "site.h"
#include "stats.h"
#include "tmpl.h"
#include "util.h"

const char *const screen_panel_names[] = {
	"figures", "coverage", "tiers", "belts", "funnel", "news", NULL,
};

const char *const screen_names[] = {
	"CHART", "CHART_ALT", "CHART_CLASS", "CHART_H", "CHART_SIZES",
	"CHART_SRC", "CHART_SRCSET", "CHART_W", "DOC_TITLE", "FIG_COUNT",
	"HAS_BULLETINS", "HAS_CASES", "HAS_PORTRAIT", "IS_BELT",
	"IS_COVERAGE", "IS_FIGURES", "IS_FUNNEL", "IS_NEWS", "IS_TIERS",
	"LANG", "NEWS_BULLETINS", "NEWS_CASES", "OFFICE", "PANELS",
	"PANEL_KEY", "PANEL_TITLE", "P_CHART_CLASS", "P_CHART_H",
	"P_CHART_SIZES", "P_CHART_SRC", "P_CHART_SRCSET", "P_CHART_W", "SCREEN_CHARTS", "SCREEN_EMPTY",
	"SCREEN_INTERVAL", "SCREEN_VERSION", "SCREEN_VERSION_URL",
	"SITE_TITLE", NULL,
};

/* site.json "screen", for site_load(); screen_check() reads it. */
const struct site_key screen_site_keys[] = {
	{ "screen", "panels", SITE_STRINGS, 0 },
	{ "screen", "interval", SITE_WHOLE, 0 },
	{ NULL, NULL, SITE_OBJECT, 0 },
};

#define INTERVAL_DEFAULT 15
#define INTERVAL_MIN 3
#define INTERVAL_MAX 3600

/* The most items of each moving list. */
#define NEWS_CASES 12
#define NEWS_BULLETINS 8

/*
 * Where a chart sits, in CSS px of the 1920 x 1080 frame (screen.css has
 * the same numbers as the classes' widths): beside a column of figures, or
 * one of two side by side.
 */
static const struct box {
	const char *cls;
	int w, h;
} box_wide = { "w-wide", 1240, 760 }, box_half = { "w-half", 900, 760 },
  box_full = { "w-full", 1840, 700 }, box_upright = { "w-upright", 1032, 1300 },
  /* a donut's legend needs a wider box than its neighbour */
  box_donut = { "w-donut", 1000, 760 }, box_side = { "w-side", 800, 760 };
/* The widest a chart is shown upright (1080 x 1920 frame, less margins). */
#define PORTRAIT_WIDTH 1032

static const int scales[] = { 2, 4 };

static int
panel_known(const char *name)
{
	size_t i;

	for (i = 0; screen_panel_names[i]; i++)
		if (!strcmp(screen_panel_names[i], name))
			return 1;
	return 0;
}

void
screen_check(const struct site *site, struct diag *d)
{
	const cJSON *panels = site_setting(site, "screen", "panels");
	const cJSON *interval = site_setting(site, "screen", "interval");
	const cJSON *it, *before;

	cJSON_ArrayForEach(it, panels) {
		if (!cJSON_IsString(it))
			continue; /* site_load told of it */
		if (!panel_known(it->valuestring)) {
			struct buf known = BUF_INIT;
			size_t i;

			for (i = 0; screen_panel_names[i]; i++)
				buf_addf(&known, "%s\"%s\"", i ? ", " : "",
					 screen_panel_names[i]);
			json_diag(d, DIAG_ERROR, &site->json, "site.json", it,
				  "unknown panel \"%s\"; \"screen.panels\" takes %s",
				  it->valuestring, known.ptr);
			buf_release(&known);
			continue;
		}
		for (before = panels->child; before != it; before = before->next)
			if (cJSON_IsString(before) &&
			    !strcmp(before->valuestring, it->valuestring))
				break;
		if (before != it)
			json_diag(d, DIAG_ERROR, &site->json, "site.json", it,
				  "panel \"%s\" is listed twice", it->valuestring);
	}
	if (cJSON_IsNumber(interval) &&
	    (interval->valuedouble < INTERVAL_MIN ||
	     interval->valuedouble > INTERVAL_MAX))
		json_diag(d, DIAG_ERROR, &site->json, "site.json", interval,
			  "\"screen.interval\" must be from %d to %d seconds",
			  INTERVAL_MIN, INTERVAL_MAX);
}

struct sctx {
	const struct pagedict *pd;
	const char *root;
	struct tmpl_dict *page;
	size_t npanels;
};

/* A panel of kind (IS_<KIND>) with its title. */
static struct tmpl_dict *
panel(struct sctx *x, const char *key, const char *show, const char *title)
{
	struct tmpl_dict *p = tmpl_dict_section(x->page, "PANELS");

	x->npanels++;
	tmpl_dict_set(p, "PANEL_KEY", key);
	tmpl_dict_set(p, "PANEL_TITLE", title);
	tmpl_dict_show(p, show);
	return p;
}

/* "12.5vw": w CSS px of a frame frame px wide. */
static void
add_vw(struct buf *b, int w, int frame)
{
	buf_addf(b, "%.2fvw", 100.0 * w / frame);
}

/*
 * Chart c (taken), laid out at half of box and drawn at scales 2 and 4,
 * into the dictionary d of its picture with prefix "" or "P_" (portrait).
 * A route keeps its own height.
 */
static void
picture(struct sctx *x, struct tmpl_dict *d, const char *prefix,
	struct chart *c, const struct box *box, int frame_w)
{
	struct buf b = BUF_INIT, k = BUF_INIT;
	char *names[2], *alt = NULL;
	int w, h, shown;
	size_t i;

	chart_set_size(c, box->w / 2, box->h / 2);
	chart_size(c, &w, &h);
	if (!*prefix)
		alt = chart_alt(c);
	chartset_add_scaled(x->pd->charts, c, scales, 2, names);
#define KEY(name) (buf_reset(&k), buf_addstr(&k, prefix), \
		   buf_addstr(&k, name), k.ptr)
	tmpl_dict_set(d, KEY("CHART_CLASS"), box->cls);
	tmpl_dict_setint(d, KEY("CHART_W"), 2 * w);
	tmpl_dict_setint(d, KEY("CHART_H"), 2 * h);
	if (alt)
		tmpl_dict_set(d, "CHART_ALT", alt);
	buf_addstr(&b, x->root);
	buf_addstr(&b, names[0]);
	tmpl_dict_set(d, KEY("CHART_SRC"), b.ptr);
	buf_reset(&b);
	for (i = 0; i < 2; i++)
		buf_addf(&b, "%s%s%s %dw", i ? ", " : "", x->root, names[i],
			 scales[i] * w);
	tmpl_dict_set(d, KEY("CHART_SRCSET"), b.ptr);
	/* The width it is shown at, for the browser's choice of picture. */
	buf_reset(&b);
	if (!*prefix && frame_w == 1920) {
		shown = 2 * w < PORTRAIT_WIDTH ? 2 * w : PORTRAIT_WIDTH;
		BUF_ADDLIT(&b, "(orientation: portrait) ");
		add_vw(&b, shown, 1080);
		BUF_ADDLIT(&b, ", ");
	}
	add_vw(&b, 2 * w, frame_w);
	tmpl_dict_set(d, KEY("CHART_SIZES"), b.ptr);
#undef KEY
	buf_release(&b);
	buf_release(&k);
	for (i = 0; i < 2; i++)
		free(names[i]);
	free(alt);
}

/*
 * Chart c (taken) into the SCREEN_CHARTS of d; with pc, pc is what an
 * upright screen shows instead (pbox). Nothing without fonts: the build
 * has told why.
 */
static void
add_chart(struct sctx *x, struct tmpl_dict *d, struct chart *c,
	  const struct box *box, struct chart *pc, const struct box *pbox)
{
	struct tmpl_dict *s;

	if (!x->pd->charts) {
		chart_free(c);
		chart_free(pc);
		return;
	}
	s = tmpl_dict_include(tmpl_dict_section(d, "SCREEN_CHARTS"), "CHART",
			      "partials/screenchart.tpl");
	picture(x, s, "", c, box, 1920);
	if (pc)
		picture(x, tmpl_dict_section(s, "HAS_PORTRAIT"), "P_", pc, pbox,
			1080);
}

/*
 * A chart of the model by name (modelchart.h), when it has data, drawn as
 * the site draws it, or as kind when own is 0.
 */
static void
add_model_chart(struct sctx *x, struct tmpl_dict *d, const char *name,
		const struct box *box, int own, enum chart_kind kind)
{
	struct chart *c;

	if (own && modelchart_kind(name, &kind) < 0)
		return;
	c = chart_new(kind);
	if (modelchart_fill((void *)x->pd->model, name, c) < 0 ||
	    !chart_categories(c)) {
		chart_free(c);
		return;
	}
	add_chart(x, d, c, box, NULL, NULL);
}

static void
p_figures(struct sctx *x)
{
	const struct model *m = x->pd->model;
	int year = model_latest_year(m);
	struct tmpl_dict *p;
	struct buf t = BUF_INIT;
	size_t i, n = 0;

	for (i = 0; year && i < m->nindicators; i++)
		n += m->indicators[i].year == year;
	if (!n)
		return;
	buf_addf(&t, "%d年主要指标", year);
	p = panel(x, "figures", "IS_FIGURES", t.ptr);
	/* the grid: two rows up to 8 tiles, three up to 12, then four */
	tmpl_dict_setint(p, "FIG_COUNT", n <= 8 ? 8 : n <= 12 ? 12 : 16);
	stats_headlines(p, m, site_setting(x->pd->site, "home", "figures"));
	buf_release(&t);
}

/* One rate of the coverage panel against its target. */
static void
coverage_row(struct tmpl_dict *p, const char *label, struct model_rate r,
	     double target)
{
	struct tmpl_dict *s;
	struct buf b = BUF_INIT;
	long gap;
	int at = model_rate_against(r, target, &gap);

	if (at < 0)
		return;
	s = tmpl_dict_section(p, "COVERAGE");
	tmpl_dict_set(s, "COV_LABEL", label);
	model_rate_percent(r, &b);
	tmpl_dict_set(s, "COV_VALUE", b.ptr);
	buf_reset(&b);
	model_target_percent(&b, target);
	tmpl_dict_set(s, "COV_TARGET", b.ptr);
	buf_reset(&b);
	if (at) {
		tmpl_dict_show(s, "COV_REACHED");
	} else {
		model_gap_text(gap, &b);
		tmpl_dict_set(tmpl_dict_section(s, "COV_MISSED"), "COV_GAP", b.ptr);
	}
	buf_release(&b);
}

static void
p_coverage(struct sctx *x)
{
	const struct model *m = x->pd->model;
	const struct model_config *cfg = &m->cfg;
	struct tmpl_dict *p;
	struct chart *c;
	size_t i, s, k;
	double target = cfg->single_setup_target * 100, v;

	if (!m->all.units)
		return;
	p = panel(x, "coverage", "IS_COVERAGE", "组织覆盖和规上企业单独组建");
	coverage_row(p, "组织覆盖率", m->all.org_coverage,
		     cfg->coverage_target[MODEL_COV_ORGANISATION]);
	coverage_row(p, "工作覆盖率", m->all.work_coverage,
		     cfg->coverage_target[MODEL_COV_WORK]);
	coverage_row(p, "应建尽建率", m->all.required,
		     cfg->coverage_target[MODEL_COV_REQUIRED]);
	coverage_row(p, "规上企业单独组建率", m->all.single_setup,
		     cfg->single_setup_target);
	c = chart_new(CHART_BAR);
	chart_set_title(c, "各区域规上企业单独组建率");
	chart_set_unit(c, "%");
	chart_set_source(c, "两新组织党建信息化监管平台");
	s = chart_add_series(c, "单独组建率", -1);
	for (i = 0; i < m->nregions; i++) {
		if (!model_rate_value(m->regions[i].single_setup, &v))
			continue;
		k = chart_add_category(c, m->regions[i].name);
		chart_set_value(c, s, k, model_round2(v * 100));
		chart_set_target(c, k, target);
	}
	if (chart_categories(c))
		add_chart(x, p, c, &box_wide, NULL, NULL);
	else
		chart_free(c);
}

static void
p_tiers(struct sctx *x)
{
	const struct model *m = x->pd->model;
	struct tmpl_dict *p;
	long n = 0;
	int t;

	for (t = 0; t < MODEL_NTIERS; t++)
		n += m->tiers[t];
	if (!n)
		return;
	p = panel(x, "tiers", "IS_TIERS", "分类定级和星级");
	add_model_chart(x, p, "tiers", &box_donut, 1, CHART_DONUT);
	/* stacked, the stars keep a bar each in the narrower box */
	add_model_chart(x, p, "stars", &box_side, 0, CHART_STACKED);
}

/* A belt's route: its points, in order. */
static struct chart *
route(const struct model_belt *b)
{
	struct chart *c = chart_new(CHART_ROUTE);
	size_t k;

	for (k = 0; k < b->npoints; k++)
		chart_add_category(c, b->points[k] ? b->points[k]->name :
				   b->point_ids[k]);
	return c;
}

static void
p_belts(struct sctx *x)
{
	const struct model *m = x->pd->model;
	size_t i;

	for (i = 0; i < m->nbelts; i++) {
		const struct model_belt *b = &m->belts[i];
		struct tmpl_dict *p;

		if (!b->npoints)
			continue;
		p = panel(x, "belts", "IS_BELT", b->name);
		tmpl_dict_set(p, "BELT_NAME", b->name);
		tmpl_dict_set(p, "BELT_KIND", model_belt_kind_label(b->kind));
		tmpl_dict_setint(p, "BELT_COUNT", (long long)b->npoints);
		tmpl_dict_set(p, "BELT_SUMMARY", b->summary ? b->summary : "");
		tmpl_dict_setint(p, "BELT_CASES", (long long)plan_belt_cases(
			x->pd->content, b, NULL));
		add_chart(x, p, route(b), &box_full, route(b), &box_upright);
	}
}

/* The indicator shown over the years: the first of the home page's
 * figures with more than one year, else the first such one. */
static const char *
trend_key(const struct sctx *x)
{
	const struct model *m = x->pd->model;
	const cJSON *order = site_setting(x->pd->site, "home", "figures");
	const cJSON *it;
	size_t i;

	cJSON_ArrayForEach(it, order)
		for (i = 0; cJSON_IsString(it) && i < m->nindicators; i++)
			if (!strcmp(m->indicators[i].key, it->valuestring) &&
			    m->indicators[i].has_prev)
				return m->indicators[i].key;
	for (i = 0; i < m->nindicators; i++)
		if (m->indicators[i].has_prev)
			return m->indicators[i].key;
	return NULL;
}

static void
p_funnel(struct sctx *x)
{
	const struct model *m = x->pd->model;
	const char *key = trend_key(x);
	struct tmpl_dict *p;

	if (!m->red_collar.year && !key)
		return;
	p = panel(x, "funnel", "IS_FUNNEL", "“双强红领”和历年指标");
	if (m->red_collar.year)
		add_model_chart(x, p, "red_collar", &box_half, 1, CHART_FUNNEL);
	if (key) {
		struct buf name = BUF_INIT;

		buf_addf(&name, "indicator.%s", key);
		add_model_chart(x, p, name.ptr, &box_half, 1, CHART_LINE);
		buf_release(&name);
	}
}

static void
news_item(struct tmpl_dict *s, const struct page *pg)
{
	tmpl_dict_set(s, "ITEM_TITLE", pg->front.title);
	tmpl_dict_set(s, "ITEM_DATE", pg->front.date ? pg->front.date : "");
	pagedict_date(s, "ITEM_DATE_CN", pg->front.date);
}

static void
p_news(struct sctx *x)
{
	const struct content *c = x->pd->content;
	struct tmpl_dict *p;
	size_t i;

	if (!c->ncases && !c->nbulletins)
		return;
	p = panel(x, "news", "IS_NEWS", "工作动态");
	for (i = 0; i < c->ncases && i < NEWS_CASES; i++)
		news_item(tmpl_dict_section(p, "NEWS_CASES"), &c->cases[i]);
	for (i = 0; i < c->nbulletins && i < NEWS_BULLETINS; i++) {
		struct tmpl_dict *s = tmpl_dict_section(p, "NEWS_BULLETINS");

		news_item(s, &c->bulletins[i]);
		tmpl_dict_setint(s, "ISSUE", c->bulletins[i].front.issue);
	}
	if (c->ncases)
		tmpl_dict_show(p, "HAS_CASES");
	if (c->nbulletins)
		tmpl_dict_show(p, "HAS_BULLETINS");
}

static const struct {
	const char *name;
	void (*fill)(struct sctx *x);
} fills[] = {
	{ "figures", p_figures }, { "coverage", p_coverage },
	{ "tiers", p_tiers }, { "belts", p_belts }, { "funnel", p_funnel },
	{ "news", p_news },
};

static void
fill_panel(struct sctx *x, const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(fills) / sizeof(fills[0]); i++)
		if (!strcmp(fills[i].name, name))
			fills[i].fill(x);
}

static void
screen_dict(const struct pagedict *pd, const struct output *o,
	    struct tmpl_dict *page)
{
	const struct site *s = pd->site;
	const cJSON *panels = site_setting(s, "screen", "panels");
	const cJSON *interval = site_setting(s, "screen", "interval");
	struct sctx x;
	struct buf b = BUF_INIT;
	const cJSON *it;
	size_t i;

	memset(&x, 0, sizeof(x));
	x.pd = pd;
	x.root = o->root;
	x.page = page;
	tmpl_dict_set(x.page, "ROOT", o->root);
	tmpl_dict_set(x.page, "LANG", s->language);
	tmpl_dict_set(x.page, "SITE_TITLE", s->title);
	tmpl_dict_set(x.page, "OFFICE", *s->office ? s->office : s->title);
	buf_addf(&b, "%s - 数据大屏", s->title);
	tmpl_dict_set(x.page, "DOC_TITLE", b.ptr);
	buf_reset(&b);
	buf_addstr(&b, o->root);
	buf_addurl(&b, ROUTES_SCREEN_VERSION);
	tmpl_dict_set(x.page, "SCREEN_VERSION_URL", b.ptr);
	tmpl_dict_setint(x.page, "SCREEN_INTERVAL", cJSON_IsNumber(interval) ?
			 (long long)interval->valuedouble : INTERVAL_DEFAULT);
	if (cJSON_IsArray(panels)) {
		cJSON_ArrayForEach(it, panels)
			if (cJSON_IsString(it))
				fill_panel(&x, it->valuestring);
	} else {
		for (i = 0; screen_panel_names[i]; i++)
			fill_panel(&x, screen_panel_names[i]);
	}
	/* No data and no content: the title alone, and no "no data". */
	if (!x.npanels)
		tmpl_dict_show(x.page, "SCREEN_EMPTY");
	buf_release(&b);
}

/* The page with its version: a hash of the page rendered without it. */
static int
render_page(struct tmpl *t, struct tmpl_dict *dict, struct buf *out,
	    struct buf *version, struct diag *d)
{
	struct buf first = BUF_INIT;
	uint64_t h;
	int rc;

	tmpl_dict_set(dict, "SCREEN_VERSION", "");
	rc = tmpl_expand(t, "screen.tpl", dict, &first, d);
	if (rc == 0) {
		h = fnv1a64(FNV_OFFSET, first.ptr, first.len);
		buf_addf(version, "%016llx", (unsigned long long)h);
		tmpl_dict_set(dict, "SCREEN_VERSION", version->ptr);
		rc = tmpl_expand(t, "screen.tpl", dict, out, d);
	}
	buf_release(&first);
	return rc;
}

int
screen_render(const struct pagedict *pd, struct tmpl *t,
	      const struct output *o, struct tmpl_dict *dict, struct buf *out,
	      struct diag *d)
{
	struct buf page = BUF_INIT, version = BUF_INIT;
	int rc;

	screen_dict(pd, o, dict);
	if (o->kind == OUT_SCREEN) {
		rc = render_page(t, dict, out, &version, d);
	} else {
		rc = render_page(t, dict, &page, &version, d);
		if (rc == 0)
			buf_addf(out, "window.SHOWCASE_SCREEN_VERSION = \"%s\";\n",
				 version.ptr);
	}
	buf_release(&page);
	buf_release(&version);
	return rc;
}
