/* The generated case table (t/cases.c) seen through report/tview.h: case
 * lookup by id, each variant's expectation with its rules' citations, the
 * dimensions and their values. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "casetable.h"
#include "report.h"
#include "table.h"
#include "tview.h"

/* The dimensions, as struct mh_case holds them and ids name them. */
static const struct {
	const char *name;
	int optional;
} dims[] = {
	{ "mapping", 0 }, { "flags", 0 }, { "range", 0 }, { "lock", 0 },
	{ "check", 1 },
};
#define NDIMS (int)(sizeof dims / sizeof *dims)

static const struct mh_case **byid;	/* the cases sorted by id */
static struct tview view;
static const char **values[NDIMS];

static int
case_cmp(const void *a, const void *b)
{
	const struct mh_case *const *x = a, *const *y = b;

	return strcmp((*x)->id, (*y)->id);
}

static int
id_cmp(const void *key, const void *elt)
{
	const struct mh_case *const *c = elt;

	return strcmp(key, (*c)->id);
}

static const struct mh_case *
find(const char *id)
{
	const struct mh_case *const *c;

	table_view();
	c = bsearch(id, byid, mh_table.ncases, sizeof *byid, id_cmp);
	return c ? *c : NULL;
}

static int
variant_index(const char *name)
{
	for (unsigned v = 0; v < mh_table.nvariants; v++)
		if (strcmp(mh_table.variants[v].name, name) == 0)
			return (int)v;
	return -1;
}

static int
lookup(const char *id, const char *variant, struct expectation *x)
{
	const struct mh_case *c = find(id);
	const struct mh_expect *e;
	int v = variant_index(variant);

	if (c == NULL || v < 0)
		return -1;
	e = mh_expect_of(&mh_table, c, (unsigned)v);
	memset(x, 0, sizeof *x);
	x->accept = e->accept;
	x->document = mh_table.variants[v].document;
	for (unsigned r = 0; r < e->nrules && r < TV_MAXRULES; r++) {
		x->where[r] = mh_table.rules[e->rule[r]].where;
		x->cite[r] = mh_table.rules[e->rule[r]].cite;
		x->nrules++;
	}
	return 0;
}

/* Each dimension's values in the order the table first uses them. */
static void
collect_values(void)
{
	char buf[64];

	for (int d = 0; d < NDIMS; d++) {
		int n = 0;

		values[d] = xmalloc(mh_table.ncases * sizeof *values[d]);
		view.values[d] = values[d];
		for (unsigned i = 0; i < mh_table.ncases; i++) {
			const char *v = tv_value(&view, mh_table.cases[i].id, d,
			    buf, sizeof buf);
			int k;

			for (k = 0; k < n; k++)
				if (v == NULL ? values[d][k] == NULL :
				    values[d][k] != NULL &&
				    strcmp(values[d][k], v) == 0)
					break;
			if (k == n)
				values[d][n++] = v ? xstrdup(v) : NULL;
		}
		view.nvalues[d] = n;
	}
}

const struct tview *
table_view(void)
{
	if (byid != NULL)
		return &view;
	byid = xmalloc(mh_table.ncases * sizeof *byid);
	for (unsigned i = 0; i < mh_table.ncases; i++)
		byid[i] = &mh_table.cases[i];
	qsort(byid, mh_table.ncases, sizeof *byid, case_cmp);
	view.lookup = lookup;
	view.is_document = table_is_document;
	view.describe = table_describe;
	view.ndims = NDIMS;
	for (int d = 0; d < NDIMS; d++) {
		view.dim[d] = dims[d].name;
		view.optional[d] = dims[d].optional;
	}
	collect_values();
	return &view;
}

int
table_has_case(const char *id)
{
	return find(id) != NULL;
}

int
table_is_document(const char *name)
{
	int v = variant_index(name);

	return v < 0 ? -1 : mh_table.variants[v].document;
}

int
table_nvariants(void)
{
	return (int)mh_table.nvariants;
}

const char *
table_variant(int v)
{
	return mh_table.variants[v].name;
}

const char *
table_variant_title(int v)
{
	return mh_table.variants[v].title;
}

/* The sentence the case's ATF description begins with (lib/casetable.c). */
void
table_describe(const char *id, struct sbuf *out)
{
	const struct mh_case *c = find(id);
	char *d;
	int n;

	if (c == NULL || (n = mh_describe(c, NULL, 0)) < 0)
		return;
	d = xmalloc((size_t)n + 1);
	mh_describe(c, d, (size_t)n + 1);
	sb_puts(out, d);
	free(d);
}
