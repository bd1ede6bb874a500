/*
 * Semantic cases on the witness filesystem (witness/, witness_session.c):
 * a FUSE filesystem that logs every WRITE and FSYNC the kernel sends it,
 * can change stored bytes behind the kernel's cache, and can fail writes.
 * On a system with a unified page cache, reading a file back proves
 * nothing about storage; the witness's log does.  Two marks logged around
 * the call separate what msync wrote, and waited for, from what came
 * before and after; the session's control file shows write-back nobody
 * asked for (witness_session.h).
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <stdint.h>
#include <time.h>

#include "pages.h"
#include "witness_session.h"

/* How long MS_ASYNC's pages may take on their own: a started write reaches
 * FUSE in milliseconds. */
#define ASYNC_WAIT_MS 500

#define STORED_AT 7
#define POKED_AT 9

/* Every dirtied page of the range at storage, with its bytes, before the
 * call returned? */
void
mh_check_durable(struct mh_ctx *x)
{
	unsigned range = mh_range_bits(&x->l), got, match;
	uint64_t before, after;
	char a[64], b[64], d[64];

	mh_session_arm(x);
	mh_store(x->l.m, &x->l, range, STORED_AT, 'D');
	mh_session_call(x, &before, &after);
	range = mh_range_bits(&x->l);	/* the file may have shrunk at the call */
	got = mh_session_written(x, before, after) & range;
	match = mh_session_matches(x, range);
	mh_session_undisturbed(x);
	mh_effect_word(x->run, got == range && match == range ? "durable" : "not-durable");
	mh_note(x->run, "dirty pages %s; written before the return: %s; "
	    "storage equals the mapping: %s; FSYNC before the return: %s",
	    mh_pages(range, a, sizeof a), mh_pages(got, b, sizeof b),
	    mh_pages(match, d, sizeof d), mh_session_fsynced(x, before, after) ? "yes" : "no");
}

/* Every mapped page dirtied (v at byte 7), then the call: which pages did
 * it write? */
static unsigned
all_dirty_written(struct mh_ctx *x, char v)
{
	uint64_t before, after;
	unsigned got;

	mh_session_arm(x);
	mh_store(x->l.m, &x->l, mh_mapped_bits(&x->l), STORED_AT, v);
	mh_session_call(x, &before, &after);
	got = mh_session_written(x, before, after);
	mh_session_undisturbed(x);
	return got;
}

/* Which of the mapping's dirty pages did the call write? */
void
mh_check_range_only(struct mh_ctx *x)
{
	unsigned range = mh_range_bits(&x->l), all = mh_mapped_bits(&x->l);
	unsigned got = all_dirty_written(x, 'R');
	const char *e;
	char a[64], b[64];

	e = got == 0 ? "none-written" :
	    got == all && range != all ? "all-written" :
	    got == range ? "range-only" :
	    (got & range) == range ? "beyond-range" : "part-of-range";
	mh_effect_word(x->run, e);
	mh_note(x->run, "all 4 pages dirty, range pages %s; "
	    "written before the return: %s", mh_pages(range, a, sizeof a), mh_pages(got, b, sizeof b));
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) * 1000L + (t.tv_nsec - t0->tv_nsec) / 1000000L;
}

/* MS_ASYNC: did the call wait for the writes, were they under way so that
 * they reach storage on their own soon after, or neither?  Then MS_SYNC on
 * the last page, as a yardstick in the same case. */
