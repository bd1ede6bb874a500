/* The comparison (or one report's findings) as one self-contained HTML
 * page: no script and nothing fetched.  A summary per variant and report
 * comes first; then the rows shown, grouped by what each report observed,
 * each group collapsible.  Radio buttons and CSS sibling selectors colour
 * each cell by whether its outcome matches (green) or contradicts (red) the
 * chosen variant; a checkbox hides the expected reports' columns. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "findings.h"
#include "html.h"
#include "report.h"
#include "summary.h"
#include "tview.h"

static void
esc(struct sbuf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': sb_puts(b, "&amp;"); break;
		case '<': sb_puts(b, "&lt;"); break;
		case '>': sb_puts(b, "&gt;"); break;
		case '"': sb_puts(b, "&quot;"); break;
		case '\'': sb_puts(b, "&#39;"); break;
		case '\n': sb_puts(b, "&#10;"); break;
		default: sb_putc(b, *s);
		}
}

/* The variants of all reports, in order of first appearance. */
struct uni {
	int n;
	const char **name;
	int *idx;	/* [report * n + u]: that variant's index there, or -1 */
};

static void
uni_build(struct uni *u, const struct cmp *c)
{
	int cap = 0;

	for (int i = 0; i < c->n; i++)
		cap += c->reps[i]->nvariants;
	u->n = 0;
	u->name = xmalloc((size_t)cap * sizeof *u->name);
	for (int i = 0; i < c->n; i++)
		for (int v = 0; v < c->reps[i]->nvariants; v++) {
			const char *s = c->reps[i]->variants[v];
			int k = 0;

			while (k < u->n && strcmp(u->name[k], s) != 0)
				k++;
			if (k == u->n)
				u->name[u->n++] = s;
		}
	u->idx = xmalloc((size_t)(c->n * u->n + 1) * sizeof *u->idx);
	for (int i = 0; i < c->n; i++)
		for (int k = 0; k < u->n; k++)
			u->idx[i * u->n + k] =
			    report_variant_index(c->reps[i], u->name[k]);
}

static vmask
bit_of(const struct uni *u, int i, int k)
{
	int v = u->idx[i * u->n + k];

	return v >= 0 ? (vmask)1 << v : 0;
}

/* The variant that speaks to the most cells shown, a document if one
 * speaks at all: colouring by one that is silent on all of them would show
 * nothing, and the documents are what a finding is judged by. */
static int
default_variant(const struct cmp *c, const struct uni *u,
    const struct tview *t)
{
	size_t best = 0, n;
	int pick = 0, bestdoc = 0, doc;

	for (int k = 0; k < u->n; k++) {
		n = 0;
		for (size_t d = 0; d < c->ndiff; d++)
			for (int i = 0; i < c->n; i++) {
				const struct row *w = c->cells[d * (size_t)c->n + i];

				if (w && (w->matches | w->contradicts) &
				    bit_of(u, i, k))
					n++;
			}
		doc = t != NULL && t->is_document(u->name[k]) == 1 && n > 0;
		if (doc > bestdoc || (doc == bestdoc && n > best)) {
			best = n;
			bestdoc = doc;
			pick = k;
		}
	}
	return pick;
}

