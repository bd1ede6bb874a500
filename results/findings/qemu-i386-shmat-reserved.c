/*
 * shmat() at an explicit address the program has just unmapped: Linux
 * attaches the segment there (ipc/shm.c, do_shmat(): without SHM_REMAP it
 * refuses only an address range that intersects a mapping,
 * find_vma_intersection()).  qemu-i386 7.2 keeps the guest's whole 4 GiB
 * reserved on the host and its munmap() maps the range again PROT_NONE
 * (linux-user/mmap.c, target_munmap() -> mmap_reserve()); do_shmat()
 * (linux-user/syscall.c) passes the guest's address to the host's shmat()
 * without SHM_REMAP, and the host kernel finds the reservation there:
 * EINVAL.
 *
 * Build and run: cc -o r qemu-i386-shmat-reserved.c && ./r
 *                gcc -m32 -idirafter /usr/include/x86_64-linux-gnu -static \
 *                    -o r32 qemu-i386-shmat-reserved.c && qemu-i386 ./r32
 * Exit status 0 when the segment is attached at the address, as on Linux.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/shm.h>
#include <unistd.h>

int
main(void)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	int id = shmget(IPC_PRIVATE, page, IPC_CREAT | 0600);
	char *m, *p;
	int e;

	if (id < 0) {
		perror("shmget");
		return 2;
	}
	/* An address the program owns, page- (on Linux: SHMLBA-) aligned. */
	m = mmap(NULL, page, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (m == MAP_FAILED || munmap(m, page) != 0) {
		perror("mmap/munmap");
		shmctl(id, IPC_RMID, NULL);
		return 2;
	}
	p = shmat(id, m, 0);
	e = errno;
	shmctl(id, IPC_RMID, NULL);
	if (p == m) {
		printf("shmat(id, just-unmapped address, 0) = that address; "
		    "Linux: attaches there\nbehaves as Linux\n");
		shmdt(p);
		return 0;
	}
	if (p == (char *)-1)
		printf("shmat(id, just-unmapped address, 0) = -1 %s; "
		    "Linux: attaches there\n", e == EINVAL ? "EINVAL" :
		    strerror(e));
	else
		printf("shmat(id, just-unmapped address, 0) = another address; "
		    "Linux: attaches there\n");
	printf("DEVIATES from Linux\n");
	return 1;
}
