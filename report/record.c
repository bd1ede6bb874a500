/*
 * One record line, as a case prints it (results/README.md, "The record
 * line"): checked field by field, so a bad one is named, never guessed at.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "record.h"

struct kv {
	char *key, *val;
};

static int
judge_of(const char *v)
{
	if (strcmp(v, "match") == 0)
		return 'm';
	if (strcmp(v, "contradict") == 0)
		return 'c';
	if (strcmp(v, "silent") == 0)
		return 's';
	return 0;
}

/* The format first: a newer record must fail for that reason, not for
 * whatever else changed with it. */
static int
parse_format(struct kv *kv, int n, struct record *rec, struct err *e)
{
	const char *format = NULL;

	for (int i = 0; i < n; i++)
		if (strcmp(kv[i].key, "format") == 0)
			format = kv[i].val;
	if (format == NULL)
		return errf(e, "record without format=");
	if (strcmp(format, "1") == 0 || strcmp(format, "2") == 0) {
		rec->format = format[0] - '0';
		return 0;
	}
	return errf(e, "record format '%s' is not supported (this "
	    "msync-report reads formats 1 to %d)", format, RECORD_FORMAT);
}

static int
parse_variant(const char *name, const char *v, struct record *rec, struct err *e)
{
	if (!valid_variant_name(name))
		return errf(e, "record: invalid variant '%s'", name);
	if (rec->nv == MAX_VARIANTS)
		return errf(e, "record: more than %d variants", MAX_VARIANTS);
	rec->vname[rec->nv] = name;
	if ((rec->judge[rec->nv++] = (char)judge_of(v)) == 0)
		return errf(e, "record: variant %s: '%s' is not match, "
		    "contradict or silent", name, v);
	return 0;
}

static int
parse_fields(struct kv *kv, int n, struct record *rec, struct err *e)
{
	if (parse_format(kv, n, rec, e) != 0)
		return -1;
	for (int i = 0; i < n; i++) {
		const char *k = kv[i].key, *v = kv[i].val;

		for (int j = 0; j < i; j++)
			if (strcmp(k, kv[j].key) == 0)
				return errf(e, "record repeats key '%s'", k);
		if (strncmp(k, "v.", 2) == 0) {
			if (parse_variant(k + 2, v, rec, e) != 0)
				return -1;
		} else if (strcmp(k, "id") == 0)
			rec->id = v;
		else if (strcmp(k, "observed") == 0)
			rec->observed = v;
		else if (strcmp(k, "fs") == 0)
			rec->fs = v;
		else if (strcmp(k, "obs") == 0)
			rec->obs = v;
		/* other keys: later additions, ignored by design */
	}
	if (rec->id == NULL || !valid_id(rec->id))
		return errf(e, "record: missing or invalid id=");
	if (rec->observed == NULL || !valid_outcome(rec->observed))
		return errf(e, "record: missing or invalid observed= ('%s')",
		    rec->observed ? rec->observed : "");
	/* any name statfs gives; ',' separates them in the report's fs fact */
	if (rec->fs == NULL || !valid_text(rec->fs) || strchr(rec->fs, ','))
		return errf(e, "record: missing or invalid fs=");
	if (rec->obs == NULL || !valid_text(rec->obs))
		return errf(e, "record: missing or invalid obs=");
	if (rec->nv == 0)
		return errf(e, "record: no v.VARIANT= field");
	return 0;
}

int
record_parse(char *line, struct record *rec, struct err *e)
{
	size_t n = 1;
	struct kv *kv;
	char *cur = line, *f;
	int nkv = 0, rc = 0;

	memset(rec, 0, sizeof *rec);
	for (const char *q = line; *q; q++)
		n += *q == '\t';
	kv = xmalloc(n * sizeof *kv);
	f = split_field(&cur, '\t');
	if (strcmp(f, RECORD_TAG) != 0)
		rc = errf(e, "not a record line");
	while (rc == 0 && (f = split_field(&cur, '\t')) != NULL) {
		char *eq = strchr(f, '=');

		if (eq == NULL || eq == f) {
			rc = errf(e, "record field '%s' is not KEY=VALUE", f);
			break;
		}
		*eq = '\0';
		kv[nkv].key = f;
		kv[nkv++].val = eq + 1;
	}
	if (rc == 0)
		rc = parse_fields(kv, nkv, rec, e);
	free(kv);
	return rc;
}
