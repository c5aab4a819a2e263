/*
 * showcase: the command line. One function per subcommand, found through
 * a {name, fn} table (git's cmd_struct). Only this file prints results and
 * exits; everything else returns a status and leaves diagnostics in a
 * struct diag.
 *
 * Exit status: 0 success, 1 input errors, 2 usage errors.
 */

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "data.h"
#include "model.h"
#include "site.h"
#include "stage.h"
#include "diag.h"
#include "util.h"
#include "version.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

/* Kept equal to the SYNOPSIS of man/showcase.1 (a test compares them). */
static const char usage_text[] =
	"usage: showcase build [-s site] [-o out] [--drafts] [--pdf] [-j jobs] [-q]\n"
	"       showcase pdf [-s site] [-o out] [-j jobs] [-q]\n"
	"       showcase check [-s site] [-q]\n"
	"       showcase stats [-s site] [--json]\n"
	"       showcase report [-s site] [-o dir]\n"
	"       showcase version\n"
	"       showcase help [command]\n";

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;
};

static int cmd_build(int, char **);
static int cmd_check(int, char **);
static int cmd_pdf(int, char **);
static int cmd_stats(int, char **);
static int cmd_report(int, char **);
static int cmd_version(int, char **);
static int cmd_help(int, char **);

static const struct cmd cmds[] = {
	{ "build", cmd_build,
	  "usage: showcase build [-s site] [-o out] [--drafts] [--pdf] [-j jobs] [-q]\n" },
	{ "pdf", cmd_pdf, "usage: showcase pdf [-s site] [-o out] [-j jobs] [-q]\n" },
	{ "check", cmd_check, "usage: showcase check [-s site] [-q]\n" },
	{ "stats", cmd_stats, "usage: showcase stats [-s site] [--json]\n" },
	{ "report", cmd_report, "usage: showcase report [-s site] [-o dir]\n" },
	{ "version", cmd_version, "usage: showcase version\n" },
	{ "help", cmd_help, "usage: showcase help [command]\n" },
};

static const struct cmd *
find_cmd(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(cmds[i].name, name))
			return &cmds[i];
	return NULL;
}

static int
usage_error(const struct cmd *c)
{
	fputs(c ? c->usage : usage_text, stderr);
	return EXIT_USAGE;
}

/*
 * Installed templates and assets: beside the binary when it runs from a
 * source tree (./showcase, or build-san/showcase, with ./templates), else
 * <prefix>/share/showcase found from the binary's own location, so an
 * installed tree can move; the configured DATADIR last.
 * SHOWCASE_DATADIR overrides them all.
 */
static char *
find_datadir(void)
{
	static const char *const rel[] = { ".", "..", "../share/showcase" };
	const char *env = getenv("SHOWCASE_DATADIR");
	char exe[PATH_MAX];
	ssize_t n;
	size_t i;

	if (env && *env)
		return xstrdup(env);
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		char *dir;

		exe[n] = '\0';
		dir = path_dir(exe);
		for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
			char *cand = path_join(dir, rel[i]);
			char *tpl = path_join(cand, "templates");
			int found = dir_exists(tpl);

			free(tpl);
			if (found) {
				free(dir);
				return cand;
			}
			free(cand);
		}
		free(dir);
	}
	return xstrdup(SHOWCASE_DATADIR);
}

/* Diagnostics have been printed; sum them up and pick the exit status. */
static int
finish(struct diag *d, int rc)
{
	if (diag_errors(d))
		fprintf(stderr, "showcase: %zu error%s, %zu warning%s; nothing was written\n",
			diag_errors(d), diag_errors(d) == 1 ? "" : "s",
			diag_warnings(d), diag_warnings(d) == 1 ? "" : "s");
	if (diag_errors(d))
		rc = -1;
	diag_free(d);
	return rc < 0 ? EXIT_INPUT : 0;
}

