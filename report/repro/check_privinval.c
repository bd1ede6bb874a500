/*@needs range_bits store holds count call*/
/* MS_INVALIDATE on a MAP_PRIVATE mapping whose pages were modified: does
 * the process keep its private modifications, or are the pages fetched
 * again from the file (whose page i holds 'a'+i), or zeros for anonymous
 * memory? */
static const char *
check_privinval(void)
{
	unsigned range = range_bits(), kept, file = 0;

	store(m, range, 0, 'P');

	call();

	kept = holds(m, range, 0, 'P');
	for (size_t i = 0; i < l.npages && i < 32; i++)
		file |= holds(m, range & (1u << i), 0, l.fd >= 0 ? (char)('a' + i) : 0);
	printf("evidence: %d of %d modified private pages kept, %d fetched anew, %d other\n",
	    count(kept), count(range), count(file), count(range & ~kept & ~file));
	return kept == range ? "private-kept" : file == range ? "private-discarded" : "private-mixed";
}
