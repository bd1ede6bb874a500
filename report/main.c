/* msync-report: canonical reports from kyua results, and what to do with
 * them.  Exit status: 0 done, 1 compare found differences, 2 bad input,
 * bad usage or an I/O error (nothing is written then). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "canon.h"
#include "compare.h"
#include "db.h"
#include "expect.h"
#include "host.h"
#include "html.h"
#include "report.h"
#include "summary.h"

static const char usage_text[] =
	"usage: msync-report [-o FILE] RESULTS.db\n"
	"       msync-report summary [-o FILE] REPORT|RESULTS.db\n"
	"       msync-report compare [--html FILE] A B [C ...]\n"
	"       msync-report expected [-o FILE] VARIANT EXPECTATIONS.tsv\n"
	"       msync-report --help | --version\n";

static const char help_text[] =
	"\n"
	"Writes the canonical report (results/README.md) of a kyua results\n"
	"file of the msync suite: host facts, then one line per case.\n"
	"\n"
	"  -o, --output FILE  write to FILE (complete or not at all), not stdout\n"
	"\n"
	"summary   per variant: cases matched, contradicted, silent; the\n"
	"          closest variants; the kyua verdicts.\n"
	"compare   the cases whose outcome or matching variants differ, each\n"
	"          report's side by side; exit 1 if any differ, 0 if none.\n"
	"          --html FILE also writes that matrix as one HTML page.\n"
	"expected  the report a host following VARIANT exactly would\n"
	"          produce, from the generator's t/expectations.tsv.\n"
	"\n"
	"REPORT, A, B, ... are canonical reports or kyua results files (told\n"
	"apart by content).  Name a file called like a command ./summary.\n"
	"Bad input is reported as FILE:LINE: REASON with exit status 2.\n";

static int usage(void)
{
	fputs(usage_text, stderr);
	return 2;
}

static int fail(const struct err *e)
{
	fprintf(stderr, "%s\n", e->msg);
	return 2;
}

static void set_suite(struct report *r)
{
	report_set_fact(r, F_SUITE, PACKAGE_NAME " " PACKAGE_VERSION);
}

/* SQLite files say so in their first 16 bytes. */
static int is_sqlite(const struct sbuf *b)
{
	static const char magic[16] = "SQLite format 3";   /* with its NUL */
	return b->len >= sizeof magic && memcmp(b->p, magic, sizeof magic) == 0;
}

static int load_db(const char *path, struct report *r, struct err *e)
{
	if (db_load(path, r, e) != 0)
		return -1;
	host_facts(r);
	set_suite(r);
	return 0;
}

/* A canonical report or a kyua results file, whichever path holds. */
static int load_any(const char *path, struct report *r, struct err *e)
{
	struct sbuf b = {0};
	int rc = file_read(path, &b, e);
	if (rc == 0)
		rc = is_sqlite(&b) ? load_db(path, r, e)
				   : canon_parse(path, b.p, b.len, r, e);
	sb_free(&b);
	return rc;
}

static int emit(const char *path, struct sbuf *out)
{
	struct err e;
	int rc = file_write(path, out, &e);
	sb_free(out);
	return rc ? fail(&e) : 0;
}

static const struct option out_opts[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int help(void)
{
	printf("%s%s", usage_text, help_text);
	return 0;
}

/* Options of the commands that write one answer (-o, --help) and their
 * operand count: -1 to go on, else the exit status. */
static int parse_out(int argc, char **argv, const char **out, int nargs)
{
	int c;
	while ((c = getopt_long(argc, argv, "ho:", out_opts, NULL)) != -1)
		switch (c) {
		case 'o': *out = optarg; break;
		case 'h': return help();
		default: return usage();
		}
	return argc - optind == nargs ? -1 : usage();
}

static int cmd_report(int argc, char **argv)
{
	const char *out = NULL;
	int rc = parse_out(argc, argv, &out, 1);
	if (rc >= 0)
		return rc;
	const char *path = argv[optind];
	struct err e;
	struct sbuf b = {0};
	if (file_read(path, &b, &e) != 0)
		return fail(&e);
	int sqlite = is_sqlite(&b);
	sb_free(&b);
	if (!sqlite) {
		fprintf(stderr, "%s: not a kyua results file (not an SQLite "
			"database)\n", path);
		return 2;
	}
	struct report r;
	if (load_db(path, &r, &e) != 0)
		return fail(&e);
	canon_write(&r, &b);
	report_free(&r);
	return emit(out, &b);
}

static int cmd_summary(int argc, char **argv)
{
	const char *out = NULL;
	int rc = parse_out(argc, argv, &out, 1);
	if (rc >= 0)
		return rc;
	struct report r;
	struct err e;
	if (load_any(argv[optind], &r, &e) != 0)
		return fail(&e);
	struct sbuf b = {0};
	summary_write(&r, argv[optind], &b);
	report_free(&r);
	return emit(out, &b);
}

static int cmd_expected(int argc, char **argv)
{
	const char *out = NULL;
	int rc = parse_out(argc, argv, &out, 2);
	if (rc >= 0)
		return rc;
	struct report r;
	struct err e;
	if (expect_load(argv[optind + 1], argv[optind], &r, &e) != 0)
		return fail(&e);
	set_suite(&r);
	struct sbuf b = {0};
	canon_write(&r, &b);
	report_free(&r);
	return emit(out, &b);
}

static int cmd_compare(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "html", required_argument, NULL, 'H' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *html = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
		switch (c) {
		case 'H': html = optarg; break;
		case 'h': return help();
		default: return usage();
		}
	int n = argc - optind;
	if (n < 2)
		return usage();
	struct report *reps = xmalloc((size_t)n * sizeof *reps);
	const struct report **rp = xmalloc((size_t)n * sizeof *rp);
	int loaded = 0, rc = 0;
	struct err e;
	for (; loaded < n; loaded++) {
		if (load_any(argv[optind + loaded], &reps[loaded], &e) != 0) {
			rc = fail(&e);
			break;
		}
		rp[loaded] = &reps[loaded];
	}
	if (rc == 0) {
		struct cmp cm;
		struct sbuf text = {0}, page = {0};
		compare_build(&cm, n, rp, (const char *const *)argv + optind);
		compare_text(&cm, &text);
		if (html) {
			html_write(&cm, &page);
			rc = emit(html, &page);
		}
		if (rc == 0)
			rc = emit(NULL, &text);
		if (rc == 0)
			rc = cm.ndiff ? 1 : 0;
		sb_free(&text);
		sb_free(&page);
		compare_free(&cm);
	}
	while (loaded > 0)
		report_free(&reps[--loaded]);
	free(reps);
	free(rp);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int, char **);
	} cmds[] = {
		{ "summary", cmd_summary },
		{ "compare", cmd_compare },
		{ "expected", cmd_expected },
	};
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
