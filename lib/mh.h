/*
 * mh: the msync-conformance harness, as the test programs see it.
 *
 * The case table (t/cases.tbl and the t/variants tables) is compiled by the
 * generator (t/gen/) into a struct mh_table (casetable.h); this library
 * turns its rows into ATF test cases (case.c, register.c), runs each in a
 * contained child (contain.c) along one setup path (setup.c: mapping.c,
 * lock.c, the procedures of procedure.h), records what happened
 * (record.c) and judges it against the variants (verdict.c).
 */
#ifndef MH_H
#define MH_H

#include <stddef.h>

#include <atf-c.h>

#include "casetable.h"
#include "grammar.h"
#include "outcome.h"
#include "recordfmt.h"
#include "verdict.h"

/* register.c: registers n cases named ident(0..n-1), all with the same head
 * and body, into the caller's tcs[n] and packs[n]. */
atf_error_t mh_register(atf_tp_t *, unsigned n, const char *(*ident)(unsigned),
    atf_tc_head_t, atf_tc_body_t, atf_tc_t *tcs, struct atf_tc_pack *packs);

/* case.c: main() of every generated test program. */
int mh_main(const struct mh_table *, int argc, char **argv);

/* config.c: a configuration variable the suite does not know (checked once
 * per program) and a scratch_dir that cannot hold the file under test are
 * mistakes that fail every case. */
void mh_config_check(const atf_tp_t *);
const char *mh_config_mistake(void);	/* NULL: none */
int mh_config_scratch(const char *dir, char *why, size_t n);

/* record.c: the one-line record every case with an outcome prints on
 * stdout, naming the verdict (mode) it was judged by. */
void mh_record(const struct mh_table *, const struct mh_case *, const char *mode,
    const char *observed, const char *fstype, const char *obs);
const char *mh_fstype(const char *path, char *buf, size_t n);
/* The tested system's facts (and, first, the variants' titles) as tc's metadata. */
void mh_record_facts(atf_tc_t *tc, const struct mh_table *, int first);

#endif