void
mh_check_async(struct mh_ctx *x)
{
	struct timespec t0, pause = { 0, 50000000L };
	const struct mh_layout *l = &x->l;
	unsigned range = mh_range_bits(l), last = 1u << (l->npages - 1), early, later = 0;
	uint64_t before, after, now = 0, yard;
	struct mh_outcome o;
	const char *e;
	char a[64], b[64];

	mh_session_arm(x);
	mh_store(l->m, l, range | last, STORED_AT, 'A');
	mh_session_call(x, &before, &after);
	early = mh_session_written(x, before, after) & range;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (early != range && (later & range) != range && ms_since(&t0) < ASYNC_WAIT_MS) {
		nanosleep(&pause, NULL);
		now = mh_session_mark(x, "waiting");
		later = mh_session_written(x, before, now) & range;
	}
	mh_session_undisturbed(x);
	e = early == range ? "synchronous" : (later & range) == range ? "queued" : "not-queued";
	mh_effect_word(x->run, e);

	o = mh_call_msync(l->m + (l->npages - 1) * l->page, l->page, MS_SYNC);
	yard = mh_session_mark(x, "yardstick");
	mh_note(x->run, "range pages %s; written before the return: %s; "
	    "all written within %d ms after: %s; MS_SYNC of the last page: %s, written before its return: %s",
	    mh_pages(range, a, sizeof a), mh_pages(early, b, sizeof b), ASYNC_WAIT_MS,
	    (later & range) == range || early == range ? "yes" : "no",
	    o.ret == 0 ? "0" : "failed", mh_session_written(x, after, yard) & last ? "yes" : "no");
}

/* Stores to a MAP_PRIVATE mapping must never reach the file. */
void
mh_check_private_file(struct mh_ctx *x)
{
	const struct mh_layout *l = &x->l;
	unsigned range = mh_range_bits(l), got, changed = 0;
	uint64_t armed, before, after, end;
	char a[64];

	armed = mh_session_arm(x);
	mh_store(l->m, l, range, STORED_AT, 'P');
	mh_session_call(x, &before, &after);
	end = mh_session_mark(x, "looked");
	got = mh_session_written(x, armed, end);
	for (size_t i = 0; i < l->npages; i++)
		if (mh_session_peek(x, i * l->page + STORED_AT) != (char)('a' + i))
			changed |= 1u << i;
	mh_effect_word(x->run, got == 0 && changed == 0 ? "file-untouched" : "private-written");
	mh_note(x->run, "private stores on pages %s; WRITEs to the file: %s; "
	    "stored bytes changed on pages: %s", mh_pages(range, a, sizeof a),
	    got ? "yes" : "none", changed ? "yes" : "none");
}

/* Storage changes behind the cache; does the mapping show it after the
 * call (and, with stores of its own first, do they survive)? */
static void
invalidate(struct mh_ctx *x, int dirty)
{
	const struct mh_layout *l = &x->l;
	unsigned range = mh_range_bits(l), all = mh_mapped_bits(l), fresh, own;
	uint64_t before, after;
	char a[64], b[64];

	(void)mh_holds(l->m, l, all, POKED_AT, 'Z');	/* cached, mapped */
	mh_session_arm(x);
	if (dirty)
		mh_store(l->m, l, range, STORED_AT, 'O');
	for (size_t i = 0; i < l->npages; i++)
		if (range & (1u << i))
			mh_session_poke(x, i * l->page + POKED_AT, 'Z');
	mh_session_call(x, &before, &after);
	fresh = mh_holds(l->m, l, range, POKED_AT, 'Z');
	own = mh_holds(l->m, l, range, STORED_AT, 'O');
	mh_session_undisturbed(x);
	if (dirty)
		mh_effect_word(x->run, own == range ? "own-kept" : "own-lost");
	else
		mh_effect_word(x->run, fresh == range ? "fresh" : "stale");
	mh_note(x->run, "%sstorage changed behind the cache on pages %s; "
	    "the mapping shows the change on: %s%s%s", dirty ? "stores to the pages, then " : "",
	    mh_pages(range, a, sizeof a), mh_pages(fresh, b, sizeof b),
	    dirty ? "; the stores survive on: " : "", dirty ? mh_pages(own, a, sizeof a) : "");
}

void
mh_check_invalidate(struct mh_ctx *x)
{
	invalidate(x, 0);
}

void
mh_check_invalidate_dirty(struct mh_ctx *x)
{
	invalidate(x, 1);
}