static void
style(struct sbuf *b, const struct uni *u)
{
	sb_puts(b, "<style>\n"
	    "body{font-family:sans-serif;margin:0;color:#222;font-size:13px}\n"
	    "main{padding:0 12px 2em}\n"
	    "input.ctl{position:absolute;opacity:0;pointer-events:none}\n"
	    "header{position:sticky;top:0;z-index:2;background:#fff;"
	    "border-bottom:2px solid #888;padding:6px 12px 0}\n"
	    "h1{font-size:17px;margin:0 0 4px}\n"
	    "h2{font-size:15px;margin:1.2em 0 .4em}\n"
	    ".bar label{display:inline-block;margin:0 .25em .25em 0;"
	    "padding:1px 6px;border:1px solid #bbb;border-radius:3px;"
	    "cursor:pointer}\n"
	    ".key span{padding:0 .5em;margin-right:.4em}\n"
	    "table{border-collapse:collapse;width:100%;table-layout:fixed}\n"
	    "th,td{border:1px solid #bbb;padding:2px 4px;vertical-align:top;"
	    "text-align:left;overflow-wrap:anywhere}\n"
	    "th{background:#f4f4f4;font-weight:normal}\n"
	    "th b{display:block}\n"
	    "col.id{width:280px}\n"
	    "h2{scroll-margin-top:210px}\n"
	    "table.rows td{background:#eee}\n"
	    "td.d{font-weight:bold}\n"
	    "td.id,td.id summary{background:#fff;font-family:monospace;"
	    "white-space:nowrap;overflow:hidden;text-overflow:ellipsis;"
	    "font-size:12px}\n"
	    "td small,th small{display:block;color:#555;font-weight:normal}\n"
	    ".cite{font-family:sans-serif;font-size:12px;white-space:normal;"
	    "margin:3px 0}\n"
	    ".cite p{margin:2px 0 4px}\n"
	    ".cite i{color:#555}\n"
	    "details.g{margin:4px 0;border:1px solid #ccc}\n"
	    "details.g>summary{padding:4px;background:#f7f7f7;cursor:pointer}\n"
	    "details.g>summary span+span:before{content:\"\\00b7 \"}\n"
	    "details.g>summary pre{margin:2px 0 0 1.2em;font-size:12px;"
	    "white-space:pre-wrap}\n"
	    "table.sum td,table.sum th{text-align:right;"
	    "font-variant-numeric:tabular-nums}\n"
	    "table.sum b{font-weight:normal}\n"
	    "table.sum td:first-child,table.sum th:first-child{text-align:left}\n"
	    "p.closest,p.reason{margin:.3em 0;font-size:12px}\n"
	    ".m{background:#bfe6bf}.c{background:#f4b6b6}.s{background:#eee}\n"
	    "#hx:checked~header .exp,#hx:checked~main .exp,"
	    "#hx:checked~main details.same{display:none}\n"
	    "#hx:checked~header label[for=hx]{font-weight:bold;"
	    "background:#ddd}\n");
	for (int k = 0; k < u->n; k++)
		sb_printf(b, "#v%d:checked~main td.m%d{background:#bfe6bf}\n"
		    "#v%d:checked~main td.c%d{background:#f4b6b6}\n"
		    "#v%d:checked~header label[for=v%d]{font-weight:bold;"
		    "background:#ddd}\n", k, k, k, k, k, k);
	sb_puts(b, "</style>\n");
}

/* The columns: the case, then each report (expected ones hideable). */
static void
colgroup(struct sbuf *b, const struct cmp *c)
{
	sb_puts(b, "<colgroup><col class=\"id\">");
	for (int i = 0; i < c->n; i++)
		sb_printf(b, "<col%s>", c->reps[i]->expected ? " class=\"exp\"" :
		    "");
	sb_puts(b, "</colgroup>\n");
}

/* "linux-x86_64-ext4" of "results/linux-x86_64-ext4.report" */
static void
short_name(struct sbuf *b, const char *path)
{
	const char *s = strrchr(path, '/'), *dot;

	s = s ? s + 1 : path;
	dot = strrchr(s, '.');
	if (dot == NULL || dot == s)
		dot = s + strlen(s);
	sb_add(b, s, (size_t)(dot - s));
}

