/* Test helper: a tiny ATF program standing in for the msync suite, so the
 * tests can check msync-report against what kyua really stores: records of
 * the old and the new format, a skipped case, a case broken by the harness
 * (ATF's result file says "broken: REASON"), one kyua breaks (a premature
 * exit), one failed by a configuration mistake (no record), and the
 * facts and titles the suite records as metadata.  With
 * -v test_suites.msync.allbroken=yes every case breaks, as in a run where
 * no case can set up. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <atf-c.h>

#include "../lib/recordfmt.h"

#define V "\tv.doc=match\tv.impl=contradict\tv.quiet=silent"

int atf_tp_main(int, char **, atf_error_t (*)(atf_tp_t *));

static const char *resfile;	/* ATF's result file (-r), "-" or a path */

/* What the harness does for a case that cannot observe its call: no
 * record, and kyua's result type broken, with the reason. */
static void
broken(const char *reason)
{
	FILE *f = strcmp(resfile, "-") == 0 ? stdout : fopen(resfile, "w");

	if (f == NULL)
		atf_tc_fail("cannot write the result file %s", resfile);
	fprintf(f, "broken: %s\n", reason);
	fflush(f);
	exit(EXIT_FAILURE);
}

static void
check_allbroken(const atf_tc_t *tc)
{
	if (strcmp(atf_tc_get_config_var_wd(tc, "allbroken", "no"), "yes") == 0)
		broken("mount(MS_REC|MS_SLAVE) of the witness: Invalid argument "
		    "(witness_session.c:77)");
}

/* The facts every case carries, and on the first case the titles. */
static void
facts(atf_tc_t *tc, int first)
{
	atf_tc_set_md_var(tc, "X-" MH_MD_FACTS, "format=%d\tos=Linux\t"
	    "release=6.1.0-99-sparc64\tmachine=sparc64\tabi=sparc64 lp64 "
	    "big-endian\tlibc=glibc 2.36\tpagesize=8192\temulator=qemu-sparc64",
	    MH_FACTS_FORMAT);
	if (!first)
		return;
	atf_tc_set_md_var(tc, "X-" MH_MD_TITLE "01", "doc The document");
	atf_tc_set_md_var(tc, "X-" MH_MD_TITLE "02", "impl An implementation");
	atf_tc_set_md_var(tc, "X-" MH_MD_TITLE "03", "quiet A quiet one");
}

ATF_TC(fileshared__SI__hole__mlockall);
ATF_TC_HEAD(fileshared__SI__hole__mlockall, tc)
{
	facts(tc, 1);
}
ATF_TC_BODY(fileshared__SI__hole__mlockall, tc)
{
	check_allbroken(tc);
	printf("some chatter first\n");
	printf("msync-record\tformat=1\tid=fileshared__SI__hole__mlockall"
	    "\tobserved=ENOMEM\tfs=tmpfs" V "\tobs=-\tlater=ignored\n");
}

ATF_TC(fileshared__SA__page__unlocked);
ATF_TC_HEAD(fileshared__SA__page__unlocked, tc)
{
	facts(tc, 0);
}
ATF_TC_BODY(fileshared__SA__page__unlocked, tc)
{
	check_allbroken(tc);
	printf("msync-record\tformat=3\tid=fileshared__SA__page__unlocked"
	    "\tverdict=manuals\tobserved=0\tfs=tmpfs\tv.doc=silent"
	    "\tv.impl=match\tv.quiet=silent\tobs=written back\n");
	atf_tc_fail("observed 0, the document says otherwise");
}

ATF_TC(anonshared__SA__page__unlocked);
ATF_TC_HEAD(anonshared__SA__page__unlocked, tc)
{
	facts(tc, 0);
}
ATF_TC_BODY(anonshared__SA__page__unlocked, tc)
{
	check_allbroken(tc);
	atf_tc_skip("no anonymous shared mappings here");
}

ATF_TC(anonprivate__SA__page__unlocked);
ATF_TC_HEAD(anonprivate__SA__page__unlocked, tc)
{
	facts(tc, 0);
}
ATF_TC_BODY(anonprivate__SA__page__unlocked, tc)
{
	check_allbroken(tc);
	exit(3);   /* kyua's broken: a premature exit */
}

ATF_TC(fileprivate__SA__page__unlocked);
ATF_TC_HEAD(fileprivate__SA__page__unlocked, tc)
{
	facts(tc, 0);
}
ATF_TC_BODY(fileprivate__SA__page__unlocked, tc)
{
	check_allbroken(tc);
	broken("mmap of the file under test: ENODEV (No such device) "
	    "(map_file.c:40)");
}

ATF_TC(filero__SA__page__unlocked);
ATF_TC_HEAD(filero__SA__page__unlocked, tc)
{
	facts(tc, 0);
}
ATF_TC_BODY(filero__SA__page__unlocked, tc)
{
	check_allbroken(tc);
	atf_tc_fail("unknown configuration variable 'varient' "
	    "(test_suites.msync.varient)");
}

static atf_error_t
add(atf_tp_t *tp)
{
	ATF_TP_ADD_TC(tp, fileshared__SI__hole__mlockall);
	ATF_TP_ADD_TC(tp, fileshared__SA__page__unlocked);
	ATF_TP_ADD_TC(tp, anonshared__SA__page__unlocked);
	ATF_TP_ADD_TC(tp, anonprivate__SA__page__unlocked);
	ATF_TP_ADD_TC(tp, fileprivate__SA__page__unlocked);
	ATF_TP_ADD_TC(tp, filero__SA__page__unlocked);
	return atf_no_error();
}

/* ATF's main, with the result file noted first (-r FILE or -rFILE). */
int
main(int argc, char **argv)
{
	resfile = "-";
	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], "-r", 2) == 0)
			resfile = argv[i][2] ? argv[i] + 2 :
			    i + 1 < argc ? argv[i + 1] : "-";
	return atf_tp_main(argc, argv, add);
}
