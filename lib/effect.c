/*
 * What a case does, by its check value: the interface matrix looks at the
 * return value; the semantic cases at what msync did.  Each procedure
 * builds its own state, makes the call between the MH_CALL and MH_CHECK
 * phases, and the semantic ones name the effect they saw.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "mh.h"

void
mh_effect_call(const struct mh_case *c, const struct mh_layout *l, struct mh_run *run)
{
	run->phase = MH_CALL;
	run->outcome = mh_call_msync(l->addr, l->len, c->flags);
	run->phase = MH_CHECK;
}

int
mh_effect_layout(const struct mh_case *c, const char *dir, struct mh_layout *l, struct mh_run *run)
{
	const char *why = mh_layout_build(c, dir, l);

	if (why == NULL)
		return 0;
	snprintf(run->why, sizeof run->why, "%s", why);
	run->phase = MH_SKIP;
	return -1;
}

void
mh_effect_broken(struct mh_run *run, const char *what)
{
	snprintf(run->why, sizeof run->why, "%s: %s", what, strerror(errno));
	run->phase = MH_BROKEN;
}

size_t
mh_effect_store(const struct mh_layout *l, char v)
{
	size_t lo, hi;

	if (l->len == 0)
		return 0;
	mh_layout_range_pages(l, &lo, &hi);
	for (size_t i = lo; i < hi; i++)
		if ((long)i != l->hole)
			((volatile char *)l->m)[i * l->page + 7] = v;
	return hi - lo;
}

/* The interface matrix: lock, seal, call; the return value is the outcome. */
static void
status(const struct mh_case *c, const char *dir, struct mh_run *run)
{
	struct mh_layout l;
	const char *why;
	int r;

	if (mh_effect_layout(c, dir, &l, run) != 0)
		return;
	if ((r = mh_lock_apply(c, &l, run->why, sizeof run->why)) != 0) {
		run->phase = r;
		return;
	}
	if ((why = mh_layout_seal(&l)) != NULL) {
		snprintf(run->why, sizeof run->why, "%s", why);
		run->phase = MH_SKIP;
		return;
	}
	mh_effect_call(c, &l, run);
	snprintf(run->obs, sizeof run->obs, "-");
	run->phase = MH_DONE;
}

void
mh_effect(const struct mh_case *c, const struct mh_env *env, struct mh_run *run)
{
	switch (c->check) {
	case MH_CHECK_STATUS:
		status(c, env->dir, run);
		return;
	case MH_CHECK_MTIME_FAULT:
	case MH_CHECK_MTIME_REDIRTY:
		mh_effect_mtime(c, env->dir, run);
		return;
	case MH_CHECK_PRIVATE_INVALIDATE:
		mh_effect_private_invalidate(c, env->dir, run);
		return;
	case MH_CHECK_OBSERVE:
		mh_effect_observe(c, env->dir, run);
		return;
	case MH_CHECK_DURABLE: case MH_CHECK_RANGE: case MH_CHECK_ASYNC:
	case MH_CHECK_PRIVATE_FILE: case MH_CHECK_INVALIDATE: case MH_CHECK_INVALIDATE_DIRTY:
	case MH_CHECK_EIO: case MH_CHECK_ENOSPC: case MH_CHECK_PARTIAL:
		mh_effect_witness(c, env, run);
		return;
	}
	snprintf(run->why, sizeof run->why, "no procedure for check %s", c->check_text);
	run->phase = MH_BROKEN;
}
