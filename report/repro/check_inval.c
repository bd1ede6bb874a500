/*@needs range_bits mapped_bits holds pages behind call*/
@?check=invaldirty@/*@needs store*/
/*
 * Stored bytes changed behind the cache (write_behind()): does the mapping
 * show them after the call?
@?check=invaldirty@ * With stores to its pages first: do they survive it?
 */
static const char *
check_inval(void)
{
	unsigned range = range_bits(), fresh;
@?check=invaldirty@	unsigned own;
	char a[64], b[64];
@?check=invaldirty@	char d[64];

	(void)holds(m, mapped_bits(), 9, 'Z');	/* cached and mapped */
@?check=invaldirty@	store(m, range, 7, 'O');
	write_behind(range, 9, 'Z');
	if (holds(m, range, 9, 'Z') != 0)
		call_only = unified;

	call();

	fresh = holds(m, range, 9, 'Z');
@?check=inval@	printf("evidence: stored bytes changed on pages %s; the mapping shows the change "
@?check=inval@	    "on: %s\n", pages(range, a, sizeof a), pages(fresh, b, sizeof b));
@?check=inval@	return call_only != NULL ? NULL : fresh == range ? "fresh" : "stale";
@?check=invaldirty@	own = holds(m, range, 7, 'O');
@?check=invaldirty@	printf("evidence: stores to pages %s, then their stored bytes changed; the mapping "
@?check=invaldirty@	    "shows the change on: %s; the stores survive on: %s\n", pages(range, a, sizeof a),
@?check=invaldirty@	    pages(fresh, b, sizeof b), pages(own, d, sizeof d));
@?check=invaldirty@	return call_only != NULL ? NULL : own == range ? "own-kept" : "own-lost";
}
