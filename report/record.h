/* One msync-record line, as a test case prints it on its stdout:
 * MH_RECORD_TAG, then TAB-separated KEY=VALUE fields (lib/recordfmt.h).
 * Records from format 2 on come with the tested system's facts in the
 * programs' metadata (db.c); format 3 adds the verdict. */
#ifndef MSYNC_REPORT_RECORD_H
#define MSYNC_REPORT_RECORD_H

#include "report.h"

struct record {
	int format;                             /* MH_RECORD_FORMAT_MIN on */
	const char *id, *observed, *fs, *obs;   /* point into the parsed line */
	const char *verdict;                    /* NULL before format 3 */
	int nv;
	const char *vname[MAX_VARIANTS];        /* in the order printed */
	char judge[MAX_VARIANTS];               /* 'm'atch 'c'ontradict 's'ilent */
};

/* Parses line (NUL-terminated, modified in place).  Unknown keys are
 * ignored; an unknown format= is an error of its own. */
int record_parse(char *line, struct record *rec, struct err *e);

#endif
