/* The expected report of one variant, from the generator's
 * t/expectations.tsv. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "expect.h"
#include "report.h"

struct ctx {
	const char *path;
	unsigned long line;
	struct report *r;
	struct err *e;
	int k;                      /* the variant the report is for */
	char *cell[MAX_VARIANTS];   /* this line's sets, "-" when silent */
};

static int
bad(struct ctx *c, const char *why, const char *what)
{
	return errf(c->e, "%s:%lu: %s%s%s%s", c->path, c->line, why,
	    what ? " '" : "", what ? what : "", what ? "'" : "");
}

/* "# id<TAB>netbsd-5.1:document<TAB>...<TAB>linux:implementation..." */
static int
parse_header(struct ctx *c, char *line, const char *variant)
{
	char *cur = line, *f = split_field(&cur, '\t'), *colon;
	struct err why;

	if (strcmp(f, "# id") != 0)
		return bad(c, "not an expectations file (the first line must "
		    "start with '# id')", NULL);
	while ((f = split_field(&cur, '\t')) != NULL) {
		colon = strrchr(f, ':');
		if (colon == NULL || (strcmp(colon, ":document") != 0 &&
		    strcmp(colon, ":implementation") != 0))
			return bad(c, "expected VARIANT:document or "
			    "VARIANT:implementation, not", f);
		*colon = '\0';
		if (report_add_variant(c->r, f, &why) != 0)
			return bad(c, why.msg, NULL);
	}
	if (c->r->nvariants == 0)
		return bad(c, "no variants in the header", NULL);
	if ((c->k = report_variant_index(c->r, variant)) < 0) {
		struct sbuf known = {0};

		for (int v = 0; v < c->r->nvariants; v++)
			sb_printf(&known, "%s%s", v ? ", " : "",
			    c->r->variants[v]);
		errf(c->e, "%s: no variant '%s' in this file (it has: %s)",
		    c->path, variant, known.p);
		sb_free(&known);
		return -1;
	}
	return 0;
}

/* "id<TAB>netbsd-5.1=EINVAL<TAB>aix=EINVAL|ENOMEM<TAB>svr4=-<TAB>..." */
static int
parse_case(struct ctx *c, char *line)
{
	struct report *r = c->r;
	char *cur = line, *id = split_field(&cur, '\t'), *f;
	const char *mine;
	struct row *w;
	struct err why;
	int n = 0, silent;
	size_t len;

	if (!valid_id(id))
		return bad(c, "invalid case id", id);
	while ((f = split_field(&cur, '\t')) != NULL) {
		if (n == r->nvariants)
			return bad(c, "more fields than variants", NULL);
		len = strlen(r->variants[n]);
		if (strncmp(f, r->variants[n], len) != 0 || f[len] != '=')
			return errf(c->e, "%s:%lu: field %d must be '%s=...', "
			    "not '%s'", c->path, c->line, n + 2,
			    r->variants[n], f);
		c->cell[n] = f + len + 1;
		if (strcmp(c->cell[n], "-") != 0 &&
		    !valid_outcome_set(c->cell[n]))
			return bad(c, "invalid outcome set", f);
		n++;
	}
	if (n != r->nvariants)
		return bad(c, "fewer fields than variants", NULL);
	mine = c->cell[c->k];
	silent = strcmp(mine, "-") == 0;
	w = report_add_row(r);
	w->id = xstrdup(id);
	w->observed = xstrdup(silent ? MH_SILENT_WORD : mine);
	w->verdict = xstrdup("-");
	w->obs = xstrdup("-");
	w->reason = xstrdup("-");
	w->line = c->line;
	for (int v = 0; v < r->nvariants && !silent; v++) {
		if (strcmp(c->cell[v], "-") == 0)
			continue;
		if (outcome_compatible(mine, c->cell[v]))
			w->matches |= (vmask)1 << v;
		else
			w->contradicts |= (vmask)1 << v;
	}
	if (report_check_row(r, w, &why) != 0)
		return bad(c, why.msg, NULL);
	return 0;
}

static int
parse(struct ctx *c, char *text, const char *variant)
{
	char *cur = text, *nl;
	int rc;

	for (c->line = 1; *cur != '\0'; c->line++) {
		nl = strchr(cur, '\n');
		if (nl == NULL)
			return bad(c, "truncated (no newline at the end of the "
			    "file)", NULL);
		*nl = '\0';
		if (nl > cur && nl[-1] == '\r')
			return bad(c, "carriage return at the end of the line "
			    "(the file has LF line ends)", NULL);
		rc = c->line == 1 ? parse_header(c, cur, variant) :
		    parse_case(c, cur);
		if (rc != 0)
			return rc;
		cur = nl + 1;
	}
	if (c->line == 1)
		return bad(c, "empty file", NULL);
	if (c->r->nrows == 0)
		return bad(c, "no cases", NULL);
	report_sort(c->r);
	for (size_t i = 1; i < c->r->nrows; i++) {
		const struct row *a = &c->r->rows[i - 1], *b = &c->r->rows[i];
		unsigned long first = a->line < b->line ? a->line : b->line;
		unsigned long again = a->line < b->line ? b->line : a->line;

		if (strcmp(a->id, b->id) == 0)
			return errf(c->e, "%s:%lu: duplicate case id '%s' "
			    "(first on line %lu)", c->path, again,
			    a->id, first);
	}
	return 0;
}

int
expect_load(const char *path, const char *variant, struct report *r,
    struct err *e)
{
	struct ctx c = { .path = path, .r = r, .e = e };
	struct sbuf text = {0};
	int rc;

	report_init(r);
	if (!valid_variant_name(variant)) {
		report_free(r);
		return errf(e, "invalid variant name '%s'", variant);
	}
	r->expected = xstrdup(variant);
	rc = file_read(path, &text, e);
	if (rc == 0 && strlen(text.p) != text.len) {
		c.line = 1;
		for (const char *q = text.p; *q; q++)
			c.line += *q == '\n';
		rc = bad(&c, "NUL byte", NULL);
	}
	if (rc == 0)
		rc = parse(&c, text.p, variant);
	sb_free(&text);
	if (rc != 0)
		report_free(r);
	return rc;
}
