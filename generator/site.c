#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "diag.h"
#include "site.h"
#include "util.h"

/*
 * Labels the default templates use. A site changes any of them under
 * "labels" in site.json; templates see each as LABEL_<KEY>.
 */
static const struct {
	const char *key, *value;
} default_labels[] = {
	{ "about", "关于本站" },
	{ "all_cases", "全部案例" },
	{ "back_home", "返回首页" },
	{ "belt", "示范带" },
	{ "belts", "示范带和街区" },
	{ "brand", "党建品牌" },
	{ "brands", "党建品牌" },
	{ "bulletins", "工作简报" },
	{ "breadcrumb", "当前位置" },
	{ "cases", "典型案例" },
	{ "date", "发布日期" },
	{ "feed", "订阅更新（Atom）" },
	{ "featured", "重点推荐" },
	{ "footer_address", "地址" },
	{ "footer_host", "主办" },
	{ "footer_nav", "网站链接" },
	{ "footer_organizer", "承办" },
	{ "footer_phone", "电话" },
	{ "gold", "金色示范型党组织" },
	{ "home", "首页" },
	{ "indicators", "主要指标" },
	{ "latest", "最新案例" },
	{ "minutes", "分钟" },
	{ "nav", "主导航" },
	{ "nav_gold", "金色党组织" },
	{ "news", "工作动态" },
	{ "next", "下一篇" },
	{ "next_page", "下一页" },
	{ "no_data", "暂无数据" },
	{ "not_found", "页面未找到" },
	{ "not_found_text", "您访问的页面不存在或已经移动。" },
	{ "page_of", "页" },
	{ "pages", "分页" },
	{ "prev", "上一篇" },
	{ "prev_page", "上一页" },
	{ "print_page", "打印本页" },
	{ "reader_tools", "阅读辅助" },
	{ "reading", "阅读约" },
	{ "region", "所在区域" },
	{ "regions", "区域" },
	{ "related", "相关案例" },
	{ "search", "搜索" },
	{ "search_field", "关键词" },
	{ "search_more", "显示更多结果" },
	{ "search_noscript", "搜索功能需要浏览器启用 JavaScript。" },
	{ "search_suggest", "热门搜索" },
	{ "sites", "示范点" },
	{ "skip", "跳到正文" },
	{ "stats", "数据统计" },
	{ "tag", "标签" },
	{ "tags", "标签" },
	{ "text_size", "字号" },
	{ "toc", "目录" },
};

enum key_type { KEY_STRING, KEY_INT, KEY_BOOL, KEY_OBJECT };

/* site.json's own top-level keys; other modules register theirs (site.h). */
static const struct {
	const char *name;
	enum key_type type;
	size_t off; /* offset in struct site, for strings, ints and bools */
	int min, max;
} keys[] = {
	{ "title", KEY_STRING, offsetof(struct site, title), 0, 0 },
	{ "office", KEY_STRING, offsetof(struct site, office), 0, 0 },
	{ "description", KEY_STRING, offsetof(struct site, description), 0, 0 },
	{ "language", KEY_STRING, offsetof(struct site, language), 0, 0 },
	{ "output", KEY_STRING, offsetof(struct site, output), 0, 0 },
	{ "base_url", KEY_STRING, offsetof(struct site, base_url), 0, 0 },
	{ "base_path", KEY_STRING, offsetof(struct site, base_path), 0, 0 },
	{ "copyright", KEY_STRING, offsetof(struct site, copyright), 0, 0 },
	{ "year", KEY_STRING, offsetof(struct site, year), 0, 0 },
	{ "per_page", KEY_INT, offsetof(struct site, per_page), 1, 1000 },
	{ "featured", KEY_INT, offsetof(struct site, featured), 0, 100 },
	{ "labels", KEY_OBJECT, 0, 0, 0 },
	{ "markdown", KEY_OBJECT, 0, 0, 0 },
};

