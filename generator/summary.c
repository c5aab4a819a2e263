/*
 * `showcase stats`: the model's key figures as JSON or as a terminal table
 * (summary.h).
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "assess.h"
#include "buf.h"
#include "honour.h"
#include "json.h"
#include "model.h"
#include "summary.h"
#include "target.h"
#include "unicode.h"
#include "util.h"
#include "venue.h"

static void
add_counts(struct buf *out, const char *const *keys, const long *v, size_t n)
{
	size_t i;

	buf_addch(out, '{');
	for (i = 0; i < n; i++)
		buf_addf(out, "%s\"%s\": %ld", i ? ", " : "", keys[i], v[i]);
	buf_addch(out, '}');
}

/* {"gold": n, "silver": n, "bronze": n, "weak": n} */
static void
add_tiers(struct buf *out, const long tiers[MODEL_NTIERS])
{
	static const char *const keys[] = { "gold", "silver", "bronze", "weak" };
	long v[4];

	v[0] = tiers[MODEL_TIER_GOLD];
	v[1] = tiers[MODEL_TIER_SILVER];
	v[2] = tiers[MODEL_TIER_BRONZE];
	v[3] = tiers[MODEL_TIER_WEAK];
	add_counts(out, keys, v, 4);
}

int
summary_json(const struct model *m, struct buf *out)
{
	static const char *const tiers[] = {
		"gold", "silver", "bronze", "weak", "unassessed",
	};
	static const char *const forms[] = {
		"single", "joint", "attached", "none",
	};
	static const char *const levels[] = {
		"committee", "general_branch", "branch", "unspecified",
	};
	static const char *const demos[] = { "province", "city", "district" };
	static const char *const moves[] = { "up", "down", "new_gold" };
	const char *rules[MODEL_NRULES];
	long v[MODEL_NRULES > 5 ? MODEL_NRULES : 5];
	int t, i;

	buf_addf(out, "{\n  \"organizations\": %ld,\n", m->organizations);
	buf_addf(out, "  \"enterprises\": %ld,\n", m->enterprises);
	buf_addf(out, "  \"social\": %ld,\n", m->social);
	BUF_ADDLIT(out, "  \"coverage\": {\"organisation\": ");
	model_rate_json(out, m->all.org_coverage);
	BUF_ADDLIT(out, ", \"work\": ");
	model_rate_json(out, m->all.work_coverage);
	BUF_ADDLIT(out, ", \"required\": ");
	model_rate_json(out, m->all.required);
	BUF_ADDLIT(out, "},\n  \"single_setup_rate\": ");
	model_rate_json(out, m->all.single_setup);
	BUF_ADDLIT(out, ",\n  \"tiers\": ");
	v[0] = m->tiers[MODEL_TIER_GOLD];
	v[1] = m->tiers[MODEL_TIER_SILVER];
	v[2] = m->tiers[MODEL_TIER_BRONZE];
	v[3] = m->tiers[MODEL_TIER_WEAK];
	v[4] = m->unassessed;
	add_counts(out, tiers, v, 5);
	BUF_ADDLIT(out, ",\n  \"stars\": {");
	for (t = MODEL_TIER_GOLD; t >= MODEL_TIER_BRONZE; t--) {
		buf_addf(out, "%s\"%s\": [", t == MODEL_TIER_GOLD ? "" : ", ",
			 model_tier_key(t));
		for (i = 0; i < m->cfg.max_stars; i++)
			buf_addf(out, "%s%ld", i ? "," : "", m->stars[t][i]);
		buf_addch(out, ']');
	}
	buf_addf(out, "},\n  \"noncompliant\": %ld,\n", m->noncompliant);

	/* Beyond the contract's minimum: the other figures staff check. */
	BUF_ADDLIT(out, "  \"round\": ");
	if (m->round)
		json_add_string(out, m->round);
	else
		BUF_ADDLIT(out, "null");
	buf_addf(out, ",\n  \"party_orgs\": %ld,\n", m->party_orgs);
	BUF_ADDLIT(out, "  \"forms\": ");
	add_counts(out, forms, m->forms, MODEL_NFORMS);
	BUF_ADDLIT(out, ",\n  \"levels\": ");
	v[0] = m->levels[MODEL_LEVEL_COMMITTEE];
	v[1] = m->levels[MODEL_LEVEL_GENERAL_BRANCH];
	v[2] = m->levels[MODEL_LEVEL_BRANCH];
	v[3] = m->levels[MODEL_LEVEL_NONE];
	add_counts(out, levels, v, 4);
	buf_addf(out, ",\n  \"instructors\": %ld,\n", m->instructors);
	BUF_ADDLIT(out, "  \"rules\": ");
	for (i = 0; i < MODEL_NRULES; i++)
		rules[i] = model_rule_key(1u << i);
	add_counts(out, rules, m->rule_units, MODEL_NRULES);
	BUF_ADDLIT(out, ",\n  \"movement\": ");
	v[0] = m->moved_up;
	v[1] = m->moved_down;
	v[2] = m->new_gold;
	add_counts(out, moves, v, 3);
	BUF_ADDLIT(out, ",\n  \"demo_sites\": ");
	add_counts(out, demos, m->demo + 1, 3);
	buf_addf(out, ",\n  \"brands\": %zu,\n  \"belts\": %zu,\n", m->nbrands,
		 m->nbelts);
	BUF_ADDLIT(out, "  \"red_collar\": ");
	if (!m->red_collar.year) {
		BUF_ADDLIT(out, "null");
	} else {
		buf_addf(out, "{\"year\": %d, \"reviewed\": ",
			 m->red_collar.year);
		json_add_number(out, m->red_collar.reviewed);
		BUF_ADDLIT(out, ", \"certified\": ");
		json_add_number(out, m->red_collar.certified);
		BUF_ADDLIT(out, ", \"ratio\": ");
		if (m->red_collar.has_ratio)
			json_add_fraction(out, llround(m->red_collar.ratio * 1e6));
		else
			BUF_ADDLIT(out, "null");
		buf_addch(out, '}');
	}
	BUF_ADDLIT(out, ",\n  \"coverage_targets\": {");
	for (i = 0; i < MODEL_NCOVERAGE; i++) {
		buf_addf(out, "%s\"%s\": ", i ? ", " : "", model_coverage_key(i));
		json_add_fraction(out, llround(m->cfg.coverage_target[i] * 1e6));
	}
	BUF_ADDLIT(out, "},\n  \"regions\": [");
	for (i = 0; i < (int)m->nregions; i++) {
		const struct model_group *g = &m->regions[i];

		buf_addstr(out, i ? ",\n    {\"name\": " : "\n    {\"name\": ");
		json_add_string(out, g->name);
		buf_addf(out, ", \"units\": %ld, \"coverage\": {", g->units);
		for (t = 0; t < MODEL_NCOVERAGE; t++) {
			buf_addf(out, "%s\"%s\": ", t ? ", " : "",
				 model_coverage_key(t));
			model_rate_json(out, model_group_coverage(g, t));
		}
		BUF_ADDLIT(out, "}, \"single_setup_rate\": ");
		model_rate_json(out, g->single_setup);
		buf_addf(out, ", \"below_single_setup_target\": %s, "
			 "\"noncompliant\": %ld, \"tiers\": ",
			 model_group_below_single(m, g) ? "true" : "false",
			 g->noncompliant);
		add_tiers(out, m->assess->regions[i].tiers);
		buf_addch(out, '}');
	}
	buf_addstr(out, m->nregions ? "\n  ],\n" : "],\n");
	BUF_ADDLIT(out, "  \"rounds\": [");
	for (i = 0; i < (int)m->assess->nrounds; i++) {
		const struct assess_round *r = &m->assess->rounds[i];

		buf_addstr(out, i ? ", {\"round\": " : "{\"round\": ");
		json_add_string(out, r->round);
		BUF_ADDLIT(out, ", \"tiers\": ");
		add_tiers(out, r->tiers);
		buf_addch(out, '}');
	}
	BUF_ADDLIT(out, "],\n  \"dimensions\": {");
	for (t = MODEL_TIER_GOLD; t >= MODEL_TIER_WEAK; t--) {
		buf_addf(out, "%s\"%s\": {", t == MODEL_TIER_GOLD ? "" : ", ",
			 model_tier_key(t));
		for (i = 0; i < MODEL_DIMS; i++) {
			buf_addf(out, "%s\"%s\": ", i ? ", " : "",
				 model_dim_keys[i]);
			if (m->assess->tier_n[t])
				json_add_fraction(out, llround(
					m->assess->tier_dim_sum[t][i] * 1e6 /
					(double)m->assess->tier_n[t]));
			else
				BUF_ADDLIT(out, "null");
		}
		buf_addch(out, '}');
	}
	BUF_ADDLIT(out, "},\n  \"venues\": ");
	venues_json(m->venues, out);
	BUF_ADDLIT(out, ",\n  \"honours\": ");
	honours_json(m->honours, out);
	BUF_ADDLIT(out, ",\n  \"targets\": ");
	targets_json(m->targets, out);
	BUF_ADDLIT(out, "\n}\n");
	return 0;
}

