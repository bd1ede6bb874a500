/*
 * Facts about the system a program runs on, as that program sees them: the
 * test programs record them where the suite runs (record.c), and
 * msync-report falls back on them only for results that carry none.
 * No ATF here: msync-report links this file too.
 */
#ifndef MH_FACTS_H
#define MH_FACTS_H

/*
 * The facts, defined here once: X(NAME, SIZE, SINCE), in the order records
 * and reports give them.  NAME is the member of struct mh_facts and the key
 * in the recorded facts and in the report's header; SIZE the bytes kept;
 * SINCE the report format whose header first had the fact (every one is in
 * the recorded facts since their first format, MH_FACTS_FORMAT).  A new fact
 * is one line here (with the next report format as SINCE), its value in
 * facts.c, and the documents (results/README.md).
 */
#define MH_FACTS(X) \
	X(os,		80,	1)	/* uname -s */ \
	X(release,	128,	1)	/* uname -r: the kernel release */ \
	X(machine,	80,	1)	/* uname -m */ \
	X(abi,		128,	2)	/* the build's: "i386 ilp32 little-endian" ... */ \
	X(libc,		64,	1)	/* "glibc 2.36", "musl", ... */ \
	X(pagesize,	24,	1)	/* sysconf(_SC_PAGESIZE) */ \
	X(emulator,	128,	2)	/* "none", "qemu-aarch64", "valgrind ...", "gvisor", "unknown" */

struct mh_facts {
#define MH_FACT_MEMBER(name, size, since) char name[size];
	MH_FACTS(MH_FACT_MEMBER)
#undef MH_FACT_MEMBER
};

/* Fills f; a fact that cannot be had is "unknown".  No value holds a
 * control character. */
void mh_facts_get(struct mh_facts *f);

#endif
