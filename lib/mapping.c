/*
 * The mapping kinds, one row each, indexed by the table's mapping values
 * (t/dims.h), and the three things every case does with its mapping.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <unistd.h>

#include "mapkind.h"
#include "mapping.h"

/* Where only the older name exists (configure checks both). */
#if !HAVE_DECL_MAP_ANONYMOUS && HAVE_DECL_MAP_ANON
#define MAP_ANONYMOUS MAP_ANON
#endif

#define RW (PROT_READ | PROT_WRITE)
#define SH MAP_SHARED
#define PR MAP_PRIVATE
#define AN MAP_ANONYMOUS

static const struct mh_mapkind kinds[] = {
	/*                      flags    prot       ro seal build */
	[MH_FILE_SHARED]      = { SH,      RW,        0, 0, mh_build_plain, NULL, NULL },
	[MH_FILE_PRIVATE]     = { PR,      RW,        0, 0, mh_build_plain, NULL, NULL },
	[MH_ANON_SHARED]      = { SH | AN, RW,        0, 0, mh_build_plain, NULL, NULL },
	[MH_ANON_PRIVATE]     = { PR | AN, RW,        0, 0, mh_build_plain, NULL, NULL },
	[MH_FILE_SHARED_RO]   = { SH,      PROT_READ, 1, 0, mh_build_plain, NULL, NULL },
	/* Readable until sealed: Linux refuses to mlock() a PROT_NONE range,
	 * but a locked range made PROT_NONE stays locked. */
	[MH_FILE_SHARED_NONE] = { SH,      PROT_READ, 0, 1, mh_build_plain, NULL, NULL },
	[MH_FILE_SPLIT]       = { SH,      RW,        0, 0, mh_build_split, mh_reshape_split, NULL },
	[MH_FILE_GROWN]       = { SH,      RW,        0, 0, mh_build_grown, NULL, NULL },
	[MH_FILE_OFFSET]      = { SH,      RW,        0, 0, mh_build_offset, NULL, NULL },
	[MH_FILE_SHORT]       = { SH,      RW,        0, 0, mh_build_short, NULL, NULL },
	[MH_FILE_TRUNC]       = { SH,      RW,        0, 0, mh_build_trunc, mh_reshape_trunc, NULL },
	[MH_SHM_OPEN]         = { SH,      RW,        0, 0, mh_build_shmopen, NULL, NULL },
	[MH_MEMFD]            = { SH,      RW,        0, 0, mh_build_memfd, NULL, NULL },
	[MH_SYSV_SHM]         = { SH,      RW,        0, 0, mh_build_sysv, NULL, mh_release_sysv },
	[MH_HUGETLB]          = { SH | AN, RW,        0, 0, mh_build_hugetlb, NULL, NULL },
	[MH_THP]              = { PR | AN, RW,        0, 0, mh_build_thp, NULL, NULL },
	[MH_PAIR_SHARED]      = { SH,      RW,        0, 0, mh_build_paired, NULL, NULL },
	[MH_PAIR_PRIVATE]     = { PR,      RW,        0, 0, mh_build_paired, NULL, NULL },
	[MH_PAIR_LATE]        = { SH,      RW,        0, 0, mh_build_late, NULL, NULL },
	[MH_SHARED_PRIVATE]   = { SH,      RW,        0, 0, mh_build_mixed, NULL, NULL },
	[MH_PRIVATE_SHARED]   = { PR,      RW,        0, 0, mh_build_mixed, NULL, NULL },
	[MH_FORK_SHARED]      = { SH,      RW,        0, 0, mh_build_forked, NULL, NULL },
	[MH_FORK_PRIVATE]     = { PR,      RW,        0, 0, mh_build_forked, NULL, NULL },
};
_Static_assert(sizeof kinds / sizeof kinds[0] == MH_MAPPING_COUNT,
    "a mapping value of t/cases.tbl has no row in kinds[]");

int
mh_mapping_complete(void)
{
	for (unsigned v = 0; v < MH_MAPPING_COUNT; v++)
		if (kinds[v].build == NULL)
			return 0;
	return 1;
}

void
mh_mapping_build(const struct mh_case *c, const char *dir, struct mh_layout *l, struct mh_run *run)
{
	const struct mh_mapkind *k = (unsigned)c->mapping < MH_MAPPING_COUNT ? &kinds[c->mapping] : NULL;

	mh_layout_init(l);
	if (k == NULL || k->build == NULL)
		mh_broken(run, "table error: mapping %s has no row in lib/mapping.c", c->mapping_text);
	l->kind = k;
	l->writable = (k->prot & PROT_WRITE) != 0;
	k->build(c, k, dir, l, run);
}

void
mh_mapping_seal(struct mh_layout *l, struct mh_run *run)
{
	if (l->kind->seal)
		for (size_t i = 0; i < l->npages; i++)
			if ((long)i != l->hole && mprotect(l->m + i * l->page, l->page, PROT_NONE) != 0)
				mh_broken_errno(run, "mprotect(PROT_NONE) of the mapping");
	if (l->kind->reshape != NULL)
		l->kind->reshape(l, run);
}

void
mh_mapping_free(struct mh_layout *l, struct mh_run *run)
{
	if (l->kind != NULL && l->kind->release != NULL)
		l->kind->release(l, run);
	else if (l->m != NULL && munmap(l->m, l->npages * l->page) != 0)
		mh_cleanup_errno(run, "munmap of the mapping under test");
	if (l->pair != NULL && munmap(l->pair, l->npages * l->page) != 0)
		mh_cleanup_errno(run, "munmap of the file's second mapping");
	if (l->fd >= 0)
		(void)close(l->fd);
	if (l->fd2 >= 0)
		(void)close(l->fd2);
	l->m = l->pair = NULL;
	l->fd = l->fd2 = -1;
}