static int
run_build(const struct cmd *c, int argc, char **argv, unsigned flags)
{
	static const struct option longopts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "drafts", no_argument, NULL, 'D' },
		{ "pdf", no_argument, NULL, 'P' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *optstr = flags & BUILD_CHECK ? "s:qh" : "s:o:j:qh";
	struct build_opts o = { ".", NULL, NULL, 0, flags };
	struct build_stats st;
	struct diag *d;
	char *datadir, *end;
	int ch, quiet = 0, rc;

	while ((ch = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			o.site = optarg;
			break;
		case 'o':
			o.out = optarg;
			break;
		case 'D':
			if (flags & BUILD_CHECK)
				return usage_error(c);
			o.flags |= BUILD_DRAFTS;
			break;
		case 'P':
			if (flags & (BUILD_CHECK | BUILD_PDF))
				return usage_error(c);
			o.flags |= BUILD_PDF;
			break;
		case 'j':
			o.jobs = (int)strtol(optarg, &end, 10);
			if (*end || o.jobs < 1 || o.jobs > 256) {
				fprintf(stderr, "showcase: -j wants a number from 1 to 256, not \"%s\"\n",
					optarg);
				return EXIT_USAGE;
			}
			break;
		case 'q':
			quiet = 1;
			break;
		case 'h':
			fputs(c->usage, stdout);
			return 0;
		default:
			return usage_error(c);
		}
	}
	if (optind != argc)
		return usage_error(c);
	if (!quiet && isatty(STDERR_FILENO) && !(flags & BUILD_CHECK))
		o.flags |= BUILD_PROGRESS;
	datadir = find_datadir();
	o.datadir = datadir;
	d = diag_new();
	rc = build_run(&o, &st, d);
	diag_print(d, stderr);
	if (rc == 0 && !quiet) {
		if (flags & BUILD_CHECK)
			fprintf(stderr, "showcase: %zu pages checked, no errors, %zu private values absent (%.2f s)\n",
				st.pages, st.private_values, st.seconds);
		else
			fprintf(stderr, "showcase: %zu pages, %zu charts (%zu files drawn, %zu reused), %zu image sizes (%zu made, %zu reused), %zu files in all, %zu private values absent, in %.2f s -> %s\n",
				st.pages, st.charts, st.charts_drawn, st.charts_reused,
				st.images_made + st.images_reused, st.images_made,
				st.images_reused, st.files, st.private_values,
				st.seconds, st.out);
		if (st.pdfs)
			fprintf(stderr, "showcase: %zu PDFs (%zu printed, %zu unchanged), slowest %.1f s\n",
				st.pdfs, st.pdfs_printed, st.pdfs - st.pdfs_printed,
				st.pdf_slowest);
	}
	free(st.out);
	free(datadir);
	return finish(d, rc);
}

static int
cmd_build(int argc, char **argv)
{
	return run_build(find_cmd("build"), argc, argv, 0);
}

/* build --pdf, where a missing WeasyPrint is an error. */
static int
cmd_pdf(int argc, char **argv)
{
	return run_build(find_cmd("pdf"), argc, argv,
			 BUILD_PDF | BUILD_PDF_REQUIRED);
}

static int
cmd_check(int argc, char **argv)
{
	return run_build(find_cmd("check"), argc, argv, BUILD_CHECK);
}

/*
 * Options of stats and report: -s, and --json or -o. Returns -1 after
 * printing help (exit 0), -2 on a usage error, else 0.
 */
static int
data_opts(const struct cmd *c, int argc, char **argv, const char **site,
	  const char **out, int *json)
{
	static const struct option longopts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "json", no_argument, NULL, 'J' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	while ((ch = getopt_long(argc, argv, out ? "s:o:h" : "s:h", longopts,
				 NULL)) != -1) {
		switch (ch) {
		case 's':
			*site = optarg;
			break;
		case 'o':
			if (!out)
				return -2;
			*out = optarg;
			break;
		case 'J':
			if (!json)
				return -2;
			*json = 1;
			break;
		case 'h':
			fputs(c->usage, stdout);
			return -1;
		default:
			return -2;
		}
	}
	return optind == argc ? 0 : -2;
}

/* Load site.json and the data exports only: no content, no templates. */
static int
load_data(const char *dir, unsigned flags, struct site *site,
	  struct model *m, struct diag *d)
{
	char *datadir = find_datadir();
	int rc = site_load(site, dir, datadir, d);

