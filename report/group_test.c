/* Unit tests of the one grouping every view shares (report/group.c), the
 * severity classes (tview.c), the known differences' patterns (known.c)
 * and the commands printed to run as they are (buf.c), over a small table
 * of their own. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <atf-c.h>

#include "../lib/grammar.h"
#include "buf.h"
#include "canon.h"
#include "compare.h"
#include "findings.h"
#include "group.h"
#include "known.h"
#include "report.h"
#include "tview.h"

/* The table: a document "doc" and an implementation "impl". doc expects
 * EINVAL for flags zero, fresh for check inval, else nothing; impl 0 for
 * the status cases, stale for inval. */
static int
lookup(const char *id, const char *variant, struct expectation *x)
{
	memset(x, 0, sizeof *x);
	x->document = strcmp(variant, "doc") == 0;
	if (!x->document && strcmp(variant, "impl") != 0)
		return -1;
	if (x->document && strstr(id, "__zero__")) {
		x->accept = "EINVAL";
		x->where[0] = "t/variants/doc.tbl:1";
		x->cite[0] = "flags 0 is invalid";
		x->nrules = 1;
	} else if (x->document && strstr(id, "__inval")) {
		x->accept = "fresh";
		x->where[0] = "t/variants/doc.tbl:2";
		x->cite[0] = "invalidated";
		x->nrules = 1;
	} else if (!x->document) {
		x->accept = strstr(id, "__inval") ? "stale" : "0";
		x->where[0] = "t/variants/impl.tbl:1";
		x->cite[0] = "the source";
		x->nrules = 1;
	}
	return 0;
}

static int
is_document(const char *v)
{
	return strcmp(v, "doc") == 0 ? 1 : strcmp(v, "impl") == 0 ? 0 : -1;
}

static const char *const variants[] = { "doc", "impl" };
static const char *const mappings[] = { "a", "b" };
static const char *const flags[] = { "zero", "S" };
static const char *const ranges[] = { "page", "pages", "whole", "len0" };
static const char *const locks[] = { "unlocked" };
static const char *const checks[] = { "status", "inval", "rangeonly" };

static struct tview view = {
	.lookup = lookup, .is_document = is_document,
	.nvariants = 2, .variants = variants,
	.ndims = 5,
	.dim = { "mapping", "flags", "range", "lock", "check" },
	.optional = { 0, 0, 0, 0, 1 },
	.nvalues = { 2, 2, 4, 1, 3 },
	.values = { mappings, flags, ranges, locks, checks },
	.nclasses = 4,
	.class_name = { "loss", "stale", "error", "accepted" },
	.class_title = { "data loss", "stale data", "a wrong error",
	    "accepted" },
	.class_words = { "not-durable", "stale", MH_SEVERITY_ERROR,
	    MH_SEVERITY_REFUSED },
};

static const char head[] =
	"# msync-report 3\n# kind\tobserved\n# os\tLinux\n# release\t6.1\n"
	"# machine\tx86_64\n# abi\tx86_64 lp64 little-endian\n"
	"# libc\tglibc 2.36\n# pagesize\t4096\n# emulator\tnone\n"
	"# facts\trecorded\n# fs\text4\n# kyua\t0.14\n"
	"# suite\tmsync-conformance 0.1.0\n# date\t2025-01-31\n"
	"# verdict\tmanuals\n# variants\tdoc impl\n"
	"# variant\tdoc\tthe document\n# variant\timpl\tthe implementation\n"
	"# columns\tid\tobserved\tverdict\tmatches\tcontradicts\tobs\treason\n";

static void
parse(const char *rows, struct report *r)
{
	struct sbuf b = {0};
	struct err e;
	size_t n = 0;

	for (const char *p = rows; *p; p++)
		n += *p == '\n';
	sb_puts(&b, head);
	sb_puts(&b, rows);
	sb_printf(&b, "# end\t%zu\n", n);
	ATF_REQUIRE_MSG(canon_parse("r", b.p, b.len, r, &e) == 0, "%s", e.msg);
	sb_free(&b);
}

static const char rows[] =
	"a__S__len0__unlocked\t0\tpassed\timpl\t-\t-\t-\n"
	"a__S__page__unlocked__inval\tstale\tfailed\t-\tdoc,impl\t-\t-\n"
	"a__S__whole__unlocked__inval\tstale\tfailed\timpl\tdoc\t-\t-\n"
	"a__zero__page__unlocked\t0\tfailed\timpl\tdoc\t-\t-\n"
	"a__zero__pages__unlocked\t0\tfailed\timpl\tdoc\t-\t-\n"
	"b__zero__page__unlocked\tEBUSY\tfailed\t-\tdoc,impl\t-\t-\n";

