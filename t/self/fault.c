/*
 * Fault injection for the self-test t/self/fault_test: every call the
 * harness makes around the measured one (setup, the witness session, the
 * observer, the cleanup), failed in turn, must end the case skipped or
 * broken, naming the call, and never with an outcome.
 *
 * This file is linked into t/self/msync_cases_fault only, with
 * -Wl,--wrap=NAME for each NAME below: the linker sends the harness's and
 * the witness client's calls of NAME to __wrap_NAME here, and the
 * C library's own calls and ATF's stay untouched.  The production
 * programs are built without it.
 *
 * MSYNC_FAULT (unset: every call goes through):
 *   count        each call is appended to the file MSYNC_FAULT_LOG as
 *                "call NAME SITE" (SITE: the calling instruction's offset
 *                from mh_main, the same in every run of the program)
 *   NAME:SITE    the first call of NAME from SITE, in each process that
 *                makes one, fails (errno as below), and "fired NAME SITE"
 *                is appended to MSYNC_FAULT_LOG
 * The witness session's calls (wit_log_read, ...) fail as a session that
 * drops does: the daemon is killed first, then the call made.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#if HAVE_SYS_SHM_H && HAVE_SHMAT
#include <sys/ipc.h>
#include <sys/shm.h>
#endif

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mh.h"
#include "witness.h"

#define SITE() ((uintptr_t)__builtin_return_address(0) - (uintptr_t)mh_main)

/* A 32-bit glibc build with large files calls open64, pwrite64,
 * ftruncate64 and mmap64 where the source says open, pwrite, ftruncate
 * and mmap: those are the names to wrap there (t/self/local.am wraps
 * both). */
#if defined(__GLIBC__) && defined(_FILE_OFFSET_BITS) && _FILE_OFFSET_BITS == 64 && \
    !defined(__LP64__)
#define wrap_open __wrap_open64
#define real_open __real_open64
#define wrap_pwrite __wrap_pwrite64
#define real_pwrite __real_pwrite64
#define wrap_ftruncate __wrap_ftruncate64
#define real_ftruncate __real_ftruncate64
#define wrap_mmap __wrap_mmap64
#define real_mmap __real_mmap64
#else
#define wrap_open __wrap_open
#define real_open __real_open
#define wrap_pwrite __wrap_pwrite
#define real_pwrite __real_pwrite
#define wrap_ftruncate __wrap_ftruncate
#define real_ftruncate __real_ftruncate
#define wrap_mmap __wrap_mmap
#define real_mmap __real_mmap
#endif

int real_open(const char *, int, ...);
ssize_t __real_write(int, const void *, size_t);

/* Whether this call of name from site fails; logs it either way. */
static int
inject(const char *name, uintptr_t site)
{
	static int fired;
	const char *mode = getenv("MSYNC_FAULT"), *logpath = getenv("MSYNC_FAULT_LOG");
	char want[128], line[192];
	int fire = 0, fd, saved = errno;

	if (mode == NULL || logpath == NULL)
		return 0;
	snprintf(want, sizeof want, "%s:%#lx", name, (unsigned long)site);
	if (strcmp(mode, "count") == 0)
		snprintf(line, sizeof line, "call %s %#lx\n", name, (unsigned long)site);
	else if (!fired && strcmp(mode, want) == 0) {
		fire = fired = 1;
		snprintf(line, sizeof line, "fired %s %#lx\n", name, (unsigned long)site);
	} else
		return 0;
	if ((fd = real_open(logpath, O_WRONLY | O_APPEND | O_CREAT, 0644)) >= 0) {
		(void)__real_write(fd, line, strlen(line));
		close(fd);
	}
	errno = saved;
	return fire;
}

#define FAIL(name, e, ret) do {					\
	if (inject(name, SITE())) {				\
		errno = (e);					\
		return (ret);					\
	}							\
} while (0)

int wrap_open(const char *, int, ...);
int
wrap_open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	va_list ap;

	if (flags & O_CREAT) {
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	FAIL("open", EACCES, -1);
	return real_open(path, flags, mode);
}

ssize_t real_pwrite(int, const void *, size_t, off_t);
ssize_t wrap_pwrite(int, const void *, size_t, off_t);
ssize_t
wrap_pwrite(int fd, const void *buf, size_t n, off_t off)
{
	FAIL("pwrite", EIO, -1);
	return real_pwrite(fd, buf, n, off);
}

ssize_t
__wrap_write(int fd, const void *buf, size_t n)
{
	FAIL("write", EIO, -1);
	return __real_write(fd, buf, n);
}

int real_ftruncate(int, off_t);
int wrap_ftruncate(int, off_t);
int
wrap_ftruncate(int fd, off_t len)
{
	FAIL("ftruncate", EIO, -1);
	return real_ftruncate(fd, len);
}

int __real_fsync(int);
int
__wrap_fsync(int fd)
{
	FAIL("fsync", EIO, -1);
	return __real_fsync(fd);
}

void *real_mmap(void *, size_t, int, int, int, off_t);
void *wrap_mmap(void *, size_t, int, int, int, off_t);
void *
wrap_mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	FAIL("mmap", ENOMEM, MAP_FAILED);
	return real_mmap(addr, len, prot, flags, fd, off);
}

int __real_munmap(void *, size_t);
int
__wrap_munmap(void *addr, size_t len)
{
	FAIL("munmap", EINVAL, -1);
	return __real_munmap(addr, len);
}

int __real_mprotect(void *, size_t, int);
int
__wrap_mprotect(void *addr, size_t len, int prot)
{
	FAIL("mprotect", ENOMEM, -1);
	return __real_mprotect(addr, len, prot);
}

