/*@needs layout lacks*/
#include <sys/ipc.h>
#include <sys/shm.h>

/* A System V shared memory segment attached at m (SHMLBA-aligned, as
 * shmat() wants) and removed at once: it goes when the program ends. */
static void
map_sysv(void)
{
	size_t size = MAP_PAGES * p;
	int id;

	reserve(size, (size_t)SHMLBA);
	if ((id = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600)) < 0) {
		if (errno == ENOSYS)
			lacks("no System V shared memory here (shmget): %s", strerror(errno));
		/* kernel.shmmax, shmall, shmmni: the system's limits */
		if (errno == EINVAL || errno == ENOSPC || errno == ENOMEM)
			lacks("the System V shared memory limits refuse a segment of %zu bytes "
			    "(shmget: %s)", size, strerror(errno));
		fail("shmget");
	}
	if (munmap(m, size) != 0)
		fail("munmap of the segment's place in the reservation");
	if (shmat(id, m, 0) == (void *)-1) {
		int e = errno;

		(void)shmctl(id, IPC_RMID, NULL);
		errno = e;
		/* qemu-i386 keeps the guest's freed pages reserved in the host,
		 * where shmat() without SHM_REMAP refuses. */
		if (e == EINVAL)
			lacks("shmat at the mapping's address: %s", strerror(e));
		fail("shmat at the mapping's address");
	}
	if (shmctl(id, IPC_RMID, NULL) != 0)
		fail("shmctl(IPC_RMID)");
}
