/*
 * The outcome grammar and the limits that the case table's generator
 * (the awk files of t/gen/), the harness (lib/) and msync-report (report/) share,
 * defined here once.
 *
 * The generator reads this file too: it takes every line of the form
 *	#define NAME "string" ... | NAME | number
 * (string literals and earlier names, concatenated as C does), so keep each
 * definition on one line.  The patterns are POSIX extended regular
 * expressions that awk and regcomp() read alike: no intervals, no
 * character classes.
 */
#ifndef MH_GRAMMAR_H
#define MH_GRAMMAR_H

#include <regex.h>
#include <string.h>

/* An effect word: what a call that succeeded did, e.g. "mtime-kept":
 * lowercase words of letters and digits joined by single dashes. */
#define MH_EFFECT_WORD "[a-z][a-z0-9]*(-[a-z0-9]+)*"
/* An outcome a table may name and a case may observe: 0, an errno name, a
 * signal name, TIMEOUT, or an effect word. */
#define MH_OUTCOME_RE "^(0|TIMEOUT|E[A-Z0-9]+|SIG[A-Z0-9]+|" MH_EFFECT_WORD ")$"
/* What a case may observe but no table names: a return value other than 0
 * and -1, an errno without a name (errno=0: -1 without an errno).  Numbers
 * are canonical, at most 18 digits. */
#define MH_DECIMAL "[1-9][0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?[0-9]?"
#define MH_RAW_OUTCOME_RE "^(errno=(0|" MH_DECIMAL ")|ret=-?" MH_DECIMAL ")$"
/* Not an outcome: the word of rules and reports for "no opinion". */
#define MH_SILENT_WORD "silent"
/* Not outcomes either: what a severity line of the table names besides
 * outcome words (a finding's class, t/cases.tbl): an error observed (an
 * errno, a signal, TIMEOUT, ret=N) no class names; 0 or an effect observed
 * where every judge that contradicts it expects an error. */
#define MH_SEVERITY_ERROR "observed=error"
#define MH_SEVERITY_REFUSED "expected=error"

/* Limits. */
#define MH_NAMELEN 32		/* an outcome name, with its terminating NUL */
#define MH_MAXRULES 8		/* rules of one variant deciding one case */
#define MH_MAXCASES 100		/* cases of one test program */
#define MH_MINCASES 25		/* fewer, and a program's start-up cost shows */

enum mh_word {
	MH_WORD_OUTCOME,	/* MH_OUTCOME_RE */
	MH_WORD_RAW,		/* MH_RAW_OUTCOME_RE */
	MH_WORD_EFFECT,		/* MH_EFFECT_WORD, alone */
	MH_NWORDS
};

/* Whether s is a word of the given kind ("silent" never is). */
static inline int
mh_word_is(enum mh_word kind, const char *s)
{
	static const char *const re[MH_NWORDS] = {
		MH_OUTCOME_RE, MH_RAW_OUTCOME_RE, "^" MH_EFFECT_WORD "$",
	};
	static regex_t compiled[MH_NWORDS];
	static int ready[MH_NWORDS];

	if (!ready[kind]) {
		if (regcomp(&compiled[kind], re[kind], REG_EXTENDED | REG_NOSUB) != 0)
			return 0;
		ready[kind] = 1;
	}
	return strcmp(s, MH_SILENT_WORD) != 0 && regexec(&compiled[kind], s, 0, NULL, 0) == 0;
}

#endif
