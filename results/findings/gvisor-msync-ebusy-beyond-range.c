/*
 * msync() with MS_INVALIDATE over a range that is wholly unmapped, just
 * below a locked mapping: Linux returns ENOMEM, since the first mapping
 * above the range starts at or after its end and is never looked at
 * (mm/msync.c: if (start < vma->vm_start) { ... start = vma->vm_start;
 * if (start >= end) goto out_unlock; } with error = -ENOMEM, before the
 * VM_LOCKED test).  gVisor release-20221219.0 returns EBUSY: it tests the
 * lock of the first mapping above the range without checking that it lies
 * in the range (pkg/sentry/mm/syscalls.go, MemoryManager.MSync:
 * vseg := mm.vmas.LowerBoundSegment(ar.Start) ... if opts.Invalidate &&
 * vma.mlockMode != memmap.MLockNone { ... return linuxerr.EBUSY }).
 *
 * Build and run: cc -o r gvisor-msync-ebusy-beyond-range.c && ./r
 *                runsc --rootless --network=none do ./r
 * Exit status 0 when every call returns what Linux returns.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static const char *
name(int e)
{
	return e == ENOMEM ? "ENOMEM" : e == EBUSY ? "EBUSY" : strerror(e);
}

int
main(void)
{
	static const struct { int flags; const char *name; } f[] = {
		{ MS_INVALIDATE, "MS_INVALIDATE" },
		{ MS_SYNC | MS_INVALIDATE, "MS_SYNC|MS_INVALIDATE" },
		{ MS_ASYNC | MS_INVALIDATE, "MS_ASYNC|MS_INVALIDATE" },
	};
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char *m = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int bad = 0;

	if (m == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	/* page 0: a hole; page 1: the mapping above it, locked */
	if (munmap(m, page) != 0 || mlock(m + page, page) != 0) {
		perror("munmap/mlock");
		return 2;
	}
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		int r = msync(m, page, f[i].flags), e = errno;

		printf("msync(unmapped page below a locked page, one page, %s) = "
		    "%d%s%s; Linux: -1 ENOMEM (nothing of the range is mapped; "
		    "the locked page is outside it)\n", f[i].name, r,
		    r ? " " : "", r ? name(e) : "");
		bad |= !(r == -1 && e == ENOMEM);
	}
	printf("%s\n", bad ? "DEVIATES from Linux" : "behaves as Linux");
	return bad;
}
