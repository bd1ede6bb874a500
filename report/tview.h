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
#define TV_MAXCLASSES 16

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
	/* What the case needs of the system (the need lines' texts joined by
	 * "; "), nothing if unknown or nothing. */
	void (*needs)(const char *id, struct sbuf *out);
	/* The test program that holds the case ("fileshared_mlock_test"), or
	 * NULL if unknown. */
	const char *(*program)(const char *id);
	/* Every case id of the table, i = 0 .. ncases-1, in id order. */
	size_t ncases;
	const char *(*case_id)(size_t i);
	int nvariants;
	const char *const *variants;	/* the table's, in table order */
	int ndims;
	const char *dim[TV_MAXDIMS];	/* names, in id order */
	int optional[TV_MAXDIMS];	/* left out of ids at its first value */
	int nvalues[TV_MAXDIMS];	/* how many values each has in the table */
	const char *const *values[TV_MAXDIMS];	/* their names, in table order
					 * (an optional one's first too) */
	const char *dim_what[TV_MAXDIMS];	/* each dimension's description */
	const char *const *texts[TV_MAXDIMS];	/* each value's, as values */
	/* The classes of findings, most severe first (the table's severity
	 * lines): a name, a title, and the words each holds, space-separated
	 * (outcome words, MH_SEVERITY_ERROR, MH_SEVERITY_REFUSED). */
	int nclasses;
	const char *class_name[TV_MAXCLASSES];
	const char *class_title[TV_MAXCLASSES];
	const char *class_words[TV_MAXCLASSES];
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
/* The index of id's value of dimension d in values[d], or -1 (left out,
 * or a value the table lacks). */
int tv_value_index(const struct tview *t, const char *id, int d);
/* Which values of each dimension the n ids span: one line per dimension,
 * INDENT "range    page, pages, whole (3 of 19)" NL; dimensions every id
 * leaves out are skipped. */
void tv_span(const struct tview *t, const char *const *ids, size_t n,
    const char *indent, struct sbuf *out);
/* The dimensions every one of the n ids has at one value, as
 * "flags=zero lock=unlocked" (nothing if none). */
void tv_uniform(const struct tview *t, const char *const *ids, size_t n,
    struct sbuf *out);
/* Whether outcome o is a success: 0 or an effect word. */
int tv_success(const char *o);
/* Whether every outcome an expectation accepts is an error (and it
 * accepts one at least). */
int tv_errors_only(const struct expectation *x);
/* The class of a finding whose outcome is o (t/cases.tbl's head says
 * how): refused says that every judge contradicting it expects an error.
 * -1 if t has no classes. */
int tv_class_of(const struct tview *t, const char *o, int refused);

#endif
