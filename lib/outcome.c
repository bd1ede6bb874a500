/*
 * Names of outcomes, so that results compare across systems whose errno and
 * signal numbers differ.  What a valid name is, is grammar.h's.
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "outcome.h"

#define N(e) { e, #e }
static const struct { int num; const char *name; } errnos[] = {
	N(EPERM), N(ENOENT), N(EINTR), N(EIO), N(ENXIO), N(E2BIG), N(EBADF),
	N(EAGAIN), N(ENOMEM), N(EACCES), N(EFAULT), N(EBUSY), N(EEXIST),
	N(ENODEV), N(EINVAL), N(ENFILE), N(EMFILE), N(EFBIG), N(ENOSPC),
	N(EROFS), N(ERANGE), N(EDEADLK), N(ENOSYS), N(ENOTSUP), N(EOVERFLOW),
	N(ESRCH), N(ECHILD), N(ENOTDIR), N(EISDIR), N(EPIPE), N(ENAMETOOLONG),
	N(ELOOP), N(ETXTBSY), N(ENOTTY), N(ESPIPE), N(EMLINK),
#ifdef EDQUOT
	N(EDQUOT),
#endif
#ifdef ESTALE
	N(ESTALE),
#endif
#ifdef ENOTCONN
	N(ENOTCONN),
#endif
};
static const struct { int num; const char *name; } signals[] = {
	N(SIGSEGV), N(SIGBUS), N(SIGILL), N(SIGFPE), N(SIGABRT), N(SIGALRM),
	N(SIGKILL), N(SIGTERM), N(SIGSYS),
};
#undef N

const char *
mh_errno_name(int err)
{
	for (size_t i = 0; i < sizeof errnos / sizeof errnos[0]; i++)
		if (errnos[i].num == err)
			return errnos[i].name;
	return NULL;
}

const char *
mh_outcome_name(const struct mh_outcome *o, char buf[MH_NAMELEN])
{
	const char *name;

	switch (o->kind) {
	case MH_TIMED_OUT:
		return strcpy(buf, "TIMEOUT");
	case MH_SIGNALLED:
		for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
			if (signals[i].num == o->sig)
				return strcpy(buf, signals[i].name);
		snprintf(buf, MH_NAMELEN, "SIG%d", o->sig);
		return buf;
	case MH_RETURNED:
		break;
	}
	if (o->ret == 0)
		return strcpy(buf, "0");
	if (o->ret != -1)
		snprintf(buf, MH_NAMELEN, "ret=%d", o->ret);
	else if ((name = mh_errno_name(o->err)) != NULL)
		strcpy(buf, name);
	else
		snprintf(buf, MH_NAMELEN, "errno=%d", o->err);
	return buf;
}

const char *
mh_errno_text(int err, char *buf, size_t n)
{
	const char *name = mh_errno_name(err);

	if (name != NULL)
		snprintf(buf, n, "%s (%s)", name, strerror(err));
	else
		snprintf(buf, n, "errno %d (%s)", err, strerror(err));
	return buf;
}
