/*@needs refused*/
/* The second half of the mapping mlock()ed: a range over all of it is
 * locked only in part. */
static void
lock_half(void)
{
	for (size_t i = l.npages / 2; i < l.npages; i++)
		if (mlock(m + i * p, p) != 0)
			refused("mlock");
}
