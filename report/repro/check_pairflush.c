/*@needs mapped_bits range_bits other_store read_back private_or_witness call*/
@?check=pairflushcow@/*@needs store*/
@!check=pairflushcow@/*@needs holds*/
/*
 * msync on the MAP_PRIVATE mapping while the MAP_SHARED one (@OTHER_OWNER@)
 * has every page dirty ('S' at byte 7): are the range's shared pages
 * written before the return?
@?check=pairflushcow@ * The range's private pages are written first ('P' at byte 11: copied on
@?check=pairflushcow@ * write).
 * What reached storage, and when, only the suite's witness filesystem sees;
 * a private byte in the file this file sees too.
 */
static const char *
check_pairflush(void)
{
	unsigned all = mapped_bits(), range = range_bits();

	other_store(all, 7, 'S');
@?check=pairflushcow@	store(m, range, 11, 'P');
@!check=pairflushcow@	(void)holds(m, range, 7, 'S');	/* mapped, unmodified */

	call();

	return private_or_witness(read_back(all, 11, 'P'), 'P');
}
