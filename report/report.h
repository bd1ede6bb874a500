/* msync-report: the in-memory report every command works on, and the
 * helpers shared by its readers and writers.  See results/README.md for the
 * canonical text format this models. */
#ifndef MSYNC_REPORT_H
#define MSYNC_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "../lib/facts.h"
#include "../lib/recordfmt.h"
#include "util.h"

struct sbuf;

#define REPORT_FORMAT_MIN 1  /* the oldest one still read (and written back) */
#define REASON_FORMAT 3      /* the first report format with reasons */
#define REASON_MAX 300       /* bytes of a reason kept, "..." included */
#define MAX_VARIANTS 64      /* one bit each in a vmask */

typedef uint64_t vmask;

/* The header's lines after "# kind", in order: the tested system's facts
 * (lib/facts.h), then msync-report's own, as X(NAME, unused, SINCE): SINCE
 * is the report format that added the line. */
#define REPORT_FACTS(X) \
	MH_FACTS(X) \
	X(facts,	0,	2)	/* where os..emulator come from */ \
	X(fs,		0,	1)	/* the records' fs= */ \
	X(kyua,		0,	1)	/* kyua's version */ \
	X(suite,	0,	1)	/* msync-conformance's */ \
	X(date,		0,	1)	/* the run's day, UTC */ \
	X(verdict,	0,	3)	/* what the cases were judged by */

enum fact {
#define REPORT_FACT_ENUM(name, size, since) F_##name,
	REPORT_FACTS(REPORT_FACT_ENUM)
#undef REPORT_FACT_ENUM
	NFACTS
};
/*
 * The "# msync-report N" version written: the newest format any part of the
 * report needs, the reasons' or a header line's SINCE, so that a new fact
 * (its line in lib/facts.h, SINCE the next number) brings its format along.
 */
#define REPORT_SINCE_BIT(name, size, since) | 1u << (since)
#define REPORT_FORMATS (1u << REASON_FORMAT REPORT_FACTS(REPORT_SINCE_BIT))
#define REPORT_FORMAT (REPORT_FORMATS >> 7 ? 7 : REPORT_FORMATS >> 6 ? 6 : \
	REPORT_FORMATS >> 5 ? 5 : REPORT_FORMATS >> 4 ? 4 : REPORT_FORMATS >> 3 ? 3 : \
	REPORT_FORMATS >> 2 ? 2 : 1)
_Static_assert(REPORT_FORMATS >> 8 == 0, "a report format above 7: extend REPORT_FORMAT");

/* The facts the test programs record: F_os up to this one, excluded. */
#define F_RECORDED_END F_facts
extern const char *const fact_keys[NFACTS];
extern const int fact_since[NFACTS];

/* kyua's result types, which the report calls a case's kind. */
enum kind { K_PASSED, K_FAILED, K_SKIPPED, K_BROKEN, K_XFAIL, NKINDS };
extern const char *const kind_names[NKINDS];

struct row {
	char *id;
	char *observed;       /* outcome or "-"; expected reports: set or "silent" */
	char *verdict;        /* kyua result type (kind); "-" in expected reports */
	vmask matches;        /* variants whose expectation this outcome meets */
	vmask contradicts;    /* variants that expect something else */
	char *obs;            /* semantic observation or "-" */
	char *reason;         /* no outcome: kyua's reason; else "-"; NULL: a
	                       * report of a format that keeps none */
	unsigned long line;   /* where it was read, for messages; 0 if built */
};

struct report {
	int format;           /* the report format it is written in */
	char *expected;       /* NULL: observed on a host; else that variant */
	char *facts[NFACTS];
	int nvariants;
	char *variants[MAX_VARIANTS];
	char *titles[MAX_VARIANTS];   /* each variant's title; all NULL: none known */
	struct row *rows;     /* sorted by id, unique, once complete */
	size_t nrows, cap;
};

void report_init(struct report *r);
void report_free(struct report *r);
void report_set_fact(struct report *r, enum fact f, const char *v);
struct row *report_add_row(struct report *r);
int report_add_variant(struct report *r, const char *name, struct err *e);
int report_variant_index(const struct report *r, const char *name);
vmask report_all_variants(const struct report *r);
void report_sort(struct report *r);
int report_check_row(const struct report *r, const struct row *w,
    struct err *e);
/* The verdict header: "manuals", "unknown" or a variant of the list in an
 * observed report, "-" in an expected one. */
int report_check_verdict(const struct report *r, struct err *e);
/* "observed: Linux 6.1.0 x86_64, fs ext4, 2025-01-31" or "expected posix" */
void report_describe(const struct report *r, struct sbuf *out);

/* Whether the case observed its call: an outcome the variants judge.  A
 * skipped or broken case has none, whatever an old report says. */
int report_has_outcome(const struct row *w);
/* The case's kind: kyua's result, but "broken" for a case whose old record
 * said MH_BROKEN_AFTER_CALL. */
const char *row_kind(const struct row *w);
/* The outcome (an expected set, or silent), or "-" when the case has
 * none. */
const char *row_outcome(const struct row *w);
/* What the observed column shows: the outcome, or "(KIND)" without one. */
void row_shown(const struct report *r, const struct row *w, struct sbuf *out);
int kind_index(const char *s);   /* -1: not a kind */

int valid_id(const char *s);
int valid_variant_name(const char *s);
int valid_outcome(const char *s);
int valid_outcome_set(const char *s);
int valid_text(const char *s);
int valid_verdict(const char *s);
int valid_reason(const char *s);
/* kyua's reason text made a reason: one line, single spaces, at most
 * REASON_MAX bytes (cut at a character, with "..."); "-" when empty. */
void reason_clean(const char *s, struct sbuf *out);
int outcome_compatible(const char *a, const char *b);
char *split_field(char **cursor, char sep);
void mask_format(const struct report *r, vmask m, struct sbuf *out);

#endif
