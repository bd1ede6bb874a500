/*
 * Turns the rows of one group of the table into ATF test cases and runs them.
 *
 * Every generated test program is the same binary under the name of its
 * group (NAME_test); it registers only that group's cases, so a case never
 * pays for the heads of cases that are not its program's.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/stat.h>

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "contain.h"
#include "mh.h"
#include "setup.h"

/* Runs of a case whose observation was disturbed (run.h) before it is
 * broken: write-back nobody asked for is brief; one that never stops is a
 * machine too busy to observe on. */
#define MH_ATTEMPTS 3

static const struct mh_table *table;
static const char *resfile = "/dev/stdout";	/* ATF's -r, as kyua gives it */
static const struct mh_group *group;
static int listing;		/* run as "-l": kyua lists the program */
static atf_tc_t tcs[MH_MAXCASES];
static struct atf_tc_pack packs[MH_MAXCASES];

int atf_tp_main(int, char **, atf_error_t (*)(atf_tp_t *));

/* ATF hands back the atf_tc_t registered for the case: its place in tcs[]
 * is the case's place in the group.  Heads run for every case at every
 * exec, so this stays O(1). */
static const struct mh_case *
case_of(const atf_tc_t *tc)
{
	const char *id = atf_tc_get_ident(tc);
	size_t at = (size_t)(tc - tcs);

	if (tc >= tcs && at < group->count && strcmp(table->cases[group->first + at].id, id) == 0)
		return &table->cases[group->first + at];
	for (unsigned i = 0; i < group->count; i++)
		if (strcmp(table->cases[group->first + i].id, id) == 0)
			return &table->cases[group->first + i];
	atf_tc_fail("case %s is not in the table", id);
	return NULL;
}

/*
 * The metadata kyua reads when it lists the program: descr (the call and
 * what each document expects of it), the tested system's facts, what the
 * case needs and where its rules are.  ATF runs every head of the program
 * at every exec, to run one case too, where nothing reads them: a head
 * that did its work then cost each case four fifths of its instructions
 * (callgrind, 95 cases a program).
 */
static void
head(atf_tc_t *tc)
{
	const struct mh_case *c;
	char d[1024];
	int n;

	if (!listing)
		return;
	c = case_of(tc);
	n = mh_describe(c, d, sizeof d);
	if (n > 0 && (size_t)n < sizeof d)
		n += snprintf(d + n, sizeof d - n, ". Documents expect:");
	for (unsigned v = 0; v < table->nvariants && n > 0 && (size_t)n < sizeof d; v++) {
		const struct mh_expect *e;

		if (!table->variants[v].document)
			continue;
		e = mh_expect_of(table, c, v);
		n += snprintf(d + n, sizeof d - n, " %s %s;", table->variants[v].name,
		    e->accept ? e->accept : MH_SILENT_WORD);
	}
	atf_tc_set_md_var(tc, "descr", "%s", d);
	mh_record_facts(tc, table, c == &table->cases[group->first]);
	if (mh_needs(table, c, d, sizeof d) > 0)
		atf_tc_set_md_var(tc, "X-msync-needs", "%s", d);
	mh_rule_places(table, c, d, sizeof d);
	atf_tc_set_md_var(tc, "X-msync-rules", "%s", d);
}

/* What the contained child needs. */
struct job {
	const struct mh_case *c;
	struct mh_env env;
};

/* The child: the case's one setup path (setup.c), reporting through run. */
static void
run_case(void *arg, struct mh_run *run)
{
	const struct job *j = arg;

	mh_setup_run(j->c, &j->env, run);
}

/*
 * Ends the case as broken, in kyua's own words: ATF's C API has no verb
 * for it, but its result file does ("broken: REASON", one line), and
 * kyua's ATF interface reads it as such (engine/atf_result.cpp), whatever
 * the exit status.  kyua then counts the case broken, not failed: a fault
 * of the environment or the harness, never a finding.
 */
