/*
 * An msync() that misbehaves on purpose, linked into a copy of the suite's
 * programs (t/self/msync_cases_shim) ahead of the C library's, chosen by
 * MSYNC_SHIM:
 *
 *   containment  MS_SYNC|MS_INVALIDATE hangs, MS_ASYNC|MS_INVALIDATE raises
 *                SIGSEGV, MS_INVALIDATE returns 7; MSYNC_SHIM_CRASH_MLOCK
 *                also makes mlock() raise SIGBUS (a crash outside the call)
 *   skip         returns 0 and writes nothing back
 *   firstpage    syncs only the first page of the range
 *   private      also writes a MAP_PRIVATE range's modified bytes into the
 *                file behind it (through /proc/self/map_files)
 *
 * Anything else, or no MSYNC_SHIM: the real msync().
 */
#define _GNU_SOURCE
#include <sys/types.h>
#include <sys/mman.h>

#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int (*real_msync)(void *, size_t, int);

static int
mode(const char *m)
{
	const char *v = getenv("MSYNC_SHIM");

	return v != NULL && strcmp(v, m) == 0;
}

/* Writes [addr, addr+len) of a private file mapping to its file. */
static void
leak_private(void *addr, size_t len)
{
	unsigned long lo, hi, off;
	char line[512], perms[8], path[128];
	FILE *maps = fopen("/proc/self/maps", "r");

	if (maps == NULL)
		return;
	while (fgets(line, sizeof line, maps) != NULL) {
		if (sscanf(line, "%lx-%lx %7s %lx", &lo, &hi, perms, &off) != 4 || perms[3] != 'p')
			continue;
		if ((unsigned long)addr < lo || (unsigned long)addr >= hi)
			continue;
		snprintf(path, sizeof path, "/proc/self/map_files/%lx-%lx", lo, hi);
		int fd = open(path, O_WRONLY);
		if (fd >= 0) {
			size_t n = len < hi - (unsigned long)addr ? len : hi - (unsigned long)addr;
			(void)!pwrite(fd, addr, n, (off_t)(off + ((unsigned long)addr - lo)));
			close(fd);
		}
	}
	fclose(maps);
}

int
msync(void *addr, size_t len, int flags)
{
	if (real_msync == NULL)
		*(void **)&real_msync = dlsym(RTLD_NEXT, "msync");
	if (mode("containment")) {
		if (flags == (MS_SYNC | MS_INVALIDATE))
			for (;;)
				pause();
		if (flags == (MS_ASYNC | MS_INVALIDATE))
			raise(SIGSEGV);
		if (flags == MS_INVALIDATE)
			return 7;
	}
	if (mode("skip"))
		return 0;
	if (mode("firstpage")) {
		size_t page = (size_t)sysconf(_SC_PAGESIZE);
		return real_msync(addr, len < page ? len : page, flags);
	}
	if (mode("private"))
		leak_private(addr, len);
	return real_msync(addr, len, flags);
}

int
mlock(const void *addr, size_t len)
{
	static int (*real)(const void *, size_t);

	if (mode("containment") && getenv("MSYNC_SHIM_CRASH_MLOCK") != NULL)
		raise(SIGBUS);
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "mlock");
	return real(addr, len);
}
