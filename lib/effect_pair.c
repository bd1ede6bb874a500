/*
 * One file mapped MAP_SHARED and MAP_PRIVATE at once (map_pair.c): what
 * msync on one mapping does to the other.  Page i of either mapping is
 * page i of the file; the file's bytes are 'a'+i (layout.c).  Stores
 * through the shared mapping go to byte 7 of a page, through the private
 * mapping to byte 11; storage is changed behind the cache at byte 9.
 *
 * On the witness (what reached storage, and whether before the return):
 *   pairflush     MAP_SHARED pages dirty, msync on the never-written
 *                 MAP_PRIVATE mapping: are the range's shared pages written?
 *   pairflushcow  the same, the private pages of the range written first
 *   pairsync      MAP_SHARED pages dirty, the private mapping written: is
 *                 msync on the shared mapping durable, and private-free?
 *   pairfresh     storage changed behind the cache: after msync on the
 *                 shared mapping, do the private mapping's unmodified pages
 *                 show the new bytes?
 *   pairrange     one range over a MAP_SHARED and a MAP_PRIVATE mapping
 *                 side by side: are the shared pages of the range written?
 * The other mapping may be in a forked child (forkshared, forkprivate,
 * map_pair.c), which stores and reads on request.
 * On scratch_dir (the page cache is enough):
 *   paircow       does the private mapping keep the pages it modified
 *                 through msync on the shared mapping?
 *   pairview      do its unmodified pages show the shared mapping's stores
 *                 after the call?
 */
#include "config.h"

#include <stdint.h>

#include "pages.h"
#include "pair.h"
#include "witness_session.h"

#define SHARED_AT 7
#define POKED_AT 9
#define PRIVATE_AT 11

/* Bit i: byte off of page i of storage is v. */
static unsigned
stored(struct mh_ctx *x, unsigned bits, size_t off, char v)
{
	unsigned got = 0;

	for (size_t i = 0; i < x->l.npages && i < 32; i++)
		if ((bits & (1u << i)) && mh_session_peek(x, i * x->l.page + off) == v)
			got |= 1u << i;
	return got;
}

/* The other mapping of the file: in this process, or in the forked child
 * that holds it (forkshared, forkprivate). */
static void
other_store(struct mh_ctx *x, unsigned bits, size_t off, char v)
{
	char *m = mh_pair_other(x->c, &x->l, x->run);

	if (m != NULL)
		mh_store(m, &x->l, bits, off, v);
	else
		(void)mh_pair_ask(x->run, 'w', bits, off, v);
}

static unsigned
other_holds(struct mh_ctx *x, unsigned bits, size_t off, char v)
{
	char *m = mh_pair_other(x->c, &x->l, x->run);

	return m != NULL ? mh_holds(m, &x->l, bits, off, v) : mh_pair_ask(x->run, 'r', bits, off, v);
}

/* For obs: whose the other mapping is. */
static const char *
other_owner(const struct mh_ctx *x)
{
	return x->c->mapping == MH_FORK_SHARED || x->c->mapping == MH_FORK_PRIVATE ?
	    "a forked child's" : "this process's";
}

static const char *
flushed(unsigned want, unsigned got)
{
	return (got & want) == want ? "flushed" : (got & want) != 0 ? "part-flushed" : "unflushed";
}

