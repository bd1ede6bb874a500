/* msync-report: canonical reports from kyua results, and what to do with
 * them.  Exit status: 0 done, 1 compare found differences, 2 bad input,
 * bad usage or an I/O error (nothing is written then). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "canon.h"
#include "compare.h"
#include "db.h"
#include "expect.h"
#include "explain.h"
#include "findings.h"
#include "group.h"
#include "host.h"
#include "html.h"
#include "kcidb.h"
#include "lava.h"
#include "known.h"
#include "report.h"
#include "reproduce.h"
#include "summary.h"
#include "table.h"
#include "values.h"

static const char usage_text[] =
	"usage: msync-report [-o FILE] RESULTS.db\n"
	"       msync-report summary [-o FILE] [--html FILE] REPORT|RESULTS.db\n"
	"       msync-report findings [-o FILE] [--variant NAME] REPORT|RESULTS.db\n"
	"       msync-report explain [-o FILE] CASE-ID [REPORT|RESULTS.db]\n"
	"       msync-report values [-o FILE] [NAME ...]\n"
	"       msync-report compare [--html FILE] [--cite] [--rows] [--known FILE]\n"
	"                            A B [C ...]\n"
	"       msync-report expected [-o FILE] VARIANT EXPECTATIONS.tsv\n"
	"       msync-report lava [-o FILE] [--cases FILE] [--definition NAME]\n"
	"                         [--results RESULTS.csv] LOG\n"
	"       msync-report kcidb [-o FILE] [--origin NAME] [--build-id ID] REPORT|RESULTS.db\n"
	"       msync-report reproduce [-o FILE] [--variant NAME] CASE-ID\n"
	"       msync-report --help | --version\n";

static const char help_text[] =
	"\n"
	"Writes the canonical report (results/README.md) of a kyua results\n"
	"file of the msync suite: host facts, then one line per case.\n"
	"\n"
	"  -o, --output FILE  write to FILE (complete or not at all), not stdout\n"
	"\n"
	"summary   the verdict; the cases of every kind, and the reasons of\n"
	"          those without an outcome, grouped; per variant: cases\n"
	"          matched, contradicted, silent; the closest variants.\n"
	"          --html FILE also writes the report's page: that summary\n"
	"          and its findings.\n"
	"findings  the cases no document accepts (--variant NAME: that NAME\n"
	"          contradicts), grouped by the outcome observed and what the\n"
	"          texts say instead, most severe first (the table's severity\n"
	"          classes), with an index, the values they span, the variants\n"
	"          that match, the citations, and the commands that explain and\n"
	"          reproduce a typical case; a case without an outcome (skipped,\n"
	"          broken) is none.\n"
	"explain   one case (its id, or kyua's PROGRAM:ID): what it does and\n"
	"          needs, what REPORT observed (or its kind and reason), and\n"
	"          every variant's expectation with its citation.\n"
	"values    what every value of the table's dimensions means, and the\n"
	"          severity classes of findings; NAME: only these dimensions,\n"
	"          values or classes.\n"
	"compare   the cases whose outcome or matching variants (or, without\n"
	"          an outcome, kind or reason) differ, in groups as findings\n"
	"          has them (expected reports last); exit 1 if any differ, 0 if\n"
	"          none.  --cite adds each variant's expectations and citations\n"
	"          under every group; --rows lists every row; --known FILE marks\n"
	"          the rows its lines explain (default: a known.tsv beside a\n"
	"          report compared); --html FILE also writes the comparison as\n"
	"          one HTML page.\n"
	"expected  the report a host following VARIANT exactly would\n"
	"          produce, from the generator's t/expectations.tsv.\n"
	"lava      the report a LAVA job of lava/msync.yaml carried in its\n"
	"          log (lava-run's stderr, or the log a LAVA server keeps),\n"
	"          checked against LAVA's results: LAVA's own cases passed,\n"
	"          one test case per suite case with its verdict's result.\n"
	"          Prints LAVA's counts and kyua's on stderr; --cases FILE\n"
	"          writes the per-case results (set, case, result).\n"
	"          --results FILE takes LAVA's results from the CSV export a\n"
	"          LAVA server gives for the job instead of the log's lines.\n"
	"kcidb     the report as KCIDB JSON (schema v4): one test per case,\n"
	"          path msync.PROGRAM.CASE, status PASS, FAIL, SKIP or ERROR\n"
	"          (broken), the report's row and facts in misc; --origin\n"
	"          (default msync) and --build-id (default ORIGIN:msync-\n"
	"          RELEASE-MACHINE-DATE) as the lab submits them.\n"
	"reproduce one case as a standalone C file (cc -o r r.c) that makes\n"
	"          its mapping, lock, range and one msync call, observes what\n"
	"          it can alone, prints every variant's expectation, and exits\n"
	"          0 when the host passes under the verdict (--variant NAME,\n"
	"          else the documents), 1 when not.\n"
	"\n"
	"REPORT, A, B, ... are canonical reports or kyua results files (told\n"
	"apart by content).  Name a file called like a command ./summary.\n"
	"Bad input is reported as FILE:LINE: REASON with exit status 2.\n";

static int
usage(void)
{
	fputs(usage_text, stderr);
	return 2;
}

static int
fail(const struct err *e)
{
	fprintf(stderr, "%s\n", e->msg);
	return 2;
}

static void
set_suite(struct report *r)
{
	report_set_fact(r, F_suite, PACKAGE_NAME " " PACKAGE_VERSION);
}

/* SQLite files say so in their first 16 bytes. */
static int
is_sqlite(const struct sbuf *b)
{
	static const char magic[16] = "SQLite format 3";   /* with its NUL */

	return b->len >= sizeof magic && memcmp(b->p, magic, sizeof magic) == 0;
}

