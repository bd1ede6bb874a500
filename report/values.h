/* What the values of the case table mean. */
#ifndef MSYNC_REPORT_VALUES_H
#define MSYNC_REPORT_VALUES_H

struct err;
struct sbuf;
struct tview;

/* Every value of every dimension with its meaning (the value lines'
 * texts), then the severity classes of findings with their outcomes;
 * names: only these dimensions, values or classes ("severity": every
 * class).  -1 with e set for a name the table lacks. */
int values_write(const char *const *names, int n, const struct tview *t,
    struct sbuf *out, struct err *e);

#endif
