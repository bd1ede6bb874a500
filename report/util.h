/* msync-report's ground floor: the error message every reader fills in, and
 * allocation that never returns NULL.  Everything else stands on it. */
#ifndef MSYNC_REPORT_UTIL_H
#define MSYNC_REPORT_UTIL_H

#include <stddef.h>

#if defined(__GNUC__)
#define REPORT_PRINTF(f, a) __attribute__((__format__(__printf__, f, a)))
#else
#define REPORT_PRINTF(f, a)
#endif

struct err { char msg[1024]; };

/* Fills e->msg; always returns -1. */
int errf(struct err *e, const char *fmt, ...) REPORT_PRINTF(2, 3);

/* How to run this msync-report again, as the user did: argv[0] (main()
 * sets it), "msync-report" until then.  The commands findings and explain
 * print run as printed. */
extern const char *report_prog;

/* Out of memory ends msync-report with exit status 2, as bad input does. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
