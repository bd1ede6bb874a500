/*
 * A store through a MAP_SHARED mapping of a tmpfs file: Linux stamps the
 * file's st_mtime and st_ctime at the write fault (mm/memory.c: a shared
 * write fault on a VMA without ->page_mkwrite, as shmem's, ends in
 * fault_dirty_shared_page(): if (!page_mkwrite) file_update_time(vma->vm_file);
 * in Linux 4.4 the same test sits in do_shared_fault() and wp_page_reuse()),
 * so after utimensat() and a first store, st_mtime has left the stamp.
 * gVisor release-20221219.0 never stamps a tmpfs file for stores through a
 * mapping: pkg/sentry/fsimpl/tmpfs/regular_file.go, regularFile.Translate()
 * hands out the file's pages with Perms: hostarch.AnyAccess whatever the
 * access, and touchCMtimeLocked() is called on the write(2) path only
 * (regularFileFD.pwrite); nothing in pkg/sentry/mm touches times either.
 * msync(MS_SYNC) does not stamp it on either system.
 *
 * The file is made in DIR (default /tmp; in `runsc do` that is the
 * sandbox's overlay, whose upper layer is gVisor's tmpfs) and again as a
 * memfd (tmpfs on both systems).
 *
 * Build and run: cc -o r gvisor-tmpfs-mmap-mtime.c && ./r [DIR]
 *                runsc --rootless --network=none do ./r
 * Exit status 0 when st_mtime moves for both files, as on Linux.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* 1 when a first store through the mapping moved st_mtime off the stamp. */
static int
check(int fd, const char *what)
{
	long page = sysconf(_SC_PAGESIZE);
	char *buf = calloc(1, (size_t)page), *m;
	struct timespec back[2], pause = { 0, 50000000L };
	struct stat st;
	int moved;

	if (buf == NULL || pwrite(fd, buf, (size_t)page, 0) != page) {
		perror("pwrite");
		exit(2);
	}
	m = mmap(NULL, (size_t)page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED) {
		perror("mmap");
		exit(2);
	}
	clock_gettime(CLOCK_REALTIME, &back[0]);
	back[0].tv_sec -= 3600;
	back[0].tv_nsec = 0;
	back[1] = back[0];
	if (futimens(fd, back) != 0) {
		perror("futimens");
		exit(2);
	}
	nanosleep(&pause, NULL);
	m[7] = 'y';	/* the first store to the page: a write fault */
	if (fstat(fd, &st) != 0) {
		perror("fstat");
		exit(2);
	}
	moved = st.st_mtim.tv_sec != back[0].tv_sec || st.st_mtim.tv_nsec != 0;
	printf("%s: after utimensat(now - 1 h) and a store through MAP_SHARED, "
	    "st_mtime %s; Linux: moved to the time of the store\n", what,
	    moved ? "moved" : "kept the utimensat() stamp");
	msync(m, (size_t)page, MS_SYNC);
	fstat(fd, &st);
	printf("%s: after msync(MS_SYNC): st_mtime %s\n", what,
	    st.st_mtim.tv_sec != back[0].tv_sec || st.st_mtim.tv_nsec != 0 ?
	    "moved" : "kept the utimensat() stamp");
	munmap(m, (size_t)page);
	free(buf);
	return moved;
}

int
main(int argc, char **argv)
{
	char path[4096];
	int fd, ok;

	snprintf(path, sizeof path, "%s/mtime-mmap-XXXXXX", argc > 1 ? argv[1] : "/tmp");
	if ((fd = mkstemp(path)) < 0) {
		perror(path);
		return 2;
	}
	unlink(path);
	ok = check(fd, "a file in the directory");
	close(fd);
	if ((fd = memfd_create("mtime-mmap", 0)) < 0) {
		perror("memfd_create");
		return 2;
	}
	ok &= check(fd, "a memfd");
	close(fd);
	printf("%s\n", ok ? "behaves as Linux" : "DEVIATES from Linux");
	return !ok;
}
