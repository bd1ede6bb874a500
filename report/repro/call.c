@?sealed@/*@needs @SEAL@*/
/*
 * The measured call: msync() through the C library, as applications call
 * it.  A signal raised during it (SIGSEGV, SIGBUS) or a hang of 10 s
 * (SIGALRM) is its outcome, as in the suite.
 */
static sigjmp_buf during;
static volatile sig_atomic_t raised;
static int returned, ret, err;

/* The call's outcome as the suite names it: "0", an errno name, "ret=N",
 * "errno=N" for an errno without a name here, a signal's name, "TIMEOUT". */
static const char *
outcome(char *buf, size_t n)
{
	static const struct { int num; const char *name; } errnos[] = {
@ERRNOS@
	};

	if (!returned)
		return raised == SIGALRM ? "TIMEOUT" : raised == SIGBUS ? "SIGBUS" : "SIGSEGV";
	if (ret == 0)
		return "0";
	if (ret != -1) {
		snprintf(buf, n, "ret=%d", ret);
		return buf;
	}
	for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
		if (errnos[i].num == err)
			return errnos[i].name;
	snprintf(buf, n, "errno=%d", err);
	return buf;
}

static void
interrupt(int sig)
{
	raised = sig;
	siglongjmp(during, 1);
}

static void
call(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGALRM };
	struct sigaction sa, old[3];
	char buf[32];

@?sealed@	@SEAL@();	/* the mapping's last step, just before the call */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = interrupt;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &sa, &old[i]);
	if (sigsetjmp(during, 1) == 0) {
		alarm(10);
		errno = 0;
		ret = msync(addr, len, @FLAGS@);
		err = errno;
		returned = 1;
	}
	alarm(0);
	for (int i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	printf("msync(%p, %zu, @FLAGS@), m = %p: ", addr, len, (void *)m);
	if (!returned)
		printf("raised %s\n", outcome(buf, sizeof buf));
	else if (ret == -1)
		printf("returned -1, errno %s (%s)\n", outcome(buf, sizeof buf), strerror(err));
	else
		printf("returned %d\n", ret);
}
