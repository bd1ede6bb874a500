/*
 * Unit tests of the layout's arithmetic and of the harness's tables:
 * every range value's (addr, len) and pages, "the range's pages" (pages.h)
 * with a hole, past the end of the file and for len 0, and a row for
 * every mapping and check value of the table.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

#include "layout.h"
#include "mapping.h"
#include "pages.h"
#include "setup.h"

#define P ((size_t)4096)
#define M ((uintptr_t)0x40000000)

/* What each range value means, from its value line in t/cases.tbl:
 * (addr - m, len) in pages and bytes, the pages it touches [lo, hi) and
 * the pages a store to the range dirties. */
static const struct want {
	enum mh_range range;
	intptr_t addr;		/* from m; ABS: absolute */
	size_t len;
	size_t lo, hi;
	unsigned bits;
} wants[] = {
#define ABS(a) (INTPTR_MIN + (intptr_t)(a))
	{ MH_R_PAGE, 0, P, 0, 1, 0x1 },
	{ MH_R_PAGES, P, 2 * P, 1, 3, 0x6 },
	{ MH_R_WHOLE, 0, 4 * P, 0, 4, 0xf },
	{ MH_R_ADDR1, 1, P, 0, 2, 0x3 },
	{ MH_R_ADDRHALF, P / 2, P, 0, 2, 0x3 },
	{ MH_R_ADDRPM1, P - 1, P, 0, 2, 0x3 },
	{ MH_R_LEN0, 0, 0, 0, 1, 0 },		/* len 0 names the page, dirties none */
	{ MH_R_LEN1, 0, 1, 0, 1, 0x1 },
	{ MH_R_LENPM1, 0, P - 1, 0, 1, 0x1 },
	{ MH_R_LENPP1, P, P + 1, 1, 3, 0x6 },
	{ MH_R_TAIL, 2 * P, 3 * P, 2, 4, 0xc },
	{ MH_R_HOLE, 0, 4 * P, 0, 4, 0xd },	/* page 1 unmapped: not dirtied */
	{ MH_R_LEAD, -(intptr_t)P, 2 * P, 0, 1, 0x1 },
	{ MH_R_UNMAPPED, 4 * P, P, 0, 0, 0 },
	{ MH_R_NULL, ABS(0), P, 0, 0, 0 },
	{ MH_R_WRAP, 0, (size_t)0 - P, 0, 4, 0xf },
	{ MH_R_LENMAX, 0, (size_t)-1, 0, 4, 0xf },
	{ MH_R_TWOMAPS, P, 2 * P, 1, 3, 0x6 },
	{ MH_R_ADDR1_UNMAPPED, 4 * P + 1, P, 0, 0, 0 },
	{ MH_R_ADDR1_LEAD, -(intptr_t)P + 1, 2 * P, 0, 2, 0x3 },
	{ MH_R_ADDR1_NULL, ABS(1), P, 0, 0, 0 },
	{ MH_R_ADDR1_WRAP, 1, (size_t)0 - 2 * P, 0, 4, 0xf },
	{ MH_R_LEN0_UNMAPPED, 5 * P, 0, 0, 0, 0 },
	{ MH_R_LEN0_NULL, ABS(0), 0, 0, 0, 0 },
	{ MH_R_LEN0_ADDR1, 1, 0, 0, 1, 0 },
	{ MH_R_LEN0_UNMAPPED1, 5 * P + 1, 0, 0, 0, 0 },
	{ MH_R_LEN0_LAST, 3 * P, 0, 3, 4, 0 },
	{ MH_R_LAST2, 2 * P, 2 * P, 2, 4, 0xc },
};

static void
layout_for(enum mh_range r, struct mh_layout *l, struct mh_case *c)
{
	memset(c, 0, sizeof *c);
	c->range = r;
	memset(l, 0, sizeof *l);
	l->page = P;
	l->npages = l->eof = MH_MAP_PAGES;
	l->hole = r == MH_R_HOLE ? 1 : -1;
	l->m = (char *)M;
	mh_layout_set_range(c, l);
}

