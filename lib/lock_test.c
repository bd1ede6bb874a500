/*
 * Unit tests of the lock states (lock.c) on a real mapping: which pages of
 * it each state mlock()s, read back from the kernel, and how a state that
 * leaves no page to lock ends the run.
 *
 * The kernel's answer is the VmFlags line of /proc/self/smaps: mlock()
 * splits a mapping at the locked pages' bounds and marks each locked part
 * "lo" (Linux's Documentation/filesystems/proc.rst), so the locked pages
 * are the parts marked so.  Elsewhere the tests skip, saying so.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/wait.h>

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "layout.h"
#include "lock.h"

/* What the child saw: its run (ended or not) and the pages locked. */
struct seen {
	struct mh_run run;
	int smaps;		/* /proc/self/smaps was read */
	unsigned locked;	/* bit i: page i of the mapping is locked */
};

/* Bit i: page i of the npages pages at m lies in a part marked locked. */
static int
locked_bits(const char *m, size_t page, size_t npages, unsigned *bits)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	char line[512];
	uintptr_t lo = 0, hi = 0, b = (uintptr_t)m, e = b + npages * page;

	if (f == NULL)
		return -1;
	*bits = 0;
	while (fgets(line, sizeof line, f) != NULL) {
		uintptr_t s, t;

		if (sscanf(line, "%" SCNxPTR "-%" SCNxPTR " ", &s, &t) == 2) {
			lo = s;
			hi = t;
		} else if (strncmp(line, "VmFlags:", 8) == 0 && strstr(line, " lo") != NULL) {
			for (uintptr_t a = lo > b ? lo : b; a < hi && a < e; a += page)
				*bits |= 1u << ((a - b) / page);
		}
	}
	fclose(f);
	return 0;
}

/*
 * Applies lock to an anonymous mapping of MH_MAP_PAGES pages (page hole
 * unmapped, if not -1) with msync's range set to range, in a child: the
 * run ends there when the state refuses.
 */
static void
apply(enum mh_lock lock, enum mh_range range, long hole, struct seen *out)
{
	struct seen *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int status;
	pid_t pid;

	ATF_REQUIRE(s != MAP_FAILED);
	memset(s, 0, sizeof *s);
	ATF_REQUIRE((pid = fork()) != -1);
	if (pid == 0) {
		struct mh_layout l;
		struct mh_case c;

		memset(&c, 0, sizeof c);
		c.lock = lock;
		c.range = range;
		c.lock_text = c.range_text = "(test)";
		mh_layout_init(&l);
		l.m = mmap(NULL, l.npages * l.page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (l.m == MAP_FAILED)
			_exit(2);
		l.hole = hole;
		if (hole >= 0 && munmap(l.m + (size_t)hole * l.page, l.page) != 0)
			_exit(2);
		mh_layout_set_range(&c, &l);
		mh_lock_apply(&c, &l, &s->run);
		s->smaps = locked_bits(l.m, l.page, l.npages, &s->locked) == 0;
		_exit(0);
	}
	ATF_REQUIRE(waitpid(pid, &status, 0) == pid);
	ATF_REQUIRE_MSG(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "the child could not map its pages (status %#x)", status);
	*out = *s;
	munmap(s, sizeof *s);
}

/* Applies lock and requires the pages want locked, nothing else. */
static void
want_locked(enum mh_lock lock, enum mh_range range, long hole, unsigned want)
{
	struct seen s;

	apply(lock, range, hole, &s);
	if (s.run.end == MH_END_SKIP)
		atf_tc_skip("%s", s.run.why);
	ATF_REQUIRE_MSG(s.run.end == MH_END_NONE, "the run ended (%d): %s", s.run.end, s.run.why);
	if (!s.smaps)
		atf_tc_skip("no /proc/self/smaps: the locked pages cannot be read back here");
	ATF_CHECK_MSG(s.locked == want, "lock %d, range %d: pages %#x locked, want %#x",
	    (int)lock, (int)range, s.locked, want);
}

ATF_TC(none);
ATF_TC_HEAD(none, tc)
{
	atf_tc_set_md_var(tc, "descr", "lock=unlocked locks no page");
}
ATF_TC_BODY(none, tc)
{
	want_locked(MH_LOCK_NONE, MH_R_WHOLE, -1, 0);
}

ATF_TC(range);
ATF_TC_HEAD(range, tc)
{
	atf_tc_set_md_var(tc, "descr", "lock=range locks the range's mapped pages and no other");
}
ATF_TC_BODY(range, tc)
{
	want_locked(MH_LOCK_RANGE, MH_R_PAGE, -1, 0x1);
	want_locked(MH_LOCK_RANGE, MH_R_PAGES, -1, 0x6);
	want_locked(MH_LOCK_RANGE, MH_R_ADDR1, -1, 0x3);	/* the two pages it touches */
	want_locked(MH_LOCK_RANGE, MH_R_HOLE, 1, 0xd);		/* the hole left out */
}

ATF_TC(other);
ATF_TC_HEAD(other, tc)
{
	atf_tc_set_md_var(tc, "descr", "lock=other locks the mapping's last page outside the range");
}
ATF_TC_BODY(other, tc)
{
	want_locked(MH_LOCK_OTHER, MH_R_PAGE, -1, 0x8);
	want_locked(MH_LOCK_OTHER, MH_R_TAIL, -1, 0x2);
}

ATF_TC(half);
ATF_TC_HEAD(half, tc)
{
	atf_tc_set_md_var(tc, "descr", "lock=half locks the second half of the mapping");
}
ATF_TC_BODY(half, tc)
{
	want_locked(MH_LOCK_HALF, MH_R_WHOLE, -1, 0xc);
}

ATF_TC(all);
ATF_TC_HEAD(all, tc)
{
	atf_tc_set_md_var(tc, "descr", "lock=mlockall locks every page of the mapping");
}
ATF_TC_BODY(all, tc)
{
	want_locked(MH_LOCK_ALL, MH_R_PAGE, -1, 0xf);
}

ATF_TC(nothing_to_lock);
ATF_TC_HEAD(nothing_to_lock, tc)
{
	atf_tc_set_md_var(tc, "descr", "a lock state that leaves no page to lock breaks the "
	    "run as a table error, naming the combination");
}
ATF_TC_BODY(nothing_to_lock, tc)
{
	struct seen s;

	apply(MH_LOCK_OTHER, MH_R_WHOLE, -1, &s);
	ATF_CHECK_EQ(s.run.end, MH_END_BROKEN);
	printf("reason: %s\n", s.run.why);
	ATF_CHECK(strstr(s.run.why, "table error") != NULL);
	ATF_CHECK(strstr(s.run.why, "lib/lock.c:") != NULL);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, none);
	ATF_TP_ADD_TC(tp, range);
	ATF_TP_ADD_TC(tp, other);
	ATF_TP_ADD_TC(tp, half);
	ATF_TP_ADD_TC(tp, all);
	ATF_TP_ADD_TC(tp, nothing_to_lock);
	return atf_no_error();
}
