/* Comparing reports case by case: two or more, observed or expected. */
#ifndef MSYNC_REPORT_COMPARE_H
#define MSYNC_REPORT_COMPARE_H

#include <stddef.h>

struct report;
struct row;
struct sbuf;
struct tview;

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
/* Under each row, a "#\t" line with the kind and reason of each cell
 * without an outcome; cite non-NULL: "#\t" lines with every variant's
 * expectation and its citations too.  A cell without an outcome shows
 * "(KIND)" as its outcome. */
void compare_text(const struct cmp *c, const struct tview *cite,
    struct sbuf *out);

#endif
