/* Comparing reports case by case: which cells differ, the n-way merge of
 * the reports' rows, and the text matrix (with citations on request). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "report.h"
#include "tview.h"

/* Rules (results/README.md): a silent expectation never differs; when an
 * expected report is involved only the outcomes count, and they agree when
 * some outcome satisfies both; two observed reports differ when the
 * outcome or the list of matching variants differs. */
int
cells_differ(const struct report *ra, const struct row *a,
    const struct report *rb, const struct row *b)
{
	if (a == NULL || b == NULL) {
		const struct row *w = a ? a : b;
		return w != NULL && strcmp(w->observed, "silent") != 0;
	}
	if (ra->expected || rb->expected)
		return !outcome_compatible(a->observed, b->observed);
	if (strcmp(a->observed, b->observed) != 0)
		return 1;
	/* by name: the reports may come from tables with other variants */
	struct sbuf x = {0}, y = {0};
	mask_format(ra, a->matches, &x);
	mask_format(rb, b->matches, &y);
	int d = strcmp(x.p, y.p) != 0;
	sb_free(&x);
	sb_free(&y);
	return d;
}

/* An n-way merge over the id-sorted rows of every report. */
void
compare_build(struct cmp *c, int n, const struct report *const *reps,
    const char *const *names)
{
	memset(c, 0, sizeof *c);
	c->n = n;
	c->reps = reps;
	c->names = names;
	size_t *at = xmalloc((size_t)n * sizeof *at), cap = 0;
	const struct row **cell = xmalloc((size_t)n * sizeof *cell);
	memset(at, 0, (size_t)n * sizeof *at);
	for (;;) {
		const char *id = NULL;
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
		int differ = 0;
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

void
report_describe(const struct report *r, struct sbuf *out)
{
	if (r->expected)
		sb_printf(out, "expected %s", r->expected);
	else
		sb_printf(out, "observed: %s %s %s, fs %s, %s", r->facts[F_OS],
		    r->facts[F_RELEASE], r->facts[F_MACHINE],
		    r->facts[F_FS], r->facts[F_DATE]);
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
			sb_printf(out, "\t%s\t", w ? w->observed : "absent");
			mask_format(c->reps[i], w ? w->matches : 0, out);
		}
		sb_putc(out, '\n');
		if (cite != NULL)
			cite_row(c, cite, c->ids[d], out);
	}
	sb_printf(out, "# %zu of %zu cases differ\n", c->ndiff, c->total);
}
