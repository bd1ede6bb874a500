/* What must hold for any input to the canonical report parser: rejected
 * with a place, or accepted and written back byte for byte; and whatever
 * reads a report (summary, findings, compare, html) copes with it. */
#include "config.h"

#include <string.h>

#include "../buf.h"
#include "../canon.h"
#include "../compare.h"
#include "../findings.h"
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

int
canon_oracle(const uint8_t *data, size_t size, struct err *e)
{
	struct report r;
	struct err why;
	if (canon_parse(NAME, (const char *)data, size, &r, &why) != 0) {
		/* rejected: fine, if it says where */
		if (strncmp(why.msg, NAME ":", strlen(NAME ":")) != 0)
			return errf(e, "rejection without a place: %s", why.msg);
		return 0;
	}
	int rc = 0;
	struct sbuf out = {0};
	canon_write(&r, &out);
	if (out.len != size || memcmp(out.p, data, size) != 0)
		rc = errf(e, "accepted, but written back differently");
	out.len = 0;
	summary_write(&r, NAME, &out);
	/* findings against the first variant (no table here: no citations) */
	struct findings f;
	if (r.nvariants > 0 &&
	    findings_build(&f, &r, NULL, r.variants[0], &why) == 0) {
		findings_write(&f, &r, NAME, NULL, &out);
		findings_free(&f);
	}
	const struct report *pair[2] = { &r, &r };
	const char *names[2] = { NAME, NAME };
	struct cmp c;
	compare_build(&c, 2, pair, names);
	if (rc == 0 && (c.ndiff != 0 || c.total != r.nrows))
		rc = errf(e, "compare finds the report differs from itself");
	compare_text(&c, NULL, &out);
	html_write(&c, NULL, "fuzz", "differ", &out);
	compare_free(&c);

	struct report ref;
	if (canon_parse("reference", reference, sizeof reference - 1, &ref,
			&why) != 0)
		rc = errf(e, "the reference report: %s", why.msg);
	else {
		const struct report *three[3] = { &r, &ref, &r };
		const char *three_names[3] = { NAME, "reference", NAME };
		compare_build(&c, 3, three, three_names);
		compare_text(&c, NULL, &out);
		html_write(&c, NULL, "fuzz", "differ", &out);
		compare_free(&c);
		report_free(&ref);
	}
	sb_free(&out);
	report_free(&r);
	return rc;
}
