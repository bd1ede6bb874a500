/*
 * The one path every case goes through, in the contained child: the
 * procedure of its check value, the directory its file goes in, the layout
 * (mapping and range), the lock state, the procedure's own steps around
 * mh_call() (the protection, then the measured call), and the end.
 *
 * No procedure builds its own state, so none can ignore a dimension; where
 * one cannot honour a value (a procedure that stores cannot work on a
 * read-only mapping), the table says so with a "cannot" statement and the
 * generator rejects the product.
 *
 * A case ends through one call, as with LTP's tst_brk(): mh_brk() (as
 * mh_skip() or mh_broken()) records the phase and the reason in the shared
 * run and ends the child; a procedure that returns is done.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mh.h"

static const struct procedure {
	int check;
	const char *(*dir)(struct mh_ctx *);	/* NULL: scratch_dir */
	void (*run)(struct mh_ctx *);
} procedures[] = {
	{ MH_CHECK_STATUS, NULL, mh_check_status },
	{ MH_CHECK_MTIME_FAULT, NULL, mh_check_mtime },
	{ MH_CHECK_MTIME_REDIRTY, NULL, mh_check_mtime },
	{ MH_CHECK_PRIVATE_INVALIDATE, NULL, mh_check_private_invalidate },
	{ MH_CHECK_OBSERVE, NULL, mh_check_observe },
	{ MH_CHECK_DURABLE, mh_witness_open, mh_check_witness },
	{ MH_CHECK_RANGE, mh_witness_open, mh_check_witness },
	{ MH_CHECK_ASYNC, mh_witness_open, mh_check_witness },
	{ MH_CHECK_PRIVATE_FILE, mh_witness_open, mh_check_witness },
	{ MH_CHECK_INVALIDATE, mh_witness_open, mh_check_witness },
	{ MH_CHECK_INVALIDATE_DIRTY, mh_witness_open, mh_check_witness },
	{ MH_CHECK_EIO, mh_witness_open, mh_check_witness },
	{ MH_CHECK_ENOSPC, mh_witness_open, mh_check_witness },
	{ MH_CHECK_PARTIAL, mh_witness_open, mh_check_witness },
};

/* What ends the case first (the witness unmounts); it may end it otherwise
 * (mh_broken), once. */
static void (*at_end)(struct mh_ctx *);
static struct mh_ctx *at_end_ctx;

void
mh_at_end(void (*fn)(struct mh_ctx *), struct mh_ctx *x)
{
	at_end = fn;
	at_end_ctx = x;
}

static _Noreturn void
end(struct mh_run *run, int phase)
{
	void (*fn)(struct mh_ctx *) = at_end;

	run->phase = phase;
	at_end = NULL;
	if (fn != NULL)
		fn(at_end_ctx);
	fflush(NULL);
	_exit(0);
}

void
mh_brk(struct mh_run *run, int phase, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(run->why, sizeof run->why, fmt, ap);
	va_end(ap);
	end(run, phase);
}

void
mh_broken_errno(struct mh_run *run, const char *what)
{
	mh_broken(run, "%s: %s", what, strerror(errno));
}

/* The procedure returned: it must have made the call. */
static _Noreturn void
done(struct mh_run *run)
{
	if (run->phase != MH_CHECK)
		mh_broken(run, "the procedure ended without making the call");
	end(run, MH_DONE);
}

void
mh_effect_word(struct mh_run *run, const char *word)
{
	if (run->outcome.kind == MH_RETURNED && run->outcome.ret == 0)
		snprintf(run->effect, sizeof run->effect, "%s", word);
}

void
mh_note(struct mh_run *run, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(run->obs, sizeof run->obs, fmt, ap);
	va_end(ap);
}

void
mh_call(struct mh_ctx *x)
{
	const char *why;

	if ((why = mh_layout_seal(&x->l)) != NULL)
		mh_skip(x->run, "%s", why);
	x->run->phase = MH_CALL;
	x->run->outcome = mh_call_msync(x->l.addr, x->l.len, x->c->flags);
	x->run->phase = MH_CHECK;
}

void
mh_effect(const struct mh_case *c, const struct mh_env *env, struct mh_run *run)
{
	struct mh_ctx x = { c, env, run, { .fd = -1, .fd2 = -1 }, NULL };
	const struct procedure *p = NULL;
	const char *dir, *why;

	for (size_t i = 0; i < sizeof procedures / sizeof procedures[0]; i++)
		if (procedures[i].check == c->check)
			p = &procedures[i];
	if (p == NULL)
		mh_broken(run, "no procedure for check %s", c->check_text);
	dir = p->dir != NULL ? p->dir(&x) : env->dir;
	if ((why = mh_layout_build(c, dir, &x.l)) != NULL)
		mh_skip(run, "%s", why);
	mh_lock_apply(c, &x.l, run);
	p->run(&x);
	done(run);
}
