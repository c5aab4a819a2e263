/*
 * WeasyPrint as a child process per document: fork and exec with standard
 * error into a log file that is read when the child ends (no pipes to
 * drain while several run), the PDF written under a temporary name and
 * renamed once WeasyPrint succeeded, so a failed or killed print leaves
 * no half file behind.
 */
/* pipe2 */
#define _GNU_SOURCE
#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "imageset.h"
#include "pdf.h"
#include "pool.h"
#include "printfont.h"
#include "routes.h"
#include "util.h"

extern char **environ;

/* Changes whenever the same input would print differently. */
#define PDF_INPUT_VERSION "showcase-pdf 2"
/* WeasyPrint's peak memory per document, measured on the example: 650 MB. */
#define PDF_MEMORY_MB 700

char *
pdf_program(const char *program)
{
	const char *path = getenv("PATH"), *p, *colon;

	if (!program)
		program = getenv("SHOWCASE_WEASYPRINT");
	if (!program || !*program)
		program = "weasyprint";
	if (strchr(program, '/'))
		return access(program, X_OK) == 0 ? xstrdup(program) : NULL;
	for (p = path ? path : "/usr/local/bin:/usr/bin:/bin"; *p; p = colon + 1) {
		struct buf cand = BUF_INIT;
		struct stat sb;

		colon = strchr(p, ':');
		if (!colon)
			colon = p + strlen(p);
		buf_add(&cand, *p == ':' || colon == p ? "." : p,
			colon == p ? 1 : (size_t)(colon - p));
		buf_addch(&cand, '/');
		buf_addstr(&cand, program);
		if (stat(cand.ptr, &sb) == 0 && S_ISREG(sb.st_mode) &&
		    access(cand.ptr, X_OK) == 0)
			return buf_detach(&cand, NULL);
		buf_release(&cand);
		if (!*colon)
			break;
	}
	return NULL;
}

/* ---- the input hash ---- */

/* Two FNV-1a 64 hashes with different bases: 128 bits for a file name. */
struct hash {
	uint64_t a, b;
};

static void
hash_init(struct hash *h)
{
	h->a = FNV_OFFSET;
	h->b = 0x84222325cbf29ce4ULL;
}

static void
hash_add(struct hash *h, const void *data, size_t len)
{
	static const unsigned char sep_a = 0xff, sep_b = 0xfe;

	h->a = fnv1a64(h->a, data, len);
	h->b = fnv1a64(h->b, data, len);
	/* A separator, so "ab"+"c" and "a"+"bc" differ. */
	h->a = fnv1a64(h->a, &sep_a, 1);
	h->b = fnv1a64(h->b, &sep_b, 1);
}

/*
 * The file a relative URL of the document doc names, as a path inside
 * the output (NULL for an absolute URL, a fragment, or one leaving it).
 */
static char *
resolve(const char *doc, const char *url, size_t len)
{
	struct buf b = BUF_INIT;
	char *dir = path_dir(doc), *out = NULL;
	size_t i;

	if (!len || url[0] == '/' || url[0] == '#' || memchr(url, ':', len))
		goto out;
	if (strcmp(dir, "."))
		buf_addf(&b, "%s/", dir);
	for (i = 0; i < len && url[i] != '?' && url[i] != '#'; i++) {
		int hi, lo;

		if (url[i] == '%' && i + 2 < len &&
		    (hi = hex_value(url[i + 1])) >= 0 && (lo = hex_value(url[i + 2])) >= 0) {
			buf_addch(&b, hi * 16 + lo);
			i += 2;
		} else {
			buf_addch(&b, url[i]);
		}
	}
	/* Fold "x/../" away; a ".." that would leave the output: none. */
	for (;;) {
		char *up = strstr(b.ptr, "/../"), *start;

		if (!strncmp(b.ptr, "../", 3))
			goto out;
		if (!up)
			break;
		*up = '\0';
		start = strrchr(b.ptr, '/');
		start = start ? start + 1 : b.ptr;
		memmove(start, up + 4, strlen(up + 4) + 1);
		b.len = strlen(b.ptr);
	}
	out = buf_detach(&b, NULL);
out:
	buf_release(&b);
	free(dir);
	return out;
}

