/*
 * The one setup path of every case (setup.c), run in the contained child.
 */
#ifndef MH_SETUP_H
#define MH_SETUP_H

#include "casetable.h"
#include "procedure.h"
#include "run.h"

/* Runs case c: its procedure's preparations, its layout, its lock state,
 * the procedure; never returns (the run ends through run.h's verbs). */
_Noreturn void mh_setup_run(const struct mh_case *, const struct mh_env *, struct mh_run *);
/* Whether procedures[] has a row for every check value (mapping_test). */
int mh_setup_complete(void);

#endif
