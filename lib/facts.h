/*
 * Facts about the system a program runs on, as that program sees them: the
 * test programs record them where the suite runs (record.c), and
 * msync-report falls back on them only for results that carry none.
 * No ATF here: msync-report links this file too.
 */
#ifndef MH_FACTS_H
#define MH_FACTS_H

struct mh_facts {
	char os[80];		/* uname -s */
	char release[128];	/* uname -r: the kernel release */
	char machine[80];	/* uname -m */
	char abi[128];		/* the build's: "i386 ilp32 little-endian" ... */
	char libc[64];		/* "glibc 2.36", "musl", ... */
	char pagesize[24];	/* sysconf(_SC_PAGESIZE) */
	char emulator[128];	/* "none", "qemu-aarch64", "valgrind ...", "unknown" */
};

/* Fills f; a fact that cannot be had is "unknown".  No value holds a
 * control character. */
void mh_facts_get(struct mh_facts *f);

#endif
