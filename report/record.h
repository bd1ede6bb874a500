/* One msync-record line, as a test case prints it on its stdout:
 * "msync-record<TAB>format=N<TAB>key=value...".  Format 2 records come with
 * the tested system's facts in the programs' metadata (db.c); format 1
 * records with none. */
#ifndef MSYNC_REPORT_RECORD_H
#define MSYNC_REPORT_RECORD_H

#include "report.h"

#define RECORD_TAG "msync-record"

struct record {
	int format;                             /* 1 or 2 */
	const char *id, *observed, *fs, *obs;   /* point into the parsed line */
	int nv;
	const char *vname[MAX_VARIANTS];        /* in the order printed */
	char judge[MAX_VARIANTS];               /* 'm'atch 'c'ontradict 's'ilent */
};

/* Parses line (NUL-terminated, modified in place).  Unknown keys are
 * ignored; an unknown format= is an error of its own. */
int record_parse(char *line, struct record *rec, struct err *e);

#endif
