/* The comparison (or one report's findings) as one self-contained HTML
 * page: no script and nothing fetched.  First what was tested (each
 * report's facts and its cases of every kind, with the reasons of those
 * without an outcome), a heat map of each variant's match per report, a
 * matrix of mapping x flags coloured by the severity of the rows shown,
 * and the index of their groups; then each group (the groups and numbers
 * of the text, report/group.h) with the values it spans, each report's
 * outcome, what the documents expect and why, the implementations'
 * expectations, and its cases; last the implementations' rules, each
 * cited once.  Radio buttons and CSS sibling selectors colour each
 * report's cell by whether its outcome matches (green), contradicts (red)
 * or partly matches (amber) the chosen variant; a checkbox hides the
 * expected reports' columns.  Every group (#g3) and case (#case-ID) has
 * an anchor. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "findings.h"
#include "group.h"
#include "html.h"
#include "known.h"
#include "report.h"
#include "summary.h"
#include "tview.h"

/* The severity classes' colours, most severe first; the last: none. */
static const char *const sev_colour[] = {
	"#b2182b", "#e0603a", "#f4a259", "#f2d35b", "#9ecae1", "#c7e9c0",
	"#d9d9d9", "#d9d9d9", "#d9d9d9", "#d9d9d9", "#d9d9d9", "#d9d9d9",
	"#d9d9d9", "#d9d9d9", "#d9d9d9", "#d9d9d9",
};
#define NSEV_COLOURS ((int)(sizeof sev_colour / sizeof *sev_colour))

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

/* The page being written: what every part needs. */
struct page {
	const struct cmp *c;
	const struct grouping *gr;
	const struct html_opts *o;
	int nv;
	const char *vname[MAX_VARIANTS];	/* the variants of all reports */
	int *idx;	/* [report * nv + k]: variant k's index there, or -1 */
	size_t *group_of;	/* each row's group */
	struct sbuf *b;
};

static vmask
bit_of(const struct page *p, int i, int k)
{
	int v = p->idx[i * p->nv + k];

	return v >= 0 ? (vmask)1 << v : 0;
}

static const struct row *
cell_of(const struct cmp *c, size_t d, int i)
{
	return c->cells[d * (size_t)c->n + i];
}

/* The variant that speaks to the most cells shown, a document if one
 * speaks at all: colouring by one that is silent on all of them would show
 * nothing, and the documents are what a finding is judged by. */
static int
default_variant(const struct page *p)
{
	const struct cmp *c = p->c;
	const struct tview *t = p->o->t;
	size_t best = 0, n;
	int pick = 0, bestdoc = 0, doc;

	for (int k = 0; k < p->nv; k++) {
		n = 0;
		for (size_t d = 0; d < c->ndiff; d++)
			for (int i = 0; i < c->n; i++) {
				const struct row *w = cell_of(c, d, i);

				if (w && (w->matches | w->contradicts) &
				    bit_of(p, i, k))
					n++;
			}
		doc = t != NULL && t->is_document(p->vname[k]) == 1 && n > 0;
		if (doc > bestdoc || (doc == bestdoc && n > best)) {
			best = n;
			bestdoc = doc;
			pick = k;
		}
	}
	return pick;
}

