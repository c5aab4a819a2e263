/*
 * gensite: write a deterministic synthetic showcase site for `make bench`.
 *
 *     gensite OUTDIR [COUNT]
 *
 * OUTDIR receives site.json, content/pages/about.md and COUNT (default
 * 10000) case studies content/cases/case-00001.md ...  Each case is 3 to
 * 6 KB of Simplified Chinese assembled from a fixed vocabulary with a
 * fixed-seed xorshift64* generator: the same COUNT gives the same bytes on
 * every run and every machine (no locale, no clock, no libc rand()).
 *
 * Build: cc -std=c11 -O2 -Wall -Wextra -Werror -o gensite tools/gensite.c
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

/* Whole-file size bounds (bytes, front matter included). */
#define CASE_MIN 3072
#define CASE_MAX 6144

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
	rng = splitmix64(s ^ 0x5348574341534531ULL); /* "SHWCASE1" */
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

/* Uniform in [lo, hi]; the modulo bias is irrelevant here. */
static int
rnd(int lo, int hi)
{
	return lo + (int)((rng_next() >> 11) % (uint64_t)(hi - lo + 1));
}

/* True with probability pct/100. */
static int
chance(int pct)
{
	return rnd(0, 99) < pct;
}

#define PICK(a) ((a)[rnd(0, (int)NELEM(a) - 1)])

/* ---- growable buffer ----------------------------------------------------- */

struct buf {
	char *p;
	size_t len, cap;
};

