/*@needs mapped_bits range_bits holds other_holds pages behind call*/
/* Stored bytes changed behind the cache (write_behind()), then msync on
 * the MAP_SHARED mapping: do the unmodified pages of the MAP_PRIVATE
 * mapping (@OTHER_OWNER@) show the new bytes? */
static const char *
check_pairfresh(void)
{
	unsigned all = mapped_bits(), range = range_bits(), pfresh, sfresh;
	char a[64], b[64], d[64];

	(void)holds(m, all, 9, 'Z');	/* cached, and mapped by both */
	(void)other_holds(all, 9, 'Z');
	write_behind(range, 9, 'Z');
	if (holds(m, range, 9, 'Z') != 0 || other_holds(range, 9, 'Z') != 0)
		call_only = unified;

	call();

	pfresh = other_holds(range, 9, 'Z');
	sfresh = holds(m, range, 9, 'Z');
	printf("evidence: both mappings read, then byte 9 changed to 'Z' on pages %s; after the "
	    "return the private mapping shows 'Z' on pages: %s, the shared mapping on pages: %s\n",
	    pages(range, a, sizeof a), pages(pfresh, b, sizeof b), pages(sfresh, d, sizeof d));
	return call_only != NULL ? NULL : pfresh == range ? "fresh" : "stale";
}
