/*
 * Matching an observed outcome against what the variants say, and the ATF
 * verdict that follows from the configured mode.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "verdict.h"

enum mh_match
mh_match(const struct mh_expect *e, const char *observed)
{
	size_t n = strlen(observed);

	if (e->accept == NULL)
		return MH_SILENT;
	for (const char *p = e->accept; *p != '\0';) {
		size_t w = strcspn(p, " ");

		if (w == n && strncmp(p, observed, n) == 0)
			return MH_MATCH;
		p += w;
		p += strspn(p, " ");
	}
	return MH_CONTRADICT;
}

/* Whether variant v has a say in the verdict of mode: every document
 * under "manuals", else the variant named. */
static int
in_verdict(const struct mh_table *t, unsigned v, const char *mode)
{
	if (strcmp(mode, MH_MANUALS) == 0)
		return t->variants[v].document;
	return strcmp(mode, t->variants[v].name) == 0;
}

int
mh_mode_valid(const struct mh_table *t, const char *mode)
{
	if (strcmp(mode, MH_MANUALS) == 0)
		return 1;
	for (unsigned v = 0; v < t->nvariants; v++)
		if (strcmp(mode, t->variants[v].name) == 0)
			return 1;
	return 0;
}

/* Appends to buf, never past n. */
static void
add(char *buf, size_t n, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used + 1 >= n)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + used, n - used, fmt, ap);
	va_end(ap);
}

/* The longest reason a failed case gives kyua: one line, the outcome
 * against the expectations; the citations are msync-report explain's. */
#define SHORT 200

/* "EINVAL or ENOMEM": an expectation's outcomes. */
static void
add_accept(char *buf, size_t n, const struct mh_expect *e)
{
	for (const char *p = e->accept; *p != '\0';) {
		size_t w = strcspn(p, " ");

		add(buf, n, "%s%.*s", p == e->accept ? "" : " or ", (int)w, p);
		p += w;
		p += strspn(p, " ");
	}
}

/* The variants of the verdict that contradict observed, grouped by what
 * they expect: "netbsd-5.1, aix, posix expect EINVAL; svr4 expects EBUSY". */
static unsigned
add_contradictions(char *buf, size_t n, const struct mh_table *t, const struct mh_case *c,
    const char *mode, const char *observed)
{
	unsigned speaking = 0, done[64] = { 0 };

	for (unsigned v = 0; v < t->nvariants && v < 64; v++) {
		const struct mh_expect *e = mh_expect_of(t, c, v);
		unsigned same = 0;

		if (done[v] || !in_verdict(t, v, mode) || mh_match(e, observed) != MH_CONTRADICT)
			continue;
		add(buf, n, "%s", speaking++ ? "; " : "");
		for (unsigned w = v; w < t->nvariants && w < 64; w++) {
			const struct mh_expect *f = mh_expect_of(t, c, w);

			if (!done[w] && in_verdict(t, w, mode) && mh_match(f, observed) == MH_CONTRADICT &&
			    strcmp(f->accept, e->accept) == 0) {
				add(buf, n, "%s%s", same++ ? ", " : "", t->variants[w].name);
				done[w] = 1;
			}
		}
		add(buf, n, " expect%s ", same > 1 ? "" : "s");
		add_accept(buf, n, e);
	}
	return speaking;
}

/* The places of the rules that decide c for each variant, for the
 * metadata: "netbsd-5.1 t/variants/netbsd-5.1.tbl:10; ...". */
void
mh_rule_places(const struct mh_table *t, const struct mh_case *c, char *buf, size_t n)
{
	buf[0] = '\0';
	for (unsigned v = 0; v < t->nvariants; v++) {
		const struct mh_expect *e = mh_expect_of(t, c, v);

		if (e->nrules == 0)
			continue;
		add(buf, n, "%s%s", buf[0] ? "; " : "", t->variants[v].name);
		for (unsigned r = 0; r < e->nrules; r++)
			add(buf, n, " %s", t->rules[e->rule[r]].where);
	}
}

void
mh_mode_error(const struct mh_table *t, const char *mode, char *buf, size_t n)
{
	buf[0] = '\0';
	add(buf, n, "unknown variant '%s' in test_suites.msync.variant; valid: %s",
	    mode, MH_MANUALS);
	for (unsigned v = 0; v < t->nvariants; v++)
		add(buf, n, ", %s", t->variants[v].name);
}

int
mh_judge(const struct mh_table *t, const struct mh_case *c, const char *mode,
    const char *observed, char *buf, size_t n)
{
	char why[SHORT + 1];
	size_t tail;

	buf[0] = '\0';
	if (!mh_mode_valid(t, mode)) {
		mh_mode_error(t, mode, buf, n);
		return -1;
	}
	for (unsigned v = 0; v < t->nvariants; v++)
		if (in_verdict(t, v, mode) && mh_match(mh_expect_of(t, c, v), observed) == MH_MATCH) {
			add(buf, n, "observed %s, as %s says", observed, t->variants[v].name);
			return 1;
		}
	why[0] = '\0';
	if (add_contradictions(why, sizeof why, t, c, mode, observed) == 0) {
		add(buf, n, "observed %s; %s is silent on this case", observed,
		    strcmp(mode, MH_MANUALS) == 0 ? "every document" : mode);
		return 1;
	}
	/* One short line: where the expectations run long, they are cut, and
	 * explain has them all, with their citations. */
	tail = strlen("; msync-report explain ") + strlen(c->id);
	if (strlen(observed) + strlen(why) + tail + 11 > SHORT) {
		size_t keep = SHORT > tail + strlen(observed) + 14 ? SHORT - tail - strlen(observed) - 14 : 0;

		if (keep < strlen(why))
			strcpy(why + keep, "...");
	}
	add(buf, n, "observed %s; %s; msync-report explain %s", observed, why, c->id);
	return 0;
}
