/*
 * The file's other mapping, for the pairing procedures (effect_pair.c):
 * one file mapped MAP_SHARED and MAP_PRIVATE at once (map_pair.c).
 */
#ifndef MH_PAIR_H
#define MH_PAIR_H

#include <stddef.h>

#include "casetable.h"
#include "layout.h"
#include "run.h"

/* The other mapping, made now where the mapping value makes it late; NULL
 * where a forked child holds it. */
char *mh_pair_other(const struct mh_case *, struct mh_layout *, struct mh_run *);
/* Asks the forked child to store v at byte off of the pages of bits ('w'),
 * or to say on which of them that byte is v ('r'). */
unsigned mh_pair_ask(struct mh_run *, char op, unsigned bits, size_t off, char v);

#endif
