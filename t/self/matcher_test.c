/*
 * The matcher and the verdicts, on a hand-made table whose answers are
 * known, and the real table's outcome words against what the harness can
 * ever report.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>

#include <atf-c.h>

#include "mh.h"

/* Two documents and one implementation; one case; expectations per variant. */
static const struct mh_variant variants[] = {
	{ "doc-a", 1, "document A" },
	{ "doc-b", 1, "document B" },
	{ "impl", 0, "an implementation" },
};
static const struct mh_rule rules[] = {
	{ "", "", 0, "" },
	{ "a.tbl:1", "EINVAL", 0, "A says EINVAL" },
	{ "a.tbl:2", "ENOMEM", 0, "A says ENOMEM" },
	{ "b.tbl:1", "EBUSY", 0, "B says EBUSY" },
	{ "i.tbl:1", "0", 0, "the code returns 0" },
};
static const struct mh_expect expects[] = {
	{ "EINVAL ENOMEM", 2, { 1, 2 } },	/* 0: A, two errors hold */
	{ "EBUSY", 1, { 3 } },			/* 1: B */
	{ "0", 1, { 4 } },			/* 2: impl */
	{ NULL, 0, { 0 } },			/* 3: silent */
};
static const unsigned short case_expect[] = {
	0, 1, 2,	/* case 0: both documents speak */
	3, 3, 2,	/* case 1: no document speaks */
	3, 1, 3,	/* case 2: only B speaks; impl silent */
};
static const struct mh_case cases[] = {
	{ .id = "both", .expect = 0 },
	{ .id = "none", .expect = 3 },
	{ .id = "onlyb", .expect = 6 },
};
static const struct mh_table t = {
	.variants = variants, .nvariants = 3, .rules = rules, .nrules = 5, .expects = expects,
	.case_expect = case_expect, .cases = cases, .ncases = 3,
};

static int
judge(unsigned c, const char *mode, const char *observed, char *buf, size_t n)
{
	return mh_judge(&t, &cases[c], mode, observed, buf, n);
}

ATF_TC_WITHOUT_HEAD(match_sets);
ATF_TC_BODY(match_sets, tc)
{
	ATF_CHECK_EQ(mh_match(&expects[0], "EINVAL"), MH_MATCH);
	ATF_CHECK_EQ(mh_match(&expects[0], "ENOMEM"), MH_MATCH);
	ATF_CHECK_EQ(mh_match(&expects[0], "EBUSY"), MH_CONTRADICT);
	ATF_CHECK_EQ(mh_match(&expects[0], "EINVA"), MH_CONTRADICT);
	ATF_CHECK_EQ(mh_match(&expects[0], "0"), MH_CONTRADICT);
	ATF_CHECK_EQ(mh_match(&expects[2], "0"), MH_MATCH);
	ATF_CHECK_EQ(mh_match(&expects[3], "SIGSEGV"), MH_SILENT);
}

ATF_TC_WITHOUT_HEAD(manuals_one_document_suffices);
ATF_TC_BODY(manuals_one_document_suffices, tc)
{
	char buf[1024];

	ATF_CHECK_EQ(judge(0, "manuals", "ENOMEM", buf, sizeof buf), 1);
	ATF_CHECK_EQ(judge(0, "manuals", "EBUSY", buf, sizeof buf), 1);
}

ATF_TC_WITHOUT_HEAD(manuals_fails_naming_expectations);
ATF_TC_BODY(manuals_fails_naming_expectations, tc)
{
	char buf[1024];

	ATF_REQUIRE_EQ(judge(0, "manuals", "0", buf, sizeof buf), 0);
	ATF_CHECK_STREQ(buf, "observed 0; doc-a expects EINVAL or ENOMEM; doc-b expects EBUSY; "
	    "msync-report explain both");
	/* An implementation's opinion is never part of the manuals verdict;
	 * the citations are explain's, not the reason's. */
	ATF_CHECK(strstr(buf, "impl") == NULL);
	ATF_CHECK(strstr(buf, "A says") == NULL);
}

/* Every case of the real table, against an outcome no variant expects:
 * one line of at most about 200 characters. */
