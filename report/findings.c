/* Grouping an observed report's deviations into findings: the cases whose
 * outcome no judging variant accepts, one group per observed outcome and
 * set of contradicting expectations (the rules they rest on included). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "findings.h"
#include "report.h"
#include "tview.h"

static int
judges_of(const struct report *r, const struct tview *t, const char *variant,
    vmask *judges, struct err *e)
{
	*judges = 0;
	if (variant != NULL) {
		int v = report_variant_index(r, variant);

		if (v < 0) {
			struct sbuf known = {0};

			mask_format(r, report_all_variants(r), &known);
			errf(e, "no variant '%s' in this report (it has: %s)",
			    variant, known.p);
			sb_free(&known);
			return -1;
		}
		*judges = (vmask)1 << v;
		return 0;
	}
	for (int v = 0; t != NULL && v < r->nvariants; v++)
		if (t->is_document(r->variants[v]) == 1)
			*judges |= (vmask)1 << v;
	if (*judges == 0)
		return errf(e, "none of the report's variants is a document of "
		    "this msync-report's table: name one with --variant");
	return 0;
}

/* The group key: the outcome, then each contradicting judge's expectation
 * and the rules it rests on. */
static void
key_of(const struct report *r, const struct tview *t, const struct row *w,
    vmask against, struct sbuf *key)
{
	struct expectation x;

	sb_puts(key, w->observed);
	for (int v = 0; v < r->nvariants; v++) {
		if (!(against & (vmask)1 << v))
			continue;
		sb_printf(key, "\n%s=", r->variants[v]);
		if (t == NULL || t->lookup(w->id, r->variants[v], &x) != 0) {
			sb_puts(key, "?");
			continue;
		}
		sb_puts(key, x.accept ? x.accept : "-");
		for (int k = 0; k < x.nrules; k++)
			sb_printf(key, "@%s", x.where[k]);
	}
}

static int
group_cmp(const void *pa, const void *pb)
{
	const struct finding *a = pa, *b = pb;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->rows[0]->id, b->rows[0]->id);
}

int
findings_build(struct findings *f, const struct report *r,
    const struct tview *t, const char *variant, struct err *e)
{
	size_t cap = 0;

	memset(f, 0, sizeof *f);
	if (r->expected)
		return errf(e, "findings are the deviations of an observed "
		    "report; this is the expected report of %s", r->expected);
	if (judges_of(r, t, variant, &f->judges, e) != 0)
		return -1;
	for (size_t i = 0; i < r->nrows; i++) {
		const struct row *w = &r->rows[i];
		vmask against = w->contradicts & f->judges;
		struct sbuf key = {0};
		size_t g;
		struct finding *fg;

		if (!report_has_outcome(w)) {
			int k = kind_index(row_kind(w));

			f->unobserved++;
			f->without[k < 0 ? K_BROKEN : k]++;
			continue;
		}
		f->judged++;
		if (w->matches & f->judges) {
			f->accepted++;
			continue;
		}
		if (against == 0) {
			f->unspoken++;
			continue;
		}
		f->found++;
		key_of(r, t, w, against, &key);
		for (g = 0; g < f->ngroups; g++)
			if (strcmp(f->groups[g].key, key.p) == 0)
				break;
		if (g == f->ngroups) {
			if (f->ngroups == cap) {
				cap = cap ? 2 * cap : 16;
				f->groups = xrealloc(f->groups,
				    cap * sizeof *f->groups);
			}
			memset(&f->groups[g], 0, sizeof f->groups[g]);
			f->groups[g].key = xstrdup(key.p);
			f->groups[g].observed = w->observed;
			f->groups[g].against = against;
			f->ngroups++;
		}
		sb_free(&key);
		fg = &f->groups[g];
		if (fg->n == fg->cap) {
			fg->cap = fg->cap ? 2 * fg->cap : 8;
			fg->rows = xrealloc(fg->rows, fg->cap * sizeof *fg->rows);
		}
		fg->rows[fg->n++] = w;
	}
	if (f->ngroups > 1)
		qsort(f->groups, f->ngroups, sizeof *f->groups, group_cmp);
	return 0;
}

void
findings_free(struct findings *f)
{
	for (size_t g = 0; g < f->ngroups; g++) {
		free(f->groups[g].key);
		free(f->groups[g].rows);
	}
	free(f->groups);
	memset(f, 0, sizeof *f);
}

void
findings_did(const char *o, struct sbuf *out)
{
	if (strcmp(o, "0") == 0)
		sb_puts(out, "msync returned 0");
	else if (o[0] == 'E')
		sb_printf(out, "msync failed with %s", o);
	else if (strncmp(o, "errno=", 6) == 0)
		sb_printf(out, "msync returned -1 with errno %s", o + 6);
	else if (strncmp(o, "ret=", 4) == 0)
		sb_printf(out, "msync returned %s", o + 4);
	else if (strncmp(o, "SIG", 3) == 0)
		sb_printf(out, "the call raised %s", o);
	else if (strcmp(o, "TIMEOUT") == 0)
		sb_puts(out, "the call did not return within call_timeout");
	else
		sb_printf(out, "msync succeeded; effect observed: %s", o);
}

