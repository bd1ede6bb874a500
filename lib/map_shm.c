/*
 * The corners' shared memory objects, each MAP_SHARED over MH_MAP_PAGES
 * pages: a POSIX shared memory object and a memfd (both unnamed at once,
 * so nothing outlives the case), and a System V segment attached at m and
 * removed at once (it goes when the case detaches it or ends).  Where the
 * system has no such object, the case skips.
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
#include <stdio.h>
#include <unistd.h>

#include "mapkind.h"

/* The object of fd, sized and mapped at m. */
static void
map_object(const struct mh_case *c, struct mh_layout *l, struct mh_run *run)
{
	if (ftruncate(l->fd, (off_t)(l->npages * l->page)) != 0)
		mh_broken_errno(run, "ftruncate of the shared memory object");
	mh_layout_map(l, 0, l->npages, PROT_READ | PROT_WRITE, MAP_SHARED, l->fd, 0,
	    "mmap of the shared memory object", run);
	mh_layout_finish(c, l, run);
}

static void
build_shmopen(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
#if HAVE_SHM_OPEN
	char name[64];

	(void)k, (void)dir;
	mh_layout_reserve(l, MH_MAP_PAGES * l->page, l->page, run);
	snprintf(name, sizeof name, "/msync-conformance.%ld", (long)getpid());
	if ((l->fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600)) < 0) {
		/* glibc keeps the objects in /dev/shm, a tmpfs the system mounts. */
		if (errno == ENOSYS || errno == ENOENT)
			mh_skip_errno(run, "no POSIX shared memory here (shm_open)");
		mh_broken_errno(run, "shm_open");
	}
	if (shm_unlink(name) != 0)
		mh_broken_errno(run, "shm_unlink");
	map_object(c, l, run);
#else
	(void)c, (void)k, (void)dir, (void)l;
	mh_skip(run, "this system has no shm_open()");
#endif
}

static void
build_memfd(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
#if HAVE_MEMFD_CREATE && HAVE_DECL_MEMFD_CREATE
	(void)k, (void)dir;
	mh_layout_reserve(l, MH_MAP_PAGES * l->page, l->page, run);
	if ((l->fd = memfd_create("msync-conformance", 0)) < 0) {
		if (errno == ENOSYS)
			mh_skip_errno(run, "no memfd here (memfd_create)");
		mh_broken_errno(run, "memfd_create");
	}
	map_object(c, l, run);
#else
	(void)c, (void)k, (void)dir, (void)l;
	mh_skip(run, "this system has no memfd_create()");
#endif
}

/* SHMLBA-aligned: shmat() wants it. */
static void
build_sysv(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
#if HAVE_SYS_SHM_H && HAVE_SHMAT
	size_t size = l->npages * l->page;
	void *got;

	(void)k, (void)dir;
	mh_layout_reserve(l, size, (size_t)SHMLBA, run);
	if ((l->shmid = shmget(IPC_PRIVATE, size, IPC_CREAT | 0600)) < 0) {
		if (errno == ENOSYS)
			mh_skip_errno(run, "no System V shared memory here (shmget)");
		/* kernel.shmmax, shmall, shmmni: the system's limits. */
		if (errno == EINVAL || errno == ENOSPC || errno == ENOMEM)
			mh_skip(run, "the System V shared memory limits refuse a segment of "
			    "%zu bytes (shmget: %s)", size, mh_errno_now());
		mh_broken_errno(run, "shmget");
	}
	if (munmap(l->m, size) != 0) {
		int e = errno;

		(void)shmctl(l->shmid, IPC_RMID, NULL);
		errno = e;
		mh_broken_errno(run, "munmap of the segment's place in the reservation");
	}
	got = shmat(l->shmid, l->m, 0);
	if (got == (void *)-1) {
		int e = errno;

		(void)shmctl(l->shmid, IPC_RMID, NULL);
		l->shmid = -1;
		errno = e;
		/* qemu-i386 keeps the guest's freed pages reserved in the host,
		 * where shmat() without SHM_REMAP refuses: this target's limit. */
		if (e == EINVAL)
			mh_skip_errno(run, "shmat at the mapping's address");
		mh_broken_errno(run, "shmat at the mapping's address");
	}
	if (shmctl(l->shmid, IPC_RMID, NULL) != 0)
		mh_broken_errno(run, "shmctl(IPC_RMID)");
	mh_layout_finish(c, l, run);
#else
	(void)c, (void)k, (void)dir, (void)l;
	mh_skip(run, "this system has no System V shared memory (shmat())");
#endif
}

static void
release_sysv(struct mh_layout *l, struct mh_run *run)
{
#if HAVE_SYS_SHM_H && HAVE_SHMAT
	if (l->shmid >= 0 && l->m != NULL && shmdt(l->m) != 0)
		mh_cleanup_errno(run, "shmdt of the System V segment");
#else
	(void)run;
#endif
	l->shmid = -1;
	l->m = NULL;
}

/* The builders the table's build lines name (t/builders.c). */
const struct mh_builder mh_builder_shmopen = { build_shmopen, NULL, NULL };
const struct mh_builder mh_builder_memfd = { build_memfd, NULL, NULL };
const struct mh_builder mh_builder_sysv = { build_sysv, NULL, release_sysv };
