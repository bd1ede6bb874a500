/*
 * The measured call.  msync() goes through the C library, as applications
 * call it, never syscall(): a libc that wraps or emulates it is what is
 * measured.  A signal or a hang during the call is the containing
 * process's business (contain.c): the phase says it happened in the call.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <string.h>

#include "mapping.h"
#include "procedure.h"

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

void
mh_call(struct mh_ctx *x)
{
	if (x->run->called)
		mh_broken(x->run, "the procedure made the measured call twice");
	mh_mapping_seal(&x->l, x->run);
	x->run->phase = MH_CALL;
	x->run->outcome = mh_call_msync(x->l.addr, x->l.len, x->c->flags);
	x->run->called = 1;
	x->run->phase = MH_CHECK;
}
