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
#include "diag.h"
#include "util.h"
#include "version.h"

#define EXIT_INPUT 1
#define EXIT_USAGE 2

/* Kept equal to the SYNOPSIS of man/showcase.1 (a test compares them). */
static const char usage_text[] =
	"usage: showcase build [-s site] [-o out] [--drafts] [-j jobs] [-q]\n"
	"       showcase check [-s site] [-q]\n"
	"       showcase version\n"
	"       showcase help [command]\n";

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *usage;
};

static int cmd_build(int, char **);
static int cmd_check(int, char **);
static int cmd_version(int, char **);
static int cmd_help(int, char **);

static const struct cmd cmds[] = {
	{ "build", cmd_build,
	  "usage: showcase build [-s site] [-o out] [--drafts] [-j jobs] [-q]\n" },
	{ "check", cmd_check, "usage: showcase check [-s site] [-q]\n" },
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
			fprintf(stderr, "showcase: %zu pages checked, no errors (%.2f s)\n",
				st.pages, st.seconds);
		else
			fprintf(stderr, "showcase: %zu pages, %zu files (%zu assets) in %.2f s -> %s\n",
				st.pages, st.files, st.assets, st.seconds, st.out);
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

static int
cmd_check(int argc, char **argv)
{
	return run_build(find_cmd("check"), argc, argv, BUILD_CHECK);
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
