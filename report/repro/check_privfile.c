/*@needs range_bits store read_back pages drop call*/
/* Stores to a MAP_PRIVATE mapping must never reach the file.  Here the
 * file is read back through a second descriptor after the mapping is
 * dropped: weaker than the suite's witness filesystem, which also sees
 * every WRITE the file gets. */
static const char *
check_privfile(void)
{
	unsigned range = range_bits(), all = 0, kept = 0;
	char a[64], b[64];

	store(m, range, 7, 'P');

	call();

	drop();
	for (size_t i = 0; i < l.npages && i < 32; i++) {
		all |= 1u << i;
		kept |= read_back(1u << i, 7, (char)('a' + i + l.off));
	}
	printf("evidence: private stores on pages %s; the file's bytes unchanged on pages: %s\n",
	    pages(range, a, sizeof a), pages(kept, b, sizeof b));
	return kept == all ? "file-untouched" : "private-written";
}
