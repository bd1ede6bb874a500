/*
 * An ATF test program of empty cases, the yardstick for the suite's speed.
 * Run as eN_K_test it registers N cases whose bodies do nothing, so a
 * Kyuafile of such links mirrors the suite's programs and case counts.
 * It registers them as the suite does (lib/register.c), so the two differ
 * only in what their cases do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <atf-c.h>

#include "mh.h"

int atf_tp_main(int, char **, atf_error_t (*)(atf_tp_t *));

static unsigned ncases;
static atf_tc_t tcs[128];
static struct atf_tc_pack packs[128];
static char names[128][16];

static void head(atf_tc_t *tc) { atf_tc_set_md_var(tc, "descr", "empty"); }
static void body(const atf_tc_t *tc) { (void)tc; }

static const char *
ident(unsigned i)
{
	snprintf(names[i], sizeof names[i], "c%u", i);
	return names[i];
}

static atf_error_t
add(atf_tp_t *tp)
{
	return mh_register(tp, ncases, ident, head, body, tcs, packs);
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
