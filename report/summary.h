/* Per-variant counts, the ranking of the closest variants, and the cases
 * without an outcome grouped by kind and reason. */
#ifndef MSYNC_REPORT_SUMMARY_H
#define MSYNC_REPORT_SUMMARY_H

#include <stddef.h>

#include "report.h"

struct sbuf;

struct tally {
	int v;                   /* index in the report's variants */
	unsigned long m, c, s;   /* matched, contradicted, silent */
};

/* t[nvariants] per variant, over the cases with an outcome (returned). */
size_t summary_tally(const struct report *r, struct tally *t);
/* "92.7%" rounded down, or "n/a" when m + c is 0. */
void summary_percent(struct sbuf *b, unsigned long m, unsigned long c);
/* The "closest: ..." line (without its newline); sorts t. */
void summary_rank(const struct report *r, struct tally *t, struct sbuf *out);
/* The cases of each kind (row_kind), kinds[NKINDS]. */
void summary_kinds(const struct report *r, size_t kinds[NKINDS]);

/* The cases without an outcome that share a kind and a reason (NULL: the
 * report keeps no reasons). */
struct reason_group {
	const char *kind, *reason;
	size_t n;
};
/* The groups, by kind (skipped, broken, failed, then the others), most
 * cases first, then by reason; *g is malloc'ed.  Returns how many. */
size_t summary_reasons(const struct report *r, struct reason_group **g);
/* "43 skipped: REASON" (without a newline). */
void summary_reason_line(const struct reason_group *g, int format,
    struct sbuf *out);

void summary_write(const struct report *r, const char *name,
    struct sbuf *out);

#endif
