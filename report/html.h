/* The comparison matrix, or one report's findings, as one HTML page. */
#ifndef MSYNC_REPORT_HTML_H
#define MSYNC_REPORT_HTML_H

struct cmp;
struct err;
struct report;
struct sbuf;
struct tview;

/* t NULL: no citations or spans.  what says what the rows shown are
 * ("differ", "are findings"). */
void html_write(const struct cmp *c, const struct tview *t, const char *title,
    const char *what, struct sbuf *b);
/* One report's page: its summary, then its findings under the documents.
 * -1 with e set when it has no findings to give (an expected report). */
int html_write_report(const struct report *r, const char *name,
    const struct tview *t, struct sbuf *b, struct err *e);

#endif
