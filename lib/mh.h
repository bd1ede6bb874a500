/*
 * mh: the msync-conformance harness.
 *
 * The case table (t/cases.tbl and the t/variants tables) is compiled by the
 * generator (t/gen/) into a struct mh_table (casetable.h); this library
 * turns its rows into ATF test cases, builds each case's mapping, calls
 * msync() through the C library, records what happened and judges it
 * against the variants.
 */
#ifndef MH_H
#define MH_H

#include <stddef.h>
#include <stdint.h>

#include <sys/mman.h>

#include <atf-c.h>

#include "casetable.h"
#include "grammar.h"
#include "recordfmt.h"	/* MH_MANUALS */

/* Where only the older name exists (configure checks both). */
#if !HAVE_DECL_MAP_ANONYMOUS && HAVE_DECL_MAP_ANON
#define MAP_ANONYMOUS MAP_ANON
#endif

/* Where a case runs: what the parent read from kyua's configuration. */
struct mh_env {
	const char *dir;	/* scratch_dir: where file-backed cases put files */
	const char *progdir;	/* the test program's directory (ATF srcdir) */
	const char *witness;	/* the msync-witness daemon to run, or NULL */
};

struct mh_run;

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

/* "0", "EINVAL", "errno=123", "ret=7", "SIGSEGV", "TIMEOUT". */
const char *mh_outcome_name(const struct mh_outcome *, char buf[MH_NAMELEN]);
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
	char *pair;		/* the file's other mapping (layout_pair.c), or NULL */
	int writable;		/* mapped PROT_WRITE: status cases store to it */
	int reshape;		/* enum mh_reshape: the corner's last step before the call */
	size_t eof;		/* pages of the mapping the file backs (npages but past EOF) */
	size_t off;		/* the file page mapped at m (fileoffset: 2) */
	int shmid;		/* the System V segment attached at m, or -1 */
	void *addr;		/* msync's arguments */
	size_t len;
};
#define MH_MAP_PAGES 4
/* What mh_layout_seal() does to a corner's mapping, after the stores and
 * the locks and just before the call (layout_corner.c). */
enum mh_reshape { MH_RESHAPE_NONE, MH_RESHAPE_SPLIT, MH_RESHAPE_TRUNCATE };
/* Builds the case's mapping; a file goes in dir, and is unlinked as soon as
 * it is mapped, so that nothing is left behind even if the case is killed.
 * Writable mappings of status cases have every page dirtied; the effect
 * procedures make their own stores.
 * Returns NULL, or why it could not (setup.c then skips the case: a missing
 * capability, not a finding). */
const char *mh_layout_build(const struct mh_case *, const char *dir, struct mh_layout *);
/* Gives the mapping its final protection, once the locks are applied. */
const char *mh_layout_seal(struct mh_layout *);
void mh_layout_free(struct mh_layout *);
/* layout_pair.c: the second mapping of the file (pairing values), and the
 * MAP_SHARED or MAP_PRIVATE flag the layout's own mapping takes. */
int mh_layout_pair_flags(const struct mh_case *);
const char *mh_layout_pair_build(const struct mh_case *, struct mh_layout *);
/* The other mapping, made now where the mapping value makes it late; NULL
 * where a forked child holds it: mh_layout_pair_ask() has the child store v
 * at byte off of the pages of bits ('w'), or say on which of them that byte
 * is v ('r'). */
char *mh_layout_pair(const struct mh_case *, struct mh_layout *, struct mh_run *);
unsigned mh_layout_pair_ask(struct mh_run *, char op, unsigned bits, size_t off, char v);
/* The pieces the corners' mappings share with the others (layout.c): an
 * unmapped reservation of size bytes at an align-aligned m with GUARD
 * unmapped pages each side; a file of npages written one page per pwrite();
 * the end of every build (guards, hole, stores, range). */
const char *mh_layout_reserve(struct mh_layout *, size_t size, size_t align, char **r, size_t *span);
int mh_layout_file(const char *path, size_t page, size_t npages, int ro);
const char *mh_layout_why(const char *what);	/* "what: strerror(errno)" */
const char *mh_layout_finish(const struct mh_case *, struct mh_layout *, char *r, size_t span);
/* layout_corner.c: the corners' mappings (mapping values from MH_FILE_SPLIT
 * on), their step before the call, and their release. */
int mh_corner_mapping(int mapping);
const char *mh_corner_build(const struct mh_case *, const char *dir, struct mh_layout *);
const char *mh_corner_reshape(struct mh_layout *);
void mh_corner_free(struct mh_layout *);
/* Pages of the mapping the range touches: [*lo, *hi), empty if lo == hi. */
void mh_layout_range_pages(const struct mh_layout *, size_t *lo, size_t *hi);

/* lock.c: applies the case's lock state; ends the case (skip) when the
 * system refuses the lock, as broken when the table asks for an impossible one. */
void mh_lock_apply(const struct mh_case *, const struct mh_layout *, struct mh_run *);

/* The name of what a run observed: the effect word when the procedure set
 * one (only when the call returned 0), else the outcome's name. */
const char *mh_observed(const struct mh_run *, char buf[MH_NAMELEN]);

