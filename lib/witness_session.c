/*
 * A case's session with the witness filesystem (witness_session.h).
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mapping.h"
#include "witness.h"
#include "witness_session.h"

#define MAXPAGE 65536
#define CONTROL "msync-conformance.control"

struct mh_session {
	struct wit *w;
	struct mh_ctx *x;
	struct wit_log log;
	uint64_t armed;		/* the mark before the control page was dirtied */
	int cfd;		/* the control file, and its two pages mapped */
	volatile char *control;
};

static char pagebuf[MAXPAGE];
static struct mh_session session;

static _Noreturn void
fail(struct mh_session *s, const char *what)
{
	mh_broken(s->x->run, "witness %s: %s", what, wit_error(s->w));
}

/* Unmounts at the end of the case, whichever way it ends: an unmount that
 * fails after the observation breaks the run. */
static void
close_session(void *arg)
{
	struct mh_session *s = arg;
	char why[512];

	wit_log_free(&s->log);
	mh_mapping_free(&s->x->l, s->x->run);
	if (s->control != NULL && munmap((void *)s->control, 2 * s->x->l.page) != 0)
		mh_cleanup_errno(s->x->run, "munmap of the witness's control file");
	if (s->cfd >= 0)
		(void)close(s->cfd);
	s->control = NULL;
	s->cfd = -1;
	if (wit_unmount(s->w, why, sizeof why) != 0 && s->x->run->end == MH_END_OBSERVED)
		mh_broken(s->x->run, "witness unmount: %s", why);
}

/* Two pages, both read once (cached), mapped MAP_SHARED: made before the
 * layout, so that it cannot take the layout's guard pages. */
static void
open_control(struct mh_session *s, const char *dir)
{
	size_t p = (size_t)sysconf(_SC_PAGESIZE);
	char path[4096];
	void *m;

	snprintf(path, sizeof path, "%s/%s", dir, CONTROL);
	memset(pagebuf, 'c', p);
	if ((s->cfd = open(path, O_RDWR | O_CREAT | O_EXCL, 0644)) < 0)
		mh_broken_errno(s->x->run, "open(O_CREAT) of the witness's control file");
	for (size_t i = 0; i < 2; i++)
		if (pwrite(s->cfd, pagebuf, p, (off_t)(i * p)) != (ssize_t)p)
			mh_broken_errno(s->x->run, "pwrite of the witness's control file");
	m = mmap(NULL, 2 * p, PROT_READ | PROT_WRITE, MAP_SHARED, s->cfd, 0);
	if (m == MAP_FAILED) {
		if (errno == ENODEV)
			mh_skip(s->x->run, "files on the witness (FUSE) cannot be mapped here "
			    "(mmap: %s)", mh_errno_now());
		mh_broken_errno(s->x->run, "mmap of the witness's control file");
	}
	s->control = m;
	(void)s->control[0];
	(void)s->control[p];
}

const char *
mh_session_open(struct mh_ctx *x)
{
	struct wit_opts o = { x->env->witness, x->env->progdir, 0 };
	struct mh_session *s = &session;
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	char why[512];

	if (page > MAXPAGE)
		mh_skip(x->run, "page size %zu is over %d, the witness session's buffer", page, MAXPAGE);
	memset(s, 0, sizeof *s);
	s->x = x;
	s->cfd = -1;
	x->w = s;
	switch (wit_mount("witness", &o, &s->w, why, sizeof why)) {
	case WIT_OK:
		break;
	case WIT_SKIP:
		mh_skip(x->run, "no witness filesystem: %s", why);
	case WIT_FAIL:
		mh_broken(x->run, "witness mount: %s", why);
	}
	mh_at_end(close_session, s);
	snprintf(x->run->fs, sizeof x->run->fs, "msync-witness");
	open_control(s, wit_path(s->w));
	if (wit_log_clear(s->w) != 0)
		fail(s, "log clear");
	return wit_path(s->w);
}

static void
read_log(struct mh_session *s)
{
	wit_log_free(&s->log);
	if (wit_log_read(s->w, &s->log) != 0)
		fail(s, "log read");
}

