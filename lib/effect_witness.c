/*
 * Semantic cases on the witness filesystem (witness/): a FUSE filesystem
 * that logs every WRITE and FSYNC the kernel sends it, can change stored
 * bytes behind the kernel's cache, and can fail writes.  On a system with a
 * unified page cache, reading a file back proves nothing about storage; the
 * witness's log does.  A mark logged right after the call returns separates
 * what msync waited for from what came later.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mh.h"
#include "witness.h"

/* How long MS_ASYNC's pages may take on their own: a started write reaches
 * FUSE in milliseconds. */
#define ASYNC_WAIT_MS 500
#define MAXPAGE 65536

struct session {
	struct wit *w;
	struct mh_layout *l;	/* the ctx's, on the witness */
	struct mh_run *run;
	struct wit_log log;
	uint64_t mark;
};

static char pagebuf[MAXPAGE];
static struct session session;

static _Noreturn void
fail(struct session *s, const char *what)
{
	mh_broken(s->run, "%s: %s", what, s->w != NULL ? wit_error(s->w) : strerror(errno));
}

/* Unmounts at the end of the case, whichever way it ends: an unmount that
 * fails after a finished procedure breaks the run. */
static void
close_session(struct mh_ctx *x)
{
	struct session *s = x->priv;
	char why[512];

	wit_log_free(&s->log);
	mh_layout_free(&x->l);
	if (wit_unmount(s->w, why, sizeof why) != 0 && s->run->phase == MH_DONE)
		mh_broken(s->run, "witness unmount: %s", why);
}

/* Mounts a witness in the work directory: the case's file goes there. */
const char *
mh_witness_open(struct mh_ctx *x)
{
	struct wit_opts o = { x->env->witness, x->env->progdir, 0 };
	struct session *s = &session;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char why[512];

	if (page > MAXPAGE)
		mh_skip(x->run, "page size %zu is over %d", page, MAXPAGE);
	memset(s, 0, sizeof *s);
	s->run = x->run;
	s->l = &x->l;
	x->priv = s;
	switch (wit_mount("witness", &o, &s->w, why, sizeof why)) {
	case WIT_OK:
		break;
	case WIT_SKIP:
		mh_skip(x->run, "no witness filesystem: %s", why);
	default:
		mh_broken(x->run, "witness mount: %s", why);
	}
	mh_at_end(close_session, x);
	snprintf(x->run->fs, sizeof x->run->fs, "msync-witness");
	return wit_path(s->w);
}

/* The call, then at once a mark in the witness's log. */
static void
call_and_mark(struct session *s, struct mh_ctx *x)
{
	mh_call(x);
	if (wit_log_mark(s->w, "returned", &s->mark) != 0)
		fail(s, "witness mark");
}

static void
read_log(struct session *s)
{
	wit_log_free(&s->log);
	if (wit_log_read(s->w, &s->log) != 0)
		fail(s, "witness log read");
}

/* Bit i: page i of the file got a successful WRITE with seq below before. */
static unsigned
written(const struct session *s, uint64_t before)
{
	const struct wit_rec *r = NULL;
	unsigned bits = 0;
	size_t p = s->l->page;

	while ((r = wit_log_next(&s->log, r, s->l->name, WIT_OP_WRITE)) != NULL) {
		if (r->seq >= before || r->err != 0 || r->len == 0)
			continue;
		/* File page i is the mapping's page i - off. */
		for (uint64_t i = r->off / p; i <= (r->off + r->len - 1) / p; i++)
			if (i >= s->l->off && i - s->l->off < s->l->npages)
				bits |= 1u << (i - s->l->off);
	}
	return bits;
}

static int
fsynced(const struct session *s, uint64_t before)
{
	const struct wit_rec *r = NULL;

	while ((r = wit_log_next(&s->log, r, s->l->name, WIT_OP_FSYNC)) != NULL)
		if (r->seq < before)
			return 1;
	return 0;
}

/* Bit i: page i lies in the range (len 0: no page) and before the end of
 * the file. */
