/*@needs range_pages*/
/* The range's pages as bits (bit i: page i of the mapping): those the
 * range holds and a store can dirty: mapped (the hole is not), backed by
 * the file (not past its end), and none for len 0. */
static unsigned
range_bits(void)
{
	size_t lo, hi;
	unsigned bits = 0;

	if (len == 0)
		return 0;
	range_pages(&lo, &hi);
	for (size_t i = lo; i < hi && i < l.eof && i < 32; i++)
		if ((long)i != l.hole)
			bits |= 1u << i;
	return bits;
}
