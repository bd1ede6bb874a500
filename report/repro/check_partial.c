/*@needs mapped_bits store call*/
/* A hole or a locked page in the range: the return value is the outcome.
 * Every mapped page is dirtied first, as in the suite, which also records
 * which of them reached storage before the return (on its witness
 * filesystem; this file cannot see that). */
static const char *
check_partial(void)
{
	store(m, mapped_bits(), 7, 'H');

	call();

	printf("evidence: which dirty pages reached storage before the return: only the "
	    "suite's witness filesystem sees that\n");
	return NULL;
}
