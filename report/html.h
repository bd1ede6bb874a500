/* The comparison matrix, or one report's findings, as one HTML page. */
#ifndef MSYNC_REPORT_HTML_H
#define MSYNC_REPORT_HTML_H

struct cmp;
struct err;
struct findings;
struct grouping;
struct known;
struct report;
struct sbuf;
struct tview;

struct html_opts {
	const struct tview *t;		/* citations and spans; NULL: none */
	const struct known *known;	/* rows to mark explained; NULL: none */
	const char *title;
	const char *what;		/* what the rows are: "differ", ... */
	const struct findings *f;	/* one report's findings page: its counts */
};

/* The rows of c in gr's groups (the numbers the text gives them). */
void html_write(const struct cmp *c, const struct grouping *gr,
    const struct html_opts *o, struct sbuf *b);
/* One report's page: its summary, then its findings under the documents,
 * numbered as msync-report findings numbers them.  -1 with e set when it
 * has no findings to give (an expected report). */
int html_write_report(const struct report *r, const char *name,
    const struct tview *t, struct sbuf *b, struct err *e);

#endif
