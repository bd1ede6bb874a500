#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "record.h"

struct kv { char *key, *val; };

static int judge_of(const char *v)
{
	if (strcmp(v, "match") == 0)
		return 'm';
	if (strcmp(v, "contradict") == 0)
		return 'c';
	if (strcmp(v, "silent") == 0)
		return 's';
	return 0;
}

static int parse_fields(struct kv *kv, int n, struct record *rec,
			struct err *e)
{
	/* The format first: a newer record must fail for that reason, not for
	 * whatever else changed with it. */
	const char *format = NULL;
	for (int i = 0; i < n; i++)
		if (strcmp(kv[i].key, "format") == 0)
			format = kv[i].val;
	if (format == NULL)
		return errf(e, "record without format=");
	if (strcmp(format, "1") != 0)
		return errf(e, "record format '%s' is not supported (this "
			    "msync-report reads format %d)", format,
			    RECORD_FORMAT);
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < i; j++)
			if (strcmp(kv[i].key, kv[j].key) == 0)
				return errf(e, "record repeats key '%s'",
					    kv[i].key);
		const char *k = kv[i].key, *v = kv[i].val;
		if (strncmp(k, "v.", 2) == 0) {
			if (!valid_variant_name(k + 2))
				return errf(e, "record: invalid variant '%s'",
					    k + 2);
			if (rec->nv == MAX_VARIANTS)
				return errf(e, "record: more than %d variants",
					    MAX_VARIANTS);
			rec->vname[rec->nv] = k + 2;
			if ((rec->judge[rec->nv++] = (char)judge_of(v)) == 0)
				return errf(e, "record: variant %s: '%s' is not "
					    "match, contradict or silent",
					    k + 2, v);
		} else if (strcmp(k, "id") == 0) {
			rec->id = v;
		} else if (strcmp(k, "observed") == 0) {
			rec->observed = v;
		} else if (strcmp(k, "fs") == 0) {
			rec->fs = v;
		} else if (strcmp(k, "obs") == 0) {
			rec->obs = v;
		}   /* other keys: later additions, ignored by design */
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

int record_parse(char *line, struct record *rec, struct err *e)
{
	memset(rec, 0, sizeof *rec);
	size_t n = 1;
	for (const char *q = line; *q; q++)
		n += *q == '\t';
	struct kv *kv = xmalloc(n * sizeof *kv);
	char *cur = line, *f = split_field(&cur, '\t');
	int nkv = 0, rc = 0;
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
