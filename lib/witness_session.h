/*
 * A case's session with the witness filesystem (witness/): mounted for the
 * case in its contained child, its log read around the measured call, and
 * its stored bytes read or changed behind the kernel's cache.
 *
 * Write-back the case did not ask for (the kernel's flusher under
 * dirty-memory pressure, a sync(2) of another process) must never be
 * credited to the call.  The session keeps a control file on the same
 * mount: its first page is dirtied (mh_session_arm) just before the case's
 * own stores, its second read once and left clean.  Whatever writes back
 * or evicts the case's pages without the call does the same to the
 * control (it was dirtied first, so a write-back pass reaches it first),
 * and the call never touches it: a WRITE of the control, or a READ of it
 * again, after the arm means the window was disturbed, and the case is
 * run again (mh_disturbed).
 */
#ifndef MH_WITNESS_SESSION_H
#define MH_WITNESS_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "procedure.h"

/* Mounts a witness for the case (its directory, returned: the case's file
 * goes there) and the control file; the unmount is registered to end the
 * run.  No FUSE or no right to mount: the case skips. */
const char *mh_session_open(struct mh_ctx *);
/* Marks the log and dirties the control page: from here on, work the call
 * does not do is seen.  Returns the mark's seq: the case's own WRITEs come
 * after it. */
uint64_t mh_session_arm(struct mh_ctx *);
/* The measured call (mh_call) between two marks of the log, then the log
 * read; *before and *after are the marks' seqs. */
void mh_session_call(struct mh_ctx *, uint64_t *before, uint64_t *after);
/* A mark now, and the log read again; returns the mark's seq. */
uint64_t mh_session_mark(struct mh_ctx *, const char *label);
/* Bit i: page i of the mapping got a successful WRITE with a seq in
 * (from, to). */
unsigned mh_session_written(struct mh_ctx *, uint64_t from, uint64_t to);
/* Whether the file got an FSYNC with a seq in (from, to). */
int mh_session_fsynced(struct mh_ctx *, uint64_t from, uint64_t to);
/* Ends the case as disturbed if the control was written back or read
 * again since the arm (reads the log first). */
void mh_session_undisturbed(struct mh_ctx *);
/* Storage: byte off of the file (of the mapping's page i: off + i * page,
 * mapping offsets, the layout's file offset added); the pages of bits
 * whose stored bytes equal the mapping's. */
char mh_session_peek(struct mh_ctx *, size_t off);
void mh_session_poke(struct mh_ctx *, size_t off, char v);
unsigned mh_session_matches(struct mh_ctx *, unsigned bits);
/* Makes the file's WRITEs fail with err (0: heal). */
void mh_session_fail_writes(struct mh_ctx *, int err);

#endif
