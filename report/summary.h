/* Per-variant counts and the ranking of the closest variants. */
#ifndef MSYNC_REPORT_SUMMARY_H
#define MSYNC_REPORT_SUMMARY_H

struct report;
struct sbuf;

void summary_write(const struct report *r, const char *name,
		   struct sbuf *out);

#endif
