/*
 * A control file on the filesystem under test (scratch_dir), for the
 * procedures there whose effect write-back could fake (timestamps, the
 * kernel's dirty count): one page, mapped MAP_SHARED, that goes through
 * the case's steps but never meets the call.  What happens to it happened
 * without the call: write-back nobody asked for (the flusher under
 * dirty-memory pressure, a sync(2)), and the case is run again
 * (mh_disturbed).  The timestamps procedure looks at its st_mtime
 * (effect_time.c); the kernel's dirty count at its dirty state, through
 * the page-cache observer (observe.h): dirtied just before the case's
 * stores (mh_control_arm), seen clean again later.  Where no observer can
 * see dirty pages (no cachestat, or a filesystem that keeps no dirty
 * state, such as tmpfs, where nothing is written back either), the
 * observer tells nothing.
 */
#ifndef MH_CONTROL_H
#define MH_CONTROL_H

#include "procedure.h"

/* Makes the control file in the case's directory, before the layout, so
 * that its mapping cannot take the layout's guard pages; returns the
 * directory (a procedure's open hook, setup.c). */
const char *mh_control_open(struct mh_ctx *);
/* Stores v to the control page; its descriptor. */
void mh_control_store(struct mh_ctx *, char v);
int mh_control_fd(const struct mh_ctx *);
/* Dirties the control page and looks at it with the observer: from here
 * on, write-back the call does not do is seen. */
void mh_control_arm(struct mh_ctx *);
/* Ends the case as disturbed if the control page was written back since
 * the arm. */
void mh_control_undisturbed(struct mh_ctx *);
/* Whether the control could be seen dirty: whether anything can be told. */
int mh_control_seen(const struct mh_ctx *);

#endif
