/*
 * mh: the msync-conformance harness.
 *
 * The case table (t/cases.tbl and the t/variants tables) is compiled by
 * t/gen-cases.awk into a struct mh_table; this library turns its rows into
 * ATF test cases, builds each case's mapping, calls msync() through the C
 * library, records what happened and judges it against the variants.
 */
#ifndef MH_H
#define MH_H

#include <stddef.h>

#include <sys/mman.h>

#include <atf-c.h>

/* Where only the older name exists (configure checks both). */
#if !HAVE_DECL_MAP_ANONYMOUS && HAVE_DECL_MAP_ANON
#define MAP_ANONYMOUS MAP_ANON
#endif

/* Values of the table's dimensions (the C names its value lines give). */
enum mh_mapping {
	MH_FILE_SHARED, MH_FILE_PRIVATE, MH_ANON_SHARED, MH_ANON_PRIVATE,
	MH_FILE_SHARED_RO, MH_FILE_SHARED_NONE
};
enum mh_range {
	MH_R_PAGE, MH_R_PAGES, MH_R_WHOLE, MH_R_ADDR1, MH_R_ADDRHALF,
	MH_R_ADDRPM1, MH_R_LEN0, MH_R_LEN1, MH_R_LENPM1, MH_R_LENPP1,
	MH_R_TAIL, MH_R_HOLE, MH_R_LEAD, MH_R_UNMAPPED, MH_R_NULL,
	MH_R_BEYOND, MH_R_WRAP, MH_R_LENMAX, MH_R_TWOMAPS
};
enum mh_lock { MH_LOCK_NONE, MH_LOCK_RANGE, MH_LOCK_OTHER, MH_LOCK_ALL, MH_LOCK_HALF };
enum mh_check {
	MH_CHECK_STATUS,		/* the return value: the interface matrix */
	MH_CHECK_MTIME_FAULT, MH_CHECK_MTIME_REDIRTY,
	MH_CHECK_PRIVATE_INVALIDATE,
	/* on the witness filesystem (effect_witness.c) */
	MH_CHECK_DURABLE, MH_CHECK_RANGE, MH_CHECK_ASYNC, MH_CHECK_PRIVATE_FILE,
	MH_CHECK_INVALIDATE, MH_CHECK_INVALIDATE_DIRTY, MH_CHECK_EIO, MH_CHECK_ENOSPC,
	MH_CHECK_PARTIAL,
	/* the kernel's page-cache observer (effect_observe.c) */
	MH_CHECK_OBSERVE
};

/* Where a case runs: what the parent read from kyua's configuration. */
struct mh_env {
	const char *dir;	/* scratch_dir: where file-backed cases put files */
	const char *progdir;	/* the test program's directory (ATF srcdir) */
	const char *witness;	/* the msync-witness daemon to run, or NULL */
};

struct mh_run;

/* ---- the generated table ------------------------------------------------ */

#define MH_MAXRULES 8

struct mh_variant {
	const char *name;
	int document;		/* a manual or standard; else an implementation */
	const char *title;
};

struct mh_rule {
	const char *where;	/* file:line of the rule in the table */
	const char *outcomes;	/* space-separated outcome names */
	int may;		/* a "may fail" error of a document */
	const char *cite;	/* the sentence or source it rests on */
};

/* What one variant expects of one case. */
struct mh_expect {
	const char *accept;	/* space-separated outcome names; NULL: silent */
	unsigned short nrules;
	unsigned short rule[MH_MAXRULES];	/* indices into mh_table.rules */
};

struct mh_case {
	const char *id;
	unsigned expect;	/* first of nvariants indices in case_expect */
	int mapping, flags, range, lock, check;
	const char *mapping_text, *flags_text, *range_text, *lock_text, *check_text;
};

struct mh_group {
	const char *name;	/* the test program is NAME_test */
	unsigned first, count;	/* its cases: cases[first .. first+count) */
};

struct mh_table {
	const struct mh_variant *variants;
	unsigned nvariants;
	const struct mh_rule *rules;
	unsigned nrules;
	const struct mh_expect *expects;
	const char *const *vocabulary;	/* every outcome name the table uses */
	const unsigned short *case_expect;
	const struct mh_case *cases;
	unsigned ncases;
	const struct mh_group *groups;
	unsigned ngroups;
};

/* The table of the test programs (t/cases.c, generated). */
extern const struct mh_table mh_table;

/* The expectation of case c for variant v. */
const struct mh_expect *mh_expect_of(const struct mh_table *, const struct mh_case *, unsigned v);

/* register.c: registers n cases named ident(0..n-1), all with the same head
 * and body, into the caller's tcs[n] and packs[n]. */
atf_error_t mh_register(atf_tp_t *, unsigned n, const char *(*ident)(unsigned),
    atf_tc_head_t, atf_tc_body_t, atf_tc_t *tcs, struct atf_tc_pack *packs);

/* case.c: main() of every generated test program. */
int mh_main(const struct mh_table *, int argc, char **argv);

/* ---- outcomes ------------------------------------------------------------ */

enum mh_outcome_kind { MH_RETURNED, MH_SIGNALLED, MH_TIMED_OUT };

struct mh_outcome {
	enum mh_outcome_kind kind;
	int ret;		/* MH_RETURNED: msync's return value */
	int err;		/* MH_RETURNED: errno after it */
	int sig;		/* MH_SIGNALLED: the signal */
};

#define MH_NAMELEN 32
/* "0", "EINVAL", "errno=123", "ret=7", "SIGSEGV", "TIMEOUT". */
const char *mh_outcome_name(const struct mh_outcome *, char buf[MH_NAMELEN]);
/* Whether the harness can ever report this name (checks the table's words). */
int mh_outcome_name_known(const char *);
const char *mh_errno_name(int err);	/* NULL if unnamed */

