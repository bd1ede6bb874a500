/* The canonical report text: writing a report, and reading one back
 * strictly (results/README.md, "The canonical report"), in each format
 * still read. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "canon.h"
#include "report.h"

#define MAGIC "# msync-report "
#define COLUMNS "id\tobserved\tverdict\tmatches\tcontradicts\tobs"
#define REASON_COLUMN "\treason"

/* The columns of a report of the given format. */
static int
ncolumns(int format)
{
	return format >= REASON_FORMAT ? 7 : 6;
}

static const char *
columns(int format)
{
	return format >= REASON_FORMAT ? COLUMNS REASON_COLUMN : COLUMNS;
}

void
canon_write(const struct report *r, struct sbuf *out)
{
	sb_printf(out, MAGIC "%d\n", r->format);
	if (r->expected)
		sb_printf(out, "# kind\texpected %s\n", r->expected);
	else
		sb_puts(out, "# kind\tobserved\n");
	for (int f = 0; f < NFACTS; f++)
		if (fact_since[f] <= r->format)
			sb_printf(out, "# %s\t%s\n", fact_keys[f], r->facts[f]);
	sb_puts(out, "# variants\t");
	for (int v = 0; v < r->nvariants; v++)
		sb_printf(out, "%s%s", v ? " " : "", r->variants[v]);
	sb_puts(out, r->nvariants ? "\n" : "-\n");
	for (int v = 0; r->format >= 2 && v < r->nvariants && r->titles[v]; v++)
		sb_printf(out, "# variant\t%s\t%s\n", r->variants[v], r->titles[v]);
	sb_printf(out, "# columns\t%s\n", columns(r->format));
	for (size_t i = 0; i < r->nrows; i++) {
		const struct row *w = &r->rows[i];

		sb_printf(out, "%s\t%s\t%s\t", w->id, w->observed, w->verdict);
		mask_format(r, w->matches, out);
		sb_putc(out, '\t');
		mask_format(r, w->contradicts, out);
		sb_printf(out, "\t%s", w->obs);
		if (r->format >= REASON_FORMAT)
			sb_printf(out, "\t%s", w->reason);
		sb_putc(out, '\n');
	}
	sb_printf(out, "# end\t%zu\n", r->nrows);
}

/* The parser's position, so every message can say name:line. */
struct pos {
	const char *name;
	unsigned long line;
	struct err *e;
};

static int
bad(struct pos *p, const char *why, const char *what)
{
	return errf(p->e, "%s:%lu: %s%s%s%s", p->name, p->line, why,
	    what ? " '" : "", what ? what : "", what ? "'" : "");
}

/* "# KEY<TAB>VALUE": the value, or NULL. */
static const char *
header_value(const char *line, const char *key)
{
	size_t k = strlen(key);

	if (strncmp(line, "# ", 2) != 0 || strncmp(line + 2, key, k) != 0 ||
	    line[2 + k] != '\t')
		return NULL;
	return line + 3 + k;
}

static int
parse_mask(struct pos *p, const struct report *r, char *s, vmask *m)
{
	int last = -1;
	char *name;

	*m = 0;
	if (strcmp(s, "-") == 0)
		return 0;
	while ((name = split_field(&s, ',')) != NULL) {
		int v = report_variant_index(r, name);

		if (v < 0)
			return bad(p, "unknown variant", name);
		if (v <= last)
			return bad(p, "variant repeated or out of table order",
			    name);
		*m |= (vmask)1 << v;
		last = v;
	}
	return 0;
}