uint64_t
mh_session_mark(struct mh_ctx *x, const char *label)
{
	struct mh_session *s = x->w;
	uint64_t seq;

	if (wit_log_mark(s->w, label, &seq) != 0)
		fail(s, "log mark");
	read_log(s);
	return seq;
}

uint64_t
mh_session_arm(struct mh_ctx *x)
{
	struct mh_session *s = x->w;

	if (wit_log_mark(s->w, "armed", &s->armed) != 0)
		fail(s, "log mark");
	s->control[7] = 'C';
	return s->armed;
}

void
mh_session_call(struct mh_ctx *x, uint64_t *before, uint64_t *after)
{
	struct mh_session *s = x->w;

	if (wit_log_mark(s->w, "calling", before) != 0)
		fail(s, "log mark");
	mh_call(x);
	if (wit_log_mark(s->w, "returned", after) != 0)
		fail(s, "log mark");
	read_log(s);
}

unsigned
mh_session_written(struct mh_ctx *x, uint64_t from, uint64_t to)
{
	const struct mh_session *s = x->w;
	const struct mh_layout *l = &x->l;
	const struct wit_rec *r = NULL;
	unsigned bits = 0;

	while ((r = wit_log_next(&s->log, r, l->name, WIT_OP_WRITE)) != NULL) {
		if (r->seq <= from || r->seq >= to || r->err != 0 || r->len == 0)
			continue;
		/* File page i is the mapping's page i - off. */
		for (uint64_t i = r->off / l->page; i <= (r->off + r->len - 1) / l->page; i++)
			if (i >= l->off && i - l->off < l->npages && i - l->off < 32)
				bits |= 1u << (i - l->off);
	}
	return bits;
}

int
mh_session_fsynced(struct mh_ctx *x, uint64_t from, uint64_t to)
{
	const struct mh_session *s = x->w;
	const struct wit_rec *r = NULL;

	while ((r = wit_log_next(&s->log, r, x->l.name, WIT_OP_FSYNC)) != NULL)
		if (r->seq > from && r->seq < to)
			return 1;
	return 0;
}

void
mh_session_undisturbed(struct mh_ctx *x)
{
	struct mh_session *s = x->w;
	const struct wit_rec *r = NULL;
	size_t p = x->l.page;

	(void)s->control[p];	/* evicted since: read again */
	read_log(s);
	while ((r = wit_log_next(&s->log, r, CONTROL, WIT_OP_WRITE | WIT_OP_READ)) != NULL)
		if (r->seq > s->armed)
			mh_disturbed(x->run, "write-back not caused by the call was seen (system "
			    "under dirty-memory pressure): the witness's control file got a %s "
			    "after the case's stores", r->op == WIT_OP_WRITE ? "WRITE" : "READ");
}

char
mh_session_peek(struct mh_ctx *x, size_t off)
{
	struct mh_session *s = x->w;
	size_t n;

	if (wit_peek(s->w, x->l.name, off + x->l.off * x->l.page, pagebuf, 1, &n) != 0 || n != 1)
		fail(s, "peek");
	return pagebuf[0];
}

void
mh_session_poke(struct mh_ctx *x, size_t off, char v)
{
	struct mh_session *s = x->w;

	if (wit_poke(s->w, x->l.name, off + x->l.off * x->l.page, &v, 1) != 0)
		fail(s, "poke");
}

unsigned
mh_session_matches(struct mh_ctx *x, unsigned bits)
{
	struct mh_session *s = x->w;
	const struct mh_layout *l = &x->l;
	unsigned match = 0;
	size_t got;

	for (size_t i = 0; i < l->npages && i < 32; i++) {
		if (!(bits & (1u << i)))
			continue;
		if (wit_peek(s->w, l->name, (i + l->off) * l->page, pagebuf, l->page, &got) != 0)
			fail(s, "peek");
		if (got == l->page && memcmp(pagebuf, l->m + i * l->page, got) == 0)
			match |= 1u << i;
	}
	return match;
}

void
mh_session_fail_writes(struct mh_ctx *x, int err)
{
	struct mh_session *s = x->w;

	if (wit_fail(s->w, x->l.name, WIT_OP_WRITE, err) != 0)
		fail(s, err != 0 ? "fail" : "heal");
}
