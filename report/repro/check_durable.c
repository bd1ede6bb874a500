/*@needs range_bits store pages drop call*/
/*
 * Every dirtied page of the range in the file, with its bytes, once the
 * call returned?  Here the file is read back through a second descriptor
 * after the mapping is dropped.  That is weaker than the suite's witness
 * filesystem, whose log sees what reached storage and when: where one page
 * cache serves the mapping and read() (Linux, the BSDs), the bytes read
 * back are the cache's, whatever reached storage.
 */
static const char *
check_durable(void)
{
	unsigned range = range_bits(), same = 0;
	char *copy = malloc(l.npages * p), *back = malloc(p), a[64], b[64];
	int fd2;

	if (copy == NULL || back == NULL)
		fail("malloc");
	store(m, range, 7, 'D');

	call();

	range = range_bits();	/* the file may have shrunk at the call */
	for (size_t i = 0; i < l.npages && i < 32; i++)
		if (range & (1u << i))
			memcpy(copy + i * p, m + i * p, p);
	drop();
	if ((fd2 = open(l.path, O_RDONLY)) < 0)
		fail("open of the file under test for a second descriptor");
	for (size_t i = 0; i < l.npages && i < 32; i++)
		if ((range & (1u << i)) && pread(fd2, back, p, (off_t)((i + l.off) * p)) == (ssize_t)p &&
		    memcmp(back, copy + i * p, p) == 0)
			same |= 1u << i;
	printf("evidence: dirty pages %s; read back as stored, through a second descriptor "
	    "after munmap: %s\n", pages(range, a, sizeof a), pages(same, b, sizeof b));
	return same == range ? "durable" : "not-durable";
}