	free(datadir);
	if (rc == 0)
		rc = data_load_site(m, site->dir, &site->json, flags, d);
	else
		model_init(m, NULL);
	return rc;
}

static int
cmd_stats(int argc, char **argv)
{
	const struct cmd *c = find_cmd("stats");
	const char *dir = ".";
	struct buf out = BUF_INIT;
	struct site site;
	struct model m;
	struct diag *d;
	int json = 0, rc;

	rc = data_opts(c, argc, argv, &dir, NULL, &json);
	if (rc == -1)
		return 0;
	if (rc < 0)
		return usage_error(c);
	d = diag_new();
	rc = load_data(dir, 0, &site, &m, d);
	diag_print(d, stderr);
	if (rc == 0) {
		if (json)
			model_stats_json(&m, &out);
		else
			model_stats_table(&m, &out);
		fwrite(out.ptr, 1, out.len, stdout);
	}
	buf_release(&out);
	model_release(&m);
	site_release(&site);
	return finish(d, rc);
}

/*
 * The internal report: units breaking the organisation rules, weak
 * organisations, tier movements. It is for the office only, so it is
 * written to its own folder, never inside the public site.
 */
static int
cmd_report(int argc, char **argv)
{
	const struct cmd *c = find_cmd("report");
	const char *dir = ".", *outarg = NULL;
	struct buf html = BUF_INIT;
	struct stage st;
	struct site site;
	struct model m;
	struct diag *d;
	char *out = NULL, *pub = NULL, *rout = NULL, *rpub = NULL;
	int rc;

	memset(&st, 0, sizeof(st));
	rc = data_opts(c, argc, argv, &dir, &outarg, NULL);
	if (rc == -1)
		return 0;
	if (rc < 0)
		return usage_error(c);
	d = diag_new();
	rc = load_data(dir, DATA_KEEP_NONCOMPLIANT, &site, &m, d);
	if (rc == 0) {
		out = outarg ? xstrdup(outarg) : site_path(&site, "report");
		pub = site_path(&site, site.output);
		rout = path_absolute(out);
		rpub = path_absolute(pub);
		if (path_inside(rout, rpub) || path_inside(rpub, rout)) {
			diag_error(d, out, 0, 0,
				   "the internal report must not be written into the public site \"%s\"",
				   pub);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = model_report_html(&m, site.title, &html);
	if (rc == 0)
		rc = stage_open(&st, out, d);
	if (rc == 0)
		rc = stage_write(&st, "index.html", html.ptr, html.len, d);
	if (rc == 0)
		rc = stage_commit(&st, d);
	diag_print(d, stderr);
	if (rc == 0)
		fprintf(stderr, "showcase: internal report -> %s/index.html (not for publication)\n", out);
	stage_release(&st);
	buf_release(&html);
	model_release(&m);
	site_release(&site);
	free(out);
	free(pub);
	free(rout);
	free(rpub);
	return finish(d, rc);
}

static int
cmd_version(int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
			fputs(find_cmd("version")->usage, stdout);
			return 0;
		}
		return usage_error(find_cmd("version"));
	}
	printf("showcase %s\n", SHOWCASE_VERSION);
	return 0;
}

static int
cmd_help(int argc, char **argv)
{
	const struct cmd *c;

	if (argc > 2)
		return usage_error(find_cmd("help"));
	if (argc == 2 && strcmp(argv[1], "-h") && strcmp(argv[1], "--help")) {
		if (!(c = find_cmd(argv[1]))) {
			fprintf(stderr, "showcase: unknown command \"%s\"\n", argv[1]);
			return usage_error(NULL);
		}
		fputs(c->usage, stdout);
		return 0;
	}
	fputs(usage_text, stdout);
	return 0;
}

int
main(int argc, char **argv)
{
	const struct cmd *c;

	if (argc < 2)
		return usage_error(NULL);
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return cmd_help(1, argv);
	if (!strcmp(argv[1], "--version"))
		return cmd_version(1, argv);
	if (!(c = find_cmd(argv[1]))) {
		fprintf(stderr, "showcase: unknown command \"%s\"\n", argv[1]);
		return usage_error(NULL);
	}
	return c->fn(argc - 1, argv + 1);
}