static void
column_heads(struct sbuf *b, const struct cmp *c)
{
	sb_puts(b, "<table class=\"heads\">");
	colgroup(b, c);
	sb_puts(b, "<tr><th>case<small>click one for every variant's "
	    "expectation and citation</small></th>");
	for (int i = 0; i < c->n; i++) {
		const struct report *r = c->reps[i];
		struct sbuf d = {0}, n = {0};

		report_describe(r, &d);
		sb_printf(b, "<th%s title=\"", r->expected ? " class=\"exp\"" :
		    "");
		esc(b, c->names[i]);
		sb_puts(b, ": ");
		esc(b, d.p);
		sb_printf(b, "\"><b>%d: ", i + 1);
		short_name(&n, c->names[i]);
		esc(b, n.p);
		sb_puts(b, "</b><small>");
		if (r->expected) {
			sb_puts(b, "expected ");
			esc(b, r->expected);
		} else {
			d.len = 0;
			sb_printf(&d, "%s %s, %s", r->facts[F_os],
			    r->facts[F_machine], r->facts[F_fs]);
			esc(b, d.p);
		}
		sb_puts(b, "</small></th>");
		sb_free(&d);
		sb_free(&n);
	}
	sb_puts(b, "</tr></table>\n");
}

static void
header(struct sbuf *b, const struct cmp *c, const struct uni *u,
    const char *title)
{
	int anyexp = 0;

	for (int i = 0; i < c->n; i++)
		anyexp |= c->reps[i]->expected != NULL;
	sb_puts(b, "<header>\n<h1>");
	esc(b, title);
	sb_puts(b, "</h1>\n<div class=\"bar\">Colour by: ");
	for (int k = 0; k < u->n; k++) {
		sb_printf(b, "<label for=\"v%d\">", k);
		esc(b, u->name[k]);
		sb_puts(b, "</label>");
	}
	if (anyexp)
		sb_puts(b, " &#8195;<label for=\"hx\" title=\"and the groups "
		    "where the observed reports agree\">hide expected reports' "
		    "columns</label>");
	sb_puts(b, " &#8195;<span class=\"key\"><span class=\"m\">matches"
	    "</span><span class=\"c\">contradicts</span><span class=\"s\">"
	    "silent or no outcome</span></span></div>\n");
	column_heads(b, c);
	sb_puts(b, "</header>\n");
}

/* Per report: the verdict it was judged by, and its cases of each kind,
 * as kyua counts them (summary's "cases:" line). */
static void
kinds(struct sbuf *b, const struct cmp *c)
{
	size_t *n = xmalloc((size_t)c->n * NKINDS * sizeof *n);

	for (int i = 0; i < c->n; i++)
		summary_kinds(c->reps[i], n + (size_t)i * NKINDS);
	sb_puts(b, "<tr><th>verdict</th>");
	for (int i = 0; i < c->n; i++) {
		sb_printf(b, "<td%s>", c->reps[i]->expected ? " class=\"exp\"" :
		    "");
		esc(b, c->reps[i]->facts[F_verdict]);
		sb_puts(b, "</td>");
	}
	sb_puts(b, "</tr>\n");
	for (int k = 0; k < NKINDS; k++) {
		sb_printf(b, "<tr><th>%s</th>", kind_names[k]);
		for (int i = 0; i < c->n; i++)
			if (c->reps[i]->expected)
				sb_puts(b, "<td class=\"exp\">-</td>");
			else
				sb_printf(b, "<td data-k=\"%s\">%zu</td>",
				    kind_names[k], n[(size_t)i * NKINDS + k]);
		sb_puts(b, "</tr>\n");
	}
	free(n);
}

/* Per observed report: its cases without an outcome, by kind and reason. */
static void
reasons(struct sbuf *b, const struct cmp *c)
{
	int any = 0;

	for (int i = 0; i < c->n; i++) {
		struct reason_group *g;
		size_t n = summary_reasons(c->reps[i], &g);

		if (n > 0 && !any++)
			sb_puts(b, "<details open><summary>Cases without an "
			    "outcome, by reason</summary>\n");
		for (size_t k = 0; k < n; k++) {
			struct sbuf l = {0};

			summary_reason_line(&g[k], c->reps[i]->format, &l);
			sb_printf(b, "<p class=\"reason\" data-r=\"%d\">%d: ",
			    i + 1, i + 1);
			esc(b, l.p);
			sb_puts(b, "</p>\n");
			sb_free(&l);
		}
		free(g);
	}
	if (any)
		sb_puts(b, "</details>\n");
}

