/*@needs range_bits store call*/
#include <sys/stat.h>
#include <time.h>

#ifdef __APPLE__
#define st_mtim st_mtimespec	/* macOS's name */
#define st_ctim st_ctimespec
#endif

/* Three ticks of the coarse clock file timestamps are taken from, 1 ms at
 * least, 50 ms at most: a change cannot hide inside one tick. */
static struct timespec
pause_of_three_ticks(void)
{
	struct timespec res = { 0, 10000000L }, t;
	long ns;

#ifdef CLOCK_REALTIME_COARSE
	clock_getres(CLOCK_REALTIME_COARSE, &res);
#endif
	ns = res.tv_sec > 0 ? 50000000L : 3 * res.tv_nsec;
	t.tv_sec = 0;
	t.tv_nsec = ns < 1000000L ? 1000000L : ns > 50000000L ? 50000000L : ns;
	return t;
}

static int
later(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec > b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec > b->tv_nsec);
}

/*
 * Timestamps: does st_mtime move when msync writes the modified pages?
@?check=mtimefault@ * st_mtime set an hour back with futimens(), then the first store to each
@?check=mtimefault@ * page of the range (a write fault), then the call.
@?check=mtimeredirty@ * A store to each page of the range, st_mtime set an hour back with
@?check=mtimeredirty@ * futimens(), a second store to the same, already writable pages (no fault
@?check=mtimeredirty@ * where the system stamps at faults), then the call.
 * (The suite also takes a control file through the same steps without the
 * call, to rule out write-back nobody asked for: run this again if the
 * system is busy writing.)
 */
static const char *
check_mtime(void)
{
	struct timespec back[2], pause = pause_of_three_ticks();
	unsigned range = range_bits();
	struct stat before, after;
	int moved;

@?check=mtimeredirty@	store(m, range, 7, 'x');
	clock_gettime(CLOCK_REALTIME, &back[0]);
	back[0].tv_sec -= 3600;
	back[0].tv_nsec = 0;
	back[1] = back[0];
	if (futimens(l.fd, back) != 0)
		fail("futimens");
	if (fstat(l.fd, &before) != 0)
		fail("fstat");
	nanosleep(&pause, NULL);
	store(m, range, 7, 'y');

	call();

	if (fstat(l.fd, &after) != 0)
		fail("fstat");
	moved = later(&after.st_mtim, &back[1]);
	printf("evidence: mtime %s, ctime %s\n",
	    moved ? "moved from the futimens stamp" : "still the futimens stamp",
	    later(&after.st_ctim, &before.st_ctim) ? "changed" : "unchanged");
	return moved ? "mtime-updated" : "mtime-kept";
}
