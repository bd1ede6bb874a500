#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report.h"
#include "summary.h"

struct tally {
	int v;                   /* index in the report's variants */
	unsigned long m, c, s;   /* matched, contradicted, silent */
};

/* Percent with one decimal, rounded down so that 100.0% means no
 * contradiction at all; integers only, so every host prints the same. */
static void percent(struct sbuf *b, unsigned long m, unsigned long c)
{
	if (m + c == 0) {
		sb_puts(b, "n/a");
		return;
	}
	unsigned long long pm = 1000ULL * m / (m + c);
	sb_printf(b, "%llu.%llu%%", pm / 10, pm % 10);
}

/* Higher m/(m+c) first (compared exactly, not as rounded percentages);
 * equal ratios: more matched cases first, then table order; variants that
 * never speak last. */
static int rank_cmp(const void *pa, const void *pb)
{
	const struct tally *a = pa, *b = pb;
	unsigned long long ta = a->m + a->c, tb = b->m + b->c;
	if ((ta == 0) != (tb == 0))
		return ta == 0 ? 1 : -1;
	unsigned long long l = (unsigned long long)a->m * tb;
	unsigned long long r = (unsigned long long)b->m * ta;
	if (l != r)
		return l > r ? -1 : 1;
	if (a->m != b->m)
		return a->m > b->m ? -1 : 1;
	return a->v - b->v;
}

static void verdicts(const struct report *r, struct sbuf *out)
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

void summary_write(const struct report *r, const char *name,
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
	sb_printf(out, "with an outcome: %zu (the counts below are over "
		  "these)\n\n", judged);
	sb_printf(out, "%-14s %8s %13s %7s %7s\n", "variant", "matched",
		  "contradicted", "silent", "match");
	for (int v = 0; v < r->nvariants; v++) {
		struct sbuf p = {0};
		percent(&p, t[v].m, t[v].c);
		sb_printf(out, "%-14s %8lu %13lu %7lu %7s\n", r->variants[v],
			  t[v].m, t[v].c, t[v].s, p.p);
		sb_free(&p);
	}
	qsort(t, (size_t)r->nvariants, sizeof *t, rank_cmp);
	sb_puts(out, "\nclosest:");
	for (int i = 0; i < r->nvariants; i++) {
		sb_printf(out, "%s %s ", i ? "," : "", r->variants[t[i].v]);
		percent(out, t[i].m, t[i].c);
	}
	sb_puts(out, r->nvariants ? "\n" : " none\n");
	sb_puts(out, "(match = matched / (matched + contradicted), rounded "
		"down; equal ratios rank by more matched cases, then table "
		"order; n/a: the variant is silent on every case)\n");
}
