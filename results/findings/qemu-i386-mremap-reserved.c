/*
 * mremap() growing a mapping in place over pages the program has just
 * unmapped: Linux grows it (mm/mremap.c: without MREMAP_MAYMOVE the
 * mapping grows in place when vma_expandable(), i.e. nothing is mapped in
 * the new range, find_vma_intersection()).  qemu-i386 7.2 keeps the
 * guest's whole 4 GiB reserved on the host and its munmap() maps the
 * range again PROT_NONE (linux-user/mmap.c, target_munmap() ->
 * mmap_reserve()); target_mremap() (linux-user/mmap.c) finds the guest
 * pages free (page_get_flags()) and calls the host's mremap() in place,
 * whose kernel finds the reservation there: ENOMEM.
 *
 * Build and run: cc -o r qemu-i386-mremap-reserved.c && ./r
 *                gcc -m32 -idirafter /usr/include/x86_64-linux-gnu -static \
 *                    -o r32 qemu-i386-mremap-reserved.c && qemu-i386 ./r32
 * Exit status 0 when the mapping grows in place, as on Linux.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int
main(void)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), *p;
	int e;

	/* Pages 0-1 stay mapped; pages 2-3, just unmapped, are free. */
	if (m == MAP_FAILED || munmap(m + 2 * page, 2 * page) != 0) {
		perror("mmap/munmap");
		return 2;
	}
	p = mremap(m, 2 * page, 4 * page, 0);
	e = errno;
	if (p == m) {
		printf("mremap(2 pages -> 4, in place, free pages above) = the "
		    "same address; Linux: grows in place\nbehaves as Linux\n");
		return 0;
	}
	printf("mremap(2 pages -> 4, in place, free pages above) = -1 %s; "
	    "Linux: grows in place\nDEVIATES from Linux\n",
	    e == ENOMEM ? "ENOMEM" : strerror(e));
	return 1;
}