static void
style(struct page *p)
{
	struct sbuf *b = p->b;

	sb_puts(b, "<style>\n"
	    "body{font-family:sans-serif;margin:0;color:#222;font-size:13px}\n"
	    /* a citation's link is one long word: break it rather than
	     * widen a narrow page (tables keep their width and scroll) */
	    "main{padding:0 12px 2em;overflow-wrap:break-word}\n"
	    "input.ctl{position:absolute;opacity:0;pointer-events:none}\n"
	    "header{position:sticky;top:0;z-index:2;background:#fff;"
	    "border-bottom:2px solid #888;padding:6px 12px 0;overflow-wrap:anywhere}\n"
	    "h1{font-size:17px;margin:0 0 2px}\n"
	    "h2{font-size:15px;margin:1.4em 0 .4em;scroll-margin-top:140px}\n"
	    "h3{font-size:14px;margin:0;font-weight:normal}\n"
	    "p.facts{margin:0 0 4px}\n"
	    ".bar label{display:inline-block;margin:0 .25em .25em 0;"
	    "padding:1px 6px;border:1px solid #bbb;border-radius:3px;"
	    "cursor:pointer}\n"
	    ".key span{padding:0 .5em;margin-right:.4em}\n"
	    ".wide{overflow-x:auto}\n"
	    "table{border-collapse:collapse}\n"
	    "th,td{border:1px solid #bbb;padding:2px 4px;vertical-align:top;"
	    "text-align:left}\n"
	    "th{background:#f4f4f4;font-weight:normal}\n"
	    "th b{display:block}\n"
	    "td small,th small{display:block;color:#555;font-weight:normal}\n"
	    "table.heads,table.cells{width:100%;table-layout:fixed}\n"
	    "table.heads th,table.cells td{overflow-wrap:anywhere}\n"
	    "table.cells td{background:#eee}\n"
	    "table.num td{text-align:right;font-variant-numeric:tabular-nums}\n"
	    "table.tested td{text-align:left}table.tested td[data-k]"
	    "{text-align:right}table.index td:nth-child(2){text-align:left}\n"
	    "table.num td:first-child,table.num th:first-child{text-align:left}\n"
	    "table.sum td{min-width:5em}\n"
	    "table.sum b{font-weight:normal}\n"
	    "span.bar{display:flex;height:5px;background:#ddd;margin-top:2px}\n"
	    "span.bar i{background:#3a8a3a}span.bar i+i{background:#c33}\n"
	    "table.mx td{text-align:center;min-width:2.5em}\n"
	    "table.mx a{color:#000;text-decoration:none;display:block}\n"
	    "p.closest,p.reason{margin:.3em 0;font-size:12px}\n"
	    "section.g{border:1px solid #ccc;margin:8px 0;padding:4px 6px;"
	    "scroll-margin-top:140px}\n"
	    "section.g>h3 a.n{font-weight:bold;margin-right:.3em}\n"
	    ".sev{padding:0 .4em;border-radius:3px;white-space:nowrap}\n"
	    "pre.span{margin:3px 0;font-size:12px;white-space:pre-wrap}\n"
	    ".docs p,.impl p{margin:2px 0}\n"
	    ".docs small{display:block;color:#444;margin-left:1.5em}\n"
	    ".impl{font-size:12px;color:#333}\n"
	    "p.known{margin:3px 0;background:#eef4ff;padding:2px 4px}\n"
	    "p.cmd code{display:block;overflow-wrap:anywhere}\n"
	    "ol.ids{margin:2px 0;padding-left:3em;font-family:monospace;"
	    "font-size:12px}\n"
	    "ol.ids li{overflow-wrap:anywhere;scroll-margin-top:140px}\n"
	    "ol.ids li:target{background:#ffef9e}\n"
	    "ol.ids small{font-family:sans-serif;color:#555;margin-left:1em}\n"
	    "dl.rules dt{font-family:monospace;margin-top:4px;"
	    "scroll-margin-top:140px}\n"
	    "dl.rules dd{margin-left:1.5em}\n"
	    "dl.rules dt:target{background:#ffef9e}\n"
	    ".m{background:#bfe6bf}.c{background:#f4b6b6}.p{background:#f7dc8f}"
	    ".s{background:#eee}\n"
	    "#hx:checked~header .exp,#hx:checked~main .exp,"
	    "#hx:checked~main section.same{display:none}\n"
	    "#hx:checked~header label[for=hx]{font-weight:bold;"
	    "background:#ddd}\n"
	    "@media (max-width:700px){header{position:static}"
	    "table.heads{display:none}"
	    "table.cells,table.cells tbody,table.cells tr,table.cells td"
	    "{display:block;width:auto}"
	    "table.cells td:before{content:attr(data-n) \": \";color:#444}"
	    "h2,section.g,ol.ids li,dl.rules dt{scroll-margin-top:0}}\n");
	for (int k = 0; k < NSEV_COLOURS; k++)
		sb_printf(b, ".s%d{background:%s}", k, sev_colour[k]);
	sb_puts(b, ".sx{background:#f4f4f4}.s0,.s1{color:#fff}\n");
	for (int k = 0; k < p->nv; k++)
		sb_printf(b, "#v%d:checked~main td.m%d{background:#bfe6bf}"
		    "#v%d:checked~main td.c%d{background:#f4b6b6}"
		    "#v%d:checked~main td.p%d{background:#f7dc8f}"
		    "#v%d:checked~header label[for=v%d]{font-weight:bold;"
		    "background:#ddd}\n", k, k, k, k, k, k, k, k);
	sb_puts(b, "</style>\n");
}

static void
colgroup(struct sbuf *b, const struct cmp *c)
{
	sb_puts(b, "<colgroup>");
	for (int i = 0; i < c->n; i++)
		sb_printf(b, "<col%s>", c->reps[i]->expected ? " class=\"exp\"" :
		    "");
	sb_puts(b, "</colgroup>");
}

static void
name_of(struct sbuf *b, const struct cmp *c, int i)
{
	struct sbuf n = {0};

	short_name(&n, c->names[i]);
	esc(b, n.p ? n.p : "");
	sb_free(&n);
}

/* The columns of the group cells: each report, named. */
static void
column_heads(struct page *p)
{
	const struct cmp *c = p->c;
	struct sbuf *b = p->b;

	sb_puts(b, "<table class=\"heads\">");
	colgroup(b, c);
	sb_puts(b, "<tr>");
	for (int i = 0; i < c->n; i++) {
		const struct report *r = c->reps[i];
		struct sbuf d = {0};

		sb_printf(b, "<th%s title=\"", r->expected ? " class=\"exp\"" :
		    "");
		esc(b, c->names[i]);
		sb_printf(b, "\"><b>%d: ", i + 1);
		name_of(b, c, i);
		sb_puts(b, "</b><small>");
		if (r->expected)
			sb_printf(&d, "expected %s", r->expected);
		else
			sb_printf(&d, "%s %s, %s", r->facts[F_release],
			    r->facts[F_machine], r->facts[F_fs]);
		esc(b, d.p);
		sb_puts(b, "</small></th>");
		sb_free(&d);
	}
	sb_puts(b, "</tr></table>\n");
}