static void hash_file(struct hash *h, const char *dir, const char *rel,
		      char ***seen, size_t *nseen, size_t *cap, int depth);

/*
 * Images printed below 300 ppi (a print shop's minimum) are named in a
 * warning. The printed width is what print.css gives each kind: the
 * brochure's cover image runs across the page and its bleed (216 mm), a
 * case's cover fills the text block (156 mm), other images keep their
 * size at 96 px to the inch up to the text block. Charts are drawn for
 * print already; data: URLs are the QR codes.
 */
#define PRINT_PPI 300

static void
check_ppi(const char *dir, const char *rel, struct diag *d)
{
	struct buf text = BUF_INIT, src = BUF_INIT;
	char *path = path_join(dir, rel);
	const char *p, *end, *v, *e, *cls;

	if (file_read(path, &text) < 0)
		goto out;
	for (p = text.ptr; (p = strstr(p, "<img ")); p = end) {
		double mm;
		char *f, *file;
		int w, h;

		if (!(end = strchr(p, '>')))
			break;
		v = strstr(p, " src=\"");
		if (!v || v > end || !(e = strchr(v + 6, '"')) || e > end)
			continue;
		v += 6;
		buf_reset(&src);
		buf_add(&src, v, (size_t)(e - v));
		if (!strncmp(src.ptr, "data:", 5) || strstr(src.ptr, "charts/"))
			continue;
		if (!(f = resolve(rel, src.ptr, src.len)))
			continue;
		file = path_join(dir, f);
		cls = strstr(p, " class=\"");
		if (imageset_probe_file(file, &w, &h) == 0 && w > 0) {
			if (cls && cls < end && !strncmp(cls + 8, "cover-image", 11))
				mm = 216;
			else if (cls && cls < end && !strncmp(cls + 8, "case-cover", 10))
				mm = 156;
			else
				mm = w * 25.4 / 96 < 156 ? w * 25.4 / 96 : 156;
			if (w * 25.4 / mm < PRINT_PPI - 0.5)
				diag_warn(d, rel, 0, 0, "%s is %d pixels wide, printed %.0f mm wide: %.0f ppi, below %d; a print shop needs it %.0f pixels wide",
					  f, w, mm, w * 25.4 / mm, PRINT_PPI,
					  ceil(mm * PRINT_PPI / 25.4));
		}
		free(file);
		free(f);
	}
out:
	buf_release(&text);
	buf_release(&src);
	free(path);
}



/*
 * Every resource text loads (an <img src>, a <link href>, a CSS url()),
 * hashed with its name and content. <a href> targets are not resources:
 * a linked page may change without changing the PDF.
 */
static void
hash_refs(struct hash *h, const char *dir, const char *rel, const char *text,
	  int css, char ***seen, size_t *nseen, size_t *cap, int depth)
{
	static const char *const html_marks[] = { " src=\"", "<link " };
	const char *p, *v, *e;
	size_t i;

	if (css) {
		for (p = text; (p = strstr(p, "url(")); p = e) {
			v = p + 4;
			while (*v == '"' || *v == '\'' || *v == ' ')
				v++;
			for (e = v; *e && *e != ')' && *e != '"' && *e != '\''; e++)
				;
			if (e > v) {
				char *f = resolve(rel, v, (size_t)(e - v));

				if (f)
					hash_file(h, dir, f, seen, nseen, cap, depth + 1);
				free(f);
			}
		}
		return;
	}
	for (i = 0; i < 2; i++) {
		for (p = text; (p = strstr(p, html_marks[i])); p = e) {
			if (i == 0) {
				v = p + strlen(html_marks[i]);
			} else {
				const char *end = strchr(p, '>');

				v = strstr(p, " href=\"");
				if (!end || !v || v > end) {
					e = p + 1;
					continue;
				}
				v += 7;
			}
			if (!(e = strchr(v, '"')))
				break;
			{
				char *f = resolve(rel, v, (size_t)(e - v));

				if (f)
					hash_file(h, dir, f, seen, nseen, cap, depth + 1);
				free(f);
			}
		}
	}
}

