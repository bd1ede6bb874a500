/* A report as KCIDB JSON (kcidb-io schema v4): {"version", "tests"}.  Each
 * case is a test whose path is msync.PROGRAM.CASE, the test program taken
 * from the case table msync-report was built with (a report names cases,
 * not programs), and whose misc keeps what the report says of it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "casetable.h"
#include "kcidb.h"
#include "lava.h"
#include "report.h"

#define KCIDB_MAJOR 4
#define KCIDB_MINOR 0

static void
json_str(struct sbuf *b, const char *s)
{
	sb_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			sb_printf(b, "\\%c", c);
		else if (c < 0x20)
			sb_printf(b, "\\u%04x", c);
		else
			sb_putc(b, (char)c);
	}
	sb_putc(b, '"');
}

static void
json_mask(struct sbuf *b, const struct report *r, vmask m)
{
	struct sbuf s = {0};
	mask_format(r, m, &s);
	json_str(b, s.p ? s.p : "-");
	sb_free(&s);
}

/* The test program of each case of the table, by case id. */
struct prog { const char *id, *group; };

static int
prog_cmp(const void *a, const void *b)
{
	return strcmp(((const struct prog *)a)->id, ((const struct prog *)b)->id);
}

/* LAVA's result of the verdict, in KCIDB's words; but a broken case is
 * ERROR: the harness failed, not the system under test. */
static const char *
status_of(const char *verdict)
{
	if (strcmp(verdict, "broken") == 0)
		return "ERROR";
	const char *r = lava_result_of(verdict);
	return *r == 'p' ? "PASS" : *r == 's' ? "SKIP" : "FAIL";
}

static int
valid_origin(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return 0;
	return 1;
}

int
kcidb_write(const struct report *r, const char *name, const char *origin,
    const char *build_id, struct sbuf *out, struct err *e)
{
	if (r->expected)
		return errf(e, "%s: an expected report (of %s) holds no test "
		    "results", name, r->expected);
	if (!valid_origin(origin))
		return errf(e, "origin '%s': KCIDB origins are [a-z0-9_]+", origin);
	struct sbuf bid = {0};
	if (build_id) {
		size_t k = strlen(origin);
		if (strncmp(build_id, origin, k) != 0 || build_id[k] != ':')
			return errf(e, "build id '%s' does not start with the "
			    "origin '%s:'", build_id, origin);
		sb_puts(&bid, build_id);
	} else {
		sb_printf(&bid, "%s:msync-%s-%s-%s", origin, r->facts[F_release],
		    r->facts[F_machine], r->facts[F_date]);
	}
	struct prog *map = xmalloc((mh_table.ncases ? mh_table.ncases : 1) *
	    sizeof *map);
	for (unsigned g = 0; g < mh_table.ngroups; g++)
		for (unsigned c = 0; c < mh_table.groups[g].count; c++) {
			unsigned i = mh_table.groups[g].first + c;
			map[i].id = mh_table.cases[i].id;
			map[i].group = mh_table.groups[g].name;
		}
	qsort(map, mh_table.ncases, sizeof *map, prog_cmp);

	sb_printf(out, "{\n\"version\": {\"major\": %d, \"minor\": %d},\n"
	    "\"tests\": [", KCIDB_MAJOR, KCIDB_MINOR);
	for (size_t i = 0; i < r->nrows; i++) {
		const struct row *w = &r->rows[i];
		struct sbuf path = {0}, id = {0};
		/* PROGRAM:__test_cases_list__: a program that listed nothing. */
		const char *colon = strchr(w->id, ':');
		if (colon) {
			sb_printf(&path, "msync.%.*s.%s", (int)(colon - w->id),
			    w->id, colon + 1);
		} else {
			struct prog key = { w->id, NULL };
			const struct prog *p = bsearch(&key, map, mh_table.ncases,
			    sizeof *map, prog_cmp);
			if (p == NULL) {
				errf(e, "%s: case %s is not in the case table this "
				    "msync-report was built with (a report of "
				    "another version of the suite?)", name, w->id);
				sb_free(&bid);
				free(map);
				return -1;
			}
			sb_printf(&path, "msync.%s_test.%s", p->group, w->id);
		}
		sb_printf(&id, "%s:%s", bid.p, path.p);
		sb_puts(out, i ? ",\n" : "\n");
		sb_puts(out, "{\"id\": ");
		json_str(out, id.p);
		sb_puts(out, ", \"build_id\": ");
		json_str(out, bid.p);
		sb_puts(out, ", \"origin\": ");
		json_str(out, origin);
		sb_puts(out, ", \"path\": ");
		json_str(out, path.p);
		sb_printf(out, ", \"status\": \"%s\"", status_of(row_kind(w)));
		sb_puts(out, ", \"misc\": {\"verdict\": ");
		json_str(out, w->verdict);
		sb_puts(out, ", \"observed\": ");
		json_str(out, w->observed);
		sb_puts(out, ", \"matches\": ");
		json_mask(out, r, w->matches);
		sb_puts(out, ", \"contradicts\": ");
		json_mask(out, r, w->contradicts);
		sb_puts(out, ", \"obs\": ");
		json_str(out, w->obs);
		sb_puts(out, ", \"reason\": ");
		json_str(out, w->reason ? w->reason : "-");
		sb_puts(out, "}, \"environment\": {\"misc\": {");
		for (int f = 0; f < NFACTS; f++) {
			if (f)
				sb_puts(out, ", ");
			json_str(out, fact_keys[f]);
			sb_puts(out, ": ");
			json_str(out, r->facts[f] ? r->facts[f] : "-");
		}
		sb_puts(out, "}}}");
		sb_free(&path);
		sb_free(&id);
	}
	sb_puts(out, "\n]\n}\n");
	sb_free(&bid);
	free(map);
	return 0;
}
