/*
 * An ATF test program of empty cases, the yardstick for the suite's speed.
 * Run as eN_K_test it registers N cases whose bodies do nothing, so a
 * Kyuafile of such links mirrors the suite's programs and case counts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <atf-c.h>

int atf_tp_main(int, char **, atf_error_t (*)(atf_tp_t *));

static unsigned ncases;
static atf_tc_t tcs[128];
static struct atf_tc_pack packs[128];
static char names[128][16];

static void head(atf_tc_t *tc) { atf_tc_set_md_var(tc, "descr", "empty"); }
static void body(const atf_tc_t *tc) { (void)tc; }

static atf_error_t
add(atf_tp_t *tp)
{
	char **config = atf_tp_get_config(tp);
	atf_error_t err = atf_no_error();

	for (unsigned i = 0; i < ncases && !atf_is_error(err); i++) {
		snprintf(names[i], sizeof names[i], "c%u", i);
		packs[i].m_ident = names[i];
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
main(int argc, char **argv)
{
	const char *p = strrchr(argv[0], '/');

	p = p ? p + 1 : argv[0];
	if (p[0] != 'e' || (ncases = (unsigned)strtoul(p + 1, NULL, 10)) == 0 || ncases > 128) {
		fprintf(stderr, "run as eN_K_test, 1 <= N <= 128\n");
		return 2;
	}
	return atf_tp_main(argc, argv, add);
}