static void
hash_file(struct hash *h, const char *dir, const char *rel, char ***seen,
	  size_t *nseen, size_t *cap, int depth)
{
	struct buf text = BUF_INIT;
	char *path;
	size_t i, n = strlen(rel);

	for (i = 0; i < *nseen; i++)
		if (!strcmp((*seen)[i], rel))
			return;
	*seen = xgrow(*seen, cap, *nseen + 1, sizeof(**seen));
	(*seen)[(*nseen)++] = xstrdup(rel);
	path = path_join(dir, rel);
	hash_add(h, rel, n);
	if (file_read(path, &text) < 0)
		hash_add(h, "(missing)", 9);
	else
		hash_add(h, text.ptr, text.len);
	/* Style sheets may load images and fonts; nothing nests deeper. */
	if (depth < 3 && n > 4 && !strcmp(rel + n - 4, ".css"))
		hash_refs(h, dir, rel, text.ptr, 1, seen, nseen, cap, depth);
	else if (depth == 0)
		hash_refs(h, dir, rel, text.ptr, 0, seen, nseen, cap, depth);
	buf_release(&text);
	free(path);
}

/*
 * The input hash of document doc printed with the style sheet fonts (its
 * @font-face rules, which name each subset by its content), as 32 hex
 * digits; caller frees.
 */
static char *
input_hash(const char *dir, const char *doc, const char *program,
	   const char *fonts)
{
	struct hash h;
	char **seen = NULL;
	size_t nseen = 0, cap = 0, i;

	hash_init(&h);
	hash_add(&h, PDF_INPUT_VERSION, strlen(PDF_INPUT_VERSION));
	hash_add(&h, program, strlen(program));
	hash_add(&h, fonts, strlen(fonts));
	hash_file(&h, dir, doc, &seen, &nseen, &cap, 0);
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	return xasprintf("%016llx%016llx", (unsigned long long)h.a,
			 (unsigned long long)h.b);
}

/* ---- the manifest ---- */

struct entry {
	char *hash;
	char *pdf;
};

/* Read dir's manifest: "<hash> <pdf path>" lines. */
static void
manifest_read(const char *dir, struct entry **e, size_t *n)
{
	struct buf text = BUF_INIT;
	char *path = path_join(dir, PDF_MANIFEST), *line, *nl, *sp;
	size_t cap = 0;

	*e = NULL;
	*n = 0;
	if (file_read(path, &text) == 0) {
		for (line = text.ptr; *line; line = nl + 1) {
			if (!(nl = strchr(line, '\n')))
				break;
			*nl = '\0';
			if (!(sp = strchr(line, ' ')))
				continue;
			*e = xgrow(*e, &cap, *n + 1, sizeof(**e));
			(*e)[*n].hash = xstrndup(line, (size_t)(sp - line));
			(*e)[(*n)++].pdf = xstrdup(sp + 1);
		}
	}
	buf_release(&text);
	free(path);
}

static void
entries_free(struct entry *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(e[i].hash);
		free(e[i].pdf);
	}
	free(e);
}

/* ---- running WeasyPrint ---- */

