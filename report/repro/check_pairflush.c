/*@needs mapped_bits range_bits other_store read_back pages call*/
@?check=pairflushcow@/*@needs store*/
@!check=pairflushcow@/*@needs holds*/
/*
 * msync on the MAP_PRIVATE mapping while the MAP_SHARED one (@OTHER_OWNER@)
 * has every page dirty ('S' at byte 7): are the range's shared pages
 * written before the return?
@?check=pairflushcow@ * The range's private pages are written first ('P' at byte 11: copied on
@?check=pairflushcow@ * write).
 * What reached storage, and when, only the suite's witness filesystem sees;
 * a private byte in the file this file sees too.
 */
static const char *
check_pairflush(void)
{
	unsigned all = mapped_bits(), range = range_bits(), leaked;
	char a[64];

	other_store(all, 7, 'S');
@?check=pairflushcow@	store(m, range, 11, 'P');
@!check=pairflushcow@	(void)holds(m, range, 7, 'S');	/* mapped, unmodified */

	call();

	leaked = read_back(all, 11, 'P');
	printf("evidence: the file holds the private 'P' on pages: %s\n", pages(leaked, a, sizeof a));
	if (leaked)
		return "private-written";
	call_only = "which of the shared mapping's dirty pages reached storage before the "
	    "return: only the suite's witness filesystem (FUSE, logging every WRITE) sees that";
	return NULL;
}
