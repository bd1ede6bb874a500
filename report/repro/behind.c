/*
 * Byte off of the file's pages under the pages of bits changed to v,
 * "behind the cache".  The suite's witness filesystem changes its stored
 * bytes without the kernel knowing; a file alone can only write them
 * through a second descriptor.  Where one page cache serves the mapping
 * and write() (Linux, and the BSDs with a unified cache), the mapping shows
 * the new bytes at once: nothing changed behind the cache, and what the
 * call does to the cache cannot be told here (unified).  Where it does not
 * show them, the second descriptor's write is behind the mapping's cache,
 * and the case is observed as in the suite.
 */
static const char unified[] = "the mapping showed the bytes written through a second "
    "descriptor before the call (one page cache serves both), so nothing changed behind "
    "the cache: only the suite's witness filesystem can change stored bytes behind it";

static void
write_behind(unsigned bits, size_t off, char v)
{
	int fd2 = open(l.path, O_RDWR);

	if (fd2 < 0)
		fail("open of the file under test for a second descriptor");
	for (size_t i = 0; i < l.npages && i < 32; i++)
		if ((bits & (1u << i)) && pwrite(fd2, &v, 1, (off_t)((i + l.off) * p + off)) != 1)
			fail("pwrite through the second descriptor");
	close(fd2);
}
