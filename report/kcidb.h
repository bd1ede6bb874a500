/* A report as KCIDB's JSON (the I/O schema of KernelCI's common database,
 * version 4): one test object per case, named msync.PROGRAM.CASE, with
 * PASS, FAIL, SKIP or ERROR, for labs that feed KCIDB. */
#ifndef MSYNC_REPORT_KCIDB_H
#define MSYNC_REPORT_KCIDB_H

struct err;
struct report;
struct sbuf;

/* origin: the submitter's KCIDB origin ([a-z0-9_]+); build_id: the KCIDB
 * build the tests ran on ("ORIGIN:..."), NULL for ORIGIN:msync-BUILD
 * made from the report's facts.  0, or -1 with e set. */
int kcidb_write(const struct report *r, const char *name, const char *origin,
    const char *build_id, struct sbuf *out, struct err *e);

#endif
