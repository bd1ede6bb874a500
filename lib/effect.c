/*
 * The interface matrix's procedure (check=status): every page of the
 * mapping the file backs dirtied, so that msync has something to write,
 * then the call; its return value is the outcome.
 */
#include "config.h"

#include "pages.h"
#include "procedure.h"

void
mh_check_status(struct mh_ctx *x)
{
	const struct mh_layout *l = &x->l;

	if (l->writable)
		for (size_t i = 0; i < l->eof; i++)
			if ((long)i != l->hole)
				((volatile char *)l->m)[i * l->page] = (char)('A' + i);
	mh_call(x);
	mh_note(x->run, "-");
}
