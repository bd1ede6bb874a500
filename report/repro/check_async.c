/*@needs range_bits store call*/
/* MS_ASYNC: were the range's writes done before the return, started or
 * queued so that they reach storage on their own soon after, or neither?
 * The pages of the range and the last page are dirtied, as in the suite,
 * then the call; when the writes reach storage only the suite's witness
 * filesystem sees. */
static const char *
check_async(void)
{
	store(m, range_bits() | 1u << (l.npages - 1), 7, 'A');

	call();

	call_only = "whether the writes were done, or started within 500 ms: only the "
	    "suite's witness filesystem (FUSE, logging every WRITE and when) sees that";
	return NULL;
}
