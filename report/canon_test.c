/* Unit tests of the canonical report parser and the field rules, and the
 * replay of the fuzz corpus and of every input the fuzzer ever crashed on
 * (report/fuzz/regressions/). */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <atf-c.h>

#include "buf.h"
#include "canon.h"
#include "fuzz/oracle.h"
#include "report.h"

#ifndef REPORT_SRCDIR
#error "REPORT_SRCDIR must name the source directory report/"
#endif

ATF_TC_WITHOUT_HEAD(outcomes);
ATF_TC_BODY(outcomes, tc)
{
	static const char *const good[] = {
		"0", "EINVAL", "E2BIG", "SIGBUS", "TIMEOUT", "errno=131", "errno=0",
		"ret=1", "ret=-2", "mtime-kept", "private-kept", "written", "v2-done",
	};
	static const char *const bad[] = {
		"", "-", "silent", "E", "Einval", "SIG", "errno=01", "mtime--kept",
		"mtime-", "Mtime-kept", "mtime_kept", "-kept",
		"errno=", "ret=0", "ret=-0", "ret=+1", "ret=07", "1", "00",
		"EINVAL ", "EINVAL|ENOMEM", "errno=1234567890123456789",
	};

	(void)tc;
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		ATF_CHECK_MSG(valid_outcome(good[i]), "%s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		ATF_CHECK_MSG(!valid_outcome(bad[i]), "%s", bad[i]);
	ATF_CHECK(valid_outcome_set("EINVAL|ENOMEM|0"));
	ATF_CHECK(valid_outcome_set("EINVAL"));
	ATF_CHECK(!valid_outcome_set("EINVAL|EINVAL"));
	ATF_CHECK(!valid_outcome_set("EINVAL||ENOMEM"));
	ATF_CHECK(!valid_outcome_set("|EINVAL"));
	ATF_CHECK(!valid_outcome_set("EINVAL|"));
	ATF_CHECK(!valid_outcome_set("-"));
}

ATF_TC_WITHOUT_HEAD(compatible);
ATF_TC_BODY(compatible, tc)
{
	(void)tc;
	ATF_CHECK(outcome_compatible("EINVAL", "EINVAL"));
	ATF_CHECK(!outcome_compatible("EINVAL", "ENOMEM"));
	ATF_CHECK(outcome_compatible("EINVAL", "ENOMEM|EINVAL"));
	ATF_CHECK(outcome_compatible("EINVAL|EBUSY", "ENOMEM|EBUSY"));
	ATF_CHECK(!outcome_compatible("EINVAL|EBUSY", "ENOMEM|0"));
	ATF_CHECK(outcome_compatible("silent", "ENOMEM"));
	ATF_CHECK(outcome_compatible("-", "silent"));
	ATF_CHECK(!outcome_compatible("-", "EINVAL"));
	ATF_CHECK(outcome_compatible("-", "-"));
	/* prefixes are not members */
	ATF_CHECK(!outcome_compatible("EIN", "EINVAL"));
	ATF_CHECK(!outcome_compatible("EINVAL", "EINVALX|E"));
}

static const char head[] =
	"# msync-report 1\n# kind\tobserved\n# os\tLinux\n# release\t6.1\n"
	"# machine\tx86_64\n# libc\tglibc 2.36\n# pagesize\t4096\n"
	"# fs\text4\n# kyua\t0.14\n# suite\tmsync-conformance 0.1.0\n"
	"# date\t2025-01-31\n# variants\tposix linux\n"
	"# columns\tid\tobserved\tverdict\tmatches\tcontradicts\tobs\n";

/* The message canon_parse gives for head + body, or "" if accepted. */
static const char *
parse_msg(const char *body)
{
	static struct err e;
	struct sbuf in = {0};
	struct report r;

	sb_puts(&in, head);
	sb_puts(&in, body);
	e.msg[0] = '\0';
	if (canon_parse("r", in.p, in.len, &r, &e) == 0)
		report_free(&r);
	sb_free(&in);
	return e.msg;
}

ATF_TC_WITHOUT_HEAD(accepts);
ATF_TC_BODY(accepts, tc)
{
	(void)tc;
	ATF_CHECK_STREQ("", parse_msg("# end\t0\n"));
	ATF_CHECK_STREQ("", parse_msg(
	    "a\tEINVAL\tpassed\tposix,linux\t-\t-\n"
	    "b\t-\tskipped\t-\t-\t-\n"
	    "c\tSIGBUS\tfailed\t-\tposix\tpage 3 read back as zero\n"
	    "# end\t3\n"));
}

ATF_TC_WITHOUT_HEAD(rejects);
ATF_TC_BODY(rejects, tc)
{
	static const struct { const char *body, *msg; } t[] = {
		{ "", "r:14: truncated (no '# end' line)" },
		{ "# end\t0", "r:14: truncated (no newline at the end of the "
		    "file)" },
		{ "# end\t1\n", "r:14: end line says '1' cases, the report "
		    "has 0" },
		{ "# end\t0\nx\n", "r:15: text after the end line" },
		{ "# end\t00\n", "r:14: end line says '00' cases, the report "
		    "has 0" },
		{ "b\t0\tpassed\t-\t-\t-\na\t0\tpassed\t-\t-\t-\n# end\t2\n",
		    "r:15: case 'a' out of order (after 'b', line 14)" },
		{ "a\t0\tpassed\t-\t-\t-\na\t0\tpassed\t-\t-\t-\n# end\t2\n",
		    "r:15: duplicate case id 'a' (also line 14)" },
		{ "a\t0\tpassed\t-\t-\n", "r:14: fewer than 6 fields in a "
		    "case line" },
		{ "a\t0\tpassed\t-\t-\t-\t-\n", "r:14: more than 6 fields in a "
		    "case line" },
		{ "a\t0\tpassed\tlinux,posix\t-\t-\n", "r:14: variant repeated "
		    "or out of table order 'posix'" },
		{ "a\t0\tpassed\tbsd\t-\t-\n", "r:14: unknown variant 'bsd'" },
		{ "a\t0\tpassed\t-\t-\t\n", "r:14: case a: invalid observation "
		    "text" },
		{ "a\t0\tPASSED\t-\t-\t-\n", "r:14: case a: invalid verdict "
		    "'PASSED'" },
		{ "a\t-\tskipped\tposix\t-\t-\n", "r:14: case a: variants judge "
		    "an absent outcome" },
		{ "a b\t0\tpassed\t-\t-\t-\n", "r:14: invalid case id 'a b'" },
		{ "a\t0\tpassed\t-\t-\tx\r\n", "r:14: carriage return at the "
		    "end of the line (a report has LF line ends)" },
		{ "a\t0\tpassed\t-\t-\tx\ry\n", "r:14: case a: invalid "
		    "observation text" },
		{ "# note\n", "r:14: unexpected comment among the cases" },
	};

	(void)tc;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		ATF_CHECK_STREQ_MSG(t[i].msg, parse_msg(t[i].body), "case %zu",
		    i);
}

ATF_TC_WITHOUT_HEAD(rejects_header);
ATF_TC_BODY(rejects_header, tc)
{
	static const struct { const char *in, *msg; } t[] = {
		{ "", "r:1: empty file, not an msync report" },
		{ "# msync-report 4\n", "r:1: report format '4' is not "
		    "supported (this msync-report reads formats 1 to 3)" },
		{ "id\tobserved\n", "r:1: not an msync report (the first line "
		    "must be '# msync-report 3')" },
		{ "# msync-report 2\n# kind\tobserved\n# os\tLinux\n"
		    "# release\t6\n# machine\tsparc64\n# libc\tglibc 2.36\n",
		    "r:6: expected the '# abi' line" },
		{ "# msync-report 1\n# os\tLinux\n", "r:2: expected the "
		    "'# kind' line" },
		{ "# msync-report 1\n# kind\texpected\n", "r:2: kind must be "
		    "'observed' or 'expected VARIANT', not 'expected'" },
		{ "# msync-report 1\n# kind\tobserved\n# release\t6\n",
		    "r:3: expected the '# os' line" },
		{ "# msync-report 1\n# kind\tobserved\n# os\t\n",
		    "r:3: invalid header value for 'os'" },
	};
	static const char nul[] = "# msync-report 1\n# kind\0";
	struct err e;
	struct report r;

	(void)tc;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		e.msg[0] = '\0';
		if (canon_parse("r", t[i].in, strlen(t[i].in), &r, &e) == 0)
			report_free(&r);
		ATF_CHECK_STREQ_MSG(t[i].msg, e.msg, "case %zu", i);
	}
	ATF_CHECK(canon_parse("r", nul, sizeof nul - 1, &r, &e) != 0);
	ATF_CHECK_STREQ("r:2: NUL byte", e.msg);
}

