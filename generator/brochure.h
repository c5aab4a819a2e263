#ifndef SHOWCASE_BROCHURE_H
#define SHOWCASE_BROCHURE_H

/*
 * The annual brochure (年度工作总结画册): one A4 booklet per year of the
 * data, for leaders, visitors and the print shop, and the same as a web
 * page. Its outputs, from the site root (docs/print.md):
 *   brochure/<year>.html        the web page: layout.tpl, CONTENT brochure.tpl
 *   brochure/<year>-print.html  the print document: print.tpl, CONTENT brochure.tpl
 *   brochure/<year>.pdf         made from the print document (pdf.h)
 *
 * Contents: a cover (title, office, year, cover image), a contents page
 * whose page numbers the print engine fills in (target-counter), and the
 * chapters the data has: 年度概况 (headline figures against targets),
 * 组织覆盖, 分类定级, 示范带和示范点, 党建品牌, 红领人才, 典型案例 (the
 * selected case studies with their cover photos). Its settings are
 * site.json "brochure" (checked by bulletin_check). What it shares with
 * the other pages is pagedict.h's; its print typesetting is typeset.h's.
 */

struct buf;
struct pagedict;
struct tmpl_dict;

/* Which year has a brochure: plan_brochure_year() (plan.h). Its paths:
 * routes_brochure() (routes.h). */

/*
 * Fill d, the dictionary of brochure.tpl, for year on a page at depth
 * (flags: DOC_* of pagedict.h). Its charts are added to pd->charts.
 */
void brochure_fill(struct tmpl_dict *d, const struct pagedict *pd, int year,
		   int depth, unsigned flags);

/* The whole dictionary of print.tpl for year; free with tmpl_dict_free(). */
struct tmpl_dict *brochure_print_dict(const struct pagedict *pd, int year,
				      int depth, unsigned flags);

/*
 * Fill item, the brochure of year as an entry of a list on a page at
 * depth: BROCHURE_TITLE, BROCHURE_YEAR, ITEM_URL (its web page),
 * PRINT_URL and, with DOC_PDF, HAS_PDF/PDF_URL.
 */
void brochure_item_fill(struct tmpl_dict *item, const struct pagedict *pd,
			int year, int depth, unsigned flags);

/* The brochure's title as the web page's heading and the document title. */
void brochure_title(const struct pagedict *pd, int year, struct buf *out);

#endif