/* ---- check procedures ----------------------------------------------------- */

/* What a check procedure works on, in the contained child. */
struct mh_ctx {
	const struct mh_case *c;
	const struct mh_env *env;
	struct mh_run *run;
	struct mh_layout l;	/* built and locked before the procedure runs */
	void *priv;		/* the procedure's own state (the witness session) */
};

/* setup.c: the one path every case goes through: mh_effect() builds the
 * layout in the procedure's directory and applies the lock state, runs the
 * procedure, which calls mh_call() (the protection, then the measured call)
 * once between its own steps, and ends the case. */
void mh_effect(const struct mh_case *, const struct mh_env *, struct mh_run *);
void mh_call(struct mh_ctx *);

/* Ending a case from anywhere in its procedure, as LTP's tst_brk(): one call
 * records the reason and ends the contained child (after the cleanup set
 * with mh_at_end, if any). */
#if defined(__GNUC__)
#define MH_PRINTF(f, a) __attribute__((__format__(__printf__, f, a)))
#else
#define MH_PRINTF(f, a)
#endif
/* phase: MH_SKIP or MH_BROKEN (enum mh_phase, below). */
_Noreturn void mh_brk(struct mh_run *, int phase, const char *fmt, ...) MH_PRINTF(3, 4);
/* A missing capability: the case skips. */
#define mh_skip(run, ...) mh_brk((run), MH_SKIP, __VA_ARGS__)
/* The harness failed (not the call): the run is broken. */
#define mh_broken(run, ...) mh_brk((run), MH_BROKEN, __VA_ARGS__)
/* Broken, with errno's text: "what: strerror(errno)". */
_Noreturn void mh_broken_errno(struct mh_run *, const char *what);
/* What to do first whichever way the case ends (the witness unmounts). */
void mh_at_end(void (*)(struct mh_ctx *), struct mh_ctx *);
/* Names the effect the call had, if it returned 0 (else its outcome stands). */
void mh_effect_word(struct mh_run *, const char *word);
/* What the case observed, for the record's obs field. */
void mh_note(struct mh_run *, const char *fmt, ...) MH_PRINTF(2, 3);

/* The procedures, by check value (setup.c dispatches). */
void mh_check_status(struct mh_ctx *);			/* effect.c */
void mh_check_mtime(struct mh_ctx *);			/* effect_time.c */
void mh_check_private_invalidate(struct mh_ctx *);	/* effect_private.c */
void mh_check_observe(struct mh_ctx *);			/* effect_observe.c */
/* effect_witness.c: the directory is a witness mount, mounted first. */
const char *mh_witness_open(struct mh_ctx *);
void mh_check_witness(struct mh_ctx *);
/* For witness procedures of other files: the log cleared; mh_call(), a
 * mark and the log read (returns the mark); bit i: page i of the file got a
 * WRITE before seq; one stored byte read, or changed behind the cache;
 * "0,2,3" or "none". */
void mh_witness_clear(struct mh_ctx *);
uint64_t mh_witness_call(struct mh_ctx *);
unsigned mh_witness_written(struct mh_ctx *, uint64_t before);
char mh_witness_peek(struct mh_ctx *, size_t off);
void mh_witness_poke(struct mh_ctx *, size_t off, char v);
const char *mh_pages(unsigned bits, char *buf, size_t n);
void mh_check_pair(struct mh_ctx *);			/* effect_pair.c */
/* Stores a byte to each page of the range (len 0: none), returns how many. */
size_t mh_effect_store(const struct mh_layout *, char v);

/* ---- containment -------------------------------------------------------- */

/* What a contained run reports to the case, through a shared page. */
enum mh_phase { MH_SETUP, MH_CALL, MH_CHECK, MH_DONE, MH_SKIP, MH_BROKEN };
struct mh_run {
	volatile int phase;		/* enum mh_phase, as far as it got */
	int reached;			/* the phase the child left it in */
	struct mh_outcome outcome;	/* valid from MH_CHECK on */
	char effect[MH_NAMELEN];		/* the effect observed, when it is the outcome */
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
 * mode (reason lists the valid names).  MH_MANUALS is recordfmt.h's. */
int mh_judge(const struct mh_table *, const struct mh_case *, const char *mode,
    const char *observed, char *buf, size_t n);
/* Whether mode names "manuals" or a variant. */
int mh_mode_valid(const struct mh_table *, const char *mode);

/* config.c: a configuration variable the suite does not know (checked once
 * per program) and a scratch_dir that cannot hold the file under test are
 * mistakes that fail every case. */
void mh_config_check(const atf_tp_t *);
const char *mh_config_mistake(void);	/* NULL: none */
int mh_config_scratch(const char *dir, char *why, size_t n);

/* record.c: the one-line record every case prints on stdout. */
void mh_record(const struct mh_table *, const struct mh_case *, const char *mode,
    const char *observed, const char *fstype, const char *obs);
const char *mh_fstype(const char *path, char *buf, size_t n);
/* The tested system's facts (and, first, the variants' titles) as tc's metadata. */
void mh_record_facts(atf_tc_t *tc, const struct mh_table *, int first);

#endif