/* Per variant and report: matched / contradicted / silent and the share,
 * the numbers msync-report summary prints. */
static void
summary(struct sbuf *b, const struct cmp *c, const struct uni *u)
{
	struct tally *t = xmalloc((size_t)c->n * MAX_VARIANTS * sizeof *t);
	size_t *judged = xmalloc((size_t)c->n * sizeof *judged);

	for (int i = 0; i < c->n; i++)
		judged[i] = summary_tally(c->reps[i], t + i * MAX_VARIANTS);
	sb_puts(b, "<h2>Summary per variant: match, then matched &#183; "
	    "contradicted &#183; silent</h2>\n<table class=\"sum\">");
	colgroup(b, c);
	sb_puts(b, "<tr><th>cases with an outcome</th>");
	for (int i = 0; i < c->n; i++)
		sb_printf(b, "<td%s data-r=\"%d\">%zu of %zu</td>",
		    c->reps[i]->expected ? " class=\"exp\"" : "", i + 1,
		    judged[i], c->reps[i]->nrows);
	sb_puts(b, "</tr>\n");
	kinds(b, c);
	for (int k = 0; k < u->n; k++) {
		sb_puts(b, "<tr><th>");
		esc(b, u->name[k]);
		sb_puts(b, "</th>");
		for (int i = 0; i < c->n; i++) {
			int v = u->idx[i * u->n + k];
			const struct tally *x = &t[i * MAX_VARIANTS + v];

			sb_printf(b, "<td%s data-r=\"%d\" data-v=\"",
			    c->reps[i]->expected ? " class=\"exp\"" : "", i + 1);
			esc(b, u->name[k]);
			sb_puts(b, "\">");
			if (v >= 0) {
				sb_puts(b, "<b>");
				summary_percent(b, x->m, x->c);
				sb_printf(b, "</b><small>%lu \u00b7 %lu \u00b7 "
				    "%lu</small>", x->m, x->c, x->s);
			} else
				sb_puts(b, "not in this report");
			sb_puts(b, "</td>");
		}
		sb_puts(b, "</tr>\n");
	}
	sb_puts(b, "</table>\n<details><summary>Closest variants of each "
	    "report</summary>\n");
	for (int i = 0; i < c->n; i++) {
		struct sbuf r = {0};

		summary_rank(c->reps[i], t + i * MAX_VARIANTS, &r);
		sb_printf(b, "<p class=\"closest%s\">%d: ", c->reps[i]->expected ?
		    " exp" : "", i + 1);
		esc(b, r.p);
		sb_puts(b, "</p>\n");
		sb_free(&r);
	}
	sb_puts(b, "</details>\n");
	reasons(b, c);
	sb_puts(b, "<p class=\"closest\">match = matched / (matched + "
	    "contradicted), rounded down, over the cases the variant speaks "
	    "to; silent: the variant says nothing of the case.  An expected "
	    "report's outcome is what its variant accepts; it matches each "
	    "variant that accepts one of those outcomes.</p>\n");
	free(t);
	free(judged);
}

/* Every variant's expectation of the case, with its citations. */
static void
citations(struct sbuf *b, const struct tview *t, const struct uni *u,
    const char *id)
{
	struct sbuf d = {0};

	sb_puts(b, "<div class=\"cite\">");
	t->describe(id, &d);
	if (d.len) {
		sb_puts(b, "<p><i>");
		esc(b, d.p);
		sb_puts(b, "</i></p>");
	}
	sb_free(&d);
	for (int k = 0; k < u->n; k++) {
		struct expectation x;

		if (t->lookup(id, u->name[k], &x) != 0)
			continue;
		sb_puts(b, "<p><b>");
		esc(b, u->name[k]);
		sb_puts(b, "</b> ");
		d.len = 0;
		tv_expects(&x, &d);
		esc(b, d.p ? d.p : "");
		for (int r = 0; r < x.nrules; r++) {
			sb_puts(b, "<br><small>");
			esc(b, x.where[r]);
			sb_puts(b, ": ");
			esc(b, x.cite[r]);
			sb_puts(b, "</small>");
		}
		sb_puts(b, "</p>");
	}
	sb_free(&d);
	sb_puts(b, "</div>");
}