static int
parse_row(struct pos *p, struct report *r, char *line)
{
	char *f[7], *cur = line, *tok;
	int n = 0, want = ncolumns(r->format);
	vmask mt, ct;
	struct row *w;
	struct err why;

	while ((tok = split_field(&cur, '\t')) != NULL) {
		if (n == want)
			return errf(p->e, "%s:%lu: more than %d fields in a case "
			    "line", p->name, p->line, want);
		f[n++] = tok;
	}
	if (n != want)
		return errf(p->e, "%s:%lu: fewer than %d fields in a case line",
		    p->name, p->line, want);
	if (parse_mask(p, r, f[3], &mt) != 0 || parse_mask(p, r, f[4], &ct) != 0)
		return -1;
	w = report_add_row(r);
	w->id = xstrdup(f[0]);
	w->observed = xstrdup(f[1]);
	w->verdict = xstrdup(f[2]);
	w->matches = mt;
	w->contradicts = ct;
	w->obs = xstrdup(f[5]);
	w->reason = n > 6 ? xstrdup(f[6]) : NULL;
	w->line = p->line;
	if (report_check_row(r, w, &why) != 0)
		return bad(p, why.msg, NULL);
	if (r->nrows > 1) {
		const struct row *prev = &r->rows[r->nrows - 2];
		int c = strcmp(prev->id, w->id);

		if (c == 0)
			return errf(p->e, "%s:%lu: duplicate case id '%s' "
			    "(also line %lu)", p->name, p->line, w->id,
			    prev->line);
		if (c > 0)
			return errf(p->e, "%s:%lu: case '%s' out of order "
			    "(after '%s', line %lu)", p->name, p->line,
			    w->id, prev->id, prev->line);
	}
	return 0;
}

/* A report older than the verdict line was judged by an unknown verdict
 * (an expected report by none). */
static int
parse_kind(struct pos *p, struct report *r, const char *v)
{
	if (strcmp(v, "observed") == 0) {
		if (fact_since[F_verdict] > r->format)
			report_set_fact(r, F_verdict, "unknown");
		return 0;
	}
	if (strncmp(v, "expected ", 9) == 0 && valid_variant_name(v + 9)) {
		r->expected = xstrdup(v + 9);
		return 0;
	}
	return bad(p, "kind must be 'observed' or 'expected VARIANT', not", v);
}

/* The list, and the expected variant or the verdict that names one. */
static int
parse_variants(struct pos *p, struct report *r, const char *v)
{
	struct err why;

	if (strcmp(v, "-") != 0) {
		char *copy = xstrdup(v), *cur = copy, *name;

		while ((name = split_field(&cur, ' ')) != NULL)
			if (report_add_variant(r, name, &why) != 0) {
				free(copy);
				return bad(p, why.msg, NULL);
			}
		free(copy);
	}
	if (r->expected && report_variant_index(r, r->expected) < 0)
		return bad(p, "the expected variant is not in the list",
		    r->expected);
	if (report_check_verdict(r, &why) != 0)
		return bad(p, why.msg, NULL);
	return 0;
}

static int
parse_end(struct pos *p, const struct report *r, const char *v)
{
	char want[32];

	snprintf(want, sizeof want, "%zu", r->nrows);
	if (strcmp(v, want) != 0)
		return errf(p->e, "%s:%lu: end line says '%s' cases, the "
		    "report has %zu", p->name, p->line, v, r->nrows);
	return 0;
}

/* "# variant<TAB>NAME<TAB>TITLE" for the next variant in the list, or the
 * columns line that follows the titles (all of them, or none). */
static int
parse_title(struct pos *p, struct report *r, const char *line, int *state)
{
	int v = 0;
	const char *t, *c;
	size_t n;

	while (v < r->nvariants && r->titles[v])
		v++;
	t = r->format >= 2 ? header_value(line, "variant") : NULL;
	if (t == NULL) {
		if (v > 0 && v < r->nvariants)
			return bad(p, "no '# variant' line for", r->variants[v]);
		(*state)++;
		c = header_value(line, "columns");
		if (c == NULL || strcmp(c, columns(r->format)) != 0)
			return errf(p->e, "%s:%lu: expected the '# columns' line, "
			    "naming %s", p->name, p->line, columns(r->format));
		return 0;
	}
	if (v == r->nvariants)
		return bad(p, "'# variant' line for no variant of the list",
		    NULL);
	n = strlen(r->variants[v]);
	if (strncmp(t, r->variants[v], n) != 0 || t[n] != '\t')
		return bad(p, "expected the '# variant' line of",
		    r->variants[v]);
	if (!valid_text(t + n + 1))
		return bad(p, "invalid title of variant", r->variants[v]);
	r->titles[v] = xstrdup(t + n + 1);
	return 0;
}