static const struct {
	const char *name;
	enum key_type type;
	size_t off;
	int min, max;
} md_keys[] = {
	{ "unsafe", KEY_BOOL, offsetof(struct site, md_unsafe), 0, 1 },
	{ "toc_min", KEY_INT, offsetof(struct site, toc_min), 0, 100 },
	{ "summary_chars", KEY_INT, offsetof(struct site, summary_chars), 20, 2000 },
};

static void
set_string(char **dst, const char *value)
{
	free(*dst);
	*dst = xstrdup(value);
}

static int
read_value(struct site *s, const cJSON *item, enum key_type type,
	   size_t off, int min, int max, struct diag *d)
{
	int line, col;

	json_value_pos(&s->json, item, &line, &col);
	switch (type) {
	case KEY_STRING:
		if (!cJSON_IsString(item)) {
			diag_error(d, s->src.path, line, col,
				   "\"%s\" must be a string", item->string);
			return -1;
		}
		set_string((char **)((char *)s + off), item->valuestring);
		return 0;
	case KEY_INT:
		if (!cJSON_IsNumber(item) || item->valuedouble != (int)item->valuedouble ||
		    item->valuedouble < min || item->valuedouble > max) {
			diag_error(d, s->src.path, line, col,
				   "\"%s\" must be a whole number from %d to %d",
				   item->string, min, max);
			return -1;
		}
		*(int *)((char *)s + off) = (int)item->valuedouble;
		return 0;
	case KEY_BOOL:
		if (!cJSON_IsBool(item)) {
			diag_error(d, s->src.path, line, col,
				   "\"%s\" must be true or false", item->string);
			return -1;
		}
		*(int *)((char *)s + off) = cJSON_IsTrue(item);
		return 0;
	case KEY_OBJECT:
		if (!cJSON_IsObject(item)) {
			diag_error(d, s->src.path, line, col,
				   "\"%s\" must be an object", item->string);
			return -1;
		}
		return 0;
	}
	return 0;
}

static int
label_cmp(const void *a, const void *b)
{
	return strcmp(((const struct site_label *)a)->key,
		      ((const struct site_label *)b)->key);
}

static void
add_label(struct site *s, size_t *cap, const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < s->nlabels; i++) {
		if (!strcmp(s->labels[i].key, key)) {
			set_string(&s->labels[i].value, value);
			return;
		}
	}
	s->labels = xgrow(s->labels, cap, s->nlabels + 1, sizeof(*s->labels));
	s->labels[s->nlabels].key = xstrdup(key);
	s->labels[s->nlabels].value = xstrdup(value);
	s->nlabels++;
}

static int
read_labels(struct site *s, const cJSON *obj, size_t *cap, struct diag *d)
{
	const cJSON *it;
	int rc = 0, line, col;

	cJSON_ArrayForEach(it, obj) {
		const char *k;

		json_pos(&s->json, it, &line, &col);
		for (k = it->string; *k; k++)
			if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_'))
				break;
		if (*k || !*it->string) {
			diag_error(d, s->src.path, line, col,
				   "label key \"%s\" must be lowercase letters, digits and '_'",
				   it->string);
			rc = -1;
		} else if (!cJSON_IsString(it)) {
			diag_error(d, s->src.path, line, col,
				   "label \"%s\" must be a string", it->string);
			rc = -1;
		} else {
			add_label(s, cap, it->string, it->valuestring);
		}
	}
	return rc;
}

static int
read_markdown(struct site *s, const cJSON *obj, struct diag *d)
{
	const cJSON *it;
	int rc = 0;
	size_t i;

	cJSON_ArrayForEach(it, obj) {
		for (i = 0; i < sizeof(md_keys) / sizeof(md_keys[0]); i++)
			if (!strcmp(it->string, md_keys[i].name))
				break;
		if (i == sizeof(md_keys) / sizeof(md_keys[0])) {
			json_diag(d, DIAG_ERROR, &s->json, s->src.path, it,
				  "unknown key \"markdown.%s\"; \"markdown\" takes \"unsafe\", \"toc_min\", \"summary_chars\"",
				  it->string);
			rc = -1;
			continue;
		}
		if (read_value(s, it, md_keys[i].type, md_keys[i].off,
			       md_keys[i].min, md_keys[i].max, d) < 0)
			rc = -1;
	}
	return rc;
}