struct doc {
	const char *html;  /* relative to dir */
	char *pdf;         /* relative to dir */
	char *hash;
	char *log;         /* absolute path of its standard error */
	char *tmp;         /* the PDF being written */
	char *fonts;       /* its @font-face rules (printfont.h) */
	char *css;         /* absolute path of the file holding them */
	pid_t pid;
	double start;
	int done, ok;
	int padded;        /* printed again with blank pages (pad()) */
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* How many documents memory allows at once: MemAvailable / 700 MB. */
static int
memory_jobs(void)
{
	struct buf text = BUF_INIT;
	const char *p;
	long long kb = 0;
	int jobs = 1 << 10;

	if (file_read("/proc/meminfo", &text) == 0 &&
	    (p = strstr(text.ptr, "MemAvailable:")) &&
	    sscanf(p + 13, "%lld", &kb) == 1)
		jobs = (int)(kb / 1024 / PDF_MEMORY_MB);
	buf_release(&text);
	return jobs < 1 ? 1 : jobs;
}

/*
 * WeasyPrint names each image of a PDF by the MD5 of its URL, and the
 * staging folder's name changes with every build. So the child runs in
 * the folder and is told that its documents live under the one path
 * that names its own working folder whatever that is, /proc/self/cwd:
 * the same document then gives the same bytes in any folder.
 */
#define BASE "file:///proc/self/cwd/"

/*
 * fontTools, which subsets the fonts for WeasyPrint, stamps each subset
 * with the time unless SOURCE_DATE_EPOCH says which: a fixed one (the
 * user's, when set) keeps the bytes the same from one print to the next.
 */
#define EPOCH "SOURCE_DATE_EPOCH=1735689600"

/* The environment of the children: ours, with SOURCE_DATE_EPOCH. */
static char **
child_env(void)
{
	char **env;
	size_t n = 0, i;

	while (environ[n])
		n++;
	env = xcalloc(n + 2, sizeof(*env));
	for (i = 0; i < n; i++)
		env[i] = environ[i];
	if (!getenv("SOURCE_DATE_EPOCH"))
		env[n] = (char *)EPOCH;
	return env;
}

/*
 * The children die with showcase. A killed build must not leave
 * WeasyPrint printing for half a minute with 650 MB each: every child
 * asks the kernel for SIGKILL when its parent goes (PR_SET_PDEATHSIG; the
 * parent is the thread that forks, which is the one that waits for it,
 * so the signal never comes early), and all of them share one process
 * group, which SIGINT, SIGTERM or SIGHUP to showcase kill as a whole
 * (anything WeasyPrint starts in turn goes with it).
 */
static volatile sig_atomic_t children_pgid;

static void
kill_children(int sig)
{
	pid_t pg = (pid_t)children_pgid;

	if (pg > 0)
		kill(-pg, SIGKILL);
	signal(sig, SIG_DFL);
	raise(sig);
}

static const int fatal_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NFATAL (sizeof(fatal_signals) / sizeof(fatal_signals[0]))

static void
catch_signals(struct sigaction *old)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = kill_children;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NFATAL; i++) {
		sigaction(fatal_signals[i], &sa, &old[i]);
		/*
		 * Ignored when we started (nohup, a background job of a
		 * script): it must stay so, or the signal would now kill us.
		 */
		if (old[i].sa_handler == SIG_IGN)
			sigaction(fatal_signals[i], &old[i], NULL);
	}
}

static void
restore_signals(const struct sigaction *old)
{
	size_t i;

	for (i = 0; i < NFATAL; i++)
		sigaction(fatal_signals[i], &old[i], NULL);
	children_pgid = 0;
}

/*
 * After fork() only async-signal-safe calls: everything the child needs
 * was made before. A failure before exec is sent back as errno through a
 * close-on-exec pipe, which stays empty when exec worked.
 */
static void __attribute__((noreturn))
child(const char *dir, const char *log, pid_t parent, pid_t pgid,
      const char *program, char **argv, char **env, int report)
{
	int fd, err;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
		goto fail;
	/* The parent may have died before prctl: then nobody will signal. */
	if (getppid() != parent)
		_exit(127);
	if (setpgid(0, pgid) < 0)
		goto fail;
	if (chdir(dir) < 0)
		goto fail;
	if ((fd = open("/dev/null", O_RDWR)) < 0 || dup2(fd, 0) < 0 ||
	    dup2(fd, 1) < 0)
		goto fail;
	if (fd > 2)
		close(fd);
	if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
	    dup2(fd, 2) < 0)
		goto fail;
	if (fd > 2)
		close(fd);
	execve(program, argv, env);
fail:
	err = errno;
	if (write(report, &err, sizeof(err)) < 0)
		_exit(127);
	_exit(127);
}

static int
start(struct doc *doc, const char *dir, const char *program, char **env,
      struct diag *d)
{
	char *base = xasprintf(BASE "%s", doc->html);
	pid_t parent = getpid(), pid;
	char *argv[10];
	int pipefd[2], err = 0, rc = -1;
	ssize_t got;

