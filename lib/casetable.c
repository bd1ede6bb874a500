/* Readings of the generated case table that the harness (ATF heads, verdicts,
 * records) and msync-report (explain, findings) share: data only. */
#include "config.h"

#include <stdio.h>

#include "casetable.h"

const struct mh_expect *
mh_expect_of(const struct mh_table *t, const struct mh_case *c, unsigned v)
{
	return &t->expects[t->case_expect[c->expect + v]];
}

int
mh_describe(const struct mh_case *c, char *buf, size_t n)
{
	return snprintf(buf, n, "msync%s, %s, on %s, %s%s%s",
	    c->range_text, c->flags_text, c->mapping_text, c->lock_text,
	    c->check == MH_CHECK_STATUS ? "" : "; observed: ",
	    c->check == MH_CHECK_STATUS ? "" : c->check_text);
}

int
mh_needs(const struct mh_table *t, const struct mh_case *c, char *buf, size_t n)
{
	int used = 0;

	if (n > 0)
		buf[0] = '\0';
	for (unsigned i = 0; i < t->nneeds && i < 32; i++) {
		if (!(c->needs & (1u << i)))
			continue;
		used += snprintf(buf + ((size_t)used < n ? (size_t)used : n),
		    (size_t)used < n ? n - (size_t)used : 0, "%s%s", used ? "; " : "", t->needs[i]);
	}
	return used;
}
