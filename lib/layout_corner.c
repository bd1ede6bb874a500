/*
 * The corners' mappings (t/cases.tbl, "corners"): a file mapping split by
 * mprotect(), grown in place, mapped at a non-zero offset, longer than its
 * file, or whose file is truncated just before the call; a POSIX shared
 * memory object, a memfd, a System V segment; a hugetlb page and a
 * transparent huge page.  Each is built in a reservation of layout.c and
 * finished there, so its guards, hole, stores and ranges are those of every
 * other mapping.  What the system lacks makes the case skip, with the reason.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>
#if HAVE_SYS_SHM_H && HAVE_SHMAT
#include <sys/ipc.h>
#include <sys/shm.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mh.h"

#define HUGE_DIR "/sys/kernel/mm/transparent_hugepage"

static char whybuf[512];

int
mh_corner_mapping(int mapping)
{
	return mapping >= MH_FILE_SPLIT;
}

/* The first line of a small system file, or "" (and 0) if unreadable. */
static int
read_line(const char *path, char *buf, size_t n)
{
	FILE *f = fopen(path, "r");
	int ok;

	buf[0] = '\0';
	if (f == NULL)
		return 0;
	ok = fgets(buf, (int)n, f) != NULL;
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

/* A file mapping: a file of filepages pages, npages of it mapped at m from
 * page off.  The file is unlinked once mapped; l->fd keeps it. */
static const char *
map_file(struct mh_layout *l, const char *dir, size_t filepages, size_t npages, size_t off)
{
	char path[4096];
	void *got;

	snprintf(l->name, sizeof l->name, "msync-conformance.%ld.dat", (long)getpid());
	snprintf(path, sizeof path, "%s/%s", dir, l->name);
	if ((l->fd = mh_layout_file(path, l->page, filepages, 0)) < 0)
		return mh_layout_why("creating the file under test");
	got = mmap(l->m, npages * l->page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
	    l->fd, (off_t)(off * l->page));
	unlink(path);
	return got == MAP_FAILED ? mh_layout_why("mmap of the file under test") : NULL;
}

/* Pages 0-1 mapped, then grown in place to pages 0-3. */
static const char *
grow(struct mh_layout *l, const char *dir)
{
	size_t p = l->page;
	const char *err;

	if ((err = map_file(l, dir, MH_MAP_PAGES, 2, 0)) != NULL)
		return err;
#if HAVE_MREMAP && HAVE_DECL_MREMAP_MAYMOVE
	/* Linux's mremap(): without MREMAP_MAYMOVE it grows in place or fails. */
	if (munmap(l->m + 2 * p, 2 * p) != 0)
		return mh_layout_why("munmap of the reservation above the mapping");
	if (mremap(l->m, 2 * p, 4 * p, 0) != l->m)
		return mh_layout_why("mremap() growing the mapping in place");
#else
	if (mmap(l->m + 2 * p, 2 * p, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
	    l->fd, (off_t)(2 * p)) == MAP_FAILED)
		return mh_layout_why("mmap(MAP_FIXED) of the next file pages");
#endif
	return NULL;
}

/* A descriptor of size bytes mapped MAP_SHARED at m. */
static const char *
map_fd(struct mh_layout *l, int fd, const char *what)
{
	if (fd < 0) {
		snprintf(whybuf, sizeof whybuf, "%s: %s", what, strerror(errno));
		return whybuf;
	}
	l->fd = fd;
	if (ftruncate(fd, (off_t)(l->npages * l->page)) != 0)
		return mh_layout_why("ftruncate of the shared memory object");
	if (mmap(l->m, l->npages * l->page, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
	    fd, 0) == MAP_FAILED)
		return mh_layout_why("mmap of the shared memory object");
	return NULL;
}

static const char *
shm_posix(struct mh_layout *l)
{
#if HAVE_SHM_OPEN
	char name[64];
	int fd;

	snprintf(name, sizeof name, "/msync-conformance.%ld", (long)getpid());
	fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd >= 0)
		shm_unlink(name);
	return map_fd(l, fd, "shm_open");
#else
	(void)l;
	return "this system has no shm_open()";
#endif
}

static const char *
memfd(struct mh_layout *l)
{
#if HAVE_MEMFD_CREATE && HAVE_DECL_MEMFD_CREATE
	return map_fd(l, memfd_create("msync-conformance", 0), "memfd_create");
#else
	(void)l;
	return "this system has no memfd_create()";
#endif
}

/* A System V segment attached at m (SHMLBA-aligned), removed at once: it
 * goes when the case detaches it or ends. */
static const char *
shm_sysv(struct mh_layout *l, char **r, size_t *span)
{
#if HAVE_SYS_SHM_H && HAVE_SHMAT
	size_t size = l->npages * l->page;
	const char *err;
	void *got;

	if ((err = mh_layout_reserve(l, size, (size_t)SHMLBA, r, span)) != NULL)
		return err;
	if ((l->shmid = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600)) < 0)
		return mh_layout_why("shmget");
	got = munmap(l->m, size) == 0 ? shmat(l->shmid, l->m, 0) : (void *)-1;
	err = got == (void *)-1 ? mh_layout_why("shmat at the mapping's address") : NULL;
	shmctl(l->shmid, IPC_RMID, NULL);
	if (err != NULL)
		l->shmid = -1;
	return err;
#else
	(void)l, (void)r, (void)span;
	return "this system has no System V shared memory (shmat())";
#endif
}

/* One huge page at an H-aligned m: hugetlb needs pages reserved
 * (vm.nr_hugepages), a transparent one only the kernel's consent. */