	doc->tmp = xasprintf("%s/%s.tmp", dir, doc->pdf);
	doc->log = xasprintf("%s/%s.log", dir, doc->pdf);
	doc->css = xasprintf("%s/%s.css", dir, doc->pdf);
	if (file_write(doc->css, doc->fonts, strlen(doc->fonts)) < 0) {
		diag_error(d, doc->pdf, 0, 0, "cannot write %s: %s", doc->css,
			   strerror(errno));
		doc->done = 1;
		free(base);
		return -1;
	}
	argv[0] = (char *)program;
	argv[1] = (char *)"--pdf-identifier";
	argv[2] = doc->hash;
	argv[3] = (char *)"--base-url";
	argv[4] = base;
	argv[5] = (char *)"--stylesheet";
	argv[6] = doc->css;
	argv[7] = (char *)doc->html;
	argv[8] = doc->tmp;
	argv[9] = NULL;
	if (pipe2(pipefd, O_CLOEXEC) < 0) {
		err = errno;
		goto out;
	}
	pid = fork();
	if (pid == 0)
		child(dir, doc->log, parent, (pid_t)children_pgid, program,
		      argv, env, pipefd[1]);
	if (pid < 0) {
		err = errno;
		close(pipefd[0]);
		close(pipefd[1]);
		goto out;
	}
	/* Both sides set the group, so that it is set whoever runs first. */
	if (!children_pgid)
		children_pgid = pid;
	setpgid(pid, (pid_t)children_pgid);
	close(pipefd[1]);
	do
		got = read(pipefd[0], &err, sizeof(err));
	while (got < 0 && errno == EINTR);
	close(pipefd[0]);
	if (got == (ssize_t)sizeof(err)) {
		waitpid(pid, NULL, 0);
		goto out;
	}
	err = 0;
	doc->pid = pid;
	doc->start = now();
	rc = 0;
out:
	free(base);
	if (rc < 0) {
		diag_error(d, doc->html, 0, 0, "cannot start %s: %s", program,
			   strerror(err));
		doc->done = 1;
	}
	return rc;
}

/* Replace every "file://<dir>/" and "<dir>/" in line by nothing. */
static void
strip_dir(struct buf *out, const char *line, const char *dir)
{
	size_t n = strlen(dir);
	const char *p = line, *hit;

	while ((hit = strstr(p, dir))) {
		const char *from = hit;

		if (hit - p >= 7 && !strncmp(hit - 7, "file://", 7))
			from = hit - 7;
		buf_add(out, p, (size_t)(from - p));
		p = hit + n;
		if (*p == '/')
			p++;
	}
	buf_addstr(out, p);
}

/* "file:///proc/self/cwd/charts/x.png" is "charts/x.png" to a reader. */
static void
strip_base(struct buf *msg)
{
	char *hit;

	while ((hit = strstr(msg->ptr, BASE))) {
		size_t n = strlen(BASE);

		memmove(hit, hit + n, strlen(hit + n) + 1);
		msg->len -= n;
	}
}

/*
 * WeasyPrint's standard error as diagnostics of the document. Python
 * tracebacks and other lines are kept for the message of a failure.
 */
static void
report_log(struct doc *doc, const char *dir, int status, struct diag *d)
{
	struct buf text = BUF_INIT, msg = BUF_INIT, last = BUF_INIT;
	char *line, *nl;
	int errors = 0;

	if (file_read(doc->log, &text) < 0)
		buf_reset(&text);
	for (line = text.ptr; *line; line = nl + 1) {
		int warn = !strncmp(line, "WARNING: ", 9);
		int err = !strncmp(line, "ERROR: ", 7);

		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		buf_reset(&msg);
		strip_dir(&msg, line + (warn ? 9 : err ? 7 : 0), dir);
		strip_base(&msg);
		if (warn) {
			diag_warn(d, doc->html, 0, 0, "weasyprint: %s", msg.ptr);
		} else if (err) {
			diag_error(d, doc->html, 0, 0, "weasyprint: %s", msg.ptr);
			errors++;
		} else if (msg.len) {
			buf_reset(&last);
			buf_addbuf(&last, &msg);
		}
		if (!nl)
			break;
	}
	if (status != 0 && !errors)
		diag_error(d, doc->html, 0, 0, "weasyprint failed (%s %d)%s%s",
			   WIFSIGNALED(status) ? "signal" : "exit status",
			   WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status),
			   last.len ? ": " : "", last.ptr);
	doc->ok = status == 0 && !errors;
	buf_release(&text);
	buf_release(&msg);
	buf_release(&last);
}

