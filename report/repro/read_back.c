/* Bit i: byte off of the file's page under page i of the mapping, read
 * through a second descriptor, is v, for the pages of bits.  This reads
 * what the system's cache of the file says, not what reached storage. */
static unsigned
read_back(unsigned bits, size_t off, char v)
{
	unsigned got = 0;
	char c;
	int fd2 = open(l.path, O_RDONLY);

	if (fd2 < 0)
		fail("open of the file under test for a second descriptor");
	for (size_t i = 0; i < l.npages && i < 32; i++)
		if ((bits & (1u << i)) && pread(fd2, &c, 1, (off_t)((i + l.off) * p + off)) == 1 && c == v)
			got |= 1u << i;
	close(fd2);
	return got;
}
