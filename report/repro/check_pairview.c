/*@needs range_bits store other_holds pages call*/
/*
 * Do the MAP_PRIVATE mapping's unmodified pages (@OTHER_OWNER@) show the
 * MAP_SHARED mapping's stores ('S' at byte 7) after the call?  The private
 * mapping is made
@!mapping=pairlate@ * before the stores.
@?mapping=pairlate@ * after the stores.
 */
static const char *
check_pairview(void)
{
	unsigned range = range_bits(), before, after;
	char a[64], b[64], d[64];

@!mapping=pairlate@	(void)other_holds(range, 7, 'S');	/* mapped, unmodified */
	store(m, range, 7, 'S');
	before = other_holds(range, 7, 'S');

	call();

	after = other_holds(range, 7, 'S');
	printf("evidence: 'S' stored on pages %s through the shared mapping; the private one "
	    "shows it before the call on pages: %s, after the return on pages: %s\n",
	    pages(range, a, sizeof a), pages(before, b, sizeof b), pages(after, d, sizeof d));
	return after == range ? "store-seen" : after != 0 ? "store-part-seen" : "store-unseen";
}