static void
finish(struct doc *doc, const char *dir, int status, double *slowest,
       struct diag *d)
{
	double t = now() - doc->start;

	doc->done = 1;
	report_log(doc, dir, status, d);
	if (doc->ok) {
		char *to = path_join(dir, doc->pdf);

		if (rename(doc->tmp, to) < 0) {
			diag_error(d, doc->pdf, 0, 0, "cannot write: %s", strerror(errno));
			doc->ok = 0;
		}
		free(to);
	}
	unlink(doc->tmp);
	unlink(doc->log);
	unlink(doc->css);
	if (t > *slowest)
		*slowest = t;
}

/* The page count of a PDF as WeasyPrint writes it: its page tree's /Count. */
static long
page_count(const char *path)
{
	struct buf text = BUF_INIT;
	const char *p, *end;
	long n = -1;

	if (file_read(path, &text) == 0 && (p = strstr(text.ptr, "/Type /Pages")) &&
	    (end = strstr(p, ">>")) && (p = strstr(p, "/Count ")) && p < end)
		n = strtol(p + 7, NULL, 10);
	buf_release(&text);
	return n;
}

/*
 * A brochure is printed on sheets folded in two and stitched: its pages
 * must be a multiple of 4, the last the back cover. Where the document
 * has blank pages to give (print.css: ".pad", hidden), the one that came
 * out short of a multiple of 4 is printed again with as many of them
 * shown as are missing. Returns 1 when doc is to be printed again.
 */
static int
pad(struct doc *doc, const char *dir)
{
	struct buf html = BUF_INIT;
	char *path;
	long pages, k, i;
	int has;

	if (doc->padded || !doc->ok)
		return 0;
	doc->padded = 1;
	path = path_join(dir, doc->html);
	has = file_read(path, &html) == 0 && strstr(html.ptr, "<div class=\"pad\"></div>");
	free(path);
	buf_release(&html);
	if (!has)
		return 0;
	path = path_join(dir, doc->pdf);
	pages = page_count(path);
	free(path);
	k = pages > 0 ? (4 - pages % 4) % 4 : 0;
	if (!k)
		return 0;
	/* The rule goes with the document's own style sheet (the fonts). */
	buf_init(&html, 0);
	buf_addstr(&html, doc->fonts);
	for (i = 1; i <= k; i++)
		buf_addf(&html, "%s.pad:nth-of-type(%ld)", i > 1 ? ", " : "", i);
	/* A user style sheet: only !important beats the document's own. */
	BUF_ADDLIT(&html, " { display: block !important; }\n");
	free(doc->fonts);
	doc->fonts = buf_detach(&html, NULL);
	free(doc->tmp);
	free(doc->log);
	free(doc->css);
	doc->tmp = doc->log = doc->css = NULL;
	doc->done = doc->ok = 0;
	return 1;
}

/* Take the previous output's PDF of an unchanged document. */
static int
reuse(const struct doc *doc, const char *dir, const char *prev,
      const struct entry *e, size_t n)
{
	char *from, *to;
	size_t i;
	int ok = 0;

	for (i = 0; i < n; i++)
		if (!strcmp(e[i].pdf, doc->pdf) && !strcmp(e[i].hash, doc->hash))
			break;
	if (i == n)
		return 0;
	from = path_join(prev, doc->pdf);
	to = path_join(dir, doc->pdf);
	ok = file_reuse(from, to);
	free(from);
	free(to);
	return ok;
}

static int
doc_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct doc *)pa)->pdf, ((const struct doc *)pb)->pdf);
}

static int
write_manifest(const char *dir, struct doc *docs, size_t n, struct diag *d)
{
	struct buf b = BUF_INIT;
	char *path = path_join(dir, PDF_MANIFEST);
	size_t i;
	int rc = 0;

	/* Sorted: the same documents give the same bytes in any order. */
	xqsort(docs, n, sizeof(*docs), doc_cmp);
	for (i = 0; i < n; i++)
		if (docs[i].ok)
			buf_addf(&b, "%s %s\n", docs[i].hash, docs[i].pdf);
	if (file_write(path, b.ptr, b.len) < 0) {
		diag_error(d, PDF_MANIFEST, 0, 0, "cannot write: %s", strerror(errno));
		rc = -1;
	}
	buf_release(&b);
	free(path);
	return rc;
}

