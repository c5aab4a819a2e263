/*
 * gendata: write the data exports of a fictional district (青川区) for the
 * example site, or a big organizations.jsonl for the benchmark.
 *
 *     gendata DIR            the example district's exports into DIR
 *     gendata --orgs N DIR   N organisations as DIR/organizations.jsonl
 *                            and about N assessments as assessments.jsonl
 *
 * The example district follows the scale of domain.md: 14,700 private
 * enterprises and 310 social organisations in ten streets, towns and parks,
 * some 600 Party organisations, two assessment rounds (2025-05, 2025-11)
 * of about 180 organisations with 24 gold ones in each, two demonstration
 * belts of 33 sites and three red streets, a dozen brands tied to the case
 * studies in content/cases, five years of indicators with targets. Every
 * name is invented; the contact of each unit (a private field) is fake.
 * The records that the case studies describe (E0012, S0067, ...) carry the
 * figures the cases give.
 *
 * Deterministic: a fixed-seed generator of its own (splitmix64 seeding
 * xorshift64*), no clock, no locale, no libc rand(); the same arguments
 * give the same bytes on every machine. In --orgs mode memory stays
 * constant whatever N.
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -Werror -o gendata tools/gendata.c
 */

#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* ---- small helpers ------------------------------------------------------ */

