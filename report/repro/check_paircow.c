/*@needs range_bits store other_store other_holds count call*/
/* msync on the MAP_SHARED mapping: do the MAP_PRIVATE mapping's pages
 * (@OTHER_OWNER@) that it modified (copied on write: 'P' at byte 11) keep
 * their bytes, after the shared mapping stored 'S' at the same byte? */
static const char *
check_paircow(void)
{
	unsigned range = range_bits(), kept, file;

	other_store(range, 11, 'P');
	store(m, range, 11, 'S');

	call();

	kept = other_holds(range, 11, 'P');
	file = other_holds(range, 11, 'S');
	for (size_t i = 0; i < l.npages && i < 32; i++)
		file |= other_holds(range & (1u << i), 11, (char)('a' + i));
	printf("evidence: after the return %d of %d private pages hold 'P', %d the file's byte "
	    "('S' or the original), %d another\n", count(kept), count(range), count(file),
	    count(range & ~kept & ~file));
	return kept == range ? "private-kept" : file == range ? "private-discarded" : "private-mixed";
}
