/*@needs layout map_at make_file*/
/* Pages 0-1 of a 4-page file mapped, then the mapping grown in place to
 * pages 0-3: mremap() without MREMAP_MAYMOVE where the system has it (it
 * grows in place or fails), else a MAP_FIXED mapping of pages 2-3 right
 * after it. */
static void
map_grown(void)
{
	reserve(MAP_PAGES * p, p);
	make_file(MAP_PAGES, O_RDWR);
	map_at(0, 2, PROT_READ | PROT_WRITE, MAP_SHARED, l.fd, 0, "mmap of the file under test");
#ifdef MREMAP_MAYMOVE
	if (munmap(m + 2 * p, 2 * p) != 0)
		fail("munmap of the reservation above the mapping");
	if (mremap(m, 2 * p, 4 * p, 0) != m) {
		if (errno == ENOMEM)
			lacks("mremap() cannot grow the mapping in place here: %s", strerror(errno));
		fail("mremap() growing the mapping in place");
	}
#else
	map_at(2, 2, PROT_READ | PROT_WRITE, MAP_SHARED, l.fd, 2, "mmap(MAP_FIXED) of the next file pages");
#endif
}
/*@needs lacks*/
