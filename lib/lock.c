/*
 * The lock state of a case: nothing, the range's mapped pages mlock()ed,
 * another page of the mapping mlock()ed, or mlockall(MCL_CURRENT).
 * A lock the system refuses (RLIMIT_MEMLOCK, no privilege) makes the case
 * skip: it is a missing capability, not a finding.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "mh.h"

static int
refused(const char *what, int err, char *why, size_t n)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_MEMLOCK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		snprintf(why, n, "%s refused: %s (RLIMIT_MEMLOCK is %llu bytes)", what,
		    strerror(err), (unsigned long long)rl.rlim_cur);
	else
		snprintf(why, n, "%s refused: %s", what, strerror(err));
	return MH_SKIP;
}

static int
lock_page(const struct mh_layout *l, size_t i, char *why, size_t n)
{
	if (mlock(l->m + i * l->page, l->page) != 0)
		return refused("mlock", errno, why, n);
	return 0;
}

int
mh_lock_apply(const struct mh_case *c, const struct mh_layout *l, char *why, size_t n)
{
	size_t lo, hi, i, locked = 0;
	int e;

	mh_layout_range_pages(l, &lo, &hi);
	switch (c->lock) {
	case MH_LOCK_NONE:
		return 0;
	case MH_LOCK_RANGE:
		for (i = lo; i < hi; i++) {
			if ((long)i == l->hole)
				continue;
			if ((e = lock_page(l, i, why, n)) != 0)
				return e;
			locked++;
		}
		break;
	case MH_LOCK_OTHER:
		/* The last page of the mapping outside the range. */
		for (i = l->npages; i-- > 0;)
			if ((i < lo || i >= hi) && (long)i != l->hole)
				break;
		if (i < l->npages) {
			if ((e = lock_page(l, i, why, n)) != 0)
				return e;
			locked++;
		}
		break;
	case MH_LOCK_HALF:
		/* The second half of the mapping: a range over all of it is
		 * locked only in part. */
		for (i = l->npages / 2; i < l->npages; i++) {
			if ((e = lock_page(l, i, why, n)) != 0)
				return e;
			locked++;
		}
		break;
	case MH_LOCK_ALL:
#if HAVE_MLOCKALL
		if (mlockall(MCL_CURRENT) != 0)
			return refused("mlockall(MCL_CURRENT)", errno, why, n);
		return 0;
#else
		snprintf(why, n, "this system has no mlockall()");
		return MH_SKIP;
#endif
	}
	if (locked == 0) {
		snprintf(why, n, "table error: %s leaves no page of the mapping to lock "
		    "for range %s; exclude the combination in t/cases.tbl",
		    c->lock_text, c->range_text);
		return MH_BROKEN;
	}
	return 0;
}
