/*
 * The mapping a case calls msync() on, and the (addr, len) it passes: the
 * layout, and the kit every mapping kind builds it with (layout.c).
 *
 * Every mapping is MH_MAP_PAGES pages at m (a huge page mapping: one huge
 * page), cut out of a reservation so that the pages below m and above its
 * end are known to be unmapped: the ranges that reach outside the mapping
 * (lead, tail, unmapped) rely on that.  Nothing is mapped between building
 * the layout and the call, so nothing else can be placed in those gaps.
 * The kit ends the case itself (mh_skip, mh_broken) where a step fails.
 */
#ifndef MH_LAYOUT_H
#define MH_LAYOUT_H

#include <stddef.h>

#include "casetable.h"
#include "run.h"

#define MH_MAP_PAGES 4

struct mh_mapkind;

struct mh_layout {
	const struct mh_mapkind *kind;	/* how it was built (mapping.c) */
	size_t page;
	char *m;		/* first page of the mapping */
	size_t npages;		/* pages of the mapping (one may be a hole) */
	size_t eof;		/* pages of the mapping the file backs */
	size_t off;		/* the file page mapped at m (fileoffset: 2) */
	long hole;		/* index of the unmapped page in it, or -1 */
	int fd;			/* the file or object, or -1 */
	int fd2;		/* the second mapping's descriptor (twomaps), or -1 */
	int shmid;		/* the System V segment attached at m, or -1 */
	char name[64];		/* the file's name in its directory */
	char path[4096];	/* and its path, until it is unlinked */
	char *pair;		/* the file's other mapping (map_pair.c), or NULL */
	int writable;		/* mapped PROT_WRITE */
	char *res;		/* the reservation m was cut from, and its size */
	size_t span;
	void *addr;		/* msync's arguments */
	size_t len;
};

/* Starts a layout: the page size, MH_MAP_PAGES pages, no file yet. */
void mh_layout_init(struct mh_layout *);
/* An unmapped reservation of size bytes at an align-aligned l->m, with
 * unmapped guard pages each side (l->res, l->span). */
void mh_layout_reserve(struct mh_layout *, size_t size, size_t align, struct mh_run *);
/* Creates dir/NAME, the file under test, of npages pages written one page per
 * pwrite() (page i holds 'a'+i), opened read-write (or read-only: ro), into
 * l->fd; l->name is its name. */
void mh_layout_file(struct mh_layout *, const char *dir, size_t npages, int ro, struct mh_run *);
/* Unlinks the file under test once it is mapped: nothing is left behind
 * even if the case is killed; l->fd keeps it. */
void mh_layout_unlink(struct mh_layout *, struct mh_run *);
/* mmap() at l->m + at*page, MAP_FIXED; a file mapping that the system
 * cannot make (ENODEV) makes the case skip. */
void mh_layout_map(struct mh_layout *, size_t at, size_t npages, int prot, int flags,
    int fd, size_t fileoff, const char *what, struct mh_run *);
/* The end of every build: the rest of the reservation unmapped (the
 * guards), the hole, the range. */
void mh_layout_finish(const struct mh_case *, struct mh_layout *, struct mh_run *);
/* The case's (addr, len), from its range value and the layout's m, page,
 * npages (the last step of mh_layout_finish()). */
void mh_layout_set_range(const struct mh_case *, struct mh_layout *);
/* Pages of the mapping the range touches: [*lo, *hi), empty if lo == hi;
 * len 0 names the page at addr. */
void mh_layout_range_pages(const struct mh_layout *, size_t *lo, size_t *hi);

#endif
