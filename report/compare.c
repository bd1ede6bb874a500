/* Comparing reports case by case: the text in the groups every view
 * shares (with citations on request, once a group; known differences
 * marked), over the rows that differ (cmp.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "group.h"
#include "known.h"
#include "report.h"
#include "tview.h"

size_t
compare_expectations(const struct cmp *c, const struct tview *t,
    const char *name, const size_t *rows, size_t n, size_t *first,
    size_t *count)
{
	char **key = xmalloc((n ? n : 1) * sizeof *key);
	size_t nk = 0;

	for (size_t k = 0; k < n; k++) {
		struct expectation x;
		struct sbuf s = {0};
		size_t j;

		if (t->lookup(c->ids[rows[k]], name, &x) != 0)
			continue;
		sb_puts(&s, x.accept ? x.accept : "-");
		for (int r = 0; r < x.nrules; r++)
			sb_printf(&s, "@%s", x.where[r]);
		for (j = 0; j < nk && strcmp(key[j], s.p) != 0; j++)
			;
		if (j == nk) {
			key[nk] = xstrdup(s.p);
			first[nk] = rows[k];
			count[nk++] = 0;
		}
		count[j]++;
		sb_free(&s);
	}
	for (size_t j = 0; j < nk; j++)
		free(key[j]);
	free(key);
	return nk;
}

/* One variant's distinct expectations over the rows, with their counts. */
static void
cite_variant(const struct cmp *c, const struct tview *t, const char *name,
    const size_t *rows, size_t n, const char *indent, struct sbuf *out)
{
	size_t *first = xmalloc((n ? n : 1) * sizeof *first);
	size_t *count = xmalloc((n ? n : 1) * sizeof *count);
	size_t nk = compare_expectations(c, t, name, rows, n, first, count);

	for (size_t j = 0; j < nk; j++) {
		struct expectation x;

		t->lookup(c->ids[first[j]], name, &x);
		sb_printf(out, "%s%s ", indent, name);
		tv_expects(&x, out);
		if (nk > 1)
			sb_printf(out, " (%zu of %zu cases, e.g. %s)", count[j], n,
			    c->ids[first[j]]);
		sb_putc(out, '\n');
		tv_rules(&x, "      ", out);
	}
	free(first);
	free(count);
}

void
compare_cite(const struct cmp *c, const struct tview *t, const size_t *rows,
    size_t n, const char *indent, struct sbuf *out)
{
	const char *names[MAX_VARIANTS];
	int nv = compare_variants(c, names);

	for (int v = 0; v < nv; v++)
		cite_variant(c, t, names[v], rows, n, indent, out);
}

/* A row as the old matrix had it: id, then each report's outcome and
 * matching variants. */
static void
row_line(const struct cmp *c, size_t d, struct sbuf *out)
{
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
}

/* Each report's cell over the group: its outcome (the same on every row),
 * or kind and reason, and the variants that match. */
static void
report_lines(const struct cmp *c, const struct group *g, struct sbuf *out)
{
	int w = 0;

	for (int i = 0; i < c->n; i++) {
		struct sbuf s = {0};

		short_name(&s, c->names[i]);
		w = (int)s.len > w ? (int)s.len : w;
		sb_free(&s);
	}
	for (int i = 0; i < c->n; i++) {
		const struct row *cell = c->cells[g->rows[0] * (size_t)c->n + i];
		struct sbuf s = {0}, o = {0};

		short_name(&s, c->names[i]);
		if (cell != NULL)
			row_shown(c->reps[i], cell, &o);
		else
			sb_puts(&o, "absent");
		sb_printf(out, "  %d %-*s  %s", i + 1, w, s.p ? s.p : "", o.p);
		if (cell == NULL)
			;
		else if (c->reps[i]->expected)
			sb_puts(out, " (expected)");
		else if (!report_has_outcome(cell)) {
			if (cell->reason == NULL)
				sb_printf(out, " (a format-%d report keeps no "
				    "reason)", c->reps[i]->format);
			else if (strcmp(cell->reason, "-") != 0)
				sb_printf(out, ": %s", cell->reason);
		} else {
			sb_puts(out, "  matches ");
			group_matches(c, g, i, out);
		}
		sb_putc(out, '\n');
		sb_free(&s);
		sb_free(&o);
	}
}

