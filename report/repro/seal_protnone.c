/* Just before the call, every mapped page made PROT_NONE: readable until
 * then, since Linux refuses to mlock() a PROT_NONE range, but a locked
 * range made PROT_NONE stays locked. */
static void
seal_protnone(void)
{
	for (size_t i = 0; i < l.npages; i++)
		if ((long)i != l.hole && mprotect(m + i * p, p, PROT_NONE) != 0)
			fail("mprotect(PROT_NONE) of the mapping");
}