ATF_TC_WITHOUT_HEAD(ranges);
ATF_TC_BODY(ranges, tc)
{
	(void)tc;
	for (size_t i = 0; i < sizeof wants / sizeof wants[0]; i++) {
		const struct want *w = &wants[i];
		uintptr_t addr = w->addr < 0 && w->addr <= ABS(1) ? (uintptr_t)(w->addr - INTPTR_MIN) :
		    M + (uintptr_t)w->addr;
		struct mh_layout l;
		struct mh_case c;
		size_t lo, hi;

		layout_for(w->range, &l, &c);
		mh_layout_range_pages(&l, &lo, &hi);
		ATF_CHECK_MSG((uintptr_t)l.addr == addr && l.len == w->len,
		    "range %u: (%p, %zu), want (%#lx, %zu)", (unsigned)w->range, l.addr, l.len,
		    (unsigned long)addr, w->len);
		ATF_CHECK_MSG(lo == w->lo && (hi == w->hi || (lo == hi && w->lo == w->hi)),
		    "range %u: pages [%zu, %zu), want [%zu, %zu)", (unsigned)w->range, lo, hi,
		    w->lo, w->hi);
		ATF_CHECK_MSG(mh_range_bits(&l) == w->bits, "range %u: the range's pages %#x, want %#x",
		    (unsigned)w->range, mh_range_bits(&l), w->bits);
	}
}

/* Above the user address space: nothing of the mapping. */
ATF_TC_WITHOUT_HEAD(beyond);
ATF_TC_BODY(beyond, tc)
{
	static const enum mh_range r[] = { MH_R_BEYOND, MH_R_ADDR1_BEYOND, MH_R_LEN0_BEYOND };
	struct mh_layout l;
	struct mh_case c;
	size_t lo, hi;

	(void)tc;
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++) {
		layout_for(r[i], &l, &c);
		mh_layout_range_pages(&l, &lo, &hi);
		ATF_CHECK((uintptr_t)l.addr > M + 1024 * P && lo == hi && mh_range_bits(&l) == 0);
	}
}

/* Past the end of the file: the pages a store cannot dirty are no pages
 * of the range (fileshort: a 2-page file under 4 pages). */
ATF_TC_WITHOUT_HEAD(past_eof);
ATF_TC_BODY(past_eof, tc)
{
	struct mh_layout l;
	struct mh_case c;

	(void)tc;
	layout_for(MH_R_WHOLE, &l, &c);
	l.eof = 2;
	ATF_CHECK_EQ(mh_range_bits(&l), 0x3u);
	layout_for(MH_R_LAST2, &l, &c);
	l.eof = 2;
	ATF_CHECK_EQ(mh_range_bits(&l), 0u);
	ATF_CHECK_EQ(mh_mapped_bits(&l), 0xfu);
}

/* Every value of the table has its row: a value line without one fails
 * here, not in some case at run time. */
ATF_TC_WITHOUT_HEAD(tables);
ATF_TC_BODY(tables, tc)
{
	(void)tc;
	ATF_CHECK_MSG(mh_setup_complete(), "a check value has no row in lib/setup.c");
	for (unsigned r = 0; r < MH_RANGE_COUNT; r++) {
		int found = r == MH_R_BEYOND || r == MH_R_ADDR1_BEYOND || r == MH_R_LEN0_BEYOND;

		for (size_t i = 0; i < sizeof wants / sizeof wants[0]; i++)
			found |= wants[i].range == (enum mh_range)r;
		ATF_CHECK_MSG(found, "range value %u has no expectation in lib/layout_test.c", r);
	}
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, ranges);
	ATF_TP_ADD_TC(tp, beyond);
	ATF_TP_ADD_TC(tp, past_eof);
	ATF_TP_ADD_TC(tp, tables);
	return atf_no_error();
}
