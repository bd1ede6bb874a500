/*
 * MS_INVALIDATE on a MAP_PRIVATE mapping whose pages were modified: does
 * the process keep its private modifications, or are the pages fetched
 * again from the file?  The manuals differ: SVR4 makes swap the backing
 * store of private pages, AIX has every cached copy fetched anew.
 */
#include "config.h"

#include "pages.h"
#include "procedure.h"

void
mh_check_private_invalidate(struct mh_ctx *x)
{
	const struct mh_layout *l = &x->l;
	unsigned range = mh_range_bits(l), kept, file = 0, other;

	mh_store(l->m, l, range, 0, 'P');

	mh_call(x);

	/* Fetched anew, page i holds the file's 'a'+i (layout.c), or zeros
	 * for an anonymous mapping. */
	kept = mh_holds(l->m, l, range, 0, 'P');
	for (size_t i = 0; i < l->npages && i < 32; i++)
		file |= mh_holds(l->m, l, range & (1u << i), 0, l->fd >= 0 ? (char)('a' + i) : 0);
	other = range & ~kept & ~file;
	mh_effect_word(x->run, kept == range ? "private-kept" :
	    file == range ? "private-discarded" : "private-mixed");
	mh_note(x->run, "%d of %d modified private pages kept, %d fetched anew, %d other",
	    mh_count(kept), mh_count(range), mh_count(file), mh_count(other));
}
