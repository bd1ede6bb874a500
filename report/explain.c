/* msync-report explain: a case in words, what it needs, its kyua id and
 * reproducer, its observed outcome (or its kind and reason when it has
 * none) and every variant's expectation with the rules it rests on; an id
 * the table lacks gets the nearest ones suggested. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "explain.h"
#include "findings.h"
#include "report.h"
#include "tview.h"

static const struct row *
row_of(const struct report *r, const char *id)
{
	for (size_t i = 0; r != NULL && i < r->nrows; i++)
		if (strcmp(r->rows[i].id, id) == 0)
			return &r->rows[i];
	return NULL;
}

/* ": matched" or ": contradicted" by the report's row, if it judged. */
static void
judged(const struct report *r, const struct row *w, const char *variant,
    struct sbuf *out)
{
	int v = r ? report_variant_index(r, variant) : -1;

	if (w == NULL || v < 0 || !report_has_outcome(w))
		return;
	if (w->matches & (vmask)1 << v)
		sb_puts(out, ": matched");
	else if (w->contradicts & (vmask)1 << v)
		sb_puts(out, ": contradicted");
}

/* What the report says of the case: its outcome, or its kind and reason. */
static void
observed(const struct report *r, const struct row *w, struct sbuf *out)
{
	const char *verdict = r->facts[F_verdict];

	if (r->expected) {
		sb_printf(out, "  %s accepts %s\n", r->expected, w->observed);
		return;
	}
	if (!report_has_outcome(w)) {
		sb_printf(out, "  no outcome: %s", row_kind(w));
		if (strcmp(row_kind(w), w->verdict) != 0)
			sb_printf(out, " (kyua: %s; its record says %s)",
			    w->verdict, MH_BROKEN_AFTER_CALL);
		if (w->reason == NULL)
			sb_printf(out, " (a format-%d report keeps no reason)",
			    r->format);
		else if (strcmp(w->reason, "-") != 0)
			sb_printf(out, ": %s", w->reason);
		sb_putc(out, '\n');
		return;
	}
	sb_printf(out, "  observed  %s (kyua: %s", w->observed, w->verdict);
	if (strcmp(verdict, "unknown") != 0)
		sb_printf(out, " under %s", verdict);
	sb_puts(out, "): ");
	findings_did(w->observed, out);
	sb_printf(out, "\n  evidence  %s\n", w->obs);
}