/* The magic line: one of the formats this reader knows. */
static int
parse_magic(struct pos *p, struct report *r, const char *line)
{
	char want[16];
	const char *v;

	if (strncmp(line, MAGIC, strlen(MAGIC)) != 0)
		return errf(p->e, "%s:%lu: not an msync report (the first line "
		    "must be '" MAGIC "%d')", p->name, p->line, REPORT_FORMAT);
	v = line + strlen(MAGIC);
	for (int f = REPORT_FORMAT_MIN; f <= REPORT_FORMAT; f++) {
		snprintf(want, sizeof want, "%d", f);
		if (strcmp(v, want) == 0) {
			r->format = f;
			return 0;
		}
	}
	return errf(p->e, "%s:%lu: report format '%s' is not supported (this "
	    "msync-report reads formats %d to %d)", p->name, p->line, v,
	    REPORT_FORMAT_MIN, REPORT_FORMAT);
}

/* One line (NUL-terminated, without its newline) at its place in the
 * fixed order: magic, kind, facts, variants, titles, columns, cases, end. */
static int
parse_line(struct pos *p, struct report *r, char *line, int *state)
{
	const char *v;

	if (*state == 0) {
		(*state)++;
		return parse_magic(p, r, line);
	}
	if (*state == 1) {
		if ((v = header_value(line, "kind")) == NULL)
			return bad(p, "expected the '# kind' line", NULL);
		(*state)++;
		return parse_kind(p, r, v);
	}
	while (*state < 2 + NFACTS && fact_since[*state - 2] > r->format)
		(*state)++;   /* a fact of a later format */
	if (*state < 2 + NFACTS) {
		const char *key = fact_keys[*state - 2];

		if ((v = header_value(line, key)) == NULL)
			return errf(p->e, "%s:%lu: expected the '# %s' line",
			    p->name, p->line, key);
		if (!valid_text(v))
			return bad(p, "invalid header value for", key);
		report_set_fact(r, (enum fact)(*state - 2), v);
		(*state)++;
		return 0;
	}
	if (*state == 2 + NFACTS) {
		if ((v = header_value(line, "variants")) == NULL)
			return bad(p, "expected the '# variants' line", NULL);
		(*state)++;
		return parse_variants(p, r, v);
	}
	if (*state == 3 + NFACTS)
		return parse_title(p, r, line, state);
	if (*state == 4 + NFACTS) {
		if (line[0] != '#')
			return parse_row(p, r, line);
		if ((v = header_value(line, "end")) == NULL)
			return bad(p, "unexpected comment among the cases",
			    NULL);
		(*state)++;
		return parse_end(p, r, v);
	}
	return bad(p, "text after the end line", NULL);
}

int
canon_parse(const char *name, const char *data, size_t len,
    struct report *r, struct err *e)
{
	struct pos p = { name, 1, e };
	const char *nul = memchr(data, '\0', len);
	char *copy, *cur;
	int state = 0, rc = 0;

	report_init(r);
	if (nul != NULL) {
		for (const char *q = data; q < nul; q++)
			p.line += *q == '\n';
		bad(&p, "NUL byte", NULL);
		goto fail;
	}
	if (len == 0) {
		bad(&p, "empty file, not an msync report", NULL);
		goto fail;
	}
	copy = cur = xstrndup(data, len);
	while (rc == 0 && *cur != '\0') {
		char *nl = strchr(cur, '\n');

		if (nl == NULL) {
			rc = bad(&p, "truncated (no newline at the end of the "
			    "file)", NULL);
			break;
		}
		*nl = '\0';
		if (nl > cur && nl[-1] == '\r')
			rc = bad(&p, "carriage return at the end of the line "
			    "(a report has LF line ends)", NULL);
		else
			rc = parse_line(&p, r, cur, &state);
		cur = nl + 1;
		p.line++;
	}
	free(copy);
	if (rc == 0 && state != 5 + NFACTS)
		rc = bad(&p, "truncated (no '# end' line)", NULL);
	if (rc == 0)
		return 0;
fail:
	report_free(r);
	return -1;
}