/* Hover text of the case: each speaking variant's expectation and where
 * its rules are. */
static void
cite_title(struct sbuf *b, const struct tview *t, const struct uni *u,
    const char *id)
{
	struct sbuf s = {0};

	for (int k = 0; k < u->n; k++) {
		struct expectation x;

		if (t->lookup(id, u->name[k], &x) != 0 || x.accept == NULL)
			continue;
		sb_printf(&s, "%s%s ", s.len ? "\n" : "", u->name[k]);
		tv_expects(&x, &s);
		for (int r = 0; r < x.nrules; r++)
			sb_printf(&s, "%s%s", r ? ", " : " (", x.where[r]);
		if (x.nrules)
			sb_putc(&s, ')');
	}
	if (s.len) {
		sb_puts(b, " title=\"");
		esc(b, s.p);
		sb_putc(b, '"');
	}
	sb_free(&s);
}

/* A cell's text: the outcome, "(KIND)" without one, or "absent". */
static void
shown(struct sbuf *b, const struct cmp *c, size_t d, int i)
{
	const struct row *w = c->cells[d * (size_t)c->n + i];
	struct sbuf s = {0};

	if (w != NULL)
		row_shown(c->reps[i], w, &s);
	esc(b, w ? s.p : "absent");
	sb_free(&s);
}

static void
cell(struct sbuf *b, const struct cmp *c, const struct uni *u, size_t d,
    int i)
{
	const struct report *r = c->reps[i];
	const struct row *w = c->cells[d * (size_t)c->n + i];
	const struct row *first = c->cells[d * (size_t)c->n];
	struct sbuf title = {0}, cls = {0};

	if (r->expected)
		sb_puts(&cls, " exp");
	if (i > 0 && cells_differ(c->reps[0], first, r, w))
		sb_puts(&cls, " d");
	for (int k = 0; w && report_has_outcome(w) && k < u->n; k++) {
		vmask bit = bit_of(u, i, k);

		if (w->matches & bit || w->contradicts & bit)
			sb_printf(&cls, " %c%d", w->matches & bit ? 'm' : 'c', k);
	}
	sb_puts(b, "<td");
	if (cls.len)
		sb_printf(b, " class=\"%s\"", cls.p + 1);
	sb_free(&cls);
	if (w && !r->expected && !report_has_outcome(w)) {
		sb_printf(&title, "no outcome: %s", row_kind(w));
		if (w->reason != NULL && strcmp(w->reason, "-") != 0)
			sb_printf(&title, "\nreason: %s", w->reason);
	} else if (w) {
		sb_puts(&title, "matches: ");
		mask_format(r, w->matches, &title);
		sb_puts(&title, "\ncontradicts: ");
		mask_format(r, w->contradicts, &title);
		if (!r->expected)
			sb_printf(&title, "\nkyua: %s", w->verdict);
		if (strcmp(w->obs, "-") != 0)
			sb_printf(&title, "\nobserved: %s", w->obs);
	} else
		sb_puts(&title, "absent from this report");
	sb_puts(b, " title=\"");
	esc(b, title.p);
	sb_puts(b, "\">");
	shown(b, c, d, i);
	sb_puts(b, "</td>");
	sb_free(&title);
}

/* Rows whose cells show the same outcomes and matching variants form a
 * group; groups come largest first. */
struct group {
	char *key;
	size_t n, cap, *rows;
};

