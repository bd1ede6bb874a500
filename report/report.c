/* The report model and the field rules every reader and writer shares: one
 * definition of what a valid id, outcome, verdict or text is, so whatever
 * is written can be read back. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/grammar.h"
#include "buf.h"
#include "report.h"

const char *const fact_keys[NFACTS] = {
	"os", "release", "machine", "abi", "libc", "pagesize", "emulator",
	"facts", "fs", "kyua", "suite", "date",
};
const int fact_since[NFACTS] = { 1, 1, 1, 2, 1, 1, 2, 2, 1, 1, 1, 1 };

int
errf(struct err *e, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* Out of memory is reported like bad input (exit 2), never a crash. */
static void
oom(void)
{
	fputs("msync-report: out of memory\n", stderr);
	exit(2);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void
report_init(struct report *r)
{
	memset(r, 0, sizeof *r);
	r->format = REPORT_FORMAT;
	for (int f = 0; f < NFACTS; f++)
		r->facts[f] = xstrdup("-");
}

void
report_free(struct report *r)
{
	free(r->expected);
	for (int f = 0; f < NFACTS; f++)
		free(r->facts[f]);
	for (int v = 0; v < r->nvariants; v++) {
		free(r->variants[v]);
		free(r->titles[v]);
	}
	for (size_t i = 0; i < r->nrows; i++) {
		free(r->rows[i].id);
		free(r->rows[i].observed);
		free(r->rows[i].verdict);
		free(r->rows[i].obs);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

void
report_set_fact(struct report *r, enum fact f, const char *v)
{
	free(r->facts[f]);
	r->facts[f] = xstrdup(v);
}

struct row *
report_add_row(struct report *r)
{
	if (r->nrows == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->rows = xrealloc(r->rows, r->cap * sizeof *r->rows);
	}
	struct row *w = &r->rows[r->nrows++];
	memset(w, 0, sizeof *w);
	return w;
}

int
report_variant_index(const struct report *r, const char *name)
{
	for (int v = 0; v < r->nvariants; v++)
		if (strcmp(r->variants[v], name) == 0)
			return v;
	return -1;
}

int
report_add_variant(struct report *r, const char *name, struct err *e)
{
	if (!valid_variant_name(name))
		return errf(e, "invalid variant name '%s'", name);
	if (report_variant_index(r, name) >= 0)
		return errf(e, "variant '%s' listed twice", name);
	if (r->nvariants == MAX_VARIANTS)
		return errf(e, "more than %d variants", MAX_VARIANTS);
	r->variants[r->nvariants++] = xstrdup(name);
	return 0;
}

static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	return strcmp(x->id, y->id);
}

/* Byte order: strcmp compares as unsigned char, whatever the locale. */
void
report_sort(struct report *r)
{
	if (r->nrows > 1)
		qsort(r->rows, r->nrows, sizeof *r->rows, row_cmp);
}

int
report_has_outcome(const struct row *w)
{
	return strcmp(w->observed, "-") != 0 &&
	    strcmp(w->observed, "silent") != 0;
}

int
report_check_row(const struct report *r, const struct row *w,
    struct err *e)
{
	if (!valid_id(w->id))
		return errf(e, "invalid case id '%s'", w->id);
	if (r->expected == NULL) {
		if (strcmp(w->observed, "-") != 0 && !valid_outcome(w->observed))
			return errf(e, "case %s: invalid outcome '%s'", w->id,
			    w->observed);
		if (!valid_verdict(w->verdict))
			return errf(e, "case %s: invalid verdict '%s'", w->id,
			    w->verdict);
	} else {
		if (strcmp(w->observed, "silent") != 0 &&
		    !valid_outcome_set(w->observed))
			return errf(e, "case %s: invalid expected outcome '%s'",
			    w->id, w->observed);
		if (strcmp(w->verdict, "-") != 0)
			return errf(e, "case %s: an expected report has no "
			    "verdicts (found '%s')", w->id, w->verdict);
	}
	vmask all = r->nvariants == 64 ? ~(vmask)0
	    : (((vmask)1 << r->nvariants) - 1);
	if ((w->matches | w->contradicts) & ~all)
		return errf(e, "case %s: unknown variant", w->id);
	if (w->matches & w->contradicts)
		return errf(e, "case %s: a variant both matches and "
		    "contradicts", w->id);
	if (!report_has_outcome(w) && (w->matches | w->contradicts))
		return errf(e, "case %s: variants judge an absent outcome",
		    w->id);
	if (!valid_text(w->obs))
		return errf(e, "case %s: invalid observation text", w->id);
	return 0;
}

static int
in(char c, const char *set)
{
	return c && strchr(set, c);
}

static int
all_in(const char *s, const char *set)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!in(*s, set))
			return 0;
	return 1;
}

