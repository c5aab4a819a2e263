/* Which cases a belt's or a brand's page lists. */
#include <string.h>

#include "content.h"
#include "harness.h"
#include "model.h"
#include "plan.h"

static void
a_belt_lists_the_cases_about_its_points(void)
{
	struct page cases[4];
	struct content c;
	struct model_belt b;
	char *points[] = { "E1", "S2" };
	size_t out[4];

	memset(cases, 0, sizeof(cases));
	memset(&c, 0, sizeof(c));
	memset(&b, 0, sizeof(b));
	cases[0].front.belt = "belt-a";  /* names the belt */
	cases[1].front.org = "S2";       /* about one of its points */
	cases[2].front.org = "E9";       /* about another organisation */
	cases[3].front.belt = "belt-b";
	c.cases = cases;
	c.ncases = 4;
	b.id = "belt-a";
	b.point_ids = points;
	b.npoints = 2;
	CHECK_INT(plan_belt_cases(&c, &b, out), 2);
	CHECK_INT(out[0], 0);
	CHECK_INT(out[1], 1);
	CHECK_INT(plan_belt_cases(&c, &b, NULL), 2);
}

static void
a_brand_lists_its_cases_its_story_and_its_organisation(void)
{
	struct page cases[4];
	struct content c;
	struct model_brand b;
	size_t out[4];

	memset(cases, 0, sizeof(cases));
	memset(&c, 0, sizeof(c));
	memset(&b, 0, sizeof(b));
	cases[0].front.brand = "brand-a";
	cases[0].slug = "a";
	cases[1].slug = "story";         /* the brand record's "case" */
	cases[2].front.org = "E7";       /* about the brand's organisation */
	cases[2].slug = "c";
	cases[3].front.org = "E8";
	cases[3].slug = "d";
	c.cases = cases;
	c.ncases = 4;
	b.id = "brand-a";
	b.case_slug = "story";
	b.org_id = "E7";
	CHECK_INT(plan_brand_cases(&c, &b, out), 3);
	CHECK_INT(out[0], 0);
	CHECK_INT(out[1], 1);
	CHECK_INT(out[2], 2);
}

int
main(void)
{
	a_belt_lists_the_cases_about_its_points();
	a_brand_lists_its_cases_its_story_and_its_organisation();
	return harness_done();
}
