/* The comparison matrix, or one report's findings, as one HTML page. */
#ifndef MSYNC_REPORT_HTML_H
#define MSYNC_REPORT_HTML_H

struct cmp;
struct sbuf;
struct tview;

/* t NULL: no citations or spans.  what says what the rows shown are
 * ("differ", "are findings"). */
void html_write(const struct cmp *c, const struct tview *t, const char *title,
    const char *what, struct sbuf *b);

#endif
