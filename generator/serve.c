#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cJSON.h>
#include <microhttpd.h>

#include "build.h"
#include "content.h"
#include "diag.h"
#include "pool.h"
#include "routes.h"
#include "serve.h"
#include "site.h"
#include "util.h"
#include "webfile.h"

/* Where the server's own files live; no site has such a folder. */
#define PREFIX "/__showcase/"
/* A comment line keeps an idle event stream open through proxies and
 * shows the server a reader that went away. */
#define PING_SECONDS 15

/*
 * The page script and its stylesheet (reload_js, reload_css), kept as
 * files beside this one and compiled in by the Makefile. The script only
 * uses what the CSP allows: its own origin for the event stream and the
 * status, classes of the stylesheet for its looks.
 */
#include "reload.h"

static const char no_site_yet[] =
	"<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<title>showcase 预览</title>\n</head>\n<body>\n<main>\n"
	"<h1>预览还没有生成</h1>\n"
	"<p>网站还没有成功生成过。改正错误并保存后，本页会自动更新。</p>\n"
	"</main>\n</body>\n</html>\n";

static const char draft_mark[] =
	"<p class=\"showcase-draft\" role=\"note\">草稿（draft）：这一页只在预览中显示，正式生成的网站不含它</p>\n";

/* docs/hosting.md: the preview proves the pages keep to it. */
static const char csp[] =
	"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
	"object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

struct serve {
	char *site;
	char *datadir;
	unsigned flags;
	char *tmp;      /* the preview folder (mkdtemp) */
	char *out;      /* tmp/site: the build's output folder */
	char *id;       /* this server, so pages notice a restart */
	int port;
	struct MHD_Daemon *daemon;

	pthread_mutex_t lock; /* guards what follows */
	pthread_cond_t changed;
	unsigned long builds; /* finished builds, good or not */
	unsigned long good;   /* the last good build, 0: none yet */
	int ok;               /* the last build was good */
	int css;              /* it changed only stylesheets */
	char *status;         /* status.json */
	char **drafts;        /* sorted paths of draft pages */
	size_t ndrafts;
	int stopping;
};

/* One reader of the event stream. */
struct sse {
	struct serve *s;
	struct buf out;
	size_t off;
	unsigned long seen; /* the build it was told of */
	int greeted;
};

static void
set_status(struct serve *s, struct diag *d)
{
	cJSON *j = cJSON_CreateObject(), *lines = cJSON_CreateArray();
	char *text = NULL, *line, *nl;
	size_t len = 0;
	FILE *fp;

	/* The diagnostics exactly as the terminal shows them. */
	if (d && (fp = open_memstream(&text, &len))) {
		diag_print(d, fp);
		fclose(fp);
		for (line = text; line && *line; line = nl + 1) {
			if (!(nl = strchr(line, '\n')))
				nl = line + strlen(line) - 1;
			else
				*nl = '\0';
			cJSON_AddItemToArray(lines, cJSON_CreateString(line));
		}
	}
	free(text);
	cJSON_AddBoolToObject(j, "ok", s->ok);
	cJSON_AddNumberToObject(j, "good", (double)s->good);
	cJSON_AddItemToObject(j, "diagnostics", lines);
	free(s->status);
	s->status = cJSON_PrintUnformatted(j);
	if (!s->status)
		die("out of memory");
	cJSON_Delete(j);
}