static void
replay_dir(const char *sub, int need_files)
{
	char dir[4096], path[8192];
	struct dirent *de;
	DIR *d;
	int n = 0;

	snprintf(dir, sizeof dir, "%s/%s", REPORT_SRCDIR, sub);
	d = opendir(dir);
	ATF_REQUIRE_MSG(d != NULL, "cannot open %s", dir);
	while ((de = readdir(d)) != NULL) {
		struct sbuf in = {0};
		struct err e;

		if (de->d_name[0] == '.' || strcmp(de->d_name, "README") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		ATF_REQUIRE_MSG(file_read(path, &in, &e) == 0, "%s", e.msg);
		ATF_CHECK_MSG(canon_oracle((const uint8_t *)in.p, in.len, &e)
		    == 0, "%s: %s", path, e.msg);
		sb_free(&in);
		n++;
	}
	closedir(d);
	if (need_files)
		ATF_CHECK_MSG(n > 0, "no inputs in %s", dir);
}

ATF_TC_WITHOUT_HEAD(fuzz_corpus);
ATF_TC_BODY(fuzz_corpus, tc)
{
	(void)tc;
	replay_dir("fuzz/corpus", 1);
}

ATF_TC_WITHOUT_HEAD(fuzz_regressions);
ATF_TC_BODY(fuzz_regressions, tc)
{
	(void)tc;
	replay_dir("fuzz/regressions", 0);
}

/* Format 2: the facts the tested system records, and the variants' titles,
 * all or none, in the order of the list.  Both formats are written back as
 * they were read. */
static const char head2[] =
	"# msync-report 2\n# kind\tobserved\n# os\tLinux\n# release\t6.1.0\n"
	"# machine\tsparc64\n# abi\tsparc64 lp64 big-endian\n"
	"# libc\tglibc 2.36\n# pagesize\t8192\n# emulator\tqemu-sparc64\n"
	"# facts\trecorded\n# fs\text4\n# kyua\t0.14\n"
	"# suite\tmsync-conformance 0.1.0\n# date\t2025-01-31\n"
	"# variants\tposix linux\n";
static const char cols[] =
	"# columns\tid\tobserved\tverdict\tmatches\tcontradicts\tobs\n"
	"# end\t0\n";

/* canon_parse's message for the text, or "" and the text written back. */
static const char *
round_trip(const char *text, struct sbuf *back)
{
	static struct err e;
	struct report r;

	e.msg[0] = '\0';
	if (canon_parse("r", text, strlen(text), &r, &e) == 0) {
		canon_write(&r, back);
		report_free(&r);
	}
	return e.msg;
}

ATF_TC_WITHOUT_HEAD(format2);
ATF_TC_BODY(format2, tc)
{
	static const char *const titles[] = {
		"", "# variant\tposix\tPOSIX.1-2008 msync()\n"
		"# variant\tlinux\tLinux 6.18 mm/msync.c\n",
	};
	static const struct { const char *titles, *msg; } t[] = {
		{ "# variant\tposix\tPOSIX\n", "r:17: no '# variant' line "
		  "for 'linux'" },
		{ "# variant\tlinux\tLinux\n", "r:16: expected the "
		  "'# variant' line of 'posix'" },
		{ "# variant\tposix\n", "r:16: expected the '# variant' line "
		  "of 'posix'" },
		{ "# variant\tposix\tP\n# variant\tlinux\tL\n"
		  "# variant\tlinux\tL\n", "r:18: '# variant' line for no "
		  "variant of the list" },
	};
	struct sbuf in = {0}, back = {0};

	(void)tc;
	for (size_t i = 0; i < 2; i++) {
		in.len = back.len = 0;
		sb_puts(&in, head2);
		sb_puts(&in, titles[i]);
		sb_puts(&in, cols);
		ATF_CHECK_STREQ_MSG("", round_trip(in.p, &back), "case %zu", i);
		ATF_CHECK_MSG(back.len == in.len &&
		    memcmp(back.p, in.p, in.len) == 0,
		    "case %zu: not written back as read", i);
	}
	in.len = back.len = 0;
	sb_puts(&in, head);
	sb_puts(&in, "# end\t0\n");
	ATF_CHECK_STREQ("", round_trip(in.p, &back));
	ATF_CHECK_MSG(back.len == in.len && memcmp(back.p, in.p, in.len) == 0,
	    "a format-1 report is not written back as format 1");
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		in.len = back.len = 0;
		sb_puts(&in, head2);
		sb_puts(&in, t[i].titles);
		sb_puts(&in, cols);
		ATF_CHECK_STREQ_MSG(t[i].msg, round_trip(in.p, &back),
		    "case %zu", i);
	}
	sb_free(&in);
	sb_free(&back);
}

