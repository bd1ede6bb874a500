/* Grouping the rows of a comparison (or one report's findings) the one way
 * every view numbers them, and what each view says of a group. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmp.h"
#include "group.h"
#include "report.h"
#include "tview.h"

/* The judges' bits in report r. */
static vmask
judge_mask(const struct grouping *gr, const struct report *r)
{
	vmask m = 0;

	for (int j = 0; j < gr->njudges; j++) {
		int v = report_variant_index(r, gr->judge[j]);

		if (v >= 0)
			m |= (vmask)1 << v;
	}
	return m;
}

static const struct row *
cell_of(const struct cmp *c, size_t d, int i)
{
	return c->cells[d * (size_t)c->n + i];
}

int
grouping_cell_class(const struct grouping *gr, const struct cmp *c,
    const struct tview *t, size_t d, int i)
{
	const struct report *r = c->reps[i];
	const struct row *w = cell_of(c, d, i);
	vmask jm;
	int refused = 1;

	if (t == NULL || w == NULL || r->expected || !report_has_outcome(w))
		return -1;
	jm = judge_mask(gr, r);
	if ((w->matches & jm) || !(w->contradicts & jm))
		return -1;
	for (int j = 0; j < gr->njudges; j++) {
		int v = report_variant_index(r, gr->judge[j]);
		struct expectation x;

		if (v < 0 || !(w->contradicts & (vmask)1 << v))
			continue;
		if (t->lookup(c->ids[d], gr->judge[j], &x) != 0 ||
		    !tv_errors_only(&x))
			refused = 0;
	}
	return tv_class_of(t, w->observed, refused);
}

const char *
grouping_class_title(const struct tview *t, int cls)
{
	if (t == NULL || t->nclasses == 0)
		return "unclassified";
	return cls >= 0 && cls < t->nclasses ? t->class_title[cls] :
	    "no finding";
}

/* The row's key: each report's cell as shown (a case without an outcome
 * by its kind and reason), then each judge's expectation and the rules it
 * rests on; without a table, each judge's verdict in each report. */
static void
row_key(const struct grouping *gr, const struct cmp *c,
    const struct tview *t, size_t d, struct sbuf *k)
{
	for (int i = 0; i < c->n; i++) {
		const struct row *w = cell_of(c, d, i);

		sb_putc(k, '\t');
		if (w == NULL)
			sb_puts(k, "absent");
		else if (c->reps[i]->expected || report_has_outcome(w))
			sb_puts(k, w->observed);
		else
			sb_printf(k, "(%s) %s", row_kind(w),
			    w->reason ? w->reason : "");
	}
	for (int j = 0; j < gr->njudges; j++) {
		struct expectation x;

		sb_printf(k, "\n%s=", gr->judge[j]);
		if (t != NULL) {
			if (t->lookup(c->ids[d], gr->judge[j], &x) != 0) {
				sb_puts(k, "?");
				continue;
			}
			sb_puts(k, x.accept ? x.accept : "-");
			for (int r = 0; r < x.nrules; r++)
				sb_printf(k, "@%s", x.where[r]);
			continue;
		}
		for (int i = 0; i < c->n; i++) {
			const struct row *w = cell_of(c, d, i);
			int v = report_variant_index(c->reps[i], gr->judge[j]);
			vmask bit = v >= 0 ? (vmask)1 << v : 0;

			sb_putc(k, w == NULL || bit == 0 ? '-' :
			    w->matches & bit ? 'm' : w->contradicts & bit ? 'c' :
			    's');
		}
	}
}

static int
group_cmp(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;
	unsigned ca = (unsigned)a->cls, cb = (unsigned)b->cls;	/* -1 last */

	if (ca != cb)
		return ca < cb ? -1 : 1;
	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->rows[0] < b->rows[0] ? -1 : a->rows[0] > b->rows[0];
}