/* msync on the MAP_PRIVATE mapping while the MAP_SHARED one has dirty pages. */
static void
flush_through_private(struct mh_ctx *x, int cow)
{
	struct mh_layout *l = &x->l;
	unsigned all = mh_mapped_bits(l), range = mh_range_bits(l), got, leaked;
	uint64_t before, after;
	char a[64], b[64], d[64];

	mh_session_arm(x);
	other_store(x, all, SHARED_AT, 'S');
	if (cow)
		mh_store(l->m, l, range, PRIVATE_AT, 'P');
	else
		(void)mh_holds(l->m, l, range, SHARED_AT, 'S');	/* mapped, unmodified */
	mh_session_call(x, &before, &after);
	got = mh_session_written(x, before, after);
	leaked = stored(x, all, PRIVATE_AT, 'P');
	mh_session_undisturbed(x);
	mh_effect_word(x->run, leaked ? "private-written" : flushed(range, got));
	mh_note(x->run, "'S' stored at byte 7 of pages 0-3 through %s shared mapping; the private "
	    "mapping's range pages %s %s; WRITE to storage before the return: pages %s; "
	    "storage holds the private 'P' on pages: %s", other_owner(x), mh_pages(range, a, sizeof a),
	    cow ? "given 'P' at byte 11 (copied on write)" : "read, unmodified",
	    mh_pages(got, b, sizeof b), mh_pages(leaked, d, sizeof d));
}

void
mh_check_pair_flush(struct mh_ctx *x)
{
	flush_through_private(x, 0);
}

void
mh_check_pair_flush_cow(struct mh_ctx *x)
{
	flush_through_private(x, 1);
}

/* MS_SYNC on the MAP_SHARED mapping with a written MAP_PRIVATE one present. */
void
mh_check_pair_sync(struct mh_ctx *x)
{
	struct mh_layout *l = &x->l;
	unsigned all = mh_mapped_bits(l), range = mh_range_bits(l), got, match, leaked;
	int late = x->c->mapping == MH_PAIR_LATE;
	uint64_t before, after;
	char a[64], b[64], d[64], e[64];

	mh_session_arm(x);
	if (!late)
		other_store(x, all, PRIVATE_AT, 'P');
	mh_store(l->m, l, range, SHARED_AT, 'D');
	if (late)
		other_store(x, all, PRIVATE_AT, 'P');
	mh_session_call(x, &before, &after);
	got = mh_session_written(x, before, after) & range;
	match = stored(x, range, SHARED_AT, 'D');
	leaked = stored(x, all, PRIVATE_AT, 'P');
	mh_session_undisturbed(x);
	mh_effect_word(x->run, leaked ? "private-written" :
	    got == range && match == range ? "durable" : "not-durable");
	mh_note(x->run, "'P' stored at byte 11 of pages 0-3 through the private mapping (made %s "
	    "the shared stores); 'D' at byte 7 of pages %s through the shared one; WRITE before the "
	    "return: pages %s; storage holds 'D' on pages: %s, 'P' on pages: %s", late ? "after" : "before",
	    mh_pages(range, a, sizeof a), mh_pages(got, b, sizeof b), mh_pages(match, d, sizeof d),
	    mh_pages(leaked, e, sizeof e));
}

/* Storage changes behind the cache; msync on the MAP_SHARED mapping; what
 * do the MAP_PRIVATE mapping's unmodified pages show? */
void
mh_check_pair_fresh(struct mh_ctx *x)
{
	struct mh_layout *l = &x->l;
	unsigned all = mh_mapped_bits(l), range = mh_range_bits(l), pfresh, sfresh;
	uint64_t before, after;
	char a[64], b[64], d[64];

	(void)mh_holds(l->m, l, all, POKED_AT, 'Z');	/* cached, and mapped by both */
	(void)other_holds(x, all, POKED_AT, 'Z');
	mh_session_arm(x);
	for (size_t i = 0; i < l->npages; i++)
		if (range & (1u << i))
			mh_session_poke(x, i * l->page + POKED_AT, 'Z');
	mh_session_call(x, &before, &after);
	pfresh = other_holds(x, range, POKED_AT, 'Z');
	sfresh = mh_holds(l->m, l, range, POKED_AT, 'Z');
	mh_session_undisturbed(x);
	mh_effect_word(x->run, pfresh == range ? "fresh" : "stale");
	mh_note(x->run, "both mappings read, then storage's byte 9 changed to 'Z' behind the cache "
	    "on pages %s; after the return the private mapping shows 'Z' on pages: %s, the shared "
	    "mapping on pages: %s", mh_pages(range, a, sizeof a),
	    mh_pages(pfresh, b, sizeof b), mh_pages(sfresh, d, sizeof d));
}

