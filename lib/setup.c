/*
 * The one path every case goes through, in the contained child: the
 * procedure of its check value, the directory its file goes in (and what
 * the procedure needs made before the layout: the witness, a control
 * file), the layout (mapping and range), the lock state, the procedure's
 * own steps around mh_call(), and the end.
 *
 * No procedure builds its own state, so none can ignore a dimension; where
 * one cannot honour a value (a procedure that stores cannot work on a
 * read-only mapping), the table says so with a "cannot" statement and the
 * generator rejects the product.
 */
#include "config.h"

#include "control.h"
#include "lock.h"
#include "mapping.h"
#include "setup.h"
#include "witness_session.h"

static const struct procedure {
	/* What must exist before the layout; returns the directory the
	 * case's file goes in.  NULL: scratch_dir. */
	const char *(*open)(struct mh_ctx *);
	void (*run)(struct mh_ctx *);
} procedures[] = {
	[MH_CHECK_STATUS] = { NULL, mh_check_status },
	[MH_CHECK_MTIME_FAULT] = { mh_control_open, mh_check_mtime },
	[MH_CHECK_MTIME_REDIRTY] = { mh_control_open, mh_check_mtime },
	[MH_CHECK_PRIVATE_INVALIDATE] = { NULL, mh_check_private_invalidate },
	[MH_CHECK_OBSERVE] = { mh_control_open, mh_check_observe },
	[MH_CHECK_DURABLE] = { mh_session_open, mh_check_durable },
	[MH_CHECK_RANGE] = { mh_session_open, mh_check_range_only },
	[MH_CHECK_ASYNC] = { mh_session_open, mh_check_async },
	[MH_CHECK_PRIVATE_FILE] = { mh_session_open, mh_check_private_file },
	[MH_CHECK_INVALIDATE] = { mh_session_open, mh_check_invalidate },
	[MH_CHECK_INVALIDATE_DIRTY] = { mh_session_open, mh_check_invalidate_dirty },
	[MH_CHECK_EIO] = { mh_session_open, mh_check_eio },
	[MH_CHECK_ENOSPC] = { mh_session_open, mh_check_enospc },
	[MH_CHECK_PARTIAL] = { mh_session_open, mh_check_partial },
	[MH_CHECK_EIO_RETRY] = { mh_session_open, mh_check_eio_retry },
	[MH_CHECK_ENOSPC_RETRY] = { mh_session_open, mh_check_enospc_retry },
	[MH_CHECK_PAIR_FLUSH] = { mh_session_open, mh_check_pair_flush },
	[MH_CHECK_PAIR_FLUSH_COW] = { mh_session_open, mh_check_pair_flush_cow },
	[MH_CHECK_PAIR_SYNC] = { mh_session_open, mh_check_pair_sync },
	[MH_CHECK_PAIR_FRESH] = { mh_session_open, mh_check_pair_fresh },
	[MH_CHECK_PAIR_RANGE] = { mh_session_open, mh_check_pair_range },
	[MH_CHECK_PAIR_COW] = { NULL, mh_check_pair_cow },
	[MH_CHECK_PAIR_VIEW] = { NULL, mh_check_pair_view },
};
_Static_assert(sizeof procedures / sizeof procedures[0] == MH_CHECK_COUNT,
    "a check value of t/cases.tbl has no row in procedures[]");

int
mh_setup_complete(void)
{
	for (unsigned v = 0; v < MH_CHECK_COUNT; v++)
		if (procedures[v].run == NULL)
			return 0;
	return 1;
}

void
mh_setup_run(const struct mh_case *c, const struct mh_env *env, struct mh_run *run)
{
	static struct mh_ctx x;
	const struct procedure *p;
	const char *dir;

	x.c = c;
	x.env = env;
	x.run = run;
	p = (unsigned)c->check < MH_CHECK_COUNT ? &procedures[c->check] : NULL;
	if (p == NULL || p->run == NULL)
		mh_broken(run, "table error: check %s has no row in lib/setup.c", c->check_text);
	dir = p->open != NULL ? p->open(&x) : env->dir;
	mh_mapping_build(c, dir, &x.l, run);
	mh_lock_apply(c, &x.l, run);
	p->run(&x);
	mh_done(run);
}