void
grouping_build(struct grouping *gr, const struct cmp *c,
    const struct tview *t, int njudges, const char *const *judges)
{
	size_t cap = 0;

	memset(gr, 0, sizeof *gr);
	gr->njudges = njudges < MAX_VARIANTS ? njudges : MAX_VARIANTS;
	for (int j = 0; j < gr->njudges; j++)
		gr->judge[j] = judges[j];
	for (size_t d = 0; d < c->ndiff; d++) {
		struct sbuf k = {0};
		struct group *g;
		size_t j;
		int cls = -1;

		row_key(gr, c, t, d, &k);
		for (j = 0; j < gr->n && strcmp(gr->g[j].key, k.p) != 0; j++)
			;
		if (j == gr->n) {
			if (gr->n == cap) {
				cap = cap ? 2 * cap : 16;
				gr->g = xrealloc(gr->g, cap * sizeof *gr->g);
			}
			memset(&gr->g[j], 0, sizeof gr->g[j]);
			gr->g[j].key = xstrdup(k.p);
			gr->g[j].cls = -1;
			gr->n++;
		}
		sb_free(&k);
		g = &gr->g[j];
		for (int i = 0; i < c->n; i++) {
			int ci = grouping_cell_class(gr, c, t, d, i);

			if (ci >= 0 && (cls < 0 || ci < cls))
				cls = ci;
		}
		if (cls >= 0 && (g->cls < 0 || cls < g->cls))
			g->cls = cls;
		if (g->n == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 8;
			g->rows = xrealloc(g->rows, g->cap * sizeof *g->rows);
		}
		g->rows[g->n++] = d;
	}
	if (gr->n > 1)
		qsort(gr->g, gr->n, sizeof *gr->g, group_cmp);
}

void
grouping_free(struct grouping *gr)
{
	for (size_t i = 0; i < gr->n; i++) {
		free(gr->g[i].key);
		free(gr->g[i].rows);
	}
	free(gr->g);
	memset(gr, 0, sizeof *gr);
}

int
grouping_documents(const struct cmp *c, const struct tview *t,
    const char **judges)
{
	int n = 0;

	for (int i = 0; t != NULL && i < c->n; i++)
		for (int v = 0; v < c->reps[i]->nvariants; v++) {
			const char *name = c->reps[i]->variants[v];
			int k = 0;

			if (t->is_document(name) != 1)
				continue;
			while (k < n && strcmp(judges[k], name) != 0)
				k++;
			if (k == n && n < MAX_VARIANTS)
				judges[n++] = name;
		}
	return n;
}

const char **
group_ids(const struct cmp *c, const struct group *g)
{
	const char **ids = xmalloc(g->n * sizeof *ids);

	for (size_t k = 0; k < g->n; k++)
		ids[k] = c->ids[g->rows[k]];
	return ids;
}

/* The variants matching every row of the group in report i. */
static vmask
all_of(const struct cmp *c, const struct group *g, int i)
{
	vmask all = ~(vmask)0;

	for (size_t k = 0; k < g->n; k++) {
		const struct row *w = cell_of(c, g->rows[k], i);

		all &= w && report_has_outcome(w) ? w->matches : 0;
	}
	return all;
}

/* "a, b, c" of the variants of mask m in report r. */
static void
names(const struct report *r, vmask m, struct sbuf *out)
{
	int shown = 0;

	for (int v = 0; v < r->nvariants; v++)
		if (m & (vmask)1 << v)
			sb_printf(out, "%s%s", shown++ ? ", " : "", r->variants[v]);
	if (!shown)
		sb_puts(out, "none");
}

void
group_matches(const struct cmp *c, const struct group *g, int i,
    struct sbuf *out)
{
	const struct report *r = c->reps[i];
	vmask all = all_of(c, g, i), some = 0;

	for (size_t k = 0; k < g->n; k++) {
		const struct row *w = cell_of(c, g->rows[k], i);

		if (w && report_has_outcome(w))
			some |= w->matches & ~all;
	}
	sb_puts(out, "(all) ");
	names(r, all, out);
	for (int v = 0, shown = 0; v < r->nvariants; v++) {
		vmask bit = (vmask)1 << v;
		size_t n = 0;

		if (!(some & bit))
			continue;
		for (size_t k = 0; k < g->n; k++) {
			const struct row *w = cell_of(c, g->rows[k], i);

			n += w && report_has_outcome(w) && (w->matches & bit);
		}
		sb_printf(out, "%s%s %zu/%zu", shown++ ? ", " : "; (some) ",
		    r->variants[v], n, g->n);
	}
}

static int
popcount(vmask m)
{
	int n = 0;

	for (; m; m &= m - 1)
		n++;
	return n;
}

size_t
group_example(const struct cmp *c, const struct group *g)
{
	size_t best = 0;
	int fewest = -1;
	vmask *all = xmalloc((size_t)c->n * sizeof *all);

	for (int i = 0; i < c->n; i++)
		all[i] = all_of(c, g, i);
	for (size_t k = 0; k < g->n; k++) {
		int extra = 0;

		for (int i = 0; i < c->n; i++) {
			const struct row *w = cell_of(c, g->rows[k], i);

			if (w && !c->reps[i]->expected && report_has_outcome(w))
				extra += popcount(w->matches & ~all[i]);
		}
		if (fewest < 0 || extra < fewest) {
			fewest = extra;
			best = g->rows[k];
		}
		if (extra == 0)
			break;
	}
	free(all);
	return best;
}

