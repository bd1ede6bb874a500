/*@needs mapped_bits range_bits store other_store read_back pages drop call*/
/*
 * MS_SYNC on the MAP_SHARED mapping while a MAP_PRIVATE one (@OTHER_OWNER@)
 * has every page written ('P' at byte 11, made
@!mapping=pairlate@ * before the shared stores): are the range's dirty pages ('D' at byte 7) in
@?mapping=pairlate@ * after the shared stores): are the range's dirty pages ('D' at byte 7) in
 * the file, and no private byte ever?  Here the file is read back through
 * a second descriptor after the shared mapping is dropped: weaker than the
 * suite's witness filesystem, whose log sees what reached storage and
 * when.
 */
static const char *
check_pairsync(void)
{
	unsigned all = mapped_bits(), range = range_bits(), match, leaked;
	char a[64], b[64], d[64];

@!mapping=pairlate@	other_store(all, 11, 'P');
	store(m, range, 7, 'D');
@?mapping=pairlate@	other_store(all, 11, 'P');

	call();

	drop();
	match = read_back(range, 7, 'D');
	leaked = read_back(all, 11, 'P');
	printf("evidence: 'D' stored on pages %s; the file holds 'D' on pages: %s, 'P' on pages: %s\n",
	    pages(range, a, sizeof a), pages(match, b, sizeof b), pages(leaked, d, sizeof d));
	return leaked ? "private-written" : match == range ? "durable" : "not-durable";
}
