/*
 * msync() at an address half a page into a mapping: not page-aligned, so
 * Linux returns EINVAL (mm/msync.c: if (offset_in_page(start)) goto out;
 * with error = -EINVAL), whatever the page size.  qemu-sparc64 7.2
 * emulates 8 KiB pages (target/sparc/cpu-param.h: TARGET_PAGE_BITS 13) on
 * a host with 4 KiB pages and passes msync() to the host as it is
 * (linux-user/syscall.c, TARGET_NR_msync: msync(g2h(cpu, arg1), arg2,
 * arg3)), without checking the address against the guest's page: the host
 * kernel sees an address aligned to its own page and returns 0.
 *
 * Build and run: cc -o r qemu-sparc64-msync-hostpage.c && ./r
 *                sparc64-linux-gnu-gcc -static -o rs \
 *                    qemu-sparc64-msync-hostpage.c && qemu-sparc64 ./rs
 * Exit status 0 when every call returns what Linux returns.
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
	static const struct { int flags; const char *name; } f[] = {
		{ MS_SYNC, "MS_SYNC" }, { MS_ASYNC, "MS_ASYNC" },
		{ MS_INVALIDATE, "MS_INVALIDATE" }, { 0, "0" },
	};
	long page = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 2 * (size_t)page, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int bad = 0;

	if (m == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		int r = msync(m + page / 2, (size_t)page, f[i].flags), e = errno;

		printf("page %ld: msync(mapping + %ld, %ld, %s) = %d%s%s; "
		    "Linux: -1 EINVAL (address not page-aligned)\n", page,
		    page / 2, page, f[i].name, r, r ? " " : "",
		    r ? (e == EINVAL ? "EINVAL" : strerror(e)) : "");
		bad |= !(r == -1 && e == EINVAL);
	}
	printf("%s\n", bad ? "DEVIATES from Linux" : "behaves as Linux");
	return bad;
}
