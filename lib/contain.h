/*
 * Containment (contain.c): a case's setup, call and observation run in a
 * child process that reports through a shared page.  Whatever the child
 * does (crash, hang, a signal the call raises) the case's process survives
 * to record it, and kyua's run goes on.
 */
#ifndef MH_CONTAIN_H
#define MH_CONTAIN_H

#include "run.h"

/* What a contained run came to. */
enum mh_result {
	MH_RESULT_OUTCOME,	/* the call's outcome (and effect) in run */
	MH_RESULT_SKIP,		/* a missing capability: run->why */
	MH_RESULT_BROKEN,	/* anything else: run->why */
	MH_RESULT_DISTURBED	/* the observation was disturbed: run->why */
};

/* Runs fn in a child process with a timeout (seconds) and fills run.  A
 * signal that ends the child during the call (MH_CALL), or a timeout
 * there, is the call's outcome; the child's own end (run.h) says the
 * rest; anything else is broken, with the reason in run->why.  An outcome
 * is never had without the call: MH_RESULT_OUTCOME only when the call was
 * made and observed, or died. */
enum mh_result mh_contain(void (*fn)(void *arg, struct mh_run *), void *arg, unsigned timeout,
    struct mh_run *run);

#endif
