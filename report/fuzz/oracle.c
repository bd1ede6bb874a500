/* What must hold for any input to the canonical report parser: rejected
 * with a place, or accepted and written back byte for byte; and whatever
 * reads a report (summary, findings, compare, html) copes with it. */
#include "config.h"

#include <string.h>

#include "../buf.h"
#include "../canon.h"
#include "../compare.h"
#include "../findings.h"
#include "../group.h"
#include "../html.h"
#include "../report.h"
#include "../summary.h"
#include "oracle.h"

#define NAME "input"

/* Something to differ from, so compare and html take their other paths:
 * a small expected report (the input may be observed or expected). */
static const char reference[] =
	"# msync-report 1\n# kind\texpected posix\n# os\t-\n# release\t-\n"
	"# machine\t-\n# libc\t-\n# pagesize\t-\n# fs\t-\n# kyua\t-\n"
	"# suite\tmsync-conformance 0.1.0\n# date\t-\n"
	"# variants\tnetbsd-5.1 posix linux\n"
	"# columns\tid\tobserved\tverdict\tmatches\tcontradicts\tobs\n"
	"a\tEINVAL|ENOMEM\t-\tnetbsd-5.1,posix\tlinux\t-\n"
	"b\tsilent\t-\t-\t-\t-\n"
	"file__a\tEINVAL\t-\tposix\t-\t-\n"
	"# end\t3\n";

/* And an observed one with cases without an outcome, of each kind. */
static const char observed[] =
	"# msync-report 3\n# kind\tobserved\n# os\tLinux\n# release\t6.1\n"
	"# machine\tx86_64\n# abi\tx86_64 lp64 little-endian\n"
	"# libc\tglibc 2.36\n# pagesize\t4096\n# emulator\tnone\n"
	"# facts\trecorded\n# fs\text4\n# kyua\t0.14\n"
	"# suite\tmsync-conformance 0.1.0\n# date\t2026-12-05\n"
	"# verdict\tmanuals\n# variants\tnetbsd-5.1 posix linux\n"
	"# columns\tid\tobserved\tverdict\tmatches\tcontradicts\tobs\t"
	"reason\n"
	"a\t-\tskipped\t-\t-\t-\tno free huge page\n"
	"b\t-\tbroken\t-\t-\t-\tmmap: ENODEV (map_file.c:40)\n"
	"c\t-\tfailed\t-\t-\t-\tunknown configuration variable\n"
	"file__a\t0\tpassed\tlinux\tposix\t-\t-\n"
	"# end\t4\n";

/* The text and the page of a comparison, in its groups (no table here:
 * no judges, citations or classes). */
static void
grouped(const struct cmp *c, struct sbuf *out)
{
	static const struct compare_opts co = { NULL, NULL, 1, 1 };
	static const struct html_opts ho = { NULL, NULL, "fuzz", "differ",
	    NULL };
	struct grouping gr;

	grouping_build(&gr, c, NULL, 0, NULL);
	compare_text(c, &gr, &co, out);
	html_write(c, &gr, &ho, out);
	grouping_free(&gr);
}

int
canon_oracle(const uint8_t *data, size_t size, struct err *e)
{
	static const struct html_opts fo = { NULL, NULL, "fuzz", "findings",
	    NULL };
	const struct report *pair[2];
	const char *names[2] = { NAME, NAME };
	struct report r, ref, obs;
	struct findings f;
	struct cmp c;
	struct sbuf out = {0};
	struct err why;
	int rc = 0;

	if (canon_parse(NAME, (const char *)data, size, &r, &why) != 0) {
		/* rejected: fine, if it says where */
		if (strncmp(why.msg, NAME ":", strlen(NAME ":")) != 0)
			return errf(e, "rejection without a place: %s", why.msg);
		return 0;
	}
	canon_write(&r, &out);
	if (out.len != size || memcmp(out.p, data, size) != 0)
		rc = errf(e, "accepted, but written back differently");
	out.len = 0;
	summary_write(&r, NAME, &out);
	/* findings against the first variant (no table here: no citations) */
	if (r.nvariants > 0 &&
	    findings_build(&f, &r, NAME, NULL, r.variants[0], &why) == 0) {
		findings_write(&f, NULL, &out);
		html_write(&f.cmp, &f.groups, &fo, &out);
		findings_free(&f);
	}
	pair[0] = pair[1] = &r;
	compare_build(&c, 2, pair, names);
	if (rc == 0 && (c.ndiff != 0 || c.total != r.nrows))
		rc = errf(e, "compare finds the report differs from itself");
	grouped(&c, &out);
	compare_free(&c);

	if (canon_parse("reference", reference, sizeof reference - 1, &ref,
	    &why) != 0)
		rc = errf(e, "the reference report: %s", why.msg);
	else if (canon_parse("observed", observed, sizeof observed - 1, &obs,
	    &why) != 0) {
		rc = errf(e, "the observed report: %s", why.msg);
		report_free(&ref);
	} else {
		const struct report *four[4] = { &r, &ref, &obs, &r };
		const char *four_names[4] = { NAME, "reference", "observed", NAME };

		compare_build(&c, 4, four, four_names);
		grouped(&c, &out);
		compare_free(&c);
		report_free(&ref);
		report_free(&obs);
	}
	sb_free(&out);
	report_free(&r);
	return rc;
}