/* --- The terminal table. --- */

/* A table of text cells: the first column left-aligned, others right. */
struct table {
	char **cells;
	size_t ncells, cap;
	size_t ncols;
};

static void
table_add(struct table *t, const char *cell)
{
	t->cells = xgrow(t->cells, &t->cap, t->ncells + 1, sizeof(*t->cells));
	t->cells[t->ncells++] = xstrdup(cell);
}

static void
table_addf(struct table *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
table_addf(struct table *t, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	table_add(t, b.ptr);
	buf_release(&b);
}

static void
table_rate(struct table *t, struct model_rate r)
{
	struct buf b = BUF_INIT;

	model_rate_percent(r, &b);
	table_add(t, b.ptr);
	buf_release(&b);
}

static void
pad(struct buf *out, size_t n)
{
	while (n--)
		buf_addch(out, ' ');
}

static void
table_print(struct table *t, struct buf *out)
{
	struct buf line = BUF_INIT;
	size_t *w = xcalloc(t->ncols, sizeof(*w));
	size_t i, c;

	for (i = 0; i < t->ncells; i++) {
		size_t cw = uni_width(t->cells[i], strlen(t->cells[i]));

		c = i % t->ncols;
		if (cw > w[c])
			w[c] = cw;
	}
	for (i = 0; i < t->ncells; i++) {
		size_t cw = uni_width(t->cells[i], strlen(t->cells[i]));

		c = i % t->ncols;
		if (c == 0) {
			buf_addstr(&line, t->cells[i]);
			pad(&line, w[c] - cw);
		} else {
			pad(&line, 2 + w[c] - cw);
			buf_addstr(&line, t->cells[i]);
		}
		if (c == t->ncols - 1) {
			/* Empty cells at the end leave no trailing blanks. */
			buf_rtrim(&line);
			buf_addbuf(out, &line);
			buf_addch(out, '\n');
			buf_reset(&line);
		}
		free(t->cells[i]);
	}
	buf_release(&line);
	free(t->cells);
	free(w);
	memset(t, 0, sizeof(*t));
}

static void
groups_table(struct buf *out, const char *title, const char *first,
	     const struct model_group *g, size_t n)
{
	struct table t = { NULL, 0, 0, 7 };
	size_t i;

	buf_addf(out, "\n%s\n", title);
	table_add(&t, first);
	table_add(&t, "单位数");
	table_add(&t, "组织覆盖率");
	table_add(&t, "工作覆盖率");
	table_add(&t, "应建尽建率");
	table_add(&t, "规上单独组建率");
	table_add(&t, "应建未建");
	for (i = 0; i < n; i++) {
		table_add(&t, g[i].name[0] ? g[i].name : "（未填写）");
		table_addf(&t, "%ld", g[i].units);
		table_rate(&t, g[i].org_coverage);
		table_rate(&t, g[i].work_coverage);
		table_rate(&t, g[i].required);
		table_rate(&t, g[i].single_setup);
		table_addf(&t, "%ld", g[i].noncompliant);
	}
	table_print(&t, out);
}

/* A target fraction as a percent: "98.00%". */
static void
add_percent_target(struct buf *out, double target)
{
	buf_addf(out, "%.2f%%", target * 100);
}

/* One row of the headline table: name, value, target (may be ""). */
static void
headline(struct table *t, const char *name, const char *target,
	 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
headline(struct table *t, const char *name, const char *target,
	 const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	table_add(t, name);
	table_add(t, b.ptr);
	table_add(t, target);
	buf_release(&b);
}

int
summary_table(const struct model *m, struct buf *out)
{
	struct table t = { NULL, 0, 0, 3 };
	struct buf b = BUF_INIT, g = BUF_INIT;
	int tier, i;

	BUF_ADDLIT(out, "主要数据\n");
	headline(&t, "项目", "目标", "数值");
	headline(&t, "单位总数", "", "%ld", m->organizations);
	headline(&t, "  非公企业", "", "%ld", m->enterprises);
	headline(&t, "  社会组织", "", "%ld", m->social);
	headline(&t, "党组织数", "", "%ld", m->party_orgs);
	for (i = 0; i < MODEL_NCOVERAGE; i++) {
		buf_reset(&g);
		add_percent_target(&g, m->cfg.coverage_target[i]);
		model_rate_percent(model_group_coverage(&m->all, i), &b);
		headline(&t, model_coverage_label(i), g.ptr, "%s", b.ptr);
		buf_reset(&b);
	}
	buf_reset(&g);
	model_rate_percent(m->all.single_setup, &b);
	add_percent_target(&g, m->cfg.single_setup_target);
	headline(&t, "规上企业单独组建率", g.ptr, "%s", b.ptr);
	buf_reset(&b);
	headline(&t, "选派指导员的单位", "", "%ld", m->instructors);
	headline(&t, "应建未建单位", "", "%ld", m->noncompliant);
	if (m->prev_round)
		headline(&t, "等次晋升/降级/新晋金色", "", "%ld/%ld/%ld",
			 m->moved_up, m->moved_down, m->new_gold);
	headline(&t, "示范点", "", "%ld", m->demo[1] + m->demo[2] + m->demo[3]);
	headline(&t, "党建品牌", "", "%zu", m->nbrands);
	headline(&t, "示范带和红色街区", "", "%zu", m->nbelts);
	if (m->red_collar.year) {
		buf_addf(&b, "双强红领评审/认证（%d年）", m->red_collar.year);
		headline(&t, b.ptr, "", "%.15g/%.15g", m->red_collar.reviewed,
			 m->red_collar.certified);
		buf_reset(&b);
	}
	table_print(&t, out);
	buf_release(&g);

	buf_addf(out, "\n分类测评（%s）\n", m->round ? m->round : "暂无数据");
	t.ncols = 2 + (size_t)m->cfg.max_stars;
	table_add(&t, "等次");
	table_add(&t, "数量");
	for (i = 1; i <= m->cfg.max_stars; i++)
		table_addf(&t, "%d星", i);
	for (tier = MODEL_TIER_GOLD; tier >= MODEL_TIER_WEAK; tier--) {
		table_add(&t, model_tier_label(tier));
		table_addf(&t, "%ld", m->tiers[tier]);
		for (i = 0; i < m->cfg.max_stars; i++)
			if (tier == MODEL_TIER_WEAK)
				table_add(&t, "");
			else
				table_addf(&t, "%ld", m->stars[tier][i]);
	}
	table_add(&t, "未测评");
	table_addf(&t, "%ld", m->unassessed);
	for (i = 0; i < m->cfg.max_stars; i++)
		table_add(&t, "");
	table_print(&t, out);

	groups_table(out, "按单位类型", "类型", m->kinds, MODEL_NKINDS);
	groups_table(out, "按区域", "区域", m->regions, m->nregions);
	groups_table(out, "按行业", "行业", m->industries, m->nindustries);
	buf_release(&b);
	return 0;
}