void
short_name(struct sbuf *b, const char *path)
{
	const char *s = strrchr(path, '/'), *dot;

	s = s ? s + 1 : path;
	dot = strrchr(s, '.');
	if (dot == NULL || dot == s)
		dot = s + strlen(s);
	sb_add(b, s, (size_t)(dot - s));
}

/* A cell as the group shows it: the outcome, "(KIND)" without one,
 * "absent". */
static void
shown(const struct cmp *c, size_t d, int i, struct sbuf *out)
{
	const struct row *w = cell_of(c, d, i);

	if (w == NULL)
		sb_puts(out, "absent");
	else
		row_shown(c->reps[i], w, out);
}

void
group_outcomes(const struct cmp *c, const struct group *g,
    struct sbuf *out)
{
	size_t d = g->rows[0];
	int *done = xmalloc((size_t)c->n * sizeof *done), first = 1;

	memset(done, 0, (size_t)c->n * sizeof *done);
	if (c->n == 1) {
		shown(c, d, 0, out);
		free(done);
		return;
	}
	for (;;) {
		int best = -1, bestn = 0;
		struct sbuf a = {0}, b = {0};

		/* the most frequent outcome left, first in report order */
		for (int i = 0; i < c->n; i++) {
			int n = 0;

			if (done[i])
				continue;
			a.len = 0;
			shown(c, d, i, &a);
			for (int j = i; j < c->n; j++) {
				b.len = 0;
				shown(c, d, j, &b);
				n += !done[j] && strcmp(a.p, b.p) == 0;
			}
			if (n > bestn) {
				best = i;
				bestn = n;
			}
		}
		if (best < 0) {
			sb_free(&a);
			sb_free(&b);
			break;
		}
		a.len = 0;
		shown(c, d, best, &a);
		sb_printf(out, "%s%s in ", first ? "" : "; ", a.p);
		first = 0;
		if (bestn > 3)
			sb_printf(out, "%d reports", bestn);
		for (int j = best, k = 0; j < c->n; j++) {
			b.len = 0;
			shown(c, d, j, &b);
			if (done[j] || strcmp(a.p, b.p) != 0)
				continue;
			done[j] = 1;
			if (bestn <= 3) {
				sb_puts(out, k++ ? ", " : "");
				short_name(out, c->names[j]);
			}
		}
		sb_free(&a);
		sb_free(&b);
	}
	free(done);
}

void
group_expected(const struct grouping *gr, const struct cmp *c,
    const struct tview *t, const struct group *g, struct sbuf *out)
{
	const char *id = c->ids[g->rows[0]];
	int *done, shown = 0;

	if (t == NULL)
		return;
	done = xmalloc((size_t)(gr->njudges + 1) * sizeof *done);
	memset(done, 0, (size_t)(gr->njudges + 1) * sizeof *done);
	for (int j = 0; j < gr->njudges; j++) {
		struct expectation x, y;
		struct sbuf s = {0};

		if (done[j] || t->lookup(id, gr->judge[j], &x) != 0 ||
		    x.accept == NULL)
			continue;
		tv_expects(&x, &s);
		sb_printf(out, "%s%s (", shown++ ? ", " : "",
		    s.p + strlen("expects "));
		for (int k = j, n = 0; k < gr->njudges; k++)
			if (!done[k] && t->lookup(id, gr->judge[k], &y) == 0 &&
			    y.accept && strcmp(x.accept, y.accept) == 0) {
				done[k] = 1;
				sb_printf(out, "%s%s", n++ ? ", " : "",
				    gr->judge[k]);
			}
		sb_putc(out, ')');
		sb_free(&s);
	}
	if (!shown)
		sb_puts(out, "no judge speaks");
	free(done);
}

void
group_line(const struct grouping *gr, const struct cmp *c,
    const struct tview *t, const struct group *g, struct sbuf *out)
{
	if (c->n == 1)
		sb_puts(out, "observed ");
	group_outcomes(c, g, out);
	if (t != NULL) {
		const char **ids = group_ids(c, g);
		struct sbuf u = {0};

		sb_puts(out, "; expected ");
		group_expected(gr, c, t, g, out);
		tv_uniform(t, ids, g->n, &u);
		if (u.len)
			sb_printf(out, "; %s", u.p);
		sb_free(&u);
		free(ids);
	}
}