static unsigned
range_bits(const struct mh_layout *l)
{
	size_t lo, hi;
	unsigned bits = 0;

	if (l->len == 0)
		return 0;
	mh_layout_range_pages(l, &lo, &hi);
	for (size_t i = lo; i < hi && i < l->eof; i++)
		if ((long)i != l->hole)
			bits |= 1u << i;
	return bits;
}

static unsigned
mapped_bits(const struct mh_layout *l)
{
	unsigned bits = 0;

	for (size_t i = 0; i < l->npages; i++)
		if ((long)i != l->hole)
			bits |= 1u << i;
	return bits;
}

/* "0,2,3" or "none". */
static const char *
pages(unsigned bits, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < 32 && used < n; i++)
		if (bits & (1u << i))
			used += (size_t)snprintf(buf + used, n - used, "%s%u", used ? "," : "", i);
	return used ? buf : "none";
}

static void
store_pages(const struct mh_layout *l, unsigned bits, size_t at, char v)
{
	for (size_t i = 0; i < l->npages; i++)
		if (bits & (1u << i))
			((volatile char *)l->m)[i * l->page + at] = v;
}

/* Pages whose stored bytes equal the mapping's. */
static void
storage_matches(struct session *s, unsigned bits, unsigned *match)
{
	size_t got;

	*match = 0;
	for (size_t i = 0; i < s->l->npages; i++) {
		if (!(bits & (1u << i)))
			continue;
		if (wit_peek(s->w, s->l->name, (i + s->l->off) * s->l->page, pagebuf, s->l->page, &got) != 0)
			fail(s, "witness peek");
		if (got == s->l->page && memcmp(pagebuf, s->l->m + i * s->l->page, got) == 0)
			*match |= 1u << i;
	}
}

static void
durable(struct session *s, struct mh_ctx *x)
{
	unsigned range = range_bits(s->l), got, match;
	char a[64], b[64], d[64];

	store_pages(s->l, range, 7, 'D');
	call_and_mark(s, x);
	range = range_bits(s->l);	/* the file may have shrunk at the call */
	read_log(s);
	got = written(s, s->mark) & range;
	storage_matches(s, range, &match);
	mh_effect_word(s->run, got == range && match == range ? "durable" : "not-durable");
	mh_note(s->run, "dirty pages %s; written before the return: %s; "
	    "storage equals the mapping: %s; FSYNC before the return: %s", pages(range, a, sizeof a),
	    pages(got, b, sizeof b), pages(match, d, sizeof d), fsynced(s, s->mark) ? "yes" : "no");
}

