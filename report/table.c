/* The generated case table (t/cases.c) seen through report/tview.h: case
 * lookup by id, each variant's expectation with its rules' citations, the
 * dimensions and their values. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "casetable.h"
#include "report.h"
#include "table.h"
#include "tview.h"

static const struct mh_case **byid;	/* the cases sorted by id */
static const char **names;		/* the variants' */
static struct tview view;

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
	for (unsigned r = 0; r < e->nrules && r < MH_MAXRULES; r++) {
		x->where[r] = mh_table.rules[e->rule[r]].where;
		x->cite[r] = mh_table.rules[e->rule[r]].cite;
		x->nrules++;
	}
	return 0;
}

static int
has_case(const char *id)
{
	return find(id) != NULL;
}

static int
is_document(const char *name)
{
	int v = variant_index(name);

	return v < 0 ? -1 : mh_table.variants[v].document;
}

/* The sentence the case's ATF description begins with (lib/casetable.c). */
static void
describe(const char *id, struct sbuf *out)
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

static void
needs(const char *id, struct sbuf *out)
{
	const struct mh_case *c = find(id);
	char *d;
	int n;

	if (c == NULL || (n = mh_needs(&mh_table, c, NULL, 0)) <= 0)
		return;
	d = xmalloc((size_t)n + 1);
	mh_needs(&mh_table, c, d, (size_t)n + 1);
	sb_puts(out, d);
	free(d);
}

static const char *
program(const char *id)
{
	static char name[128];
	const struct mh_case *c = find(id);

	if (c == NULL)
		return NULL;
	for (unsigned g = 0; g < mh_table.ngroups; g++) {
		const struct mh_group *gr = &mh_table.groups[g];
		unsigned i = (unsigned)(c - mh_table.cases);

		if (i >= gr->first && i < gr->first + gr->count) {
			snprintf(name, sizeof name, "%s_test", gr->name);
			return name;
		}
	}
	return NULL;
}

static const char *
case_id(size_t i)
{
	return i < mh_table.ncases ? byid[i]->id : NULL;
}

/* A table larger than a report's view holds is a build error of this
 * msync-report: say so and stop. */
static void
at_most(unsigned n, int max, const char *what)
{
	if (n > (unsigned)max) {
		fprintf(stderr, "msync-report: the case table has %u %s; a "
		    "report reads at most %d\n", n, what, max);
		exit(2);
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
	view.has_case = has_case;
	view.lookup = lookup;
	view.is_document = is_document;
	view.describe = describe;
	view.needs = needs;
	view.program = program;
	view.ncases = mh_table.ncases;
	view.case_id = case_id;
	names = xmalloc(mh_table.nvariants * sizeof *names);
	for (unsigned v = 0; v < mh_table.nvariants; v++)
		names[v] = mh_table.variants[v].name;
	view.nvariants = (int)mh_table.nvariants;
	view.variants = names;
	at_most(mh_table.ndims, TV_MAXDIMS, "dimensions");
	view.ndims = (int)mh_table.ndims;
	for (int d = 0; d < view.ndims; d++) {
		view.dim[d] = mh_table.dims[d].name;
		view.optional[d] = mh_table.dims[d].optional;
		view.values[d] = mh_table.dims[d].values;
		view.nvalues[d] = (int)mh_table.dims[d].nvalues;
		view.dim_what[d] = mh_table.dims[d].what;
		view.texts[d] = mh_table.dims[d].texts;
	}
	at_most(mh_table.nseverities, TV_MAXCLASSES, "severity classes");
	view.nclasses = (int)mh_table.nseverities;
	for (int k = 0; k < view.nclasses; k++) {
		view.class_name[k] = mh_table.severities[k].name;
		view.class_title[k] = mh_table.severities[k].title;
		view.class_words[k] = mh_table.severities[k].words;
	}
	return &view;
}
