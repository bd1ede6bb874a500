/*
 * The case's mapping, by its mapping value: its build line in the table
 * says its MAP_ and PROT_ flags and its builder (map_*.c), the functions
 * that build it, give it its last shape just before the call, and release
 * it.  Adding a kind is a value line and a build line in t/cases.tbl and,
 * where no builder fits, a builder.
 */
#ifndef MH_MAPPING_H
#define MH_MAPPING_H

#include "casetable.h"
#include "layout.h"
#include "run.h"

/* Builds the case's layout (mapping and range); a file goes in dir.  Ends
 * the case (skip or broken) where it cannot. */
void mh_mapping_build(const struct mh_case *, const char *dir, struct mh_layout *, struct mh_run *);
/* Just before the call, once the stores and the locks are made: the
 * protection the kind asks for (PROT_NONE), its reshaping (a split, a
 * truncation). */
void mh_mapping_seal(struct mh_layout *, struct mh_run *);
/* Unmaps what the build made and closes its descriptors (the witness
 * unmounts after it); a cleanup: a failure spoils an observed run. */
void mh_mapping_free(struct mh_layout *, struct mh_run *);

#endif
