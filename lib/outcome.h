/*
 * What a measured call did, and its name: names, not numbers, so that
 * results compare across systems whose errno and signal numbers differ.
 * What a valid name is, is grammar.h's.
 */
#ifndef MH_OUTCOME_H
#define MH_OUTCOME_H

#include <stddef.h>

#include "grammar.h"

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
/* "ENOMEM (Cannot allocate memory)": the name reports compare by, and the
 * system's words for it; "errno 4000 (...)" where the name is unknown. */
const char *mh_errno_text(int err, char *buf, size_t n);

/* call.c: msync(addr, len, flags) through the C library, as applications
 * call it; the outcome as returned. */
struct mh_outcome mh_call_msync(void *addr, size_t len, int flags);

#endif
