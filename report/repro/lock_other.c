/*@needs range_pages refused*/
/* The last page of the mapping outside the range mlock()ed. */
static void
lock_other(void)
{
	size_t lo, hi, i;

	range_pages(&lo, &hi);
	for (i = l.npages; i-- > 0;)
		if ((i < lo || i >= hi) && (long)i != l.hole)
			break;
	if (i < l.npages && mlock(m + i * p, p) != 0)
		refused("mlock");
}
