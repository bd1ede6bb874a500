/* One case explained: what it does, what a report observed (or why it has
 * no outcome), and what every variant expects of it with the citation. */
#ifndef MSYNC_REPORT_EXPLAIN_H
#define MSYNC_REPORT_EXPLAIN_H

struct report;
struct sbuf;
struct err;
struct tview;

/* r NULL: from the table t alone.  id may be kyua's PROGRAM:CASE.  -1
 * with e set when neither the table nor the report has the case (naming
 * the nearest ids). */
int explain_write(const char *id, const struct report *r, const char *name,
    const struct tview *t, struct sbuf *out, struct err *e);

#endif
