/*@needs call*/
/* The return value is the outcome.  Where the mapping is writable, every
 * page of it the file backs is dirtied first, so that msync has something
 * to write. */
static const char *
check_status(void)
{
@?writable@	for (size_t i = 0; i < l.eof; i++)
@?writable@		if ((long)i != l.hole)
@?writable@			((volatile char *)m)[i * p] = (char)('A' + i);
	call();
	return NULL;
}
