/*
 * Ending a case's run in its contained child, from anywhere in its steps:
 * the verbs of run.h.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run.h"

/* The cleanups, run last first. */
static struct {
	void (*fn)(void *);
	void *arg;
} at_end[4];
static unsigned nat_end;

void
mh_at_end(void (*fn)(void *), void *arg)
{
	if (nat_end < sizeof at_end / sizeof at_end[0]) {
		at_end[nat_end].fn = fn;
		at_end[nat_end].arg = arg;
		nat_end++;
	}
}

/* The source file as "lib/x.c", whatever directory the build ran in. */
static const char *
short_name(const char *file)
{
	const char *p = file + strlen(file);
	int slashes = 0;

	while (p > file && slashes < 2)
		if (*--p == '/')
			slashes++;
	return slashes == 2 ? p + 1 : file;
}

/* A cleanup may end the run otherwise (mh_broken): the rest still run. */
static _Noreturn void
end(struct mh_run *run, enum mh_end how)
{
	run->end = how;
	while (nat_end > 0) {
		nat_end--;
		at_end[nat_end].fn(at_end[nat_end].arg);
	}
	fflush(NULL);
	_exit(0);
}

void
mh_brk_at(struct mh_run *run, enum mh_end how, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(run->why, sizeof run->why, fmt, ap);
	va_end(ap);
	n = strlen(run->why);
	snprintf(run->why + n, sizeof run->why - n, " (%s:%d)", short_name(file), line);
	end(run, how);
}

const char *
mh_errno_now(void)
{
	static char buf[128];

	return mh_errno_text(errno, buf, sizeof buf);
}

void
mh_done(struct mh_run *run)
{
	if (!run->called || run->phase != MH_CHECK)
		mh_broken(run, "the procedure ended without making the measured call");
	end(run, MH_END_OBSERVED);
}

void
mh_effect_word(struct mh_run *run, const char *word)
{
	if (run->outcome.kind == MH_RETURNED && run->outcome.ret == 0)
		snprintf(run->effect, sizeof run->effect, "%s", word);
}

void
mh_note(struct mh_run *run, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(run->obs, sizeof run->obs, fmt, ap);
	va_end(ap);
}

const char *
mh_observed(const struct mh_run *run, char buf[MH_NAMELEN])
{
	if (run->effect[0] != '\0')
		return strcpy(buf, run->effect);
	return mh_outcome_name(&run->outcome, buf);
}
