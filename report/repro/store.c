/* Stores v at byte off of the pages of bits of a mapping at base shaped as
 * the one under test. */
static void
store(char *base, unsigned bits, size_t off, char v)
{
	for (size_t i = 0; i < l.npages && i < 32; i++)
		if (bits & (1u << i))
			((volatile char *)base)[i * p + off] = v;
}
