/*
 * Kernel observers of page-cache state, for the harness's observe procedure
 * (effect_observe.c): which pages of a file are cached, dirty or under
 * write-back, as the kernel itself reports it.  They need no witness.
 *
 * Linux: cachestat(2) (6.5+).  Counts are per page but state is per folio:
 * a dirty large folio counts all its pages, and writing back one page
 * cleans the whole folio, so create test files with one pwrite() per page
 * (order-0 folios) before drawing page-granular conclusions.
 * FreeBSD: mincore(2) MINCORE_MODIFIED / MINCORE_MODIFIED_OTHER on the
 * mapping (addr must be given); it sees modified *mapped* pages.
 */
#ifndef MH_OBSERVE_H
#define MH_OBSERVE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct obs_pages {
	uint64_t cached;	/* resident in the page cache / in core */
	uint64_t dirty;		/* modified, not yet written back */
	uint64_t writeback;	/* write-back in flight (Linux only; else 0) */
};

/*
 * Observes pages [off, off+len) of fd, mapped at addr (NULL if unmapped;
 * FreeBSD needs it).  Returns NULL, or why nothing can be observed here
 * (the case should skip with that reason).
 */
const char *obs_pages(int fd, off_t off, const void *addr, size_t len,
    struct obs_pages *out);

/* Whether the last obs_pages() that failed did so because this system
 * has no observer (none compiled in, or the kernel says ENOSYS): nothing
 * can be observed here, which is no fault. */
int obs_missing(void);

/* The mechanism obs_pages() uses here, e.g. "cachestat(2)", or NULL. */
const char *obs_mechanism(void);

#endif