/* One range over MAP_SHARED and MAP_PRIVATE mappings side by side. */
void
mh_check_pair_range(struct mh_ctx *x)
{
	struct mh_layout *l = &x->l;
	unsigned all = mh_mapped_bits(l), range = mh_range_bits(l), got, leaked;
	unsigned shared = x->c->mapping == MH_SHARED_PRIVATE ? 0x3 : 0xc;
	uint64_t before, after;
	char a[64], b[64], d[64], e[64];

	mh_session_arm(x);
	mh_store(l->m, l, all, SHARED_AT, 'M');
	mh_session_call(x, &before, &after);
	got = mh_session_written(x, before, after);
	leaked = stored(x, all & ~shared, SHARED_AT, 'M');
	mh_session_undisturbed(x);
	mh_effect_word(x->run, leaked ? "private-written" : flushed(range & shared, got));
	mh_note(x->run, "'M' stored at byte 7 of pages 0-3; MAP_SHARED pages %s, range pages %s; "
	    "WRITE before the return: pages %s; storage holds a private 'M' on pages: %s",
	    mh_pages(shared, a, sizeof a),
	    mh_pages(range, b, sizeof b), mh_pages(got, d, sizeof d), mh_pages(leaked, e, sizeof e));
}

/* MS_INVALIDATE and the rest on the MAP_SHARED mapping: do the private
 * mapping's modified pages keep their bytes? */
void
mh_check_pair_cow(struct mh_ctx *x)
{
	struct mh_layout *l = &x->l;
	unsigned range = mh_range_bits(l), kept, file, other;

	other_store(x, range, PRIVATE_AT, 'P');
	mh_store(l->m, l, range, PRIVATE_AT, 'S');
	mh_call(x);
	kept = other_holds(x, range, PRIVATE_AT, 'P');
	file = other_holds(x, range, PRIVATE_AT, 'S');
	for (size_t i = 0; i < l->npages; i++)
		file |= other_holds(x, range & (1u << i), PRIVATE_AT, (char)('a' + i));
	other = range & ~kept & ~file;
	mh_effect_word(x->run, kept == range ? "private-kept" :
	    file == range ? "private-discarded" : "private-mixed");
	mh_note(x->run, "'P' stored at byte 11 through %s private mapping, then 'S' at the same "
	    "byte through the shared one; after the return %d of %d private pages hold 'P', %d "
	    "the file's byte ('S' or the original), %d another", other_owner(x),
	    mh_count(kept), mh_count(range), mh_count(file), mh_count(other));
}

/* Do the private mapping's unmodified pages show the shared mapping's
 * stores after the call?  Made before the stores (pairshared) or after
 * them (pairlate). */
void
mh_check_pair_view(struct mh_ctx *x)
{
	struct mh_layout *l = &x->l;
	int late = x->c->mapping == MH_PAIR_LATE;
	unsigned range = mh_range_bits(l), before, after;
	char a[64], b[64], d[64];

	if (!late)
		(void)other_holds(x, range, SHARED_AT, 'S');	/* mapped, unmodified */
	mh_store(l->m, l, range, SHARED_AT, 'S');
	before = other_holds(x, range, SHARED_AT, 'S');	/* pairlate: mapped now */
	mh_call(x);
	after = other_holds(x, range, SHARED_AT, 'S');
	mh_effect_word(x->run, after == range ? "store-seen" : after != 0 ? "store-part-seen" : "store-unseen");
	mh_note(x->run, "%s private mapping made %s 'S' was stored at byte 7 of pages %s through "
	    "the shared one; it shows 'S' before the call on pages: %s, after the return on pages: %s",
	    other_owner(x), late ? "after" : "before",
	    mh_pages(range, a, sizeof a), mh_pages(before, b, sizeof b), mh_pages(after, d, sizeof d));
}
