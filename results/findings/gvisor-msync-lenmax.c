/*
 * msync() with len (size_t)-1: Linux rounds len up to a multiple of the
 * page size, which wraps to 0, and returns 0 before looking at any
 * mapping (mm/msync.c: len = (len + ~PAGE_MASK) & PAGE_MASK; ... error = 0;
 * if (end == start) goto out;).  gVisor release-20221219.0 returns ENOMEM
 * (pkg/sentry/mm/syscalls.go, MemoryManager.MSync: la, ok :=
 * hostarch.Addr(length).RoundUp(); if !ok { return linuxerr.ENOMEM }).
 *
 * Build and run: cc -o r gvisor-msync-lenmax.c && ./r
 *                runsc --rootless --network=none do ./r
 * Exit status 0 when every call returns what Linux returns.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static const char *
name(int e)
{
	return e == ENOMEM ? "ENOMEM" : strerror(e);
}

int
main(void)
{
	static const struct { int flags; const char *name; } f[] = {
		{ MS_SYNC, "MS_SYNC" }, { MS_ASYNC, "MS_ASYNC" },
		{ MS_INVALIDATE, "MS_INVALIDATE" }, { 0, "0" },
	};
	long page = sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int bad = 0;

	if (m == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	m[0] = 1;
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		int r = msync(m, SIZE_MAX, f[i].flags), e = errno;

		printf("msync(mapped page, (size_t)-1, %s) = %d%s%s; Linux: 0 "
		    "(len rounds up to 0)\n", f[i].name, r, r ? " " : "",
		    r ? name(e) : "");
		bad |= r != 0;
	}
	printf("%s\n", bad ? "DEVIATES from Linux" : "behaves as Linux");
	return bad;
}
