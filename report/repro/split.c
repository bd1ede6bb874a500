/* Just before the call, after the stores and the locks: pages 1 and 3 made
 * PROT_READ, so that the one mmap() is four map entries, [rw][r][rw][r]. */
static void
split(void)
{
	if (mprotect(m + p, p, PROT_READ) != 0 || mprotect(m + 3 * p, p, PROT_READ) != 0)
		fail("mprotect(PROT_READ) splitting the mapping");
}
