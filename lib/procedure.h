/*
 * Check procedures: what a case does around its measured call, and what
 * it looks at after it (the check dimension of t/cases.tbl).
 *
 * Every case goes through one setup path (setup.c): the layout is built
 * in the procedure's directory and locked before the procedure runs, so no
 * procedure builds state of its own and none can ignore a dimension.  A
 * procedure makes its own stores, calls mh_call() once (the protection the
 * mapping asks for, then the measured call), looks at what happened, names
 * the effect (mh_effect_word), writes its evidence (mh_note) and returns:
 * the case then has its outcome.  It ends the case otherwise with
 * mh_skip() or mh_broken() (run.h).
 */
#ifndef MH_PROCEDURE_H
#define MH_PROCEDURE_H

#include "casetable.h"
#include "layout.h"
#include "run.h"

/* Where a case runs: what the case's process read from kyua's configuration. */
struct mh_env {
	const char *dir;	/* scratch_dir: where file-backed cases put files */
	const char *progdir;	/* the test program's directory (ATF srcdir) */
	const char *witness;	/* the msync-witness daemon to run, or NULL */
};

struct mh_session;

/* What a check procedure works on, in the contained child. */
struct mh_ctx {
	const struct mh_case *c;
	const struct mh_env *env;
	struct mh_run *run;
	struct mh_layout l;	/* built and locked before the procedure runs */
	struct mh_session *w;	/* the witness session, where the procedure has one */
};

/* call.c: the mapping's last step (mh_mapping_seal), then the measured
 * call; the run has its outcome once it returns. */
void mh_call(struct mh_ctx *);

/* The procedures (setup.c lists them by check value). */
void mh_check_status(struct mh_ctx *);			/* effect.c */
void mh_check_mtime(struct mh_ctx *);			/* effect_time.c */
void mh_check_private_invalidate(struct mh_ctx *);	/* effect_private.c */
void mh_check_observe(struct mh_ctx *);			/* effect_observe.c */
/* effect_witness.c: on the witness filesystem (witness_session.c). */
void mh_check_durable(struct mh_ctx *);
void mh_check_range_only(struct mh_ctx *);
void mh_check_async(struct mh_ctx *);
void mh_check_private_file(struct mh_ctx *);
void mh_check_invalidate(struct mh_ctx *);
void mh_check_invalidate_dirty(struct mh_ctx *);
void mh_check_eio(struct mh_ctx *);
void mh_check_enospc(struct mh_ctx *);
void mh_check_partial(struct mh_ctx *);
void mh_check_eio_retry(struct mh_ctx *);
void mh_check_enospc_retry(struct mh_ctx *);
/* effect_pair.c: one file mapped MAP_SHARED and MAP_PRIVATE at once. */
void mh_check_pair_flush(struct mh_ctx *);
void mh_check_pair_flush_cow(struct mh_ctx *);
void mh_check_pair_sync(struct mh_ctx *);
void mh_check_pair_fresh(struct mh_ctx *);
void mh_check_pair_range(struct mh_ctx *);
void mh_check_pair_cow(struct mh_ctx *);
void mh_check_pair_view(struct mh_ctx *);

#endif
