/* summary: per-variant counts over the cases with an outcome, and the
 * ranking of the closest variants. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "summary.h"

/* Percent with one decimal, rounded down so that 100.0% means no
 * contradiction at all; integers only, so every host prints the same. */
void
summary_percent(struct sbuf *b, unsigned long m, unsigned long c)
{
	if (m + c == 0) {
		sb_puts(b, "n/a");
		return;
	}
	unsigned long long pm = 1000ULL * m / (m + c);
	sb_printf(b, "%llu.%llu%%", pm / 10, pm % 10);
}

/* Variants that speak to at least half the cases rank first, then those
 * that speak to fewer, then those silent on every case: a text that speaks
 * to a tenth of the suite cannot outrank one that speaks to all of it. */
static int
tier(const struct tally *t)
{
	unsigned long long n = t->m + t->c, all = n + t->s;
	return n == 0 ? 2 : 2 * n >= all ? 0 : 1;
}

/* By tier, then higher m/(m+c) first (compared exactly, not as rounded
 * percentages); equal ratios: more matched cases first, then table order. */
static int
rank_cmp(const void *pa, const void *pb)
{
	const struct tally *a = pa, *b = pb;
	unsigned long long ta = a->m + a->c, tb = b->m + b->c;
	if (tier(a) != tier(b))
		return tier(a) - tier(b);
	unsigned long long l = (unsigned long long)a->m * tb;
	unsigned long long r = (unsigned long long)b->m * ta;
	if (l != r)
		return l > r ? -1 : 1;
	if (a->m != b->m)
		return a->m > b->m ? -1 : 1;
	return a->v - b->v;
}

static void
verdicts(const struct report *r, struct sbuf *out)
{
	static const char *const types[] = {
		"passed", "failed", "skipped", "broken", "expected_failure",
	};
	if (r->expected) {
		sb_printf(out, "cases: %zu (an expected report has no "
		    "verdicts)\n", r->nrows);
		return;
	}
	sb_printf(out, "cases: %zu (", r->nrows);
	for (size_t t = 0; t < sizeof types / sizeof *types; t++) {
		size_t n = 0;
		for (size_t i = 0; i < r->nrows; i++)
			n += strcmp(r->rows[i].verdict, types[t]) == 0;
		sb_printf(out, "%s%s %zu", t ? ", " : "", types[t], n);
	}
	sb_puts(out, ")\n");
}

size_t
summary_tally(const struct report *r, struct tally *t)
{
	size_t judged = 0;
	for (int v = 0; v < r->nvariants; v++)
		t[v] = (struct tally){ v, 0, 0, 0 };
	for (size_t i = 0; i < r->nrows; i++) {
		const struct row *w = &r->rows[i];
		if (!report_has_outcome(w))
			continue;
		judged++;
		for (int v = 0; v < r->nvariants; v++) {
			vmask bit = (vmask)1 << v;
			if (w->matches & bit)
				t[v].m++;
			else if (w->contradicts & bit)
				t[v].c++;
			else
				t[v].s++;
		}
	}
	return judged;
}

void
summary_rank(const struct report *r, struct tally *t, struct sbuf *out)
{
	static const char *const heads[] = {
		"closest:", "; speaking to fewer than half the cases:",
		"; silent on every case:",
	};
	int shown = -1;
	qsort(t, (size_t)r->nvariants, sizeof *t, rank_cmp);
	for (int i = 0; i < r->nvariants; i++) {
		int k = tier(&t[i]);
		sb_printf(out, "%s %s", k != shown ? heads[k] : ",",
		    r->variants[t[i].v]);
		if (k != 2) {
			sb_putc(out, ' ');
			summary_percent(out, t[i].m, t[i].c);
			sb_printf(out, " of %lu", t[i].m + t[i].c);
		}
		shown = k;
	}
	if (r->nvariants == 0)
		sb_puts(out, "closest: none");
}

void
summary_write(const struct report *r, const char *name,
    struct sbuf *out)
{
	sb_printf(out, "msync-report summary of %s\n", name);
	if (r->expected)
		sb_printf(out, "kind: expected report of %s\n", r->expected);
	else
		sb_printf(out, "kind: observed on %s %s %s, fs %s, %s\n",
		    r->facts[F_OS], r->facts[F_RELEASE],
		    r->facts[F_MACHINE], r->facts[F_FS],
		    r->facts[F_DATE]);
	verdicts(r, out);

	struct tally t[MAX_VARIANTS];
	size_t judged = summary_tally(r, t);
	sb_printf(out, "with an outcome: %zu (the counts below are over "
	    "these)\n\n", judged);
	sb_printf(out, "%-14s %8s %13s %7s %7s\n", "variant", "matched",
	    "contradicted", "silent", "match");
	for (int v = 0; v < r->nvariants; v++) {
		struct sbuf p = {0};
		summary_percent(&p, t[v].m, t[v].c);
		sb_printf(out, "%-14s %8lu %13lu %7lu %7s\n", r->variants[v],
		    t[v].m, t[v].c, t[v].s, p.p);
		sb_free(&p);
	}
	sb_putc(out, '\n');
	summary_rank(r, t, out);
	sb_puts(out, "\n(match = matched / (matched + contradicted), rounded "
		"down, of the cases the variant speaks to; variants speaking "
		"to at least half the cases rank first; equal ratios rank by "
		"more matched cases, then table order)\n");
}
