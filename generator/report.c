/*
 * The internal report (report.h): one self-contained HTML page for the
 * office, never for the site.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "assess.h"
#include "buf.h"
#include "model.h"
#include "report.h"
#include "target.h"
#include "util.h"

static void
td(struct buf *out, const char *s)
{
	BUF_ADDLIT(out, "<td>");
	buf_addhtml(out, s);
	BUF_ADDLIT(out, "</td>");
}

static void
tdf(struct buf *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
tdf(struct buf *out, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	BUF_ADDLIT(out, "<td class=\"n\">");
	buf_addhtml(out, b.ptr);
	BUF_ADDLIT(out, "</td>");
	buf_release(&b);
}

static void
th_row(struct buf *out, const char *const *heads)
{
	BUF_ADDLIT(out, "<thead><tr>");
	for (; *heads; heads++) {
		BUF_ADDLIT(out, "<th scope=\"col\">");
		buf_addhtml(out, *heads);
		BUF_ADDLIT(out, "</th>");
	}
	BUF_ADDLIT(out, "</tr></thead>\n<tbody>\n");
}

/* "12/15个 已完成" as a cell: value, target and whether it is reached. */
static void
cell_html(const struct target *c, struct buf *out)
{
	struct buf b = BUF_INIT;

	if (!c) {
		BUF_ADDLIT(out, "<td></td>");
		return;
	}
	model_number(&b, c->value);
	if (c->unit)
		buf_addstr(&b, c->unit);
	if (c->has_target) {
		BUF_ADDLIT(&b, " / ");
		model_number(&b, c->target);
		if (c->unit)
			buf_addstr(&b, c->unit);
	}
	BUF_ADDLIT(out, "<td class=\"num\">");
	buf_addhtml(out, b.ptr);
	if (c->has_target)
		buf_addstr(out, c->reached ? " <span class=\"ok\">已完成</span>" :
			   " <span class=\"miss\">未完成</span>");
	BUF_ADDLIT(out, "</td>");
	buf_release(&b);
}

/* The tables of the whole years (h1 0) or of the mid-year checks. */
static void
tables_html(const struct targets *t, int h1, struct buf *out)
{
	struct buf b = BUF_INIT;
	size_t i, j, k;

	for (i = 0; i < t->nperiods; i++) {
		const struct target_period *p = &t->periods[i];

		if (p->h1 != h1)
			continue;
		buf_reset(&b);
		target_period_label(p, &b);
		BUF_ADDLIT(out, "<table>\n<caption>");
		buf_addhtml(out, b.ptr);
		buf_addstr(out, h1 ? "各党（工）委目标任务中期检查（完成 / 目标）" :
			   "各党（工）委目标任务完成情况（完成 / 目标）");
		BUF_ADDLIT(out, "</caption>\n<thead><tr><th scope=\"col\">党（工）委</th>");
		for (k = 0; k < p->ncolumns; k++) {
			const struct target *c = p->columns[k];

			BUF_ADDLIT(out, "<th scope=\"col\" class=\"num\">");
			buf_addhtml(out, c->label ? c->label : c->key);
			BUF_ADDLIT(out, "</th>");
		}
		BUF_ADDLIT(out, "<th scope=\"col\" class=\"num\">完成目标</th></tr></thead>\n<tbody>\n");
		for (j = 0; j < p->nrows; j++) {
			const struct target_row *r = &p->rows[j];

			BUF_ADDLIT(out, "<tr><th scope=\"row\">");
			buf_addhtml(out, target_region_label(r->region));
			BUF_ADDLIT(out, "</th>");
			for (k = 0; k < p->ncolumns; k++)
				cell_html(target_cell(r, p->columns[k]), out);
			buf_addf(out, "<td class=\"num\">%ld / %ld</td></tr>\n",
				 r->reached, r->with_target);
		}
		BUF_ADDLIT(out, "</tbody>\n</table>\n");
	}
	buf_release(&b);
}

/*
 * The committees' targets (target.h): the year-end tables, then the
 * mid-year checks in a section of their own (#midyear); nothing without
 * such indicators.
 */
