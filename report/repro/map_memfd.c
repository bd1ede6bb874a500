/*@needs layout lacks map_object*/
/* A memfd_create() object, where the system has it (Linux 3.17, glibc
 * 2.27, FreeBSD 13). */
static void
map_memfd(void)
{
	reserve(MAP_PAGES * p, p);
#ifdef MFD_CLOEXEC
	if ((l.fd = memfd_create("msync-repro", 0)) < 0) {
		if (errno == ENOSYS)
			lacks("no memfd here (memfd_create): %s", strerror(errno));
		fail("memfd_create");
	}
	map_object();
#else
	lacks("this system has no memfd_create()");
#endif
}