#define DIGITS "0123456789"
#define UPPER "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
#define LOWER "abcdefghijklmnopqrstuvwxyz"

/* Ids are ATF case names (C identifiers); ':' '/' '.' '-' let a broken
 * program's "prog:__test_cases_list__" through. */
int
valid_id(const char *s)
{
	return all_in(s, UPPER LOWER DIGITS "_.:/-");
}

int
valid_variant_name(const char *s)
{
	return all_in(s, UPPER LOWER DIGITS "_.-");
}

/* What a valid outcome is, is defined once for the generator, the harness
 * and the report: lib/grammar.h. */
int
valid_outcome(const char *s)
{
	return mh_word_is(MH_WORD_OUTCOME, s) || mh_word_is(MH_WORD_RAW, s);
}

static int
set_has(const char *set, const char *tok, size_t len)
{
	for (const char *p = set; ; ) {
		size_t n = strcspn(p, "|");
		if (n == len && strncmp(p, tok, n) == 0)
			return 1;
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}

/* "A|B|C": each a valid outcome, none twice. */
int
valid_outcome_set(const char *s)
{
	for (const char *p = s; ; ) {
		size_t n = strcspn(p, "|");
		char *tok = xstrndup(p, n);
		int ok = valid_outcome(tok);
		free(tok);
		if (!ok)
			return 0;
		if (p[n] == '\0')
			return 1;
		if (set_has(p + n + 1, p, n))
			return 0;
		p += n + 1;
	}
}

int
valid_text(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

int
valid_verdict(const char *s)
{
	static const char *const types[] = {
		"passed", "failed", "skipped", "broken", "expected_failure",
	};
	for (size_t i = 0; i < sizeof types / sizeof *types; i++)
		if (strcmp(s, types[i]) == 0)
			return 1;
	return 0;
}

/* Two cells agree when some outcome satisfies both: a single outcome is a
 * one-element set, and "silent" accepts anything (it never differs). */
int
outcome_compatible(const char *a, const char *b)
{
	if (strcmp(a, "silent") == 0 || strcmp(b, "silent") == 0)
		return 1;
	for (const char *p = a; ; ) {
		size_t n = strcspn(p, "|");
		if (set_has(b, p, n))
			return 1;
		if (p[n] == '\0')
			return 0;
		p += n + 1;
	}
}

/* strsep() without needing _DEFAULT_SOURCE: the next field, or NULL. */
char *
split_field(char **cursor, char sep)
{
	char *s = *cursor;
	if (s == NULL)
		return NULL;
	char *end = strchr(s, sep);
	if (end != NULL) {
		*end = '\0';
		*cursor = end + 1;
	} else {
		*cursor = NULL;
	}
	return s;
}

void
mask_format(const struct report *r, vmask m, struct sbuf *out)
{
	if (m == 0) {
		sb_putc(out, '-');
		return;
	}
	const char *sep = "";
	for (int v = 0; v < r->nvariants; v++)
		if (m & ((vmask)1 << v)) {
			sb_puts(out, sep);
			sb_puts(out, r->variants[v]);
			sep = ",";
		}
}