static int
load_db(const char *path, struct report *r, struct err *e)
{
	if (db_load(path, r, e) != 0)
		return -1;
	host_facts(r);
	set_suite(r);
	return 0;
}

/* A canonical report or a kyua results file, whichever path holds. */
static int
load_any(const char *path, struct report *r, struct err *e)
{
	struct sbuf b = {0};
	int rc = file_read(path, &b, e);

	if (rc == 0)
		rc = is_sqlite(&b) ? load_db(path, r, e)
		    : canon_parse(path, b.p, b.len, r, e);
	sb_free(&b);
	return rc;
}

static int
emit(const char *path, struct sbuf *out)
{
	struct err e;
	int rc = file_write(path, out, &e);

	sb_free(out);
	return rc ? fail(&e) : 0;
}

static int
help(void)
{
	printf("%s%s", usage_text, help_text);
	return 0;
}

/* The options of every command; each takes those it names. */
struct opts {
	const char *out, *html, *variant, *cases, *definition, *origin, *build;
	const char *results, *known;
	int cite, rows;
};

/* takes: the option letters the command accepts ("oHVC"); it needs min to
 * max operands.  -1 to go on, else the exit status. */
static int
parse_opts(int argc, char **argv, const char *takes, int min, int max,
    struct opts *o)
{
	static const struct option all[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "html", required_argument, NULL, 'H' },
		{ "variant", required_argument, NULL, 'V' },
		{ "cite", no_argument, NULL, 'C' },
		{ "cases", required_argument, NULL, 'c' },
		{ "definition", required_argument, NULL, 'd' },
		{ "origin", required_argument, NULL, 'O' },
		{ "build-id", required_argument, NULL, 'B' },
		{ "results", required_argument, NULL, 'R' },
		{ "rows", no_argument, NULL, 'w' },
		{ "known", required_argument, NULL, 'K' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, n;

	memset(o, 0, sizeof *o);
	while ((c = getopt_long(argc, argv, "ho:", all, NULL)) != -1) {
		if (c == 'h')
			return help();
		if (c == '?' || strchr(takes, c) == NULL)
			return usage();
		switch (c) {
		case 'o': o->out = optarg; break;
		case 'H': o->html = optarg; break;
		case 'V': o->variant = optarg; break;
		case 'C': o->cite = 1; break;
		case 'c': o->cases = optarg; break;
		case 'd': o->definition = optarg; break;
		case 'O': o->origin = optarg; break;
		case 'B': o->build = optarg; break;
		case 'R': o->results = optarg; break;
		case 'w': o->rows = 1; break;
		case 'K': o->known = optarg; break;
		}
	}
	n = argc - optind;
	return n >= min && n <= max ? -1 : usage();
}

/* The options, then the one report named loaded: -1 to go on, else the
 * exit status. */
static int
open_one(int argc, char **argv, const char *takes, struct opts *o,
    struct report *r)
{
	int rc = parse_opts(argc, argv, takes, 1, 1, o);
	struct err e;