/* The filesystem fails the write-back: msync's answer, a second call's,
 * and whether the data are still there for a retry once storage heals. */
static void
write_error(struct mh_ctx *x, int err)
{
	const struct mh_layout *l = &x->l;
	unsigned range = mh_range_bits(l), kept, stored = 0;
	struct mh_outcome second, retry;
	uint64_t before, after;
	char n1[MH_NAMELEN], n2[MH_NAMELEN], a[64];

	mh_session_arm(x);
	mh_store(l->m, l, range, STORED_AT, 'E');
	mh_session_fail_writes(x, err);
	mh_session_call(x, &before, &after);
	second = mh_call_msync(l->addr, l->len, x->c->flags);
	mh_session_fail_writes(x, 0);
	retry = mh_call_msync(l->addr, l->len, MS_SYNC);
	kept = mh_holds(l->m, l, range, STORED_AT, 'E');
	for (size_t i = 0; i < l->npages; i++)
		if ((range & (1u << i)) && mh_session_peek(x, i * l->page + STORED_AT) == 'E')
			stored |= 1u << i;
	mh_session_undisturbed(x);
	mh_effect_word(x->run, "error-lost");
	mh_note(x->run, "WRITE failed with %s on pages %s; a second call: %s; "
	    "the mapping still holds the data: %s; after storage healed, MS_SYNC returned %s and stored them: %s",
	    mh_errno_name(err), mh_pages(range, a, sizeof a), mh_outcome_name(&second, n1),
	    kept == range ? "yes" : "no", mh_outcome_name(&retry, n2), stored == range ? "yes" : "no");
}

void
mh_check_eio(struct mh_ctx *x)
{
	write_error(x, EIO);
}

/* The write-back failed under a first call, then storage healed: does the
 * call store the data?  A call that returns 0 and stores nothing has lost
 * them without a word. */
static void
retry_after_error(struct mh_ctx *x, int err)
{
	const struct mh_layout *l = &x->l;
	unsigned range = mh_range_bits(l), got, stored = 0;
	struct mh_outcome first;
	uint64_t before, after;
	char n1[MH_NAMELEN], a[64], b[64], d[64];

	mh_session_arm(x);
	mh_store(l->m, l, range, STORED_AT, 'E');
	mh_session_fail_writes(x, err);
	first = mh_call_msync(l->addr, l->len, x->c->flags);
	mh_session_fail_writes(x, 0);
	mh_session_call(x, &before, &after);
	got = mh_session_written(x, before, after);
	for (size_t i = 0; i < l->npages; i++)
		if ((range & (1u << i)) && mh_session_peek(x, i * l->page + STORED_AT) == 'E')
			stored |= 1u << i;
	mh_session_undisturbed(x);
	mh_effect_word(x->run, stored == range ? "retry-stored" : "retry-lost");
	mh_note(x->run, "WRITE failed with %s on pages %s under a first call, which returned %s; "
	    "storage healed; WRITE before this call's return: pages %s; storage holds the data "
	    "on pages: %s", mh_errno_name(err), mh_pages(range, a, sizeof a),
	    mh_outcome_name(&first, n1), mh_pages(got, b, sizeof b), mh_pages(stored, d, sizeof d));
}

void
mh_check_eio_retry(struct mh_ctx *x)
{
	retry_after_error(x, EIO);
}

void
mh_check_enospc_retry(struct mh_ctx *x)
{
	retry_after_error(x, ENOSPC);
}

void
mh_check_enospc(struct mh_ctx *x)
{
	write_error(x, ENOSPC);
}

/* A hole or a locked page ends the call in an error: what was written first? */
void
mh_check_partial(struct mh_ctx *x)
{
	unsigned all = mh_mapped_bits(&x->l), got = all_dirty_written(x, 'H');
	char a[64], b[64];

	mh_note(x->run, "dirty mapped pages %s; written before the return: %s",
	    mh_pages(all, a, sizeof a), mh_pages(got, b, sizeof b));
}
