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
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mh.h"

static const char *const phase_names[] = {
	"while setting up", "during the call", "while checking the effects",
	"after finishing", "while skipping", "while reporting a table error",
};

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

void
mh_contain(void (*fn)(void *, struct mh_run *), void *arg, unsigned timeout,
    struct mh_run *run)
{
	struct mh_run *shared = shared_run();
	int fds[2], status = 0, timed_out, phase;
	pid_t pid;

	memset(run, 0, sizeof *run);
	run->phase = MH_BROKEN;
	if (shared == NULL || pipe(fds) != 0) {
		snprintf(run->why, sizeof run->why, "cannot set up containment: %s", strerror(errno));
		return;
	}
	memset(shared, 0, sizeof *shared);
	fflush(NULL);
	if ((pid = fork()) < 0) {
		snprintf(run->why, sizeof run->why, "fork: %s", strerror(errno));
		close(fds[0]); close(fds[1]);
		munmap(shared, sizeof *shared);
		return;
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
		snprintf(run->why, sizeof run->why, "waitpid: %s", strerror(errno));
		munmap(shared, sizeof *shared);
		return;
	}
	*run = *shared;
	munmap(shared, sizeof *shared);
	phase = run->reached = run->phase;
	if (timed_out || WIFSIGNALED(status)) {
		int sig = timed_out ? 0 : WTERMSIG(status);

		if (phase == MH_CALL) {
			run->outcome.kind = timed_out ? MH_TIMED_OUT : MH_SIGNALLED;
			run->outcome.sig = sig;
			run->phase = MH_DONE;
			return;
		}
		run->phase = MH_BROKEN;
		if (timed_out)
			snprintf(run->why, sizeof run->why, "no answer within %u s %s "
			    "(outside the measured call)", timeout, phase_names[phase]);
		else
			snprintf(run->why, sizeof run->why, "crashed with signal %d (%s) %s "
			    "(outside the measured call)", sig, strsignal(sig), phase_names[phase]);
		return;
	}
	if (phase == MH_SETUP || phase == MH_CALL || phase == MH_CHECK) {
		run->phase = MH_BROKEN;
		snprintf(run->why, sizeof run->why, "exited with status %d %s", WEXITSTATUS(status),
		    phase_names[phase]);
	}
}
