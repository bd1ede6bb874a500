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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mh.h"

static const struct mh_table *table;
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

/* descr: the call and what each document expects of it. */
static void
head(atf_tc_t *tc)
{
	const struct mh_case *c = case_of(tc);
	char d[1024];
	int n;

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
	if (listing)
		mh_record_facts(tc, table, c == &table->cases[group->first]);
}

/* What the contained child needs. */
struct job {
	const struct mh_case *c;
	struct mh_env env;
};

/* The child: the case's procedure (effect.c), reporting through run. */
static void
run_case(void *arg, struct mh_run *run)
{
	const struct job *j = arg;

	mh_effect(j->c, &j->env, run);
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
	char name[MH_NAMELEN], fs[64], reason[8192];
	unsigned timeout;

	if (mh_config_mistake() != NULL)
		atf_tc_fail("%s", mh_config_mistake());
	mode = atf_tc_get_config_var_wd(tc, "variant", MH_MANUALS);
	if (!mh_mode_valid(table, mode)) {
		mh_judge(table, j.c, mode, "0", reason, sizeof reason);
		atf_tc_fail("%s", reason);
	}
	timeout = seconds(tc, "call_timeout", "10");
	j.env.dir = scratch_dir(tc);
	j.env.progdir = atf_tc_get_config_var_wd(tc, "srcdir", NULL);
	j.env.witness = atf_tc_get_config_var_wd(tc, "witness", NULL);

	mh_contain(run_case, &j, timeout, &run);
	switch (run.phase) {
	case MH_SKIP:
		atf_tc_skip("%s", run.why);
		break;
	case MH_DONE:
		break;
	default:
		/* The outcome stands if the call had returned. */
		if (run.reached >= MH_CHECK)
			mh_record(table, j.c, mode, mh_observed(&run, name),
			    run.fs[0] ? run.fs : mh_fstype(j.env.dir, fs, sizeof fs), "broken-after-call");
		atf_tc_fail("broken run: %s", run.why);
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

int
mh_main(const struct mh_table *t, int argc, char **argv)
{
	const char *prog = strrchr(argv[0], '/');
	size_t len;

	prog = prog ? prog + 1 : argv[0];
	len = strcspn(prog, ".");	/* an executable suffix */
	table = t;
	for (int i = 1; i < argc; i++)
		listing |= strcmp(argv[i], "-l") == 0;
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
