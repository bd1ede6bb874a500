/* Every mapped page of the mapping as bits (the hole left out). */
static unsigned
mapped_bits(void)
{
	unsigned bits = 0;

	for (size_t i = 0; i < l.npages && i < 32; i++)
		if ((long)i != l.hole)
			bits |= 1u << i;
	return bits;
}