/* Format 3: the verdict line, and a reason for each case without an
 * outcome. */
static const char head3[] =
	"# msync-report 3\n# kind\tobserved\n# os\tLinux\n# release\t6.1.0\n"
	"# machine\tx86_64\n# abi\tx86_64 lp64 little-endian\n"
	"# libc\tglibc 2.36\n# pagesize\t4096\n# emulator\tnone\n"
	"# facts\trecorded\n# fs\text4\n# kyua\t0.14\n"
	"# suite\tmsync-conformance 0.1.0\n# date\t2026-12-05\n"
	"# verdict\tmanuals\n# variants\tposix linux\n"
	"# columns\tid\tobserved\tverdict\tmatches\tcontradicts\tobs\t"
	"reason\n";

/* The message for head3 + body (+ "# end N" counted), or "" and the text
 * written back byte for byte. */
static const char *
parse3(const char *head, const char *body)
{
	static char msg[sizeof ((struct err *)0)->msg];
	struct sbuf in = {0}, back = {0};
	size_t n = 0;
	const char *m;

	for (const char *q = body; *q; q++)
		n += *q == '\n';
	sb_puts(&in, head);
	sb_puts(&in, body);
	sb_printf(&in, "# end\t%zu\n", n);
	m = round_trip(in.p, &back);
	snprintf(msg, sizeof msg, "%s", m);
	if (*m == '\0' && (back.len != in.len || memcmp(back.p, in.p, in.len)))
		snprintf(msg, sizeof msg, "not written back as read");
	sb_free(&in);
	sb_free(&back);
	return msg;
}