ATF_TC_WITHOUT_HEAD(reasons_are_short);
ATF_TC_BODY(reasons_are_short, tc)
{
	char buf[4096];
	size_t longest = 0;

	for (unsigned c = 0; c < mh_table.ncases; c++) {
		for (unsigned v = 0; v <= mh_table.nvariants; v++) {
			const char *mode = v < mh_table.nvariants ? mh_table.variants[v].name : "manuals";

			if (mh_judge(&mh_table, &mh_table.cases[c], mode, "ret=7", buf, sizeof buf) != 0)
				continue;
			ATF_CHECK_MSG(strchr(buf, '\n') == NULL, "a newline in: %s", buf);
			if (strlen(buf) > longest)
				longest = strlen(buf);
		}
	}
	ATF_CHECK_MSG(longest <= 220, "a reason of %zu characters", longest);
}

ATF_TC_WITHOUT_HEAD(manuals_passes_when_no_document_speaks);
ATF_TC_BODY(manuals_passes_when_no_document_speaks, tc)
{
	char buf[1024];

	ATF_CHECK_EQ(judge(1, "manuals", "SIGBUS", buf, sizeof buf), 1);
	ATF_CHECK(strstr(buf, "silent") != NULL);
}

ATF_TC_WITHOUT_HEAD(manuals_ignores_silent_documents);
ATF_TC_BODY(manuals_ignores_silent_documents, tc)
{
	char buf[1024];

	ATF_CHECK_EQ(judge(2, "manuals", "EBUSY", buf, sizeof buf), 1);
	ATF_CHECK_EQ(judge(2, "manuals", "0", buf, sizeof buf), 0);
	ATF_CHECK(strstr(buf, "doc-a") == NULL);
}

ATF_TC_WITHOUT_HEAD(variant_is_strict);
ATF_TC_BODY(variant_is_strict, tc)
{
	char buf[1024];

	ATF_CHECK_EQ(judge(0, "impl", "0", buf, sizeof buf), 1);
	ATF_CHECK_EQ(judge(0, "impl", "EINVAL", buf, sizeof buf), 0);
	ATF_CHECK_STREQ(buf, "observed EINVAL; impl expects 0; msync-report explain both");
	/* doc-a accepts EINVAL, but the mode asks about impl alone. */
	ATF_CHECK(strstr(buf, "doc-a") == NULL);
	ATF_CHECK_EQ(judge(0, "doc-b", "EINVAL", buf, sizeof buf), 0);
}

ATF_TC_WITHOUT_HEAD(variant_silent_passes);
ATF_TC_BODY(variant_silent_passes, tc)
{
	char buf[1024];

	ATF_CHECK_EQ(judge(2, "impl", "SIGSEGV", buf, sizeof buf), 1);
	ATF_CHECK_EQ(judge(1, "doc-a", "0", buf, sizeof buf), 1);
}

ATF_TC_WITHOUT_HEAD(unknown_variant_lists_names);
ATF_TC_BODY(unknown_variant_lists_names, tc)
{
	char buf[1024];

	ATF_CHECK(!mh_mode_valid(&t, "lnux"));
	ATF_CHECK(mh_mode_valid(&t, "manuals"));
	ATF_CHECK(mh_mode_valid(&t, "impl"));
	ATF_REQUIRE_EQ(judge(0, "lnux", "0", buf, sizeof buf), -1);
	ATF_CHECK(strstr(buf, "unknown variant 'lnux'") != NULL);
	ATF_CHECK(strstr(buf, "manuals, doc-a, doc-b, impl") != NULL);
}

ATF_TC_WITHOUT_HEAD(reason_never_overflows);
ATF_TC_BODY(reason_never_overflows, tc)
{
	char buf[40];

	memset(buf, 'x', sizeof buf);
	ATF_CHECK_EQ(judge(0, "manuals", "0", buf, 20), 0);
	ATF_CHECK_EQ(strlen(buf), 19);
	ATF_CHECK_EQ(buf[25], 'x');
}

ATF_TC_WITHOUT_HEAD(outcome_names);
ATF_TC_BODY(outcome_names, tc)
{
	char buf[MH_NAMELEN];
	struct mh_outcome o = { MH_RETURNED, 0, 0, 0 };

	ATF_CHECK_STREQ(mh_outcome_name(&o, buf), "0");
	o.ret = -1; o.err = EINVAL;
	ATF_CHECK_STREQ(mh_outcome_name(&o, buf), "EINVAL");
	o.err = 4000;
	ATF_CHECK_STREQ(mh_outcome_name(&o, buf), "errno=4000");
	o.ret = 7;
	ATF_CHECK_STREQ(mh_outcome_name(&o, buf), "ret=7");
	o.kind = MH_SIGNALLED; o.sig = SIGBUS;
	ATF_CHECK_STREQ(mh_outcome_name(&o, buf), "SIGBUS");
	o.kind = MH_TIMED_OUT;
	ATF_CHECK_STREQ(mh_outcome_name(&o, buf), "TIMEOUT");
}