static void
die(const char *what)
{
	fprintf(stderr, "gensite: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void
buf_grow(struct buf *b, size_t need)
{
	if (b->len + need + 1 <= b->cap)
		return;
	while (b->len + need + 1 > b->cap)
		b->cap = b->cap ? b->cap * 2 : 8192;
	b->p = realloc(b->p, b->cap);
	if (!b->p)
		die("realloc");
}

static void
buf_puts(struct buf *b, const char *s)
{
	size_t n = strlen(s);

	buf_grow(b, n);
	memcpy(b->p + b->len, s, n + 1);
	b->len += n;
}

static void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("vsnprintf");
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static void
buf_append(struct buf *b, const struct buf *src)
{
	buf_grow(b, src->len);
	memcpy(b->p + b->len, src->p, src->len);
	b->len += src->len;
	b->p[b->len] = '\0';
}

static void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

/* ---- vocabulary ---------------------------------------------------------- */

static const char *const regions[] = {
	"云溪街道", "青枫镇", "鹭湖新区", "梅岭街道", "金沙湾区", "柳塘镇",
	"星河街道", "石桥镇", "翠屏新区", "望川街道", "东篱镇", "南浦街道",
};

static const char *const tags[] = {
	"党建品牌", "示范带", "示范点", "红色街区", "红色商圈", "楼宇党建",
	"园区党建", "行业党委", "产业链党建", "红领学堂", "党建指导员",
	"联合党支部", "双强六好", "双培养", "三联融合", "主题党日",
	"党员先锋岗", "党群服务中心", "社会组织", "非公企业", "商会党建",
	"协会党建", "互联网企业", "物流快递", "新就业群体", "民办学校",
	"民办医院", "律师行业", "会计行业", "组织覆盖", "工作覆盖",
	"党建入章", "基层治理", "乡村振兴", "人才培养", "志愿服务",
	"共建共享", "数字党建", "红色物业", "廉洁文化",
};

static const char *const orgs[] = {
	"数字产业园联合党委", "商务楼宇党总支", "步行街商圈党委",
	"物流行业党委", "律师行业党委", "民办教育行业党委", "科技企业党支部",
	"电商协会党支部", "民营医院党总支", "新材料产业链党委",
	"社会组织综合党委", "快递行业联合党支部", "会计师事务所联合党支部",
	"餐饮商会党支部", "文创园区党委", "建筑企业党委",
};

static const char *const brand_a[] = {
	"红芯", "先锋", "聚力", "同心", "领航", "星火", "红帆", "初心",
	"凝心", "向阳", "红链", "筑梦",
};

static const char *const brand_b[] = {
	"引擎", "驿站", "工程", "联盟", "课堂", "家园", "港湾", "方阵",
	"工作室", "服务站",
};

static const char *const title_tails[] = {
	"激活发展新动能", "打通服务最后一公里", "把支部建在产业链上",
	"让党建工作看得见摸得着", "推动党建与业务深度融合",
	"凝聚新就业群体向心力", "织密组织覆盖网络", "以高质量党建引领高质量发展",
	"探索两新组织党建新路径", "打造红色服务新阵地",
};

static const char *const subjects[] = {
	"园区联合党委", "企业党支部", "商圈党委", "行业协会党组织", "楼宇党总支",
	"社会组织综合党委", "党建指导员", "党员骨干", "街道两新工委",
	"示范点党组织", "联合党支部书记", "区委两新工委", "行业党委班子",
	"党群服务中心", "企业出资人",
};

static const char *const adverbs[] = {
	"坚持", "始终", "持续", "着力", "积极", "认真", "主动", "扎实",
	"不断", "深入",
};

static const char *const actions[] = {
	"推动党建工作与生产经营深度融合",
	"把党的组织和工作覆盖延伸到最基层",
	"建立健全“三会一课”和主题党日制度",
	"开展“双强六好”党组织创建活动",
	"把业务骨干培养成党员、把党员培养成业务骨干",
	"整合楼宇、商圈和园区的党建资源",
	"搭建党员教育、人才服务和志愿服务平台",
	"推行党员先锋岗、责任区和承诺践诺",
	"组织党员亮身份、亮承诺、亮服务",
	"围绕企业发展难题开展党员攻关",
	"把党建工作要求写入企业章程",
	"结对帮扶周边社区和困难群众",
	"建立党组织与管理层双向进入、交叉任职机制",
	"用好红领学堂开展分层分类培训",
	"推进党建指导员常态化驻点服务",
	"把新就业群体纳入党群服务体系",
	"以党建带工建、带团建、带妇建",
	"完善党组织参与企业重大事项决策的工作机制",
};

static const char *const tails[] = {
	"", "", "", "，取得了明显成效", "，形成了可复制可推广的经验",
	"，受到职工群众普遍好评", "，党组织的凝聚力和影响力不断增强",
	"，为企业健康发展注入了红色动能", "，实现了党建与发展的同频共振",
	"，基层党组织的战斗堡垒作用更加凸显",
};

static const char *const openers[] = {
	"近年来，", "2023年以来，", "在区委两新工委指导下，", "针对这一问题，",
	"从实际出发，", "按照“以点带面”的思路，", "为破解党员“隐身”难题，",
	"在推进过程中，", "与此同时，", "", "", "",
};

static const char *const ends[] = { "。", "。", "。", "。", "。", "。", "。", "！" };

static const char *const h2s[] = {
	"基本情况", "背景与起因", "主要做法", "创新举措", "工作成效",
	"经验启示", "下一步打算", "典型经验", "存在的问题", "群众评价",
};

static const char *const h3s[] = {
	"强化组织覆盖", "建强骨干队伍", "完善制度机制", "搭建服务平台",
	"深化共建共享", "丰富活动载体", "推动融合发展", "加强阵地建设",
	"创新教育方式", "健全考核激励",
};

static const char *const list_items[] = {
	"每月固定开展一次主题党日活动",
	"设立党员先锋岗和党员责任区",
	"建立党员联系职工群众制度",
	"开展“红领学堂”集中培训",
	"组织党员志愿者走进社区服务",
	"推行党建工作季度例会和年度述职",
	"建立入党积极分子培养台账",
	"与周边社区党组织开展结对共建",
	"设立职工诉求收集和办理机制",
	"把党建工作纳入企业年度考核",
	"开放党群服务站供新就业群体歇脚",
	"每季度评选一次“先锋党员”",
};

static const char *const table_items[] = {
	"组织覆盖", "阵地建设", "队伍建设", "教育培训", "志愿服务",
	"结对共建", "人才培养", "制度建设",
};

static const char *const table_units[] = {
	"园区联合党委", "街道两新工委", "行业党委", "企业党支部",
	"党群服务中心", "区委两新工委",
};

static const char *const url_paths[] = {
	"cases", "brands", "belts", "notices", "training", "data",
};

static const char *const url_after[] = {
	"查看完整资料，", "下载相关文件。", "了解更多情况，",
	"在线浏览展厅，", "。该页面汇总了历年材料。",
};

/* ---- text ---------------------------------------------------------------- */

/* One Chinese sentence, ending punctuation included. */
static void
sentence(struct buf *b)
{
	switch (rnd(0, 5)) {
	case 0:
		buf_printf(b, "全年共开展主题党日活动%d次，参与党员%d人次%s",
			   rnd(8, 48), rnd(60, 900), PICK(ends));
		break;
	case 1:
		buf_printf(b, "%d年以来，累计培养入党积极分子%d名，发展党员%d名，"
			   "其中生产经营一线占%d%%。", rnd(2018, 2022),
			   rnd(5, 60), rnd(2, 30), rnd(40, 90));
		break;
	case 2:
		buf_printf(b, "%s每月组织%d~%d次志愿服务，惠及群众%d余人%s",
			   PICK(subjects), rnd(1, 3), rnd(4, 8),
			   rnd(2, 90) * 100, PICK(ends));
		break;
	default:
		buf_printf(b, "%s%s%s%s%s%s", PICK(openers), PICK(subjects),
			   PICK(adverbs), PICK(actions), PICK(tails), PICK(ends));
		break;
	}
}

static void
paragraph(struct buf *b, int lo, int hi)
{
	int i, n = rnd(lo, hi);

	for (i = 0; i < n; i++)
		sentence(b);
	buf_puts(b, "\n\n");
}

/* A paragraph with a bare URL followed directly by Chinese text. */
static void
url_paragraph(struct buf *b, int idx)
{
	sentence(b);
	buf_printf(b, "详情可访问 https://dj.example.org/%s/%d/%05d%s",
		   PICK(url_paths), rnd(2021, 2025), idx, PICK(url_after));
	sentence(b);
	buf_puts(b, "\n\n");
}

static void
list_block(struct buf *b)
{
	int i, n = rnd(3, 6), ordered = chance(40), start = rnd(0, 11);

	for (i = 0; i < n; i++) {
		const char *item = list_items[(start + i * 5) % NELEM(list_items)];

		if (ordered)
			buf_printf(b, "%d. %s；\n", i + 1, item);
		else
			buf_printf(b, "- %s；\n", item);
	}
	buf_puts(b, "\n");
}

static void
table_block(struct buf *b)
{
	int i, y0;

	if (chance(50)) {
		y0 = rnd(2019, 2021);
		buf_puts(b, "| 年度 | 党员人数 | 活动次数 | 服务人次 | 覆盖率 |\n"
			    "|---|---:|---:|---:|---:|\n");
		for (i = 0; i < rnd(3, 5); i++)
			buf_printf(b, "| %d年 | %d | %d | %d | %d.%d%% |\n",
				   y0 + i, rnd(12, 400), rnd(10, 80),
				   rnd(300, 9000), rnd(60, 99), rnd(0, 9));
	} else {
		int start = rnd(0, 7);

		buf_puts(b, "| 项目 | 主要内容 | 责任单位 | 完成时限 |\n"
			    "|---|---|---|---|\n");
		for (i = 0; i < rnd(3, 5); i++)
			buf_printf(b, "| %s | %s | %s | %d月底前 |\n",
				   table_items[(start + i) % NELEM(table_items)],
				   list_items[(start + i * 3) % NELEM(list_items)],
				   PICK(table_units), rnd(1, 12));
	}
	buf_puts(b, "\n");
}

/* ---- one case ------------------------------------------------------------ */

static void
day_to_date(int day, int *y, int *m, int *d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int yy = 2021, mm = 0, len, leap;

	for (;;) {
		leap = yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0);
		len = leap ? 366 : 365;
		if (day < len)
			break;
		day -= len;
		yy++;
	}
	for (;;) {
		len = mdays[mm] + (mm == 1 && leap);
		if (day < len)
			break;
		day -= len;
		mm++;
	}
	*y = yy;
	*m = mm + 1;
	*d = day + 1;
}

#define MAX_SECT 8

struct sect {
	int level;          /* 2 or 3 */
	const char *title;
	struct buf body;
};

static void
gen_case(struct buf *out, int idx)
{
	static struct sect sects[MAX_SECT];
	struct buf intro = { 0 };
	int nsect, i, y, m, d, ntag, picked[4], toc, has_table, has_url;
	int target;
	size_t total;

	rng_seed((uint64_t)idx);
	buf_reset(out);

	/* Front matter. */
	buf_puts(out, "---\n");
	buf_printf(out, "title: %s%s：以“%s%s”%s\n", PICK(regions), PICK(orgs),
		   PICK(brand_a), PICK(brand_b), PICK(title_tails));
	day_to_date(rnd(0, 365 * 5), &y, &m, &d); /* 2021-01-01 .. 2025-12-31 */
	buf_printf(out, "date: %04d-%02d-%02d\n", y, m, d);
	if (chance(50)) {
		buf_puts(out, "summary: ");
		sentence(out);
		sentence(out);
		buf_puts(out, "\n");
	}
	ntag = rnd(2, 4);
	buf_puts(out, "tags: [");
	for (i = 0; i < ntag; i++) {
		int t, j, dup;

		do {
			t = rnd(0, (int)NELEM(tags) - 1);
			for (dup = 0, j = 0; j < i; j++)
				dup |= picked[j] == t;
		} while (dup);
		picked[i] = t;
		buf_printf(out, "%s%s", i ? ", " : "", tags[t]);
	}
	buf_puts(out, "]\n");
	buf_printf(out, "region: %s\n", PICK(regions));
	buf_puts(out, "---\n\n");

	/* Shape of the body: about 40% get 4+ headings (a table of contents). */
	toc = chance(40);
	has_table = chance(33);
	has_url = chance(8);
	nsect = toc ? rnd(4, 7) : rnd(2, 3);
	for (i = 0; i < nsect; i++) {
		struct sect *s = &sects[i];

		buf_reset(&s->body);
		s->level = (i > 0 && toc && chance(45)) ? 3 : 2;
		s->title = s->level == 2 ? h2s[(idx + i * 3) % NELEM(h2s)]
					 : PICK(h3s);
		paragraph(&s->body, 2, 4);
	}
	paragraph(&intro, 2, 4);
	if (has_table)
		table_block(&sects[rnd(0, nsect - 1)].body);
	if (chance(60))
		list_block(&sects[rnd(0, nsect - 1)].body);
	if (has_url)
		url_paragraph(&sects[rnd(0, nsect - 1)].body, idx);

	/*
	 * Fill with paragraphs, round robin, until the target size.  A
	 * paragraph is at most about 600 bytes, so a target at most
	 * CASE_MAX - 700 keeps the file under CASE_MAX.
	 */
	target = rnd(CASE_MIN + 200, CASE_MAX - 700);
	total = out->len + intro.len;
	for (i = 0; i < nsect; i++)
		total += sects[i].body.len + strlen(sects[i].title) + 6;
	for (i = 0; total < (size_t)target; i = (i + 1) % nsect) {
		size_t before = sects[i].body.len;

		paragraph(&sects[i].body, 1, 3);
		total += sects[i].body.len - before;
	}

	buf_append(out, &intro);
	for (i = 0; i < nsect; i++) {
		buf_printf(out, "%s %s\n\n", sects[i].level == 2 ? "##" : "###",
			   sects[i].title);
		buf_append(out, &sects[i].body);
	}
	/* No trailing blank line: one newline ends the file. */
	while (out->len > 1 && out->p[out->len - 1] == '\n' &&
	       out->p[out->len - 2] == '\n')
		out->p[--out->len] = '\0';
	free(intro.p);
}

/* ---- files --------------------------------------------------------------- */

static void
mkdir_p(const char *path)
{
	char tmp[4096];
	size_t i, n = strlen(path);

	if (n >= sizeof(tmp)) {
		errno = ENAMETOOLONG;
		die(path);
	}
	memcpy(tmp, path, n + 1);
	for (i = 1; i <= n; i++) {
		if (tmp[i] != '/' && tmp[i] != '\0')
			continue;
		tmp[i] = '\0';
		if (mkdir(tmp, 0777) != 0 && errno != EEXIST)
			die(tmp);
		if (i < n)
			tmp[i] = '/';
	}
}

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		die(path);
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0)
		die(path);
}