ATF_TC_WITHOUT_HEAD(format3);
ATF_TC_BODY(format3, tc)
{
	static const struct { const char *body, *msg; } t[] = {
		{ "a\tEINVAL\tpassed\tposix,linux\t-\t-\t-\n"
		  "b\t-\tskipped\t-\t-\t-\tno free huge page of 2048 kB "
		  "(vm.nr_hugepages is 0)\n"
		  "c\t-\tbroken\t-\t-\t-\tmmap of the file: ENODEV "
		  "(map_file.c:40)\n"
		  "d\t-\tfailed\t-\t-\t-\tunknown configuration variable\n"
		  "e\t-\tpassed\t-\t-\t-\t-\n"
		  "f\tdurable\tfailed\t-\tposix\tpages 1-2 written\t-\n", "" },
		{ "a\t0\tpassed\t-\t-\t-\n", "r:18: fewer than 7 fields in a "
		  "case line" },
		{ "a\t0\tpassed\t-\t-\t-\t-\t-\n", "r:18: more than 7 fields "
		  "in a case line" },
		{ "a\t0\tskipped\t-\t-\t-\t-\n", "r:18: case a: a skipped "
		  "case has no outcome" },
		{ "a\t0\tbroken\tlinux\t-\t-\t-\n", "r:18: case a: a broken "
		  "case has no outcome" },
		{ "a\t0\tpassed\t-\t-\t-\twhy\n", "r:18: case a: a case with "
		  "an outcome has no reason" },
		{ "a\t-\tbroken\t-\t-\tpage 1\tx\n", "r:18: case a: an "
		  "observation without an outcome" },
		{ "a\t0\tfailed\t-\t-\t" MH_BROKEN_AFTER_CALL "\t-\n",
		  "r:18: case a: '" MH_BROKEN_AFTER_CALL "' is a broken case, "
		  "without an outcome since report format 3" },
		{ "a\t-\tbroken\t-\t-\t-\tno  room\n", "r:18: case a: "
		  "invalid reason" },
		{ "a\t-\tbroken\t-\t-\t-\tno room \n", "r:18: case a: "
		  "invalid reason" },
		{ "a\t-\tbroken\t-\t-\t-\t\n", "r:18: case a: invalid "
		  "reason" },
		{ "a\t-\tbroken\t-\t-\t-\tx\ry\n", "r:18: case a: invalid "
		  "reason" },
	};
	/* the verdict: manuals, unknown or a variant of the list */
	static const struct { const char *from, *to, *msg; } v[] = {
		{ "verdict\tmanuals", "verdict\tlinux", "" },
		{ "verdict\tmanuals", "verdict\tunknown", "" },
		{ "verdict\tmanuals", "verdict\tfreebsd", "r:16: the verdict "
		  "'freebsd' is neither manuals, unknown nor a variant of the "
		  "list" },
		{ "verdict\tmanuals", "verdict\t-", "r:16: the verdict '-' is "
		  "neither manuals, unknown nor a variant of the list" },
		{ "verdict\tmanuals\n", "", "r:15: expected the '# verdict' "
		  "line" },
		{ "\treason\n", "\n", "r:17: expected the '# columns' line, "
		  "naming id\tobserved\tverdict\tmatches\tcontradicts\tobs\t"
		  "reason" },
		{ "kind\tobserved", "kind\texpected posix", "r:16: an expected "
		  "report has no verdict (found 'manuals')" },
	};
	struct sbuf h = {0};
	const char *bad_head;

	(void)tc;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		ATF_CHECK_STREQ_MSG(t[i].msg, parse3(head3, t[i].body),
		    "case %zu", i);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		const char *at = strstr(head3, v[i].from);

		h.len = 0;
		sb_add(&h, head3, (size_t)(at - head3));
		sb_puts(&h, v[i].to);
		sb_puts(&h, at + strlen(v[i].from));
		ATF_CHECK_STREQ_MSG(v[i].msg, parse3(h.p, ""), "verdict %zu", i);
	}
	bad_head = "# msync-report 3\n# kind\texpected posix\n# os\t-\n"
	    "# release\t-\n# machine\t-\n# abi\t-\n# libc\t-\n"
	    "# pagesize\t-\n# emulator\t-\n# facts\t-\n# fs\t-\n"
	    "# kyua\t-\n# suite\tmsync-conformance 0.1.0\n# date\t-\n"
	    "# verdict\t-\n# variants\tposix linux\n# columns\tid\t"
	    "observed\tverdict\tmatches\tcontradicts\tobs\treason\n";
	ATF_CHECK_STREQ("", parse3(bad_head, "a\tEINVAL|ENOMEM\t-\tposix\t"
	    "linux\t-\t-\nb\tsilent\t-\t-\t-\t-\t-\n"));
	ATF_CHECK_STREQ("r:18: case a: a case with an outcome has no reason",
	    parse3(bad_head, "a\tEINVAL\t-\tposix\t-\t-\twhy\n"));
	sb_free(&h);
}

