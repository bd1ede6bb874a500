/*
 * MS_INVALIDATE on a MAP_PRIVATE mapping whose pages were modified: does
 * the process keep its private modifications, or are the pages fetched
 * again from the file?  The manuals differ: SVR4 makes swap the backing
 * store of private pages, AIX has every cached copy fetched anew.
 */
#include "config.h"

#include "mh.h"

void
mh_check_private_invalidate(struct mh_ctx *x)
{
	const struct mh_layout *l = &x->l;
	size_t lo, hi, kept = 0, file = 0, other = 0;

	mh_layout_range_pages(l, &lo, &hi);
	for (size_t i = lo; i < hi; i++)
		l->m[i * l->page] = 'P';

	mh_call(x);

	/* Fetched anew, page i holds the file's 'a'+i (layout.c), or zeros
	 * for an anonymous mapping. */
	for (size_t i = lo; i < hi; i++) {
		char v = ((volatile char *)l->m)[i * l->page];

		if (v == 'P')
			kept++;
		else if (v == (l->fd >= 0 ? (char)('a' + i) : 0))
			file++;
		else
			other++;
	}
	mh_effect_word(x->run, kept == hi - lo ? "private-kept" :
	    file == hi - lo ? "private-discarded" : "private-mixed");
	mh_note(x->run, "%zu of %zu modified private pages kept, %zu fetched anew, %zu other",
	    kept, hi - lo, file, other);
}