static const struct site_key *const registered[] = {
	model_site_keys, data_site_keys, bulletin_site_keys, build_site_keys,
	stats_site_keys, screen_site_keys,
	render_site_keys,
};

/* The registered key (section NULL: at the top), or NULL. */
static const struct site_key *
find_key(const char *section, const char *key)
{
	const struct site_key *k;
	size_t i;

	for (i = 0; i < sizeof(registered) / sizeof(registered[0]); i++)
		for (k = registered[i]; k->key; k++)
			if ((section ? k->section && !strcmp(k->section, section) :
			     !k->section) && !strcmp(k->key, key))
				return k;
	return NULL;
}

/* The keys of section as a message lists them; how many there are. */
static size_t
section_keys(const char *section, struct buf *b)
{
	const struct site_key *k;
	size_t i, n = 0;

	for (i = 0; i < sizeof(registered) / sizeof(registered[0]); i++)
		for (k = registered[i]; k->key; k++)
			if (k->section && !strcmp(k->section, section))
				buf_addf(b, "%s\"%s\"", n++ ? ", " : "", k->key);
	return n;
}

static int
all_strings(const cJSON *list)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, list)
		if (!cJSON_IsString(it))
			return 0;
	return 1;
}

static int
check_type(struct site *s, const cJSON *item, const char *path,
	   enum site_type type, struct diag *d)
{
	const char *what = "";
	int ok = 0, line, col;

	switch (type) {
	case SITE_STRING:
		ok = cJSON_IsString(item), what = "a string";
		break;
	case SITE_NUMBER:
		ok = cJSON_IsNumber(item), what = "a number";
		break;
	case SITE_WHOLE:
		ok = cJSON_IsNumber(item) && item->valuedouble >= 0 &&
		     item->valuedouble <= 1000000 &&
		     item->valuedouble == (double)(int)item->valuedouble;
		what = "a whole number from 0 to 1000000";
		break;
	case SITE_BOOL:
		ok = cJSON_IsBool(item), what = "true or false";
		break;
	case SITE_STRINGS:
		ok = cJSON_IsArray(item) && all_strings(item);
		what = "a list of strings";
		break;
	case SITE_STRING_OR_LIST:
		ok = cJSON_IsString(item) ||
		     (cJSON_IsArray(item) && all_strings(item));
		what = "a string or a list of strings";
		break;
	case SITE_OBJECT:
		ok = cJSON_IsObject(item), what = "an object";
		break;
	}
	if (ok)
		return 0;
	/* In a list, the entry that is not a string. */
	if (cJSON_IsArray(item) && !all_strings(item))
		for (item = item->child; cJSON_IsString(item); item = item->next)
			;
	json_value_pos(&s->json, item, &line, &col);
	diag_error(d, s->src.path, line, col, "\"%s\" must be %s", path, what);
	return -1;
}

/* A top-level key that another module reads: its value, or its section. */
static int
check_registered(struct site *s, const cJSON *item, struct diag *d)
{
	const struct site_key *k = find_key(NULL, item->string);
	struct buf path = BUF_INIT, known = BUF_INIT;
	const cJSON *it;
	int rc = 0;

	if (k)
		return check_type(s, item, item->string, k->type, d);
	if (!section_keys(item->string, &known)) {
		json_diag(d, DIAG_ERROR, &s->json, s->src.path, item,
			  "unknown key \"%s\"", item->string);
		rc = -1;
		goto out;
	}
	if (check_type(s, item, item->string, SITE_OBJECT, d) < 0) {
		rc = -1;
		goto out;
	}
	cJSON_ArrayForEach(it, item) {
		buf_reset(&path);
		buf_addf(&path, "%s.%s", item->string, it->string);
		if (!(k = find_key(item->string, it->string))) {
			json_diag(d, DIAG_ERROR, &s->json, s->src.path, it,
				  "unknown key \"%s\"; \"%s\" takes %s",
				  path.ptr, item->string, known.ptr);
			rc = -1;
		} else if (check_type(s, it, path.ptr, k->type, d) < 0) {
			rc = -1;
		}
	}
out:
	buf_release(&path);
	buf_release(&known);
	return rc;
}

