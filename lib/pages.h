/*
 * The pages of a case's mapping as bits (bit i: page i of the mapping, the
 * first 32 pages), for the procedures that store to pages and look at
 * them again.
 *
 * "The range's pages" has one meaning here: the pages of the mapping that
 * the range holds and that a store can dirty: mapped (the hole is not),
 * backed by the file (not past its end), and none at all for len 0 (a
 * range of no bytes holds no page; mh_layout_range_pages() names the page
 * at addr for len 0, which is what the lock states need, not what was
 * dirtied).
 */
#ifndef MH_PAGES_H
#define MH_PAGES_H

#include <stddef.h>

#include "layout.h"

unsigned mh_range_bits(const struct mh_layout *);
/* Every mapped page of the mapping (the hole left out). */
unsigned mh_mapped_bits(const struct mh_layout *);
/* Stores v at byte off of the pages of bits of a mapping of the layout's
 * shape at m (the layout's own, or its pair). */
void mh_store(char *m, const struct mh_layout *, unsigned bits, size_t off, char v);
/* Bit i: byte off of page i of m is v, for the pages of bits. */
unsigned mh_holds(const char *m, const struct mh_layout *, unsigned bits, size_t off, char v);
int mh_count(unsigned bits);
/* "0,2,3" or "none". */
const char *mh_pages(unsigned bits, char *buf, size_t n);

#endif
