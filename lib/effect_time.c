/*
 * Timestamps: does st_mtime move when msync writes modified pages?
 *
 * mtimefault: utimensat() an hour back, then the first store to each page
 * of the range (a write fault), then the call.
 * mtimeredirty: a store, utimensat() an hour back, a second store to the
 * same, already writable page (no fault on systems that stamp at faults),
 * then the call.
 *
 * The effect is mtime-updated when st_mtime left the stamp, else mtime-kept;
 * ctime is reported too, measured across a 50 ms pause so that a coarse
 * filesystem clock (one tick is 10 ms at most) cannot hide a change.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mh.h"

#define PAUSE_NS 50000000L

static int
later(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

void
mh_effect_mtime(const struct mh_case *c, const char *dir, struct mh_run *run)
{
	struct timespec back[2], pause = { 0, PAUSE_NS };
	struct stat before, after;
	struct mh_layout l;

	if (mh_effect_layout(c, dir, &l, run) != 0)
		return;
	if (c->check == MH_CHECK_MTIME_REDIRTY)
		mh_effect_store(&l, 'x');
	clock_gettime(CLOCK_REALTIME, &back[0]);
	back[0].tv_sec -= 3600;
	back[0].tv_nsec = 0;
	back[1] = back[0];
	if (futimens(l.fd, back) != 0)
		return mh_effect_broken(run, "futimens");
	if (fstat(l.fd, &before) != 0)
		return mh_effect_broken(run, "fstat");
	nanosleep(&pause, NULL);
	mh_effect_store(&l, 'y');

	mh_effect_call(c, &l, run);

	if (fstat(l.fd, &after) != 0)
		return mh_effect_broken(run, "fstat");
	if (run->outcome.ret == 0)
		snprintf(run->effect, sizeof run->effect, "%s",
		    later(&after.st_mtim, &back[1]) ? "mtime-updated" : "mtime-kept");
	snprintf(run->obs, sizeof run->obs, "mtime %s, ctime %s",
	    later(&after.st_mtim, &back[1]) ? "moved from the utimensat stamp" : "still the utimensat stamp",
	    later(&after.st_ctim, &before.st_ctim) ? "changed" : "unchanged");
	mh_layout_free(&l);
	run->phase = MH_DONE;
}
