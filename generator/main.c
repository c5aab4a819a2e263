/*
 * showcase: the command line. One function per subcommand, found through
 * a {name, fn} table (git's cmd_struct). Only this file prints results and
 * exits; everything else returns a status and leaves diagnostics in a
 * struct diag.
 *
 * Exit status: 0 success, 1 input errors, 2 usage errors.
 */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "data.h"
#include "model.h"
#include "report.h"
#include "routes.h"
#include "scaffold.h"
#include "serve.h"
#include "site.h"
#include "summary.h"
#include "stage.h"
#include "diag.h"
#include "inputs.h"
#include "util.h"
#include "version.h"
#include "watch.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

/* Kept equal to the SYNOPSIS of man/showcase.1 (a test compares them). */
static const char usage_text[] =
	"usage: showcase build [-s site] [-o out] [--drafts] [--pdf] [--force] [-j jobs] [-q]\n"
	"       showcase pdf [-s site] [-o out] [-j jobs] [-q]\n"
	"       showcase check [-s site] [-q]\n"
	"       showcase serve [-s site] [-p port] [--bind addr] [--drafts]\n"
	"       showcase new [-s site] [--slug slug] case|bulletin|page title\n"
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
static int cmd_serve(int, char **);
static int cmd_new(int, char **);
static int cmd_stats(int, char **);
static int cmd_report(int, char **);
static int cmd_version(int, char **);
static int cmd_help(int, char **);

