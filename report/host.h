/* The facts msync-report adds to a report made from a results file: kyua's
 * version, and the local machine's facts where the records carry none. */
#ifndef MSYNC_REPORT_HOST_H
#define MSYNC_REPORT_HOST_H

struct report;

void host_facts(struct report *r);

#endif
