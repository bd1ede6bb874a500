/* Comparing reports case by case: two or more, observed or expected. */
#ifndef MSYNC_REPORT_COMPARE_H
#define MSYNC_REPORT_COMPARE_H

#include <stddef.h>

#include "cmp.h"

struct grouping;
struct known;
struct report;
struct sbuf;
struct tview;

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

#endif
