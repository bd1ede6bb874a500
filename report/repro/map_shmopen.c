/*@needs layout lacks map_object*/
/* A POSIX shared memory object, unlinked at once so that nothing outlives
 * the program (on glibc before 2.34, link with -lrt). */
static void
map_shmopen(void)
{
	char name[64];

	reserve(MAP_PAGES * p, p);
	snprintf(name, sizeof name, "/msync-repro.%ld", (long)getpid());
	if ((l.fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600)) < 0) {
		/* glibc keeps the objects in /dev/shm, a tmpfs the system mounts. */
		if (errno == ENOSYS || errno == ENOENT)
			lacks("no POSIX shared memory here (shm_open): %s", strerror(errno));
		fail("shm_open");
	}
	if (shm_unlink(name) != 0)
		fail("shm_unlink");
	map_object();
}