/* What a case without an outcome is, in every format: skipped and broken
 * cases never have one, nor a case an older harness recorded as broken
 * after its call. */
ATF_TC_WITHOUT_HEAD(no_outcome);
ATF_TC_BODY(no_outcome, tc)
{
	static const struct {
		const char *observed, *verdict, *obs, *kind;
		int has;
	} t[] = {
		{ "EINVAL", "passed", "-", "passed", 1 },
		{ "0", "failed", "-", "failed", 1 },
		{ "-", "failed", "-", "failed", 0 },
		{ "-", "skipped", "-", "skipped", 0 },
		{ "0", "broken", "-", "broken", 0 },
		{ "0", "skipped", "-", "skipped", 0 },
		{ "0", "failed", MH_BROKEN_AFTER_CALL, "broken", 0 },
		{ "0", "passed", MH_BROKEN_AFTER_CALL, "broken", 0 },
	};
	struct report r;
	struct sbuf s = {0};

	(void)tc;
	report_init(&r);
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		struct row w = { "a", (char *)t[i].observed, (char *)t[i].verdict,
		    0, 0, (char *)t[i].obs, NULL, 0 };

		ATF_CHECK_EQ_MSG(t[i].has, report_has_outcome(&w), "case %zu", i);
		ATF_CHECK_STREQ_MSG(t[i].kind, row_kind(&w), "case %zu", i);
		ATF_CHECK_STREQ_MSG(t[i].has ? t[i].observed : "-",
		    row_outcome(&w), "case %zu", i);
		s.len = 0;
		row_shown(&r, &w, &s);
		if (!t[i].has)
			ATF_CHECK_MSG(s.p[0] == '(' && strstr(s.p, t[i].kind),
			    "case %zu: shown as %s", i, s.p);
	}
	report_free(&r);
	sb_free(&s);
	/* a format-2 report keeps such rows as they were, and reads back */
	ATF_CHECK_STREQ("", parse_msg("a\t0\tfailed\tposix\t-\t"
	    MH_BROKEN_AFTER_CALL "\nb\t0\tbroken\tlinux\t-\t-\n"
	    "# end\t2\n"));
}

