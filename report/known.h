/* Known differences (results/known.tsv): the rows where a report differs
 * from another for a reason results/README.md explains.  compare marks the
 * rows a line of it explains. */
#ifndef MSYNC_REPORT_KNOWN_H
#define MSYNC_REPORT_KNOWN_H

#include <stddef.h>

#include "util.h"

struct cmp;
struct group;
struct sbuf;

struct known_line {
	char *pattern;	/* case ids: * ? and {a,b} alternatives */
	char *report;	/* report names (the file's name without .report), as pattern */
	char *class;	/* what kind of difference: "emulator deviation", ... */
	char *text;	/* the one-line explanation */
	char *link;	/* where results/README.md explains it */
	unsigned long line;
};

struct known {
	char *path;
	size_t n;
	struct known_line *l;
};

/* -1 with e set ("FILE:LINE: reason") when the file is not one. */
int known_load(const char *path, struct known *k, struct err *e);
void known_free(struct known *k);
/* The first line explaining case id in the report named name (its path:
 * its file's name without ".report" is matched), or -1. */
int known_match(const struct known *k, const char *id, const char *name);
/* How many of the group's rows each line explains (n[] has room for
 * k->n): a row is explained by the first line that matches it in an
 * observed report compared; lines saying the same of other patterns count
 * as the first of them.  Returns how many rows are explained. */
size_t known_count(const struct known *k, const struct cmp *c,
    const struct group *g, size_t *n);
/* The labels of the lines explaining the group's rows, "known-3", with
 * "(12 of 20)" when some rows are not explained, "unexplained" when none
 * is. */
void known_labels(const struct known *k, const struct cmp *c,
    const struct group *g, struct sbuf *out);
/* Moves each line's count n[i] to the first line with its label: what
 * the labels explain, whatever lines have them. */
void known_by_label(const struct known *k, size_t *n);
/* What a line is called in the output: the link's #fragment, else
 * "line N". */
void known_label(const struct known *k, int i, struct sbuf *out);
/* Whether s matches pattern p: * any string, ? one character, {a,b,...}
 * one of the alternatives (not nested). */
int known_glob(const char *p, const char *s);

#endif
