/*
 * The lock state of a case (lock.h).
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include <errno.h>
#include <stdio.h>

#include "lock.h"

/* The system says no: a missing capability (privilege, RLIMIT_MEMLOCK),
 * else a fault. */
static _Noreturn void
refused(struct mh_run *run, const char *what)
{
	struct rlimit rl;
	int e = errno;

	if (e != EPERM && e != ENOMEM && e != EAGAIN)
		mh_broken_errno(run, what);
	if (getrlimit(RLIMIT_MEMLOCK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
		errno = e;
		mh_skip(run, "%s refused: %s (RLIMIT_MEMLOCK is %llu bytes)", what,
		    mh_errno_now(), (unsigned long long)rl.rlim_cur);
	}
	errno = e;
	mh_skip(run, "%s refused: %s", what, mh_errno_now());
}

static void
lock_page(const struct mh_layout *l, size_t i, struct mh_run *run)
{
	if (mlock(l->m + i * l->page, l->page) != 0)
		refused(run, "mlock");
}

void
mh_lock_apply(const struct mh_case *c, const struct mh_layout *l, struct mh_run *run)
{
	size_t lo, hi, i, locked = 0;

	mh_layout_range_pages(l, &lo, &hi);
	switch (c->lock) {
	case MH_LOCK_NONE:
		return;
	case MH_LOCK_RANGE:
		for (i = lo; i < hi; i++) {
			if ((long)i == l->hole)
				continue;
			lock_page(l, i, run);
			locked++;
		}
		break;
	case MH_LOCK_OTHER:
		/* The last page of the mapping outside the range. */
		for (i = l->npages; i-- > 0;)
			if ((i < lo || i >= hi) && (long)i != l->hole)
				break;
		if (i < l->npages) {
			lock_page(l, i, run);
			locked++;
		}
		break;
	case MH_LOCK_HALF:
		/* The second half of the mapping: a range over all of it is
		 * locked only in part. */
		for (i = l->npages / 2; i < l->npages; i++) {
			lock_page(l, i, run);
			locked++;
		}
		break;
	case MH_LOCK_ALL:
#if HAVE_MLOCKALL
		if (mlockall(MCL_CURRENT) != 0)
			refused(run, "mlockall(MCL_CURRENT)");
		return;
#else
		mh_skip(run, "this system has no mlockall()");
#endif
	}
	if (locked == 0)
		mh_broken(run, "table error: %s leaves no page of the mapping to lock "
		    "for range %s; exclude the combination in t/cases.tbl",
		    c->lock_text, c->range_text);
}
