/*
 * Turns the rows of one group of the table into ATF test cases and runs them.
 *
 * Every generated test program is the same binary under the name of its
 * group (NAME_test); it registers only that group's cases, so a case never
 * pays for the heads of cases that are not its program's.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mh.h"

#define MAXCASES 128		/* the generator keeps groups at 100 or fewer */

static const struct mh_table *table;
static const struct mh_group *group;
static atf_tc_t tcs[MAXCASES];
static struct atf_tc_pack packs[MAXCASES];

int atf_tp_main(int, char **, atf_error_t (*)(atf_tp_t *));

const struct mh_expect *
mh_expect_of(const struct mh_table *t, const struct mh_case *c, unsigned v)
{
	return &t->expects[t->case_expect[c->expect + v]];
}

static const struct mh_case *
case_of(const atf_tc_t *tc)
{
	const char *id = atf_tc_get_ident(tc);

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

	n = snprintf(d, sizeof d, "msync%s, %s, on %s, %s. Documents expect:",
	    c->range_text, c->flags_text, c->mapping_text, c->lock_text);
	for (unsigned v = 0; v < table->nvariants && n > 0 && (size_t)n < sizeof d; v++) {
		const struct mh_expect *e;

		if (!table->variants[v].document)
			continue;
		e = mh_expect_of(table, c, v);
		n += snprintf(d + n, sizeof d - n, " %s %s;", table->variants[v].name,
		    e->accept ? e->accept : "silent");
	}
	atf_tc_set_md_var(tc, "descr", "%s", d);
	atf_tc_set_md_var(tc, "timeout", "30");
	atf_tc_set_md_var(tc, "X-msync-case", "%s", c->id);
}

static void
body(const atf_tc_t *tc)
{
	const struct mh_case *c = case_of(tc);
	const char *mode, *why;
	struct mh_layout l;
	struct mh_outcome o;
	char name[MH_NAMELEN], fs[64], reason[4096];
	long timeout;

	mode = atf_tc_get_config_var_wd(tc, "variant", MH_MANUALS);
	if (!mh_mode_valid(table, mode)) {
		mh_judge(table, c, mode, "0", reason, sizeof reason);
		atf_tc_fail("%s", reason);
	}
	timeout = atf_tc_get_config_var_as_long_wd(tc, "call_timeout", 10);
	if (timeout < 1)
		atf_tc_fail("call_timeout must be a positive number of seconds, not %ld", timeout);

	if ((why = mh_layout_build(c, &l)) != NULL)
		atf_tc_skip("%s", why);
	if ((why = mh_lock_apply(c, &l, reason, sizeof reason)) != NULL)
		atf_tc_skip("%s", why);
	if ((why = mh_layout_seal(&l)) != NULL)
		atf_tc_skip("%s", why);

	o = mh_call_msync(l.addr, l.len, c->flags, (unsigned)timeout);

	mh_outcome_name(&o, name);
	mh_record(table, c, name, mh_fstype(".", fs, sizeof fs), "-");
	mh_layout_free(&l);
	if (mh_judge(table, c, mode, name, reason, sizeof reason) != 1)
		atf_tc_fail("%s", reason);
}

static atf_error_t
add_cases(atf_tp_t *tp)
{
	char **config = atf_tp_get_config(tp);
	atf_error_t err = atf_no_error();

	if (config == NULL)
		return atf_no_memory_error();
	for (unsigned i = 0; i < group->count && !atf_is_error(err); i++) {
		packs[i].m_ident = table->cases[group->first + i].id;
		packs[i].m_head = head;
		packs[i].m_body = body;
		err = atf_tc_init_pack(&tcs[i], &packs[i], (const char *const *)config);
		if (!atf_is_error(err))
			err = atf_tp_add_tc(tp, &tcs[i]);
	}
	atf_utils_free_charpp(config);
	return err;
}

int
mh_main(const struct mh_table *t, int argc, char **argv)
{
	const char *prog = strrchr(argv[0], '/');
	size_t len;

	prog = prog ? prog + 1 : argv[0];
	len = strcspn(prog, ".");	/* an executable suffix */
	table = t;
	for (unsigned g = 0; g < t->ngroups; g++) {
		size_t n = strlen(t->groups[g].name);

		if (len == n + 5 && strncmp(prog, t->groups[g].name, n) == 0 &&
		    strncmp(prog + n, "_test", 5) == 0)
			group = &t->groups[g];
	}
	if (group == NULL || group->count > MAXCASES) {
		fprintf(stderr, "%s: run this program as one of its test programs "
		    "(see the Kyuafile), e.g. %s_test\n", prog, t->groups[0].name);
		return 2;
	}
	return atf_tp_main(argc, argv, add_cases);
}
