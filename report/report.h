/* msync-report: the in-memory report every command works on, and the
 * helpers shared by its readers and writers.  See results/README.md for the
 * canonical text format this models. */
#ifndef MSYNC_REPORT_H
#define MSYNC_REPORT_H

#include <stddef.h>
#include <stdint.h>

#define REPORT_FORMAT 2      /* the "# msync-report N" version written */
#define REPORT_FORMAT_MIN 1  /* the oldest one still read (and written back) */
#define RECORD_FORMAT 2      /* the newest msync-record format=N understood */
#define MAX_VARIANTS 64      /* one bit each in a vmask */

typedef uint64_t vmask;

/* Header facts, in the order they are written; fact_since[f] is the report
 * format that added f (a format-1 report has none of the later ones). */
enum fact { F_OS, F_RELEASE, F_MACHINE, F_ABI, F_LIBC, F_PAGESIZE,
	    F_EMULATOR, F_FACTS, F_FS, F_KYUA, F_SUITE, F_DATE, NFACTS };
extern const char *const fact_keys[NFACTS];
extern const int fact_since[NFACTS];

struct row {
	char *id;
	char *observed;       /* outcome or "-"; expected reports: set or "silent" */
	char *verdict;        /* kyua result type; "-" in expected reports */
	vmask matches;        /* variants whose expectation this outcome meets */
	vmask contradicts;    /* variants that expect something else */
	char *obs;            /* semantic observation or "-" */
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

struct err { char msg[1024]; };

/* report.c */
int errf(struct err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));   /* always returns -1 */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

void report_init(struct report *r);
void report_free(struct report *r);
void report_set_fact(struct report *r, enum fact f, const char *v);
struct row *report_add_row(struct report *r);
int report_add_variant(struct report *r, const char *name, struct err *e);
int report_variant_index(const struct report *r, const char *name);
void report_sort(struct report *r);
int report_check_row(const struct report *r, const struct row *w,
    struct err *e);
int report_has_outcome(const struct row *w);

int valid_id(const char *s);
int valid_variant_name(const char *s);
int valid_outcome(const char *s);
int valid_outcome_set(const char *s);
int valid_text(const char *s);
int valid_verdict(const char *s);
int outcome_compatible(const char *a, const char *b);
char *split_field(char **cursor, char sep);

struct sbuf;
void mask_format(const struct report *r, vmask m, struct sbuf *out);

#endif