static char *
existing_dir(char *path)
{
	if (dir_exists(path))
		return path;
	free(path);
	return NULL;
}

static int
same_dir(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
	       sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
add_root(char ***list, size_t *n, char *path)
{
	if (!dir_exists(path)) {
		free(path);
		return;
	}
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = path;
}

/*
 * base_path roots the 404 page, which a server shows at any URL. Browsers
 * take "//host/" as another host, read a backslash as '/' and drop tabs
 * and line ends from URLs, so "/\\host/" and "/<TAB>/host/" are other
 * hosts too.
 */
static int
path_on_host(const char *p)
{
	if (p[0] == '/' && p[1] == '/')
		return 0;
	for (; *p; p++)
		if (*p == '\\' || (unsigned char)*p <= ' ' || *p == 0x7F)
			return 0;
	return 1;
}

int
site_load(struct site *s, const char *dir, const char *datadir,
	  struct diag *d)
{
	const cJSON *it;
	size_t i, labcap = 0;
	char *path = NULL;
	int rc = -1, line, col;

	memset(s, 0, sizeof(*s));
	buf_init(&s->src.text, 0);
	s->dir = xstrdup(dir);
	s->title = xstrdup("两新组织党建工作");
	s->office = xstrdup("");
	s->description = xstrdup("");
	s->language = xstrdup("zh-CN");
	s->output = xstrdup("public");
	s->base_url = xstrdup("");
	s->base_path = xstrdup("");
	s->copyright = xstrdup("");
	s->year = xstrdup("");
	s->per_page = 10;
	s->featured = 3;
	s->toc_min = 4;
	s->summary_chars = 120;
	for (i = 0; i < sizeof(default_labels) / sizeof(default_labels[0]); i++)
		add_label(s, &labcap, default_labels[i].key, default_labels[i].value);

	path = site_path(s, "site.json");
	if (!file_exists(path)) {
		if (!dir_exists(dir))
			diag_error(d, dir, 0, 0, "site folder not found");
		else
			diag_error(d, path, 0, 0,
				   "site.json not found: a site folder holds site.json (\"{}\" is enough)");
		goto out;
	}
	if (src_load(&s->src, path, "site.json", SRC_SITE_JSON, d) < 0)
		goto out;
	if (json_parse(&s->json, &s->src, d) < 0)
		goto out;
	if (!cJSON_IsObject(s->json.root)) {
		json_pos(&s->json, s->json.root, &line, &col);
		diag_error(d, s->src.path, line, col,
			   "site.json must hold one object");
		goto out;
	}
	rc = 0;
	cJSON_ArrayForEach(it, s->json.root) {
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
			if (!strcmp(it->string, keys[i].name))
				break;
		if (i == sizeof(keys) / sizeof(keys[0])) {
			if (check_registered(s, it, d) < 0)
				rc = -1;
			continue;
		}
		if (read_value(s, it, keys[i].type, keys[i].off, keys[i].min,
			       keys[i].max, d) < 0) {
			rc = -1;
			continue;
		}
		if (!strcmp(it->string, "labels") && read_labels(s, it, &labcap, d) < 0)
			rc = -1;
		if (!strcmp(it->string, "markdown") && read_markdown(s, it, d) < 0)
			rc = -1;
	}
	if (*s->base_url && (!strstr(s->base_url, "://") ||
			     s->base_url[strlen(s->base_url) - 1] != '/')) {
		it = cJSON_GetObjectItemCaseSensitive(s->json.root, "base_url");
		json_value_pos(&s->json, it, &line, &col);
		diag_error(d, s->src.path, line, col,
			   "\"base_url\" must be an absolute URL ending in '/', such as \"http://dangjian.example/\"");
		rc = -1;
	}
	if (*s->base_path && (s->base_path[0] != '/' ||
			      s->base_path[strlen(s->base_path) - 1] != '/')) {
		it = cJSON_GetObjectItemCaseSensitive(s->json.root, "base_path");
		json_value_pos(&s->json, it, &line, &col);
		diag_error(d, s->src.path, line, col,
			   "\"base_path\" must start and end with '/', such as \"/dangjian/\"");
		rc = -1;
	} else if (*s->base_path && !path_on_host(s->base_path)) {
		it = cJSON_GetObjectItemCaseSensitive(s->json.root, "base_path");
		json_value_pos(&s->json, it, &line, &col);
		diag_error(d, s->src.path, line, col,
			   "\"base_path\" must be a path on this host, such as \"/dangjian/\": a browser reads \"%s\" as another host (no \"//\" at the start, no backslash, space or control character)",
			   s->base_path);
		rc = -1;
	}
	if (!*s->output) {
		it = cJSON_GetObjectItemCaseSensitive(s->json.root, "output");
		json_pos(&s->json, it, &line, &col);
		diag_error(d, s->src.path, line, col, "\"output\" must not be empty");
		rc = -1;
	}
	xqsort(s->labels, s->nlabels, sizeof(*s->labels), label_cmp);
	if (!*s->copyright)
		set_string(&s->copyright, s->office);
	add_root(&s->templates, &s->ntemplates, site_path(s, "templates"));
	add_root(&s->templates, &s->ntemplates, path_join(datadir, "templates"));
	s->assets = existing_dir(site_path(s, "assets"));
	s->theme = existing_dir(path_join(datadir, "assets"));
	/* The repository is itself a site: its defaults are its own folders. */
	if (s->ntemplates == 2 && same_dir(s->templates[0], s->templates[1])) {
		free(s->templates[1]);
		s->ntemplates = 1;
	}
	if (s->assets && s->theme && same_dir(s->assets, s->theme)) {
		free(s->theme);
		s->theme = NULL;
	}
out:
	free(path);
	return rc;
}

void
site_release(struct site *s)
{
	size_t i;

	free(s->dir);
	free(s->title);
	free(s->office);
	free(s->description);
	free(s->language);
	free(s->output);
	free(s->base_url);
	free(s->base_path);
	free(s->copyright);
	free(s->year);
	for (i = 0; i < s->nlabels; i++) {
		free(s->labels[i].key);
		free(s->labels[i].value);
	}
	free(s->labels);
	for (i = 0; i < s->ntemplates; i++)
		free(s->templates[i]);
	free(s->templates);
	free(s->assets);
	free(s->theme);
	json_release(&s->json);
	src_release(&s->src);
	memset(s, 0, sizeof(*s));
}

const cJSON *
site_section(const struct site *s, const char *key)
{
	if (!s->json.root)
		return NULL;
	return cJSON_GetObjectItemCaseSensitive(s->json.root, key);
}

const cJSON *
site_setting(const struct site *s, const char *section, const char *key)
{
	const cJSON *sec = site_section(s, section);

	return cJSON_IsObject(sec) ? cJSON_GetObjectItemCaseSensitive(sec, key) :
	       NULL;
}

const char *
site_setting_str(const struct site *s, const char *section, const char *key)
{
	const cJSON *v = site_setting(s, section, key);

	return cJSON_IsString(v) && *v->valuestring ? v->valuestring : NULL;
}

char *
site_path(const struct site *s, const char *rel)
{
	if (rel[0] == '/')
		return xstrdup(rel);
	return path_join(s->dir, rel);
}

const char *
site_label(const struct site *s, const char *key)
{
	size_t lo = 0, hi = s->nlabels;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(key, s->labels[mid].key);

		if (!c)
			return s->labels[mid].value;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return key;
}