static const char site_json[] =
	"{\"title\": \"基准测试站点\", \"office\": \"基准测试办公室\", "
	"\"per_page\": 20}\n";

static const char about_md[] =
	"---\n"
	"title: 关于本站\n"
	"summary: 本站由 gensite 生成，用于 showcase 的性能基准测试，内容均为虚构。\n"
	"---\n"
	"\n"
	"## 本站简介\n"
	"\n"
	"本站的全部案例由固定词表和固定种子的伪随机数生成器拼接而成，"
	"每次生成的内容完全相同，仅用于测量构建速度和内存占用。\n"
	"\n"
	"## 内容说明\n"
	"\n"
	"- 案例数量：见 content/cases 目录；\n"
	"- 地区、标签和组织名称均为虚构；\n"
	"- 文中数据不代表任何真实单位。\n";

int
main(int argc, char **argv)
{
	struct buf out = { 0 };
	char path[4096];
	long count = 10000;
	int i;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gensite OUTDIR [COUNT]\n");
		return 2;
	}
	if (argc == 3) {
		char *end;

		count = strtol(argv[2], &end, 10);
		if (*end || count < 1 || count > 99999) {
			fprintf(stderr, "gensite: COUNT must be 1 to 99999\n");
			return 2;
		}
	}
	if (strlen(argv[1]) > 4000) {
		fprintf(stderr, "gensite: OUTDIR too long\n");
		return 2;
	}

	snprintf(path, sizeof(path), "%s/content/cases", argv[1]);
	mkdir_p(path);
	snprintf(path, sizeof(path), "%s/content/pages", argv[1]);
	mkdir_p(path);

	snprintf(path, sizeof(path), "%s/site.json", argv[1]);
	write_file(path, site_json, sizeof(site_json) - 1);
	snprintf(path, sizeof(path), "%s/content/pages/about.md", argv[1]);
	write_file(path, about_md, sizeof(about_md) - 1);

	for (i = 1; i <= count; i++) {
		gen_case(&out, i);
		if (out.len < CASE_MIN || out.len > CASE_MAX) {
			fprintf(stderr, "gensite: case %d is %zu bytes, outside "
				"%d..%d (generator bug)\n", i, out.len,
				CASE_MIN, CASE_MAX);
			return 1;
		}
		snprintf(path, sizeof(path), "%s/content/cases/case-%05d.md",
			 argv[1], i);
		write_file(path, out.p, out.len);
	}
	free(out.p);
	return 0;
}
