/* Comparing reports case by case: which cells differ, the n-way merge of
 * the reports' rows, and the text matrix (with citations on request). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "report.h"
#include "tview.h"

/* Whether two reasons say the same, the line numbers of the harness's
 * places they name ("(lib/map_huge.c:76)") aside: compilers give a call
 * spanning lines different __LINE__s, and a revision moves lines. */
static int
same_reason(const char *a, const char *b)
{
	while (*a != '\0' && *a == *b) {
		if (*a == ':' && a[1] >= '0' && a[1] <= '9' && b[1] >= '0' && b[1] <= '9') {
			while (a[1] >= '0' && a[1] <= '9')
				a++;
			while (b[1] >= '0' && b[1] <= '9')
				b++;
		}
		a++;
		b++;
	}
	return *a == *b;
}

/* Whether two cells without an outcome differ: by kind, and by reason
 * where both reports keep one (a format-2 report keeps none). */
static int
no_outcomes_differ(const struct row *a, const struct row *b)
{
	if (strcmp(row_kind(a), row_kind(b)) != 0)
		return 1;
	return a->reason != NULL && b->reason != NULL && !same_reason(a->reason, b->reason);
}

/* Rules (results/README.md): a silent expectation never differs; when an
 * expected report is involved only the outcomes count, and they agree when
 * some outcome satisfies both; two observed reports differ when the
 * outcome or the list of matching variants differs, or, for cases without
 * an outcome, their kind or reason. */
int
cells_differ(const struct report *ra, const struct row *a,
    const struct report *rb, const struct row *b)
{
	struct sbuf x = {0}, y = {0};
	int d;

	if (a == NULL || b == NULL) {
		const struct row *w = a ? a : b;

		return w != NULL && strcmp(w->observed, MH_SILENT_WORD) != 0;
	}
	if (ra->expected || rb->expected)
		return !outcome_compatible(row_outcome(a), row_outcome(b));
	if (report_has_outcome(a) != report_has_outcome(b))
		return 1;
	if (!report_has_outcome(a))
		return no_outcomes_differ(a, b);
	if (strcmp(a->observed, b->observed) != 0)
		return 1;
	/* by name: the reports may come from tables with other variants */
	mask_format(ra, a->matches, &x);
	mask_format(rb, b->matches, &y);
	d = strcmp(x.p, y.p) != 0;
	sb_free(&x);
	sb_free(&y);
	return d;
}

/* An n-way merge over the id-sorted rows of every report. */
void
compare_build(struct cmp *c, int n, const struct report *const *reps,
    const char *const *names)
{
	size_t *at = xmalloc((size_t)n * sizeof *at), cap = 0;
	const struct row **cell = xmalloc((size_t)n * sizeof *cell);

	memset(c, 0, sizeof *c);
	c->n = n;
	c->reps = reps;
	c->names = names;
	memset(at, 0, (size_t)n * sizeof *at);
	for (;;) {
		const char *id = NULL;
		int differ = 0;

		for (int i = 0; i < n; i++)
			if (at[i] < reps[i]->nrows &&
			    (id == NULL ||
			    strcmp(reps[i]->rows[at[i]].id, id) < 0))
				id = reps[i]->rows[at[i]].id;
		if (id == NULL)
			break;
		for (int i = 0; i < n; i++)
			cell[i] = at[i] < reps[i]->nrows &&
			    strcmp(reps[i]->rows[at[i]].id, id) == 0
			    ? &reps[i]->rows[at[i]] : NULL;
		for (int i = 0; i < n && !differ; i++)
			for (int j = i + 1; j < n && !differ; j++)
				differ = cells_differ(reps[i], cell[i],
				    reps[j], cell[j]);
		c->total++;
		if (differ) {
			if (c->ndiff == cap) {
				cap = cap ? 2 * cap : 64;
				c->ids = xrealloc(c->ids, cap * sizeof *c->ids);
				c->cells = xrealloc(c->cells, cap * (size_t)n *
				    sizeof *c->cells);
			}
			c->ids[c->ndiff] = id;
			memcpy(c->cells + c->ndiff * (size_t)n, cell,
			    (size_t)n * sizeof *cell);
			c->ndiff++;
		}
		for (int i = 0; i < n; i++)
			at[i] += cell[i] != NULL;
	}
	free(at);
	free(cell);
}

