/*
 * Matching an observed outcome against what the variants say, and the ATF
 * verdict that follows from the configured mode (verdict.c).
 */
#ifndef MH_VERDICT_H
#define MH_VERDICT_H

#include <stddef.h>

#include "casetable.h"
#include "recordfmt.h"	/* MH_MANUALS */

enum mh_match { MH_SILENT, MH_MATCH, MH_CONTRADICT };
enum mh_match mh_match(const struct mh_expect *, const char *observed);

/* The verdict mode "manuals" passes when a document that speaks accepts the
 * outcome (or none speaks); a variant name checks against that variant only.
 * Returns 1 to pass, 0 to fail with the reason in buf, -1 for an unknown
 * mode (reason lists the valid names). */
int mh_judge(const struct mh_table *, const struct mh_case *, const char *mode,
    const char *observed, char *buf, size_t n);
/* The places of the rules that decide c, for each variant that has any:
 * "netbsd-5.1 t/variants/netbsd-5.1.tbl:10; aix ...". */
void mh_rule_places(const struct mh_table *, const struct mh_case *, char *buf, size_t n);
/* Whether mode names "manuals" or a variant; if not, why in buf (the valid
 * names). */
int mh_mode_valid(const struct mh_table *, const char *mode);
void mh_mode_error(const struct mh_table *, const char *mode, char *buf, size_t n);

#endif
