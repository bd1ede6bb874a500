/*@needs lacks*/
#include <sys/resource.h>

/* The system refuses a lock: a missing capability (privilege,
 * RLIMIT_MEMLOCK) is a lack, anything else a failure. */
static void
refused(const char *what)
{
	struct rlimit rl;
	int e = errno;

	if (e != EPERM && e != ENOMEM && e != EAGAIN)
		fail(what);
	if (getrlimit(RLIMIT_MEMLOCK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		lacks("%s refused: %s (RLIMIT_MEMLOCK is %llu bytes)", what, strerror(e),
		    (unsigned long long)rl.rlim_cur);
	lacks("%s refused: %s", what, strerror(e));
}
