/*
 * The lock state of a case (lock.c), applied to every case whatever its
 * check: nothing, the range's mapped pages mlock()ed, another page of the
 * mapping, the last half, or mlockall(MCL_CURRENT).
 */
#ifndef MH_LOCK_H
#define MH_LOCK_H

#include "casetable.h"
#include "layout.h"
#include "run.h"

/* Applies c's lock state to the layout.  A lock the system refuses
 * (RLIMIT_MEMLOCK, privilege) makes the case skip; a lock state that
 * leaves no page to lock is a table error (broken). */
void mh_lock_apply(const struct mh_case *, const struct mh_layout *, struct mh_run *);

#endif
