/* The mapping dropped, so that what is read back next comes from the file
 * alone. */
static void
drop(void)
{
	if (munmap(m, l.npages * p) != 0)
		fail("munmap of the mapping under test");
}
