/*@needs range_pages range_bits store lacks call*/
#if defined(__linux__)
#include <sys/syscall.h>
#endif
#if defined(SYS_cachestat)
#define NR_CACHESTAT SYS_cachestat
#elif defined(SYS_pidfd_send_signal)
/* Headers older than Linux 6.5 lack the number.  From pidfd_send_signal on,
 * every Linux architecture allocates new numbers in lockstep, and
 * cachestat came 27 later (451 on most).  A kernel without it: ENOSYS. */
#define NR_CACHESTAT (SYS_pidfd_send_signal + 27)
#endif

#if defined(NR_CACHESTAT)
#define OBSERVER "cachestat(2)"
#elif defined(MINCORE_MODIFIED)
#define OBSERVER "mincore(2) MINCORE_MODIFIED"
#endif

/* The kernel's own count of dirty pages among the n bytes of the mapping
 * from page lo: cachestat(2) on Linux (6.5 and later), mincore(2)
 * MINCORE_MODIFIED on FreeBSD. */
static unsigned long long
dirty_pages(size_t lo, size_t n)
{
#if defined(NR_CACHESTAT)
	struct { uint64_t off, len; } range = { (uint64_t)((lo + l.off) * p), n };
	struct { uint64_t cache, dirty, writeback, evicted, recently_evicted; } cs;

	if (syscall(NR_CACHESTAT, l.fd, &range, &cs, 0) != 0) {
		if (errno == ENOSYS)
			lacks("no page-cache observer: cachestat(2): %s (a kernel before Linux "
			    "6.5, or an emulator without the call)", strerror(errno));
		fail("cachestat(2)");
	}
	return cs.dirty;
#elif defined(MINCORE_MODIFIED)
	unsigned long long dirty = 0;
	char vec[64];

	if (n / p > sizeof vec)
		lacks("a range over %zu pages", sizeof vec);
	if (mincore(m + lo * p, n, vec) != 0)
		fail("mincore(2)");
	for (size_t i = 0; i < n / p; i++)
		if (vec[i] & (MINCORE_MODIFIED | MINCORE_MODIFIED_OTHER))
			dirty++;
	return dirty;
#else
	(void)lo, (void)n;
	lacks("no page-cache observer on this system (needs Linux cachestat(2) or FreeBSD "
	    "mincore(2) MINCORE_MODIFIED)");
	return 0;
#endif
}

/* How many of the range's pages are still dirty after the call, as the
 * kernel itself counts them.  (The suite also keeps a control file dirty
 * beside it, to rule out write-back nobody asked for: run this again if
 * the system is busy writing.) */
static const char *
check_observe(void)
{
	size_t lo, hi;
	unsigned long long before, after;

	range_pages(&lo, &hi);
	store(m, range_bits(), 7, 'C');
	before = dirty_pages(lo, (hi - lo) * p);
#ifdef OBSERVER
	/* tmpfs, for one, keeps no dirty state the observer can see. */
	if (before == 0)
		lacks(OBSERVER " sees no dirty page on this filesystem, even right after a "
		    "store: it cannot tell what the call did");
#endif

	call();

	after = dirty_pages(lo, (hi - lo) * p);
#ifdef OBSERVER
	printf("evidence: %s: dirty pages in the range before the call %llu, after it %llu\n",
	    OBSERVER, before, after);
#endif
	return after == 0 ? "range-clean" : "range-dirty";
}
