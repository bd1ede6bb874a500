/* The report a host following one variant exactly would produce, from the
 * generator's t/expectations.tsv. */
#ifndef MSYNC_REPORT_EXPECT_H
#define MSYNC_REPORT_EXPECT_H

struct report;
struct err;

/* On failure r is empty and e says "path:line: reason". */
int expect_load(const char *path, const char *variant, struct report *r,
    struct err *e);

#endif
