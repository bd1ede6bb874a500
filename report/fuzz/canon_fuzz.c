/* libFuzzer target for the canonical report parser (report/canon.c) and
 * what reads its result (summary, compare, html).  Built and run by
 * report/fuzz/run-fuzz. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "../report.h"
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err e;
	if (canon_oracle(data, size, &e) != 0) {
		fprintf(stderr, "canon_oracle: %s\n", e.msg);
		abort();
	}
	return 0;
}
