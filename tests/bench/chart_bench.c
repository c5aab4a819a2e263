/*
 * chart_bench: charts per second, at screen size (800x500 at 1x and 2x)
 * and at print size (3x: 16 cm wide at 300 dpi and more), PNG encoding
 * included, one kind after another. The aim: under 15 ms a screen chart.
 *
 *   chart_bench [-n rounds] [-j threads] [--out dir]
 *
 * --out writes every kind at every scale to dir, to look at.
 * Prints one line per size, and a line when the 1x screen chart misses the
 * aim. Like tests/bench/run, a benchmark and not a test: it fails (exit 1)
 * only when a chart cannot be drawn, never on a time.
 *
 * Build: link it like a unit test, with every library object:
 *   cc ... -Igenerator tests/bench/chart_bench.c $(LIB_OBJS) $(LDLIBS)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "chart.h"
#include "diag.h"
#include "util.h"

#define AIM_MS 15.0

static const char *const specs[] = {
	"kind: bar\ntitle: 2024年各街道新建党组织数\nunit: 个\nsource: 区委两新工委\n"
	"data:\n城关街道: 12\n高新区: 30\n东湖街道: 8\n西山镇: 15\n滨江新城: 21\n",
	"kind: grouped\ntitle: 各街道党组织数（2023年与2024年对比）\nunit: 个\n"
	"series: 2023年, 2024年\ntarget: 60\ndata:\n城关街道: 42, 48\n高新区: 96, 118\n"
	"东湖街道: 35, 37\n西山镇: 28, 33\n滨江新城: 51, 64\n",
	"kind: hbar\ntitle: 示范点数量（按示范带）\nunit: 个\nsort: desc\ndata:\n"
	"X路—高新区示范带: 18\n滨江商圈楼宇党建示范带: 15\n红色街区: 9\n"
	"产业链党建联盟（智能制造）: 6\n东湖社会组织服务中心: 4\n",
	"kind: stacked\ntitle: 各街道党组织组建形式\nunit: 个\n"
	"series: 单独组建, 联合组建, 挂靠组建\ndata:\n城关街道: 30, 12, 6\n"
	"高新区: 88, 20, 10\n东湖街道: 22, 9, 6\n西山镇: 15, 10, 8\n滨江新城: 40, 16, 8\n",
	"kind: line\ntitle: 规上企业单独组建党组织比例\nunit: %\ntarget: 98\n"
	"source: 历年统计年报\ndata:\n2019年: 91.5\n2020年: 93.2\n2021年: 95.0\n"
	"2022年: 96.4\n2023年: 97.6\n2024年: 98.3\n",
	"kind: donut\ntitle: 党组织按行业分布\nunit: 个\ndata:\n制造业: 120\n"
	"批发和零售业: 85\n信息传输、软件和信息技术服务业: 66\n建筑业: 40\n"
	"住宿和餐饮业: 22\n租赁和商务服务业: 18\n教育: 12\n卫生和社会工作: 9\n",
	"kind: progress\ntitle: 2024年主要指标完成情况\nunit: %\ndata:\n"
	"规上企业单独组建率: 97.2 / 98\n组织覆盖率: 93.0 / 90\n"
	"工作覆盖率: 98.6 / 95\n五星支部创建比例: 31.5 / 40\n",
	"kind: funnel\ntitle: 双强红领认证\nunit: 人\nsource: 红领认证评审委员会\n"
	"data:\n申报: 412\n评审: 307\n认证: 32\n",
};
#define NSPECS (sizeof(specs) / sizeof(specs[0]))

static const char *const names[NSPECS] = {
	"bar", "grouped", "hbar", "stacked", "line", "donut", "progress", "funnel",
};

struct job {
	struct chart_fonts *f;
	struct chart **charts;
	int scale, rounds, failed;
	size_t bytes;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *
job_run(void *arg)
{
	struct job *j = arg;
	struct diag *d = diag_new();
	struct buf png = BUF_INIT;
	int r;
	size_t i;

	for (r = 0; r < j->rounds; r++)
		for (i = 0; i < NSPECS; i++) {
			if (chart_render(j->charts[i], j->f, j->scale, &png, d))
				j->failed = 1;
			j->bytes += png.len;
		}
	buf_release(&png);
	diag_free(d);
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *what;
		int scale;
	} sizes[] = {
		{ "screen 1x (800x500)", 1 },
		{ "screen 2x (1600x1000)", 2 },
		{ "print 3x (2400x1500, 16 cm at 381 dpi)", 3 },
	};
	struct diag *d = diag_new();
	struct chart_fonts *f;
	struct chart *charts[NSPECS];
	const char *out = NULL;
	int rounds = 20, threads = 1, i, ret = 0;
	size_t k, s;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			rounds = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-j") && i + 1 < argc)
			threads = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--out") && i + 1 < argc)
			out = argv[++i];
		else {
			fprintf(stderr, "usage: chart_bench [-n rounds] [-j threads] [--out dir]\n");
			return 2;
		}
	}
	if (rounds < 1 || threads < 1 || threads > 64) {
		fprintf(stderr, "chart_bench: bad -n or -j\n");
		return 2;
	}
	f = chart_fonts_new(NULL, d);
	if (!f) {
		diag_print(d, stderr);
		diag_free(d);
		return 1;
	}
	for (k = 0; k < NSPECS; k++)
		if (chart_parse(&charts[k], specs[k], names[k], 1, NULL, NULL, d)) {
			diag_print(d, stderr);
			return 1;
		}
	if (out) {
		dir_make(out);
		for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++)
			for (k = 0; k < NSPECS; k++) {
				struct buf png = BUF_INIT;
				char *path = xasprintf("%s/%s-%dx.png", out, names[k],
						       sizes[s].scale);

				if (!chart_render(charts[k], f, sizes[s].scale, &png, d))
					file_write(path, png.ptr, png.len);
				free(path);
				buf_release(&png);
			}
	}
	/* one warm-up round: the glyph caches fill once per build */
	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct job warm = { f, charts, sizes[s].scale, 1, 0, 0 };

		job_run(&warm);
	}
	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct job *jobs = xcalloc((size_t)threads, sizeof(*jobs));
		pthread_t *t = xcalloc((size_t)threads, sizeof(*t));
		int n = sizes[s].scale >= 3 ? (rounds + 3) / 4 : rounds;
		size_t bytes = 0, total;
		double t0, el, ms;

		t0 = now();
		for (i = 0; i < threads; i++) {
			jobs[i].f = f;
			jobs[i].charts = charts;
			jobs[i].scale = sizes[s].scale;
			jobs[i].rounds = n;
			pthread_create(&t[i], NULL, job_run, &jobs[i]);
		}
		for (i = 0; i < threads; i++) {
			pthread_join(t[i], NULL);
			bytes += jobs[i].bytes;
			ret |= jobs[i].failed;
		}
		el = now() - t0;
		total = (size_t)n * NSPECS * (size_t)threads;
		ms = el * 1000 / (double)total * threads;
		printf("chart %-40s %4zu charts in %6.2f s: %6.1f ms a chart a thread, %6.1f charts/s on %d thread%s, %4zu KiB a PNG\n",
		       sizes[s].what, total, el, ms, total / el, threads,
		       threads == 1 ? "" : "s", bytes / total / 1024);
		if (sizes[s].scale == 1 && ms > AIM_MS)
			printf("chart: %.1f ms a screen chart misses the aim of %.0f ms\n",
			       ms, AIM_MS);
		free(jobs);
		free(t);
	}
	for (k = 0; k < NSPECS; k++)
		chart_free(charts[k]);
	chart_fonts_free(f);
	diag_free(d);
	return ret;
}
