/* The pages of the mapping the range touches, [*lo, *hi), empty if lo ==
 * hi; len 0 names the page at addr; a range that wraps runs to the top. */
static void
range_pages(size_t *lo, size_t *hi)
{
	uintptr_t b = (uintptr_t)m, bend = b + l.npages * p;
	uintptr_t a = (uintptr_t)addr, e;

	e = len == 0 ? a + 1 : a + len;
	if (e < a)
		e = UINTPTR_MAX;
	if (e <= b || a >= bend) {
		*lo = *hi = 0;
		return;
	}
	*lo = a < b ? 0 : (a - b) / p;
	*hi = e >= bend ? l.npages : (e - b + p - 1) / p;
}