static void
targets_section(const struct targets *t, struct buf *out)
{
	size_t i;
	int years = 0, halves = 0;

	for (i = 0; i < t->nperiods; i++) {
		halves += t->periods[i].h1;
		years += !t->periods[i].h1;
	}
	if (years) {
		BUF_ADDLIT(out, "<section id=\"targets\">\n<h2>各党（工）委目标任务完成情况（年终）</h2>\n");
		tables_html(t, 0, out);
		BUF_ADDLIT(out, "</section>\n");
	}
	if (halves) {
		BUF_ADDLIT(out, "<section id=\"midyear\">\n<h2>目标任务中期检查（上半年）</h2>\n");
		tables_html(t, 1, out);
		BUF_ADDLIT(out, "</section>\n");
	}
}

/*
 * Each weak or bronze organisation with its weakest dimension and the
 * seven scores.
 */
static void
weakest_section(const struct assess *a, const struct model *m,
		struct buf *out)
{
	size_t i;
	int k;

	buf_addf(out, "<section>\n<h2>软弱涣散和铜色基础型党组织的短板"
		 "（%zu个）</h2>\n<p class=\"note\">短板为按满分比例得分"
		 "最低的方面，供制定“一党组织一晋级方案”参考。</p>\n",
		 a->nweakest);
	if (!a->nweakest) {
		BUF_ADDLIT(out, "<p>暂无数据</p>\n</section>\n");
		return;
	}
	BUF_ADDLIT(out, "<table>\n<thead><tr><th scope=\"col\">编号</th>"
		   "<th scope=\"col\">名称</th><th scope=\"col\">区域</th>"
		   "<th scope=\"col\">等次</th><th scope=\"col\">得分</th>"
		   "<th scope=\"col\">短板</th>");
	for (k = 0; k < MODEL_DIMS; k++)
		buf_addf(out, "<th scope=\"col\">%s</th>", assess_dim_label(k));
	BUF_ADDLIT(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < a->nweakest; i++) {
		const struct model_org *o = a->weakest[i].org;

		BUF_ADDLIT(out, "<tr><td>");
		buf_addhtml(out, o->id);
		BUF_ADDLIT(out, "</td><td>");
		buf_addhtml(out, o->name);
		BUF_ADDLIT(out, "</td><td>");
		buf_addhtml(out, o->region);
		buf_addf(out, "</td><td>%s</td><td class=\"n\">%.2f</td>"
			 "<td>%s</td>", model_tier_label(o->tier), o->score,
			 assess_dim_label(a->weakest[i].dim));
		for (k = 0; k < MODEL_DIMS; k++)
			buf_addf(out, "<td class=\"n\">%.2f/%g</td>", o->dims[k],
				 m->cfg.dim_max[k]);
		BUF_ADDLIT(out, "</tr>\n");
	}
	BUF_ADDLIT(out, "</tbody>\n</table>\n</section>\n");
}

