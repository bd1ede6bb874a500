/*
 * A mapping kind: a build line of the table, and the builders the lines
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

/*
 * A builder: one shape of mapping, defined by some map_*.c as
 * const struct mh_builder mh_builder_NAME and named by the table's build
 * lines (t/cases.tbl); t/builders.c, generated, points each mapping value
 * at its builder, so that a new shape is its map_*.c and the table alone.
 */
struct mh_builder {
	mh_build_fn *build;
	void (*reshape)(struct mh_layout *, struct mh_run *);	/* just before the call */
	void (*release)(struct mh_layout *, struct mh_run *);	/* NULL: munmap */
};
extern const struct mh_builder *const mh_builders[MH_MAPPING_COUNT];

/* A mapping value as its builder gets it: its build line, read. */
struct mh_mapkind {
	int flags;		/* the mapping at m: MAP_SHARED or MAP_PRIVATE, MAP_ANONYMOUS */
	int prot;		/* its protection while the case stores */
	int ro;			/* its file opened O_RDONLY */
	int seal;		/* made PROT_NONE just before the call */
	const struct mh_builder *builder;
};

/* map_plain.c: one mmap() of 4 file or anonymous pages (and for range
 * twomaps, pages 2-3 again through a second descriptor), without the
 * finish: for the builders that add to it. */
mh_build_fn mh_plain_map;

#endif