static _Noreturn void
tc_broken(const char *fmt, ...)
{
	char reason[4096];
	va_list ap;
	FILE *f;

	va_start(ap, fmt);
	vsnprintf(reason, sizeof reason, fmt, ap);
	va_end(ap);
	for (char *p = reason; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	fflush(stdout);
	if ((f = fopen(resfile, "w")) == NULL || fprintf(f, "broken: %s\n", reason) < 0 ||
	    fclose(f) != 0)
		atf_tc_fail("broken: %s (and the result file %s: %s)", reason, resfile,
		    strerror(errno));
	exit(EXIT_SUCCESS);
}

/* A whole number of seconds, 1 to 600, from a config variable. */
static unsigned
seconds(const atf_tc_t *tc, const char *var, const char *dflt)
{
	const char *v = atf_tc_get_config_var_wd(tc, var, dflt);
	char *end;
	long n = strtol(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n < 1 || n > 600)
		atf_tc_fail("test_suites.msync.%s must be a whole number of seconds "
		    "from 1 to 600, not '%s'", var, v);
	return (unsigned)n;
}

/* The directory file-backed cases use: the filesystem under test. */
static const char *
scratch_dir(const atf_tc_t *tc)
{
	const char *dir = atf_tc_get_config_var_wd(tc, "scratch_dir", ".");
	struct stat st;
	char why[4200];

	if (strcmp(dir, ".") == 0)
		return dir;
	if (dir[0] != '/')
		atf_tc_fail("test_suites.msync.scratch_dir must be an absolute path, not '%s'", dir);
	if (stat(dir, &st) != 0)
		atf_tc_fail("test_suites.msync.scratch_dir '%s': %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		atf_tc_fail("test_suites.msync.scratch_dir '%s' is not a directory", dir);
	if (access(dir, W_OK | X_OK) != 0)
		atf_tc_fail("test_suites.msync.scratch_dir '%s' is not writable: %s", dir,
		    strerror(errno));
	if (mh_config_scratch(dir, why, sizeof why) != 0)
		atf_tc_fail("%s", why);
	return dir;
}

static void
body(const atf_tc_t *tc)
{
	struct job j = { case_of(tc), { NULL, NULL, NULL } };
	const char *mode;
	struct mh_run run;
	enum mh_result result;
	char name[MH_NAMELEN], fs[64], reason[8192];
	unsigned timeout;
	int attempt;

	if (mh_config_mistake() != NULL)
		atf_tc_fail("%s", mh_config_mistake());
	mode = atf_tc_get_config_var_wd(tc, "variant", MH_MANUALS);
	if (!mh_mode_valid(table, mode)) {
		mh_mode_error(table, mode, reason, sizeof reason);
		atf_tc_fail("%s", reason);
	}
	timeout = seconds(tc, "call_timeout", "10");
	j.env.dir = scratch_dir(tc);
	j.env.progdir = atf_tc_get_config_var_wd(tc, "srcdir", NULL);
	j.env.witness = atf_tc_get_config_var_wd(tc, "witness", NULL);

	for (attempt = 1;; attempt++) {
		result = mh_contain(run_case, &j, timeout, &run);
		if (result != MH_RESULT_DISTURBED || attempt == MH_ATTEMPTS)
			break;
	}
	/* No outcome without the call: only MH_RESULT_OUTCOME records one. */
	switch (result) {
	case MH_RESULT_OUTCOME:
		break;
	case MH_RESULT_SKIP:
		atf_tc_skip("%s", run.why);
		break;
	case MH_RESULT_DISTURBED:
		tc_broken("%s; %d runs in a row", run.why, attempt);
	case MH_RESULT_BROKEN:
		tc_broken("%s", run.why);
	}
	mh_observed(&run, name);
	mh_record(table, j.c, mode, name, run.fs[0] ? run.fs : mh_fstype(j.env.dir, fs, sizeof fs), run.obs);
	if (mh_judge(table, j.c, mode, name, reason, sizeof reason) != 1)
		atf_tc_fail("%s", reason);
}

static const char *
ident(unsigned i)
{
	return table->cases[group->first + i].id;
}

static atf_error_t
add_cases(atf_tp_t *tp)
{
	mh_config_check(tp);
	return mh_register(tp, group->count, ident, head, body, tcs, packs);
}

/* The options atf_tp_main() will read (its getopt string is "lr:s:v:"):
 * whether kyua lists the program, and where the result goes. */
static void
find_options(int argc, char **argv)
{
	for (int i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i++) {
		for (const char *o = argv[i] + 1; *o != '\0'; o++) {
			if (*o == 'l') {
				listing = 1;
				continue;
			}
			if (*o == 'r')
				resfile = o[1] != '\0' ? o + 1 : i + 1 < argc ? argv[i + 1] : resfile;
			if (strchr("rsv", *o) != NULL && o[1] == '\0')
				i++;	/* the argument is the next word */
			break;
		}
	}
}

int
mh_main(const struct mh_table *t, int argc, char **argv)
{
	const char *prog = strrchr(argv[0], '/');
	size_t len;

	prog = prog ? prog + 1 : argv[0];
	len = strcspn(prog, ".");	/* an executable suffix */
	table = t;
	find_options(argc, argv);
	for (unsigned g = 0; g < t->ngroups; g++) {
		size_t n = strlen(t->groups[g].name);

		if (len == n + 5 && strncmp(prog, t->groups[g].name, n) == 0 &&
		    strncmp(prog + n, "_test", 5) == 0)
			group = &t->groups[g];
	}
	if (group == NULL || group->count > MH_MAXCASES) {
		fprintf(stderr, "%s: run this program as one of its test programs "
		    "(see the Kyuafile), e.g. %s_test\n", prog, t->groups[0].name);
		return 2;
	}
	return atf_tp_main(argc, argv, add_cases);
}
