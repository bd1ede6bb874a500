/* Reading a kyua results file (SQLite, store schema 3): every case of suite
 * msync with its verdict and its msync-record line. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "buf.h"
#include "db.h"
#include "record.h"
#include "report.h"

#define SCHEMA_VERSION 3

/* Every case of the suite with its result and stdout (NULL when empty:
 * kyua stores no row for an empty stream). */
static const char cases_sql[] =
	"SELECT tc.name, tp.relative_path, tr.result_type,"
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
	if (sqlite3_prepare_v2(L->db, "PRAGMA quick_check", -1, &st, NULL))
		return sql_fail(L, "not a kyua results file");
	int rc = sqlite3_step(st);
	const unsigned char *t = rc == SQLITE_ROW ? sqlite3_column_text(st, 0)
	    : NULL;
	if (t == NULL || strcmp((const char *)t, "ok") != 0) {
		if (t != NULL) {
			/* one line, however many problems SQLite lists */
			errf(L->e, "%s: damaged database: %s", L->path, t);
			for (char *q = L->e->msg; *q; q++)
				if (*q == '\n')
					*q = ' ';
		}
		else
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
	if (sqlite3_prepare_v2(L->db, "SELECT schema_version, timestamp FROM "
	    "metadata ORDER BY schema_version DESC LIMIT 1",
	    -1, &st, NULL))
		return sql_fail(L, "not a kyua results file");
	int rc = -1;
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
			report_set_fact(L->r, F_DATE, day);
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

/* The first record fixes the variants and their order; every other
 * record must list the same ones in the same order. */
static int
apply_record(struct loader *L, struct row *w,
    const struct record *rec)
{
	struct report *r = L->r;
	if (L->first_id == NULL) {
		for (int v = 0; v < rec->nv; v++)
			if (report_add_variant(r, rec->vname[v], L->e) != 0)
				return -1;
		L->first_id = xstrdup(w->id);
	}
	int same = rec->nv == r->nvariants;
	for (int v = 0; same && v < rec->nv; v++)
		same = strcmp(rec->vname[v], r->variants[v]) == 0;
	if (!same)
		return errf(L->e, "case %s: its record lists other variants "
		    "than case %s's", w->id, L->first_id);
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
	L->formats |= 1 << rec->format;
	return 0;
}

/* Finds the record line among the case's stdout lines; other lines are
 * the test's own chatter and not part of any report. */
static int
scan_stdout(struct loader *L, struct row *w, const char *out,
    size_t n)
{
	const size_t tag = strlen(RECORD_TAG);
	int found = 0;
	for (size_t i = 0; i < n; ) {
		const char *line = out + i;
		const char *nl = memchr(line, '\n', n - i);
		size_t len = nl ? (size_t)(nl - line) : n - i;
		i += len + 1;
		if (len < tag || memcmp(line, RECORD_TAG, tag) != 0 ||
		    (len > tag && line[tag] != '\t'))
			continue;
		if (found++)
			return errf(L->e, "case %s: more than one record line",
			    w->id);
		if (memchr(line, '\0', len) != NULL)
			return errf(L->e, "case %s: NUL byte in its record",
			    w->id);
		char *copy = xstrndup(line, len);
		struct record rec;
		struct err why;
		int rc = record_parse(copy, &rec, &why);
		if (rc != 0)
			errf(L->e, "case %s: %s", w->id, why.msg);
		else if (strcmp(rec.id, w->id) != 0)
			rc = errf(L->e, "case %s: its record says id=%s",
			    w->id, rec.id);
		else
			rc = apply_record(L, w, &rec);
		free(copy);
		if (rc != 0)
			return rc;
	}
	return 0;
}

static int
load_case(struct loader *L, sqlite3_stmt *st)
{
	const char *name = (const char *)sqlite3_column_text(st, 0);
	const char *prog = (const char *)sqlite3_column_text(st, 1);
	const char *type = (const char *)sqlite3_column_text(st, 2);
	if (name == NULL || prog == NULL)
		return errf(L->e, "%s: test case without a name or program",
		    L->path);
	struct row *w = report_add_row(L->r);
	/* A program that cannot list its cases shows up as this pseudo case,
	 * once per program: name it after the program to keep it. */
	if (strcmp(name, "__test_cases_list__") == 0) {
		struct sbuf id = {0};
		sb_printf(&id, "%s:%s", prog, name);
		w->id = id.p;
	} else {
		w->id = xstrdup(name);
	}
	w->observed = xstrdup("-");
	w->obs = xstrdup("-");
	w->verdict = xstrdup(type ? type : "-");
	if (type == NULL)
		return errf(L->e, "%s: case %s has no result (was the run "
		    "interrupted?)", L->path, w->id);
	if (!valid_id(w->id))
		return errf(L->e, "%s: invalid case id '%s'", L->path, w->id);
	const void *out = sqlite3_column_blob(st, 3);
	int rc = scan_stdout(L, w, out, (size_t)sqlite3_column_bytes(st, 3));
	if (rc != 0) {
		struct err why = *L->e;
		return errf(L->e, "%s: %s", L->path, why.msg);
	}
	struct err why;
	if (report_check_row(L->r, w, &why) != 0)
		return errf(L->e, "%s: %s", L->path, why.msg);
	return 0;
}

static int
load_cases(struct loader *L)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(L->db, cases_sql, -1, &st, NULL))
		return sql_fail(L, "not a kyua results file");
	int rc;
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

