/* The case table msync-report was built with (t/cases.c, generated from
 * t/cases.tbl and the t/variants tables): the same data the test programs
 * judge with, so a citation shown is the one the case failed with. */
#ifndef MSYNC_REPORT_TABLE_H
#define MSYNC_REPORT_TABLE_H

struct sbuf;
struct tview;

/* The view of the table report writers take (report/tview.h). */
const struct tview *table_view(void);
/* Whether the table has case id. */
int table_has_case(const char *id);
/* Whether variant name is a document (1), an implementation (0) or not in
 * the table (-1). */
int table_is_document(const char *name);
/* The case's description, as kyua list -v shows it: "msync(m, p): one
 * aligned page, MS_SYNC, on ..., nothing locked". */
void table_describe(const char *id, struct sbuf *out);
/* Every variant of the table, in table order. */
int table_nvariants(void);
const char *table_variant(int v);
const char *table_variant_title(int v);

#endif
