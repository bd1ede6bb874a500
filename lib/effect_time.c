/*
 * Timestamps: does st_mtime move when msync writes modified pages?
 *
 * mtimefault: utimensat() an hour back, then the first store to each page
 * of the range (a write fault), then the call.
 * mtimeredirty: a store, utimensat() an hour back, a second store to the
 * same, already writable page (no fault on systems that stamp at faults),
 * then the call.
 *
 * A write-back nobody asked for between the stores and the look (the
 * flusher, a sync(2)) can move st_mtime where write-back stamps it, or
 * make the second store fault, which stamps it: a twin of the file goes
 * through the same steps without the call (control.h, its page faulted in
 * and stamped an hour back at the start, stored to again with the second
 * store); if its st_mtime leaves the stamp, the window was disturbed and
 * the case is run again.
 *
 * The effect is mtime-updated when st_mtime left the stamp, else mtime-kept;
 * ctime is reported too, measured across a pause of three ticks of the
 * coarse clock file timestamps are taken from, so that a change cannot hide
 * inside one tick.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>

#include <time.h>
#include <unistd.h>

#include "control.h"
#include "pages.h"
#include "procedure.h"

/* Three ticks of the kernel's coarse clock, 1 ms at least, 50 ms at most. */
static struct timespec
pause_of_three_ticks(void)
{
	struct timespec res = { 0, 10000000L }, p;
	long ns;

#ifdef CLOCK_REALTIME_COARSE
	clock_getres(CLOCK_REALTIME_COARSE, &res);
#endif
	ns = res.tv_sec > 0 ? 50000000L : 3 * res.tv_nsec;
	ns = ns < 1000000L ? 1000000L : ns > 50000000L ? 50000000L : ns;
	p.tv_sec = 0;
	p.tv_nsec = ns;
	return p;
}

static int
later(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

void
mh_check_mtime(struct mh_ctx *x)
{
	struct timespec back[2], pause = pause_of_three_ticks();
	unsigned range = mh_range_bits(&x->l);
	int redirty = x->c->check == MH_CHECK_MTIME_REDIRTY;
	struct stat before, after, twin;
	int moved;

	mh_control_store(x, 'x');
	if (redirty)
		mh_store(x->l.m, &x->l, range, 7, 'x');
	clock_gettime(CLOCK_REALTIME, &back[0]);
	back[0].tv_sec -= 3600;
	back[0].tv_nsec = 0;
	back[1] = back[0];
	if (futimens(mh_control_fd(x), back) != 0)
		mh_broken_errno(x->run, "futimens of the control file");
	if (futimens(x->l.fd, back) != 0)
		mh_broken_errno(x->run, "futimens");
	if (fstat(x->l.fd, &before) != 0)
		mh_broken_errno(x->run, "fstat");
	nanosleep(&pause, NULL);
	mh_store(x->l.m, &x->l, range, 7, 'y');
	if (redirty)
		mh_control_store(x, 'y');

	mh_call(x);

	if (fstat(x->l.fd, &after) != 0)
		mh_broken_errno(x->run, "fstat");
	if (fstat(mh_control_fd(x), &twin) != 0)
		mh_broken_errno(x->run, "fstat of the control file");
	if (later(&twin.st_mtim, &back[1]))
		mh_disturbed(x->run, "write-back not caused by the call was seen (system under "
		    "dirty-memory pressure): the control file's st_mtime left its stamp without "
		    "the call (stamped at write-back, or a store faulted again after one)");
	moved = later(&after.st_mtim, &back[1]);
	mh_effect_word(x->run, moved ? "mtime-updated" : "mtime-kept");
	mh_note(x->run, "mtime %s, ctime %s",
	    moved ? "moved from the utimensat stamp" : "still the utimensat stamp",
	    later(&after.st_ctim, &before.st_ctim) ? "changed" : "unchanged");
}
