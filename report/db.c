/* Reading a kyua results file (SQLite, store schema 3): every case of suite
 * msync with its verdict and its msync-record line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "buf.h"
#include "db.h"
#include "record.h"
#include "report.h"

#define SCHEMA_VERSION 3

/* Every case of the suite with its result, kyua's reason and its stdout
 * (NULL when empty: kyua stores no row for an empty stream). */
static const char cases_sql[] =
	"SELECT tc.name, tp.relative_path, tr.result_type, tr.result_reason,"
	" (SELECT f.contents FROM test_case_files x"
	"   JOIN files f ON f.file_id = x.file_id"
	"   WHERE x.test_case_id = tc.test_case_id"
	"   AND x.file_name = '__STDOUT__')"
	" FROM test_programs tp"
	" JOIN test_cases tc ON tc.test_program_id = tp.test_program_id"
	" LEFT JOIN test_results tr ON tr.test_case_id = tc.test_case_id"
	" WHERE tp.test_suite_name = '" KYUA_SUITE "'"
	" ORDER BY tc.name, tp.relative_path";

struct loader {
	const char *path;
	sqlite3 *db;
	struct report *r;
	struct err *e;
	struct sbuf fs;        /* distinct fs= values, each followed by ',' */
	char *first_id;        /* the case whose record fixed the variants */
	char *verdict_id;      /* the case whose record fixed the verdict */
	int formats;           /* bit N: a format-N record was read */
};

/* what failed, unless SQLite found the file itself damaged */
static int
sql_fail(struct loader *L, const char *what)
{
	int code = sqlite3_errcode(L->db) & 0xff;

	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		what = "damaged database";
	return errf(L->e, "%s: %s: %s", L->path, what, sqlite3_errmsg(L->db));
}

