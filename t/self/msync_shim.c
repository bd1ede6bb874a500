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
 *   privflush    also writes back the file behind a MAP_PRIVATE range
 *                (fdatasync), as FreeBSD and NetBSD sync a private entry's
 *                file: the MAP_SHARED mapping's dirty pages with it
 *   invaldiscard MS_INVALIDATE also discards the modified pages of every
 *                MAP_PRIVATE mapping of the case's file ("all cached copies")
 *   privsnap     mmap(MAP_PRIVATE) of a file copies each page at once: the
 *                mapping never shows later stores to the file
 *
 *   asyncsync    MS_ASYNC is done as MS_SYNC, as OpenBSD does
 *   invalfresh   MS_INVALIDATE also drops every cached page of the case's
 *                file, so that both mappings read storage again (NetBSD's
 *                PGO_FREE; the SVR4 and AIX manuals)
 *
 * Anything else, or no MSYNC_SHIM: the real msync().
 */
/* config.h first, as in the harness: with large-file support on a 32-bit
 * system <sys/mman.h> then names mmap64 where the harness says mmap, and so
 * names the interposer below. */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/stat.h>

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

/* Calls fn for each mapping of the case's file (layout.c names it
 * msync-conformance.PID.dat; the control files beside it are not the
 * case's), MAP_PRIVATE ('p') or MAP_SHARED ('s') as kinds
 * says, that meets [addr, addr+len), or every one if addr is NULL, with a
 * descriptor of the file open (/proc/self/map_files). */
static void
each_mapping(const char *kinds, void *addr, size_t len, int mode,
    void (*fn)(int fd, unsigned long lo, unsigned long hi, unsigned long off, void *addr, size_t len))
{
	unsigned long lo, hi, off, a = (unsigned long)addr;
	char line[512], perms[8], path[128];
	FILE *maps = fopen("/proc/self/maps", "r");

	if (maps == NULL)
		return;
	while (fgets(line, sizeof line, maps) != NULL) {
		if (sscanf(line, "%lx-%lx %7s %lx", &lo, &hi, perms, &off) != 4 ||
		    strchr(kinds, perms[3]) == NULL ||
		    strstr(line, "/msync-conformance.") == NULL || strstr(line, ".dat") == NULL)
			continue;
		if (addr != NULL && (a + len <= lo || a >= hi))
			continue;
		snprintf(path, sizeof path, "/proc/self/map_files/%lx-%lx", lo, hi);
		int fd = open(path, mode);
		if (fd >= 0) {
			fn(fd, lo, hi, off, addr, len);
			close(fd);
		}
	}
	fclose(maps);
}

/* Writes the range's part of a private mapping to its file. */
static void
leak(int fd, unsigned long lo, unsigned long hi, unsigned long off, void *addr, size_t len)
{
	unsigned long a = (unsigned long)addr < lo ? lo : (unsigned long)addr;
	unsigned long e = (unsigned long)addr + len > hi ? hi : (unsigned long)addr + len;
	size_t n = e - a;

	(void)!pwrite(fd, (void *)a, n, (off_t)(off + (a - lo)));
}

static void
flush(int fd, unsigned long lo, unsigned long hi, unsigned long off, void *addr, size_t len)
{
	(void)lo, (void)hi, (void)off, (void)addr, (void)len;
	(void)fdatasync(fd);
}

/* The mappings of the case's file, gathered by keep(), for refetch(). */
static struct kept {
	int fd, shared;
	unsigned long lo, hi, off;
} kept[8];
static int nkept, keeping_shared;

static void
keep(int fd, unsigned long lo, unsigned long hi, unsigned long off, void *addr, size_t len)
{
	(void)addr, (void)len;
	if (nkept < 8 && (kept[nkept].fd = dup(fd)) >= 0) {
		kept[nkept].shared = keeping_shared;
		kept[nkept].lo = lo;
		kept[nkept].hi = hi;
		kept[nkept].off = off;
		nkept++;
	}
}

/* Writes the file back, unmaps every mapping of it, drops its cached pages
 * and maps them all anew: each page is read again from storage (shared and
 * unmodified private pages alike; modified private pages are lost too). */
static void
refetch(void)
{
	nkept = 0;
	keeping_shared = 1;
	each_mapping("s", NULL, 0, O_RDWR, keep);
	keeping_shared = 0;
	each_mapping("p", NULL, 0, O_RDONLY, keep);
	for (int i = 0; i < nkept; i++) {
		(void)fdatasync(kept[i].fd);
		(void)munmap((void *)kept[i].lo, kept[i].hi - kept[i].lo);
	}
	for (int i = 0; i < nkept; i++)
		(void)posix_fadvise(kept[i].fd, 0, 0, POSIX_FADV_DONTNEED);
	for (int i = 0; i < nkept; i++) {
		(void)mmap((void *)kept[i].lo, kept[i].hi - kept[i].lo, PROT_READ | PROT_WRITE,
		    (kept[i].shared ? MAP_SHARED : MAP_PRIVATE) | MAP_FIXED, kept[i].fd,
		    (off_t)kept[i].off);
		close(kept[i].fd);
	}
}

/* Maps the file anew over a private mapping: its modified pages are gone. */
static void
discard(int fd, unsigned long lo, unsigned long hi, unsigned long off, void *addr, size_t len)
{
	(void)addr, (void)len;
	(void)mmap((void *)lo, hi - lo, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, fd, (off_t)off);
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
	if (mode("asyncsync") && (flags & MS_ASYNC))
		flags = (flags & ~MS_ASYNC) | MS_SYNC;
	if (mode("firstpage")) {
		size_t page = (size_t)sysconf(_SC_PAGESIZE);
		return real_msync(addr, len < page ? len : page, flags);
	}
	if (mode("private"))
		each_mapping("p", addr, len, O_WRONLY, leak);
	if (mode("privflush"))
		each_mapping("p", addr, len, O_RDONLY, flush);
	if (mode("invalfresh") && (flags & MS_INVALIDATE)) {
		int r = real_msync(addr, len, flags);

		refetch();
		return r;
	}
	if (mode("invaldiscard") && (flags & MS_INVALIDATE))
		each_mapping("p", NULL, 0, O_RDONLY, discard);
	return real_msync(addr, len, flags);
}

void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	static void *(*real)(void *, size_t, int, int, int, off_t);
	struct stat st;
	void *p;

	if (real == NULL)	/* the C library's entry of this off_t's width */
		*(void **)&real = dlsym(RTLD_NEXT,
		    sizeof(off_t) > sizeof(long) ? "mmap64" : "mmap");
	p = real(addr, len, prot, flags, fd, off);
	/* A write to each page of the file copies it into the mapping. */
	if (mode("privsnap") && p != MAP_FAILED && fd >= 0 && (flags & MAP_PRIVATE) &&
	    (prot & PROT_WRITE) && fstat(fd, &st) == 0)
		for (off_t i = 0; i < (off_t)len && off + i < st.st_size; i += sysconf(_SC_PAGESIZE)) {
			volatile char *c = (char *)p + i;
			*c = *c;
		}
	return p;
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
