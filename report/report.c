/* The report model and the field rules every reader and writer shares: one
 * definition of what a valid id, outcome, verdict or text is, so whatever
 * is written can be read back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "report.h"

const char *const fact_keys[NFACTS] = {
#define REPORT_FACT_KEY(name, size, since) #name,
	REPORT_FACTS(REPORT_FACT_KEY)
#undef REPORT_FACT_KEY
};
const int fact_since[NFACTS] = {
#define REPORT_FACT_SINCE(name, size, since) since,
	REPORT_FACTS(REPORT_FACT_SINCE)
#undef REPORT_FACT_SINCE
};

const char *const kind_names[NKINDS] = {
	[K_PASSED] = "passed", [K_FAILED] = "failed", [K_SKIPPED] = "skipped",
	[K_BROKEN] = "broken", [K_XFAIL] = "expected_failure",
};

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
		free(r->rows[i].reason);
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
	struct row *w;

	if (r->nrows == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 64;
		r->rows = xrealloc(r->rows, r->cap * sizeof *r->rows);
	}
	w = &r->rows[r->nrows++];
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

vmask
report_all_variants(const struct report *r)
{
	return r->nvariants == MAX_VARIANTS ? ~(vmask)0 :
	    ((vmask)1 << r->nvariants) - 1;
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

/* The observed column holds an outcome (or an expected set). */
static int
holds_outcome(const struct row *w)
{
	return strcmp(w->observed, "-") != 0 &&
	    strcmp(w->observed, MH_SILENT_WORD) != 0;
}

const char *
row_kind(const struct row *w)
{
	return strcmp(w->obs, MH_BROKEN_AFTER_CALL) == 0 ?
	    kind_names[K_BROKEN] : w->verdict;
}

int
report_has_outcome(const struct row *w)
{
	int k = kind_index(row_kind(w));

	return holds_outcome(w) && k != K_SKIPPED && k != K_BROKEN;
}

const char *
row_outcome(const struct row *w)
{
	if (strcmp(w->observed, MH_SILENT_WORD) == 0)
		return w->observed;
	return report_has_outcome(w) ? w->observed : "-";
}

void
row_shown(const struct report *r, const struct row *w, struct sbuf *out)
{
	if (r->expected != NULL || report_has_outcome(w))
		sb_puts(out, w->observed);
	else
		sb_printf(out, "(%s)", row_kind(w));
}

/* What format 3 adds: a reason for exactly the cases without an outcome,
 * and no outcome for a skipped or broken case. */
static int
check_reason(const struct report *r, const struct row *w, struct err *e)
{
	int k = kind_index(w->verdict);

	if (r->format < REASON_FORMAT)
		return w->reason == NULL ? 0 :
		    errf(e, "case %s: a reason in a format-%d report", w->id,
		    r->format);
	if (w->reason == NULL || !valid_reason(w->reason))
		return errf(e, "case %s: invalid reason", w->id);
	if (holds_outcome(w) && strcmp(w->reason, "-") != 0)
		return errf(e, "case %s: a case with an outcome has no reason",
		    w->id);
	if (r->expected != NULL)
		return 0;
	if ((k == K_SKIPPED || k == K_BROKEN) && holds_outcome(w))
		return errf(e, "case %s: a %s case has no outcome", w->id,
		    w->verdict);
	if (!holds_outcome(w) && strcmp(w->obs, "-") != 0)
		return errf(e, "case %s: an observation without an outcome",
		    w->id);
	if (strcmp(w->obs, MH_BROKEN_AFTER_CALL) == 0)
		return errf(e, "case %s: '%s' is a broken case, without an "
		    "outcome since report format %d", w->id,
		    MH_BROKEN_AFTER_CALL, REASON_FORMAT);
	return 0;
}