int
pdf_run(const struct pdf_opts *o, const char *const *html, size_t n,
	struct pdf_stats *st, struct diag *d)
{
	struct sigaction old_sa[NFATAL];
	struct pdf_stats local;
	struct entry *prev = NULL;
	struct doc *docs = NULL;
	struct printfont *fonts = NULL;
	char **env = NULL;
	char *program = pdf_program(o->program);
	char *dir = NULL;
	double t0 = now();
	size_t nprev = 0, next = 0, running = 0, i;
	int jobs, rc = -1;

	if (!st)
		st = &local;
	memset(st, 0, sizeof(*st));
	if (!program) {
		const char *msg = "weasyprint not found; install the Debian package weasyprint (apt-get install weasyprint)";

		if (o->flags & PDF_MISSING_WARNS) {
			diag_warn(d, NULL, 0, 0, "%s", msg);
			rc = 0;
		} else {
			diag_error(d, NULL, 0, 0, "%s", msg);
		}
		goto out;
	}
	dir = path_absolute(o->dir);
	jobs = o->jobs > 0 ? o->jobs : pool_cpus();
	if (jobs > memory_jobs())
		jobs = memory_jobs();
	if (o->prev)
		manifest_read(o->prev, &prev, &nprev);
	docs = xcalloc(n + 1, sizeof(*docs));
	env = child_env();
	fonts = printfont_new(NULL);
	for (i = 0; i < n; i++) {
		struct buf css = BUF_INIT;
		char *path = path_join(dir, html[i]);

		printfont_css(fonts, path, &css, d);
		free(path);
		check_ppi(dir, html[i], d);
		docs[i].html = html[i];
		docs[i].pdf = routes_pdf(html[i]);
		docs[i].fonts = buf_detach(&css, NULL);
		docs[i].hash = input_hash(dir, html[i], program, docs[i].fonts);
		docs[i].pid = -1;
		if (o->prev && reuse(&docs[i], dir, o->prev, prev, nprev)) {
			docs[i].done = docs[i].ok = 1;
			st->reused++;
		}
	}
	/* At most jobs children; poll them, since the build's other
	 * children (if any) are none of our business. */
	catch_signals(old_sa);
	for (;;) {
		/* A group lives as long as one of its members. */
		if (!running)
			children_pgid = 0;
		while (running < (size_t)jobs && next < n) {
			struct doc *doc = &docs[next++];

			if (doc->done)
				continue;
			if (start(doc, dir, program, env, d) == 0) {
				running++;
				st->printed++;
			}
		}
		if (!running)
			break;
		for (i = 0; i < next; i++) {
			int status;
			pid_t got;

			if (docs[i].done || docs[i].pid < 0)
				continue;
			got = waitpid(docs[i].pid, &status, WNOHANG);
			if (got == 0 || (got < 0 && errno == EINTR))
				continue;
			if (got < 0)
				status = 1 << 8;
			finish(&docs[i], dir, status, &st->slowest, d);
			running--;
			if (pad(&docs[i], dir)) {
				/* A group lives as long as one of its members. */
				if (!running)
					children_pgid = 0;
				if (start(&docs[i], dir, program, env, d) == 0)
					running++;
			}
		}
		usleep(50 * 1000);
	}
	restore_signals(old_sa);
	rc = 0;
	for (i = 0; i < n; i++)
		if (!docs[i].ok)
			rc = -1;
	if (write_manifest(dir, docs, n, d) < 0)
		rc = -1;
out:
	for (i = 0; docs && i < n; i++) {
		free(docs[i].pdf);
		free(docs[i].hash);
		free(docs[i].log);
		free(docs[i].tmp);
		free(docs[i].fonts);
		free(docs[i].css);
	}
	free(docs);
	free(env);
	entries_free(prev, nprev);
	printfont_free(fonts);
	free(program);
	free(dir);
	st->seconds = now() - t0;
	return rc;
}