/* One report's facts on a line: what was tested, not only in a tooltip. */
static void
facts_line(struct sbuf *b, const struct report *r)
{
	static const enum fact shown[] = {
		F_release, F_machine, F_abi, F_libc, F_pagesize, F_emulator,
		F_fs, F_date, F_verdict, F_kyua, F_suite,
	};
	static const char *const label[] = {
		"", "", "", "", "page ", "emulator ", "fs ", "", "verdict ",
		"kyua ", "",
	};

	if (r->expected) {
		sb_puts(b, "expected report of ");
		esc(b, r->expected);
		return;
	}
	esc(b, r->facts[F_os]);
	for (size_t k = 0; k < sizeof shown / sizeof *shown; k++) {
		sb_puts(b, k ? " &#183; " : " ");
		sb_puts(b, label[k]);
		esc(b, r->facts[shown[k]]);
	}
}

static void
header(struct page *p, int pick)
{
	const struct cmp *c = p->c;
	struct sbuf *b = p->b;
	int anyexp = 0, nexp = 0;

	for (int i = 0; i < c->n; i++)
		nexp += c->reps[i]->expected != NULL;
	anyexp = nexp > 0;
	for (int k = 0; k < p->nv; k++)
		sb_printf(b, "<input class=\"ctl\" type=\"radio\" name=\"v\" "
		    "id=\"v%d\"%s>\n", k, k == pick ? " checked" : "");
	sb_puts(b, "<input class=\"ctl\" type=\"checkbox\" id=\"hx\">\n"
	    "<header>\n<h1>");
	esc(b, p->o->title);
	sb_puts(b, "</h1>\n<p class=\"facts\">");
	if (c->n == 1)
		facts_line(b, c->reps[0]);
	else
		sb_printf(b, "%d reports (%d observed, %d expected, these "
		    "last): <a href=\"#tested\">what each tested</a>", c->n,
		    c->n - nexp, nexp);
	sb_puts(b, " &#183; <a href=\"#index\">groups</a></p>\n"
	    "<div class=\"bar\">Colour by: ");
	for (int k = 0; k < p->nv; k++) {
		sb_printf(b, "<label for=\"v%d\">", k);
		esc(b, p->vname[k]);
		sb_puts(b, "</label>");
	}
	if (anyexp)
		sb_puts(b, " &#8195;<label for=\"hx\" title=\"and the groups "
		    "where the observed reports agree\">hide expected reports' "
		    "columns</label>");
	sb_puts(b, " &#8195;<span class=\"key\"><span class=\"m\">matches"
	    "</span><span class=\"c\">contradicts</span><span class=\"p\">"
	    "matches some cases</span><span class=\"s\">silent or no outcome"
	    "</span></span></div>\n");
	if (c->n > 1)
		column_heads(p);
	sb_puts(b, "</header>\n");
}

/* Per observed report: its cases without an outcome, by kind and reason. */
static void
reasons(struct page *p)
{
	const struct cmp *c = p->c;
	struct sbuf *b = p->b;
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
			sb_printf(b, "<p class=\"reason\" data-r=\"%d\">", i + 1);
			name_of(b, c, i);
			sb_puts(b, ": ");
			esc(b, l.p);
			sb_puts(b, "</p>\n");
			sb_free(&l);
		}
		free(g);
	}
	if (any)
		sb_puts(b, "</details>\n");
}

/* What was tested: each report's facts, verdict and cases of every kind
 * (kyua's counts). */
static void
tested(struct page *p)
{
	static const enum fact cols[] = {
		F_release, F_machine, F_abi, F_libc, F_pagesize, F_emulator,
		F_fs, F_date, F_verdict,
	};
	const struct cmp *c = p->c;
	struct sbuf *b = p->b;
	size_t kinds[NKINDS];

	sb_puts(b, "<h2 id=\"tested\">What was tested</h2>\n<div class=\"wide\">"
	    "<table class=\"num tested\"><tr><th>report</th>");
	for (size_t k = 0; k < sizeof cols / sizeof *cols; k++)
		sb_printf(b, "<th>%s</th>", fact_keys[cols[k]]);
	for (int k = 0; k < NKINDS; k++)
		sb_printf(b, "<th>%s</th>", kind_names[k]);
	sb_puts(b, "</tr>\n");
	for (int i = 0; i < c->n; i++) {
		const struct report *r = c->reps[i];

		sb_printf(b, "<tr%s><td>%d: ", r->expected ? " class=\"exp\"" : "",
		    i + 1);
		name_of(b, c, i);
		sb_puts(b, "</td>");
		for (size_t k = 0; k < sizeof cols / sizeof *cols; k++) {
			sb_puts(b, "<td>");
			esc(b, r->expected ? "-" : r->facts[cols[k]]);
			sb_puts(b, "</td>");
		}
		summary_kinds(r, kinds);
		for (int k = 0; k < NKINDS; k++)
			if (r->expected)
				sb_puts(b, "<td>-</td>");
			else
				sb_printf(b, "<td data-r=\"%d\" data-k=\"%s\">%zu"
				    "</td>", i + 1, kind_names[k], kinds[k]);
		sb_puts(b, "</tr>\n");
	}
	sb_puts(b, "</table></div>\n");
	reasons(p);
}

