/* The findings of an observed report: its deviations grouped by what the
 * host did and what the texts say instead. */
#ifndef MSYNC_REPORT_FINDINGS_H
#define MSYNC_REPORT_FINDINGS_H

#include <stddef.h>

#include "report.h"

struct sbuf;
struct tview;

/* One group: the same observed outcome against the same expectations. */
struct finding {
	char *key;
	const char *observed;
	vmask against;		/* the judging variants that contradict it */
	size_t n, cap;
	const struct row **rows;
};

struct findings {
	vmask judges;		/* the variants that judge: documents, or one */
	size_t judged;		/* cases with an outcome */
	size_t accepted;	/* a judge accepts the outcome */
	size_t unspoken;	/* no judge speaks */
	size_t found;		/* findings: judges speak, none accepts */
	size_t unobserved;	/* cases without an outcome: never findings */
	size_t without[NKINDS];	/* of these, each kind */
	size_t ngroups;
	struct finding *groups;	/* most cases first */
};

/* variant NULL: the documents judge (the manuals verdict); else that one.
 * -1 with e set when the report or the variant does not fit. */
int findings_build(struct findings *f, const struct report *r,
    const struct tview *t, const char *variant, struct err *e);
void findings_free(struct findings *f);
void findings_write(const struct findings *f, const struct report *r,
    const char *name, const struct tview *t, struct sbuf *out);
/* "msync returned 0", "msync failed with EINVAL", "the call raised SIGBUS" */
void findings_did(const char *observed, struct sbuf *out);

#endif