/* Listen on bind:port. Returns the socket, or -1 with a diagnostic. */
static int
listen_on(const char *bind_addr, int port, int *bound, struct diag *d)
{
	struct addrinfo hints, *ai = NULL;
	struct sockaddr_storage sa;
	socklen_t salen = sizeof(sa);
	char *service = xasprintf("%d", port);
	int fd = -1, one = 1, rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE;
	rc = getaddrinfo(bind_addr, service, &hints, &ai);
	free(service);
	if (rc != 0) {
		diag_error(d, NULL, 0, 0,
			   "cannot listen on \"%s\": %s; give a numeric address such as 127.0.0.1 or ::1",
			   bind_addr, gai_strerror(rc));
		return -1;
	}
	fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
	if (fd < 0) {
		diag_error(d, NULL, 0, 0, "cannot listen on %s: %s", bind_addr,
			   strerror(errno));
		goto fail;
	}
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, ai->ai_addr, ai->ai_addrlen) < 0) {
		if (errno == EADDRINUSE)
			diag_error(d, NULL, 0, 0,
				   "port %d of %s is in use (another showcase serve?); choose another with -p",
				   port, bind_addr);
		else
			diag_error(d, NULL, 0, 0, "cannot listen on %s port %d: %s",
				   bind_addr, port, strerror(errno));
		goto fail;
	}
	if (listen(fd, 128) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &salen) < 0) {
		diag_error(d, NULL, 0, 0, "cannot listen on %s port %d: %s",
			   bind_addr, port, strerror(errno));
		goto fail;
	}
	*bound = ntohs(sa.ss_family == AF_INET6 ?
		       ((struct sockaddr_in6 *)&sa)->sin6_port :
		       ((struct sockaddr_in *)&sa)->sin_port);
	freeaddrinfo(ai);
	return fd;
fail:
	if (fd >= 0)
		close(fd);
	freeaddrinfo(ai);
	return -1;
}

/*
 * MHD would decode the path itself; webfile_decode() must see it raw to
 * refuse encoded dots and NUL, so the "unescaper" leaves it as it is.
 */
static size_t
keep_raw(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

static int
is_draft(struct serve *s, const char *path)
{
	int found;

	pthread_mutex_lock(&s->lock);
	found = bsearch(&path, s->drafts, s->ndrafts, sizeof(*s->drafts),
			strptr_cmp) != NULL;
	pthread_mutex_unlock(&s->lock);
	return found;
}

/* Offset of the first "<tag" or "</tag" (case-insensitive) in html, or -1. */
static long
find_tag(const struct buf *html, const char *tag)
{
	size_t n = strlen(tag), i;

	for (i = 0; i + n <= html->len; i++)
		if (html->ptr[i] == '<' && !strncasecmp(html->ptr + i, tag, n))
			return (long)i;
	return -1;
}

/* The reload script and stylesheet before </head>; the draft mark after <body>. */
static void
inject(struct serve *s, struct buf *html, int draft)
{
	struct buf out = BUF_INIT, tags = BUF_INIT;
	long head, body;
	size_t at;

	pthread_mutex_lock(&s->lock);
	buf_addf(&tags,
		 "<link rel=\"stylesheet\" href=\"" PREFIX "reload.css\">\n"
		 "<script src=\"" PREFIX "reload.js?s=%s&amp;g=%lu\" defer></script>\n",
		 s->id, s->good);
	pthread_mutex_unlock(&s->lock);
	/* A page without a head (a fragment) gets them at its end. */
	head = find_tag(html, "</head");
	at = head < 0 ? html->len : (size_t)head;
	buf_add(&out, html->ptr, at);
	buf_addbuf(&out, &tags);
	if (draft && (body = find_tag(html, "<body")) >= (long)at) {
		const char *gt = memchr(html->ptr + body, '>', html->len - (size_t)body);

		if (gt) {
			size_t end = (size_t)(gt - html->ptr) + 1;

			buf_add(&out, html->ptr + at, end - at);
			BUF_ADDLIT(&out, "\n");
			buf_add(&out, draft_mark, sizeof(draft_mark) - 1);
			at = end;
		}
	}
	buf_add(&out, html->ptr + at, html->len - at);
	buf_release(html);
	*html = out;
	buf_release(&tags);
}

static int
read_fd(int fd, struct buf *out)
{
	char chunk[65536];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf_add(out, chunk, (size_t)n);
	}
	return 0;
}

