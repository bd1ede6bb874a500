/* Per-variant counts and the ranking of the closest variants. */
#ifndef MSYNC_REPORT_SUMMARY_H
#define MSYNC_REPORT_SUMMARY_H

#include <stddef.h>

struct report;
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

void summary_write(const struct report *r, const char *name,
    struct sbuf *out);

#endif