static void
row_key(const struct cmp *c, size_t d, struct sbuf *k)
{
	for (int i = 0; i < c->n; i++) {
		const struct row *w = c->cells[d * (size_t)c->n + i];

		if (i)
			sb_putc(k, '\t');
		if (w == NULL)
			sb_puts(k, "absent");
		else if (c->reps[i]->expected)
			sb_puts(k, w->observed);
		else if (!report_has_outcome(w))
			sb_printf(k, "(%s) %s", row_kind(w),
			    w->reason ? w->reason : "");
		else {
			sb_printf(k, "%s ", w->observed);
			mask_format(c->reps[i], w->matches, k);
			sb_putc(k, ' ');
			mask_format(c->reps[i], w->contradicts, k);
		}
	}
}

static int
group_cmp(const void *pa, const void *pb)
{
	const struct group *a = pa, *b = pb;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return a->rows[0] < b->rows[0] ? -1 : a->rows[0] > b->rows[0];
}

static size_t
groups_build(const struct cmp *c, struct group **out)
{
	struct group *g = NULL;
	size_t n = 0, cap = 0;

	for (size_t d = 0; d < c->ndiff; d++) {
		struct sbuf k = {0};
		size_t j;

		row_key(c, d, &k);
		for (j = 0; j < n && strcmp(g[j].key, k.p) != 0; j++)
			;
		if (j == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				g = xrealloc(g, cap * sizeof *g);
			}
			g[n].key = xstrdup(k.p);
			g[n].n = g[n].cap = 0;
			g[n].rows = NULL;
			n++;
		}
		sb_free(&k);
		if (g[j].n == g[j].cap) {
			g[j].cap = g[j].cap ? 2 * g[j].cap : 8;
			g[j].rows = xrealloc(g[j].rows, g[j].cap * sizeof *g[j].rows);
		}
		g[j].rows[g[j].n++] = d;
	}
	if (n > 1)
		qsort(g, n, sizeof *g, group_cmp);
	*out = g;
	return n;
}

/* Whether the observed reports agree on row d (only expected reports
 * differ): such groups hide with the expected reports' columns. */
static int
observed_agree(const struct cmp *c, size_t d)
{
	const struct row *const *w = c->cells + d * (size_t)c->n;
	int first = -1;

	for (int i = 0; i < c->n; i++) {
		if (c->reps[i]->expected)
			continue;
		if (first >= 0 && cells_differ(c->reps[first], w[first],
		    c->reps[i], w[i]))
			return 0;
		if (first < 0)
			first = i;
	}
	return first >= 0 && c->n > 1;
}

static void
group(struct sbuf *b, const struct cmp *c, const struct uni *u,
    const struct tview *t, const struct group *g, size_t gi)
{
	const size_t d0 = g->rows[0];
	const char **ids = xmalloc(g->n * sizeof *ids);

	for (size_t k = 0; k < g->n; k++)
		ids[k] = c->ids[g->rows[k]];
	sb_printf(b, "<details class=\"g%s\"%s><summary><b>%zu case%s</b>:",
	    observed_agree(c, d0) ? " same" : "", gi < 3 ? " open" : "", g->n,
	    g->n == 1 ? "" : "s");
	for (int i = 0; i < c->n; i++) {
		sb_printf(b, "<span%s> %d: ", c->reps[i]->expected ?
		    " class=\"exp\"" : "", i + 1);
		shown(b, c, d0, i);
		sb_puts(b, "</span>");
	}
	if (c->n == 1 && c->cells[d0] != NULL &&
	    report_has_outcome(c->cells[d0])) {
		struct sbuf m = {0};

		mask_format(c->reps[0], c->cells[d0]->contradicts, &m);
		sb_puts(b, "; contradicts ");
		esc(b, m.p);
		sb_free(&m);
	}
	if (t != NULL) {
		struct sbuf s = {0};

		tv_span(t, ids, g->n, "", &s);
		sb_puts(b, "<pre>");
		esc(b, s.p ? s.p : "");
		sb_puts(b, "</pre>");
		sb_free(&s);
	}
	sb_puts(b, "</summary>\n<table class=\"rows\">");
	colgroup(b, c);
	for (size_t k = 0; k < g->n; k++) {
		size_t d = g->rows[k];

		sb_puts(b, "<tr><td class=\"id\">");
		if (t != NULL) {
			sb_puts(b, "<details><summary");
			cite_title(b, t, u, c->ids[d]);
			sb_puts(b, ">");
			esc(b, c->ids[d]);
			sb_puts(b, "</summary>");
			citations(b, t, u, c->ids[d]);
			sb_puts(b, "</details>");
		} else
			esc(b, c->ids[d]);
		sb_puts(b, "</td>");
		for (int i = 0; i < c->n; i++)
			cell(b, c, u, d, i);
		sb_puts(b, "</tr>\n");
	}
	sb_puts(b, "</table></details>\n");
	free(ids);
}

