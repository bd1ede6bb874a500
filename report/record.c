/*
 * One record line, as a case prints it (lib/recordfmt.h; results/README.md,
 * "The record line"): checked field by field, so a bad one is named, never
 * guessed at.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

struct kv {
	char *key, *val;
};

static int
judge_of(const char *v)
{
	if (strcmp(v, MH_MATCH_WORD) == 0)
		return 'm';
	if (strcmp(v, MH_CONTRADICT_WORD) == 0)
		return 'c';
	if (strcmp(v, MH_SILENT_WORD) == 0)
		return 's';
	return 0;
}

/* The format first: a newer record must fail for that reason, not for
 * whatever else changed with it. */
static int
parse_format(struct kv *kv, int n, struct record *rec, struct err *e)
{
	const char *format = NULL;
	char want[16];

	for (int i = 0; i < n; i++)
		if (strcmp(kv[i].key, MH_KEY_FORMAT) == 0)
			format = kv[i].val;
	if (format == NULL)
		return errf(e, "record without " MH_KEY_FORMAT "=");
	for (int f = MH_RECORD_FORMAT_MIN; f <= MH_RECORD_FORMAT; f++) {
		snprintf(want, sizeof want, "%d", f);
		if (strcmp(format, want) == 0) {
			rec->format = f;
			return 0;
		}
	}
	return errf(e, "record format '%s' is not supported (this "
	    "msync-report reads formats %d to %d)", format,
	    MH_RECORD_FORMAT_MIN, MH_RECORD_FORMAT);
}

static int
parse_variant(const char *name, const char *v, struct record *rec,
    struct err *e)
{
	if (!valid_variant_name(name))
		return errf(e, "record: invalid variant '%s'", name);
	if (rec->nv == MAX_VARIANTS)
		return errf(e, "record: more than %d variants", MAX_VARIANTS);
	rec->vname[rec->nv] = name;
	if ((rec->judge[rec->nv++] = (char)judge_of(v)) == 0)
		return errf(e, "record: variant %s: '%s' is not "
		    MH_MATCH_WORD ", " MH_CONTRADICT_WORD " or " MH_SILENT_WORD,
		    name, v);
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
		if (strncmp(k, MH_KEY_VARIANT, strlen(MH_KEY_VARIANT)) == 0) {
			if (parse_variant(k + strlen(MH_KEY_VARIANT), v, rec,
			    e) != 0)
				return -1;
		} else if (strcmp(k, MH_KEY_ID) == 0)
			rec->id = v;
		else if (strcmp(k, MH_KEY_VERDICT) == 0 && rec->format >= 3)
			rec->verdict = v;
		else if (strcmp(k, MH_KEY_OBSERVED) == 0)
			rec->observed = v;
		else if (strcmp(k, MH_KEY_FS) == 0)
			rec->fs = v;
		else if (strcmp(k, MH_KEY_OBS) == 0)
			rec->obs = v;
		/* other keys: later additions, ignored by design */
	}
	if (rec->id == NULL || !valid_id(rec->id))
		return errf(e, "record: missing or invalid " MH_KEY_ID "=");
	if (rec->format >= 3 && (rec->verdict == NULL ||
	    (strcmp(rec->verdict, MH_MANUALS) != 0 &&
	    !valid_variant_name(rec->verdict))))
		return errf(e, "record: missing or invalid " MH_KEY_VERDICT
		    "= ('%s')", rec->verdict ? rec->verdict : "");
	if (rec->observed == NULL || !valid_outcome(rec->observed))
		return errf(e, "record: missing or invalid " MH_KEY_OBSERVED
		    "= ('%s')", rec->observed ? rec->observed : "");
	/* any name statfs gives; ',' separates them in the report's fs fact */
	if (rec->fs == NULL || !valid_text(rec->fs) || strchr(rec->fs, ','))
		return errf(e, "record: missing or invalid " MH_KEY_FS "=");
	if (rec->obs == NULL || !valid_text(rec->obs))
		return errf(e, "record: missing or invalid " MH_KEY_OBS "=");
	if (rec->nv == 0)
		return errf(e, "record: no " MH_KEY_VARIANT "VARIANT= field");
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
	if (strcmp(f, MH_RECORD_TAG) != 0)
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
