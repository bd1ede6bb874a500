/* The comparison matrix as one self-contained HTML page. */
#ifndef MSYNC_REPORT_HTML_H
#define MSYNC_REPORT_HTML_H

struct cmp;
struct sbuf;

void html_write(const struct cmp *c, struct sbuf *out);

#endif