/* ---- the pieces of a case ------------------------------------------------ */

/* layout.c: the mapping and the (addr, len) the case passes. */
struct mh_layout {
	size_t page;
	char *m;		/* first page of the mapping */
	size_t npages;		/* pages of the mapping (one may be a hole) */
	long hole;		/* index of the unmapped page in it, or -1 */
	int fd;			/* the file, or -1 */
	int fd2;		/* the second mapping's descriptor (twomaps), or -1 */
	char name[64];		/* the file's name in its directory */
	int seal;		/* becomes PROT_NONE after locking */
	void *addr;		/* msync's arguments */
	size_t len;
};
#define MH_MAP_PAGES 4
/* Builds the case's mapping; a file goes in dir, and is unlinked as soon as
 * it is mapped, so that nothing is left behind even if the case is killed.
 * Writable mappings of status cases have every page dirtied; the effect
 * procedures make their own stores.
 * Returns NULL, or why it could not (the case is then skipped: a missing
 * capability, not a finding). */
const char *mh_layout_build(const struct mh_case *, const char *dir, struct mh_layout *);
/* Gives the mapping its final protection, once the locks are applied. */
const char *mh_layout_seal(struct mh_layout *);
void mh_layout_free(struct mh_layout *);
/* Pages of the mapping the range touches: [*lo, *hi), empty if lo == hi. */
void mh_layout_range_pages(const struct mh_layout *, size_t *lo, size_t *hi);

/* lock.c: applies the case's lock state.  0 done; MH_SKIP when the system
 * refuses the lock; MH_BROKEN when the table asks for an impossible one.
 * why gets the reason. */
int mh_lock_apply(const struct mh_case *, const struct mh_layout *, char *why, size_t n);

/* The name of what a run observed: the effect word when the procedure set
 * one (most set it only when the call succeeded), else the outcome's name. */
const char *mh_observed(const struct mh_run *, char buf[MH_NAMELEN]);

/* ---- effects (the semantic cases) ----------------------------------------- */

/* effect.c: runs the procedure of c->check in the contained child; the
 * semantic ones set run->effect and run->obs. */
void mh_effect(const struct mh_case *, const struct mh_env *, struct mh_run *);
/* The call, between the MH_CALL and MH_CHECK phases. */
void mh_effect_call(const struct mh_case *, const struct mh_layout *, struct mh_run *);
/* effect_time.c */
void mh_effect_mtime(const struct mh_case *, const char *dir, struct mh_run *);
/* effect_private.c */
void mh_effect_private_invalidate(const struct mh_case *, const char *dir, struct mh_run *);
/* effect_witness.c */
void mh_effect_witness(const struct mh_case *, const struct mh_env *, struct mh_run *);
/* effect_observe.c */
void mh_effect_observe(const struct mh_case *, const char *dir, struct mh_run *);
/* Stores a byte to each page of the range (len 0: none), returns how many. */
size_t mh_effect_store(const struct mh_layout *, char v);
/* Shared by the procedures: build the layout or skip; fail as broken. */
int mh_effect_layout(const struct mh_case *, const char *dir, struct mh_layout *, struct mh_run *);
void mh_effect_broken(struct mh_run *, const char *what);

/* ---- containment -------------------------------------------------------- */

/* What a contained run reports to the case, through a shared page. */
enum mh_phase { MH_SETUP, MH_CALL, MH_CHECK, MH_DONE, MH_SKIP, MH_BROKEN };
struct mh_run {
	volatile int phase;		/* enum mh_phase, as far as it got */
	int reached;			/* the phase the child left it in */
	struct mh_outcome outcome;	/* valid from MH_CHECK on */
	char effect[32];		/* the effect observed, when it is the outcome */
	char why[1024];			/* MH_SKIP, MH_BROKEN: the reason */
	char obs[1024];			/* what the case observed of the effects */
	char fs[32];			/* the filesystem, when not scratch_dir's */
};

/* contain.c: runs fn in a child process with a timeout (seconds) and fills
 * run: a crash or hang of the child cannot take the case down with it.  A
 * signal that ends the child during MH_CALL, or a timeout there, becomes the
 * call's outcome; anywhere else it is a broken run, with the reason in run->why. */
void mh_contain(void (*fn)(void *arg, struct mh_run *), void *arg, unsigned timeout,
    struct mh_run *run);

/* call.c: msync(addr, len, flags) through the C library, as applications
 * call it; the outcome as returned. */
struct mh_outcome mh_call_msync(void *addr, size_t len, int flags);

/* ---- verdicts ------------------------------------------------------------ */

enum mh_match { MH_SILENT, MH_MATCH, MH_CONTRADICT };
enum mh_match mh_match(const struct mh_expect *, const char *observed);

/* The verdict mode "manuals" passes when a document that speaks accepts the
 * outcome (or none speaks); a variant name checks against that variant only.
 * Returns 1 to pass, 0 to fail with the reason in buf, -1 for an unknown
 * mode (reason lists the valid names). */
#define MH_MANUALS "manuals"
int mh_judge(const struct mh_table *, const struct mh_case *, const char *mode,
    const char *observed, char *buf, size_t n);
/* Whether mode names "manuals" or a variant. */
int mh_mode_valid(const struct mh_table *, const char *mode);

/* record.c: the one-line record every case prints on stdout. */
void mh_record(const struct mh_table *, const struct mh_case *, const char *observed,
    const char *fstype, const char *obs);
const char *mh_fstype(const char *path, char *buf, size_t n);
/* The tested system's facts (and, first, the variants' titles) as tc's metadata. */
void mh_record_facts(atf_tc_t *tc, const struct mh_table *, int first);

#endif