static void
add_headers(struct MHD_Response *r, const char *mime)
{
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, mime);
	/* A preview is never stale: every request asks again. */
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
}

/* Send status with a short text body. */
static enum MHD_Result
send_text(struct MHD_Connection *c, unsigned status, const char *text)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(strlen(text), (void *)text,
					    MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	add_headers(r, "text/plain; charset=utf-8");
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/*
 * Send a body (a file from f->fd, or mem when it is not NULL, which is
 * then taken) with its range. status is 200 or 404.
 */
static enum MHD_Result
send_body(struct MHD_Connection *c, unsigned status, struct webfile *f,
	  struct buf *mem)
{
	const char *range = status == MHD_HTTP_OK ?
		MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_RANGE) : NULL;
	uint64_t size = mem ? mem->len : f->size, off, len;
	enum webfile_range which = webfile_range(range, size, &off, &len);
	struct MHD_Response *r;
	enum MHD_Result ret;
	char *cr;

	if (which == WEBFILE_RANGE_BAD) {
		r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
		if (!r)
			return MHD_NO;
		add_headers(r, f->mime);
		cr = xasprintf("bytes */%llu", (unsigned long long)size);
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_RANGE, cr);
		free(cr);
		ret = MHD_queue_response(c, MHD_HTTP_RANGE_NOT_SATISFIABLE, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (mem) {
		r = MHD_create_response_from_buffer((size_t)len, mem->ptr + off,
						    MHD_RESPMEM_MUST_COPY);
	} else {
		r = MHD_create_response_from_fd_at_offset64(len, f->fd, off);
		if (r)
			f->fd = -1; /* the response closes it */
	}
	if (!r)
		return MHD_NO;
	add_headers(r, f->mime);
	MHD_add_response_header(r, MHD_HTTP_HEADER_ACCEPT_RANGES, "bytes");
	if (which == WEBFILE_RANGE_OK) {
		cr = xasprintf("bytes %llu-%llu/%llu", (unsigned long long)off,
			       (unsigned long long)(off + len - 1),
			       (unsigned long long)size);
		MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_RANGE, cr);
		free(cr);
		status = MHD_HTTP_PARTIAL_CONTENT;
	}
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

/* An HTML file of the output, with the reload script in it. */
static enum MHD_Result
send_html(struct serve *s, struct MHD_Connection *c, unsigned status,
	  struct webfile *f)
{
	struct buf html = BUF_INIT;
	enum MHD_Result ret;

	if (read_fd(f->fd, &html) < 0) {
		buf_release(&html);
		return send_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "cannot read the file\n");
	}
	inject(s, &html, (s->flags & SERVE_DRAFTS) && is_draft(s, f->path));
	ret = send_body(c, status, f, &html);
	buf_release(&html);
	return ret;
}

/* A missing file: the site's own 404 page when it has one. */
static enum MHD_Result
send_missing(struct serve *s, struct MHD_Connection *c, int root)
{
	struct webfile f;
	enum MHD_Result ret;

	webfile_init(&f);
	if (root < 0) {
		struct buf html = BUF_INIT;

		/* No good build yet: a page that will show the errors. */
		buf_add(&html, no_site_yet, sizeof(no_site_yet) - 1);
		inject(s, &html, 0);
		f.mime = webfile_mime(".html");
		ret = send_body(c, MHD_HTTP_SERVICE_UNAVAILABLE, &f, &html);
		buf_release(&html);
		return ret;
	}
	if (webfile_open(&f, root, "/" ROUTES_NOT_FOUND) == MHD_HTTP_OK)
		ret = send_html(s, c, MHD_HTTP_NOT_FOUND, &f);
	else
		ret = send_text(c, MHD_HTTP_NOT_FOUND, "404 not found\n");
	webfile_release(&f);
	return ret;
}