	if (rc >= 0)
		return rc;
	return load_any(argv[optind], r, &e) != 0 ? fail(&e) : -1;
}

static int
cmd_report(int argc, char **argv)
{
	struct opts o;
	struct report r;
	struct err e;
	struct sbuf b = {0};
	int rc = parse_opts(argc, argv, "o", 1, 1, &o), sqlite;

	if (rc >= 0)
		return rc;
	if (file_read(argv[optind], &b, &e) != 0)
		return fail(&e);
	sqlite = is_sqlite(&b);
	sb_free(&b);
	if (!sqlite) {
		fprintf(stderr, "%s: not a kyua results file (not an SQLite "
		    "database)\n", argv[optind]);
		return 2;
	}
	if (load_db(argv[optind], &r, &e) != 0)
		return fail(&e);
	canon_write(&r, &b);
	report_free(&r);
	return emit(o.out, &b);
}

static int
cmd_summary(int argc, char **argv)
{
	struct opts o;
	struct report r;
	struct sbuf b = {0};
	struct err e;
	int rc = open_one(argc, argv, "oH", &o, &r);

	if (rc >= 0)
		return rc;
	rc = 0;
	if (o.html) {
		rc = html_write_report(&r, argv[optind], table_view(), &b, &e) ?
		    fail(&e) : emit(o.html, &b);
	}
	if (rc == 0) {
		summary_write(&r, argv[optind], &b);
		rc = emit(o.out, &b);
	}
	report_free(&r);
	return rc;
}

static int
cmd_findings(int argc, char **argv)
{
	struct opts o;
	struct report r;
	struct findings f;
	struct err e, why;
	struct sbuf b = {0};
	int rc = open_one(argc, argv, "oV", &o, &r);

	if (rc >= 0)
		return rc;
	if (findings_build(&f, &r, argv[optind], table_view(), o.variant,
	    &e) != 0) {
		report_free(&r);
		errf(&why, "%s: %.900s", argv[optind], e.msg);
		return fail(&why);
	}
	findings_write(&f, table_view(), &b);
	findings_free(&f);
	report_free(&r);
	return emit(o.out, &b);
}

static int
cmd_explain(int argc, char **argv)
{
	struct opts o;
	struct report r;
	struct err e;
	struct sbuf b = {0};
	const char *id, *path;
	int rc = parse_opts(argc, argv, "o", 1, 2, &o);

	if (rc >= 0)
		return rc;
	id = argv[optind];
	path = argc - optind == 2 ? argv[optind + 1] : NULL;
	if (path && load_any(path, &r, &e) != 0)
		return fail(&e);
	rc = explain_write(id, path ? &r : NULL, path, table_view(), &b, &e);
	if (path)
		report_free(&r);
	if (rc != 0) {
		sb_free(&b);
		return fail(&e);
	}
	return emit(o.out, &b);
}

static int
cmd_expected(int argc, char **argv)
{
	struct opts o;
	struct report r;
	struct err e;
	struct sbuf b = {0};
	int rc = parse_opts(argc, argv, "o", 2, 2, &o);

	if (rc >= 0)
		return rc;
	if (expect_load(argv[optind + 1], argv[optind], &r, &e) != 0)
		return fail(&e);
	set_suite(&r);
	canon_write(&r, &b);
	report_free(&r);
	return emit(o.out, &b);
}

static int
cmd_reproduce(int argc, char **argv)
{
	struct opts o;
	struct err e;
	struct sbuf b = {0};
	int rc = parse_opts(argc, argv, "oV", 1, 1, &o);

	if (rc >= 0)
		return rc;
	if (reproduce_write(argv[optind], o.variant, &b, &e) != 0) {
		sb_free(&b);
		return fail(&e);
	}
	return emit(o.out, &b);
}

static int
cmd_values(int argc, char **argv)
{
	struct opts o;
	struct err e;
	struct sbuf b = {0};
	int rc = parse_opts(argc, argv, "o", 0, argc, &o);

	if (rc >= 0)
		return rc;
	if (values_write((const char *const *)argv + optind, argc - optind,
	    table_view(), &b, &e) != 0) {
		sb_free(&b);
		return fail(&e);
	}
	return emit(o.out, &b);
}

/* --known FILE, else the first known.tsv beside a report compared; 1 if
 * one is loaded, 0 if none, -1 (e set) if it is not one. */
static int
known_of(const struct opts *o, int n, char **names, struct known *k,
    struct err *e)
{
	struct sbuf p = {0};
	int rc = 0;

