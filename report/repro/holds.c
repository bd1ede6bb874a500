/* Bit i: byte off of page i of the mapping at base is v, for the pages of
 * bits. */
static unsigned
holds(const char *base, unsigned bits, size_t off, char v)
{
	unsigned got = 0;

	for (size_t i = 0; i < l.npages && i < 32; i++)
		if ((bits & (1u << i)) && ((const volatile char *)base)[i * p + off] == v)
			got |= 1u << i;
	return got;
}
