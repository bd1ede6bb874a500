/*
 * The corners' file mappings (t/cases.tbl, "corners"), all MAP_SHARED and
 * read-write: split by mprotect() into four map entries, grown in place,
 * mapped at a non-zero offset, longer than the file, or whose file is
 * truncated just before the call.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <unistd.h>

#include "mapkind.h"

/* A file of filepages pages, npages of it mapped at m from page off. */
static void
map_file(struct mh_layout *l, const char *dir, size_t filepages, size_t npages, size_t off,
    struct mh_run *run)
{
	mh_layout_reserve(l, MH_MAP_PAGES * l->page, l->page, run);
	mh_layout_file(l, dir, filepages, 0, run);
	mh_layout_map(l, 0, npages, PROT_READ | PROT_WRITE, MAP_SHARED, l->fd, off,
	    "mmap of the file under test", run);
	mh_layout_unlink(l, run);
}

static void
build_split(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	(void)k;
	map_file(l, dir, MH_MAP_PAGES, MH_MAP_PAGES, 0, run);
	mh_layout_finish(c, l, run);
}

/* After the stores and the locks: [rw][r][rw][r], four map entries of one
 * mmap(). */
static void
reshape_split(struct mh_layout *l, struct mh_run *run)
{
	size_t p = l->page;

	if (mprotect(l->m + p, p, PROT_READ) != 0 || mprotect(l->m + 3 * p, p, PROT_READ) != 0)
		mh_broken_errno(run, "mprotect(PROT_READ) splitting the mapping");
}

/* Pages 0-1 mapped, then grown in place to pages 0-3. */
static void
build_grown(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	size_t p = l->page;

	(void)k;
	map_file(l, dir, MH_MAP_PAGES, 2, 0, run);
#if HAVE_MREMAP && HAVE_DECL_MREMAP_MAYMOVE
	/* Linux's mremap(): without MREMAP_MAYMOVE it grows in place or fails. */
	if (munmap(l->m + 2 * p, 2 * p) != 0)
		mh_broken_errno(run, "munmap of the reservation above the mapping");
	if (mremap(l->m, 2 * p, 4 * p, 0) != l->m) {
		/* No room to grow here (qemu-i386 keeps the guest's freed
		 * pages reserved in the host): the case needs it. */
		if (errno == ENOMEM)
			mh_skip_errno(run, "mremap() cannot grow the mapping in place here");
		mh_broken_errno(run, "mremap() growing the mapping in place");
	}
#else
	mh_layout_map(l, 2, 2, PROT_READ | PROT_WRITE, MAP_SHARED, l->fd, 2,
	    "mmap(MAP_FIXED) of the next file pages", run);
#endif
	mh_layout_finish(c, l, run);
}

static void
build_offset(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	(void)k;
	l->off = 2;
	map_file(l, dir, MH_MAP_PAGES + 2, MH_MAP_PAGES, l->off, run);
	mh_layout_finish(c, l, run);
}

/* A 2-page file under a 4-page mapping. */
static void
build_short(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	(void)k;
	l->eof = 2;
	map_file(l, dir, 2, MH_MAP_PAGES, 0, run);
	mh_layout_finish(c, l, run);
}

static void
build_trunc(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	(void)k;
	map_file(l, dir, MH_MAP_PAGES, MH_MAP_PAGES, 0, run);
	mh_layout_finish(c, l, run);
}

/* After every page was dirtied: the file cut to 2 pages. */
static void
reshape_trunc(struct mh_layout *l, struct mh_run *run)
{
	if (ftruncate(l->fd, (off_t)(2 * l->page)) != 0)
		mh_broken_errno(run, "ftruncate to 2 pages after the stores");
	l->eof = 2;
}

/* The builders the table's build lines name (t/builders.c). */
const struct mh_builder mh_builder_split = { build_split, reshape_split, NULL };
const struct mh_builder mh_builder_grown = { build_grown, NULL, NULL };
const struct mh_builder mh_builder_offset = { build_offset, NULL, NULL };
const struct mh_builder mh_builder_short = { build_short, NULL, NULL };
const struct mh_builder mh_builder_trunc = { build_trunc, reshape_trunc, NULL };
