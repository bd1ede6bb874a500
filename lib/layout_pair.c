/*
 * One file mapped MAP_SHARED and MAP_PRIVATE at once (the pairing values of
 * the mapping dimension).  The layout's own mapping (at m, where the range
 * lies) is made by layout.c with the flag given here; this file adds the
 * other one:
 *
 *   pairshared     m MAP_SHARED; the same 4 pages MAP_PRIVATE elsewhere
 *   pairprivate    m MAP_PRIVATE; the same 4 pages MAP_SHARED elsewhere
 *   pairlate       as pairshared, but the MAP_PRIVATE mapping is made only
 *                  when the procedure asks for it (after its stores)
 *   sharedprivate  pages 2-3 of m remapped MAP_PRIVATE over the MAP_SHARED
 *                  mapping: two mappings side by side, pages 0-1 shared
 *   privateshared  the other way round
 *
 * Both mappings use the case's one descriptor (O_RDWR), so the file stays
 * the same file after layout.c unlinks its name.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "mh.h"

int
mh_layout_pair_flags(const struct mh_case *c)
{
	switch (c->mapping) {
	case MH_PAIR_PRIVATE:
	case MH_PRIVATE_SHARED:
		return MAP_PRIVATE;
	default:
		return MAP_SHARED;
	}
}

static char *
map_other(const struct mh_case *c, struct mh_layout *l)
{
	int other = mh_layout_pair_flags(c) == MAP_SHARED ? MAP_PRIVATE : MAP_SHARED;
	void *p = mmap(NULL, l->npages * l->page, PROT_READ | PROT_WRITE, other, l->fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

const char *
mh_layout_pair_build(const struct mh_case *c, struct mh_layout *l)
{
	static char why[128];
	size_t p = l->page;
	int other = mh_layout_pair_flags(c) == MAP_SHARED ? MAP_PRIVATE : MAP_SHARED;

	switch (c->mapping) {
	case MH_PAIR_SHARED:
	case MH_PAIR_PRIVATE:
		if ((l->pair = map_other(c, l)) != NULL)
			return NULL;
		break;
	case MH_SHARED_PRIVATE:
	case MH_PRIVATE_SHARED:
		if (mmap(l->m + 2 * p, 2 * p, PROT_READ | PROT_WRITE, other | MAP_FIXED, l->fd,
		    (off_t)(2 * p)) != MAP_FAILED)
			return NULL;
		break;
	default:
		return NULL;
	}
	snprintf(why, sizeof why, "mmap of the file's second mapping: %s", strerror(errno));
	return why;
}

char *
mh_layout_pair(const struct mh_case *c, struct mh_layout *l, struct mh_run *run)
{
	if (l->pair == NULL && c->mapping == MH_PAIR_LATE && (l->pair = map_other(c, l)) == NULL)
		mh_broken_errno(run, "mmap of the late MAP_PRIVATE mapping");
	if (l->pair == NULL)
		mh_broken(run, "table error: mapping %s has no second mapping", c->mapping_text);
	return l->pair;
}
