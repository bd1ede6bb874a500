/*
 * A mapping kind: one row of mapping.c's table, and the builders the rows
 * name (map_*.c).  Every builder starts from mh_layout_init()'s layout,
 * makes its reservation and mappings with the kit (layout.h) and ends with
 * mh_layout_finish(), so that its guards, hole and ranges are those of
 * every kind.
 */
#ifndef MH_MAPKIND_H
#define MH_MAPKIND_H

#include "casetable.h"
#include "layout.h"
#include "run.h"

struct mh_mapkind;
typedef void mh_build_fn(const struct mh_case *, const struct mh_mapkind *, const char *dir,
    struct mh_layout *, struct mh_run *);

struct mh_mapkind {
	int flags;		/* the mapping at m: MAP_SHARED or MAP_PRIVATE, MAP_ANONYMOUS */
	int prot;		/* its protection while the case stores */
	int ro;			/* its file opened O_RDONLY */
	int seal;		/* made PROT_NONE just before the call */
	mh_build_fn *build;
	void (*reshape)(struct mh_layout *, struct mh_run *);	/* just before the call */
	void (*release)(struct mh_layout *, struct mh_run *);	/* NULL: munmap */
};

/* map_plain.c: one mmap() of 4 file or anonymous pages (and for range
 * twomaps, pages 2-3 again through a second descriptor). */
mh_build_fn mh_build_plain;
/* The same, without the finish: for the kinds that add to it. */
mh_build_fn mh_plain_map;
/* map_pair.c: a second mapping of the file, of the other MAP_ kind: made
 * at once elsewhere (paired), only when the procedure asks (late), over
 * pages 2-3 (mixed), or in a forked child (forked). */
mh_build_fn mh_build_paired, mh_build_late, mh_build_mixed, mh_build_forked;
/* map_file.c: file mappings split by mprotect(), grown in place, at an
 * offset, longer than the file, or whose file is truncated. */
mh_build_fn mh_build_split, mh_build_grown, mh_build_offset, mh_build_short, mh_build_trunc;
void mh_reshape_split(struct mh_layout *, struct mh_run *);
void mh_reshape_trunc(struct mh_layout *, struct mh_run *);
/* map_shm.c: shared memory objects. */
mh_build_fn mh_build_shmopen, mh_build_memfd, mh_build_sysv;
void mh_release_sysv(struct mh_layout *, struct mh_run *);
/* map_huge.c: one huge page. */
mh_build_fn mh_build_hugetlb, mh_build_thp;

#endif
