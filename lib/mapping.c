/*
 * The mapping kinds, as the table's build lines say (mh_table.builds, and
 * t/builders.c for their builders), and the three things every case does
 * with its mapping.
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

/* Each mapping value's build line, read as its builder gets it. */
static struct mh_mapkind kinds[MH_MAPPING_COUNT];

void
mh_mapping_build(const struct mh_case *c, const char *dir, struct mh_layout *l, struct mh_run *run)
{
	const struct mh_build *b;
	struct mh_mapkind *k;

	mh_layout_init(l);
	if ((unsigned)c->mapping >= MH_MAPPING_COUNT)
		mh_broken(run, "table error: mapping %s has no build line", c->mapping_text);
	b = &mh_table.builds[c->mapping];
	k = &kinds[c->mapping];
	k->flags = (b->bits & MH_BUILD_SHARED ? MAP_SHARED : MAP_PRIVATE) |
	    (b->bits & MH_BUILD_ANON ? MAP_ANONYMOUS : 0);
	k->prot = b->bits & MH_BUILD_WRITE ? PROT_READ | PROT_WRITE : PROT_READ;
	k->ro = (b->bits & MH_BUILD_RDONLY) != 0;
	k->seal = (b->bits & MH_BUILD_SEAL) != 0;
	k->builder = mh_builders[c->mapping];
	l->kind = k;
	l->writable = (k->prot & PROT_WRITE) != 0;
	k->builder->build(c, k, dir, l, run);
}

void
mh_mapping_seal(struct mh_layout *l, struct mh_run *run)
{
	if (l->kind->seal)
		for (size_t i = 0; i < l->npages; i++)
			if ((long)i != l->hole && mprotect(l->m + i * l->page, l->page, PROT_NONE) != 0)
				mh_broken_errno(run, "mprotect(PROT_NONE) of the mapping");
	if (l->kind->builder->reshape != NULL)
		l->kind->builder->reshape(l, run);
}

void
mh_mapping_free(struct mh_layout *l, struct mh_run *run)
{
	if (l->kind != NULL && l->kind->builder->release != NULL)
		l->kind->builder->release(l, run);
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
