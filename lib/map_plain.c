/*
 * The interface matrix's mappings: one mmap() of MH_MAP_PAGES pages, of a
 * file (read-write, read-only, or readable until sealed PROT_NONE) or
 * anonymous, MAP_SHARED or MAP_PRIVATE, as the table's build line says.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <fcntl.h>

#include "mapkind.h"

#if !HAVE_DECL_MAP_ANONYMOUS && HAVE_DECL_MAP_ANON
#define MAP_ANONYMOUS MAP_ANON
#endif

void
mh_plain_map(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	mh_layout_reserve(l, MH_MAP_PAGES * l->page, l->page, run);
	if (k->flags & MAP_ANONYMOUS) {
		mh_layout_map(l, 0, MH_MAP_PAGES, k->prot, k->flags, -1, 0,
		    "mmap of the mapping under test", run);
		return;
	}
	mh_layout_file(l, dir, MH_MAP_PAGES, k->ro, run);
	mh_layout_map(l, 0, MH_MAP_PAGES, k->prot, k->flags, l->fd, 0,
	    "mmap of the file under test", run);
	/* twomaps: pages 2-3 again, through another descriptor, so that the
	 * mapping is two (unmergeable) mappings that a range spans. */
	if (c->range == MH_R_TWOMAPS) {
		if ((l->fd2 = open(l->path, k->ro ? O_RDONLY : O_RDWR)) < 0)
			mh_broken_errno(run, "open of the file under test for its second mapping");
		mh_layout_map(l, 2, 2, k->prot, k->flags, l->fd2, 2,
		    "mmap of the file's second mapping (twomaps)", run);
	}
	mh_layout_unlink(l, run);
}

static void
build_plain(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	mh_plain_map(c, k, dir, l, run);
	mh_layout_finish(c, l, run);
}

/* The builders the table's build lines name (t/builders.c). */
const struct mh_builder mh_builder_plain = { build_plain, NULL, NULL };
