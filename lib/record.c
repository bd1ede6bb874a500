/*
 * The record a case prints on stdout, one line, read back by msync-report
 * from kyua's results (the words are recordfmt.h's, the format documented
 * in results/README.md):
 *
 *   msync-record TAB format=3 TAB id=ID TAB verdict=MODE TAB observed=OUTCOME
 *   TAB fs=TYPE TAB v.VARIANT=match|contradict|silent ... TAB obs=OBSERVATION
 *
 * Only a case whose call was made and observed prints one.  The facts of
 * the tested system are in the metadata of the program's cases
 * (mh_record_facts), not to be had from elsewhere.
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
#include "recordfmt.h"

void
mh_record(const struct mh_table *t, const struct mh_case *c, const char *mode,
    const char *observed, const char *fstype, const char *obs)
{
	static const char *const words[] = {	/* by enum mh_match */
		[MH_SILENT] = MH_SILENT_WORD, [MH_MATCH] = MH_MATCH_WORD,
		[MH_CONTRADICT] = MH_CONTRADICT_WORD,
	};

	printf(MH_RECORD_TAG "\t" MH_KEY_FORMAT "=%d\t" MH_KEY_ID "=%s\t" MH_KEY_VERDICT "=%s"
	    "\t" MH_KEY_OBSERVED "=%s\t" MH_KEY_FS "=%s", MH_RECORD_FORMAT, c->id, mode,
	    observed, fstype);
	for (unsigned v = 0; v < t->nvariants; v++)
		printf("\t" MH_KEY_VARIANT "%s=%s", t->variants[v].name,
		    words[mh_match(mh_expect_of(t, c, v), observed)]);
	printf("\t" MH_KEY_OBS "=%s\n", obs);
	fflush(stdout);
}

/*
 * The facts of the system the program runs on, as metadata of test case tc
 * (kyua keeps X-NAME as custom.NAME in its results file): MH_MD_FACTS,
 * "format=N" and the facts of facts.h as TAB-separated KEY=VALUE fields;
 * and for the program's first case (first) the title of every variant the
 * records judge by, MH_MD_TITLE "NN" = "NAME TITLE".  case.c calls this
 * while kyua lists the program: the facts are had once per program and
 * run, on the tested system, at no cost to any case, and every case
 * carries them, whichever a run selects.
 */
void
mh_record_facts(atf_tc_t *tc, const struct mh_table *t, int first)
{
	static char facts[1024];
	char key[32];

	if (facts[0] == '\0') {
		struct mh_facts f;
		size_t n;

		mh_facts_get(&f);
		n = (size_t)snprintf(facts, sizeof facts, "format=%d", MH_FACTS_FORMAT);
#define MH_FACT_FIELD(name, size, since) \
		if (n < sizeof facts) \
			n += (size_t)snprintf(facts + n, sizeof facts - n, "\t%s=%s", #name, f.name);
		MH_FACTS(MH_FACT_FIELD)
#undef MH_FACT_FIELD
	}
	atf_tc_set_md_var(tc, "X-" MH_MD_FACTS, "%s", facts);
	for (unsigned v = 0; first && v < t->nvariants; v++) {
		snprintf(key, sizeof key, "X-" MH_MD_TITLE "%02u", v + 1);
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