/* The fs fact: every fs= seen, sorted, comma-separated; "-" if none. */
static void
set_fs(struct loader *L)
{
	if (L->fs.len == 0)
		return;
	L->fs.p[--L->fs.len] = '\0';   /* the trailing ',' */
	size_t n = 1;
	for (const char *q = L->fs.p; *q; q++)
		n += *q == ',';
	char **names = xmalloc(n * sizeof *names), *cur = L->fs.p;
	for (size_t i = 0; i < n; i++)
		names[i] = split_field(&cur, ',');
	qsort(names, n, sizeof *names, str_cmp);
	struct sbuf out = {0};
	for (size_t i = 0; i < n; i++)
		sb_printf(&out, "%s%s", i ? "," : "", names[i]);
	report_set_fact(L->r, F_FS, out.p);
	sb_free(&out);
	free(names);
}

/* The tested system's facts, as its test programs recorded them while kyua
 * listed them (lib/record.c): metadata X-msync-facts, kept as
 * custom.msync-facts, on every case; X-msync-variant-NN, the variants'
 * titles, on each program's first case.  Every program must say the same. */
static const char facts_sql[] =
	"SELECT DISTINCT m.property_name, m.property_value"
	" FROM test_programs tp"
	" JOIN test_cases tc ON tc.test_program_id = tp.test_program_id"
	" JOIN metadatas m ON m.metadata_id = tc.metadata_id"
	" WHERE tp.test_suite_name = '" KYUA_SUITE "'"
	" AND m.property_name LIKE 'custom.msync-%'"
	" ORDER BY m.property_name, m.property_value";

/* "variant-NN" = "NAME TITLE": the title of the NN-th variant. */
static int
set_title(struct loader *L, const char *key, const char *val)
{
	char *end;
	long n = strtol(key + 8, &end, 10);
	struct report *r = L->r;
	if (*end != '\0' || n < 1 || n > MAX_VARIANTS)
		return 0;   /* not ours: ignored, as unknown keys are */
	if (n > r->nvariants)
		return errf(L->e, "%s: variant %ld's title recorded, but the "
			    "records name %d variants", L->path, n,
			    r->nvariants);
	size_t len = strlen(r->variants[n - 1]);
	if (strncmp(val, r->variants[n - 1], len) != 0 || val[len] != ' ' ||
	    !valid_text(val + len + 1))
		return errf(L->e, "%s: variant %ld's title is recorded as '%s', "
			    "not as '%s TITLE'", L->path, n, val,
			    r->variants[n - 1]);
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
set_fact(struct loader *L, const char *key, const char *val,
		    int *seen)
{
	static const enum fact keyed[] = { F_OS, F_RELEASE, F_MACHINE, F_ABI,
					   F_LIBC, F_PAGESIZE, F_EMULATOR };
	for (size_t i = 0; i < sizeof keyed / sizeof *keyed; i++) {
		enum fact f = keyed[i];
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
		report_set_fact(L->r, f, val);
	}
	return 0;   /* later additions: ignored by design */
}

/* "format=2<TAB>KEY=VALUE...": a newer format fails for that reason. */
static int
set_facts(struct loader *L, char *val, int *seen)
{
	char *cur = val, *f = split_field(&cur, '\t');
	if (strncmp(f, "format=", 7) != 0 || strcmp(f + 7, "2") != 0)
		return errf(L->e, "%s: facts format '%s' is not supported "
			    "(this msync-report reads format 2)", L->path,
			    strncmp(f, "format=", 7) == 0 ? f + 7 : f);
	while ((f = split_field(&cur, '\t')) != NULL) {
		char *eq = strchr(f, '=');
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
set_recorded(struct loader *L, const char *key, const char *val,
			int *seen)
{
	int rc = 0;
	if (strcmp(key, "facts") == 0) {
		char *copy = xstrdup(val);
		rc = set_facts(L, copy, seen);
		free(copy);
	} else if (strncmp(key, "variant-", 8) == 0) {
		rc = set_title(L, key, val);
	}
	return rc;   /* other keys: later additions, ignored by design */
}

/* The facts fact says where the others come from: "recorded" by the test
 * programs; "local" for format-1 records, which carry none (host.c fills
 * them in from the machine msync-report runs on, the only guess there is);
 * "none" when nothing recorded any. */
static int
load_facts(struct loader *L)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(L->db, facts_sql, -1, &st, NULL))
		return sql_fail(L, "not a kyua results file");
	int rc, seen = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		const char *v = (const char *)sqlite3_column_text(st, 1);
		if (set_recorded(L, k + strlen("custom.msync-"), v ? v : "",
				 &seen) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return sql_fail(L, "reading the recorded facts");
	for (int v = 0; v < L->r->nvariants; v++)
		if (L->r->titles[v] == NULL)
			for (int w = 0; w < L->r->nvariants; w++) {
				free(L->r->titles[w]);
				L->r->titles[w] = NULL;   /* all or none */
			}
	const char *from = seen ? "recorded" :
			   L->formats & 1 << 1 ? "local" : "none";
	report_set_fact(L->r, F_FACTS, from);
	for (int f = F_OS; f <= F_EMULATOR; f++)
		if (!(seen & 1 << f))
			report_set_fact(L->r, (enum fact)f, "unknown");
	return 0;
}

int
db_load(const char *path, struct report *r, struct err *e)
{
	struct loader L = { path, NULL, r, e, {0}, NULL, 0 };
	report_init(r);
	int rc;
	if (sqlite3_open_v2(path, &L.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		rc = sql_fail(&L, "cannot open");
	else
		rc = check_integrity(&L);
	if (rc == 0)
		rc = check_metadata(&L);
	if (rc == 0)
		rc = load_cases(&L);
	if (rc == 0)
		rc = load_facts(&L);
	if (rc == 0)
		set_fs(&L);
	sqlite3_close(L.db);
	sb_free(&L.fs);
	free(L.first_id);
	if (rc != 0)
		report_free(r);
	return rc;
}
