/* The findings of an observed report: its deviations, in the groups every
 * view shares (report/group.h), most severe first. */
#ifndef MSYNC_REPORT_FINDINGS_H
#define MSYNC_REPORT_FINDINGS_H

#include <stddef.h>

#include "compare.h"
#include "group.h"
#include "report.h"

struct sbuf;
struct tview;

struct findings {
	vmask judges;		/* the variants that judge: documents, or one */
	size_t judged;		/* cases with an outcome */
	size_t accepted;	/* a judge accepts the outcome */
	size_t unspoken;	/* no judge speaks */
	size_t found;		/* findings: judges speak, none accepts */
	size_t unobserved;	/* cases without an outcome: never findings */
	size_t without[NKINDS];	/* of these, each kind */
	const struct report *rep[1];
	const char *name[1];
	const char *variant;	/* the one that judges, or NULL: documents */
	const struct row **rows;	/* the findings, in id order */
	struct cmp cmp;		/* those rows, as one report's matrix */
	struct grouping groups;	/* and their groups */
};

/* variant NULL: the documents judge (the manuals verdict); else that one.
 * name is the report's path, as the user gave it (kept, not copied).  -1
 * with e set when the report or the variant does not fit. */
int findings_build(struct findings *f, const struct report *r,
    const char *name, const struct tview *t, const char *variant,
    struct err *e);
void findings_free(struct findings *f);
void findings_write(const struct findings *f, const struct tview *t,
    struct sbuf *out);
/* "msync returned 0", "msync failed with EINVAL", "the call raised SIGBUS" */
void findings_did(const char *observed, struct sbuf *out);
/* The commands that show case id in full and reproduce it, as they run:
 * "PROG explain ID REPORT" (REPORT NULL: without) and "PROG reproduce
 * --variant NAME ID" (the reproducer's exit status judged as the finding
 * was; VARIANT NULL: by the documents, without the option). */
void findings_explain_cmd(const char *id, const char *report,
    struct sbuf *out);
void findings_reproduce_cmd(const char *id, const char *variant,
    struct sbuf *out);

#endif
