/*@needs range_pages refused*/
/* The mapped pages of the range mlock()ed (len 0: the page at addr). */
static void
lock_range(void)
{
	size_t lo, hi;

	range_pages(&lo, &hi);
	for (size_t i = lo; i < hi; i++)
		if ((long)i != l.hole && mlock(m + i * p, p) != 0)
			refused("mlock");
}
