/* An unmapped reservation of size bytes at an align-aligned m, with GUARD
 * unmapped pages each side. */
static void
reserve(size_t size, size_t align)
{
	uintptr_t at;

	l.span = size + 2 * GUARD * p + (align > p ? align : 0);
	l.res = mmap(NULL, l.span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (l.res == MAP_FAILED)
		fail("mmap of the reservation for the mapping");
	at = (uintptr_t)l.res + GUARD * p;
	if (align > p)
		at = (at + align - 1) / align * align;
	m = (char *)at;
}

/* The end of every build: the rest of the reservation unmapped (the guard
 * pages) and, for range hole, page 1 of the mapping. */
static void
finish(void)
{
	char *end = m + l.npages * p;

	if (munmap(l.res, (size_t)(m - l.res)) != 0 ||
	    munmap(end, (size_t)(l.res + l.span - end)) != 0)
		fail("munmap of the guard pages");
@?range=hole@	l.hole = 1;
@?range=hole@	if (munmap(m + p, p) != 0)
@?range=hole@		fail("munmap of the hole");
}
