/*@needs map_at*/
/* Range twomaps: pages 2-3 of the file mapped again over pages 2-3 of the
 * mapping, through another descriptor, so that the mapping is two
 * (unmergeable) mappings that the range spans. */
static void
twomaps(void)
{
	int fd2 = open(l.path, @OPEN@);

	if (fd2 < 0)
		fail("open of the file under test for its second mapping");
	map_at(2, 2, @PROT@, @MAP_FLAGS@, fd2, 2, "mmap of the file's second mapping (twomaps)");
}