static const char *
huge(struct mh_layout *l, int hugetlb, char **r, size_t *span)
{
	char line[128], res[64];
	unsigned long long h = 0;
	const char *err;
	void *got;

	if (hugetlb) {
#if HAVE_DECL_MAP_HUGETLB
		FILE *f = fopen("/proc/meminfo", "r");

		while (f != NULL && fgets(line, sizeof line, f) != NULL)
			if (sscanf(line, "Hugepagesize: %llu kB", &h) == 1)
				break;
		if (f != NULL)
			fclose(f);
		h *= 1024;
		if (h == 0)
			return "no huge page size in /proc/meminfo (Hugepagesize): no hugetlb pages";
#else
		return "this system has no MAP_HUGETLB";
#endif
	} else {
#if HAVE_DECL_MADV_HUGEPAGE
		if (!read_line(HUGE_DIR "/hpage_pmd_size", line, sizeof line) ||
		    sscanf(line, "%llu", &h) != 1 || h == 0)
			return "no transparent huge pages (" HUGE_DIR "/hpage_pmd_size unreadable)";
		if (read_line(HUGE_DIR "/enabled", line, sizeof line) && strstr(line, "[never]") != NULL) {
			snprintf(whybuf, sizeof whybuf, "transparent huge pages are disabled ("
			    HUGE_DIR "/enabled: %s)", line);
			return whybuf;
		}
#else
		return "this system has no MADV_HUGEPAGE";
#endif
	}
	if (h % l->page != 0 || h / l->page > 1u << 20)
		return "the huge page size is no multiple of the page size";
	l->npages = l->eof = (size_t)(h / l->page);
	if ((err = mh_layout_reserve(l, (size_t)h, (size_t)h, r, span)) != NULL)
		return err;
#if HAVE_DECL_MAP_HUGETLB
	if (hugetlb) {
		got = mmap(l->m, (size_t)h, PROT_READ | PROT_WRITE,
		    MAP_SHARED | MAP_ANONYMOUS | MAP_HUGETLB | MAP_FIXED, -1, 0);
		if (got == MAP_FAILED) {
			int e = errno;

			if (!read_line("/proc/sys/vm/nr_hugepages", res, sizeof res))
				snprintf(res, sizeof res, "unknown");
			snprintf(whybuf, sizeof whybuf, "no free huge page of %llu kB (vm.nr_hugepages is %s): "
			    "mmap(MAP_HUGETLB): %s", h / 1024, res, strerror(e));
			return whybuf;
		}
		return NULL;
	}
#endif
#if HAVE_DECL_MADV_HUGEPAGE
	got = mmap(l->m, (size_t)h, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	if (got == MAP_FAILED)
		return mh_layout_why("mmap of the huge page's region");
	if (madvise(l->m, (size_t)h, MADV_HUGEPAGE) != 0)
		return mh_layout_why("madvise(MADV_HUGEPAGE)");
#endif
	(void)got, (void)res;
	return NULL;
}

const char *
mh_corner_build(const struct mh_case *c, const char *dir, struct mh_layout *l)
{
	size_t p = l->page, span = 0;
	const char *err = NULL;
	char *r = NULL;

	l->writable = 1;
	/* The huge pages and the System V segment reserve with their own
	 * alignment; the rest as every mapping does. */
	if (c->mapping != MH_HUGETLB && c->mapping != MH_THP && c->mapping != MH_SYSV_SHM &&
	    (err = mh_layout_reserve(l, MH_MAP_PAGES * p, p, &r, &span)) != NULL)
		return err;
	switch (c->mapping) {
	case MH_FILE_SPLIT:
		l->reshape = MH_RESHAPE_SPLIT;
		err = map_file(l, dir, MH_MAP_PAGES, MH_MAP_PAGES, 0);
		break;
	case MH_FILE_GROWN:  err = grow(l, dir); break;
	case MH_FILE_OFFSET:
		l->off = 2;
		err = map_file(l, dir, MH_MAP_PAGES + 2, MH_MAP_PAGES, l->off);
		break;
	case MH_FILE_SHORT:
		l->eof = 2;
		err = map_file(l, dir, 2, MH_MAP_PAGES, 0);
		break;
	case MH_FILE_TRUNC:
		l->reshape = MH_RESHAPE_TRUNCATE;
		err = map_file(l, dir, MH_MAP_PAGES, MH_MAP_PAGES, 0);
		break;
	case MH_SHM_OPEN:    err = shm_posix(l); break;
	case MH_MEMFD:       err = memfd(l); break;
	case MH_SYSV_SHM:    err = shm_sysv(l, &r, &span); break;
	case MH_HUGETLB:     err = huge(l, 1, &r, &span); break;
	case MH_THP:         err = huge(l, 0, &r, &span); break;
	default:             err = "no such corner mapping"; break;
	}
	return err != NULL ? err : mh_layout_finish(c, l, r, span);
}

/* After the stores and the locks, just before the call. */
const char *
mh_corner_reshape(struct mh_layout *l)
{
	size_t p = l->page;

	switch (l->reshape) {
	case MH_RESHAPE_SPLIT:
		/* [rw][r][rw][r]: four map entries of one mmap(). */
		if (mprotect(l->m + p, p, PROT_READ) != 0 || mprotect(l->m + 3 * p, p, PROT_READ) != 0)
			return mh_layout_why("mprotect(PROT_READ) splitting the mapping");
		break;
	case MH_RESHAPE_TRUNCATE:
		if (ftruncate(l->fd, (off_t)(2 * p)) != 0)
			return mh_layout_why("ftruncate to 2 pages after the stores");
		l->eof = 2;
		break;
	}
	return NULL;
}

void
mh_corner_free(struct mh_layout *l)
{
#if HAVE_SYS_SHM_H && HAVE_SHMAT
	if (l->shmid >= 0 && l->m != NULL)
		shmdt(l->m);
#endif
	l->shmid = -1;
	l->m = NULL;
}
