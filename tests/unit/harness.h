#ifndef SHOWCASE_HARNESS_H
#define SHOWCASE_HARNESS_H

/*
 * A tiny unit-test harness in the manner of cmark's api_test/harness.h.
 * Each tests/unit/t_*.c is one program: it calls its test functions from
 * main() and ends with `return harness_done();`, which prints the closing
 * line "N passed, N failed" that tests/run adds up.
 */

#include <stdio.h>
#include <string.h>

static int harness_pass, harness_fail;

#define CHECK(cond) harness_check((cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want) \
	harness_check_str((got), (want), #got, __FILE__, __LINE__)
#define CHECK_INT(got, want) \
	harness_check_int((long long)(got), (long long)(want), #got, __FILE__, __LINE__)
#define CHECK_DBL(got, want, eps) \
	harness_check_dbl((got), (want), (eps), #got, __FILE__, __LINE__)

static inline void
harness_check(int ok, const char *what, const char *file, int line)
{
	if (ok) {
		harness_pass++;
		return;
	}
	harness_fail++;
	fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
}

static inline void
harness_check_str(const char *got, const char *want, const char *what,
		  const char *file, int line)
{
	int ok = got && want ? strcmp(got, want) == 0 : got == want;

	harness_check(ok, what, file, line);
	if (!ok)
		fprintf(stderr, "  got:  \"%s\"\n  want: \"%s\"\n",
			got ? got : "(null)", want ? want : "(null)");
}

static inline void
harness_check_int(long long got, long long want, const char *what,
		  const char *file, int line)
{
	harness_check(got == want, what, file, line);
	if (got != want)
		fprintf(stderr, "  got:  %lld\n  want: %lld\n", got, want);
}

static inline void
harness_check_dbl(double got, double want, double eps, const char *what,
		  const char *file, int line)
{
	int ok = got - want <= eps && want - got <= eps;

	harness_check(ok, what, file, line);
	if (!ok)
		fprintf(stderr, "  got:  %.10g\n  want: %.10g\n", got, want);
}

static inline int
harness_done(void)
{
	printf("%d passed, %d failed\n", harness_pass, harness_fail);
	return harness_fail != 0;
}

#endif
