/* The rows where reports differ (cmp.h): which cells differ, and the n-way
 * merge of the reports' id-sorted rows. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmp.h"
#include "report.h"
#include "util.h"

/* Whether the text before p, from s on, ends with an errno name ("ENOMEM"). */
static int
after_errno_name(const char *s, const char *p)
{
	const char *q = p;

	while (q > s && ((q[-1] >= 'A' && q[-1] <= 'Z') || (q[-1] >= '0' && q[-1] <= '9')))
		q--;
	return p - q >= 2 && *q == 'E' && (q == s || q[-1] == ' ' || q[-1] == '(');
}

/* Past the parenthesis at p ("(text)"), or p if it is not closed. */
static const char *
past_parens(const char *p)
{
	const char *e = strchr(p, ')');

	return e != NULL ? e + 1 : p;
}

/* Whether two reasons say the same, aside from what differs between builds
 * of the same harness on the same system: the line numbers of the places
 * they name ("(lib/map_huge.c:76)": compilers give a call spanning lines
 * different __LINE__s, and a revision moves lines), and the C library's
 * wording of an errno ("ENOMEM (Cannot allocate memory)" under glibc is
 * "ENOMEM (Out of memory)" under musl: the errno is the fact). */
static int
same_reason(const char *a, const char *b)
{
	const char *a0 = a;

	while (*a != '\0' && *a == *b) {
		if (*a == ':' && a[1] >= '0' && a[1] <= '9' && b[1] >= '0' && b[1] <= '9') {
			while (a[1] >= '0' && a[1] <= '9')
				a++;
			while (b[1] >= '0' && b[1] <= '9')
				b++;
		} else if (*a == ' ' && a[1] == '(' && b[1] == '(' && after_errno_name(a0, a)) {
			a = past_parens(a + 1);
			b = past_parens(b + 1);
			continue;
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

int
compare_variants(const struct cmp *c, const char **names)
{
	int n = 0;

	for (int i = 0; i < c->n; i++)
		for (int v = 0; v < c->reps[i]->nvariants; v++) {
			const char *s = c->reps[i]->variants[v];
			int k = 0;

			while (k < n && strcmp(names[k], s) != 0)
				k++;
			if (k == n && n < MAX_VARIANTS)
				names[n++] = s;
		}
	return n;
}