/* The groups most severe first, then largest; matches (all) and (some);
 * a typical example; the index line. */
ATF_TC_WITHOUT_HEAD(findings_groups);
ATF_TC_BODY(findings_groups, tc)
{
	struct report r;
	struct findings f;
	struct err e;
	struct sbuf s = {0};
	const struct grouping *gr = &f.groups;

	(void)tc;
	parse(rows, &r);
	ATF_REQUIRE(findings_build(&f, &r, "r", &view, NULL, &e) == 0);
	ATF_CHECK_EQ(5, f.found);
	ATF_CHECK_EQ(1, f.unspoken);
	ATF_REQUIRE_EQ(3, gr->n);
	ATF_CHECK_EQ(1, gr->g[0].cls);	/* stale data first */
	ATF_CHECK_EQ(2, gr->g[0].n);
	ATF_CHECK_EQ(2, gr->g[1].cls);	/* then a wrong error */
	ATF_CHECK_EQ(3, gr->g[2].cls);	/* then accepted */
	ATF_CHECK_STREQ("stale data", grouping_class_title(&view, 0 + 1));
	ATF_CHECK_STREQ("no finding", grouping_class_title(&view, -1));
	ATF_CHECK_STREQ("unclassified", grouping_class_title(NULL, 1));
	group_matches(&f.cmp, &gr->g[0], 0, &s);
	ATF_CHECK_STREQ("(all) none; (some) impl 1/2", s.p);
	/* the example is no exception: its matches are the (all) list */
	ATF_CHECK_STREQ("a__S__page__unlocked__inval",
	    f.cmp.ids[group_example(&f.cmp, &gr->g[0])]);
	s.len = 0;
	group_matches(&f.cmp, &gr->g[2], 0, &s);
	ATF_CHECK_STREQ("(all) impl", s.p);
	s.len = 0;
	group_line(gr, &f.cmp, &view, &gr->g[2], &s);
	ATF_CHECK_STREQ("observed 0; expected EINVAL (doc); mapping=a "
	    "flags=zero lock=unlocked", s.p);
	s.len = 0;
	findings_write(&f, &view, &s);
	ATF_CHECK(strstr(s.p, "\nFinding 1 [stale data]: 2 cases, observed "
	    "stale\n  e.g.      msync-report explain "
	    "a__S__page__unlocked__inval r\n  reproduce msync-report "
	    "reproduce a__S__page__unlocked__inval\n") != NULL);
	ATF_CHECK(strstr(s.p, "\nIndex: 3 groups, most severe first, then "
	    "largest\n   1  stale data        2  observed stale; expected "
	    "fresh (doc); ") != NULL);
	findings_free(&f);
	report_free(&r);
	sb_free(&s);
}

/* compare groups like findings: the same numbers for one report's rows. */
ATF_TC_WITHOUT_HEAD(compare_groups);
ATF_TC_BODY(compare_groups, tc)
{
	struct report a, b;
	const struct report *reps[2] = { &a, &b };
	const char *names[2] = { "x/a.report", "x/b.report" }, *judges[4];
	struct cmp c;
	struct grouping gr;
	struct sbuf s = {0};
	int nj;

	(void)tc;
	parse(rows, &a);
	parse("a__S__len0__unlocked\t0\tpassed\timpl\t-\t-\t-\n"
	    "a__S__page__unlocked__inval\tfresh\tpassed\tdoc\timpl\t-\t-\n"
	    "a__S__whole__unlocked__inval\tfresh\tpassed\tdoc\timpl\t-\t-\n"
	    "a__zero__page__unlocked\tEINVAL\tpassed\tdoc\timpl\t-\t-\n"
	    "a__zero__pages__unlocked\tEINVAL\tpassed\tdoc\timpl\t-\t-\n"
	    "b__zero__page__unlocked\tEBUSY\tfailed\t-\tdoc,impl\t-\t-\n", &b);
	compare_build(&c, 2, reps, names);
	ATF_CHECK_EQ(4, c.ndiff);
	nj = grouping_documents(&c, &view, judges);
	ATF_REQUIRE_EQ(1, nj);
	ATF_CHECK_STREQ("doc", judges[0]);
	grouping_build(&gr, &c, &view, nj, judges);
	ATF_REQUIRE_EQ(2, gr.n);
	ATF_CHECK_EQ(1, gr.g[0].cls);	/* a's stale rows */
	ATF_CHECK_EQ(3, gr.g[1].cls);	/* a's accepted rows */
	group_outcomes(&c, &gr.g[0], &s);
	ATF_CHECK_STREQ("stale in a; fresh in b", s.p);
	grouping_free(&gr);
	compare_free(&c);
	report_free(&a);
	report_free(&b);
	sb_free(&s);
}

