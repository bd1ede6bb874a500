/* Reading a kyua results file (SQLite, store schema version 3). */
#ifndef MSYNC_REPORT_DB_H
#define MSYNC_REPORT_DB_H

struct report;
struct err;

#define KYUA_SUITE "msync"

/* Fills r with one row per case of suite "msync" (its outcome, or kyua's
 * reason when it has none), its variants and their titles, the verdict,
 * the recorded facts, and the fs and date facts; kyua's version and the
 * facts of format-1 results are left to the caller (host.c).  On failure r
 * is empty and e says "path: reason". */
int db_load(const char *path, struct report *r, struct err *e);

#endif
