/*
 * A case's run in its contained child (contain.c), and the verbs that end
 * it, in the manner of LTP's tst_brk(): one call records why and ends the
 * child.  The run lives in a page shared with the case's process, which
 * reads how it ended.
 *
 * An outcome exists only when the measured call happened and the
 * procedure's observation completed (mh_done(), after mh_call()): a run
 * that ends any other way is skipped (mh_skip: the system lacks something
 * the case needs) or broken (mh_broken: anything else), and has none.  The
 * one exception is the call itself dying (a signal, a hang): that is what
 * the call did, recorded as its outcome by contain.c.
 */
#ifndef MH_RUN_H
#define MH_RUN_H

#include "outcome.h"

/* Where the child is; only MH_CALL makes a signal or a hang an outcome. */
enum mh_phase { MH_SETUP, MH_CALL, MH_CHECK };

/* How the child ended (set once, by the verbs below). */
enum mh_end {
	MH_END_NONE,		/* not yet: a child that exits so broke */
	MH_END_OBSERVED,	/* the call made and its observation complete */
	MH_END_SKIP,		/* a missing capability, named in why */
	MH_END_BROKEN,		/* a fault of the environment or the harness */
	MH_END_DISTURBED	/* the observation saw work the call did not do */
};

struct mh_run {
	volatile int phase;		/* enum mh_phase */
	volatile int end;		/* enum mh_end */
	volatile int called;		/* the measured call returned: outcome is its */
	struct mh_outcome outcome;
	char effect[MH_NAMELEN];	/* the effect observed, when the call returned 0 */
	char why[1024];			/* skip, broken, disturbed: the reason */
	char obs[1024];			/* what the case observed of the effects */
	char fs[32];			/* the filesystem, when not scratch_dir's */
};

#if defined(__GNUC__)
#define MH_PRINTF(f, a) __attribute__((__format__(__printf__, f, a)))
#else
#define MH_PRINTF(f, a)
#endif

/* Ends the run (never returns): records why, with the file and line of the
 * caller, runs the cleanup set with mh_at_end(), and exits the child. */
_Noreturn void mh_brk_at(struct mh_run *, enum mh_end, const char *file, int line,
    const char *fmt, ...) MH_PRINTF(5, 6);
/* A missing capability: the case skips. */
#define mh_skip(run, ...) mh_brk_at((run), MH_END_SKIP, __FILE__, __LINE__, __VA_ARGS__)
/* A fault that is not the call's: the case is broken. */
#define mh_broken(run, ...) mh_brk_at((run), MH_END_BROKEN, __FILE__, __LINE__, __VA_ARGS__)
/* Broken, naming the call that failed and errno: "what: ENOMEM (...)". */
#define mh_broken_errno(run, what) mh_broken((run), "%s: %s", (what), mh_errno_now())
/* Skipped for want of what errno says: "what: ENOSYS (...)". */
#define mh_skip_errno(run, what) mh_skip((run), "%s: %s", (what), mh_errno_now())
/* The observation saw work the call did not do: contain.c runs the case
 * again, and it is broken when that never stops. */
#define mh_disturbed(run, ...) mh_brk_at((run), MH_END_DISTURBED, __FILE__, __LINE__, __VA_ARGS__)
/* errno, as mh_errno_text() words it (a buffer the next call reuses). */
const char *mh_errno_now(void);

/* The observation is complete: the run has its outcome (broken if the
 * procedure never made the call). */
_Noreturn void mh_done(struct mh_run *);

/* What to do whichever way the run ends (the witness unmounts, a file left
 * by a failed build is removed), last registered first; a cleanup may
 * still end the run otherwise (mh_broken).  At most four. */
void mh_at_end(void (*)(void *), void *);

/* In a cleanup (mh_at_end): a call that failed spoils an observed run,
 * which is broken; a run already skipped or broken keeps its reason. */
#define mh_cleanup_errno(run, what) do {				\
	if ((run)->end == MH_END_OBSERVED)				\
		mh_broken_errno((run), (what));				\
} while (0)

/* Names the effect the call had, if it returned 0 (else its outcome stands). */
void mh_effect_word(struct mh_run *, const char *word);
/* What the case observed, for the record's obs field. */
void mh_note(struct mh_run *, const char *fmt, ...) MH_PRINTF(2, 3);

/* The name of what a run observed: the effect word when the procedure set
 * one, else the call's outcome. */
const char *mh_observed(const struct mh_run *, char buf[MH_NAMELEN]);

#endif