/* The names the harness writes are words of the grammar msync-report
 * reads (lib/grammar.h), and its effect words are the grammar's. */
ATF_TC_WITHOUT_HEAD(names_follow_the_grammar);
ATF_TC_BODY(names_follow_the_grammar, tc)
{
	static const struct mh_outcome os[] = {
		{ MH_RETURNED, 0, 0, 0 }, { MH_RETURNED, -1, EINVAL, 0 },
		{ MH_RETURNED, -1, 4000, 0 }, { MH_RETURNED, -1, 0, 0 },
		{ MH_RETURNED, 7, 0, 0 }, { MH_RETURNED, -7, 0, 0 },
		{ MH_SIGNALLED, 0, 0, SIGBUS }, { MH_SIGNALLED, 0, 0, 63 },
		{ MH_TIMED_OUT, 0, 0, 0 },
	};
	static const char *const bad[] = { "a-", "a--b", "-a", "silent", "Mtime-kept", "" };
	char buf[MH_NAMELEN];

	for (size_t i = 0; i < sizeof os / sizeof os[0]; i++) {
		const char *n = mh_outcome_name(&os[i], buf);

		ATF_CHECK_MSG(mh_word_is(MH_WORD_OUTCOME, n) || mh_word_is(MH_WORD_RAW, n),
		    "'%s' is no word of the grammar", n);
	}
	ATF_CHECK(mh_word_is(MH_WORD_OUTCOME, "mtime-kept"));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ATF_CHECK_MSG(!mh_word_is(MH_WORD_OUTCOME, bad[i]) && !mh_word_is(MH_WORD_RAW, bad[i]),
		    "'%s' accepted", bad[i]);
}

/* Whether the harness can name an outcome w: an effect word, or the name
 * mh_outcome_name gives some return, errno, signal or timeout. */
static int
reportable(const char *w)
{
	char buf[MH_NAMELEN];
	struct mh_outcome o = { MH_TIMED_OUT, 0, 0, 0 };

	if (mh_word_is(MH_WORD_EFFECT, w) || strcmp(mh_outcome_name(&o, buf), w) == 0)
		return 1;
	for (int n = 0; n < 4096; n++) {
		o = (struct mh_outcome){ MH_RETURNED, n == 0 ? 0 : -1, n, 0 };
		if (strcmp(mh_outcome_name(&o, buf), w) == 0)
			return 1;
		o = (struct mh_outcome){ MH_SIGNALLED, 0, 0, n };
		if (strcmp(mh_outcome_name(&o, buf), w) == 0)
			return 1;
	}
	return 0;
}

ATF_TC_WITHOUT_HEAD(table_words_are_reportable);
ATF_TC_BODY(table_words_are_reportable, tc)
{
	for (const char *const *w = mh_table.vocabulary; *w != NULL; w++)
		ATF_CHECK_MSG(mh_word_is(MH_WORD_OUTCOME, *w) && reportable(*w),
		    "the table's outcome '%s' is a name the harness never reports", *w);
	ATF_CHECK(!reportable("EINVALX"));
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, match_sets);
	ATF_TP_ADD_TC(tp, manuals_one_document_suffices);
	ATF_TP_ADD_TC(tp, manuals_fails_naming_expectations);
	ATF_TP_ADD_TC(tp, reasons_are_short);
	ATF_TP_ADD_TC(tp, manuals_passes_when_no_document_speaks);
	ATF_TP_ADD_TC(tp, manuals_ignores_silent_documents);
	ATF_TP_ADD_TC(tp, variant_is_strict);
	ATF_TP_ADD_TC(tp, variant_silent_passes);
	ATF_TP_ADD_TC(tp, unknown_variant_lists_names);
	ATF_TP_ADD_TC(tp, reason_never_overflows);
	ATF_TP_ADD_TC(tp, outcome_names);
	ATF_TP_ADD_TC(tp, names_follow_the_grammar);
	ATF_TP_ADD_TC(tp, table_words_are_reportable);
	return atf_no_error();
}
