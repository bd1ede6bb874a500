/*
 * The interface matrix's procedure (check=status: the return value is the
 * outcome), and the stores the semantic procedures share.
 */
#include "config.h"

#include "mh.h"

size_t
mh_effect_store(const struct mh_layout *l, char v)
{
	size_t lo, hi;

	if (l->len == 0)
		return 0;
	mh_layout_range_pages(l, &lo, &hi);
	for (size_t i = lo; i < hi && i < l->eof; i++)
		if ((long)i != l->hole)
			((volatile char *)l->m)[i * l->page + 7] = v;
	return hi - lo;
}

/* Layout (every writable page dirtied) and lock by setup.c, then the call. */
void
mh_check_status(struct mh_ctx *x)
{
	mh_call(x);
	mh_note(x->run, "-");
}
