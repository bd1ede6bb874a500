/* The one grouping of rows that findings, compare and the HTML pages share,
 * so that each numbers the same groups alike: rows where every report
 * observed the same (or, without an outcome, has the same kind and reason)
 * and the judging variants expect the same of the case, on the same rules,
 * form a group.  Groups come by the severity class of their findings (the
 * table's severity lines), most severe first, then largest. */
#ifndef MSYNC_REPORT_GROUP_H
#define MSYNC_REPORT_GROUP_H

#include <stddef.h>

#include "report.h"

struct cmp;
struct sbuf;
struct tview;

struct group {
	size_t n, cap;
	size_t *rows;		/* the cmp's rows, in id order */
	char *key;
	int cls;		/* the most severe class of its findings (the
				 * tview's), -1: none (or no table) */
};

struct grouping {
	int njudges;
	const char *judge[MAX_VARIANTS];	/* the judging variants' names */
	size_t n;
	struct group *g;
};

/* judges: the variants whose expectations part the groups and judge the
 * findings (the documents, or the one findings --variant names). */
void grouping_build(struct grouping *gr, const struct cmp *c,
    const struct tview *t, int njudges, const char *const *judges);
void grouping_free(struct grouping *gr);
/* The documents of t among the variants of c's reports, in order of first
 * appearance: compare's judges.  Returns how many (none without t). */
int grouping_documents(const struct cmp *c, const struct tview *t,
    const char **judges);

/* The class of report i's cell on row d: -1 unless it is a finding (a
 * judge speaks, none accepts its outcome). */
int grouping_cell_class(const struct grouping *gr, const struct cmp *c,
    const struct tview *t, size_t d, int i);
/* A class's title; "no finding" for -1, "unclassified" without classes. */
const char *grouping_class_title(const struct tview *t, int cls);

/* The group's ids (malloc'ed, g->n of them). */
const char **group_ids(const struct cmp *c, const struct group *g);
/* Report i's matching variants over the group: "(all) linux, freebsd;
 * (some) macos 65/78", "(all) none" when none matches every case. */
void group_matches(const struct cmp *c, const struct group *g, int i,
    struct sbuf *out);
/* A typical row: the first whose matching variants are, in every observed
 * report, those that match every row of the group (not an exception);
 * else the one with the fewest others. */
size_t group_example(const struct cmp *c, const struct group *g);
/* What the reports observed: "EINVAL" for one report; with several,
 * "EINVAL in 18 reports; 0 in linux-sparc64-qemu, linux-i386-qemu". */
void group_outcomes(const struct cmp *c, const struct group *g,
    struct sbuf *out);
/* What the judges expect of the group: "fresh (aix, svr4), EINVAL
 * (posix)", "no judge speaks" (t NULL: nothing). */
void group_expected(const struct grouping *gr, const struct cmp *c,
    const struct tview *t, const struct group *g, struct sbuf *out);
/* The index's line: outcomes ("observed X" for one report); expectations;
 * the values every row shares. */
void group_line(const struct grouping *gr, const struct cmp *c,
    const struct tview *t, const struct group *g, struct sbuf *out);
/* "linux-x86_64-ext4" of "results/linux-x86_64-ext4.report" */
void short_name(struct sbuf *b, const char *path);

#endif
