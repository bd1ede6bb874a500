/* What must hold for any input to the canonical report parser; shared by
 * the libFuzzer target and the regression replay in report/canon_test. */
#ifndef MSYNC_REPORT_ORACLE_H
#define MSYNC_REPORT_ORACLE_H

#include <stddef.h>
#include <stdint.h>

struct err;

/* 0: the input was rejected with a message, or accepted, written back
 * byte for byte, summarised, and found equal to itself by compare.
 * -1: one of those failed; e says which. */
int canon_oracle(const uint8_t *data, size_t size, struct err *e);

#endif
