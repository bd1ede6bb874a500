/*
 * The measured call.  msync() goes through the C library, as applications
 * call it.  A signal raised during the call (SIGSEGV, SIGBUS) or a call that
 * does not return within the timeout is an outcome to record, not a crash of
 * the run: the handlers jump back here.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "mh.h"

static sigjmp_buf back;
static volatile sig_atomic_t caught;

static void
on_signal(int sig)
{
	caught = sig;
	siglongjmp(back, 1);
}

struct mh_outcome
mh_call_msync(void *addr, size_t len, int flags, unsigned timeout)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGALRM };
	struct sigaction sa, old[3];
	struct mh_outcome o;

	memset(&o, 0, sizeof o);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
	caught = 0;
	if (sigsetjmp(back, 1) == 0) {
		alarm(timeout);
		errno = 0;
		o.ret = msync(addr, len, flags);
		o.err = errno;
		alarm(0);
		o.kind = MH_RETURNED;
	} else {
		alarm(0);
		o.kind = caught == SIGALRM ? MH_TIMED_OUT : MH_SIGNALLED;
		o.sig = caught;
	}
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	return o;
}