/* The edit distance of a and b, stopping early above max. */
static size_t
distance(const char *a, const char *b, size_t max)
{
	size_t la = strlen(a), lb = strlen(b), *row, best, d;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	row = xmalloc((lb + 1) * sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		best = row[0];
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];

			d = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < d)
				d = row[j] + 1;
			if (row[j - 1] + 1 < d)
				d = row[j - 1] + 1;
			row[j] = d;
			diag = up;
			best = d < best ? d : best;
		}
		if (best > max) {
			free(row);
			return max + 1;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

#define NEAR 3	/* ids suggested */

/* Keeps the NEAR nearest ids in near[] (by score, then id). */
static void
consider(const char *cand, size_t score, const char **near, size_t *sc)
{
	int k = NEAR;

	while (k > 0 && (near[k - 1] == NULL || score < sc[k - 1] ||
	    (score == sc[k - 1] && strcmp(cand, near[k - 1]) < 0)))
		k--;
	if (k >= NEAR)
		return;
	for (int j = NEAR - 1; j > k; j--) {
		near[j] = near[j - 1];
		sc[j] = sc[j - 1];
	}
	near[k] = cand;
	sc[k] = score;
}

/* "; did you mean a, b or c?" for the ids of the table and the report
 * nearest to id: a few characters off, or id with dimensions left out. */
static void
suggest(const char *id, const struct report *r, const struct tview *t,
    struct sbuf *out)
{
	const char *near[NEAR] = { NULL };
	size_t sc[NEAR] = { 0 }, len = strlen(id), max = len / 3 > 3 ? len / 3 : 3;
	size_t n = 0;

	for (size_t i = 0; i < t->ncases + (r ? r->nrows : 0); i++) {
		const char *cand = i < t->ncases ? t->case_id(i) :
		    r->rows[i - t->ncases].id;
		size_t d;

		if (strncmp(cand, id, len) == 0 && strncmp(cand + len, "__", 2) == 0)
			d = 1;
		else if ((d = distance(id, cand, max)) > max)
			continue;
		consider(cand, d, near, sc);
	}
	for (int k = 0; k < NEAR && near[k] != NULL; k++) {
		int dup = 0;

		for (int j = 0; j < k; j++)
			dup |= strcmp(near[j], near[k]) == 0;
		if (dup)
			continue;
		sb_printf(out, "%s%s", n++ ? ", " : "; did you mean ", near[k]);
	}
	if (n)
		sb_putc(out, '?');
}

/* The case an id names: as given, or kyua's PROGRAM:CASE.  NULL with e set
 * when neither the table nor the report has it. */
static const char *
resolve(const char *id, const struct report *r, const char *name,
    const struct tview *t, struct err *e)
{
	const char *colon = strchr(id, ':'), *c, *prog;
	struct sbuf why = {0};

	if (row_of(r, id) != NULL || t->has_case(id))
		return id;
	c = colon ? colon + 1 : id;
	if (colon && (row_of(r, c) != NULL || t->has_case(c))) {
		prog = t->program(c);
		if (prog == NULL || (strncmp(id, prog, (size_t)(colon - id)) == 0 &&
		    prog[colon - id] == '\0'))
			return c;
		return errf(e, "case %s is in test program %s, not %.*s (its kyua "
		    "id: %s:%s)", c, prog, (int)(colon - id), id, prog, c), NULL;
	}
	suggest(c, r, t, &why);
	errf(e, "no case '%s' in %s%s (a case id is "
	    "MAPPING__FLAGS__RANGE__LOCK[__CHECK], e.g. "
	    "fileshared__S__page__unlocked, or kyua's PROGRAM:ID)%s", id,
	    r ? name : "the table", r ? " nor in the table" : "",
	    why.p ? why.p : "");
	sb_free(&why);
	return NULL;
}

int
explain_write(const char *given, const struct report *r, const char *name,
    const struct tview *t, struct sbuf *out, struct err *e)
{
	const char *id = resolve(given, r, name, t, e);
	const struct row *w;
	int known;

	if (id == NULL)
		return -1;
	w = row_of(r, id);
	known = t->has_case(id);
	sb_printf(out, "case %s\n", id);
	if (known) {
		const char *prog = t->program(id);
		struct sbuf n = {0};

		sb_puts(out, "  ");
		t->describe(id, out);
		sb_puts(out, "\n");
		t->needs(id, &n);
		if (n.len)
			sb_printf(out, "  needs     %s\n", n.p);
		if (prog != NULL)
			sb_printf(out, "  kyua      %s:%s (kyua debug %s:%s runs it "
			    "alone)\n", prog, id, prog, id);
		sb_puts(out, "  reproduce ");
		findings_reproduce_cmd(id, NULL, out);
		sb_putc(out, '\n');
		sb_free(&n);
	} else
		sb_puts(out, "  (not in this msync-report's table: no "
		    "description or citations)\n");
	if (r != NULL && w == NULL)
		sb_printf(out, "\n%s has no such case\n", name);
	if (w != NULL) {
		struct sbuf d = {0};

		report_describe(r, &d);
		sb_printf(out, "\nin %s (%s):\n", name, d.p);
		observed(r, w, out);
		sb_free(&d);
	}
	sb_puts(out, "\nvariants:\n");
	for (int v = 0; known && v < t->nvariants; v++) {
		struct expectation x;

		t->lookup(id, t->variants[v], &x);
		sb_printf(out, "  %s (%s) ", t->variants[v],
		    x.document ? "document" : "implementation");
		tv_expects(&x, out);
		judged(r, w, t->variants[v], out);
		sb_putc(out, '\n');
		tv_rules(&x, "      ", out);
	}
	if (!known) {
		struct sbuf m = {0}, c = {0};

		mask_format(r, report_has_outcome(w) ? w->matches : 0, &m);
		mask_format(r, report_has_outcome(w) ? w->contradicts : 0, &c);
		sb_printf(out, "  matched: %s\n  contradicted: %s\n", m.p, c.p);
		sb_free(&m);
		sb_free(&c);
	}
	return 0;
}
