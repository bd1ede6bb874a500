/* msync-report explain: a case in words, its observed outcome (or its kind
 * and reason when it has none) and every variant's expectation with the
 * rules it rests on. */
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

int
explain_write(const char *id, const struct report *r, const char *name,
    const struct tview *t, struct sbuf *out, struct err *e)
{
	const struct row *w = row_of(r, id);
	int known = t->has_case(id);

	if (!known && w == NULL)
		return errf(e, "no case '%s' in %s%s (a case id is "
		    "MAPPING__FLAGS__RANGE__LOCK[__CHECK], e.g. "
		    "fileshared__S__page__unlocked)", id,
		    r ? name : "the table", r ? " nor in the table" : "");
	sb_printf(out, "case %s\n", id);
	if (known) {
		sb_puts(out, "  ");
		t->describe(id, out);
		sb_puts(out, "\n");
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
