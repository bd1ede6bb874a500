/*
 * The kernel's own view of the file under test (scratch_dir): how many of
 * the range's pages are still dirty after the call, by cachestat(2) on
 * Linux or mincore(2) MINCORE_MODIFIED on FreeBSD (witness/observe.c).
 * Where there is no such observer the case skips.
 */
#include "config.h"

#include <sys/types.h>

#include <stdio.h>

#include "mh.h"
#include "observe.h"

void
mh_effect_observe(const struct mh_case *c, const char *dir, struct mh_run *run)
{
	struct obs_pages before, after;
	struct mh_layout l;
	size_t lo, hi;
	const char *why;
	off_t off;
	size_t len;

	if (mh_effect_layout(c, dir, &l, run) != 0)
		return;
	mh_layout_range_pages(&l, &lo, &hi);
	off = (off_t)(lo * l.page);
	len = (hi - lo) * l.page;
	mh_effect_store(&l, 'C');
	if ((why = obs_pages(l.fd, off, l.m + off, len, &before)) != NULL) {
		snprintf(run->why, sizeof run->why, "no page-cache observer: %s", why);
		run->phase = MH_SKIP;
		return;
	}
	if (before.dirty == 0) {
		/* tmpfs, for one, keeps no dirty state the observer can see. */
		snprintf(run->why, sizeof run->why, "%s sees no dirty page in the range even "
		    "before the call on this filesystem: it cannot tell what the call did",
		    obs_mechanism());
		run->phase = MH_SKIP;
		return;
	}
	mh_effect_call(c, &l, run);
	if ((why = obs_pages(l.fd, off, l.m + off, len, &after)) != NULL) {
		snprintf(run->why, sizeof run->why, "%s failed after the call: %s", obs_mechanism(), why);
		run->phase = MH_BROKEN;
		return;
	}
	if (run->outcome.ret == 0)
		snprintf(run->effect, sizeof run->effect, "%s",
		    after.dirty == 0 ? "range-clean" : "range-dirty");
	snprintf(run->obs, sizeof run->obs, "%s: dirty pages in the range before the call %llu, "
	    "after it %llu", obs_mechanism(), (unsigned long long)before.dirty,
	    (unsigned long long)after.dirty);
	mh_layout_free(&l);
	run->phase = MH_DONE;
}
