/*
 * An msync() that misbehaves on purpose, for the containment self-test
 * (LD_PRELOAD): MS_SYNC|MS_INVALIDATE hangs, MS_ASYNC|MS_INVALIDATE raises
 * SIGSEGV, MS_INVALIDATE returns 7; everything else is the real msync().
 * With MSYNC_SHIM_CRASH_MLOCK set, mlock() raises SIGBUS: a crash outside
 * the measured call.
 */
#define _GNU_SOURCE
#include <sys/types.h>
#include <sys/mman.h>

#include <dlfcn.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

int
msync(void *addr, size_t len, int flags)
{
	static int (*real)(void *, size_t, int);

	if (flags == (MS_SYNC | MS_INVALIDATE))
		for (;;)
			pause();
	if (flags == (MS_ASYNC | MS_INVALIDATE))
		raise(SIGSEGV);
	if (flags == MS_INVALIDATE)
		return 7;
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "msync");
	return real(addr, len, flags);
}

int
mlock(const void *addr, size_t len)
{
	static int (*real)(const void *, size_t);

	if (getenv("MSYNC_SHIM_CRASH_MLOCK") != NULL)
		raise(SIGBUS);
	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "mlock");
	return real(addr, len);
}