static enum MHD_Result
send_file(struct serve *s, struct MHD_Connection *c, const char *url)
{
	struct webfile f;
	enum MHD_Result ret;
	int root, status;

	/* Opened for each request: a build swaps in a new folder at once. */
	root = open(s->out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	webfile_init(&f);
	if (root >= 0) {
		status = webfile_open(&f, root, url);
	} else {
		struct buf path = BUF_INIT;

		status = webfile_decode(url, &path) < 0 ? MHD_HTTP_BAD_REQUEST :
			 MHD_HTTP_NOT_FOUND;
		buf_release(&path);
	}
	if (status == MHD_HTTP_BAD_REQUEST && strlen(url) <= WEBFILE_MAX_PATH)
		ret = send_text(c, status, "400 bad request: this path cannot name a file of the site\n");
	else if (status == MHD_HTTP_BAD_REQUEST)
		ret = send_text(c, status, "400 bad request: the path is too long\n");
	else if (status == MHD_HTTP_MOVED_PERMANENTLY) {
		struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL,
									 MHD_RESPMEM_PERSISTENT);

		if (!r) {
			ret = MHD_NO;
		} else {
			add_headers(r, "text/plain; charset=utf-8");
			MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, f.location);
			ret = MHD_queue_response(c, status, r);
			MHD_destroy_response(r);
		}
	} else if (status != MHD_HTTP_OK)
		ret = send_missing(s, c, root);
	else if (!strncmp(f.mime, "text/html", 9))
		ret = send_html(s, c, MHD_HTTP_OK, &f);
	else
		ret = send_body(c, MHD_HTTP_OK, &f, NULL);
	webfile_release(&f);
	if (root >= 0)
		close(root);
	return ret;
}

/* An event for the state of the last build, under s->lock. */
static void
add_event(struct serve *s, struct buf *out, const char *event)
{
	buf_addf(out, "event: %s\ndata: {\"server\":\"%s\",\"good\":%lu,\"ok\":%s,\"css\":%s}\n\n",
		 event, s->id, s->good, s->ok ? "true" : "false",
		 s->css ? "true" : "false");
}

static ssize_t
sse_read(void *cls, uint64_t pos, char *to, size_t max)
{
	struct sse *e = cls;
	struct serve *s = e->s;
	size_t n;

	(void)pos;
	if (e->off == e->out.len) {
		buf_reset(&e->out);
		e->off = 0;
		pthread_mutex_lock(&s->lock);
		if (!e->greeted) {
			BUF_ADDLIT(&e->out, "retry: 1000\n");
			add_event(s, &e->out, "hello");
			e->greeted = 1;
			e->seen = s->builds;
		} else {
			struct timespec until;

			clock_gettime(CLOCK_MONOTONIC, &until);
			until.tv_sec += PING_SECONDS;
			/* One thread per connection: this one may wait. */
			while (!s->stopping && e->seen == s->builds &&
			       pthread_cond_timedwait(&s->changed, &s->lock, &until) == 0)
				;
			if (s->stopping) {
				pthread_mutex_unlock(&s->lock);
				return MHD_CONTENT_READER_END_OF_STREAM;
			}
			if (e->seen == s->builds) {
				BUF_ADDLIT(&e->out, ": ping\n\n");
			} else {
				e->seen = s->builds;
				add_event(s, &e->out, s->ok ? "reload" : "failed");
			}
		}
		pthread_mutex_unlock(&s->lock);
	}
	n = e->out.len - e->off;
	if (n > max)
		n = max;
	memcpy(to, e->out.ptr + e->off, n);
	e->off += n;
	return (ssize_t)n;
}

static void
sse_free(void *cls)
{
	struct sse *e = cls;

	buf_release(&e->out);
	free(e);
}

static enum MHD_Result
send_events(struct serve *s, struct MHD_Connection *c)
{
	struct sse *e = xcalloc(1, sizeof(*e));
	struct MHD_Response *r;
	enum MHD_Result ret;

	e->s = s;
	buf_init(&e->out, 256);
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, sse_read, e,
					      sse_free);
	if (!r) {
		sse_free(e);
		return MHD_NO;
	}
	add_headers(r, "text/event-stream; charset=utf-8");
	ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result
