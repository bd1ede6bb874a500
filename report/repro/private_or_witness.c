/*@needs pages*/
/* A private byte (v) in the file, read back, is seen alone: that is the
 * outcome.  Else what the case observes, which of the shared pages reached
 * storage before the return, only the suite's witness filesystem sees. */
static const char *
private_or_witness(unsigned leaked, char v)
{
	char a[64];

	printf("evidence: the file holds the private '%c' on pages: %s\n", v, pages(leaked, a, sizeof a));
	if (leaked)
		return "private-written";
	call_only = "which shared pages of the range reached storage before the return: only "
	    "the suite's witness filesystem (FUSE, logging every WRITE) sees that";
	return NULL;
}
