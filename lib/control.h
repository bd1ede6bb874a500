/*
 * A control file on the filesystem under test (scratch_dir), for the
 * procedures there whose effect write-back could fake (timestamps, the
 * kernel's dirty count): one page dirtied (mh_control_arm) just before
 * the case's own stores, and never touched by the call.  If the kernel's
 * page-cache observer (observe.h) sees it clean again later, something
 * other than the call wrote back in the case's window (the flusher under
 * dirty-memory pressure, a sync(2)), and the case is run again
 * (mh_disturbed).  Where no observer can see dirty pages (no cachestat,
 * or a filesystem that keeps no dirty state, such as tmpfs, where nothing
 * is written back either), nothing can be told and nothing is.
 */
#ifndef MH_CONTROL_H
#define MH_CONTROL_H

#include "procedure.h"

/* Makes the control file in the case's directory, before the layout, so
 * that its mapping cannot take the layout's guard pages; returns the
 * directory (a procedure's open hook, setup.c). */
const char *mh_control_open(struct mh_ctx *);
/* Dirties the control page: from here on, write-back the call does not do
 * is seen. */
void mh_control_arm(struct mh_ctx *);
/* Ends the case as disturbed if the control page was written back since
 * the arm. */
void mh_control_undisturbed(struct mh_ctx *);
/* Whether the control could be seen dirty: whether anything can be told. */
int mh_control_seen(const struct mh_ctx *);

#endif