send_own(struct serve *s, struct MHD_Connection *c, const char *name)
{
	struct webfile f;
	struct buf body = BUF_INIT;
	enum MHD_Result ret;

	webfile_init(&f);
	if (!strcmp(name, "events"))
		return send_events(s, c);
	if (!strcmp(name, "reload.js")) {
		buf_add(&body, reload_js, sizeof(reload_js) - 1);
	} else if (!strcmp(name, "reload.css")) {
		buf_add(&body, reload_css, sizeof(reload_css) - 1);
	} else if (!strcmp(name, "status.json")) {
		pthread_mutex_lock(&s->lock);
		buf_addstr(&body, s->status);
		pthread_mutex_unlock(&s->lock);
	} else {
		return send_text(c, MHD_HTTP_NOT_FOUND, "404 not found\n");
	}
	f.mime = webfile_mime(name);
	ret = send_body(c, MHD_HTTP_OK, &f, &body);
	buf_release(&body);
	return ret;
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url,
       const char *method, const char *version, const char *upload,
       size_t *upload_size, void **con_cls)
{
	struct serve *s = cls;

	(void)version;
	(void)upload;
	/*
	 * The first call brings the headers only; answering then would
	 * make MHD close the connection instead of keeping it for the next
	 * request.
	 */
	if (!*con_cls) {
		*con_cls = s;
		return MHD_YES;
	}
	if (*upload_size) { /* a body nobody asked for: drop it */
		*upload_size = 0;
		return MHD_YES;
	}
	if (strcmp(method, MHD_HTTP_METHOD_GET) && strcmp(method, MHD_HTTP_METHOD_HEAD)) {
		struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL,
									 MHD_RESPMEM_PERSISTENT);
		enum MHD_Result ret;

		if (!r)
			return MHD_NO;
		add_headers(r, "text/plain; charset=utf-8");
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
		ret = MHD_queue_response(c, MHD_HTTP_METHOD_NOT_ALLOWED, r);
		MHD_destroy_response(r);
		return ret;
	}
	if (!strncmp(url, PREFIX, sizeof(PREFIX) - 1))
		return send_own(s, c, url + sizeof(PREFIX) - 1);
	return send_file(s, c, url);
}

/* Where the preview goes: the user's runtime folder (memory), else /tmp. */
static char *
make_tmp(struct diag *d)
{
	const char *roots[] = { getenv("XDG_RUNTIME_DIR"), getenv("TMPDIR"), "/tmp" };
	size_t i;

	for (i = 0; i < sizeof(roots) / sizeof(roots[0]); i++) {
		char *t;

		if (!roots[i] || !*roots[i] || !dir_exists(roots[i]))
			continue;
		t = path_join(roots[i], "showcase-preview-XXXXXX");
		if (mkdtemp(t))
			return t;
		free(t);
	}
	diag_error(d, "/tmp", 0, 0, "cannot make a folder for the preview: %s",
		   strerror(errno));
	return NULL;
}

struct serve *
serve_new(const struct serve_opts *o, struct diag *d)
{
	struct serve *s = xcalloc(1, sizeof(*s));
	pthread_condattr_t ca;
	int fd;

	s->site = xstrdup(o->site);
	s->datadir = xstrdup(o->datadir);
	s->flags = o->flags;
	s->id = xasprintf("%lx%lx", (unsigned long)getpid(), (unsigned long)time(NULL));
	pthread_mutex_init(&s->lock, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&s->changed, &ca);
	pthread_condattr_destroy(&ca);
	set_status(s, NULL);
	if ((fd = listen_on(o->bind, o->port, &s->port, d)) < 0)
		goto fail;
	if (!(s->tmp = make_tmp(d))) {
		close(fd);
		goto fail;
	}
	s->out = path_join(s->tmp, "site");
	s->daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD |
				     MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL,
				     0, NULL, NULL, handle, s,
				     MHD_OPTION_LISTEN_SOCKET, fd,
				     MHD_OPTION_UNESCAPE_CALLBACK, keep_raw, NULL,
				     MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)(4 * PING_SECONDS),
				     MHD_OPTION_END);
	if (!s->daemon) {
		close(fd);
		diag_error(d, NULL, 0, 0, "cannot start the web server on port %d",
			   s->port);
		goto fail;
	}
	return s;
