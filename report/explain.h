/* One case explained: what it does, what a report observed, and what every
 * variant expects of it with the citation. */
#ifndef MSYNC_REPORT_EXPLAIN_H
#define MSYNC_REPORT_EXPLAIN_H

struct report;
struct sbuf;
struct err;

/* r NULL: from the table alone.  -1 with e set when neither the table nor
 * the report has the case. */
int explain_write(const char *id, const struct report *r, const char *name,
    struct sbuf *out, struct err *e);

#endif
