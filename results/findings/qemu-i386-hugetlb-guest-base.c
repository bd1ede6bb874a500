/*
 * Reproducer of qemu-i386-hugetlb-guest-base.md (beside this file): one
 * huge page mapped MAP_SHARED|MAP_ANONYMOUS|MAP_HUGETLB|MAP_FIXED at a free
 * address aligned to the huge page size.  Exit 0: as Linux (mapped, or
 * ENOMEM without a free huge page); 1: EINVAL at that aligned address, as
 * under qemu-i386 7.2; 2: nothing to try here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int
main(void)
{
	unsigned long kb = 0;
	char line[128];
	FILE *f = fopen("/proc/meminfo", "r");
	size_t h;
	char *r, *m;

	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "Hugepagesize: %lu kB", &kb) == 1)
			break;
	if (kb == 0) {
		printf("no huge page size in /proc/meminfo: nothing to try\n");
		return 2;
	}
	h = (size_t)kb * 1024;
	/* A free address aligned to the huge page size: reserve twice that,
	 * round up inside the reservation. */
	r = mmap(NULL, 2 * h, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r == MAP_FAILED) {
		perror("mmap (reservation)");
		return 2;
	}
	m = (char *)(((uintptr_t)r + h - 1) & ~(uintptr_t)(h - 1));
	if (mmap(m, h, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_HUGETLB | MAP_FIXED,
	    -1, 0) != MAP_FAILED) {
		printf("mmap(%p, %zu, MAP_HUGETLB|MAP_FIXED): mapped, as Linux does with a free huge page\n",
		    (void *)m, h);
		return 0;
	}
	printf("mmap(%p, %zu, MAP_HUGETLB|MAP_FIXED): %s (%s)\n", (void *)m, h,
	    errno == EINVAL ? "EINVAL" : errno == ENOMEM ? "ENOMEM" : "another errno", strerror(errno));
	if (errno == EINVAL) {
		printf("EINVAL at an address aligned to the huge page size: not what Linux does\n");
		return 1;
	}
	printf("as Linux does (ENOMEM: no free huge page, vm.nr_hugepages)\n");
	return 0;
}
