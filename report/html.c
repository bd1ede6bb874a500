/* No script and nothing fetched: a radio button per variant and CSS
 * sibling selectors colour each cell by whether its outcome matches (green)
 * or contradicts (red) the chosen variant; grey cells are silent. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "compare.h"
#include "html.h"
#include "report.h"

static void esc(struct sbuf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': sb_puts(b, "&amp;"); break;
		case '<': sb_puts(b, "&lt;"); break;
		case '>': sb_puts(b, "&gt;"); break;
		case '"': sb_puts(b, "&quot;"); break;
		case '\'': sb_puts(b, "&#39;"); break;
		default: sb_putc(b, *s);
		}
}

/* The variants of all reports, in order of first appearance. */
struct uni {
	int n;
	const char **name;
	int *idx;   /* [report * n + u]: that variant's index there, or -1 */
};

static void uni_build(struct uni *u, const struct cmp *c)
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

static void style(struct sbuf *b, const struct uni *u)
{
	sb_puts(b, "<style>\n"
		"body{font-family:sans-serif;margin:1em;color:#222}\n"
		"table{border-collapse:collapse;font-size:13px;margin-top:1em}\n"
		"th,td{border:1px solid #bbb;padding:2px 6px;"
		"vertical-align:top;text-align:left}\n"
		"th{background:#f4f4f4}\n"
		"td{background:#eee}\n"
		"td small,th small{display:block;color:#555;font-weight:normal}\n"
		"td.d{font-weight:bold}\n"
		"td.id{background:#fff;font-family:monospace}\n"
		"label{margin-right:.8em}\n"
		"input:checked+label{font-weight:bold;text-decoration:underline}\n"
		".m{background:#bfe6bf}.c{background:#f4b6b6}.s{background:#eee}\n"
		".key span{padding:0 .5em;margin-right:.5em}\n");
	for (int k = 0; k < u->n; k++)
		sb_printf(b, "#v%d:checked~table td.m%d{background:#bfe6bf}\n"
			  "#v%d:checked~table td.c%d{background:#f4b6b6}\n",
			  k, k, k, k);
	sb_puts(b, "</style>\n");
}

static void cell(struct sbuf *b, const struct cmp *c, const struct uni *u,
		 size_t d, int i)
{
	const struct report *r = c->reps[i];
	const struct row *w = c->cells[d * (size_t)c->n + i];
	const struct row *first = c->cells[d * (size_t)c->n];
	const char *sep = "";
	sb_puts(b, "<td class=\"");
	if (i > 0 && cells_differ(c->reps[0], first, r, w)) {
		sb_puts(b, "d");
		sep = " ";
	}
	for (int k = 0; w && k < u->n; k++) {
		int v = u->idx[i * u->n + k];
		vmask bit = v >= 0 ? (vmask)1 << v : 0;
		if (w->matches & bit || w->contradicts & bit) {
			sb_printf(b, "%s%c%d", sep, w->matches & bit ? 'm' : 'c',
				  k);
			sep = " ";
		}
	}
	sb_putc(b, '"');
	const char *title = w ? w->obs : "absent from this report";
	if (strcmp(title, "-") != 0) {
		sb_puts(b, " title=\"");
		esc(b, title);
		sb_putc(b, '"');
	}
	sb_putc(b, '>');
	esc(b, w ? w->observed : "absent");
	if (w && !r->expected)
		sb_printf(b, " <small>%s</small>", w->verdict);
	struct sbuf m = {0};
	mask_format(r, w ? w->matches : 0, &m);
	sb_puts(b, "<small>matches: ");
	esc(b, m.p);
	sb_puts(b, "</small></td>");
	sb_free(&m);
}

void html_write(const struct cmp *c, struct sbuf *b)
{
	struct uni u;
	uni_build(&u, c);
	sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		"<meta charset=\"utf-8\">\n<title>msync-report compare</title>\n");
	style(b, &u);
	sb_puts(b, "</head>\n<body>\n<h1>msync-report compare</h1>\n");
	sb_printf(b, "<p>%zu of %zu cases differ between %d reports; only "
		  "they are shown.  Bold: differs from report 1.  Hover a "
		  "cell for its observation.</p>\n", c->ndiff, c->total, c->n);
	sb_puts(b, "<p class=\"key\"><span class=\"m\">matches</span>"
		"<span class=\"c\">contradicts</span><span class=\"s\">silent"
		" or no outcome</span>the variant chosen here:</p>\n");
	for (int k = 0; k < u.n; k++) {
		sb_printf(b, "<input type=\"radio\" name=\"v\" id=\"v%d\"%s>"
			  "<label for=\"v%d\">", k, k ? "" : " checked", k);
		esc(b, u.name[k]);
		sb_puts(b, "</label>\n");
	}
	sb_puts(b, "<table>\n<tr><th>case</th>");
	for (int i = 0; i < c->n; i++) {
		struct sbuf d = {0};
		report_describe(c->reps[i], &d);
		sb_printf(b, "<th>%d: ", i + 1);
		esc(b, c->names[i]);
		sb_puts(b, "<small>");
		esc(b, d.p);
		sb_puts(b, "</small></th>");
		sb_free(&d);
	}
	sb_puts(b, "</tr>\n");
	for (size_t d = 0; d < c->ndiff; d++) {
		sb_puts(b, "<tr><td class=\"id\">");
		esc(b, c->ids[d]);
		sb_puts(b, "</td>");
		for (int i = 0; i < c->n; i++)
			cell(b, c, &u, d, i);
		sb_puts(b, "</tr>\n");
	}
	if (c->ndiff == 0)
		sb_printf(b, "<tr><td colspan=\"%d\">no differences</td></tr>\n",
			  c->n + 1);
	sb_puts(b, "</table>\n</body>\n</html>\n");
	free(u.name);
	free(u.idx);
}
