/*
 * Unit tests of the page-cache observers (observe.c) on a file of the
 * test's own directory: they see the pages a store dirtied, none after
 * MS_SYNC wrote them back, and say why when they cannot observe.
 */
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>
#if defined(__linux__)
#include <sys/vfs.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "observe.h"

#define NPAGES 4

static size_t ps;

/* A file of NPAGES pages written one pwrite() per page (order-0 folios,
 * see observe.h), made clean and mapped MAP_SHARED with prot at *m. */
static int
clean_file(int prot, char **m)
{
	char *buf = NULL;
	int fd;

	ps = (size_t)sysconf(_SC_PAGESIZE);
	ATF_REQUIRE((fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644)) >= 0);
	ATF_REQUIRE((buf = malloc(ps)) != NULL);
	memset(buf, 'a', ps);
	for (size_t i = 0; i < NPAGES; i++)
		ATF_REQUIRE(pwrite(fd, buf, ps, (off_t)(i * ps)) == (ssize_t)ps);
	free(buf);
	ATF_REQUIRE(fsync(fd) == 0);
	*m = mmap(NULL, NPAGES * ps, prot, MAP_SHARED, fd, 0);
	ATF_REQUIRE(*m != MAP_FAILED);
	return fd;
}

/* Skips where the directory's filesystem keeps no dirty page state. */
static void
require_dirty_state(int fd)
{
#if defined(__linux__)
	struct statfs sf;

	ATF_REQUIRE(fstatfs(fd, &sf) == 0);
	if (sf.f_type == 0x01021994)	/* TMPFS_MAGIC: shmem pages are never written back */
		atf_tc_skip("the test's directory is on tmpfs, which keeps no dirty page state "
		    "to observe; run the tests from a disk filesystem");
#else
	(void)fd;
#endif
}

static void
show(const char *when, const struct obs_pages *o)
{
	printf("%s: cached %llu dirty %llu writeback %llu\n", when,
	    (unsigned long long)o->cached, (unsigned long long)o->dirty,
	    (unsigned long long)o->writeback);
}

ATF_TC(dirty_then_synced);
ATF_TC_HEAD(dirty_then_synced, tc)
{
	atf_tc_set_md_var(tc, "descr", "The observer counts no dirty page in a clean file, "
	    "the two pages a store dirtied, and none after msync(MS_SYNC)");
}
ATF_TC_BODY(dirty_then_synced, tc)
{
	char *m;
	int fd = clean_file(PROT_READ | PROT_WRITE, &m);
	struct obs_pages o;
	const char *why;

	if ((why = obs_pages(fd, 0, m, NPAGES * ps, &o)) != NULL) {
		if (obs_missing())
			atf_tc_skip("%s", why);
		atf_tc_fail("the observer failed on a readable file: %s", why);
	}
	require_dirty_state(fd);
	printf("mechanism: %s\n", obs_mechanism());
	show("clean", &o);
	ATF_CHECK_EQ(0, o.dirty);
	m[0] = m[2 * ps] = 'Z';
	ATF_REQUIRE(obs_pages(fd, 0, m, NPAGES * ps, &o) == NULL);
	show("pages 0 and 2 stored", &o);
	ATF_CHECK_EQ(2, o.dirty);
	/* The range is the observer's: page 2 alone holds one. */
	ATF_REQUIRE(obs_pages(fd, (off_t)(2 * ps), m + 2 * ps, ps, &o) == NULL);
	show("page 2 alone", &o);
	ATF_CHECK_EQ(1, o.dirty);
	ATF_REQUIRE(msync(m, NPAGES * ps, MS_SYNC) == 0);
	ATF_REQUIRE(obs_pages(fd, 0, m, NPAGES * ps, &o) == NULL);
	show("after MS_SYNC", &o);
	ATF_CHECK_EQ(0, o.dirty);
	ATF_CHECK_EQ(0, o.writeback);
	munmap(m, NPAGES * ps);
	close(fd);
}

ATF_TC(names_its_mechanism);
ATF_TC_HEAD(names_its_mechanism, tc)
{
	atf_tc_set_md_var(tc, "descr", "An observer that observes names its mechanism; "
	    "where none observes, it says why and that it is missing, which is no fault");
}
ATF_TC_BODY(names_its_mechanism, tc)
{
	char *m;
	int fd = clean_file(PROT_READ, &m);
	struct obs_pages o;
	const char *why;

	why = obs_pages(fd, 0, m, ps, &o);
	printf("mechanism %s, why %s, missing %d\n", obs_mechanism() ? obs_mechanism() : "none",
	    why ? why : "-", obs_missing());
	if (why == NULL) {
		ATF_CHECK(obs_mechanism() != NULL);
		ATF_CHECK_EQ(1, o.cached);
	} else {
		ATF_CHECK(obs_missing());
		ATF_CHECK(*why != '\0');
	}
	munmap(m, NPAGES * ps);
	close(fd);
}

ATF_TC(bad_descriptor);
ATF_TC_HEAD(bad_descriptor, tc)
{
	atf_tc_set_md_var(tc, "descr", "An observation of a closed descriptor fails with the "
	    "reason, and is not taken for a missing observer");
}
ATF_TC_BODY(bad_descriptor, tc)
{
	char *m;
	int fd = clean_file(PROT_READ, &m);
	struct obs_pages o;
	const char *why;

	if ((why = obs_pages(fd, 0, m, ps, &o)) != NULL && obs_missing())
		atf_tc_skip("%s", why);
	close(fd);
	why = obs_pages(fd, 0, NULL, ps, &o);
	printf("reason: %s\n", why ? why : "(none)");
	ATF_REQUIRE(why != NULL);
	ATF_CHECK(!obs_missing());
	munmap(m, NPAGES * ps);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, dirty_then_synced);
	ATF_TP_ADD_TC(tp, names_its_mechanism);
	ATF_TP_ADD_TC(tp, bad_descriptor);
	return atf_no_error();
}
