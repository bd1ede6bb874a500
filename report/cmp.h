/* The rows where two or more reports, observed or expected, differ: the
 * table every comparison view (compare, findings, html) and the grouping
 * (group.h) read. */
#ifndef MSYNC_REPORT_CMP_H
#define MSYNC_REPORT_CMP_H

#include <stddef.h>

struct report;
struct row;

struct cmp {
	int n;                           /* reports */
	const struct report *const *reps;
	const char *const *names;
	size_t total;                    /* distinct case ids in all reports */
	size_t ndiff;                    /* rows that differ somewhere */
	const char **ids;                /* their ids, sorted */
	const struct row **cells;        /* ndiff x n; NULL: case absent */
};

/* Whether two reports' cells for one case disagree (NULL: absent). */
int cells_differ(const struct report *ra, const struct row *a,
    const struct report *rb, const struct row *b);
void compare_build(struct cmp *c, int n, const struct report *const *reps,
    const char *const *names);
/* One report's rows, as the page of that report shows them. */
void compare_rows(struct cmp *c, const struct report *const *rep,
    const char *const *name, const struct row *const *rows,
    size_t n);
void compare_free(struct cmp *c);
/* The variants of all reports, in order of first appearance (names[]
 * holds room for MAX_VARIANTS); returns how many. */
int compare_variants(const struct cmp *c, const char **names);

#endif