static const struct cmd cmds[] = {
	{ "build", cmd_build,
	  "usage: showcase build [-s site] [-o out] [--drafts] [--pdf] [--force] [-j jobs] [-q]\n" },
	{ "pdf", cmd_pdf, "usage: showcase pdf [-s site] [-o out] [-j jobs] [-q]\n" },
	{ "check", cmd_check, "usage: showcase check [-s site] [-q]\n" },
	{ "serve", cmd_serve,
	  "usage: showcase serve [-s site] [-p port] [--bind addr] [--drafts]\n" },
	{ "new", cmd_new,
	  "usage: showcase new [-s site] [--slug slug] case|bulletin|page title\n" },
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
		{ "force", no_argument, NULL, 'F' },
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
		case 'F':
			if (flags & (BUILD_CHECK | BUILD_PDF))
				return usage_error(c);
			o.flags |= BUILD_FORCE;
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
		else if (st.up_to_date)
			fprintf(stderr, "showcase: up to date: nothing changed since the last build (%zu pages, %zu files, %zu private values absent), in %.2f s -> %s\n",
				st.pages, st.files, st.private_values, st.seconds,
				st.out);
		else
			fprintf(stderr, "showcase: %zu pages, %zu charts (%zu files drawn, %zu reused), %zu image sizes (%zu made, %zu reused), %zu files in all, %zu private values absent, in %.2f s -> %s\n",
				st.pages, st.charts, st.charts_drawn, st.charts_reused,
				st.images_made + st.images_reused, st.images_made,
				st.images_reused, st.files, st.private_values,
				st.seconds, st.out);
		if (st.pdfs)
			fprintf(stderr, "showcase: %zu PDFs (%zu printed, %zu unchanged), slowest %.1f s%s\n",
				st.pdfs, st.pdfs_printed, st.pdfs - st.pdfs_printed,
				st.pdf_slowest, st.pdf_no_qr ?
				"; no QR codes on paper: site.json has no base_url" : "");
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

/* Ctrl-C and kill: the serve loop reads this pipe and stops cleanly. */
static int stop_pipe[2] = { -1, -1 };

static void
on_stop(int sig)
{
	int saved = errno;

	(void)sig;
	if (write(stop_pipe[1], "x", 1) < 0) {
		/* The pipe is full: a stop is pending already. */
	}
	errno = saved;
}

/* What a rebuild says on the terminal: one line, or the diagnostics. */
static void
serve_report(int rc, struct diag *d, const struct build_stats *st,
	     const char *changed)
{
	diag_print(d, stderr);
	if (rc == 0)
		fprintf(stderr, "showcase: %s%s%sbuilt %zu pages in %.2f s\n",
			changed ? changed : "", changed ? " changed, " : "",
			changed ? "re" : "", st->pages, st->seconds);
	else
		fprintf(stderr, "showcase: %zu error%s; the browsers show them, and the last good build meanwhile\n",
			diag_errors(d), diag_errors(d) == 1 ? "" : "s");
	diag_clear(d);
}

static int
cmd_serve(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "port", required_argument, NULL, 'p' },
		{ "bind", required_argument, NULL, 'B' },
		{ "drafts", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct cmd *c = find_cmd("serve");
	struct serve_opts o = { ".", NULL, "127.0.0.1", 1313, 0 };
	struct build_stats st;
	struct sigaction sa;
	struct serve *s = NULL;
	struct watch *w = NULL;
	struct diag *d;
	char *datadir, *end, *changed;
	int ch, rc = -1, what;
	long port;

	while ((ch = getopt_long(argc, argv, "s:p:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			o.site = optarg;
			break;
		case 'p':
			port = strtol(optarg, &end, 10);
			if (*end || end == optarg || port < 0 || port > 65535) {
				fprintf(stderr, "showcase: -p wants a port from 1 to 65535 (0: any free one), not \"%s\"\n",
					optarg);
				return EXIT_USAGE;
			}
			o.port = (int)port;
			break;
		case 'B':
			o.bind = optarg;
			break;
		case 'D':
			o.flags |= SERVE_DRAFTS;
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
	datadir = find_datadir();
	o.datadir = datadir;
	d = diag_new();
	if (pipe(stop_pipe) < 0)
		die("pipe: %s", strerror(errno));
	/* The handler must never block on it. */
	fcntl(stop_pipe[1], F_SETFL, O_NONBLOCK);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	/* A browser that goes away mid-answer is no reason to stop. */
	signal(SIGPIPE, SIG_IGN);

	if (!(w = watch_new(o.site, d)) || !(s = serve_new(&o, d))) {
		diag_print(d, stderr);
		goto out;
	}
	fprintf(stderr, "showcase: serving a preview of %s%s at http://%s%s%s:%d/ (Ctrl-C stops)\n",
		o.site, (o.flags & SERVE_DRAFTS) ? " with its drafts" : "",
		strchr(o.bind, ':') ? "[" : "", o.bind, strchr(o.bind, ':') ? "]" : "",
		serve_port(s));
	if (strncmp(o.bind, "127.", 4) && strcmp(o.bind, "::1"))
		fprintf(stderr, "showcase: warning: other computers can see this preview%s; --bind 127.0.0.1 keeps it to this one\n",
			(o.flags & SERVE_DRAFTS) ? ", drafts included" : "");
	serve_report(serve_build(s, 0, &st, d), d, &st, NULL);
	free(st.out);
	/* Rebuild on every change, 100 ms after the last of a burst. */
	while ((what = watch_wait(w, stop_pipe[0], 100, &changed)) > 0) {
		int brc = serve_build(s, what == WATCH_CSS, &st, d);

		serve_report(brc, d, &st, changed);
		free(st.out);
		free(changed);
	}
	if (what < 0) {
		fprintf(stderr, "showcase: cannot watch the site any longer: %s\n",
			strerror(errno));
		goto out;
	}
	rc = 0;
out:
	serve_free(s);
	watch_free(w);
	if (rc == 0)
		fprintf(stderr, "\nshowcase: stopped; the preview folder is removed\n");
	diag_free(d);
	free(datadir);
	close(stop_pipe[0]);
	close(stop_pipe[1]);
	return rc == 0 ? 0 : EXIT_INPUT;
}

/* Today in the local time zone, as front matter writes dates. */
static char *
today(void)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	return xasprintf("%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
			 tm.tm_mday);
}

static int
cmd_new(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "site", required_argument, NULL, 's' },
		{ "slug", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct {
		const char *name;
		enum page_kind kind;
		const char *what;
	} kinds[] = {
		{ "case", PAGE_CASE, "case study" },
		{ "bulletin", PAGE_BULLETIN, "bulletin" },
		{ "page", PAGE_PAGE, "page" },
	};
	const struct cmd *c = find_cmd("new");
	struct scaffold_opts o;
	struct scaffold sc;
	struct diag *d;
	char *datadir, *date;
	size_t k;
	int ch, rc;

	memset(&o, 0, sizeof(o));
	o.site = ".";
	while ((ch = getopt_long(argc, argv, "s:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			o.site = optarg;
			break;
		case 'S':
			o.slug = optarg;
			break;
		case 'h':
			fputs(c->usage, stdout);
			return 0;
		default:
			return usage_error(c);
		}
	}
	if (argc - optind != 2)
		return usage_error(c);
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++)
		if (!strcmp(argv[optind], kinds[k].name))
			break;
	if (k == sizeof(kinds) / sizeof(kinds[0])) {
		fprintf(stderr, "showcase: new makes a case, a bulletin or a page, not \"%s\"\n",
			argv[optind]);
		return usage_error(c);
	}
	o.kind = kinds[k].kind;
	o.title = argv[optind + 1];
	datadir = find_datadir();
	date = today();
	o.datadir = datadir;
	o.date = date;
	d = diag_new();
	rc = scaffold_make(&sc, &o, d);
	if (rc == 0)
		rc = scaffold_write(&sc, d);
	diag_print(d, stderr);
	if (rc == 0) {
		printf("%s\n", sc.path);
		if (o.kind == PAGE_BULLETIN)
			fprintf(stderr, "showcase: new %s, 第%d期, dated %s\n",
				kinds[k].what, sc.issue, date);
		else if (o.kind == PAGE_CASE)
			fprintf(stderr, "showcase: new %s, dated %s\n", kinds[k].what, date);
		else
			fprintf(stderr, "showcase: new %s\n", kinds[k].what);
		if (sc.dated_slug)
			fprintf(stderr, "showcase: a Chinese title gives no file name (no pinyin here), so the file is named by the date and a hash; to choose its name (the end of its web address), make it with --slug, e.g. --slug hongse-jiequ\n");
	}
	scaffold_release(&sc);
	free(date);
	free(datadir);
	return finish(d, rc);
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
		rc = inputs_check(site, d);
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
			summary_json(&m, &out);
		else
			summary_table(&m, &out);
		fwrite(out.ptr, 1, out.len, stdout);
	}
	buf_release(&out);
	model_release(&m);
	site_release(&site);
	return finish(d, rc);
}

/* A folder a build wrote: its marker, and not a report's. */
static int
is_built_output(const char *dir)
{
	char *marker = path_join(dir, ".showcase");
	char *report = path_join(dir, REPORT_MARKER);
	int yes = file_exists(marker) && !file_exists(report);

	free(marker);
	free(report);
	return yes;
}

/*
 * The report must stay where no build can publish it: outside the site
 * folder (whose assets/ are copied whole) and outside any built output,
 * the site's own or another (a folder holding .showcase, or below one).
 * An earlier report may be replaced.
 */
static int
check_report_dir(const struct site *site, const char *out, struct diag *d)
{
	char *aout = path_absolute(out), *asite = path_absolute(site->dir);
	char *pub = site_path(site, site->output), *apub = path_absolute(pub);
	char *p = xstrdup(aout), *up;
	int rc = -1;

	if (path_inside(aout, asite)) {
		diag_error(d, out, 0, 0,
			   "the internal report must not be written inside the site folder \"%s\", from where a build could publish it; choose a folder outside it",
			   site->dir);
		goto out;
	}
	if (path_inside(asite, aout)) {
		diag_error(d, out, 0, 0,
			   "the internal report would replace a folder that holds the site \"%s\"; choose a folder outside it",
			   site->dir);
		goto out;
	}
	if (path_inside(aout, apub) || path_inside(apub, aout)) {
		diag_error(d, out, 0, 0,
			   "the internal report must not be written into the public site \"%s\"",
			   pub);
		goto out;
	}
	for (;;) {
		if (is_built_output(p)) {
			diag_error(d, out, 0, 0,
				   "the internal report must not be written into \"%s\", which showcase built as a public site",
				   p);
			goto out;
		}
		up = path_dir(p);
		if (!strcmp(up, p)) {
			free(up);
			break;
		}
		free(p);
		p = up;
	}
	rc = 0;
out:
	free(p);
	free(aout);
	free(asite);
	free(pub);
	free(apub);
	return rc;
}

/*
 * The internal report: units breaking the organisation rules, weak
 * organisations, tier movements. It is for the office only, so it is
 * written to its own folder (beside the site folder by default), never
 * inside the site or a public one, and marked as a report (report.h) so
 * that a build refuses to copy it.
 */
static int
cmd_report(int argc, char **argv)
{
	static const char mark[] =
		"showcase internal report: not for publication\n";
	const struct cmd *c = find_cmd("report");
	const char *dir = ".", *outarg = NULL;
	struct buf html = BUF_INIT;
	struct stage st;
	struct site site;
	struct model m;
	struct diag *d;
	char *out = NULL, *asite;
	int rc;

	memset(&st, 0, sizeof(st));
	rc = data_opts(c, argc, argv, &dir, &outarg, NULL);
	if (rc == -1)
		return 0;
	if (rc < 0)
		return usage_error(c);
	d = diag_new();
	rc = load_data(dir, DATA_KEEP_NONCOMPLIANT | DATA_KEEP_ASSESSED, &site,
		       &m, d);
	if (rc == 0) {
		asite = path_absolute(site.dir);
		out = outarg ? xstrdup(outarg) : xasprintf("%s-report", asite);
		free(asite);
		rc = check_report_dir(&site, out, d);
	}
	if (rc == 0)
		rc = report_html(&m, site.title, &html);
	if (rc == 0)
		rc = stage_open(&st, out, d);
	if (rc == 0)
		rc = stage_write(&st, REPORT_MARKER, mark, sizeof(mark) - 1, d);
	if (rc == 0)
		rc = stage_write(&st, ROUTES_INDEX, html.ptr, html.len, d);
	if (rc == 0)
		rc = stage_commit(&st, d);
	diag_print(d, stderr);
	if (rc == 0)
		fprintf(stderr, "showcase: internal report -> %s/" ROUTES_INDEX " (not for publication)\n", out);
	stage_release(&st);
	buf_release(&html);
	model_release(&m);
	site_release(&site);
	free(out);
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