/* The distinct observations (obs) of a group, most frequent first. */
static void
evidence(const struct finding *g, struct sbuf *out)
{
	const char **text = xmalloc(g->n * sizeof *text);
	size_t *count = xmalloc(g->n * sizeof *count), n = 0, shown = 0;

	for (size_t i = 0; i < g->n; i++) {
		const char *o = g->rows[i]->obs;
		size_t k;

		if (strcmp(o, "-") == 0)
			continue;
		for (k = 0; k < n && strcmp(text[k], o) != 0; k++)
			;
		if (k == n) {
			text[n] = o;
			count[n++] = 0;
		}
		count[k]++;
	}
	for (; shown < n && shown < 3; shown++) {
		size_t best = shown;

		const char *tt;
		size_t tc;

		for (size_t k = shown + 1; k < n; k++)
			if (count[k] > count[best])
				best = k;
		tt = text[best];
		tc = count[best];
		text[best] = text[shown];
		count[best] = count[shown];
		text[shown] = tt;
		count[shown] = tc;
		sb_printf(out, "  evidence  %s (%zu case%s)\n", tt, tc,
		    tc == 1 ? "" : "s");
	}
	if (n > shown)
		sb_printf(out, "  evidence  ... and %zu other observations\n",
		    n - shown);
	free(text);
	free(count);
}

/* What each judge says of the group's first case; the key makes it the
 * same for every case of the group. */
static void
texts(const struct finding *g, const struct report *r, const struct tview *t,
    vmask judges, struct sbuf *out)
{
	struct expectation x;
	struct sbuf silent = {0};

	for (int v = 0; v < r->nvariants; v++) {
		vmask bit = (vmask)1 << v;

		if (!(judges & bit))
			continue;
		if (!(g->against & bit)) {
			sb_printf(&silent, "%s%s", silent.len ? ", " : "",
			    r->variants[v]);
			continue;
		}
		if (t == NULL || t->lookup(g->rows[0]->id, r->variants[v],
		    &x) != 0) {
			sb_printf(out, "  %s expects otherwise (the case is not "
			    "in this msync-report's table)\n", r->variants[v]);
			continue;
		}
		sb_printf(out, "  %s ", r->variants[v]);
		tv_expects(&x, out);
		sb_putc(out, '\n');
		tv_rules(&x, "      ", out);
	}
	if (silent.len)
		sb_printf(out, "  silent    %s\n", silent.p);
	sb_free(&silent);
}

void
findings_write(const struct findings *f, const struct report *r,
    const char *name, const struct tview *t, struct sbuf *out)
{
	struct sbuf who = {0}, d = {0};

	mask_format(r, f->judges, &who);
	report_describe(r, &d);
	sb_printf(out, "msync-report findings of %s (%s)\n", name, d.p);
	sb_printf(out, "judged by: %s%s\n", who.p, f->judges & (f->judges - 1) ?
	    " (a finding: none of them accepts the outcome, one at least "
	    "speaks)" : "");
	sb_printf(out, "cases with an outcome: %zu = %zu accepted + %zu on "
	    "which no judge speaks + %zu findings in %zu group%s\n",
	    f->judged, f->accepted, f->unspoken, f->found, f->ngroups,
	    f->ngroups == 1 ? "" : "s");
	sb_printf(out, "cases without an outcome: %zu", f->unobserved);
	for (int k = 0, shown = 0; k < NKINDS; k++)
		if (f->without[k])
			sb_printf(out, "%s%zu %s", shown++ ? ", " : " (",
			    f->without[k], kind_names[k]);
	if (f->unobserved)
		sb_puts(out, "): never findings (msync-report summary gives "
		    "their reasons)");
	sb_putc(out, '\n');
	for (size_t i = 0; i < f->ngroups; i++) {
		const struct finding *g = &f->groups[i];
		const char **ids = xmalloc(g->n * sizeof *ids);
		vmask same = ~(vmask)0;
		struct sbuf m = {0};

		for (size_t k = 0; k < g->n; k++) {
			ids[k] = g->rows[k]->id;
			same &= g->rows[k]->matches;
		}
		sb_printf(out, "\nFinding %zu: %zu case%s, observed %s\n",
		    i + 1, g->n, g->n == 1 ? "" : "s", g->observed);
		sb_printf(out, "  e.g.      msync-report explain %s\n", ids[0]);
		if (t != NULL)
			tv_span(t, ids, g->n, "  ", out);
		sb_puts(out, "  the host  ");
		findings_did(g->observed, out);
		sb_putc(out, '\n');
		evidence(g, out);
		mask_format(r, same, &m);
		sb_printf(out, "  matches   %s\n", m.p);
		texts(g, r, t, f->judges, out);
		sb_free(&m);
		free(ids);
	}
	if (f->ngroups == 0)
		sb_puts(out, "\nNo findings.\n");
	sb_free(&who);
	sb_free(&d);
}
