/* A LAVA job's log, as lava-run writes it on stderr or a LAVA server keeps
 * it (one YAML flow mapping per line, "- " before each on the server): the
 * per-case results LAVA recorded, and the canonical report the test
 * definition lava/msync.yaml printed between its markers. */
#ifndef MSYNC_REPORT_LAVA_H
#define MSYNC_REPORT_LAVA_H

#include <stddef.h>

#include "buf.h"

struct err;
struct report;

/* One LAVA test case: a "results" line of the log. */
struct lava_case {
	char *definition;       /* "lava" for LAVA's own, else "N_NAME" */
	char *set;              /* the test set (a test program), or NULL */
	char *name;
	char *result;           /* pass, fail, skip, unknown */
	unsigned long line;
};

struct lava_log {
	struct lava_case *cases;
	size_t ncases, cap;
	struct sbuf report;     /* the report text between the markers */
	int reports;            /* how many report blocks the log holds */
	unsigned long lines;    /* the line count the begin marker gave */
	unsigned long cksum;    /* and its POSIX cksum */
	unsigned long at;       /* the log line of the begin marker */
};

/* Reads the log in data; 0, or -1 with e saying "name:line: reason". */
int lava_log_read(const char *name, const char *data, size_t len,
    struct lava_log *l, struct err *e);
void lava_log_free(struct lava_log *l);
/* The results a LAVA server returns for a job, as its CSV export
 * (lava-server's testjob_csv: name, job, suite, result, ..., metadata),
 * in place of the log's own results lines. */
int lava_results_csv(const char *name, const char *data, size_t len,
    struct lava_log *l, struct err *e);

/* The report the log carries, checked against its markers and against
 * LAVA's results: LAVA's own cases passed, and the test cases of
 * definition (NULL: the only one that is not LAVA's) are exactly the
 * report's cases, each with the result its verdict gives.  counts gets a
 * line for LAVA's counts and one for the report's; cases, if not NULL, the
 * per-case results (set, case, result), sorted. */
int lava_report(const char *name, struct lava_log *l, const char *definition,
    struct report *r, struct sbuf *counts, struct sbuf *cases,
    struct err *e);

/* The LAVA result of a kyua verdict: pass, fail or skip. */
const char *lava_result_of(const char *verdict);

/* POSIX cksum of data. */
unsigned long posix_cksum(const char *data, size_t len);

#endif
