/*@needs mapped_bits store read_back private_or_witness call*/
/*
 * One range over a MAP_SHARED and a MAP_PRIVATE mapping side by side, every
 * page stored to ('M' at byte 7): are the shared pages of the range written
 * before the return?  What reached storage, and when, only the suite's
 * witness filesystem sees; a private 'M' in the file this file sees too.
 */
static const char *
check_pairrange(void)
{
@?mapping=sharedprivate@	unsigned shared = 0x3;	/* pages 0-1 are MAP_SHARED */
@?mapping=privateshared@	unsigned shared = 0xc;	/* pages 2-3 are MAP_SHARED */
	unsigned all = mapped_bits();

	store(m, all, 7, 'M');

	call();

	return private_or_witness(read_back(all & ~shared, 7, 'M'), 'M');
}
