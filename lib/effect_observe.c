/*
 * The kernel's own view of the file under test (scratch_dir): how many of
 * the range's pages are still dirty after the call, by cachestat(2) on
 * Linux or mincore(2) MINCORE_MODIFIED on FreeBSD (observe.c).
 * Where there is no such observer the case skips.
 */
#include "config.h"

#include <sys/types.h>

#include "control.h"
#include "observe.h"
#include "pages.h"
#include "procedure.h"

void
mh_check_observe(struct mh_ctx *x)
{
	const struct mh_layout *l = &x->l;
	struct obs_pages before, after;
	size_t lo, hi;
	const char *why;
	off_t off;
	size_t len;

	mh_layout_range_pages(l, &lo, &hi);
	off = (off_t)(lo * l->page);
	len = (hi - lo) * l->page;
	if ((why = obs_pages(l->fd, off, l->m + off, len, &before)) != NULL) {
		if (obs_missing())
			mh_skip(x->run, "no page-cache observer: %s", why);
		mh_broken(x->run, "the page-cache observer failed: %s", why);
	}
	mh_control_arm(x);
	/* tmpfs, for one, keeps no dirty state the observer can see. */
	if (!mh_control_seen(x))
		mh_skip(x->run, "%s sees no dirty page on this filesystem, even right after "
		    "a store: it cannot tell what the call did", obs_mechanism());
	mh_store(l->m, l, mh_range_bits(l), 7, 'C');
	if ((why = obs_pages(l->fd, off, l->m + off, len, &before)) != NULL)
		mh_broken(x->run, "%s failed before the call: %s", obs_mechanism(), why);
	if (before.dirty == 0) {
		mh_control_undisturbed(x);
		mh_broken(x->run, "%s sees no dirty page in the range right after the stores, "
		    "though it sees the control file's", obs_mechanism());
	}
	mh_call(x);
	if ((why = obs_pages(l->fd, off, l->m + off, len, &after)) != NULL)
		mh_broken(x->run, "%s failed after the call: %s", obs_mechanism(), why);
	mh_control_undisturbed(x);
	mh_effect_word(x->run, after.dirty == 0 ? "range-clean" : "range-dirty");
	mh_note(x->run, "%s: dirty pages in the range before the call %llu, after it %llu",
	    obs_mechanism(), (unsigned long long)before.dirty, (unsigned long long)after.dirty);
}
