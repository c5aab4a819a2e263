#ifndef SHOWCASE_HONOUR_H
#define SHOWCASE_HONOUR_H

/*
 * struct honours: the honours organisations were given (seed 003: 五星支部,
 * 标杆式党支部), one record of the honours export each: the organisation,
 * the honour, the year and optionally the level that gave it.
 *
 * struct model owns one (model->honours); data.c feeds it with
 * honours_add() and model_finish() calls honours_finish(), which sorts the
 * list by organisation, then year (newest first), then honour. Strings
 * are owned and freed by honours_free().
 */

#include <stddef.h>

#include "model.h"

struct buf;

enum honour_kind {
	HONOUR_FIVE_STAR, /* 五星支部 */
	HONOUR_BENCHMARK, /* 标杆式党支部 */
	HONOUR_NKINDS
};

/* "five_star", "benchmark": as the export writes them. */
extern const char *const honour_kind_keys[HONOUR_NKINDS];

struct honour {
	char *org_id;
	enum honour_kind kind;
	int year;
	enum model_demo level;       /* MODEL_DEMO_NONE when not given */
};

/* Honours given in one year, by kind. */
struct honour_year {
	int year;
	long kinds[HONOUR_NKINDS];
};

struct honours {
	struct honour *list;
	size_t n, cap;
	long kinds[HONOUR_NKINDS];   /* all years */
	struct honour_year *years;   /* oldest first */
	size_t nyears;
	long orgs;                   /* organisations with at least one */
};

/* Caller frees with honours_free(). */
struct honours *honours_new(void);
void honours_free(struct honours *h);

/* Takes ownership of one's strings. */
void honours_add(struct honours *h, struct honour *one);
void honours_finish(struct honours *h);

/* The honours of one organisation, newest first: *n of them from the
 * returned pointer (into h->list), or NULL. */
const struct honour *honours_of(const struct honours *h, const char *org_id,
				size_t *n);
/* 五星支部 ... */
const char *honour_kind_label(enum honour_kind k);
/* "2025年 市级 标杆式党支部": one honour as the site shows it. */
void honour_text(const struct honour *one, struct buf *out);

/* All honours of one organisation, newest first, joined with 、: nothing
 * when it has none. */
void honours_line(const struct honours *h, const char *org_id,
		  struct buf *out);

/* The "honours" object of `showcase stats --json`, no newline. */
void honours_json(const struct honours *h, struct buf *out);

#endif
