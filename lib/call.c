/*
 * The measured call.  msync() goes through the C library, as applications
 * call it, never syscall(): a libc that wraps or emulates it is what is
 * measured.  Signals and hangs during the call are the containing process's
 * business (contain.c).
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <string.h>

#include "mh.h"

struct mh_outcome
mh_call_msync(void *addr, size_t len, int flags)
{
	struct mh_outcome o;

	memset(&o, 0, sizeof o);
	o.kind = MH_RETURNED;
	errno = 0;
	o.ret = msync(addr, len, flags);
	o.err = errno;
	return o;
}