int
report_check_row(const struct report *r, const struct row *w,
    struct err *e)
{
	vmask all = report_all_variants(r);

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
		if (strcmp(w->observed, MH_SILENT_WORD) != 0 &&
		    !valid_outcome_set(w->observed))
			return errf(e, "case %s: invalid expected outcome '%s'",
			    w->id, w->observed);
		if (strcmp(w->verdict, "-") != 0)
			return errf(e, "case %s: an expected report has no "
			    "verdicts (found '%s')", w->id, w->verdict);
	}
	if ((w->matches | w->contradicts) & ~all)
		return errf(e, "case %s: unknown variant", w->id);
	if (w->matches & w->contradicts)
		return errf(e, "case %s: a variant both matches and "
		    "contradicts", w->id);
	if (!holds_outcome(w) && (w->matches | w->contradicts))
		return errf(e, "case %s: variants judge an absent outcome",
		    w->id);
	if (!valid_text(w->obs))
		return errf(e, "case %s: invalid observation text", w->id);
	return check_reason(r, w, e);
}

int
report_check_verdict(const struct report *r, struct err *e)
{
	const char *v = r->facts[F_verdict];

	if (r->expected != NULL)
		return strcmp(v, "-") == 0 ? 0 :
		    errf(e, "an expected report has no verdict (found '%s')", v);
	if (strcmp(v, MH_MANUALS) == 0 || strcmp(v, "unknown") == 0 ||
	    report_variant_index(r, v) >= 0)
		return 0;
	return errf(e, "the verdict '%s' is neither %s, unknown nor a variant "
	    "of the list", v, MH_MANUALS);
}

void
report_describe(const struct report *r, struct sbuf *out)
{
	if (r->expected)
		sb_printf(out, "expected %s", r->expected);
	else
		sb_printf(out, "observed: %s %s %s, fs %s, %s", r->facts[F_os],
		    r->facts[F_release], r->facts[F_machine],
		    r->facts[F_fs], r->facts[F_date]);
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
kind_index(const char *s)
{
	for (int k = 0; k < NKINDS; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return k;
	return -1;
}

int
valid_verdict(const char *s)
{
	return kind_index(s) >= 0;
}

void
reason_clean(const char *s, struct sbuf *out)
{
	size_t start = out->len, n;
	int cut;

	for (; s != NULL && *s != '\0'; s++) {
		if ((unsigned char)*s > ' ' && *s != 0x7f)
			sb_putc(out, *s);
		else if (out->len > start && out->p[out->len - 1] != ' ')
			sb_putc(out, ' ');
	}
	n = out->len - start;
	cut = n > REASON_MAX;
	if (cut) {
		/* before a UTF-8 character, never inside one */
		n = REASON_MAX - 3;
		while (n > 0 && ((unsigned char)out->p[start + n] & 0xc0) == 0x80)
			n--;
	}
	while (n > 0 && out->p[start + n - 1] == ' ')
		n--;
	out->len = start + n;
	if (n == 0)
		sb_puts(out, "-");
	else if (cut)
		sb_puts(out, "...");
	else
		out->p[out->len] = '\0';
}

/* Exactly what reason_clean writes: it leaves such a text as it is. */
int
valid_reason(const char *s)
{
	struct sbuf b = {0};
	int same;

	reason_clean(s, &b);
	same = strcmp(b.p, s) == 0;
	sb_free(&b);
	return same;
}

/* Two cells agree when some outcome satisfies both: a single outcome is a
 * one-element set, and silent accepts anything (it never differs). */
int
outcome_compatible(const char *a, const char *b)
{
	if (strcmp(a, MH_SILENT_WORD) == 0 || strcmp(b, MH_SILENT_WORD) == 0)
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
	char *s = *cursor, *end;

	if (s == NULL)
		return NULL;
	end = strchr(s, sep);
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
	const char *sep = "";

	if (m == 0) {
		sb_putc(out, '-');
		return;
	}
	for (int v = 0; v < r->nvariants; v++)
		if (m & ((vmask)1 << v)) {
			sb_puts(out, sep);
			sb_puts(out, r->variants[v]);
			sep = ",";
		}
}
