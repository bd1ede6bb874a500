/* Just before the call, after every page was dirtied: the file cut to 2
 * pages, so that pages 2-3 of the mapping lie past its end. */
static void
truncate_file(void)
{
	if (ftruncate(l.fd, (off_t)(2 * p)) != 0)
		fail("ftruncate to 2 pages after the stores");
	l.eof = 2;
}