void
html_write(const struct cmp *c, const struct tview *t, const char *title,
    const char *what, struct sbuf *b)
{
	struct uni u;
	struct group *g;
	size_t ng;
	int pick;

	uni_build(&u, c);
	pick = default_variant(c, &u, t);
	ng = groups_build(c, &g);
	sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>");
	esc(b, title);
	sb_puts(b, "</title>\n");
	style(b, &u);
	sb_puts(b, "</head>\n<body>\n");
	for (int k = 0; k < u.n; k++)
		sb_printf(b, "<input class=\"ctl\" type=\"radio\" name=\"v\" "
		    "id=\"v%d\"%s>\n", k, k == pick ? " checked" : "");
	sb_puts(b, "<input class=\"ctl\" type=\"checkbox\" id=\"hx\">\n");
	header(b, c, &u, title);
	sb_puts(b, "<main>\n");
	summary(b, c, &u);
	sb_printf(b, "<h2 id=\"rows\">%zu of %zu cases %s, in %zu group%s"
	    "</h2>\n<p>Each group holds the cases where every report observed "
	    "the same; click a group to open or close it, a case for what "
	    "each variant expects and why; hover a cell for its matching "
	    "variants and observation.  Bold: differs from report 1.</p>\n",
	    c->ndiff, c->total, what, ng, ng == 1 ? "" : "s");
	for (size_t i = 0; i < ng; i++)
		group(b, c, &u, t, &g[i], i);
	if (c->ndiff == 0)
		sb_puts(b, "<p>none</p>\n");
	sb_puts(b, "</main>\n</body>\n</html>\n");
	for (size_t i = 0; i < ng; i++) {
		free(g[i].key);
		free(g[i].rows);
	}
	free(g);
	free(u.name);
	free(u.idx);
}

int
html_write_report(const struct report *r, const char *name,
    const struct tview *t, struct sbuf *b, struct err *e)
{
	const struct report *rep[1] = { r };
	const char *names[1] = { name };
	const struct row **rows;
	struct findings f;
	struct cmp c;
	struct sbuf title = {0};
	size_t n = 0;

	if (findings_build(&f, r, t, NULL, e) != 0)
		return -1;
	for (size_t g = 0; g < f.ngroups; g++)
		n += f.groups[g].n;
	rows = xmalloc((n ? n : 1) * sizeof *rows);
	n = 0;
	for (size_t g = 0; g < f.ngroups; g++)
		for (size_t k = 0; k < f.groups[g].n; k++)
			rows[n++] = f.groups[g].rows[k];
	compare_rows(&c, rep, names, rows, n);
	sb_printf(&title, "msync-report: %s", name);
	html_write(&c, t, title.p, "are findings (no document accepts the "
	    "outcome)", b);
	compare_free(&c);
	findings_free(&f);
	sb_free(&title);
	free(rows);
	return 0;
}