/* The cell's colour in the heat map: red at 0% match, green at 100%. */
static void
heat(struct sbuf *b, unsigned long m, unsigned long c)
{
	if (m + c == 0)
		return;
	sb_printf(b, " style=\"background:hsl(%llu,60%%,82%%)\"",
	    120ULL * m / (m + c));
}

/* Per variant and report: matched / contradicted / silent and the share,
 * the numbers msync-report summary prints, as a heat map with bars. */
static void
summary(struct page *p)
{
	const struct cmp *c = p->c;
	struct sbuf *b = p->b;
	struct tally *t = xmalloc((size_t)c->n * MAX_VARIANTS * sizeof *t);
	size_t *judged = xmalloc((size_t)c->n * sizeof *judged);

	for (int i = 0; i < c->n; i++)
		judged[i] = summary_tally(c->reps[i], t + i * MAX_VARIANTS);
	sb_puts(b, "<h2 id=\"summary\">Each variant's match: matched / "
	    "(matched + contradicted), then matched &#183; contradicted "
	    "&#183; silent</h2>\n<div class=\"wide\"><table class=\"num sum\">"
	    "<tr><th>variant</th>");
	for (int i = 0; i < c->n; i++) {
		sb_printf(b, "<th%s>%d: ", c->reps[i]->expected ?
		    " class=\"exp\"" : "", i + 1);
		name_of(b, c, i);
		sb_puts(b, "</th>");
	}
	sb_puts(b, "</tr>\n<tr><th>cases with an outcome</th>");
	for (int i = 0; i < c->n; i++)
		sb_printf(b, "<td%s data-r=\"%d\">%zu of %zu</td>",
		    c->reps[i]->expected ? " class=\"exp\"" : "", i + 1,
		    judged[i], c->reps[i]->nrows);
	sb_puts(b, "</tr>\n");
	for (int k = 0; k < p->nv; k++) {
		sb_puts(b, "<tr><th>");
		esc(b, p->vname[k]);
		sb_puts(b, "</th>");
		for (int i = 0; i < c->n; i++) {
			int v = p->idx[i * p->nv + k];
			const struct tally *x = &t[i * MAX_VARIANTS + (v >= 0 ? v : 0)];
			unsigned long all = v >= 0 ? x->m + x->c + x->s : 0;

			sb_printf(b, "<td%s", c->reps[i]->expected ?
			    " class=\"exp\"" : "");
			if (v >= 0)
				heat(b, x->m, x->c);
			sb_printf(b, " data-r=\"%d\" data-v=\"", i + 1);
			esc(b, p->vname[k]);
			sb_puts(b, "\">");
			if (v >= 0) {
				sb_puts(b, "<b>");
				summary_percent(b, x->m, x->c);
				sb_printf(b, "</b><small>%lu \u00b7 %lu \u00b7 "
				    "%lu</small>", x->m, x->c, x->s);
				if (all > 0)
					sb_printf(b, "<span class=\"bar\"><i style="
					    "\"width:%llu%%\"></i><i style=\"width:"
					    "%llu%%\"></i></span>",
					    100ULL * x->m / all, 100ULL * x->c / all);
			} else
				sb_puts(b, "not in this report");
			sb_puts(b, "</td>");
		}
		sb_puts(b, "</tr>\n");
	}
	sb_puts(b, "</table></div>\n<details><summary>Closest variants of each "
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
	sb_puts(b, "</details>\n<p class=\"closest\">match = matched / "
	    "(matched + contradicted), rounded down, over the cases the "
	    "variant speaks to; silent: the variant says nothing of the case.  "
	    "An expected report's outcome is what its variant accepts; it "
	    "matches each variant that accepts one of those outcomes.  The bar: "
	    "matched (green) and contradicted (red) of the cases with an "
	    "outcome.</p>\n");
	free(t);
	free(judged);
}

static int
dim_named(const struct tview *t, const char *name)
{
	for (int d = 0; t != NULL && d < t->ndims; d++)
		if (strcmp(t->dim[d], name) == 0)
			return d;
	return -1;
}

/* The rows shown by mapping and flags, each cell coloured by the most
 * severe class among its rows and linked to the first group holding it. */
static void
matrix(struct page *p)
{
	const struct cmp *c = p->c;
	const struct tview *t = p->o->t;
	int dm = dim_named(t, "mapping"), df = dim_named(t, "flags");
	size_t nm, nf, *count, *first;
	int *cls;
	struct sbuf *b = p->b;

	if (dm < 0 || df < 0 || c->ndiff == 0)
		return;
	nm = (size_t)t->nvalues[dm];
	nf = (size_t)t->nvalues[df];
	count = xmalloc(nm * nf * sizeof *count);
	first = xmalloc(nm * nf * sizeof *first);
	cls = xmalloc(nm * nf * sizeof *cls);
	memset(count, 0, nm * nf * sizeof *count);
	for (size_t d = 0; d < c->ndiff; d++) {
		int m = tv_value_index(t, c->ids[d], dm);
		int f = tv_value_index(t, c->ids[d], df);
		size_t at, g = p->group_of[d];
		int gc = p->gr->g[g].cls;

		if (m < 0 || f < 0)
			continue;
		at = (size_t)m * nf + (size_t)f;
		if (count[at]++ == 0 || g < first[at]) {
			first[at] = g;
			cls[at] = gc;
		}
	}
	sb_puts(b, "<h2 id=\"matrix\">Mapping &#215; flags: the rows shown, "
	    "coloured by the most severe class of their group</h2>\n<div "
	    "class=\"wide\"><table class=\"mx\"><tr><th>mapping \\ flags</th>");
	for (size_t f = 0; f < nf; f++) {
		sb_puts(b, "<th>");
		esc(b, t->values[df][f]);
		sb_puts(b, "</th>");
	}
	sb_puts(b, "</tr>\n");
	for (size_t m = 0; m < nm; m++) {
		int any = 0;

		for (size_t f = 0; f < nf; f++)
			any |= count[m * nf + f] > 0;
		if (!any)
			continue;
		sb_puts(b, "<tr><th>");
		esc(b, t->values[dm][m]);
		sb_puts(b, "</th>");
		for (size_t f = 0; f < nf; f++) {
			size_t at = m * nf + f;
			int k = count[at] ? cls[at] : -1;

			if (count[at] == 0) {
				sb_puts(b, "<td></td>");
				continue;
			}
			if (k >= NSEV_COLOURS)
				k = NSEV_COLOURS - 1;
			if (k >= 0)
				sb_printf(b, "<td class=\"s%d\"", k);
			else
				sb_puts(b, "<td class=\"sx\"");
			sb_puts(b, " title=\"");
			esc(b, grouping_class_title(t, cls[at]));
			sb_printf(b, "\"><a href=\"#g%zu\">%zu</a></td>",
			    first[at] + 1, count[at]);
		}
		sb_puts(b, "</tr>\n");
	}
	sb_puts(b, "</table></div>\n<p class=\"closest\">");
	for (int k = 0; t != NULL && k < t->nclasses; k++) {
		sb_printf(b, "<span class=\"sev s%d\">",
		    k < NSEV_COLOURS ? k : NSEV_COLOURS - 1);
		esc(b, t->class_title[k]);
		sb_puts(b, "</span> ");
	}
	sb_puts(b, "<span class=\"sev sx\">no finding</span>  A cell counts "
	    "the rows of that mapping and flags; it links to the most severe "
	    "group holding one.</p>\n");
	free(count);
	free(first);
	free(cls);
}

static void
sev_badge(struct sbuf *b, const struct tview *t, int cls)
{
	if (cls >= 0)
		sb_printf(b, "<span class=\"sev s%d\">",
		    cls < NSEV_COLOURS ? cls : NSEV_COLOURS - 1);
	else
		sb_puts(b, "<span class=\"sev sx\">");
	esc(b, grouping_class_title(t, cls));
	sb_puts(b, "</span>");
}

/* The index: one line a group, linked. */
static void
index_of(struct page *p)
{
	const struct grouping *gr = p->gr;
	const struct cmp *c = p->c;
	struct sbuf *b = p->b;

	sb_printf(b, "<h2 id=\"index\">%zu of %zu cases %s, in %zu group%s, "
	    "most severe first, then largest</h2>\n", c->ndiff, c->total,
	    p->o->what, gr->n, gr->n == 1 ? "" : "s");
	if (p->o->f != NULL) {
		const struct findings *f = p->o->f;

		sb_printf(b, "<p>cases with an outcome: %zu = %zu accepted + %zu "
		    "on which no document speaks + %zu findings; cases without "
		    "an outcome: %zu, never findings</p>\n", f->judged,
		    f->accepted, f->unspoken, f->found, f->unobserved);
	}
	if (gr->n == 0) {
		sb_puts(b, "<p>none</p>\n");
		return;
	}
	sb_printf(b, "<div class=\"wide\"><table class=\"index num\"><tr><th>#"
	    "</th><th>class</th><th>cases</th><th>what</th>%s</tr>\n",
	    p->o->known ? "<th>known</th>" : "");
	for (size_t i = 0; i < gr->n; i++) {
		struct sbuf l = {0};

		group_line(gr, c, p->o->t, &gr->g[i], &l);
		sb_printf(b, "<tr><td><a href=\"#g%zu\">%zu</a></td><td>", i + 1,
		    i + 1);
		sev_badge(b, p->o->t, gr->g[i].cls);
		sb_printf(b, "</td><td>%zu</td><td style=\"text-align:left\">",
		    gr->g[i].n);
		esc(b, l.p);
		if (p->o->known) {
			l.len = 0;
			known_labels(p->o->known, c, &gr->g[i], &l);
			sb_puts(b, "</td><td style=\"text-align:left\">");
			esc(b, l.p);
		}
		sb_puts(b, "</td></tr>\n");
		sb_free(&l);
	}
	sb_puts(b, "</table></div>\n");
}

/* Report i's cell over the group: its outcome (the same on every row),
 * coloured per variant by whether all, some or none of the rows match. */
static void
group_cell(struct page *p, const struct group *g, int i)
{
	const struct cmp *c = p->c;
	const struct report *r = c->reps[i];
	const struct row *w = cell_of(c, g->rows[0], i);
	const struct row *w1 = cell_of(c, g->rows[0], 0);
	struct sbuf cls = {0}, title = {0}, s = {0};

	if (r->expected)
		sb_puts(&cls, " exp");
	if (i > 0 && cells_differ(c->reps[0], w1, r, w))
		sb_puts(&cls, " d");
	for (int k = 0; w && report_has_outcome(w) && k < p->nv; k++) {
		vmask bit = bit_of(p, i, k);
		size_t m = 0, ct = 0;

		for (size_t j = 0; bit && j < g->n; j++) {
			const struct row *x = cell_of(c, g->rows[j], i);

			m += (x->matches & bit) != 0;
			ct += (x->contradicts & bit) != 0;
		}
		if (m == g->n)
			sb_printf(&cls, " m%d", k);
		else if (ct == g->n)
			sb_printf(&cls, " c%d", k);
		else if (m > 0)
			sb_printf(&cls, " p%d", k);
	}
	sb_puts(p->b, "<td");
	if (cls.len)
		sb_printf(p->b, " class=\"%s\"", cls.p + 1);
	sb_puts(p->b, " data-n=\"");
	name_of(p->b, c, i);
	sb_putc(p->b, '"');
	if (w && !r->expected && !report_has_outcome(w)) {
		if (w->reason != NULL && strcmp(w->reason, "-") != 0)
			sb_puts(&title, w->reason);
	} else if (w && !r->expected) {
		sb_puts(&title, "matches ");
		group_matches(c, g, i, &title);
	}
	if (title.len) {
		sb_puts(p->b, " title=\"");
		esc(p->b, title.p);
		sb_putc(p->b, '"');
	}
	sb_putc(p->b, '>');
	if (w != NULL)
		row_shown(r, w, &s);
	esc(p->b, w ? s.p : "absent");
	sb_puts(p->b, "</td>");
	sb_free(&cls);
	sb_free(&title);
	sb_free(&s);
}

/* Whether the observed reports agree on the group (only expected reports
 * differ): such groups hide with the expected reports' columns. */
static int
observed_agree(const struct cmp *c, size_t d)
{
	int first = -1;

	for (int i = 0; i < c->n; i++) {
		if (c->reps[i]->expected)
			continue;
		if (first >= 0 && cells_differ(c->reps[first], cell_of(c, d, first),
		    c->reps[i], cell_of(c, d, i)))
			return 0;
		if (first < 0)
			first = i;
	}
	return first >= 0 && c->n > 1;
}

/* "rule-linux.tbl-31" of "t/variants/linux.tbl:31" */
static void
rule_anchor(struct sbuf *b, const char *where)
{
	const char *s = strrchr(where, '/');

	sb_puts(b, "rule-");
	for (s = s ? s + 1 : where; *s; s++)
		sb_putc(b, *s == ':' ? '-' : *s);
}

/* The judges' expectations of the group, each rule cited in full. */
static void
documents(struct page *p, const struct group *g)
{
	const struct tview *t = p->o->t;
	const struct grouping *gr = p->gr;
	const char *id = p->c->ids[g->rows[0]];
	struct sbuf *b = p->b, silent = {0};

	sb_puts(b, "<div class=\"docs\">");
	for (int j = 0; j < gr->njudges; j++) {
		struct expectation x;
		struct sbuf s = {0};

		if (t->lookup(id, gr->judge[j], &x) != 0)
			continue;
		if (x.accept == NULL) {
			sb_printf(&silent, "%s%s", silent.len ? ", " : "",
			    gr->judge[j]);
			continue;
		}
		sb_puts(b, "<p><b>");
		esc(b, gr->judge[j]);
		sb_puts(b, "</b> ");
		tv_expects(&x, &s);
		esc(b, s.p);
		for (int r = 0; r < x.nrules; r++) {
			sb_puts(b, "<small>");
			esc(b, x.where[r]);
			sb_puts(b, ": ");
			esc(b, x.cite[r]);
			sb_puts(b, "</small>");
		}
		sb_puts(b, "</p>");
		sb_free(&s);
	}
	if (silent.len) {
		sb_puts(b, "<p>silent: ");
		esc(b, silent.p);
		sb_puts(b, "</p>");
	}
	sb_puts(b, "</div>\n");
	sb_free(&silent);
}

static int
is_judge(const struct grouping *gr, const char *name)
{
	for (int j = 0; j < gr->njudges; j++)
		if (strcmp(gr->judge[j], name) == 0)
			return 1;
	return 0;
}

/* The other variants' expectations over the group: each distinct one with
 * its count, linked to the rules cited at the end of the page. */
static void
implementations(struct page *p, const struct group *g)
{
	const struct tview *t = p->o->t;
	const struct cmp *c = p->c;
	struct sbuf *b = p->b;
	size_t *first = xmalloc(g->n * sizeof *first);
	size_t *count = xmalloc(g->n * sizeof *count);
	int shown = 0;

	for (int k = 0; k < p->nv; k++) {
		const char *name = p->vname[k];
		size_t nk;

		if (is_judge(p->gr, name))
			continue;
		nk = compare_expectations(c, t, name, g->rows, g->n, first, count);
		for (size_t j = 0; j < nk; j++) {
			struct expectation x;
			struct sbuf s = {0};

			t->lookup(c->ids[first[j]], name, &x);
			sb_puts(b, !shown++ ? "<p class=\"impl\">" : j ? "; " :
			    " &#183; ");
			if (j == 0) {
				sb_puts(b, "<b>");
				esc(b, name);
				sb_puts(b, "</b> ");
			}
			tv_expects(&x, &s);
			esc(b, strncmp(s.p, "expects ", 8) == 0 ? s.p + 8 : s.p);
			if (nk > 1)
				sb_printf(b, " (%zu)", count[j]);
			for (int r = 0; r < x.nrules; r++) {
				const char *base = strrchr(x.where[r], '/');

				s.len = 0;
				rule_anchor(&s, x.where[r]);
				sb_printf(b, " <a href=\"#%s\">", s.p);
				esc(b, base ? base + 1 : x.where[r]);
				sb_puts(b, "</a>");
			}
			sb_free(&s);
		}
	}
	if (shown)
		sb_puts(b, "</p>\n");
	free(first);
	free(count);
}

/* Which known lines explain the group's rows. */
static void
known_of(struct page *p, const struct group *g)
{
	const struct known *k = p->o->known;
	size_t *n;

	if (k == NULL)
		return;
	n = xmalloc((k->n + 1) * sizeof *n);
	if (known_count(k, p->c, g, n) == 0)
		sb_puts(p->b, "<p class=\"known\">no known difference explains "
		    "it</p>\n");
	for (size_t i = 0; i < k->n; i++) {
		if (n[i] == 0)
			continue;
		sb_printf(p->b, "<p class=\"known\">known, %zu of %zu: ", n[i],
		    g->n);
		esc(p->b, k->l[i].report);
		sb_puts(p->b, ": ");
		esc(p->b, k->l[i].class);
		sb_puts(p->b, ": ");
		esc(p->b, k->l[i].text);
		sb_puts(p->b, " (");
		esc(p->b, k->l[i].link);
		sb_puts(p->b, ")</p>\n");
	}
	free(n);
}

static void
group(struct page *p, size_t gi)
{
	const struct group *g = &p->gr->g[gi];
	const struct cmp *c = p->c;
	const struct tview *t = p->o->t;
	struct sbuf *b = p->b, l = {0};
	const char *eg = c->ids[group_example(c, g)];

	sb_printf(b, "<section class=\"g%s\" id=\"g%zu\"><h3><a class=\"n\" "
	    "href=\"#g%zu\">%zu</a>", observed_agree(c, g->rows[0]) ? " same" :
	    "", gi + 1, gi + 1, gi + 1);
	sev_badge(b, t, g->cls);
	sb_printf(b, " <b>%zu case%s</b>: ", g->n, g->n == 1 ? "" : "s");
	group_line(p->gr, c, t, g, &l);
	esc(b, l.p);
	sb_puts(b, "</h3>\n");
	if (t != NULL) {
		const char **ids = group_ids(c, g);

		l.len = 0;
		tv_span(t, ids, g->n, "", &l);
		sb_puts(b, "<pre class=\"span\">");
		esc(b, l.p ? l.p : "");
		sb_puts(b, "</pre>\n");
		free(ids);
	}
	sb_puts(b, "<table class=\"cells\">");
	colgroup(b, c);
	sb_puts(b, "<tr>");
	for (int i = 0; i < c->n; i++)
		group_cell(p, g, i);
	sb_puts(b, "</tr></table>\n");
	if (c->n == 1 && cell_of(c, g->rows[0], 0) != NULL &&
	    report_has_outcome(cell_of(c, g->rows[0], 0))) {
		l.len = 0;
		findings_did(cell_of(c, g->rows[0], 0)->observed, &l);
		sb_puts(&l, "; matches ");
		group_matches(c, g, 0, &l);
		sb_puts(b, "<p>");
		esc(b, l.p);
		sb_puts(b, "</p>\n");
	}
	for (int i = 0; i < c->n; i++) {
		const struct row *w = cell_of(c, g->rows[0], i);

		if (w == NULL || c->reps[i]->expected || report_has_outcome(w) ||
		    w->reason == NULL || strcmp(w->reason, "-") == 0)
			continue;
		sb_puts(b, "<p class=\"reason\">");
		name_of(b, c, i);
		sb_printf(b, " (%s): ", row_kind(w));
		esc(b, w->reason);
		sb_puts(b, "</p>\n");
	}
	if (t != NULL) {
		documents(p, g);
		implementations(p, g);
	}
	known_of(p, g);
	l.len = 0;
	findings_explain_cmd(eg, c->names[0], &l);
	sb_puts(b, "<p class=\"cmd\">e.g. <code>");
	esc(b, l.p);
	l.len = 0;
	findings_reproduce_cmd(eg, NULL, &l);
	sb_puts(b, "</code><code>");
	esc(b, l.p);
	sb_printf(b, "</code></p>\n<details open><summary>%zu case%s</summary>"
	    "<ol class=\"ids\">", g->n, g->n == 1 ? "" : "s");
	for (size_t k = 0; k < g->n; k++) {
		const struct row *w = cell_of(c, g->rows[k], 0);

		sb_puts(b, "<li id=\"case-");
		esc(b, c->ids[g->rows[k]]);
		sb_puts(b, "\">");
		esc(b, c->ids[g->rows[k]]);
		if (c->n == 1 && w != NULL && strcmp(w->obs, "-") != 0) {
			sb_puts(b, "<small>");
			esc(b, w->obs);
			sb_puts(b, "</small>");
		}
		sb_puts(b, "</li>");
	}
	sb_puts(b, "</ol></details></section>\n");
	sb_free(&l);
}

/* The implementations' rules the groups link to, each cited once. */
static void
rules(struct page *p)
{
	const struct tview *t = p->o->t;
	const struct cmp *c = p->c;
	struct sbuf *b = p->b, seen = {0};
	int any = 0;

	if (t == NULL)
		return;
	sb_putc(&seen, '\n');
	for (int k = 0; k < p->nv; k++) {
		if (is_judge(p->gr, p->vname[k]))
			continue;
		for (size_t d = 0; d < c->ndiff; d++) {
			struct expectation x;

			if (t->lookup(c->ids[d], p->vname[k], &x) != 0)
				continue;
			for (int r = 0; r < x.nrules; r++) {
				struct sbuf key = {0};

				sb_printf(&key, "\n%s\n", x.where[r]);
				if (strstr(seen.p, key.p) != NULL) {
					sb_free(&key);
					continue;
				}
				sb_puts(&seen, key.p + 1);
				sb_free(&key);
				if (!any++)
					sb_puts(b, "<h2 id=\"rules\">The "
					    "implementations' rules cited above"
					    "</h2>\n<dl class=\"rules\">");
				key.len = 0;
				rule_anchor(&key, x.where[r]);
				sb_printf(b, "<dt id=\"%s\">", key.p);
				esc(b, x.where[r]);
				sb_puts(b, " (");
				esc(b, p->vname[k]);
				sb_puts(b, ")</dt><dd>");
				esc(b, x.cite[r]);
				sb_puts(b, "</dd>\n");
				sb_free(&key);
			}
		}
	}
	if (any)
		sb_puts(b, "</dl>\n");
	sb_free(&seen);
}

void
html_write(const struct cmp *c, const struct grouping *gr,
    const struct html_opts *o, struct sbuf *b)
{
	struct page p;
	int pick;

	memset(&p, 0, sizeof p);
	p.c = c;
	p.gr = gr;
	p.o = o;
	p.b = b;
	p.nv = compare_variants(c, p.vname);
	p.idx = xmalloc((size_t)(c->n * p.nv + 1) * sizeof *p.idx);
	for (int i = 0; i < c->n; i++)
		for (int k = 0; k < p.nv; k++)
			p.idx[i * p.nv + k] = report_variant_index(c->reps[i],
			    p.vname[k]);
	p.group_of = xmalloc((c->ndiff + 1) * sizeof *p.group_of);
	for (size_t g = 0; g < gr->n; g++)
		for (size_t k = 0; k < gr->g[g].n; k++)
			p.group_of[gr->g[g].rows[k]] = g;
	pick = default_variant(&p);
	sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	esc(b, o->title);
	sb_puts(b, "</title>\n");
	style(&p);
	sb_puts(b, "</head>\n<body>\n");
	header(&p, pick);
	sb_puts(b, "<main>\n");
	tested(&p);
	summary(&p);
	matrix(&p);
	index_of(&p);
	if (gr->n > 0)
		sb_printf(b, "<h2 id=\"groups\">The groups</h2>\n<p>Each group "
		    "holds the cases where every report observed the same and the "
		    "documents expect the same, on the same rules; a cell's colour "
		    "says whether its outcome matches the variant chosen above on "
		    "all of the group's cases (green), some (amber) or none (red); "
		    "hover a cell for the variants that match.  Bold: differs from "
		    "report 1.  A group's and a case's address: #g3, #case-ID.</p>"
		    "\n");
	for (size_t i = 0; i < gr->n; i++)
		group(&p, i);
	rules(&p);
	sb_puts(b, "</main>\n</body>\n</html>\n");
	free(p.idx);
	free(p.group_of);
}

int
html_write_report(const struct report *r, const char *name,
    const struct tview *t, struct sbuf *b, struct err *e)
{
	struct findings f;
	struct html_opts o;
	struct sbuf title = {0};

	if (findings_build(&f, r, name, t, NULL, e) != 0)
		return -1;
	sb_printf(&title, "msync-report: %s", name);
	memset(&o, 0, sizeof o);
	o.t = t;
	o.title = title.p;
	o.what = "are findings (no document accepts the outcome)";
	o.f = &f;
	html_write(&f.cmp, &f.groups, &o, b);
	findings_free(&f);
	sb_free(&title);
	return 0;
}
