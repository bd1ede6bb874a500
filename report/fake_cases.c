/* Test helper: a tiny ATF program standing in for the msync suite, so the
 * tests can check msync-report against what kyua really stores. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <atf-c.h>

#define V "\tv.doc=match\tv.impl=contradict\tv.quiet=silent"

ATF_TC_WITHOUT_HEAD(fileshared__SI__hole__mlockall);
ATF_TC_BODY(fileshared__SI__hole__mlockall, tc)
{
	(void)tc;
	printf("some chatter first\n");
	printf("msync-record\tformat=1\tid=fileshared__SI__hole__mlockall"
	    "\tobserved=ENOMEM\tfs=tmpfs" V "\tobs=-\tlater=ignored\n");
}

ATF_TC_WITHOUT_HEAD(fileshared__SA__page__unlocked);
ATF_TC_BODY(fileshared__SA__page__unlocked, tc)
{
	(void)tc;
	printf("msync-record\tformat=1\tid=fileshared__SA__page__unlocked"
	    "\tobserved=0\tfs=tmpfs\tv.doc=silent\tv.impl=match"
	    "\tv.quiet=silent\tobs=written back\n");
	atf_tc_fail("observed 0, the document says otherwise");
}

ATF_TC_WITHOUT_HEAD(anonshared__SA__page__unlocked);
ATF_TC_BODY(anonshared__SA__page__unlocked, tc)
{
	(void)tc;
	atf_tc_skip("no anonymous shared mappings here");
}

ATF_TC_WITHOUT_HEAD(anonprivate__SA__page__unlocked);
ATF_TC_BODY(anonprivate__SA__page__unlocked, tc)
{
	(void)tc;
	exit(3);   /* broken: no result */
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, fileshared__SI__hole__mlockall);
	ATF_TP_ADD_TC(tp, fileshared__SA__page__unlocked);
	ATF_TP_ADD_TC(tp, anonshared__SA__page__unlocked);
	ATF_TP_ADD_TC(tp, anonprivate__SA__page__unlocked);
	return atf_no_error();
}
