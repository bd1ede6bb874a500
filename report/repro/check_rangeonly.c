/*@needs mapped_bits store call*/
/* Which of the mapping's dirty pages did the call write before it
 * returned?  Every mapped page is dirtied, as in the suite, then the call;
 * what reached storage, and when, only the suite's witness filesystem
 * sees. */
static const char *
check_rangeonly(void)
{
	store(m, mapped_bits(), 7, 'R');

	call();

	call_only = "which dirty pages reached storage before the return: only the "
	    "suite's witness filesystem (FUSE, logging every WRITE) sees that";
	return NULL;
}
