/* The case table msync-report was built with (t/cases.c, generated from
 * t/cases.tbl and the t/variants tables): the same data the test programs
 * judge with, so a citation shown is the one the case failed with. */
#ifndef MSYNC_REPORT_TABLE_H
#define MSYNC_REPORT_TABLE_H

struct tview;

/* The table as every writer of reports sees it (report/tview.h): the one
 * accessor of the table msync-report was built with. */
const struct tview *table_view(void);

#endif