/* A finding's class: t/cases.tbl's head says how. */
ATF_TC_WITHOUT_HEAD(classes);
ATF_TC_BODY(classes, tc)
{
	struct expectation x = { "EINVAL ENOMEM", 1, 0, { NULL }, { NULL } };

	(void)tc;
	ATF_CHECK_EQ(1, tv_class_of(&view, "stale", 0));
	ATF_CHECK_EQ(3, tv_class_of(&view, "stale", 1));  /* refused first */
	ATF_CHECK_EQ(3, tv_class_of(&view, "0", 0));
	ATF_CHECK_EQ(3, tv_class_of(&view, "durable", 0)); /* named by none */
	ATF_CHECK_EQ(2, tv_class_of(&view, "EBUSY", 1));
	ATF_CHECK_EQ(2, tv_class_of(&view, "SIGBUS", 0));
	ATF_CHECK_EQ(2, tv_class_of(&view, "errno=999", 0));
	ATF_CHECK_EQ(-1, tv_class_of(NULL, "0", 0));
	ATF_CHECK(tv_errors_only(&x));
	x.accept = "EINVAL 0";
	ATF_CHECK(!tv_errors_only(&x));
	x.accept = NULL;
	ATF_CHECK(!tv_errors_only(&x));
}

/* A span names the first value of an optional dimension, which ids leave
 * out. */
ATF_TC_WITHOUT_HEAD(spans);
ATF_TC_BODY(spans, tc)
{
	const char *ids[2] = { "a__S__len0__unlocked",
	    "a__S__len0__unlocked__rangeonly" };
	struct sbuf s = {0};

	(void)tc;
	tv_span(&view, ids, 2, "", &s);
	ATF_CHECK(strstr(s.p, "\ncheck     status, rangeonly (2 of 3)\n") != NULL);
	s.len = 0;
	tv_uniform(&view, ids, 2, &s);
	ATF_CHECK_STREQ("mapping=a flags=S range=len0 lock=unlocked", s.p);
	ATF_CHECK_EQ(3, tv_value_index(&view, ids[0], 2));
	ATF_CHECK_EQ(-1, tv_value_index(&view, ids[0], 4));
	ATF_CHECK_EQ(2, tv_value_index(&view, ids[1], 4));
	sb_free(&s);
}

ATF_TC_WITHOUT_HEAD(globs);
ATF_TC_BODY(globs, tc)
{
	(void)tc;
	ATF_CHECK(known_glob("*__addrhalf__*", "fileshared__S__addrhalf__range"));
	ATF_CHECK(!known_glob("*__addrhalf__*", "fileshared__S__addr1__range"));
	ATF_CHECK(known_glob("fileshared__{A,S}__{page,whole}__unlocked__observe",
	    "fileshared__S__whole__unlocked__observe"));
	ATF_CHECK(!known_glob("fileshared__{A,S}__{page,whole}__unlocked__observe",
	    "fileshared__SI__whole__unlocked__observe"));
	ATF_CHECK(known_glob("linux-{s390x,sparc64}-qemu", "linux-sparc64-qemu"));
	ATF_CHECK(!known_glob("linux-{s390x,sparc64}-qemu", "linux-sparc-qemu"));
	ATF_CHECK(known_glob("linux-*-qemu", "linux-i386-qemu"));
	ATF_CHECK(known_glob("a?c", "abc"));
}

/* A word printed into a command runs as printed in a POSIX shell. */
ATF_TC_WITHOUT_HEAD(shell_words);
ATF_TC_BODY(shell_words, tc)
{
	static const struct { const char *in, *out; } t[] = {
		{ "report/msync-report", "report/msync-report" },
		{ "results/linux-x86_64-ext4.report",
		    "results/linux-x86_64-ext4.report" },
		{ "my report", "'my report'" },
		{ "it's", "'it'\\''s'" },
		{ "", "''" },
		{ "$HOME/x", "'$HOME/x'" },
	};
	struct sbuf s = {0};

	(void)tc;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		s.len = 0;
		sb_shword(&s, t[i].in);
		ATF_CHECK_STREQ_MSG(t[i].out, s.p ? s.p : "", "case %zu", i);
	}
	sb_free(&s);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, findings_groups);
	ATF_TP_ADD_TC(tp, compare_groups);
	ATF_TP_ADD_TC(tp, classes);
	ATF_TP_ADD_TC(tp, spans);
	ATF_TP_ADD_TC(tp, globs);
	ATF_TP_ADD_TC(tp, shell_words);
	return atf_no_error();
}
