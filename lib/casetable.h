/*
 * The case table as C data: what the generator (t/gen/) writes into
 * t/cases.c from t/cases.tbl and the t/variants tables, and the two
 * readings of it that the harness and msync-report share (casetable.c).
 * Data only: no ATF, no process machinery, so that msync-report can be
 * built with the table the test programs judge with.
 */
#ifndef MH_CASETABLE_H
#define MH_CASETABLE_H

#include <stddef.h>

#include "grammar.h"

/* Values of the table's dimensions (the C names its value lines give). */
enum mh_mapping {
	MH_FILE_SHARED, MH_FILE_PRIVATE, MH_ANON_SHARED, MH_ANON_PRIVATE,
	MH_FILE_SHARED_RO, MH_FILE_SHARED_NONE,
	MH_PAIR_SHARED, MH_PAIR_PRIVATE, MH_PAIR_LATE, MH_SHARED_PRIVATE, MH_PRIVATE_SHARED,
	MH_FORK_SHARED, MH_FORK_PRIVATE,	/* layout_pair.c */
	/* the corners' mappings (layout_corner.c), last: see mh_corner_mapping() */
	MH_FILE_SPLIT, MH_FILE_GROWN, MH_FILE_OFFSET, MH_SHM_OPEN, MH_MEMFD,
	MH_SYSV_SHM, MH_HUGETLB, MH_THP, MH_FILE_SHORT, MH_FILE_TRUNC
};
enum mh_range {
	MH_R_PAGE, MH_R_PAGES, MH_R_WHOLE, MH_R_ADDR1, MH_R_ADDRHALF,
	MH_R_ADDRPM1, MH_R_LEN0, MH_R_LEN1, MH_R_LENPM1, MH_R_LENPP1,
	MH_R_TAIL, MH_R_HOLE, MH_R_LEAD, MH_R_UNMAPPED, MH_R_NULL,
	MH_R_BEYOND, MH_R_WRAP, MH_R_LENMAX, MH_R_TWOMAPS,
	/* the corners' ranges */
	MH_R_ADDR1_UNMAPPED, MH_R_ADDR1_LEAD, MH_R_ADDR1_NULL, MH_R_ADDR1_BEYOND,
	MH_R_ADDR1_WRAP, MH_R_LEN0_UNMAPPED, MH_R_LEN0_NULL, MH_R_LEN0_BEYOND,
	MH_R_LEN0_ADDR1, MH_R_LEN0_UNMAPPED1, MH_R_LEN0_LAST, MH_R_LAST2
};
enum mh_lock { MH_LOCK_NONE, MH_LOCK_RANGE, MH_LOCK_OTHER, MH_LOCK_ALL, MH_LOCK_HALF };
enum mh_check {
	MH_CHECK_STATUS,		/* the return value: the interface matrix */
	MH_CHECK_MTIME_FAULT, MH_CHECK_MTIME_REDIRTY,
	MH_CHECK_PRIVATE_INVALIDATE,
	/* on the witness filesystem (effect_witness.c) */
	MH_CHECK_DURABLE, MH_CHECK_RANGE, MH_CHECK_ASYNC, MH_CHECK_PRIVATE_FILE,
	MH_CHECK_INVALIDATE, MH_CHECK_INVALIDATE_DIRTY, MH_CHECK_EIO, MH_CHECK_ENOSPC,
	MH_CHECK_PARTIAL,
	/* the kernel's page-cache observer (effect_observe.c) */
	MH_CHECK_OBSERVE,
	/* one file mapped MAP_SHARED and MAP_PRIVATE at once (effect_pair.c) */
	MH_CHECK_PAIR_FLUSH, MH_CHECK_PAIR_FLUSH_COW, MH_CHECK_PAIR_SYNC, MH_CHECK_PAIR_FRESH,
	MH_CHECK_PAIR_RANGE, MH_CHECK_PAIR_COW, MH_CHECK_PAIR_VIEW
};

struct mh_variant {
	const char *name;
	int document;		/* a manual or standard; else an implementation */
	const char *title;
};

struct mh_rule {
	const char *where;	/* file:line of the rule in the table */
	const char *outcomes;	/* space-separated outcome names */
	int may;		/* a "may fail" error of a document */
	const char *cite;	/* the sentence or source it rests on */
};

/* What one variant expects of one case. */
struct mh_expect {
	const char *accept;	/* space-separated outcome names; NULL: silent */
	unsigned short nrules;
	unsigned short rule[MH_MAXRULES];	/* indices into mh_table.rules */
};

struct mh_case {
	const char *id;
	unsigned expect;	/* first of nvariants indices in case_expect */
	int mapping, flags, range, lock, check;
	const char *mapping_text, *flags_text, *range_text, *lock_text, *check_text;
};

struct mh_group {
	const char *name;	/* the test program is NAME_test */
	unsigned first, count;	/* its cases: cases[first .. first+count) */
};

/* A dimension, as its dim line and value lines declare it. */
struct mh_dim {
	const char *name;
	int optional;		/* case ids leave it out at its first value */
	const char *const *values;	/* its value names, in table order */
	unsigned nvalues;
};

struct mh_table {
	const struct mh_variant *variants;
	unsigned nvariants;
	const struct mh_rule *rules;
	unsigned nrules;
	const struct mh_expect *expects;
	const char *const *vocabulary;	/* every outcome name the table uses */
	const unsigned short *case_expect;
	const struct mh_case *cases;
	unsigned ncases;
	const struct mh_group *groups;
	unsigned ngroups;
	const struct mh_dim *dims;	/* in case id order */
	unsigned ndims;
};

/* The table of the test programs (t/cases.c, generated). */
extern const struct mh_table mh_table;

/* The expectation of case c for variant v. */
const struct mh_expect *mh_expect_of(const struct mh_table *, const struct mh_case *, unsigned v);

/* The case's call in words, as its ATF description (kyua list -v) and
 * msync-report explain begin: "msync(m, p): one aligned page, MS_SYNC, on
 * ..., nothing locked".  Writes at most n bytes to buf, as snprintf() does,
 * and returns the sentence's length. */
int mh_describe(const struct mh_case *, char *buf, size_t n);

#endif