void
compare_rows(struct cmp *c, const struct report *const *rep,
    const char *const *name, const struct row *const *rows,
    size_t n)
{
	memset(c, 0, sizeof *c);
	c->n = 1;
	c->reps = rep;
	c->names = name;
	c->total = rep[0]->nrows;
	c->ndiff = n;
	c->ids = xmalloc((n ? n : 1) * sizeof *c->ids);
	c->cells = xmalloc((n ? n : 1) * sizeof *c->cells);
	for (size_t i = 0; i < n; i++) {
		c->ids[i] = rows[i]->id;
		c->cells[i] = rows[i];
	}
}

void
compare_free(struct cmp *c)
{
	free(c->ids);
	free(c->cells);
	memset(c, 0, sizeof *c);
}

/* Each variant's expectation of case id, with its citations: the variants
 * of every report, in order of first appearance. */
static void
cite_row(const struct cmp *c, const struct tview *t,
    const char *id, struct sbuf *out)
{
	for (int i = 0; i < c->n; i++)
		for (int v = 0; v < c->reps[i]->nvariants; v++) {
			const char *name = c->reps[i]->variants[v];
			struct expectation x;
			int seen = 0;

			for (int j = 0; j < i && !seen; j++)
				seen = report_variant_index(c->reps[j], name) >= 0;
			if (seen || t->lookup(id, name, &x) != 0)
				continue;
			sb_printf(out, "#\t%s ", name);
			tv_expects(&x, out);
			sb_putc(out, '\n');
			tv_rules(&x, "#\t    ", out);
		}
}

/* Under a row, each cell without an outcome: "#<TAB>I KIND: REASON". */
static void
reasons(const struct cmp *c, size_t d, struct sbuf *out)
{
	for (int i = 0; i < c->n; i++) {
		const struct row *w = c->cells[d * (size_t)c->n + i];

		if (w == NULL || c->reps[i]->expected || report_has_outcome(w) ||
		    w->reason == NULL || strcmp(w->reason, "-") == 0)
			continue;
		sb_printf(out, "#\t%d %s: %s\n", i + 1, row_kind(w), w->reason);
	}
}

void
compare_text(const struct cmp *c, const struct tview *cite,
    struct sbuf *out)
{
	for (int i = 0; i < c->n; i++) {
		sb_printf(out, "# %d = %s (", i + 1, c->names[i]);
		report_describe(c->reps[i], out);
		sb_puts(out, ")\n");
	}
	sb_puts(out, "# id");
	for (int i = 0; i < c->n; i++)
		sb_printf(out, "\t%d.observed\t%d.matches", i + 1, i + 1);
	sb_putc(out, '\n');
	for (size_t d = 0; d < c->ndiff; d++) {
		sb_puts(out, c->ids[d]);
		for (int i = 0; i < c->n; i++) {
			const struct row *w = c->cells[d * (size_t)c->n + i];

			sb_putc(out, '\t');
			if (w != NULL)
				row_shown(c->reps[i], w, out);
			else
				sb_puts(out, "absent");
			sb_putc(out, '\t');
			mask_format(c->reps[i], w && report_has_outcome(w) ?
			    w->matches : 0, out);
		}
		sb_putc(out, '\n');
		reasons(c, d, out);
		if (cite != NULL)
			cite_row(c, cite, c->ids[d], out);
	}
	sb_printf(out, "# %zu of %zu cases differ\n", c->ndiff, c->total);
}
