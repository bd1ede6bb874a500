/* Writing what the case table says: expectations, their citations, and the
 * values of each dimension a set of cases spans. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/grammar.h"
#include "buf.h"
#include "report.h"
#include "tview.h"

void
tv_expects(const struct expectation *x, struct sbuf *out)
{
	const char *p;
	size_t w;

	if (x->accept == NULL) {
		sb_puts(out, "is silent");
		return;
	}
	sb_puts(out, "expects ");
	for (p = x->accept; *p != '\0';) {
		w = strcspn(p, " ");
		if (p != x->accept)
			sb_puts(out, " or ");
		sb_add(out, p, w);
		p += w;
		p += strspn(p, " ");
	}
}

void
tv_rules(const struct expectation *x, const char *indent, struct sbuf *out)
{
	for (int r = 0; r < x->nrules; r++)
		sb_printf(out, "%s%s: %s\n", indent, x->where[r], x->cite[r]);
}

const char *
tv_value(const struct tview *t, const char *id, int d, char *buf, size_t n)
{
	const char *part[TV_MAXDIMS + 1], *p;
	size_t len[TV_MAXDIMS + 1];
	int nparts = 0, nopt = 0, k;

	for (k = 0; k < t->ndims; k++)
		nopt += t->optional[k];
	for (p = id; nparts <= TV_MAXDIMS;) {
		const char *sep = strstr(p, "__");

		part[nparts] = p;
		len[nparts] = sep ? (size_t)(sep - p) : strlen(p);
		nparts++;
		if (sep == NULL)
			break;
		p = sep + 2;
	}
	if (nparts == t->ndims)
		k = d;
	else if (nparts == t->ndims - nopt && nopt > 0) {
		if (t->optional[d])
			return NULL;
		k = 0;
		for (int j = 0; j < d; j++)
			k += !t->optional[j];
	} else
		return NULL;
	if (len[k] == 0 || len[k] >= n)
		return NULL;
	memcpy(buf, part[k], len[k]);
	buf[len[k]] = '\0';
	return buf;
}

/* The index of value v of dimension d, or -1 if the table lacks it. */
static int
value_of(const struct tview *t, int d, const char *v)
{
	for (int k = 0; k < t->nvalues[d]; k++)
		if (strcmp(t->values[d][k], v) == 0)
			return k;
	return -1;
}

int
tv_value_index(const struct tview *t, const char *id, int d)
{
	char buf[64];
	const char *v = tv_value(t, id, d, buf, sizeof buf);

	return v ? value_of(t, d, v) : -1;
}

void
tv_span(const struct tview *t, const char *const *ids, size_t n,
    const char *indent, struct sbuf *out)
{
	char buf[64];

	for (int d = 0; d < t->ndims; d++) {
		int nv = t->nvalues[d], seen = 0, any = 0;
		char *hit = xmalloc((size_t)nv + 1);
		struct sbuf list = {0};

		memset(hit, 0, (size_t)nv + 1);
		for (size_t i = 0; i < n; i++) {
			const char *v = tv_value(t, ids[i], d, buf, sizeof buf);
			int k = 0;

			/* An id leaves an optional dimension out at its first
			 * value. */
			if (v == NULL)
				k = t->optional[d] ? 0 : nv;
			else if ((k = value_of(t, d, v)) < 0)
				k = nv;
			hit[k] = 1;	/* k == nv: a value the table lacks */
			any |= v != NULL;
		}
		if (!any) {
			free(hit);
			continue;
		}
		for (int k = 0; k < nv; k++)
			if (hit[k]) {
				sb_printf(&list, "%s%s", seen ? ", " : "",
				    t->values[d][k]);
				seen++;
			}
		if (hit[nv])
			sb_printf(&list, "%sothers not in the table",
			    seen ? ", " : "");
		if (seen == nv && !hit[nv])
			sb_printf(out, "%s%-9s every value (%d)\n", indent,
			    t->dim[d], nv);
		else
			sb_printf(out, "%s%-9s %s (%d of %d)\n", indent,
			    t->dim[d], list.p, seen, nv);
		sb_free(&list);
		free(hit);
	}
}

void
tv_uniform(const struct tview *t, const char *const *ids, size_t n,
    struct sbuf *out)
{
	char buf[64], first[64];

	for (int d = 0; n > 0 && d < t->ndims; d++) {
		const char *v = tv_value(t, ids[0], d, buf, sizeof buf);
		size_t i;

		if (v == NULL || value_of(t, d, v) < 0)
			continue;
		snprintf(first, sizeof first, "%s", v);
		for (i = 1; i < n; i++) {
			v = tv_value(t, ids[i], d, buf, sizeof buf);
			if (v == NULL || strcmp(v, first) != 0)
				break;
		}
		if (i == n)
			sb_printf(out, "%s%s=%s", out->len ? " " : "", t->dim[d],
			    first);
	}
}

int
tv_success(const char *o)
{
	return strcmp(o, "0") == 0 || mh_word_is(MH_WORD_EFFECT, o);
}

int
tv_errors_only(const struct expectation *x)
{
	const char *p;
	char w[MH_NAMELEN];

	if (x->accept == NULL)
		return 0;
	for (p = x->accept; *p != '\0';) {
		size_t n = strcspn(p, " ");

		snprintf(w, sizeof w, "%.*s", (int)n, p);
		if (tv_success(w))
			return 0;
		p += n;
		p += strspn(p, " ");
	}
	return 1;
}

/* The class whose words hold w, or -1. */
static int
class_naming(const struct tview *t, const char *w)
{
	size_t n = strlen(w);

	for (int k = 0; k < t->nclasses; k++)
		for (const char *p = t->class_words[k]; *p != '\0';) {
			size_t m = strcspn(p, " ");

			if (m == n && strncmp(p, w, n) == 0)
				return k;
			p += m;
			p += strspn(p, " ");
		}
	return -1;
}

int
tv_class_of(const struct tview *t, const char *o, int refused)
{
	int k;

	if (t == NULL || t->nclasses == 0)
		return -1;
	if (refused && tv_success(o))
		return class_naming(t, MH_SEVERITY_REFUSED);
	if ((k = class_naming(t, o)) >= 0)
		return k;
	return class_naming(t, tv_success(o) ? MH_SEVERITY_REFUSED :
	    MH_SEVERITY_ERROR);
}