fail:
	serve_free(s);
	return NULL;
}

int
serve_port(const struct serve *s)
{
	return s->port;
}

/* The pages marked draft: true, by their paths in the output. */
static void
find_drafts(struct serve *s, char ***out, size_t *n)
{
	struct diag *d = diag_new();
	struct content c;
	struct site site;
	size_t i, cap = 0;

	*out = NULL;
	*n = 0;
	/* The build has just read these without error. */
	if (site_load(&site, s->site, s->datadir, d) == 0) {
		content_load(&c, &site, NULL, 1, pool_cpus(), d);
		for (i = 0; i < c.ncases + c.npages + c.nbulletins; i++) {
			const struct page *p = i < c.ncases ? &c.cases[i] :
				i < c.ncases + c.npages ? &c.pages[i - c.ncases] :
				&c.bulletins[i - c.ncases - c.npages];

			if (!p->front.draft)
				continue;
			*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
			(*out)[(*n)++] = xstrdup(p->url);
		}
		content_release(&c);
	}
	site_release(&site);
	diag_free(d);
	xqsort(*out, *n, sizeof(**out), strptr_cmp);
}

int
serve_build(struct serve *s, int css_only, struct build_stats *st,
	    struct diag *d)
{
	struct build_opts o;
	char **drafts = NULL;
	size_t ndrafts = 0, i;
	int rc;

	memset(&o, 0, sizeof(o));
	o.site = s->site;
	o.out = s->out;
	o.datadir = s->datadir;
	o.flags = (s->flags & SERVE_DRAFTS) ? BUILD_DRAFTS : 0;
	rc = build_run(&o, st, d);
	if (rc == 0 && (s->flags & SERVE_DRAFTS))
		find_drafts(s, &drafts, &ndrafts);

	pthread_mutex_lock(&s->lock);
	/*
	 * Only stylesheets may be swapped when the pages shown are those of
	 * the build just before: after a failed one, other files may have
	 * changed since the last good build.
	 */
	s->css = rc == 0 && css_only && s->ok && s->good == s->builds;
	s->builds++;
	s->ok = rc == 0;
	if (rc == 0) {
		s->good = s->builds;
		for (i = 0; i < s->ndrafts; i++)
			free(s->drafts[i]);
		free(s->drafts);
		s->drafts = drafts;
		s->ndrafts = ndrafts;
	}
	set_status(s, rc == 0 ? NULL : d);
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
	return rc;
}

void
serve_free(struct serve *s)
{
	size_t i;

	if (!s)
		return;
	pthread_mutex_lock(&s->lock);
	s->stopping = 1;
	pthread_cond_broadcast(&s->changed);
	pthread_mutex_unlock(&s->lock);
	/* Joins every connection's thread; the event streams end above. */
	if (s->daemon)
		MHD_stop_daemon(s->daemon);
	if (s->tmp)
		tree_remove(s->tmp);
	for (i = 0; i < s->ndrafts; i++)
		free(s->drafts[i]);
	free(s->drafts);
	free(s->status);
	free(s->tmp);
	free(s->out);
	free(s->id);
	free(s->site);
	free(s->datadir);
	pthread_cond_destroy(&s->changed);
	pthread_mutex_destroy(&s->lock);
	free(s);
}