/* kyua's reason made one line and bounded, and only that read back. */
ATF_TC_WITHOUT_HEAD(reasons);
ATF_TC_BODY(reasons, tc)
{
	static const struct { const char *in, *out; } t[] = {
		{ NULL, "-" }, { "", "-" }, { " \t\n", "-" },
		{ "no free huge page", "no free huge page" },
		{ "  broken:\tmmap\n\n  failed\r\n", "broken: mmap failed" },
		{ "a\x7f" "b", "a b" },
		{ "caf\xc3\xa9", "caf\xc3\xa9" },
	};
	struct sbuf b = {0}, in = {0};

	(void)tc;
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		b.len = 0;
		reason_clean(t[i].in, &b);
		ATF_CHECK_STREQ_MSG(t[i].out, b.p, "case %zu", i);
		ATF_CHECK_MSG(valid_reason(b.p), "case %zu: not valid", i);
	}
	ATF_CHECK(!valid_reason(""));
	ATF_CHECK(!valid_reason("a  b"));
	ATF_CHECK(!valid_reason(" a"));
	ATF_CHECK(!valid_reason("a\tb"));
	/* cut to REASON_MAX bytes with "...", never inside a character */
	for (int i = 0; i < REASON_MAX; i++)
		sb_puts(&in, i == REASON_MAX - 4 ? "\xc3\xa9" : "x");
	b.len = 0;
	reason_clean(in.p, &b);
	ATF_CHECK_EQ(REASON_MAX - 4 + 3, b.len);
	ATF_CHECK(strcmp(b.p + b.len - 3, "...") == 0);
	ATF_CHECK(valid_reason(b.p));
	ATF_CHECK(!valid_reason(in.p));
	in.len = 0;
	for (int i = 0; i < REASON_MAX; i++)
		sb_putc(&in, 'y');
	ATF_CHECK(valid_reason(in.p));
	sb_putc(&in, 'y');
	b.len = 0;
	reason_clean(in.p, &b);
	ATF_CHECK_EQ(REASON_MAX, b.len);
	sb_free(&b);
	sb_free(&in);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, outcomes);
	ATF_TP_ADD_TC(tp, compatible);
	ATF_TP_ADD_TC(tp, accepts);
	ATF_TP_ADD_TC(tp, rejects);
	ATF_TP_ADD_TC(tp, rejects_header);
	ATF_TP_ADD_TC(tp, format2);
	ATF_TP_ADD_TC(tp, format3);
	ATF_TP_ADD_TC(tp, no_outcome);
	ATF_TP_ADD_TC(tp, reasons);
	ATF_TP_ADD_TC(tp, fuzz_corpus);
	ATF_TP_ADD_TC(tp, fuzz_regressions);
	return atf_no_error();
}
