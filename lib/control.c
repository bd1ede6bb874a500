/*
 * A control file on the filesystem under test (control.h).
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "control.h"
#include "observe.h"

static struct control {
	int fd;
	volatile char *m;
	size_t page;
	int seen;		/* the observer saw the page dirty after the arm */
	struct mh_run *run;
} control = { -1, NULL, 0, 0, NULL };

static void
close_control(void *arg)
{
	struct control *k = arg;

	if (k->m != NULL && munmap((void *)k->m, k->page) != 0)
		mh_cleanup_errno(k->run, "munmap of the control file");
	if (k->fd >= 0)
		(void)close(k->fd);
	k->m = NULL;
	k->fd = -1;
}

const char *
mh_control_open(struct mh_ctx *x)
{
	struct control *k = &control;
	char path[4096];
	static char page[65536];
	void *m;

	k->page = (size_t)sysconf(_SC_PAGESIZE);
	k->run = x->run;
	if (k->page > sizeof page)
		mh_skip(x->run, "page size %zu is over %zu, the control file's buffer", k->page,
		    sizeof page);
	snprintf(path, sizeof path, "%s/msync-conformance.%ld.control", x->env->dir, (long)getpid());
	if ((k->fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0644)) < 0)
		mh_broken_errno(x->run, "open(O_CREAT) of the control file");
	mh_at_end(close_control, k);
	if (unlink(path) != 0)
		mh_broken_errno(x->run, "unlink of the control file");
	memset(page, 'c', k->page);
	if (pwrite(k->fd, page, k->page, 0) != (ssize_t)k->page)
		mh_broken_errno(x->run, "pwrite of the control file");
	m = mmap(NULL, k->page, PROT_READ | PROT_WRITE, MAP_SHARED, k->fd, 0);
	if (m == MAP_FAILED)
		mh_broken_errno(x->run, "mmap of the control file");
	k->m = m;
	return x->env->dir;
}

/* The control page's dirty count: 0 also where no observer exists here;
 * an observer that exists and fails is a fault. */
static uint64_t
dirty(struct mh_run *run)
{
	struct obs_pages o;
	const char *why;

	if ((why = obs_pages(control.fd, 0, (const void *)control.m, control.page, &o)) == NULL)
		return o.dirty;
	if (obs_missing())
		return 0;
	mh_broken(run, "the page-cache observer failed on the control file: %s", why);
}

void
mh_control_store(struct mh_ctx *x, char v)
{
	(void)x;
	control.m[7] = v;
}

int
mh_control_fd(const struct mh_ctx *x)
{
	(void)x;
	return control.fd;
}

void
mh_control_arm(struct mh_ctx *x)
{
	struct control *k = &control;

	/* A write-back between the store and the look would hide the page's
	 * dirty state: a few tries tell that from a filesystem that keeps
	 * none. */
	k->seen = 0;
	for (int i = 0; i < 5 && !k->seen; i++) {
		k->m[7] = (char)('C' + i);
		k->seen = dirty(x->run) > 0;
	}
}

int
mh_control_seen(const struct mh_ctx *x)
{
	(void)x;
	return control.seen;
}

void
mh_control_undisturbed(struct mh_ctx *x)
{
	if (control.seen && dirty(x->run) == 0)
		mh_disturbed(x->run, "write-back not caused by the call was seen (system under "
		    "dirty-memory pressure): the control file's dirty page beside the case's was "
		    "written back (%s)", obs_mechanism());
}