#if HAVE_MREMAP && HAVE_DECL_MREMAP_MAYMOVE
void *__real_mremap(void *, size_t, size_t, int, ...);
void *
__wrap_mremap(void *addr, size_t old, size_t len, int flags, ...)
{
	FAIL("mremap", ENOMEM, MAP_FAILED);
	return __real_mremap(addr, old, len, flags);
}
#endif

int __real_mlock(const void *, size_t);
int
__wrap_mlock(const void *addr, size_t len)
{
	FAIL("mlock", ENOMEM, -1);
	return __real_mlock(addr, len);
}

int __real_mlockall(int);
int
__wrap_mlockall(int flags)
{
	FAIL("mlockall", ENOMEM, -1);
	return __real_mlockall(flags);
}

int __real_madvise(void *, size_t, int);
int
__wrap_madvise(void *addr, size_t len, int advice)
{
	FAIL("madvise", EINVAL, -1);
	return __real_madvise(addr, len, advice);
}

#if HAVE_SHM_OPEN
int __real_shm_open(const char *, int, mode_t);
int
__wrap_shm_open(const char *name, int flags, mode_t mode)
{
	FAIL("shm_open", EACCES, -1);
	return __real_shm_open(name, flags, mode);
}
#endif

#if HAVE_MEMFD_CREATE && HAVE_DECL_MEMFD_CREATE
int __real_memfd_create(const char *, unsigned);
int
__wrap_memfd_create(const char *name, unsigned flags)
{
	FAIL("memfd_create", EMFILE, -1);
	return __real_memfd_create(name, flags);
}
#endif

#if HAVE_SYS_SHM_H && HAVE_SHMAT
int __real_shmget(key_t, size_t, int);
int
__wrap_shmget(key_t key, size_t size, int flags)
{
	FAIL("shmget", EACCES, -1);
	return __real_shmget(key, size, flags);
}

void *__real_shmat(int, const void *, int);
void *
__wrap_shmat(int id, const void *addr, int flags)
{
	FAIL("shmat", EACCES, (void *)-1);
	return __real_shmat(id, addr, flags);
}

int __real_shmctl(int, int, struct shmid_ds *);
int
__wrap_shmctl(int id, int cmd, struct shmid_ds *buf)
{
	FAIL("shmctl", EIO, -1);
	return __real_shmctl(id, cmd, buf);
}
#endif

pid_t __real_fork(void);
pid_t
__wrap_fork(void)
{
	FAIL("fork", EAGAIN, -1);
	return __real_fork();
}

int __real_pipe(int [2]);
int
__wrap_pipe(int fds[2])
{
	FAIL("pipe", EMFILE, -1);
	return __real_pipe(fds);
}

int __real_socketpair(int, int, int, int [2]);
int
__wrap_socketpair(int domain, int type, int proto, int sv[2])
{
	FAIL("socketpair", EMFILE, -1);
	return __real_socketpair(domain, type, proto, sv);
}

int __real_mount(const char *, const char *, const char *, unsigned long, const void *);
int
__wrap_mount(const char *src, const char *dst, const char *type, unsigned long flags,
    const void *data)
{
	FAIL("mount", EPERM, -1);
	return __real_mount(src, dst, type, flags, data);
}

long __real_syscall(long, ...);
long
__wrap_syscall(long number, ...)
{
	long a[6];
	va_list ap;

	va_start(ap, number);
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	/* Not ENOSYS: that is a system without the call, no fault. */
	FAIL("syscall", EIO, -1);
	return __real_syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* The witness session drops: its daemon is killed, then the call made. */
#define DROP(name, w) do {					\
	if (inject(name, SITE()) && (w) != NULL) {		\
		(void)kill(wit_pid(w), SIGKILL);		\
		(void)usleep(20000);				\
	}							\
} while (0)

int __real_wit_log_read(struct wit *, struct wit_log *);
int
__wrap_wit_log_read(struct wit *w, struct wit_log *log)
{
	DROP("wit_log_read", w);
	return __real_wit_log_read(w, log);
}

int __real_wit_log_clear(struct wit *);
int
__wrap_wit_log_clear(struct wit *w)
{
	DROP("wit_log_clear", w);
	return __real_wit_log_clear(w);
}

int __real_wit_log_mark(struct wit *, const char *, uint64_t *);
int
__wrap_wit_log_mark(struct wit *w, const char *label, uint64_t *seq)
{
	DROP("wit_log_mark", w);
	return __real_wit_log_mark(w, label, seq);
}

int __real_wit_poke(struct wit *, const char *, uint64_t, const void *, size_t);
int
__wrap_wit_poke(struct wit *w, const char *file, uint64_t off, const void *buf, size_t len)
{
	DROP("wit_poke", w);
	return __real_wit_poke(w, file, off, buf, len);
}

int __real_wit_peek(struct wit *, const char *, uint64_t, void *, size_t, size_t *);
int
__wrap_wit_peek(struct wit *w, const char *file, uint64_t off, void *buf, size_t len, size_t *got)
{
	DROP("wit_peek", w);
	return __real_wit_peek(w, file, off, buf, len, got);
}

int __real_wit_fail(struct wit *, const char *, unsigned, int);
int
__wrap_wit_fail(struct wit *w, const char *file, unsigned mask, int err)
{
	DROP("wit_fail", w);
	return __real_wit_fail(w, file, mask, err);
}

int __real_wit_unmount(struct wit *, char *, size_t);
int
__wrap_wit_unmount(struct wit *w, char *why, size_t len)
{
	DROP("wit_unmount", w);
	return __real_wit_unmount(w, why, len);
}
