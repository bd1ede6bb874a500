/*
 * A hole left by munmap() in a 32-bit guest: Linux reports the unmapped
 * page (mm/msync.c: "If the interval [start,end) covers some unmapped
 * address ranges, just ignore them, but return -ENOMEM at the end").
 * qemu-i386 7.2 reserves the guest's whole 4 GiB at start
 * (linux-user/main.c: reserved_va = max_reserved_va & qemu_host_page_mask)
 * and its munmap() maps the range again PROT_NONE instead of unmapping it
 * (linux-user/mmap.c, target_munmap() -> mmap_reserve()); msync() goes
 * to the host as it is (linux-user/syscall.c, TARGET_NR_msync), whose
 * kernel finds that mapping in the hole and returns 0.
 *
 * Build and run: cc -o r qemu-i386-munmap-reserve.c && ./r
 *                gcc -m32 -idirafter /usr/include/x86_64-linux-gnu -static \
 *                    -o r32 qemu-i386-munmap-reserve.c && qemu-i386 ./r32
 * Exit status 0 when every call returns what Linux returns.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int bad;

static void
expect_enomem(const char *what, int r)
{
	int e = errno;

	printf("%s = %d%s%s; Linux: -1 ENOMEM (unmapped page in the range)\n",
	    what, r, r ? " " : "", r ? (e == ENOMEM ? "ENOMEM" : strerror(e)) :
	    "");
	bad |= !(r == -1 && e == ENOMEM);
}

int
main(void)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (m == MAP_FAILED || munmap(m + page, page) != 0) {
		perror("mmap/munmap");
		return 2;
	}
	/* Pages 0 and 2 mapped, page 1 a hole. */
	expect_enomem("msync(3 pages, middle one unmapped, MS_SYNC)",
	    msync(m, 3 * page, MS_SYNC));
	expect_enomem("msync(3 pages, middle one unmapped, MS_ASYNC)",
	    msync(m, 3 * page, MS_ASYNC));
	expect_enomem("msync(the unmapped page, MS_SYNC)",
	    msync(m + page, page, MS_SYNC));
	printf("%s\n", bad ? "DEVIATES from Linux" : "behaves as Linux");
	return bad;
}
