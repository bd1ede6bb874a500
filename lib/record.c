/*
 * The record a case prints on stdout, one line, read back by msync-report
 * from kyua's results (format documented in results/README.md):
 *
 *   msync-record TAB format=2 TAB id=ID TAB observed=OUTCOME TAB fs=TYPE
 *   TAB v.VARIANT=match|contradict|silent ... TAB obs=OBSERVATION
 *
 * Format 2 says the facts of the tested system are in the metadata of the
 * program's first case (mh_record_facts), not to be had from elsewhere.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/statvfs.h>
#if HAVE_SYS_VFS_H
#include <sys/vfs.h>
#endif
#if HAVE_STRUCT_STATFS_F_FSTYPENAME
#include <sys/param.h>
#include <sys/mount.h>
#endif

#include <stdio.h>
#include <string.h>

#include "facts.h"
#include "mh.h"

#define FORMAT 2

void
mh_record(const struct mh_table *t, const struct mh_case *c, const char *observed,
    const char *fstype, const char *obs)
{
	static const char *const words[] = { "silent", "match", "contradict" };

	printf("msync-record\tformat=%d\tid=%s\tobserved=%s\tfs=%s", FORMAT, c->id, observed,
	    fstype);
	for (unsigned v = 0; v < t->nvariants; v++)
		printf("\tv.%s=%s", t->variants[v].name,
		    words[mh_match(mh_expect_of(t, c, v), observed)]);
	printf("\tobs=%s\n", obs);
	fflush(stdout);
}

/*
 * The facts of the system the program runs on, as metadata of test case tc
 * (kyua keeps X-NAME as custom.NAME in its results file): X-msync-facts,
 * "format=2" and the facts as TAB-separated KEY=VALUE fields; and for the
 * program's first case (first) the title of every variant the records
 * judge by, X-msync-variant-NN = "NAME TITLE".  case.c calls this while
 * kyua lists the program: the facts are had once per program and run, on
 * the tested system, at no cost to any case, and every case carries them,
 * whichever a run selects.
 */
void
mh_record_facts(atf_tc_t *tc, const struct mh_table *t, int first)
{
	static char facts[1024];
	char key[32];

	if (facts[0] == '\0') {
		struct mh_facts f;

		mh_facts_get(&f);
		snprintf(facts, sizeof facts, "format=%d\tos=%s\trelease=%s\tmachine=%s"
		    "\tabi=%s\tlibc=%s\tpagesize=%s\temulator=%s", FORMAT, f.os, f.release,
		    f.machine, f.abi, f.libc, f.pagesize, f.emulator);
	}
	atf_tc_set_md_var(tc, "X-msync-facts", "%s", facts);
	for (unsigned v = 0; first && v < t->nvariants; v++) {
		snprintf(key, sizeof key, "X-msync-variant-%02u", v + 1);
		atf_tc_set_md_var(tc, key, "%s %s", t->variants[v].name, t->variants[v].title);
	}
}

/* The filesystem type of path, by the means the system offers. */
const char *
mh_fstype(const char *path, char *buf, size_t n)
{
#if HAVE_STRUCT_STATFS_F_FSTYPENAME
	struct statfs sf;

	if (statfs(path, &sf) == 0) {
		snprintf(buf, n, "%s", sf.f_fstypename);
		return buf;
	}
#elif HAVE_STRUCT_STATVFS_F_BASETYPE
	struct statvfs sv;

	if (statvfs(path, &sv) == 0) {
		snprintf(buf, n, "%s", sv.f_basetype);
		return buf;
	}
#elif HAVE_SYS_VFS_H
	/* Linux names filesystems only by magic number. */
	static const struct { unsigned long magic; const char *name; } magics[] = {
		{ 0xEF53, "ext4" }, { 0x01021994, "tmpfs" }, { 0x58465342, "xfs" },
		{ 0x9123683E, "btrfs" }, { 0x65735546, "fuse" }, { 0x6969, "nfs" },
		{ 0x794C7630, "overlayfs" }, { 0x2FC12FC1, "zfs" }, { 0x4D44, "vfat" },
		{ 0xF2F52010, "f2fs" }, { 0x01021997, "9p" }, { 0x5346544E, "ntfs" },
		{ 0x00C0FFEE, "hostfs" },
	};
	struct statfs sf;

	if (statfs(path, &sf) == 0) {
		for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
			if ((unsigned long)sf.f_type == magics[i].magic)
				return strcpy(buf, magics[i].name);
		snprintf(buf, n, "0x%lx", (unsigned long)sf.f_type);
		return buf;
	}
#endif
	(void)path;
	snprintf(buf, n, "unknown");
	return buf;
}
