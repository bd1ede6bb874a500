/* Comparing reports case by case: two or more, observed or expected. */
#ifndef MSYNC_REPORT_COMPARE_H
#define MSYNC_REPORT_COMPARE_H

#include <stddef.h>

struct grouping;
struct known;
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
/* What the text of a comparison holds besides its groups. */
struct compare_opts {
	const struct tview *t;		/* spans and expectations; NULL: none */
	const struct known *known;	/* rows to mark explained; NULL: none */
	int cite;			/* each variant's citations, a group once */
	int rows;			/* every row of a group, TAB-separated */
};

/* The comparison in the groups of gr (report/group.h): an index, then a
 * block a group with the values it spans, each report's outcome and
 * matching variants (a case without an outcome: "(KIND)" and its reason),
 * what the documents expect, the known explanation, an example; last
 * "# D of N cases differ". */
void compare_text(const struct cmp *c, const struct grouping *gr,
    const struct compare_opts *o, struct sbuf *out);
/* Under a group: each variant's expectations over its rows, distinct ones
 * with their counts, and the rules' citations, each once. */
void compare_cite(const struct cmp *c, const struct tview *t,
    const size_t *rows, size_t n, const char *indent, struct sbuf *out);
/* The distinct expectations of variant name over the rows (by outcome
 * set and rules): the first row of each and how many rows share it, in
 * first[] and count[] (room for n each); returns how many. */
size_t compare_expectations(const struct cmp *c, const struct tview *t,
    const char *name, const size_t *rows, size_t n, size_t *first,
    size_t *count);
/* The variants of all reports, in order of first appearance (names[]
 * holds room for MAX_VARIANTS); returns how many. */
int compare_variants(const struct cmp *c, const char **names);

#endif