static void
die(const char *fmt, ...)
{
	va_list ap;

	fputs("gendata: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

/* printf into a new string; the caller frees it. */
static char *
xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
xprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("vsnprintf failed");
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static FILE *
open_out(const char *dir, const char *name)
{
	char *path = xprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	if (!fp)
		die("cannot write %s: %s", path, strerror(errno));
	free(path);
	return fp;
}

static void
close_out(FILE *fp)
{
	if (fflush(fp) || ferror(fp) || fclose(fp))
		die("write error: %s", strerror(errno));
}

/* A JSON string; our text has no control characters but may have quotes. */
static void
put_str(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

/* ---- PRNG: splitmix64 to seed, xorshift64* to draw ---------------------- */

static uint64_t rng;

static uint64_t
splitmix64(uint64_t x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

static void
rng_seed(uint64_t s)
{
	rng = splitmix64(s ^ 0x51494E4743484541ULL); /* "QINGCHEA" */
	if (!rng)
		rng = 1;
}

static uint64_t
rng_next(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1DULL;
}

/* Uniform in [0, 1). */
static double
rnd(void)
{
	return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

/* Uniform whole number in [lo, hi]. */
static long
between(long lo, long hi)
{
	return lo + (long)(rng_next() % (uint64_t)(hi - lo + 1));
}

static int
chance(double p)
{
	return rnd() < p;
}

#define PICK(a) ((a)[rng_next() % NELEM(a)])

/* ---- the district ------------------------------------------------------- */

static const char *const ind_gaoxin[] = {
	"智能装备制造", "智能装备制造", "生物医药", "新能源汽车零部件",
	"数字经济", "商务服务",
};
static const char *const ind_xinqiao[] = {
	"新材料", "新材料", "智能装备制造", "新能源汽车零部件", "商贸流通",
	"建筑业",
};
static const char *const ind_binjiang[] = {
	"数字经济", "金融服务", "商务服务", "商务服务", "商贸流通",
	"住宿餐饮",
};
static const char *const ind_town[] = {
	"商贸流通", "商贸流通", "住宿餐饮", "商务服务", "建筑业", "现代物流",
};
static const char *const ind_yuntai[] = {
	"食品加工", "食品加工", "现代物流", "现代物流", "商贸流通", "建筑业",
};
static const char *const ind_social[] = {
	"行业协会商会", "行业协会商会", "民办教育", "民办教育", "民办医疗",
	"社会服务", "中介服务", "中介服务",
};

struct region {
	const char *name;
	int enterprises;
	int social;
	const char *const *industries;
	size_t nind;
};

#define IND(a) a, NELEM(a)
static const struct region regions[] = {
	{ "高新技术产业开发区", 2400, 20, IND(ind_gaoxin) },
	{ "新桥镇", 1700, 15, IND(ind_xinqiao) },
	{ "滨江新区", 2300, 55, IND(ind_binjiang) },
	{ "望湖街道", 1500, 45, IND(ind_town) },
	{ "城关街道", 1900, 50, IND(ind_town) },
	{ "云台镇", 1200, 20, IND(ind_yuntai) },
	{ "东门街道", 1400, 45, IND(ind_binjiang) },
	{ "北关街道", 900, 25, IND(ind_town) },
	{ "凤栖街道", 800, 20, IND(ind_town) },
	{ "石门镇", 600, 15, IND(ind_yuntai) },
};
enum { GAOXIN, XINQIAO, BINJIANG, WANGHU, CHENGGUAN, YUNTAI, DONGMEN,
       BEIGUAN, FENGQI, SHIMEN, NREGIONS };

#define NENTERPRISES 14700
#define NSOCIAL 310

/* Name parts: two characters from here make a trade name. */
static const char *const name_chars[] = {
	"澄", "晟", "瀚", "恒", "弘", "华", "嘉", "锦", "骏", "凯", "朗", "力",
	"联", "隆", "茂", "明", "诺", "鹏", "启", "润", "瑞", "森", "盛", "顺",
	"泰", "腾", "拓", "万", "威", "维", "祥", "欣", "新", "信", "兴", "旭",
	"亚", "耀", "屹", "益", "盈", "宇", "源", "远", "跃", "云", "泽", "哲",
	"臻", "致", "中", "卓", "安", "宝", "辰", "驰", "达", "德", "帆", "丰",
	"富", "冠", "广", "海", "航", "和", "宏", "鸿", "汇", "佳", "捷", "金",
	"晶", "凯", "康", "蓝", "利", "璐", "美", "铭",
};

struct trade {
	const char *industry;
	const char *const suffix[3];
};
static const struct trade trades[] = {
	{ "智能装备制造", { "智能装备有限公司", "精密机械有限公司",
			    "自动化科技有限公司" } },
	{ "生物医药", { "生物科技有限公司", "医药有限公司",
			"医疗器械有限公司" } },
	{ "新能源汽车零部件", { "动力科技有限公司", "汽车部件有限公司",
				"电驱科技有限公司" } },
	{ "新材料", { "新材料有限公司", "高分子材料有限公司",
		      "复合材料有限公司" } },
	{ "数字经济", { "信息技术有限公司", "数字科技有限公司",
			"软件有限公司" } },
	{ "金融服务", { "投资管理有限公司", "融资租赁有限公司",
			"保险代理有限公司" } },
	{ "商务服务", { "企业管理咨询有限公司", "人力资源有限公司",
			"广告有限公司" } },
	{ "商贸流通", { "商贸有限公司", "贸易有限公司", "百货商行" } },
	{ "住宿餐饮", { "餐饮管理有限公司", "酒店有限公司", "食府" } },
	{ "建筑业", { "建筑工程有限公司", "装饰工程有限公司",
		      "建材有限公司" } },
	{ "现代物流", { "物流有限公司", "供应链管理有限公司",
			"运输有限公司" } },
	{ "食品加工", { "食品有限公司", "农产品加工有限公司",
			"调味品有限公司" } },
	{ "行业协会商会", { "商会", "行业协会", "个体私营经济协会" } },
	{ "民办教育", { "培训学校", "幼儿园", "职业培训学校" } },
	{ "民办医疗", { "医院", "诊所", "康复中心" } },
	{ "社会服务", { "社会工作服务中心", "养老服务中心",
			"志愿服务中心" } },
	{ "中介服务", { "律师事务所", "会计师事务所", "税务师事务所" } },
};

static const char *const surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
	"马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "宋", "谢",
};
static const char *const given[] = {
	"建", "国", "华", "明", "志", "海", "平", "文", "晓", "丽", "静", "伟",
	"芳", "敏", "军", "勇", "涛", "婷", "磊", "洁", "红", "超", "强", "雪",
	"凤", "鑫", "宇", "晨", "彤", "航",
};

/* ---- records ------------------------------------------------------------ */

enum { SINGLE, JOINT, ATTACHED, NONE };
enum { LV_NONE, COMMITTEE, GENERAL_BRANCH, BRANCH };
enum { DEMO_NONE, PROVINCE, CITY, DISTRICT };

static const char *const form_names[] = { "single", "joint", "attached",
					  "none" };
static const char *const level_names[] = { "", "committee", "general_branch",
					   "branch" };
static const char *const demo_names[] = { "", "province", "city",
					  "district" };

struct org {
	char *id;
	char *name;
	int region;
	const char *industry;
	int social;
	int above;
	long staff;
	long members;
	int form;
	int level;
	char *joint_id;
	char *since;
	int instructor;
	int demo;
	int demo_since;
	const char *brand;
	char *contact;
	char *phone;
	int fixed;        /* described by a case study: keep as given */
	int used;         /* given a role (belt, street, brand) */
	int room;         /* has an activity room in venues.json */
	int assessed;
	int tier05, tier11; /* -1: not assessed in that round */
	double merit;
};

static char *
person(void)
{
	if (chance(0.7))
		return xprintf("%s%s%s", PICK(surnames), PICK(given),
			       PICK(given));
	return xprintf("%s%s", PICK(surnames), PICK(given));
}

static char *
phone(void)
{
	static const char *const head[] = { "135", "138", "139", "150", "158",
					    "186", "187", "189" };

	return xprintf("%s%08ld", PICK(head), between(0, 99999999));
}

static const struct trade *
trade_of(const char *industry)
{
	size_t i;

	for (i = 0; i < NELEM(trades); i++)
		if (!strcmp(trades[i].industry, industry))
			return &trades[i];
	return &trades[7];
}

/* A simple set of names, so that no two units share one. */
static char **names_tab;
static size_t names_cap;

static size_t
name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return (size_t)h;
}

static int
name_taken(const char *s)
{
	size_t i;

	if (!names_cap) {
		names_cap = 1 << 16;
		names_tab = xcalloc(names_cap, sizeof(*names_tab));
	}
	i = name_hash(s) & (names_cap - 1);
	while (names_tab[i]) {
		if (!strcmp(names_tab[i], s))
			return 1;
		i = (i + 1) & (names_cap - 1);
	}
	names_tab[i] = (char *)s; /* owned by its org */
	return 0;
}

static char *
unit_name(const char *industry, int social, int unique)
{
	const struct trade *t = trade_of(industry);

	for (;;) {
		char *s;

		if (social && chance(0.4))
			s = xprintf("青川区%s%s%s", PICK(name_chars),
				    PICK(name_chars), t->suffix[rng_next() % 3]);
		else
			s = xprintf("青川%s%s%s", PICK(name_chars),
				    PICK(name_chars), t->suffix[rng_next() % 3]);
		if (!unique || !name_taken(s))
			return s;
		free(s);
	}
}

static char *
random_date(int from, int to)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
				     30, 31 };
	int y = (int)between(from, to), m = (int)between(1, 12);

	return xprintf("%04d-%02d-%02d", y, m, (int)between(1, mdays[m - 1]));
}

/*
 * Size, members and cover of one unit, drawn so that the district looks
 * like the source documents: mostly micro firms without members, a few
 * hundred large ones with their own organisation, and a few per cent
 * breaking a rule (the internal report has work to show).
 */
static void
draw_unit(struct org *o)
{
	double u = rnd();

	if (o->social) {
		o->staff = u < 0.5 ? between(3, 19) : u < 0.85 ? between(20, 49)
			 : u < 0.97 ? between(50, 199) : between(200, 800);
		o->members = o->staff >= 50 ? between(3, o->staff / 6 + 3)
			     : chance(0.3) ? between(1, 2)
			     : chance(0.08) ? between(3, 6) : 0;
		if (o->staff >= 20 && o->members == 0 && chance(0.85))
			o->members = between(1, 2);
	} else {
		o->staff = u < 0.72 ? between(1, 19) : u < 0.91 ? between(20, 49)
			 : u < 0.978 ? between(50, 99)
			 : u < 0.994 ? between(100, 299) : between(300, 2000);
		if (o->staff >= 300)
			o->members = between(o->staff / 20, o->staff / 8);
		else if (o->staff >= 100)
			o->members = chance(0.65) ? between(3, 30) : between(1, 2);
		else if (o->staff >= 50)
			o->members = chance(0.03) ? between(3, 8)
				     : chance(0.93) ? between(1, 2) : 0;
		else if (o->staff >= 20)
			o->members = chance(0.01) ? between(3, 5)
				     : chance(0.28) ? between(1, 2) : 0;
		else
			o->members = chance(0.001) ? 3
				     : chance(0.04) ? between(1, 2) : 0;
		o->above = o->staff >= 300 ? chance(0.95)
			   : o->staff >= 100 ? chance(0.6)
			   : o->staff >= 50 ? chance(0.03) : 0;
		if (o->above && o->members < 3 && chance(0.97))
			o->members = between(3, 12);
	}
	if (o->members >= 3) {
		o->form = chance(o->above ? 0.975 : 0.96) ? SINGLE
			  : chance(0.5) ? JOINT : ATTACHED;
	} else if (o->members >= 1) {
		double v = rnd();

		o->form = v < 0.2 ? JOINT : v < 0.975 ? ATTACHED : NONE;
	} else {
		/*
		 * A unit without members has nobody to attach to another
		 * organisation (挂靠 moves members): it is uncovered, and an
		 * instructor brings the Party's work to most of them. The
		 * draws are those of the first version, so that the rest of
		 * the district stays the same.
		 */
		double v = rnd();

		o->form = NONE;
		o->instructor = v < 0.5 || chance(0.975);
		if (o->staff >= 100 && chance(0.9))
			o->instructor = 1;
	}
	if (o->form == SINGLE)
		o->level = o->members >= 50 ? COMMITTEE
			   : o->members >= 20 ? GENERAL_BRANCH : BRANCH;
	else if (o->form == JOINT)
		o->level = BRANCH;
	if (o->form == SINGLE || o->form == JOINT)
		o->since = random_date(2005, 2025);
}

static void
put_org(FILE *fp, const struct org *o)
{
	fputs("{\"id\": ", fp);
	put_str(fp, o->id);
	fputs(", \"name\": ", fp);
	put_str(fp, o->name);
	fprintf(fp, ", \"kind\": \"%s\", \"region\": ",
		o->social ? "social" : "enterprise");
	put_str(fp, regions[o->region].name);
	fputs(", \"industry\": ", fp);
	put_str(fp, o->industry);
	if (!o->social)
		fprintf(fp, ", \"above_scale\": %s", o->above ? "true" : "false");
	fprintf(fp, ", \"staff\": %ld, \"members\": %ld, \"org\": {\"form\": "
		"\"%s\"", o->staff, o->members, form_names[o->form]);
	if (o->level)
		fprintf(fp, ", \"level\": \"%s\"", level_names[o->level]);
	if (o->joint_id) {
		fputs(", \"joint_id\": ", fp);
		put_str(fp, o->joint_id);
	}
	if (o->since)
		fprintf(fp, ", \"since\": \"%s\"", o->since);
	fputc('}', fp);
	if (o->instructor)
		fputs(", \"instructor\": true", fp);
	if (o->demo)
		fprintf(fp, ", \"demo\": {\"level\": \"%s\", \"since\": %d}",
			demo_names[o->demo], o->demo_since);
	if (o->brand) {
		fputs(", \"brand\": ", fp);
		put_str(fp, o->brand);
	}
	fputs(", \"contact\": {\"name\": ", fp);
	put_str(fp, o->contact);
	fputs(", \"phone\": ", fp);
	put_str(fp, o->phone);
	fputs("}}\n", fp);
}

static void
free_org(struct org *o)
{
	free(o->id);
	free(o->name);
	free(o->joint_id);
	free(o->since);
	free(o->contact);
	free(o->phone);
}

/* ---- --orgs N: the benchmark ------------------------------------------ */

static int
region_of(long i, long n)
{
	long acc = 0, pos = (long)((double)i / (double)n * 15010.0);
	int r;

	for (r = 0; r < NREGIONS; r++) {
		acc += regions[r].enterprises + regions[r].social;
		if (pos < acc)
			return r;
	}
	return NREGIONS - 1;
}

/*
 * Constant memory: each record is drawn, written and freed. Joint units
 * are grouped as they come, per region, into organisations of 2 to 5.
 */
static double score_in(int tier);
static void put_assessment(FILE *fp, const struct org *o, const char *round,
			   double score, int *first);

/*
 * The assessments of one benchmark organisation: about half are assessed,
 * nearly all of those in both rounds, so a million organisations give
 * about a million records. They draw from their own stream (*state), so
 * organizations.jsonl is the same with or without them.
 */
static void
assess_bench(FILE *fp, const struct org *o, uint64_t *state)
{
	uint64_t saved = rng;

	rng = *state;
	if (chance(0.53)) {
		if (chance(0.9))
			put_assessment(fp, o, "2025-05", score_in((int)between(0, 3)),
				       NULL);
		put_assessment(fp, o, "2025-11", score_in((int)between(0, 3)),
			       NULL);
	}
	*state = rng;
	rng = saved;
}

static void
bench(const char *dir, long n)
{
	FILE *fp = open_out(dir, "organizations.jsonl");
	FILE *afp = open_out(dir, "assessments.jsonl");
	uint64_t arng = splitmix64((uint64_t)n ^ 0x4153534553534D54ULL);
	long jcount[NREGIONS] = { 0 }, jleft[NREGIONS] = { 0 }, jid = 0, i;
	long jcur[NREGIONS] = { 0 };

	for (i = 0; i < n; i++) {
		struct org o;
		const struct region *rg;

		memset(&o, 0, sizeof(o));
		o.region = region_of(i, n);
		rg = &regions[o.region];
		o.social = chance(0.0207);
		o.id = xprintf("%c%07ld", o.social ? 'S' : 'E', i + 1);
		o.industry = o.social ? PICK(ind_social)
				      : rg->industries[rng_next() % rg->nind];
		o.name = unit_name(o.industry, o.social, 0);
		draw_unit(&o);
		if (o.form == JOINT) {
			if (!jleft[o.region]) {
				jleft[o.region] = between(2, 5);
				jcur[o.region] = ++jid;
			}
			jleft[o.region]--;
			jcount[o.region]++;
			o.joint_id = xprintf("J%06ld", jcur[o.region]);
		}
		if (o.form == SINGLE && o.members >= 20 && chance(0.05)) {
			o.demo = chance(0.1) ? CITY : DISTRICT;
			o.demo_since = (int)between(2018, 2025);
		}
		o.contact = person();
		o.phone = phone();
		put_org(fp, &o);
		assess_bench(afp, &o, &arng);
		free_org(&o);
	}
	close_out(fp);
	close_out(afp);
}

/* ---- the example district --------------------------------------------- */

static struct org *orgs;
static size_t norgs;

static struct org *
find(const char *id)
{
	size_t i;

	for (i = 0; i < norgs; i++)
		if (!strcmp(orgs[i].id, id))
			return &orgs[i];
	die("no organisation %s", id);
	return NULL;
}

/* The units the case studies describe, with their figures. */
struct fixed {
	const char *id;
	const char *name;
	int region;
	const char *industry;
	int above;
	long staff, members;
	int form, level;
	const char *since;
	int demo, demo_since;
};

static const struct fixed fixed[] = {
	{ "E0012", "青川澜拓智能装备股份有限公司", GAOXIN, "智能装备制造", 1,
	  860, 96, SINGLE, COMMITTEE, "2016-06-28", DISTRICT, 2023 },
	{ "E0026", "青川驰远动力科技有限公司", GAOXIN, "新能源汽车零部件", 1,
	  1420, 153, SINGLE, COMMITTEE, "2017-09-15", CITY, 2022 },
	{ "E0058", "青川康诺生物制药有限公司", GAOXIN, "生物医药", 1, 690, 64,
	  SINGLE, COMMITTEE, "2014-05-20", CITY, 2021 },
	{ "E0089", "青川瑞丰高分子材料有限公司", XINQIAO, "新材料", 1, 620, 58,
	  SINGLE, GENERAL_BRANCH, "2019-04-12", DISTRICT, 2022 },
	{ "E0233", "青川通衢物流有限公司", YUNTAI, "现代物流", 1, 410, 27,
	  SINGLE, BRANCH, "2015-03-06", DISTRICT, 2024 },
	{ "E0347", "青川滨江商务楼宇运营管理有限公司", BINJIANG, "商务服务", 1,
	  160, 41, SINGLE, COMMITTEE, "2022-06-18", DISTRICT, 2023 },
	{ "E0415", "青川禾润食品有限公司", YUNTAI, "食品加工", 1, 380, 19,
	  SINGLE, BRANCH, "2012-07-01", DISTRICT, 2025 },
	{ "E1024", "青川新桥创业园运营管理有限公司", XINQIAO, "商务服务", 0, 64,
	  12, SINGLE, GENERAL_BRANCH, "2021-03-15", DISTRICT, 2024 },
	{ "E2051", "青川云栈数字科技有限公司", DONGMEN, "数字经济", 0, 72, 3,
	  SINGLE, BRANCH, "2024-09-20", DEMO_NONE, 0 },
	{ "S0015", "青川区电子商务协会", BINJIANG, "行业协会商会", 0, 11, 9,
	  SINGLE, BRANCH, "2017-05-10", DISTRICT, 2023 },
	{ "S0042", "青川启明实验学校", DONGMEN, "民办教育", 0, 212, 57,
	  SINGLE, GENERAL_BRANCH, "2013-09-01", CITY, 2024 },
	{ "S0067", "青川和济医院", WANGHU, "民办医疗", 0, 760, 118, SINGLE,
	  COMMITTEE, "2017-03-28", PROVINCE, 2024 },
	{ "S0103", "青川里商圈商会", CHENGGUAN, "行业协会商会", 0, 18, 12,
	  SINGLE, COMMITTEE, "2023-03-16", CITY, 2024 },
	{ "S0128", "望湖街道个体私营经济协会", WANGHU, "行业协会商会", 0, 9, 6,
	  SINGLE, GENERAL_BRANCH, "2023-04-22", DISTRICT, 2024 },
};

static void
apply_fixed(const struct fixed *f)
{
	struct org *o = find(f->id);

	free(o->name);
	free(o->since);
	free(o->joint_id);
	o->name = xprintf("%s", f->name);
	o->region = f->region;
	o->industry = f->industry;
	o->above = f->above;
	o->staff = f->staff;
	o->members = f->members;
	o->form = f->form;
	o->level = f->level;
	o->since = xprintf("%s", f->since);
	o->joint_id = NULL;
	o->instructor = 0;
	o->demo = f->demo;
	o->demo_since = f->demo_since;
	o->fixed = 1;
}

/* Make o a unit fit to be a demonstration site in region r. */
static void
make_model_unit(struct org *o, int r, const char *industry, int demo)
{
	if (o->fixed)
		return;
	o->region = r;
	if (industry)
		o->industry = industry;
	if (!o->social) {
		o->staff = between(120, 900);
		o->above = 1;
	} else {
		o->staff = between(30, 300);
	}
	o->members = between(12, 70);
	o->form = SINGLE;
	o->level = o->members >= 50 ? COMMITTEE
		   : o->members >= 20 ? GENERAL_BRANCH : BRANCH;
	free(o->joint_id);
	o->joint_id = NULL;
	o->instructor = 0;
	if (!o->since)
		o->since = random_date(2008, 2021);
	o->demo = demo;
	o->demo_since = (int)between(2020, 2025);
}

/* An unused ordinary unit of region r (and kind), for a belt or a role. */
static struct org *
spare(int r, int social)
{
	size_t tries;

	for (tries = 0; tries < 1000000; tries++) {
		struct org *o = &orgs[rng_next() % norgs];

		if (o->region == r && o->social == social && !o->fixed &&
		    !o->used && !o->demo && o->form != JOINT) {
			o->used = 1;
			return o;
		}
	}
	die("no spare unit in region %d", r);
	return NULL;
}

struct belt {
	const char *id;
	const char *name;
	const char *kind;
	const char *summary;
	const char *points[20];
	size_t npoints;
};

static struct belt belts[5];

static void
belt_add(struct belt *b, struct org *o)
{
	if (b->npoints >= NELEM(b->points))
		die("belt %s too long", b->id);
	b->points[b->npoints++] = o->id;
}

/*
 * The two belts (15 and 18 demonstration sites, as the case studies say)
 * and the three red street, commerce and building.
 */
static void
make_belts(void)
{
	struct belt *bj = &belts[0], *gx = &belts[1];
	int i;

	bj->id = "belt-binjiang";
	bj->name = "滨江路—城关示范带";
	bj->kind = "belt";
	bj->summary = "自滨江新区金融商务区沿滨江路经望湖街道至城关街道老城商圈，"
		      "串联楼宇、商圈、街区和社会组织15个示范点。";
	belt_add(bj, find("E0347"));
	belt_add(bj, find("S0015"));
	for (i = 0; i < 4; i++) {
		struct org *o = spare(BINJIANG, 0);

		make_model_unit(o, BINJIANG, i < 2 ? "数字经济" : "金融服务",
				DISTRICT);
		belt_add(bj, o);
	}
	belt_add(bj, find("S0067"));
	belt_add(bj, find("S0128"));
	for (i = 0; i < 3; i++) {
		struct org *o = spare(WANGHU, i == 1);

		make_model_unit(o, WANGHU, i == 1 ? "中介服务" : NULL,
				DISTRICT);
		belt_add(bj, o);
	}
	belt_add(bj, find("S0103"));
	for (i = 0; i < 3; i++) {
		struct org *o = spare(CHENGGUAN, 0);

		make_model_unit(o, CHENGGUAN, "商贸流通", DISTRICT);
		belt_add(bj, o);
	}

	gx->id = "belt-gaoxin";
	gx->name = "高新区—新桥镇示范带";
	gx->kind = "belt";
	gx->summary = "沿高新大道和新桥工业大道布点，串联智能装备、生物医药、"
		      "新材料三个产业段的18个示范点。";
	belt_add(gx, find("E0012"));
	for (i = 0; i < 5; i++) {
		struct org *o = spare(GAOXIN, 0);

		make_model_unit(o, GAOXIN, "智能装备制造", DISTRICT);
		belt_add(gx, o);
	}
	belt_add(gx, find("E0026"));
	belt_add(gx, find("E0058"));
	for (i = 0; i < 3; i++) {
		struct org *o = spare(GAOXIN, 0);

		make_model_unit(o, GAOXIN, "生物医药", DISTRICT);
		belt_add(gx, o);
	}
	belt_add(gx, find("E0089"));
	belt_add(gx, find("E1024"));
	for (i = 0; i < 5; i++) {
		struct org *o = spare(XINQIAO, 0);

		make_model_unit(o, XINQIAO, "新材料", DISTRICT);
		belt_add(gx, o);
	}

	belts[2].id = "street-wanghulu";
	belts[2].name = "望湖路红色街区";
	belts[2].kind = "street";
	belts[2].summary = "望湖路1.2公里街区，以街区党总支统筹联合党支部和"
			   "网格党小组，服务小微企业和个体工商户。";
	belts[3].id = "commerce-qingchuanli";
	belts[3].name = "青川里红色商圈";
	belts[3].kind = "commerce";
	belts[3].summary = "青川里步行街商圈党委联合商会，推行党员示范商户"
			   "亮牌经营和商户议事会。";
	belts[4].id = "building-binjiang-ifc";
	belts[4].name = "滨江国际金融中心楼宇党建";
	belts[4].kind = "building";
	belts[4].summary = "46层商务楼宇，楼宇党委下设6个党支部，以"
			   "“楼宇红管家”服务入驻企业。";
	belt_add(&belts[2], find("S0128"));
	belt_add(&belts[3], find("S0103"));
	belt_add(&belts[4], find("E0347"));
	for (i = 0; i < 4; i++) {
		belt_add(&belts[2], spare(WANGHU, 0));
		belt_add(&belts[3], spare(CHENGGUAN, 0));
		belt_add(&belts[4], spare(BINJIANG, 0));
	}
}

struct brand {
	const char *id;
	const char *name;
	const char *org;
	int level;
	const char *slug;
	const char *summary;
};

static struct brand brands[] = {
	{ "brand-sanlian", "“三链融合”工作法", "E0012", DISTRICT,
	  "sanlian-ronghe-gongzuofa",
	  "以党建链带动产业链、凝聚人才链，把支部建在产线上。" },
	{ "brand-lianxin", "链心同行", "E0026", CITY, "xinnengyuan-chanyelian",
	  "链主企业党委牵头新能源汽车零部件产业链党建联盟。" },
	{ "brand-zhiliang", "质量先锋", "E0058", DISTRICT, NULL,
	  "在生产和检验岗位设立党员质量先锋岗。" },
	{ "brand-jiangxin", "匠心红芯", "E0089", DISTRICT,
	  "shuangpeiyang-ruifeng",
	  "把技术骨干培养成党员，把党员培养成技术骨干。" },
	{ "brand-hongfan", "红帆领航", "E0233", DISTRICT, "zhuti-dangri-1-6-x",
	  "车轮上的主题党日，让在路上的党员司机不掉队。" },
	{ "brand-louyu", "楼宇红管家", "E0347", CITY, "louyu-hongguanjia",
	  "把党群服务和物业服务合在一起，服务楼宇入驻企业。" },
	{ "brand-jinji", "一支部一晋级", "E0415", DISTRICT,
	  "wuxing-zhibu-jinse", "对照测评短板，一个支部一份晋级方案。" },
	{ "brand-wuxin", "五心服务", "S0015", DISTRICT,
	  "dianshang-xiehui-wuxin",
	  "协会党支部以五项服务凝聚会员企业，带动新建党组织。" },
	{ "brand-xinhuo", "薪火育人", "S0042", DISTRICT,
	  "qiming-xuexiao-xinhuo", "为青年教师配备薪火导师，党建带师德。" },
	{ "brand-xinglin", "杏林先锋", "S0067", CITY, "heji-yiyuan-xinglin",
	  "民营医院党委带领党员医护进社区义诊。" },
	{ "brand-hongyi", "红驿暖心", NULL, DISTRICT, NULL,
	  "在物流园区设立暖心驿站，服务货车司机和快递员。" },
	{ "brand-fengming", "凤鸣先锋", NULL, DISTRICT, NULL,
	  "社会工作服务机构党员带头参与社区治理。" },
};

/* A score within a tier, half a point clear of its edges. */
static double
score_in(int tier)
{
	static const double lo[] = { 48, 60.5, 75.5, 90.5 };
	static const double hi[] = { 59.5, 74.5, 89.5, 98.5 };

	return lo[tier] + (double)between(0, (long)((hi[tier] - lo[tier]) * 10)) /
			  10.0;
}

static const char *const dims[] = {
	"leadership", "education", "venue", "system", "performance", "support",
	"reputation",
};
static const double dim_max[] = { 15, 15, 15, 15, 15, 10, 15 };

/* Seven dimensions summing to total (a multiple of 0.5). */
static void
put_rater(FILE *fp, const char *rater, double total)
{
	double v[7], sum = 0;
	size_t i, k;

	for (i = 0; i < 7; i++) {
		v[i] = (double)(long)(total * dim_max[i] / 100.0 * 2) / 2;
		sum += v[i];
	}
	for (k = rng_next() % 7; sum < total - 1e-9; k = (k + 1) % 7)
		if (v[k] + 0.5 <= dim_max[k]) {
			v[k] += 0.5;
			sum += 0.5;
		}
	/* Some shape: move half points from one dimension to another. */
	for (i = 0; i < 3; i++) {
		size_t a = rng_next() % 7, b = rng_next() % 7;

		if (a != b && v[a] >= 0.5 && v[b] + 0.5 <= dim_max[b]) {
			v[a] -= 0.5;
			v[b] += 0.5;
		}
	}
	fprintf(fp, "\"%s\": {", rater);
	for (i = 0; i < 7; i++)
		fprintf(fp, "%s\"%s\": %g", i ? ", " : "", dims[i], v[i]);
	fputc('}', fp);
}

/*
 * One assessment with the three raters around score: self-assessment a
 * little higher, the committee's review set so that the weighted sum
 * lands on score (to a tenth). An element of a JSON array after *first
 * (then "[" or ","), or with first NULL a line of JSON Lines.
 */
static void
put_assessment(FILE *fp, const struct org *o, const char *round, double score,
	       int *first)
{
	double self, members, committee;

	/* Rater totals in half points, as the dimensions are. */
	self = (double)(long)((score + (double)between(0, 6) / 2) * 2) / 2;
	if (self > 100)
		self = 100;
	members = (double)(long)((score + (double)between(-4, 4) / 2) * 2) / 2;
	if (members > 100)
		members = 100;
	committee = (score - 0.2 * self - 0.3 * members) / 0.5;
	committee = (double)(long)(committee * 2 + 0.5) / 2;
	if (committee > 100) {
		committee = 100;
	}
	if (!strcmp(o->id, "E0415") && !strcmp(round, "2025-05")) {
		self = 94; /* 92.70, as the case study reports */
		members = 93;
		committee = 92;
	}
	if (first) {
		fputs(*first ? "[\n" : ",\n", fp);
		*first = 0;
		fputs("  ", fp);
	}
	fputs("{\"org\": ", fp);
	put_str(fp, o->id);
	fprintf(fp, ", \"round\": \"%s\", \"scores\": {", round);
	put_rater(fp, "self", self);
	fputs(", ", fp);
	put_rater(fp, "members", members);
	fputs(", ", fp);
	put_rater(fp, "committee", committee);
	fputs("}}", fp);
	if (!first)
		fputc('\n', fp);
}

static int
merit_cmp(const void *pa, const void *pb)
{
	const struct org *a = *(const struct org *const *)pa;
	const struct org *b = *(const struct org *const *)pb;

	if (a->merit != b->merit)
		return a->merit > b->merit ? -1 : 1;
	return strcmp(a->id, b->id);
}

/*
 * About 180 organisations assessed: every committee and general branch,
 * the demonstration sites and brand owners, then branches. Tiers follow
 * the case studies: 24 gold and 4 weak in May, 24 gold and 3 weak in
 * November, some moving up and down between them.
 */
static void
assess(const char *dir)
{
	static const char *const gold_ids[] = {
		"E0012", "E0026", "E0058", "E0233", "E0347", "E0415", "S0042",
		"S0067",
	};
	struct org **cand = xcalloc(norgs, sizeof(*cand));
	size_t n = 0, i, k;
	FILE *fp;
	int first = 1, gold05 = 0, gold11 = 0;

	for (i = 0; i < norgs; i++) {
		struct org *o = &orgs[i];

		if (o->form != SINGLE)
			continue;
		o->merit = rnd() + (double)o->members / 200.0 +
			   (o->demo ? 1.0 + (3 - o->demo) * 0.3 : 0) +
			   (o->brand ? 0.8 : 0);
		for (k = 0; k < NELEM(gold_ids); k++)
			if (!strcmp(o->id, gold_ids[k]))
				o->merit += 10;
		/* 9 of the 18 gaoxin belt sites were gold in May */
		for (k = 0; k < belts[1].npoints; k++)
			if (!strcmp(o->id, belts[1].points[k]))
				o->merit += k < 9 ? 5 : -3;
		if (o->level != BRANCH || o->demo || o->brand || chance(0.12))
			cand[n++] = o;
	}
	qsort(cand, n, sizeof(*cand), merit_cmp);
	if (n > 180)
		n = 180;
	if (n < 170)
		die("only %zu organisations to assess", n);
	for (i = 0; i < n; i++) {
		struct org *o = cand[i];
		int t;

		o->assessed = 1;
		if (i < 24)
			t = 3;
		else if (i < 95)
			t = 2;
		else if (i < n - 4)
			t = 1;
		else
			t = 0;
		o->tier05 = o->tier11 = t;
	}
	/* Movements between May and November. */
	cand[22]->tier11 = 2;              /* two golds slip to silver */
	cand[23]->tier11 = 2;
	cand[24]->tier11 = 3;              /* two silvers become gold */
	cand[25]->tier11 = 3;
	for (i = 40; i < 46; i++)
		cand[i]->tier11 = 1;       /* silver to bronze */
	for (i = 100; i < 108; i++)
		cand[i]->tier11 = 2;       /* bronze to silver */
	cand[n - 4]->tier11 = 1;           /* two of the weak rectified */
	cand[n - 3]->tier11 = 1;
	cand[n - 10]->tier11 = 0;          /* one bronze falls back */
	for (i = n - 20; i < n - 14; i++)
		cand[i]->tier05 = -1;      /* new in November */
	for (i = 150; i < 154; i++)
		cand[i]->tier11 = -1;      /* not assessed again */

	fp = open_out(dir, "assessments.json");
	for (i = 0; i < n; i++) {
		struct org *o = cand[i];

		if (o->tier05 >= 0) {
			double s = score_in(o->tier05);

			if (!strcmp(o->id, "E0415"))
				s = 92.7;
			put_assessment(fp, o, "2025-05", s, &first);
			gold05 += o->tier05 == 3;
		}
	}
	for (i = 0; i < n; i++) {
		struct org *o = cand[i];

		if (o->tier11 >= 0) {
			double s = score_in(o->tier11);

			if (!strcmp(o->id, "E0415"))
				s = 93.4;
			put_assessment(fp, o, "2025-11", s, &first);
			gold11 += o->tier11 == 3;
		}
	}
	fputs(first ? "[]\n" : "\n]\n", fp);
	close_out(fp);
	if (gold05 != 24 || gold11 != 24)
		die("gold %d/%d, not 24", gold05, gold11);
	free(cand);
}

/* Group the joint units of each region into organisations of 2 to 5. */
static void
group_joints(void)
{
	long next = 0;
	int r;

	for (r = 0; r < NREGIONS; r++) {
		long left = 0, cur = 0;
		int big = r == BEIGUAN || r == SHIMEN; /* one group of 6 each */
		size_t i;

		for (i = 0; i < norgs; i++) {
			struct org *o = &orgs[i];

			if (o->region != r || o->form != JOINT || o->joint_id)
				continue;
			if (!left) {
				left = big ? 6 : between(2, 5);
				big = 0;
				cur = ++next;
			}
			left--;
			o->joint_id = xprintf("J%04ld", cur);
		}
	}
}

/*
 * The start-up park of 新桥镇 in the case study: 48 units, 4 with their
 * own branch, 15 in 4 joint branches, 2 attached, 27 with an instructor.
 */
static void
startup_park(void)
{
	static const int sizes[] = { 4, 4, 4, 3 };
	int i, g = 0, left = sizes[0];

	for (i = 0; i < 48; i++) {
		char *id = xprintf("E%04d", 1025 + i);
		struct org *o = find(id);

		free(id);
		free(o->joint_id);
		o->joint_id = NULL;
		free(o->since);
		o->since = NULL;
		o->region = XINQIAO;
		o->industry = i % 3 ? "智能装备制造" : "新材料";
		o->staff = between(8, 60);
		o->above = 0;
		o->instructor = 0;
		o->level = LV_NONE;
		o->fixed = 1;
		if (i < 4) {
			o->members = between(3, 5);
			o->form = SINGLE;
			o->level = BRANCH;
			o->since = random_date(2023, 2024);
		} else if (i < 19) {
			o->members = between(1, 2);
			o->form = JOINT;
			o->level = BRANCH;
			o->joint_id = xprintf("J-XQ-%d", g + 1);
			o->since = xprintf("2023-%02d-%02d", 4 + g, 10 + g);
			if (!--left && g < 3)
				left = sizes[++g];
		} else if (i < 21) {
			o->members = between(1, 2);
			o->form = ATTACHED;
		} else {
			o->members = 0;
			o->staff = between(5, 45);
			o->form = NONE;
			o->instructor = 1;
		}
	}
}

/*
 * Units without members marked 挂靠 would count as covered: say so, for
 * whoever changes the drawing above (the example has none).
 */
static void
check_attached(void)
{
	size_t i, n = 0;

	for (i = 0; i < norgs; i++)
		if (orgs[i].form == ATTACHED && orgs[i].members == 0 &&
		    n++ < 5)
			fprintf(stderr, "gendata: warning: %s has no members but "
				"is attached (挂靠) to another organisation\n",
				orgs[i].id);
	if (n > 5)
		fprintf(stderr, "gendata: warning: %zu units without members "
			"are attached in all\n", n);
}

static void
write_orgs(const char *dir)
{
	FILE *fp = open_out(dir, "organizations.jsonl");
	size_t i;

	check_attached();
	for (i = 0; i < norgs; i++)
		put_org(fp, &orgs[i]);
	close_out(fp);
}

static void
write_belts(const char *dir)
{
	FILE *fp = open_out(dir, "belts.json");
	size_t i, k;

	fputs("[\n", fp);
	for (i = 0; i < NELEM(belts); i++) {
		const struct belt *b = &belts[i];

		fputs("  {\"id\": ", fp);
		put_str(fp, b->id);
		fputs(", \"name\": ", fp);
		put_str(fp, b->name);
		fprintf(fp, ", \"kind\": \"%s\",\n   \"points\": [", b->kind);
		for (k = 0; k < b->npoints; k++) {
			fputs(k ? ", " : "", fp);
			put_str(fp, b->points[k]);
		}
		fputs("],\n   \"summary\": ", fp);
		put_str(fp, b->summary);
		fputs(i + 1 < NELEM(belts) ? "},\n" : "}\n", fp);
	}
	fputs("]\n", fp);
	close_out(fp);
}

static void
write_brands(const char *dir)
{
	FILE *fp = open_out(dir, "brands.json");
	size_t i;

	fputs("[\n", fp);
	for (i = 0; i < NELEM(brands); i++) {
		const struct brand *b = &brands[i];

		fputs("  {\"id\": ", fp);
		put_str(fp, b->id);
		fputs(", \"name\": ", fp);
		put_str(fp, b->name);
		fputs(", \"org\": ", fp);
		put_str(fp, b->org);
		fprintf(fp, ", \"level\": \"%s\"", demo_names[b->level]);
		if (b->slug) {
			fputs(", \"case\": ", fp);
			put_str(fp, b->slug);
		}
		fputs(",\n   \"summary\": ", fp);
		put_str(fp, b->summary);
		fputs(i + 1 < NELEM(brands) ? "},\n" : "}\n", fp);
	}
	fputs("]\n", fp);
	close_out(fp);
}

static void
make_brands(void)
{
	size_t i;
	struct org *o;

	/* The two brands without a case get owners in other regions. */
	o = spare(BEIGUAN, 0);
	make_model_unit(o, BEIGUAN, "现代物流", DISTRICT);
	brands[10].org = o->id;
	o = spare(FENGQI, 1);
	make_model_unit(o, FENGQI, "社会服务", DISTRICT);
	brands[11].org = o->id;
	for (i = 0; i < NELEM(brands); i++)
		find(brands[i].org)->brand = brands[i].id;
}

/* Other demonstration sites, to 3 province, 12 city and 33+ district. */
static void
more_demo_sites(void)
{
	static const int regions_more[] = { DONGMEN, FENGQI, SHIMEN, YUNTAI,
					    BEIGUAN, CHENGGUAN, XINQIAO };
	size_t i;
	int count[4] = { 0, 0, 0, 0 };

	for (i = 0; i < norgs; i++)
		count[orgs[i].demo]++;
	for (i = 0; count[PROVINCE] < 3 || count[CITY] < 12; i++) {
		struct org *o = spare(regions_more[i % NELEM(regions_more)],
				      i % 4 == 3);
		int lv = count[PROVINCE] < 3 ? PROVINCE : CITY;

		make_model_unit(o, o->region, NULL, lv);
		count[lv]++;
	}
}

struct indicator {
	const char *key;
	const char *label;
	const char *unit;
	long value[5];   /* 2021..2025; -1: no record that year */
	long target[5];  /* -1: no target */
};

static long
count_if(int (*pred)(const struct org *))
{
	long n = 0;
	size_t i;

	for (i = 0; i < norgs; i++)
		n += pred(&orgs[i]);
	return n;
}

static int
is_single(const struct org *o)
{
	return o->form == SINGLE;
}

static int
is_demo(const struct org *o)
{
	return o->demo != DEMO_NONE;
}

static long
joint_orgs(void)
{
	long max = 0;
	size_t i;

	/* "J%04ld" ids count up from 1; the park's four are extra. */
	for (i = 0; i < norgs; i++)
		if (orgs[i].joint_id && orgs[i].joint_id[1] != '-') {
			long v = strtol(orgs[i].joint_id + 1, NULL, 10);

			if (v > max)
				max = v;
		}
	return max + 4;
}

/*
 * Seed 000: each committee (one per region) is handed its targets for the
 * year and checked at mid-year and at year end. Party organisations
 * (single units and the joint organisations grouped within the region)
 * and new mass organisations (102 in the district), 2025, for the ten
 * regions; the district's own mid-year figures too. No random draws, so
 * the exports written after this one keep their bytes: every third
 * region, from the second, misses a target.
 */
static void
committee_targets(FILE *fp)
{
	static const int mass_share[NREGIONS] = { 16, 11, 15, 10, 12, 8, 10,
						  8, 7, 5 };
	long party[NREGIONS] = { 0 }, h1_party = 0, h1_party_t = 0;
	long h1_mass = 0, h1_mass_t = 0;
	char *seen;
	size_t i;
	int r, park = 0;

	/* Each joint organisation once, in the region of its units. */
	seen = xcalloc(norgs + 1, 1);
	for (i = 0; i < norgs; i++) {
		const struct org *o = &orgs[i];

		if (o->form == SINGLE) {
			party[o->region]++;
		} else if (o->joint_id && o->joint_id[1] != '-') {
			long v = strtol(o->joint_id + 1, NULL, 10);

			if (v > 0 && (size_t)v <= norgs && !seen[v]) {
				seen[v] = 1;
				party[o->region]++;
			}
		} else if (o->joint_id && !park) {
			park = 1;
			party[o->region] += 4; /* the park's four branches */
		}
	}
	free(seen);
	for (r = 0; r < NREGIONS; r++) {
		int miss = r % 3 == 1;
		long pt = miss ? party[r] + 3 : party[r] / 5 * 5;
		long mass = mass_share[r], mt = miss ? mass + 2 : mass - 1;
		long ph1 = party[r] - 2 - r % 3, pth1 = pt - 4;
		long mh1 = mass * 45 / 100, mth1 = mt / 2;
		const char *name = regions[r].name;

		fprintf(fp, ",\n  {\"period\": \"2025-H1\", \"region\": \"%s\", "
			"\"indicator\": \"party_orgs\", \"value\": %ld, "
			"\"target\": %ld, \"label\": \"党组织数\", \"unit\": \"个\"}",
			name, ph1, pth1);
		fprintf(fp, ",\n  {\"period\": \"2025-H1\", \"region\": \"%s\", "
			"\"indicator\": \"mass_orgs_new\", \"value\": %ld, "
			"\"target\": %ld, \"label\": \"新建群团组织\", "
			"\"unit\": \"个\"}", name, mh1, mth1);
		fprintf(fp, ",\n  {\"year\": 2025, \"region\": \"%s\", "
			"\"indicator\": \"party_orgs\", \"value\": %ld, "
			"\"target\": %ld, \"label\": \"党组织数\", \"unit\": \"个\"}",
			name, party[r], pt);
		fprintf(fp, ",\n  {\"year\": 2025, \"region\": \"%s\", "
			"\"indicator\": \"mass_orgs_new\", \"value\": %ld, "
			"\"target\": %ld, \"label\": \"新建群团组织\", "
			"\"unit\": \"个\"}", name, mass, mt);
		h1_party += ph1;
		h1_party_t += pth1;
		h1_mass += mh1;
		h1_mass_t += mth1;
	}
	fprintf(fp, ",\n  {\"period\": \"2025-H1\", \"indicator\": "
		"\"party_orgs\", \"value\": %ld, \"target\": %ld, "
		"\"label\": \"党组织数\", \"unit\": \"个\"}", h1_party, h1_party_t);
	fprintf(fp, ",\n  {\"period\": \"2025-H1\", \"indicator\": "
		"\"mass_orgs_new\", \"value\": %ld, \"target\": %ld, "
		"\"label\": \"新建群团组织\", \"unit\": \"个\"}", h1_mass,
		h1_mass_t);
}

static void
write_indicators(const char *dir)
{
	long party = count_if(is_single) + joint_orgs();
	long demo = count_if(is_demo);
	struct indicator inds[] = {
		{ "party_orgs", "党组织数", "个",
		  { party - 96, party - 71, party - 45, party - 19, party },
		  { party - 100, party - 70, party - 40, party - 15,
		    (party / 10 + 1) * 10 } },
		{ "enterprises_registered", "登记非公企业", "家",
		  { 11820, 12640, 13350, 14050, NENTERPRISES },
		  { -1, -1, -1, -1, -1 } },
		{ "social_registered", "登记社会组织", "个",
		  { 268, 281, 294, 302, NSOCIAL }, { -1, -1, -1, -1, -1 } },
		{ "mass_orgs_new", "新建群团组织", "个", { 41, 52, 64, 85, 102 },
		  { 40, 50, 60, 80, 100 } },
		{ "instructors", "党建工作指导员", "名",
		  { 98, 112, 125, 138, 146 }, { 100, 110, 130, 140, 150 } },
		{ "red_collar_reviewed", "双强红领累计评审", "人",
		  { -1, -1, -1, 168, 307 }, { -1, -1, -1, 150, 300 } },
		{ "red_collar_certified", "双强红领累计认证", "人",
		  { -1, -1, -1, 17, 32 }, { -1, -1, -1, 15, 30 } },
		{ "apprentices", "新型学徒制培训", "人", { -1, -1, 120, 158, 186 },
		  { -1, -1, 100, 150, 180 } },
		{ "talent_pool", "党务人才库", "人", { -1, 210, 256, 298, 322 },
		  { -1, 200, 250, 300, 320 } },
		{ "demo_sites", "示范点", "个",
		  { demo - 25, demo - 17, demo - 10, demo - 5, demo },
		  { demo - 25, demo - 15, demo - 10, demo - 5, 45 } },
		{ "brands", "党建品牌", "个", { -1, 4, 7, 10, NELEM(brands) },
		  { -1, 4, 6, 10, 12 } },
	};
	FILE *fp = open_out(dir, "indicators.json");
	size_t i;
	int y, first = 1;

	for (i = 0; i < NELEM(inds); i++)
		for (y = 0; y < 5; y++) {
			if (inds[i].value[y] < 0)
				continue;
			fputs(first ? "[\n" : ",\n", fp);
			first = 0;
			fprintf(fp, "  {\"year\": %d, \"indicator\": \"%s\", "
				"\"value\": %ld", 2021 + y, inds[i].key,
				inds[i].value[y]);
			if (inds[i].target[y] >= 0)
				fprintf(fp, ", \"target\": %ld",
					inds[i].target[y]);
			fprintf(fp, ", \"label\": \"%s\", \"unit\": \"%s\"}",
				inds[i].label, inds[i].unit);
		}
	committee_targets(fp);
	fputs("\n]\n", fp);
	close_out(fp);
}

/* ---- venues and honours ------------------------------------------------- */

/*
 * Seed 004's scale: four hub centres (枢纽式), a handful of Party-service
 * centres in parks and towers, and some 180 venues in all; seed 003's 六有
 * standard, met by every hub, most centres and about half of the rest.
 * Drawn after every other export is written, so that those stay the same.
 */
static const char *const six_keys[] = {
	"place", "facilities", "sign", "flag", "books", "rules",
};

static void
put_venue(FILE *fp, int first, const char *id, const char *name,
	  const char *kind, int region, const double p[6],
	  struct org **served, size_t nserved)
{
	size_t k;

	fputs(first ? "[\n" : ",\n", fp);
	fputs("  {\"id\": ", fp);
	put_str(fp, id);
	fputs(", \"name\": ", fp);
	put_str(fp, name);
	fprintf(fp, ", \"kind\": \"%s\", \"region\": ", kind);
	put_str(fp, regions[region].name);
	fputs(",\n   \"six\": {", fp);
	for (k = 0; k < 6; k++)
		fprintf(fp, "%s\"%s\": %s", k ? ", " : "", six_keys[k],
			chance(p[k]) ? "true" : "false");
	fputs("},\n   \"orgs\": [", fp);
	for (k = 0; k < nserved; k++) {
		fputs(k ? ", " : "", fp);
		put_str(fp, served[k]->id);
	}
	fputs("]}", fp);
}

/* Up to n distinct units of region r (covered ones when covered). */
static size_t
pick_units(int r, int covered, struct org **out, size_t n)
{
	size_t got = 0, tries = 0, k;

	while (got < n && tries++ < 100000) {
		struct org *o = &orgs[rng_next() % norgs];
		int dup = 0;

		if (o->region != r || (covered && o->form == NONE))
			continue;
		for (k = 0; k < got; k++)
			dup |= out[k] == o;
		if (!dup)
			out[got++] = o;
	}
	return got;
}

static void
write_venues(const char *dir)
{
	static const int hubs[] = { GAOXIN, BINJIANG, CHENGGUAN, DONGMEN };
	static const struct { int region; const char *place; } centres[] = {
		{ GAOXIN, "软件园" }, { XINQIAO, "新桥创业园" },
		{ BINJIANG, "滨江国际金融中心" }, { WANGHU, "望湖路商圈" },
		{ CHENGGUAN, "青川里商圈" }, { YUNTAI, "云台物流园" },
		{ DONGMEN, "东门商务楼宇" }, { BEIGUAN, "北关产业园" },
	};
	static const double all[6] = { 1, 1, 1, 1, 1, 1 };
	static const double centre_p[6] = { 1, .95, .95, 1, .9, .95 };
	static const double room_p[6] = { 1, .9, .88, .95, .85, .9 };
	FILE *fp = open_out(dir, "venues.json");
	struct org *served[48];
	size_t i, n;
	int first = 1, k = 0;
	char *id, *name;

	for (i = 0; i < NELEM(hubs); i++, first = 0) {
		n = pick_units(hubs[i], 0, served, (size_t)between(30, 48));
		id = xprintf("V%03d", ++k);
		name = xprintf("%s党群服务中心", regions[hubs[i]].name);
		put_venue(fp, first, id, name, "hub", hubs[i], all, served, n);
		free(id);
		free(name);
	}
	for (i = 0; i < NELEM(centres); i++) {
		n = pick_units(centres[i].region, 0, served,
			       (size_t)between(8, 20));
		id = xprintf("V%03d", ++k);
		name = xprintf("%s党群服务中心", centres[i].place);
		put_venue(fp, 0, id, name, "center", centres[i].region,
			  centre_p, served, n);
		free(id);
		free(name);
	}
	/* Activity rooms of single organisations, in every region. */
	while (k < 180) {
		struct org *o = &orgs[rng_next() % norgs];

		if (o->form != SINGLE || o->room)
			continue;
		o->room = 1;
		served[0] = o;
		n = 1 + pick_units(o->region, 1, served + 1,
				   (size_t)between(0, 2));
		id = xprintf("V%03d", ++k);
		name = xprintf("%s党员活动室", o->name);
		put_venue(fp, 0, id, name, "activity", o->region, room_p,
			  served, n);
		free(id);
		free(name);
	}
	fputs("\n]\n", fp);
	close_out(fp);
}

/* 五星支部 for gold organisations, 标杆式党支部 for a few of the best. */
static void
write_honours(const char *dir)
{
	FILE *fp = open_out(dir, "honours.json");
	size_t i;
	int first = 1, bench = 0;

	for (i = 0; i < norgs; i++) {
		const struct org *o = &orgs[i];
		int y;

		if (o->tier05 != 3 && o->tier11 != 3)
			continue;
		for (y = 2024; y <= 2025; y++) {
			if (y == 2024 && !chance(0.7))
				continue;
			fputs(first ? "[\n" : ",\n", fp);
			first = 0;
			fputs("  {\"org\": ", fp);
			put_str(fp, o->id);
			fprintf(fp, ", \"honour\": \"five_star\", \"year\": %d}",
				y);
		}
		if (bench < 10 && chance(0.4)) {
			fputs(",\n  {\"org\": ", fp);
			put_str(fp, o->id);
			fprintf(fp, ", \"honour\": \"benchmark\", \"year\": %d, "
				"\"level\": \"city\"}", 2024 + bench % 2);
			bench++;
		}
	}
	fputs(first ? "[]\n" : "\n]\n", fp);
	close_out(fp);
}

static void
example(const char *dir)
{
	size_t i, e = 0, s = 0;
	int r;

	norgs = NENTERPRISES + NSOCIAL;
	orgs = xcalloc(norgs, sizeof(*orgs));
	/* Enterprises E0001..., then social organisations S0001... */
	for (r = 0; r < NREGIONS; r++) {
		const struct region *rg = &regions[r];
		int k;

		for (k = 0; k < rg->enterprises; k++) {
			struct org *o = &orgs[e];

			o->id = xprintf("E%04zu", ++e);
			o->region = r;
			o->industry = rg->industries[rng_next() % rg->nind];
		}
		for (k = 0; k < rg->social; k++) {
			struct org *o = &orgs[NENTERPRISES + s];

			o->id = xprintf("S%04zu", ++s);
			o->region = r;
			o->social = 1;
			o->industry = PICK(ind_social);
		}
	}
	/* Ids in region blocks would say too much: shuffle the regions. */
	for (i = norgs - 1; i > 0; i--) {
		size_t j = rng_next() % (i + 1);
		int same = orgs[i].social == orgs[j].social, tr;
		const char *ti;

		if (!same)
			continue;
		tr = orgs[i].region;
		ti = orgs[i].industry;
		orgs[i].region = orgs[j].region;
		orgs[i].industry = orgs[j].industry;
		orgs[j].region = tr;
		orgs[j].industry = ti;
	}
	for (i = 0; i < norgs; i++) {
		struct org *o = &orgs[i];

		draw_unit(o);
		o->contact = person();
		o->phone = phone();
	}
	for (i = 0; i < NELEM(fixed); i++)
		apply_fixed(&fixed[i]);
	startup_park();
	make_belts();
	make_brands();
	more_demo_sites();
	/* Names last, so that fixed names are reserved first. */
	for (i = 0; i < norgs; i++)
		if (orgs[i].name)
			name_taken(orgs[i].name);
	for (i = 0; i < norgs; i++)
		if (!orgs[i].name)
			orgs[i].name = unit_name(orgs[i].industry,
						 orgs[i].social, 1);
	group_joints();
	assess(dir);
	write_orgs(dir);
	write_belts(dir);
	write_brands(dir);
	write_indicators(dir);
	write_venues(dir);
	write_honours(dir);
	for (i = 0; i < norgs; i++)
		free_org(&orgs[i]);
	free(orgs);
	free(names_tab);
}

static void
usage(void)
{
	fputs("usage: gendata DIR\n       gendata --orgs N DIR\n", stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct stat st;
	const char *dir;
	long n = -1;

	if (argc == 4 && !strcmp(argv[1], "--orgs")) {
		char *end;

		n = strtol(argv[2], &end, 10);
		if (*end || n < 0)
			usage();
		dir = argv[3];
	} else if (argc == 2 && argv[1][0] != '-') {
		dir = argv[1];
	} else {
		usage();
	}
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		die("%s is not a folder", dir);
	rng_seed(n < 0 ? 2025 : (uint64_t)n);
	if (n >= 0)
		bench(dir, n);
	else
		example(dir);
	return 0;
}
