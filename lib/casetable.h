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

/* The dimensions' values as enums (t/dims.h, generated from the value
 * lines): enum mh_mapping, mh_range, mh_lock, mh_check, and their counts. */
#include "t/dims.h"

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
	unsigned needs;		/* bit i: the case needs mh_table.needs[i] */
	enum mh_mapping mapping;
	int flags;		/* the host's MS_* bits */
	enum mh_range range;
	enum mh_lock lock;
	enum mh_check check;
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
	const char *what;	/* the dim line's text */
	const char *const *texts;	/* each value line's text, in that order */
};

/*
 * How the harness builds a mapping value (a build line of the table): the
 * builder of lib/map_*.c it names (const struct mh_builder mh_builder_NAME;
 * msync-report reproduce makes it with its fragments, report/repro/), and
 * the mapping's MAP_ kind, its protection and its file's.
 */
enum {
	MH_BUILD_SHARED = 1 << 0,	/* MAP_SHARED, else MAP_PRIVATE */
	MH_BUILD_ANON = 1 << 1,		/* MAP_ANONYMOUS */
	MH_BUILD_WRITE = 1 << 2,	/* PROT_READ | PROT_WRITE, else PROT_READ */
	MH_BUILD_RDONLY = 1 << 3,	/* its file opened O_RDONLY */
	MH_BUILD_SEAL = 1 << 4,		/* made PROT_NONE just before the call */
};
struct mh_build {
	const char *builder;
	unsigned bits;		/* MH_BUILD_* */
};

/* A severity class of findings (a severity line), most severe first. */
struct mh_severity {
	const char *name;
	const char *title;
	const char *words;	/* space-separated: outcome words, or
				 * MH_SEVERITY_ERROR, MH_SEVERITY_REFUSED */
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
	const char *const *needs;	/* what cases need of the system (need lines) */
	unsigned nneeds;
	const struct mh_severity *severities;	/* the classes of findings */
	unsigned nseverities;
	const struct mh_build *builds;	/* by mapping value (build lines) */
};

/* The table of the test programs (t/cases.c, generated). */
extern const struct mh_table mh_table;

/* The expectation of case c for variant v. */
const struct mh_expect *mh_expect_of(const struct mh_table *, const struct mh_case *, unsigned v);

/* What case c needs of the system, the need lines' texts joined by "; ",
 * as snprintf() writes (0 and "" if nothing). */
int mh_needs(const struct mh_table *, const struct mh_case *, char *buf, size_t n);

/* The case's call in words, as its ATF description (kyua list -v) and
 * msync-report explain begin: "msync(m, p): one aligned page, MS_SYNC, on
 * ..., nothing locked".  Writes at most n bytes to buf, as snprintf() does,
 * and returns the sentence's length. */
int mh_describe(const struct mh_case *, char *buf, size_t n);

#endif