	if (o->known != NULL)
		return known_load(o->known, k, e) == 0 ? 1 : -1;
	for (int i = 0; i < n && rc == 0; i++) {
		const char *slash = strrchr(names[i], '/');

		p.len = 0;
		if (slash != NULL)
			sb_add(&p, names[i], (size_t)(slash - names[i] + 1));
		sb_puts(&p, "known.tsv");
		if (access(p.p, R_OK) == 0)
			rc = known_load(p.p, k, e) == 0 ? 1 : -1;
	}
	sb_free(&p);
	return rc;
}

/* Writes the text (and --html's page) of the n reports loaded. */
static int
compare_write(const struct opts *o, int n, const struct report *const *rp,
    char **names)
{
	struct cmp cm;
	struct grouping gr;
	struct known k;
	struct err e;
	struct sbuf text = {0}, page = {0};
	const char *judges[MAX_VARIANTS];
	struct compare_opts co = { table_view(), NULL, o->cite, o->rows };
	int rc = known_of(o, n, names, &k, &e);

	if (rc < 0)
		return fail(&e);
	co.known = rc ? &k : NULL;
	compare_build(&cm, n, rp, (const char *const *)names);
	grouping_build(&gr, &cm, co.t, grouping_documents(&cm, co.t, judges),
	    judges);
	compare_text(&cm, &gr, &co, &text);
	rc = 0;
	if (o->html) {
		struct html_opts ho = { co.t, co.known, "msync-report compare",
		    "differ", NULL };

		html_write(&cm, &gr, &ho, &page);
		rc = emit(o->html, &page);
	}
	if (rc == 0)
		rc = emit(NULL, &text);
	if (rc == 0)
		rc = cm.ndiff ? 1 : 0;
	sb_free(&text);
	sb_free(&page);
	grouping_free(&gr);
	compare_free(&cm);
	if (co.known)
		known_free(&k);
	return rc;
}

static int
cmd_compare(int argc, char **argv)
{
	struct opts o;
	struct report *reps;
	const struct report **rp;
	char **names;
	struct err e;
	int rc = parse_opts(argc, argv, "HCwK", 1, argc, &o), n, loaded = 0;

	if (rc >= 0)
		return rc;
	n = argc - optind;
	if (n == 1) {
		fprintf(stderr, "msync-report compare: needs two reports or more "
		    "(it shows the cases whose outcome differs between them; "
		    "compare %s with results/expected-posix.report, say); for "
		    "one report's deviations: msync-report findings %s\n",
		    argv[optind], argv[optind]);
		return 2;
	}
	reps = xmalloc((size_t)n * sizeof *reps);
	rp = xmalloc((size_t)n * sizeof *rp);
	names = xmalloc((size_t)n * sizeof *names);
	for (rc = 0; loaded < n; loaded++)
		if (load_any(argv[optind + loaded], &reps[loaded], &e) != 0) {
			rc = fail(&e);
			break;
		}
	/* the observed reports first, the expected ones last, each in order */
	for (int pass = 0, k = 0; rc == 0 && pass < 2; pass++)
		for (int i = 0; i < n; i++)
			if ((reps[i].expected != NULL) == pass) {
				rp[k] = &reps[i];
				names[k++] = argv[optind + i];
			}
	if (rc == 0)
		rc = compare_write(&o, n, rp, names);
	while (loaded > 0)
		report_free(&reps[--loaded]);
	free(reps);
	free(rp);
	free(names);
	return rc;
}

/* The report a LAVA job's log carries, checked against LAVA's results. */
static int
cmd_lava(int argc, char **argv)
{
	struct opts o;
	int rc = parse_opts(argc, argv, "ocdR", 1, 1, &o);
	if (rc >= 0)
		return rc;
	const char *path = argv[optind];
	struct err e;
	struct sbuf b = {0}, counts = {0}, cases = {0};
	if (file_read(path, &b, &e) != 0)
		return fail(&e);
	struct lava_log l;
	rc = lava_log_read(path, b.p ? b.p : "", b.len, &l, &e);
	sb_free(&b);
	if (rc != 0)
		return fail(&e);
	if (o.results) {
		rc = file_read(o.results, &b, &e);
		if (rc == 0)
			rc = lava_results_csv(o.results, b.p ? b.p : "", b.len,
			    &l, &e);
		sb_free(&b);
		if (rc != 0) {
			lava_log_free(&l);
			return fail(&e);
		}
	}
	struct report r;
	rc = lava_report(path, &l, o.definition, &r, &counts,
	    o.cases ? &cases : NULL, &e);
	lava_log_free(&l);
	if (rc != 0)
		return fail(&e);
	canon_write(&r, &b);
	report_free(&r);
	rc = o.cases ? emit(o.cases, &cases) : 0;
	if (rc == 0)
		rc = emit(o.out, &b);
	else
		sb_free(&b);
	if (rc == 0)
		fputs(counts.p, stderr);
	sb_free(&counts);
	return rc;
}

static int
cmd_kcidb(int argc, char **argv)
{
	struct opts o;
	struct report r;
	int rc = open_one(argc, argv, "oOB", &o, &r);
	if (rc >= 0)
		return rc;
	struct sbuf b = {0};
	struct err e;
	rc = kcidb_write(&r, argv[optind], o.origin ? o.origin : "msync",
	    o.build, &b, &e);
	report_free(&r);
	if (rc != 0) {
		sb_free(&b);
		return fail(&e);
	}
	return emit(o.out, &b);
}

int
main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int, char **);
	} cmds[] = {
		{ "summary", cmd_summary },
		{ "compare", cmd_compare },
		{ "findings", cmd_findings },
		{ "explain", cmd_explain },
		{ "values", cmd_values },
		{ "expected", cmd_expected },
		{ "lava", cmd_lava },
		{ "kcidb", cmd_kcidb },
		{ "reproduce", cmd_reproduce },
	};

	report_prog = argv[0] ? argv[0] : report_prog;
	if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
		printf("msync-report (%s) %s, report format %d\n", PACKAGE_NAME,
		    PACKAGE_VERSION, REPORT_FORMAT);
		return 0;
	}
	for (size_t i = 0; argc >= 2 && i < sizeof cmds / sizeof *cmds; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].run(argc - 1, argv + 1);
	return cmd_report(argc, argv);
}
