/* The canonical report text (results/README.md): writing it, and reading it
 * back strictly enough that whatever is accepted is written back byte for
 * byte (the fuzz target checks exactly that). */
#ifndef MSYNC_REPORT_CANON_H
#define MSYNC_REPORT_CANON_H

#include <stddef.h>

struct report;
struct sbuf;
struct err;

void canon_write(const struct report *r, struct sbuf *out);
/* On success r holds the report; on failure r is empty and e says
 * "name:line: reason". */
int canon_parse(const char *name, const char *data, size_t len,
    struct report *r, struct err *e);

#endif
