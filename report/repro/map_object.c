/*@needs map_at*/
/* The shared memory object l.fd, sized to MAP_PAGES pages and mapped at m. */
static void
map_object(void)
{
	if (ftruncate(l.fd, (off_t)(MAP_PAGES * p)) != 0)
		fail("ftruncate of the shared memory object");
	map_at(0, MAP_PAGES, PROT_READ | PROT_WRITE, MAP_SHARED, l.fd, 0,
	    "mmap of the shared memory object");
}
