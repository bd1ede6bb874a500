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

/* "posix expects EINVAL or ENOMEM (t/variants/posix.tbl:9: ...)". */
static void
add_expectation(char *buf, size_t n, const struct mh_table *t, unsigned v,
    const struct mh_expect *e)
{
	add(buf, n, "%s expects ", t->variants[v].name);
	for (const char *p = e->accept; *p != '\0';) {
		size_t w = strcspn(p, " ");

		add(buf, n, "%s%.*s", p == e->accept ? "" : " or ", (int)w, p);
		p += w;
		p += strspn(p, " ");
	}
	for (unsigned r = 0; r < e->nrules; r++) {
		const struct mh_rule *rule = &t->rules[e->rule[r]];

		add(buf, n, " [%s: %s]", rule->where, rule->cite);
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
	unsigned speaking = 0;

	buf[0] = '\0';
	if (!mh_mode_valid(t, mode)) {
		mh_mode_error(t, mode, buf, n);
		return -1;
	}
	for (unsigned v = 0; v < t->nvariants; v++) {
		const struct mh_variant *var = &t->variants[v];
		const struct mh_expect *e = mh_expect_of(t, c, v);
		int mine = strcmp(mode, var->name) == 0;

		if (!mine && !(var->document && strcmp(mode, MH_MANUALS) == 0))
			continue;
		switch (mh_match(e, observed)) {
		case MH_SILENT:
			break;
		case MH_MATCH:
			buf[0] = '\0';
			add(buf, n, "observed %s, as %s says", observed, var->name);
			return 1;
		case MH_CONTRADICT:
			add(buf, n, speaking++ ? "; " : "observed %s; ", observed);
			add_expectation(buf, n, t, v, e);
			break;
		}
	}
	if (speaking == 0) {
		add(buf, n, "observed %s; %s is silent on this case", observed,
		    strcmp(mode, MH_MANUALS) == 0 ? "every document" : mode);
		return 1;
	}
	return 0;
}