static void
range_only(struct session *s, struct mh_ctx *x)
{
	unsigned range = range_bits(s->l), all = mapped_bits(s->l), got;
	const char *e;
	char a[64], b[64];

	store_pages(s->l, all, 7, 'R');
	call_and_mark(s, x);
	read_log(s);
	got = written(s, s->mark);
	e = got == 0 ? "none-written" :
	    got == all && range != all ? "all-written" :
	    got == range ? "range-only" :
	    (got & range) == range ? "beyond-range" : "part-of-range";
	mh_effect_word(s->run, e);
	mh_note(s->run, "all 4 pages dirty, range pages %s; "
	    "written before the return: %s", pages(range, a, sizeof a), pages(got, b, sizeof b));
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
static void
async(struct session *s, struct mh_ctx *x)
{
	struct timespec t0, pause = { 0, 50000000L };
	unsigned range = range_bits(s->l), last = 1u << (s->l->npages - 1), before, after = 0;
	uint64_t mark2;
	struct mh_outcome o;
	long waited = 0;
	const char *e;
	char a[64], b[64];

	store_pages(s->l, range | last, 7, 'A');
	call_and_mark(s, x);
	read_log(s);
	before = written(s, s->mark) & range;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (before != range && (after & range) != range && (waited = ms_since(&t0)) < ASYNC_WAIT_MS) {
		nanosleep(&pause, NULL);
		read_log(s);
		after = written(s, UINT64_MAX) & range;
	}
	e = before == range ? "synchronous" : (after & range) == range ? "queued" : "not-queued";
	mh_effect_word(s->run, e);

	o = mh_call_msync(s->l->m + (s->l->npages - 1) * s->l->page, s->l->page, MS_SYNC);
	if (wit_log_mark(s->w, "yardstick", &mark2) != 0)
		fail(s, "witness mark");
	read_log(s);
	mh_note(s->run, "range pages %s; written before the return: %s; "
	    "all written within %d ms after: %s; MS_SYNC of the last page: %s, written before its return: %s",
	    pages(range, a, sizeof a), pages(before, b, sizeof b), ASYNC_WAIT_MS,
	    (after & range) == range || before == range ? "yes" : "no",
	    o.ret == 0 ? "0" : "failed", written(s, mark2) & last ? "yes" : "no");
}

/* Stores to a MAP_PRIVATE mapping must never reach the file. */
static void
private_file(struct session *s, struct mh_ctx *x)
{
	unsigned range = range_bits(s->l), got, changed = 0;
	size_t n;
	char a[64];

	store_pages(s->l, range, 7, 'P');
	call_and_mark(s, x);
	read_log(s);
	got = written(s, UINT64_MAX);
	for (size_t i = 0; i < s->l->npages; i++) {
		if (wit_peek(s->w, s->l->name, i * s->l->page + 7, pagebuf, 1, &n) != 0)
			fail(s, "witness peek");
		if (n != 1 || pagebuf[0] != (char)('a' + i))
			changed |= 1u << i;
	}
	mh_effect_word(s->run, got == 0 && changed == 0 ? "file-untouched" : "private-written");
	mh_note(s->run, "private stores on pages %s; WRITEs to the file: %s; "
	    "stored bytes changed on pages: %s", pages(range, a, sizeof a),
	    got ? "yes" : "none", changed ? "yes" : "none");
}

/* Storage changes behind the cache; does the mapping show it after the call? */
static void
invalidate(struct session *s, struct mh_ctx *x, int dirty)
{
	unsigned range = range_bits(s->l), fresh = 0, own = 0;
	char a[64], b[64], z = 'Z';

	for (size_t i = 0; i < s->l->npages; i++)
		(void)((volatile char *)s->l->m)[i * s->l->page + 9];	/* cached, mapped */
	if (dirty)
		store_pages(s->l, range, 7, 'O');
	for (size_t i = 0; i < s->l->npages; i++)
		if ((range & (1u << i)) && wit_poke(s->w, s->l->name, i * s->l->page + 9, &z, 1) != 0)
			fail(s, "witness poke");
	call_and_mark(s, x);
	for (size_t i = 0; i < s->l->npages; i++) {
		if (!(range & (1u << i)))
			continue;
		if (((volatile char *)s->l->m)[i * s->l->page + 9] == 'Z')
			fresh |= 1u << i;
		if (((volatile char *)s->l->m)[i * s->l->page + 7] == 'O')
			own |= 1u << i;
	}
	if (dirty)
		mh_effect_word(s->run, own == range ? "own-kept" : "own-lost");
	else
		mh_effect_word(s->run, fresh == range ? "fresh" : "stale");
	mh_note(s->run, "%sstorage changed behind the cache on pages %s; "
	    "the mapping shows the change on: %s%s%s", dirty ? "stores to the pages, then " : "",
	    pages(range, a, sizeof a), pages(fresh, b, sizeof b),
	    dirty ? "; the stores survive on: " : "", dirty ? pages(own, a, sizeof a) : "");
}

/* The filesystem fails the write-back: msync's answer, a second call's,
 * and whether the data are still there for a retry once storage heals. */
static void
write_error(struct session *s, struct mh_ctx *x, int err)
{
	unsigned range = range_bits(s->l);
	struct mh_outcome second, retry;
	char n1[MH_NAMELEN], n2[MH_NAMELEN], a[64];
	int kept = 1, stored = 1;
	size_t n;

	store_pages(s->l, range, 7, 'E');
	if (wit_fail(s->w, s->l->name, WIT_OP_WRITE, err) != 0)
		fail(s, "witness fail");
	mh_call(x);
	second = mh_call_msync(s->l->addr, s->l->len, x->c->flags);
	if (wit_fail(s->w, s->l->name, WIT_OP_WRITE, 0) != 0)
		fail(s, "witness heal");
	retry = mh_call_msync(s->l->addr, s->l->len, MS_SYNC);
	for (size_t i = 0; i < s->l->npages; i++) {
		if (!(range & (1u << i)))
			continue;
		if (((volatile char *)s->l->m)[i * s->l->page + 7] != 'E')
			kept = 0;
		if (wit_peek(s->w, s->l->name, i * s->l->page + 7, pagebuf, 1, &n) != 0)
			fail(s, "witness peek");
		if (n != 1 || pagebuf[0] != 'E')
			stored = 0;
	}
	mh_effect_word(s->run, "error-lost");
	mh_note(s->run, "WRITE failed with %s on pages %s; a second call: %s; "
	    "the mapping still holds the data: %s; after storage healed, MS_SYNC returned %s and stored them: %s",
	    mh_errno_name(err), pages(range, a, sizeof a), mh_outcome_name(&second, n1),
	    kept ? "yes" : "no", mh_outcome_name(&retry, n2), stored ? "yes" : "no");
}

/* A hole or a locked page ends the call in an error: what was written first? */
static void
partial(struct session *s, struct mh_ctx *x)
{
	unsigned all = mapped_bits(s->l), got;
	char a[64], b[64];

	store_pages(s->l, all, 7, 'H');
	call_and_mark(s, x);
	read_log(s);
	got = written(s, s->mark);
	mh_note(s->run, "dirty mapped pages %s; written before the return: %s",
	    pages(all, a, sizeof a), pages(got, b, sizeof b));
}

/* The layout is on the witness (mh_witness_open) and locked (setup.c). */
void
mh_check_witness(struct mh_ctx *x)
{
	struct session *s = x->priv;

	if (wit_log_clear(s->w) != 0)
		fail(s, "witness log clear");
	switch (x->c->check) {
	case MH_CHECK_DURABLE: durable(s, x); break;
	case MH_CHECK_RANGE: range_only(s, x); break;
	case MH_CHECK_ASYNC: async(s, x); break;
	case MH_CHECK_PRIVATE_FILE: private_file(s, x); break;
	case MH_CHECK_INVALIDATE: invalidate(s, x, 0); break;
	case MH_CHECK_INVALIDATE_DIRTY: invalidate(s, x, 1); break;
	case MH_CHECK_EIO: write_error(s, x, EIO); break;
	case MH_CHECK_ENOSPC: write_error(s, x, ENOSPC); break;
	case MH_CHECK_PARTIAL: partial(s, x); break;
	}
}

/* ---- for the witness procedures of other files (effect_pair.c) ---- */

void
mh_witness_clear(struct mh_ctx *x)
{
	struct session *s = x->priv;

	if (wit_log_clear(s->w) != 0)
		fail(s, "witness log clear");
}

uint64_t
mh_witness_call(struct mh_ctx *x)
{
	struct session *s = x->priv;

	call_and_mark(s, x);
	read_log(s);
	return s->mark;
}

unsigned
mh_witness_written(struct mh_ctx *x, uint64_t before)
{
	return written(x->priv, before);
}

char
mh_witness_peek(struct mh_ctx *x, size_t off)
{
	struct session *s = x->priv;
	size_t n;

	if (wit_peek(s->w, s->l->name, off, pagebuf, 1, &n) != 0 || n != 1)
		fail(s, "witness peek");
	return pagebuf[0];
}

void
mh_witness_poke(struct mh_ctx *x, size_t off, char v)
{
	struct session *s = x->priv;

	if (wit_poke(s->w, s->l->name, off, &v, 1) != 0)
		fail(s, "witness poke");
}

const char *
mh_pages(unsigned bits, char *buf, size_t n)
{
	return pages(bits, buf, n);
}
