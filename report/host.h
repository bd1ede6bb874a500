/* Facts about the host msync-report runs on (it runs where the suite ran):
 * uname, C library, page size, kyua version. */
#ifndef MSYNC_REPORT_HOST_H
#define MSYNC_REPORT_HOST_H

struct report;

void host_facts(struct report *r);

#endif
