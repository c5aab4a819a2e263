#ifndef SHOWCASE_DATA_H
#define SHOWCASE_DATA_H

/*
 * Loading the data exports of data-format.md from SITE/content/data/ into
 * a struct model: every export as NAME.json (an array of records) or
 * NAME.jsonl (one record per line), validated as it is read, every problem
 * reported with file:line:col, and the private fields dropped before
 * anything else sees a record.
 *
 * Memory. A .jsonl export is read one line at a time and a .json export one
 * array element at a time (the file text is held, the tree of only one
 * record), and no record is kept whole. What stays is what the model needs:
 *  - the small exports (brands, belts, indicators) in full;
 *  - assessments, read before the organisations: per assessed
 *    organisation its latest two rounds and scores and the seven
 *    weighted dimensions of the latest (40 bytes), folded in as the
 *    records stream by, and the tier counts of every round, so that the
 *    organisation stream can count tiers, fill in a kept record's tier
 *    and know what to keep; older (organisation, round) pairs only when
 *    the data has more than two rounds, to tell duplicates;
 *  - per organisation only its id, interned in a packed set (about 13
 *    bytes plus its length), needed to find duplicate ids; references to
 *    organisations from the other exports are checked against it;
 *  - counts and one aggregate per region, industry and joint organisation;
 *  - full records only of the units the site or the report shows:
 *    demonstration sites, brand owners, belt points, with
 *    DATA_KEEP_ASSESSED the assessed ones (the lists of gold, weak and
 *    moving organisations, the weakest dimensions) and with
 *    DATA_KEEP_NONCOMPLIANT the units breaking a rule. The aggregates of
 *    the assessments are counted as the organisations stream by, so
 *    stats needs neither. A unit whose joint
 *    organisation turns out too big is only known at the end, so the
 *    report mode reads the organisations a second time when there is one.
 * A million organisations thus cost tens of megabytes, not gigabytes; see
 * docs/data-format.md for measured figures.
 *
 * Loading order: brands, belts, indicators, venues, honours, assessments,
 * organizations
 * (references are resolved at the end, so the order of files does not
 * matter to the user).
 */

#include <stddef.h>

#include <cJSON.h>

#include "model.h"

struct diag;
struct json_doc;

enum data_export {
	DATA_ORGANIZATIONS,
	DATA_ASSESSMENTS,
	DATA_INDICATORS,
	DATA_BELTS,
	DATA_BRANDS,
	DATA_VENUES,
	DATA_HONOURS,
	DATA_NEXPORTS
};

/* "organizations", "assessments", ...: the names of the contract. */
extern const char *const data_export_names[DATA_NEXPORTS];

/*
 * The private fields of each export: top-level names or dotted paths
 * ("org.contact"). organizations.contact is always private; site.json
 * adds more under "private": {"organizations": ["legal_person"], ...}.
 */
struct data_private {
	char **fields[DATA_NEXPORTS];
	size_t nfields[DATA_NEXPORTS];
};

/* The default set. Release with data_private_release(). */
void data_private_init(struct data_private *p);
/*
 * Add the "private" object of site.json (obj may be NULL); doc gives
 * positions. A required field of the contract cannot be private (it would
 * make every record invalid): that and other mistakes are errors in d.
 */
int data_private_read(struct data_private *p, const struct json_doc *doc,
		      const cJSON *obj, struct diag *d);
void data_private_release(struct data_private *p);

enum data_flags {
	/* Keep every unit that breaks a rule, for the internal report. */
	DATA_KEEP_NONCOMPLIANT = 1 << 0,
	/* Keep every assessed unit: the lists of gold, weak and moving
	 * organisations and the weakest dimensions are made of them. */
	DATA_KEEP_ASSESSED = 1 << 1,
};

/*
 * Load every export of site_dir/content/data into m, which this function
 * initialises (model_init) and finishes (model_finish). A missing export
 * has no records; a missing folder is no error. Returns 0, or -1 with
 * every problem in d (reading goes on after an error). m must be released
 * with model_release() whatever the result.
 */
int data_load(struct model *m, const char *site_dir,
	      const struct model_config *cfg, const struct data_private *priv,
	      unsigned flags, struct diag *d);

/*
 * The same, configured from site.json: reads its "rules" and "private"
 * objects from site_json (its root may be NULL, or site_json NULL: the
 * defaults), then calls data_load().
 */
int data_load_site(struct model *m, const char *site_dir,
		   const struct json_doc *site_json, unsigned flags,
		   struct diag *d);

/*
 * Call fn with every value held in a private field of the data, so that
 * the build can prove that none of them reached the output. Strings are
 * given as they are; numbers as the file writes them (an 18-digit ID
 * number stays exact). Very short values (a one-character name) may occur
 * by chance; the caller decides what to search for. Returns 0, or -1 when
 * an export could not be read.
 */
struct data_private_value {
	const char *export; /* "organizations" */
	const char *field;  /* as site.json names it: "contact", "org.phone" */
	const char *file;   /* as shown: content/data/organizations.json */
	int line, col;      /* where the value is */
	const char *value;
};
typedef void (*data_private_fn)(void *arg,
				const struct data_private_value *v);
int data_private_values(const char *site_dir, const struct data_private *p,
			data_private_fn fn, void *arg, struct diag *d);

#endif
