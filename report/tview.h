/* The case table as the writers of reports see it: each variant's
 * expectation of a case with the rules and citations it rests on, and the
 * dimensions a case id is made of.  msync-report fills it from the table it
 * was built with (report/table.c); without one (the fuzz target) the
 * writers leave citations and spans out. */
#ifndef MSYNC_REPORT_TVIEW_H
#define MSYNC_REPORT_TVIEW_H

#include <stddef.h>

#include "../lib/grammar.h"	/* MH_MAXRULES */

#define TV_MAXDIMS 8

struct sbuf;

/* What one variant expects of one case. */
struct expectation {
	const char *accept;	/* outcomes, space-separated; NULL: silent */
	int document;		/* the variant is a document, not an implementation */
	int nrules;
	const char *where[MH_MAXRULES];	/* "t/variants/posix.tbl:9" */
	const char *cite[MH_MAXRULES];	/* the sentence or source line */
};

struct tview {
	/* Whether the table has the case. */
	int (*has_case)(const char *id);
	/* 0 with x filled in; -1 when the table has no such case or variant. */
	int (*lookup)(const char *id, const char *variant,
	    struct expectation *x);
	/* 1 a document, 0 an implementation, -1 not in the table */
	int (*is_document)(const char *variant);
	/* The case's description (kyua list -v's), nothing if unknown. */
	void (*describe)(const char *id, struct sbuf *out);
	int nvariants;
	const char *const *variants;	/* the table's, in table order */
	int ndims;
	const char *dim[TV_MAXDIMS];	/* names, in id order */
	int optional[TV_MAXDIMS];	/* left out of ids at its first value */
	int nvalues[TV_MAXDIMS];	/* how many values each has in the table */
	const char *const *values[TV_MAXDIMS];	/* their names, in table order
					 * (an optional one's first too) */
};

/* "expects EINVAL or ENOMEM" / "is silent" */
void tv_expects(const struct expectation *x, struct sbuf *out);
/* One line per rule: INDENT "where: citation" NL. */
void tv_rules(const struct expectation *x, const char *indent,
    struct sbuf *out);
/* Value of dimension d in id, or NULL when the id leaves it out (an
 * optional dimension at its first value) or is not made of dimensions.
 * The name is copied into buf (n bytes). */
const char *tv_value(const struct tview *t, const char *id, int d, char *buf,
    size_t n);
/* Which values of each dimension the n ids span: one line per dimension,
 * INDENT "range    page, pages, whole (3 of 19)" NL; dimensions every id
 * leaves out are skipped. */
void tv_span(const struct tview *t, const char *const *ids, size_t n,
    const char *indent, struct sbuf *out);

#endif