/* Which known lines explain the group's rows, with how many each. */
static void
known_lines(const struct cmp *c, const struct known *k, const struct group *g,
    size_t *explained, struct sbuf *out)
{
	size_t *n = xmalloc((k->n + 1) * sizeof *n);

	if (known_count(k, c, g, n) == 0)
		sb_puts(out, "  known     no line of the known differences "
		    "explains it\n");
	for (size_t i = 0; i < k->n; i++) {
		if (n[i] == 0)
			continue;
		explained[i] += n[i];
		sb_printf(out, "  known     %zu of %zu: %s (%s): %s: %s\n", n[i],
		    g->n, k->l[i].link, k->l[i].report, k->l[i].class,
		    k->l[i].text);
	}
	free(n);
}

/* "# known: 237 of 241 rows (known-2 129, known-3 108)": the rows each
 * explanation (a label, whatever lines have it) covers. */
static void
known_footer(const struct known *k, const size_t *explained, size_t ndiff,
    struct sbuf *out)
{
	size_t all = 0, shown = 0;
	size_t *n = xmalloc((k->n + 1) * sizeof *n);

	memcpy(n, explained, k->n * sizeof *n);
	known_by_label(k, n);
	for (size_t i = 0; i < k->n; i++)
		all += n[i];
	sb_printf(out, "# known: %zu of %zu rows", all, ndiff);
	for (size_t i = 0; i < k->n; i++) {
		if (n[i] == 0)
			continue;
		sb_puts(out, shown++ ? ", " : " (");
		known_label(k, (int)i, out);
		sb_printf(out, " %zu", n[i]);
	}
	sb_puts(out, shown ? ")\n" : "\n");
	free(n);
}

void
compare_text(const struct cmp *c, const struct grouping *gr,
    const struct compare_opts *o, struct sbuf *out)
{
	const struct tview *t = o->t;
	const struct known *k = o->known;
	size_t *explained = xmalloc(((k ? k->n : 0) + 1) * sizeof *explained);
	int w = 0;

	memset(explained, 0, ((k ? k->n : 0) + 1) * sizeof *explained);
	for (int i = 0; i < c->n; i++) {
		sb_printf(out, "# %d = %s (", i + 1, c->names[i]);
		report_describe(c->reps[i], out);
		sb_puts(out, ")\n");
	}
	if (k != NULL)
		sb_printf(out, "# known differences: %s\n", k->path);
	if (c->ndiff > 0)
		sb_printf(out, "%zu of %zu cases differ, in %zu group%s, most "
		    "severe first, then largest:\n", c->ndiff, c->total, gr->n,
		    gr->n == 1 ? "" : "s");
	for (size_t i = 0; i < gr->n; i++) {
		int n = (int)strlen(grouping_class_title(t, gr->g[i].cls));

		w = n > w ? n : w;
	}
	for (size_t i = 0; i < gr->n; i++) {
		sb_printf(out, "%4zu  %-*s %5zu  ", i + 1, w,
		    grouping_class_title(t, gr->g[i].cls), gr->g[i].n);
		group_line(gr, c, t, &gr->g[i], out);
		if (k != NULL) {
			sb_puts(out, "; ");
			known_labels(k, c, &gr->g[i], out);
		}
		sb_putc(out, '\n');
	}
	for (size_t i = 0; i < gr->n; i++) {
		const struct group *g = &gr->g[i];

		sb_printf(out, "\nGroup %zu [%s]: %zu case%s\n", i + 1,
		    grouping_class_title(t, g->cls), g->n, g->n == 1 ? "" : "s");
		if (t != NULL) {
			const char **ids = group_ids(c, g);

			tv_span(t, ids, g->n, "  ", out);
			free(ids);
		}
		report_lines(c, g, out);
		if (t != NULL && gr->njudges > 0 && !o->cite) {
			sb_puts(out, "  expected  ");
			group_expected(gr, c, t, g, out);
			sb_putc(out, '\n');
		}
		if (t != NULL && o->cite)
			compare_cite(c, t, g->rows, g->n, "  ", out);
		if (k != NULL)
			known_lines(c, k, g, explained, out);
		if (o->rows)
			for (size_t r = 0; r < g->n; r++)
				row_line(c, g->rows[r], out);
		else if (g->n <= 3)
			for (size_t r = 0; r < g->n; r++)
				sb_printf(out, "%s%s", r ? ", " : "  cases     ",
				    c->ids[g->rows[r]]);
		else
			sb_printf(out, "  e.g.      %s (--rows lists all %zu)",
			    c->ids[group_example(c, g)], g->n);
		if (!o->rows)
			sb_putc(out, '\n');
	}
	if (gr->n > 0)
		sb_putc(out, '\n');
	if (k != NULL && c->ndiff > 0)
		known_footer(k, explained, c->ndiff, out);
	sb_printf(out, "# %zu of %zu cases differ\n", c->ndiff, c->total);
	free(explained);
}