int
report_html(const struct model *m, const char *title, struct buf *out)
{
	static const char *const nc_heads[] = {
		"编号", "名称", "区域", "类型", "职工", "党员", "组织形式",
		"违反的规则", NULL,
	};
	static const char *const weak_heads[] = {
		"编号", "名称", "区域", "得分", "测评轮次", NULL,
	};
	static const char *const move_heads[] = {
		"编号", "名称", "区域", "上轮等次", "本轮等次", "得分", "变动",
		NULL,
	};
	struct buf text = BUF_INIT;
	size_t i;
	int r;

	BUF_ADDLIT(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n"
		   "<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, "
		   "initial-scale=1\">\n"
		   "<meta name=\"robots\" content=\"noindex, nofollow\">\n"
		   REPORT_META "\n"
		   "<title>内部报告（不公开）</title>\n<style>\n"
		   "body{font-family:sans-serif;margin:2rem;color:#222}"
		   "h1{color:#b00}table{border-collapse:collapse;margin:1rem 0}"
		   "th,td{border:1px solid #999;padding:.3rem .6rem;"
		   "text-align:left}td.n{text-align:right}"
		   ".note{color:#555}\n</style>\n</head>\n<body>\n<main>\n");
	BUF_ADDLIT(out, "<h1>");
	if (title && *title) {
		buf_addhtml(out, title);
		BUF_ADDLIT(out, " ");
	}
	BUF_ADDLIT(out, "内部报告</h1>\n<p class=\"note\">仅供工委内部使用，"
		   "不对外公开，不得上传至宣传网站。</p>\n");

	buf_addf(out, "<section>\n<h2>应建未建单位（%ld个）</h2>\n",
		 m->noncompliant);
	if (!m->noncompliant_complete && m->nnoncompliant_units <
	    (size_t)m->noncompliant)
		BUF_ADDLIT(out, "<p class=\"note\">本表只列出部分单位。</p>\n");
	if (m->nnoncompliant_units) {
		BUF_ADDLIT(out, "<table>\n");
		th_row(out, nc_heads);
		for (i = 0; i < m->nnoncompliant_units; i++) {
			const struct model_org *o = m->noncompliant_units[i];
			int first = 1;

			BUF_ADDLIT(out, "<tr>");
			td(out, o->id);
			td(out, o->name);
			td(out, o->region);
			td(out, model_kind_label(o->kind));
			tdf(out, "%ld", o->staff);
			tdf(out, "%ld", o->members);
			td(out, model_form_label(o->form));
			BUF_ADDLIT(out, "<td>");
			for (r = 0; r < MODEL_NRULES; r++) {
				if (!(o->rules & (1u << r)))
					continue;
				if (!first)
					BUF_ADDLIT(out, "；");
				buf_reset(&text);
				model_rule_text(&m->cfg, 1u << r, o->kind,
						&text);
				buf_addhtml(out, text.ptr);
				first = 0;
			}
			BUF_ADDLIT(out, "</td></tr>\n");
		}
		BUF_ADDLIT(out, "</tbody>\n</table>\n");
	} else {
		BUF_ADDLIT(out, "<p>暂无数据</p>\n");
	}
	BUF_ADDLIT(out, "</section>\n");

	buf_addf(out, "<section>\n<h2>软弱涣散党组织（%zu个，限期整改）</h2>\n",
		 m->nweak);
	if (m->nweak) {
		BUF_ADDLIT(out, "<table>\n");
		th_row(out, weak_heads);
		for (i = 0; i < m->nweak; i++) {
			const struct model_org *o = m->weak[i];

			BUF_ADDLIT(out, "<tr>");
			td(out, o->id);
			td(out, o->name);
			td(out, o->region);
			tdf(out, "%.2f", o->score);
			td(out, o->round);
			BUF_ADDLIT(out, "</tr>\n");
		}
		BUF_ADDLIT(out, "</tbody>\n</table>\n");
	} else {
		BUF_ADDLIT(out, "<p>暂无数据</p>\n");
	}
	BUF_ADDLIT(out, "</section>\n");

	BUF_ADDLIT(out, "<section>\n<h2>等次变动");
	if (m->prev_round && m->round) {
		BUF_ADDLIT(out, "（");
		buf_addhtml(out, m->prev_round);
		BUF_ADDLIT(out, " → ");
		buf_addhtml(out, m->round);
		BUF_ADDLIT(out, "）");
	}
	buf_addf(out, "</h2>\n<p>晋升%ld个，降级%ld个，新晋金色示范型%ld个。</p>\n",
		 m->moved_up, m->moved_down, m->new_gold);
	if (m->nmovers) {
		BUF_ADDLIT(out, "<table>\n");
		th_row(out, move_heads);
		for (i = 0; i < m->nmovers; i++) {
			const struct model_org *o = m->movers[i];

			BUF_ADDLIT(out, "<tr>");
			td(out, o->id);
			td(out, o->name);
			td(out, o->region);
			td(out, model_tier_label(o->prev_tier));
			td(out, model_tier_label(o->tier));
			tdf(out, "%.2f", o->score);
			td(out, o->move == MODEL_MOVE_UP ? "晋升" :
				o->move == MODEL_MOVE_DOWN ? "降级" :
				"新晋金色");
			BUF_ADDLIT(out, "</tr>\n");
		}
		BUF_ADDLIT(out, "</tbody>\n</table>\n");
	}
	BUF_ADDLIT(out, "</section>\n");
	weakest_section(m->assess, m, out);
	targets_section(m->targets, out);
	BUF_ADDLIT(out, "</main>\n</body>\n</html>\n");
	buf_release(&text);
	return 0;
}
