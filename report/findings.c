/* An observed report's findings: the cases whose outcome no judging
 * variant accepts while one speaks, in the groups every view shares
 * (group.c), with an index, then one block a group: what the host did,
 * which variants do the same, what each judge says instead and why, and
 * the commands that explain and reproduce a typical case. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "findings.h"
#include "group.h"
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

int
findings_build(struct findings *f, const struct report *r, const char *name,
    const struct tview *t, const char *variant, struct err *e)
{
	const char *judge[MAX_VARIANTS];
	size_t cap = 0;
	int nj = 0;

	memset(f, 0, sizeof *f);
	if (r->expected)
		return errf(e, "findings are the deviations of an observed "
		    "report; this is the expected report of %s", r->expected);
	if (judges_of(r, t, variant, &f->judges, e) != 0)
		return -1;
	f->variant = variant;
	for (size_t i = 0; i < r->nrows; i++) {
		const struct row *w = &r->rows[i];

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
		if ((w->contradicts & f->judges) == 0) {
			f->unspoken++;
			continue;
		}
		if (f->found == cap) {
			cap = cap ? 2 * cap : 64;
			f->rows = xrealloc(f->rows, cap * sizeof *f->rows);
		}
		f->rows[f->found++] = w;
	}
	f->rep[0] = r;
	f->name[0] = name;
	compare_rows(&f->cmp, f->rep, f->name, f->rows, f->found);
	for (int v = 0; v < r->nvariants; v++)
		if (f->judges & (vmask)1 << v)
			judge[nj++] = r->variants[v];
	grouping_build(&f->groups, &f->cmp, t, nj, judge);
	return 0;
}

void
findings_free(struct findings *f)
{
	grouping_free(&f->groups);
	compare_free(&f->cmp);
	free(f->rows);
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

void
findings_explain_cmd(const char *id, const char *report, struct sbuf *out)
{
	sb_shword(out, report_prog);
	sb_puts(out, " explain ");
	sb_shword(out, id);
	if (report != NULL) {
		sb_putc(out, ' ');
		sb_shword(out, report);
	}
}

void
findings_reproduce_cmd(const char *id, const char *variant, struct sbuf *out)
{
	sb_shword(out, report_prog);
	sb_puts(out, " reproduce ");
	if (variant != NULL) {
		sb_puts(out, "--variant ");
		sb_shword(out, variant);
		sb_putc(out, ' ');
	}
	sb_shword(out, id);
}

/* The distinct observations (obs) of a group, most frequent first. */
static void
evidence(const struct findings *f, const struct group *g, struct sbuf *out)
{
	const char **text = xmalloc(g->n * sizeof *text);
	size_t *count = xmalloc(g->n * sizeof *count), n = 0, shown = 0;

	for (size_t i = 0; i < g->n; i++) {
		const char *o = f->cmp.cells[g->rows[i]]->obs;
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

/* What each judge says of the group's cases (the grouping makes it the
 * same for every one), with the rules' citations. */
static void
texts(const struct findings *f, const char *id, const struct tview *t,
    struct sbuf *out)
{
	const struct report *r = f->rep[0];
	const struct row *w = NULL;
	struct expectation x;
	struct sbuf silent = {0};

	for (size_t i = 0; i < f->found && w == NULL; i++)
		if (strcmp(f->rows[i]->id, id) == 0)
			w = f->rows[i];
	for (int v = 0; v < r->nvariants; v++) {
		vmask bit = (vmask)1 << v;

		if (!(f->judges & bit))
			continue;
		if (w == NULL || !(w->contradicts & bit)) {
			sb_printf(&silent, "%s%s", silent.len ? ", " : "",
			    r->variants[v]);
			continue;
		}
		if (t == NULL || t->lookup(id, r->variants[v], &x) != 0) {
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

/* One line a group, most severe first: number, class, cases, what. */
static void
index_of(const struct findings *f, const struct tview *t, struct sbuf *out)
{
	const struct grouping *gr = &f->groups;
	int w = 0;

	for (size_t i = 0; i < gr->n; i++) {
		int n = (int)strlen(grouping_class_title(t, gr->g[i].cls));

		w = n > w ? n : w;
	}
	sb_printf(out, "\nIndex: %zu group%s, most severe first, then largest\n",
	    gr->n, gr->n == 1 ? "" : "s");
	for (size_t i = 0; i < gr->n; i++) {
		const struct group *g = &gr->g[i];

		sb_printf(out, "%4zu  %-*s %5zu  ", i + 1, w,
		    grouping_class_title(t, g->cls), g->n);
		group_line(gr, &f->cmp, t, g, out);
		sb_putc(out, '\n');
	}
}

void
findings_write(const struct findings *f, const struct tview *t,
    struct sbuf *out)
{
	const struct report *r = f->rep[0];
	const struct grouping *gr = &f->groups;
	struct sbuf who = {0}, d = {0};

	mask_format(r, f->judges, &who);
	report_describe(r, &d);
	sb_printf(out, "msync-report findings of %s (%s)\n", f->name[0], d.p);
	sb_printf(out, "judged by: %s%s\n", who.p, f->judges & (f->judges - 1) ?
	    " (a finding: none of them accepts the outcome, one at least "
	    "speaks)" : "");
	sb_printf(out, "cases with an outcome: %zu = %zu accepted + %zu on "
	    "which no judge speaks + %zu findings in %zu group%s\n",
	    f->judged, f->accepted, f->unspoken, f->found, gr->n,
	    gr->n == 1 ? "" : "s");
	sb_printf(out, "cases without an outcome: %zu", f->unobserved);
	for (int k = 0, shown = 0; k < NKINDS; k++)
		if (f->without[k])
			sb_printf(out, "%s%zu %s", shown++ ? ", " : " (",
			    f->without[k], kind_names[k]);
	if (f->unobserved)
		sb_puts(out, "): never findings (msync-report summary gives "
		    "their reasons)");
	sb_putc(out, '\n');
	if (gr->n > 0)
		index_of(f, t, out);
	for (size_t i = 0; i < gr->n; i++) {
		const struct group *g = &gr->g[i];
		const char **ids = group_ids(&f->cmp, g);
		const char *eg = f->cmp.ids[group_example(&f->cmp, g)];
		const char *observed = f->cmp.cells[g->rows[0]]->observed;

		sb_printf(out, "\nFinding %zu [%s]: %zu case%s, observed %s\n",
		    i + 1, grouping_class_title(t, g->cls), g->n,
		    g->n == 1 ? "" : "s", observed);
		sb_puts(out, "  e.g.      ");
		findings_explain_cmd(eg, f->name[0], out);
		sb_puts(out, "\n  reproduce ");
		findings_reproduce_cmd(eg, f->variant, out);
		sb_putc(out, '\n');
		if (t != NULL)
			tv_span(t, ids, g->n, "  ", out);
		sb_puts(out, "  the host  ");
		findings_did(observed, out);
		sb_putc(out, '\n');
		evidence(f, g, out);
		sb_puts(out, "  matches   ");
		group_matches(&f->cmp, g, 0, out);
		sb_putc(out, '\n');
		texts(f, eg, t, out);
		free(ids);
	}
	if (gr->n == 0)
		sb_puts(out, "\nNo findings.\n");
	sb_free(&who);
	sb_free(&d);
}
