/* summary: per-variant counts over the cases with an outcome, the ranking
 * of the closest variants, and the reasons of the cases without one. */
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
	unsigned long long pm;

	if (m + c == 0) {
		sb_puts(b, "n/a");
		return;
	}
	pm = 1000ULL * m / (m + c);
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
	unsigned long long l = (unsigned long long)a->m * tb;
	unsigned long long r = (unsigned long long)b->m * ta;

	if (tier(a) != tier(b))
		return tier(a) - tier(b);
	if (l != r)
		return l > r ? -1 : 1;
	if (a->m != b->m)
		return a->m > b->m ? -1 : 1;
	return a->v - b->v;
}

void
summary_kinds(const struct report *r, size_t kinds[NKINDS])
{
	int k;

	for (k = 0; k < NKINDS; k++)
		kinds[k] = 0;
	for (size_t i = 0; i < r->nrows; i++)
		if ((k = kind_index(row_kind(&r->rows[i]))) >= 0)
			kinds[k]++;
}

/* kyua's counts, every kind apart ("cases: N (passed ..., ...)"). */
static void
verdicts(const struct report *r, struct sbuf *out)
{
	size_t kinds[NKINDS];

	if (r->expected) {
		sb_printf(out, "cases: %zu (an expected report has no "
		    "verdicts)\n", r->nrows);
		return;
	}
	summary_kinds(r, kinds);
	sb_printf(out, "cases: %zu (", r->nrows);
	for (int k = 0; k < NKINDS; k++)
		sb_printf(out, "%s%s %zu", k ? ", " : "", kind_names[k], kinds[k]);
	sb_puts(out, ")\n");
}

/* Skipped first, then broken and failed: the kinds a reader looks for. */
static int
kind_rank(const char *kind)
{
	static const int rank[NKINDS] = {
		[K_SKIPPED] = 0, [K_BROKEN] = 1, [K_FAILED] = 2,
		[K_PASSED] = 3, [K_XFAIL] = 4,
	};
	int k = kind_index(kind);

	return k < 0 ? NKINDS : rank[k];
}

static int
reason_cmp(const void *pa, const void *pb)
{
	const struct reason_group *a = pa, *b = pb;

	if (kind_rank(a->kind) != kind_rank(b->kind))
		return kind_rank(a->kind) - kind_rank(b->kind);
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	if (a->reason == NULL || b->reason == NULL)
		return (a->reason != NULL) - (b->reason != NULL);
	return strcmp(a->reason, b->reason);
}

size_t
summary_reasons(const struct report *r, struct reason_group **out)
{
	struct reason_group *g = NULL;
	size_t n = 0, cap = 0, j;

	for (size_t i = 0; r->expected == NULL && i < r->nrows; i++) {
		const struct row *w = &r->rows[i];
		const char *kind = row_kind(w);

		if (report_has_outcome(w))
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(g[j].kind, kind) == 0 &&
			    (g[j].reason == w->reason || (g[j].reason &&
			    w->reason && strcmp(g[j].reason, w->reason) == 0)))
				break;
		if (j == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 8;
				g = xrealloc(g, cap * sizeof *g);
			}
			g[n++] = (struct reason_group){ kind, w->reason, 0 };
		}
		g[j].n++;
	}
	if (n > 1)
		qsort(g, n, sizeof *g, reason_cmp);
	*out = g;
	return n;
}

void
summary_reason_line(const struct reason_group *g, int format,
    struct sbuf *out)
{
	sb_printf(out, "%zu %s", g->n, g->kind);
	if (g->reason == NULL)
		sb_printf(out, " (a format-%d report keeps no reasons)", format);
	else if (strcmp(g->reason, "-") != 0)
		sb_printf(out, ": %s", g->reason);
}

/* The cases without an outcome, grouped by kind and reason: at most
 * SHOWN groups of a kind, the rest counted. */
#define SHOWN 10
static void
reasons(const struct report *r, size_t judged, struct sbuf *out)
{
	struct reason_group *g;
	size_t n = summary_reasons(r, &g), shown = 0, more = 0, cases = 0;

	sb_printf(out, "without an outcome: %zu%s\n", r->nrows - judged,
	    judged == 0 && r->nrows > 0 ? " (no case observed its call)" : "");
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && strcmp(g[i].kind, g[i - 1].kind) != 0) {
			if (more)
				sb_printf(out, "  ... and %zu more reasons of %zu "
				    "%s cases\n", more, cases, g[i - 1].kind);
			shown = more = cases = 0;
		}
		if (shown++ < SHOWN) {
			sb_puts(out, "  ");
			summary_reason_line(&g[i], r->format, out);
			sb_putc(out, '\n');
		} else {
			more++;
			cases += g[i].n;
		}
	}
	if (more)
		sb_printf(out, "  ... and %zu more reasons of %zu %s cases\n",
		    more, cases, g[n - 1].kind);
	free(g);
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
		"closest:", "speaking to fewer than half the cases:",
		"silent on every case:",
	};
	unsigned long any = 0;
	int shown = -1;

	for (int i = 0; i < r->nvariants; i++)
		any += t[i].m + t[i].c + t[i].s;
	if (r->nvariants == 0 || any == 0) {
		sb_puts(out, r->nvariants == 0 ? "closest: none" :
		    "closest: none (no case has an outcome)");
		return;
	}
	qsort(t, (size_t)r->nvariants, sizeof *t, rank_cmp);
	for (int i = 0; i < r->nvariants; i++) {
		int k = tier(&t[i]);

		if (k != shown)
			sb_printf(out, "%s%s %s", shown >= 0 ? "; " : "",
			    heads[k], r->variants[t[i].v]);
		else
			sb_printf(out, ", %s", r->variants[t[i].v]);
		if (k != 2) {
			sb_putc(out, ' ');
			summary_percent(out, t[i].m, t[i].c);
			sb_printf(out, " of %lu", t[i].m + t[i].c);
		}
		shown = k;
	}
}

void
summary_write(const struct report *r, const char *name,
    struct sbuf *out)
{
	struct tally t[MAX_VARIANTS];
	size_t judged = summary_tally(r, t);

	sb_printf(out, "msync-report summary of %s\n", name);
	if (r->expected)
		sb_printf(out, "kind: expected report of %s\n", r->expected);
	else {
		sb_printf(out, "kind: observed on %s %s %s, fs %s, %s\n",
		    r->facts[F_os], r->facts[F_release], r->facts[F_machine],
		    r->facts[F_fs], r->facts[F_date]);
		sb_printf(out, "verdict: %s\n", r->facts[F_verdict]);
	}
	verdicts(r, out);
	sb_printf(out, "with an outcome: %zu (the counts below are over "
	    "these)\n", judged);
	if (r->expected == NULL)
		reasons(r, judged, out);
	sb_printf(out, "\n%-14s %8s %13s %7s %7s\n", "variant", "matched",
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
