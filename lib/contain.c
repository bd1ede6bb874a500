/*
 * Containment: the case's setup and call run in a child process that reports
 * through a shared page.  Whatever the child does (crash, hang, a signal the
 * call raises) the case process survives to record it, and kyua's run goes on.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "contain.h"

static const char *const phase_names[] = {
	[MH_SETUP] = "while setting up",
	[MH_CALL] = "during the call",
	[MH_CHECK] = "while observing the call's effects",
};
_Static_assert(sizeof phase_names / sizeof phase_names[0] == MH_CHECK + 1,
    "a phase of enum mh_phase has no name");

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Waits until the child closes its end of the pipe (it exits or dies), or
 * the deadline passes.  Returns 0 when closed, -1 on timeout. */
static int
wait_closed(int fd, long deadline)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char c;

	for (;;) {
		long left = deadline - now_ms();
		int r;

		if (left <= 0)
			return -1;
		r = poll(&p, 1, (int)left);
		if (r < 0 && errno != EINTR)
			return -1;
		if (r > 0 && read(fd, &c, 1) <= 0)
			return 0;
	}
}

/* Reaps the child.  One that closed its pipe is exiting: wait for it.  One
 * killed after a timeout may be stuck in the kernel and never die: give it a
 * second, then leave it to kyua. */
static int
reap(pid_t pid, int *status, int killed)
{
	long deadline = now_ms() + 1000;

	while (!killed) {
		if (waitpid(pid, status, 0) == pid)
			return 0;
		if (errno != EINTR)
			return -1;
	}
	while (now_ms() < deadline) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		usleep(1000);
	}
	return -1;
}

static struct mh_run *
shared_run(void)
{
	void *p = mmap(NULL, sizeof(struct mh_run), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Broken in the case's process: the reason, formatted. */
static enum mh_result
broken(struct mh_run *run, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(run->why, sizeof run->why, fmt, ap);
	va_end(ap);
	return MH_RESULT_BROKEN;
}

/* The child ended by itself: what it said of its end. */
static enum mh_result
ended(struct mh_run *run, int status)
{
	switch ((enum mh_end)run->end) {
	case MH_END_OBSERVED:
		if (!run->called)
			return broken(run, "the run ended as observed without the measured call");
		return MH_RESULT_OUTCOME;
	case MH_END_SKIP:
		return MH_RESULT_SKIP;
	case MH_END_BROKEN:
		return MH_RESULT_BROKEN;
	case MH_END_DISTURBED:
		return MH_RESULT_DISTURBED;
	case MH_END_NONE:
		break;
	}
	return broken(run, "exited with status %d %s, without ending the case", WEXITSTATUS(status),
	    phase_names[run->phase]);
}

enum mh_result
mh_contain(void (*fn)(void *, struct mh_run *), void *arg, unsigned timeout, struct mh_run *run)
{
	struct mh_run *shared;
	int fds[2], status = 0, timed_out, phase;
	pid_t pid;

	memset(run, 0, sizeof *run);
	if ((shared = shared_run()) == NULL)
		return broken(run, "mmap of the page shared with the contained child: %s",
		    mh_errno_now());
	if (pipe(fds) != 0) {
		broken(run, "pipe to the contained child: %s", mh_errno_now());
		munmap(shared, sizeof *shared);
		return MH_RESULT_BROKEN;
	}
	memset(shared, 0, sizeof *shared);
	fflush(NULL);
	if ((pid = fork()) < 0) {
		broken(run, "fork of the contained child: %s", mh_errno_now());
		close(fds[0]);
		close(fds[1]);
		munmap(shared, sizeof *shared);
		return MH_RESULT_BROKEN;
	}
	if (pid == 0) {
		/* A crash here is an outcome, not a core file in the work dir. */
		struct rlimit no_core = { 0, 0 };

		setrlimit(RLIMIT_CORE, &no_core);
		close(fds[0]);
		shared->phase = MH_SETUP;
		fn(arg, shared);
		fflush(NULL);
		_exit(0);
	}
	close(fds[1]);
	timed_out = wait_closed(fds[0], now_ms() + (long)timeout * 1000) != 0;
	if (timed_out)
		kill(pid, SIGKILL);
	close(fds[0]);
	if (reap(pid, &status, timed_out) != 0 && !timed_out) {
		broken(run, "waitpid of the contained child: %s", mh_errno_now());
		munmap(shared, sizeof *shared);
		return MH_RESULT_BROKEN;
	}
	*run = *shared;
	if (munmap(shared, sizeof *shared) != 0)
		return broken(run, "munmap of the page shared with the contained child: %s",
		    mh_errno_now());
	phase = run->phase;
	if (phase < MH_SETUP || phase > MH_CHECK)
		return broken(run, "the contained child left an unknown phase %d", phase);
	if (timed_out || WIFSIGNALED(status)) {
		int sig = timed_out ? 0 : WTERMSIG(status);

		/* Only the call's own death is what the call did. */
		if (phase == MH_CALL) {
			memset(&run->outcome, 0, sizeof run->outcome);
			run->outcome.kind = timed_out ? MH_TIMED_OUT : MH_SIGNALLED;
			run->outcome.sig = sig;
			run->effect[0] = '\0';
			return MH_RESULT_OUTCOME;
		}
		if (timed_out)
			return broken(run, "no answer within %u s %s (outside the measured call)",
			    timeout, phase_names[phase]);
		return broken(run, "crashed with signal %d (%s) %s (outside the measured call)",
		    sig, strsignal(sig), phase_names[phase]);
	}
	return ended(run, status);
}
