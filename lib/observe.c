/*
 * Page-cache observers (see observe.h), each compiled in only where
 * configure detected it (lib/configure.inc).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "observe.h"

#if HAVE_DECL_SYS_CACHESTAT || HAVE_DECL_SYS_PIDFD_SEND_SIGNAL
#include <sys/syscall.h>
#endif

#if HAVE_DECL_SYS_CACHESTAT
#define OBS_NR_CACHESTAT SYS_cachestat
#elif HAVE_DECL_SYS_PIDFD_SEND_SIGNAL
/*
 * Headers older than Linux 6.5 (Debian 12) lack cachestat.  From
 * pidfd_send_signal (5.1) on, every Linux architecture allocates new system
 * call numbers in lockstep, and cachestat came 27 numbers later (451 on
 * most, 561 on alpha, 4451 on mips o32).  A kernel without it says ENOSYS.
 */
#define OBS_NR_CACHESTAT (SYS_pidfd_send_signal + 27)
#endif

#if HAVE_MINCORE && HAVE_DECL_MINCORE_MODIFIED && HAVE_DECL_MINCORE_MODIFIED_OTHER
#define OBS_MINCORE_MODIFIED 1
#endif

static char why[192];
static int missing;

#ifdef OBS_NR_CACHESTAT
/* The kernel's layout: struct cachestat_range / struct cachestat. */
struct obs_cs_range {
	uint64_t off, len;
};
struct obs_cs {
	uint64_t nr_cache, nr_dirty, nr_writeback, nr_evicted,
	    nr_recently_evicted;
};

static const char *
by_cachestat(int fd, off_t off, size_t len, struct obs_pages *out)
{
	struct obs_cs_range range = { (uint64_t)off, len };
	struct obs_cs cs;

	if (syscall(OBS_NR_CACHESTAT, fd, &range, &cs, 0) != 0) {
		missing = errno == ENOSYS;
		snprintf(why, sizeof why, "cachestat(2): %s%s", strerror(errno),
		    missing ? " (a kernel before Linux 6.5, or an emulator without the call)" : "");
		return why;
	}
	out->cached = cs.nr_cache;
	out->dirty = cs.nr_dirty;
	out->writeback = cs.nr_writeback;
	return NULL;
}
#endif

#ifdef OBS_MINCORE_MODIFIED
/* FreeBSD: per mapped page, in core and modified (here or elsewhere). */
static const char *
by_mincore(const void *addr, size_t len, struct obs_pages *out)
{
	size_t ps = (size_t)sysconf(_SC_PAGESIZE), n = (len + ps - 1) / ps, i;
	char *vec;

	if (addr == NULL)
		return "mincore(2) observes mappings: no address given";
	if ((vec = malloc(n ? n : 1)) == NULL)
		return "mincore(2): out of memory";
	if (mincore(addr, len, vec) != 0) {
		snprintf(why, sizeof why, "mincore(2): %s", strerror(errno));
		free(vec);
		return why;
	}
	for (i = 0; i < n; i++) {
		if (vec[i] & MINCORE_INCORE)
			out->cached++;
		if (vec[i] & (MINCORE_MODIFIED | MINCORE_MODIFIED_OTHER))
			out->dirty++;
	}
	free(vec);
	return NULL;
}
#endif

const char *
obs_pages(int fd, off_t off, const void *addr, size_t len, struct obs_pages *out)
{
	int saved = errno;
	const char *r;

	memset(out, 0, sizeof *out);
	(void)fd;
	(void)off;
	(void)addr;
	(void)len;
#if defined(OBS_NR_CACHESTAT)
	r = by_cachestat(fd, off, len, out);
#elif defined(OBS_MINCORE_MODIFIED)
	r = by_mincore(addr, len, out);
#else
	missing = 1;
	r = "no page-cache observer on this system (needs Linux cachestat(2) "
	    "or FreeBSD mincore(2) MINCORE_MODIFIED)";
#endif
	errno = saved;
	return r;
}

int
obs_missing(void)
{
	return missing;
}

const char *
obs_mechanism(void)
{
#if defined(OBS_NR_CACHESTAT)
	return "cachestat(2)";
#elif defined(OBS_MINCORE_MODIFIED)
	return "mincore(2) MINCORE_MODIFIED";
#else
	return NULL;
#endif
}