static int
check_integrity(struct loader *L)
{
	sqlite3_stmt *st;
	const unsigned char *t;

	if (sqlite3_prepare_v2(L->db, "PRAGMA quick_check", -1, &st, NULL))
		return sql_fail(L, "not a kyua results file");
	t = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
	if (t == NULL || strcmp((const char *)t, "ok") != 0) {
		if (t != NULL) {
			/* one line, however many problems SQLite lists */
			errf(L->e, "%s: damaged database: %s", L->path, t);
			for (char *q = L->e->msg; *q; q++)
				if (*q == '\n')
					*q = ' ';
		} else
			sql_fail(L, "damaged database");
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* The schema version, and the run's day (UTC, so the time zone of whoever
 * writes the report does not change it) from the store's timestamp. */
static int
check_metadata(struct loader *L)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (sqlite3_prepare_v2(L->db, "SELECT schema_version, timestamp FROM "
	    "metadata ORDER BY schema_version DESC LIMIT 1", -1, &st, NULL))
		return sql_fail(L, "not a kyua results file");
	if (sqlite3_step(st) != SQLITE_ROW) {
		errf(L->e, "%s: not a kyua results file (empty metadata)",
		    L->path);
	} else if (sqlite3_column_type(st, 0) != SQLITE_INTEGER ||
	    sqlite3_column_int64(st, 0) != SCHEMA_VERSION) {
		const unsigned char *v = sqlite3_column_text(st, 0);

		errf(L->e, "%s: kyua results schema version '%s' is not "
		    "supported (this msync-report reads version %d)", L->path,
		    v ? (const char *)v : "NULL", SCHEMA_VERSION);
	} else if (sqlite3_column_type(st, 1) != SQLITE_INTEGER ||
	    sqlite3_column_int64(st, 1) < 0) {
		errf(L->e, "%s: invalid run timestamp", L->path);
	} else {
		time_t t = (time_t)sqlite3_column_int64(st, 1);
		struct tm tm;
		char day[32];

		if (gmtime_r(&t, &tm) == NULL ||
		    strftime(day, sizeof day, "%Y-%m-%d", &tm) == 0) {
			errf(L->e, "%s: invalid run timestamp", L->path);
		} else {
			report_set_fact(L->r, F_date, day);
			rc = 0;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

static void
note_fs(struct loader *L, const char *fs)
{
	size_t n = strlen(fs);

	for (const char *p = L->fs.p; p && *p; p = strchr(p, ',') + 1)
		if (strncmp(p, fs, n) == 0 && p[n] == ',')
			return;
	sb_puts(&L->fs, fs);
	sb_putc(&L->fs, ',');
}

/* The first record fixes the variants and their order, and the first of
 * format 3 the verdict; every other record must say the same. */
static int
same_run(struct loader *L, const struct row *w, const struct record *rec)
{
	struct report *r = L->r;
	int same;

	if (L->first_id == NULL) {
		for (int v = 0; v < rec->nv; v++)
			if (report_add_variant(r, rec->vname[v], L->e) != 0)
				return -1;
		L->first_id = xstrdup(w->id);
	}
	same = rec->nv == r->nvariants;
	for (int v = 0; same && v < rec->nv; v++)
		same = strcmp(rec->vname[v], r->variants[v]) == 0;
	if (!same)
		return errf(L->e, "case %s: its record lists other variants "
		    "than case %s's", w->id, L->first_id);
	if (rec->verdict == NULL)
		return 0;
	if (L->verdict_id == NULL) {
		report_set_fact(r, F_verdict, rec->verdict);
		L->verdict_id = xstrdup(w->id);
	} else if (strcmp(rec->verdict, r->facts[F_verdict]) != 0)
		return errf(L->e, "case %s: its record says " MH_KEY_VERDICT
		    "=%s, case %s's " MH_KEY_VERDICT "=%s", w->id, rec->verdict,
		    L->verdict_id, r->facts[F_verdict]);
	return 0;
}

/* The outcome the record gives, judged by each variant. */
static void
take_outcome(struct loader *L, struct row *w, const struct record *rec)
{
	for (int v = 0; v < rec->nv; v++) {
		if (rec->judge[v] == 'm')
			w->matches |= (vmask)1 << v;
		else if (rec->judge[v] == 'c')
			w->contradicts |= (vmask)1 << v;
	}
	free(w->observed);
	free(w->obs);
	w->observed = xstrdup(rec->observed);
	w->obs = xstrdup(rec->obs);
	note_fs(L, rec->fs);
}

/* The record line among the case's stdout lines (the others are the test's
 * own chatter): 0 with *line NULL when there is none, else *line holds the
 * parsed copy that rec points into. */
static int
find_record(struct loader *L, const struct row *w, const char *out, size_t n,
    char **line, struct record *rec)
{
	const size_t tag = strlen(MH_RECORD_TAG);
	struct err why;

	*line = NULL;
	for (size_t i = 0; i < n; ) {
		const char *l = out + i;
		const char *nl = memchr(l, '\n', n - i);
		size_t len = nl ? (size_t)(nl - l) : n - i;

		i += len + 1;
		if (len < tag || memcmp(l, MH_RECORD_TAG, tag) != 0 ||
		    (len > tag && l[tag] != '\t'))
			continue;
		if (*line != NULL)
			return errf(L->e, "case %s: more than one record line",
			    w->id);
		if (memchr(l, '\0', len) != NULL)
			return errf(L->e, "case %s: NUL byte in its record",
			    w->id);
		*line = xstrndup(l, len);
		if (record_parse(*line, rec, &why) != 0)
			return errf(L->e, "case %s: %s", w->id, why.msg);
		if (strcmp(rec->id, w->id) != 0)
			return errf(L->e, "case %s: its record says id=%s",
			    w->id, rec->id);
	}
	return 0;
}

/*
 * A case has an outcome only when it printed its record and kyua neither
 * skipped nor broke it; a record of an older harness that says the case
 * broke after its call (MH_BROKEN_AFTER_CALL) makes the case broken.  A
 * case without an outcome keeps kyua's reason instead.
 */
static int
judge_case(struct loader *L, struct row *w, const char *out, size_t n,
    const char *reason)
{
	struct record rec;
	struct sbuf why = {0};
	char *line;
	int k = kind_index(w->verdict), rc;

	rc = find_record(L, w, out, n, &line, &rec);
	if (rc == 0 && line != NULL) {
		L->formats |= 1 << rec.format;
		rc = same_run(L, w, &rec);
	}
	if (rc == 0 && line != NULL && k != K_SKIPPED && k != K_BROKEN &&
	    strcmp(rec.obs, MH_BROKEN_AFTER_CALL) != 0) {
		take_outcome(L, w, &rec);
		w->reason = xstrdup("-");
	} else if (rc == 0) {
		if (line != NULL && k != K_SKIPPED) {
			free(w->verdict);
			w->verdict = xstrdup(kind_names[K_BROKEN]);
		}
		reason_clean(reason, &why);
		w->reason = why.p;
	}
	free(line);
	return rc;
}

static int
load_case(struct loader *L, sqlite3_stmt *st)
{
	const char *name = (const char *)sqlite3_column_text(st, 0);
	const char *prog = (const char *)sqlite3_column_text(st, 1);
	const char *type = (const char *)sqlite3_column_text(st, 2);
	const char *reason = (const char *)sqlite3_column_text(st, 3);
	const void *out = sqlite3_column_blob(st, 4);
	size_t n = (size_t)sqlite3_column_bytes(st, 4);
	struct row *w;
	struct err why;

	if (name == NULL || prog == NULL)
		return errf(L->e, "%s: test case without a name or program",
		    L->path);
	w = report_add_row(L->r);
	/* A program that cannot list its cases shows up as this pseudo case,
	 * once per program: name it after the program to keep it. */
	if (strcmp(name, "__test_cases_list__") == 0) {
		struct sbuf id = {0};

		sb_printf(&id, "%s:%s", prog, name);
		w->id = id.p;
	} else
		w->id = xstrdup(name);
	w->observed = xstrdup("-");
	w->obs = xstrdup("-");
	w->verdict = xstrdup(type ? type : "-");
	if (type == NULL)
		return errf(L->e, "%s: case %s has no result (was the run "
		    "interrupted?)", L->path, w->id);
	if (!valid_id(w->id))
		return errf(L->e, "%s: invalid case id '%s'", L->path, w->id);
	if (judge_case(L, w, out, n, reason) != 0) {
		why = *L->e;
		return errf(L->e, "%s: %s", L->path, why.msg);
	}
	if (report_check_row(L->r, w, &why) != 0)
		return errf(L->e, "%s: %s", L->path, why.msg);
	return 0;
}

static int
load_cases(struct loader *L)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(L->db, cases_sql, -1, &st, NULL))
		return sql_fail(L, "not a kyua results file");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (load_case(L, st) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_fail(L, "reading the test cases");
	if (L->r->nrows == 0)
		return errf(L->e, "%s: no test case of suite '" KYUA_SUITE "'",
		    L->path);
	report_sort(L->r);
	for (size_t i = 1; i < L->r->nrows; i++)
		if (strcmp(L->r->rows[i - 1].id, L->r->rows[i].id) == 0)
			return errf(L->e, "%s: case id %s appears in two test "
			    "programs", L->path, L->r->rows[i].id);
	return 0;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The fs fact: every fs= of a case with an outcome, sorted,
 * comma-separated; "-" if none. */
static void
set_fs(struct loader *L)
{
	struct sbuf out = {0};
	size_t n = 1;
	char **names, *cur;

	if (L->fs.len == 0)
		return;
	L->fs.p[--L->fs.len] = '\0';   /* the trailing ',' */
	for (const char *q = L->fs.p; *q; q++)
		n += *q == ',';
	names = xmalloc(n * sizeof *names);
	cur = L->fs.p;
	for (size_t i = 0; i < n; i++)
		names[i] = split_field(&cur, ',');
	qsort(names, n, sizeof *names, str_cmp);
	for (size_t i = 0; i < n; i++)
		sb_printf(&out, "%s%s", i ? "," : "", names[i]);
	report_set_fact(L->r, F_fs, out.p);
	sb_free(&out);
	free(names);
}

/* The tested system's facts, as its test programs recorded them while kyua
 * listed them (lib/record.c, lib/recordfmt.h): MH_MD_FACTS on every case;
 * MH_MD_TITLE "NN", the variants' titles, on each program's first case;
 * kyua keeps X-NAME as custom.NAME.  Every program must say the same. */
#define CUSTOM "custom."
static const char facts_sql[] =
	"SELECT DISTINCT m.property_name, m.property_value"
	" FROM test_programs tp"
	" JOIN test_cases tc ON tc.test_program_id = tp.test_program_id"
	" JOIN metadatas m ON m.metadata_id = tc.metadata_id"
	" WHERE tp.test_suite_name = '" KYUA_SUITE "'"
	" AND m.property_name LIKE '" CUSTOM MH_MD_PREFIX "%'"
	" ORDER BY m.property_name, m.property_value";

/*
 * NN = "NAME TITLE": the title of the NN-th variant.  When no case printed
 * a record (a run where every case broke or skipped), the titles name the
 * variants: they come in order (the query sorts NN), each the next one.
 */
static int
set_title(struct loader *L, const char *nn, const char *val, int titled)
{
	struct report *r = L->r;
	char *end, *name;
	long n = strtol(nn, &end, 10);
	size_t len;

	if (*end != '\0' || n < 1 || n > MAX_VARIANTS)
		return 0;   /* not ours: ignored, as unknown keys are */
	if (titled && n == r->nvariants + 1) {
		name = xstrndup(val, strcspn(val, " "));
		if (report_add_variant(r, name, L->e) != 0) {
			free(name);
			return errf(L->e, "%s: variant %ld's title is recorded "
			    "as '%s', not as 'NAME TITLE'", L->path, n, val);
		}
		free(name);
	}
	if (n > r->nvariants)
		return titled ? errf(L->e, "%s: variant %ld's title recorded, "
		    "but not variant %d's", L->path, n, r->nvariants + 1) :
		    errf(L->e, "%s: variant %ld's title recorded, but the "
		    "records name %d variants", L->path, n, r->nvariants);
	len = strlen(r->variants[n - 1]);
	if (strncmp(val, r->variants[n - 1], len) != 0 || val[len] != ' ' ||
	    !valid_text(val + len + 1))
		return errf(L->e, "%s: variant %ld's title is recorded as '%s', "
		    "not as '%s TITLE'", L->path, n, val, r->variants[n - 1]);
	if (r->titles[n - 1] && strcmp(r->titles[n - 1], val + len + 1) != 0)
		return errf(L->e, "%s: test programs record two titles of "
		    "variant %s", L->path, r->variants[n - 1]);
	free(r->titles[n - 1]);
	r->titles[n - 1] = xstrdup(val + len + 1);
	return 0;
}

/* One field KEY=VALUE of the facts; the first program to say a fact sets
 * it, any other must say the same. */
static int
set_fact(struct loader *L, const char *key, const char *val, int *seen)
{
	for (int f = 0; f < F_RECORDED_END; f++) {
		if (strcmp(key, fact_keys[f]) != 0)
			continue;
		if (!valid_text(val))
			return errf(L->e, "%s: invalid %s fact recorded",
			    L->path, key);
		if ((*seen & 1 << f) && strcmp(L->r->facts[f], val) != 0)
			return errf(L->e, "%s: test programs record two %s "
			    "facts, '%s' and '%s'", L->path, key,
			    L->r->facts[f], val);
		*seen |= 1 << f;
		report_set_fact(L->r, (enum fact)f, val);
	}
	return 0;   /* later additions: ignored by design */
}

/* "format=N<TAB>KEY=VALUE...": a newer format fails for that reason. */
static int
set_facts(struct loader *L, char *val, int *seen)
{
	static const char format[] = MH_KEY_FORMAT "=";
	char *cur = val, *f = split_field(&cur, '\t'), *eq;
	char want[32];

	snprintf(want, sizeof want, "%s%d", format, MH_FACTS_FORMAT);
	if (strcmp(f, want) != 0)
		return errf(L->e, "%s: facts format '%s' is not supported "
		    "(this msync-report reads format %d)", L->path,
		    strncmp(f, format, strlen(format)) == 0 ?
		    f + strlen(format) : f, MH_FACTS_FORMAT);
	while ((f = split_field(&cur, '\t')) != NULL) {
		eq = strchr(f, '=');
		if (eq == NULL || eq == f)
			return errf(L->e, "%s: recorded fact '%s' is not "
			    "KEY=VALUE", L->path, f);
		*eq = '\0';
		if (set_fact(L, f, eq + 1, seen) != 0)
			return -1;
	}
	return 0;
}

static int
set_recorded(struct loader *L, const char *key, const char *val, int *seen,
    int titled)
{
	static const char facts[] = CUSTOM MH_MD_FACTS;
	static const char title[] = CUSTOM MH_MD_TITLE;
	char *copy;
	int rc = 0;

	if (strcmp(key, facts) == 0) {
		copy = xstrdup(val);
		rc = set_facts(L, copy, seen);
		free(copy);
	} else if (strncmp(key, title, strlen(title)) == 0)
		rc = set_title(L, key + strlen(title), val, titled);
	return rc;   /* other keys: later additions, ignored by design */
}

/* The facts fact says where the others come from: "recorded" by the test
 * programs; "local" for format-1 records, which carry none (host.c fills
 * them in from the machine msync-report runs on, the only guess there is);
 * "none" when nothing recorded any. */
static int
load_facts(struct loader *L)
{
	struct report *r = L->r;
	sqlite3_stmt *st;
	int rc, seen = 0, titled = r->nvariants == 0;

	if (sqlite3_prepare_v2(L->db, facts_sql, -1, &st, NULL))
		return sql_fail(L, "not a kyua results file");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);

		if (set_recorded(L, k, v ? v : "", &seen, titled) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_fail(L, "reading the recorded facts");
	for (int v = 0; v < r->nvariants; v++)
		if (r->titles[v] == NULL)
			for (int w = 0; w < r->nvariants; w++) {
				free(r->titles[w]);
				r->titles[w] = NULL;   /* all or none */
			}
	report_set_fact(r, F_facts, seen ? "recorded" :
	    L->formats & 1 << 1 ? "local" : "none");
	for (int f = 0; f < F_RECORDED_END; f++)
		if (!(seen & 1 << f))
			report_set_fact(r, (enum fact)f, "unknown");
	return 0;
}

int
db_load(const char *path, struct report *r, struct err *e)
{
	struct loader L = { path, NULL, r, e, {0}, NULL, NULL, 0 };
	struct err why;
	int rc;

	report_init(r);
	report_set_fact(r, F_verdict, "unknown");
	if (sqlite3_open_v2(path, &L.db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		rc = sql_fail(&L, "cannot open");
	else
		rc = check_integrity(&L);
	if (rc == 0)
		rc = check_metadata(&L);
	if (rc == 0)
		rc = load_cases(&L);
	if (rc == 0)
		rc = load_facts(&L);
	if (rc == 0 && report_check_verdict(r, &why) != 0)
		rc = errf(e, "%s: %s", path, why.msg);
	if (rc == 0)
		set_fs(&L);
	sqlite3_close(L.db);
	sb_free(&L.fs);
	free(L.first_id);
	free(L.verdict_id);
	if (rc != 0)
		report_free(r);
	return rc;
}
