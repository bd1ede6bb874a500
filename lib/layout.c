/*
 * The kit every mapping kind builds its layout with (layout.h): the
 * reservation and its guards, the file under test, one mapping, the hole,
 * the range.  Each step ends the case itself where it fails: a skip where
 * the system lacks what the case needs, broken otherwise.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "layout.h"

#define GUARD 2			/* unmapped pages each side of the mapping */

void
mh_layout_init(struct mh_layout *l)
{
	memset(l, 0, sizeof *l);
	l->page = (size_t)sysconf(_SC_PAGESIZE);
	l->npages = l->eof = MH_MAP_PAGES;
	l->hole = -1;
	l->fd = l->fd2 = l->shmid = -1;
}

void
mh_layout_reserve(struct mh_layout *l, size_t size, size_t align, struct mh_run *run)
{
	size_t p = l->page;
	uintptr_t at;

	l->span = size + 2 * GUARD * p + (align > p ? align : 0);
	l->res = mmap(NULL, l->span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (l->res == MAP_FAILED) {
		l->res = NULL;
		mh_broken_errno(run, "mmap of the reservation for the mapping");
	}
	at = (uintptr_t)l->res + GUARD * p;
	if (align > p)
		at = (at + align - 1) / align * align;
	l->m = (char *)at;
}

/* A file the case made and has not unlinked yet, whichever way it ends. */
static void
remove_leftover(void *arg)
{
	struct mh_layout *l = arg;

	if (l->path[0] != '\0')
		(void)unlink(l->path);
	l->path[0] = '\0';
}

/* Each page written by a pwrite() of its own, so that each is its own cache
 * unit (folio) where the system has such units. */
void
mh_layout_file(struct mh_layout *l, const char *dir, size_t npages, int ro, struct mh_run *run)
{
	static char buf[65536];
	size_t p = l->page, n = p < sizeof buf ? p : sizeof buf;

	snprintf(l->name, sizeof l->name, "msync-conformance.%ld.dat", (long)getpid());
	snprintf(l->path, sizeof l->path, "%s/%s", dir, l->name);
	if ((l->fd = open(l->path, O_RDWR | O_CREAT | O_EXCL, 0644)) < 0) {
		l->path[0] = '\0';
		mh_broken_errno(run, "open(O_CREAT) of the file under test");
	}
	mh_at_end(remove_leftover, l);
	for (size_t i = 0; i < npages; i++) {
		memset(buf, 'a' + (int)i, n);
		for (size_t off = 0; off < p; off += n)
			if (pwrite(l->fd, buf, n, (off_t)(i * p + off)) != (ssize_t)n)
				mh_broken_errno(run, "pwrite of the file under test");
	}
	if (ro) {
		if (close(l->fd) != 0)
			mh_broken_errno(run, "close of the file under test");
		if ((l->fd = open(l->path, O_RDONLY)) < 0)
			mh_broken_errno(run, "open(O_RDONLY) of the file under test");
	}
}

void
mh_layout_unlink(struct mh_layout *l, struct mh_run *run)
{
	if (l->path[0] != '\0' && unlink(l->path) != 0)
		mh_broken_errno(run, "unlink of the file under test");
	l->path[0] = '\0';
}

void
mh_layout_map(struct mh_layout *l, size_t at, size_t npages, int prot, int flags, int fd,
    size_t fileoff, const char *what, struct mh_run *run)
{
	if (mmap(l->m + at * l->page, npages * l->page, prot, flags | MAP_FIXED, fd,
	    (off_t)(fileoff * l->page)) != MAP_FAILED)
		return;
	/* A filesystem whose files cannot be mapped lacks what the case needs. */
	if (errno == ENODEV && fd >= 0)
		mh_skip(run, "files here cannot be mapped (%s: %s)", what, mh_errno_now());
	mh_broken_errno(run, what);
}

void
mh_layout_set_range(const struct mh_case *c, struct mh_layout *l)
{
	size_t p = l->page;
	char *m = l->m;

	switch (c->range) {
	case MH_R_PAGE:     l->addr = m;           l->len = p; break;
	case MH_R_PAGES:    l->addr = m + p;       l->len = 2 * p; break;
	case MH_R_WHOLE:    l->addr = m;           l->len = l->npages * p; break;
	case MH_R_ADDR1:    l->addr = m + 1;       l->len = p; break;
	case MH_R_ADDRHALF: l->addr = m + p / 2;   l->len = p; break;
	case MH_R_ADDRPM1:  l->addr = m + p - 1;   l->len = p; break;
	case MH_R_LEN0:     l->addr = m;           l->len = 0; break;
	case MH_R_LEN1:     l->addr = m;           l->len = 1; break;
	case MH_R_LENPM1:   l->addr = m;           l->len = p - 1; break;
	case MH_R_LENPP1:   l->addr = m + p;       l->len = p + 1; break;
	case MH_R_TAIL:     l->addr = m + 2 * p;   l->len = 3 * p; break;
	case MH_R_HOLE:     l->addr = m;           l->len = 4 * p; break;
	case MH_R_LEAD:     l->addr = m - p;       l->len = 2 * p; break;
	case MH_R_UNMAPPED: l->addr = m + 4 * p;   l->len = p; break;
	case MH_R_NULL:     l->addr = NULL;        l->len = p; break;
	case MH_R_BEYOND:   l->addr = (void *)(uintptr_t)(0 - 2 * (uintptr_t)p); l->len = p; break;
	case MH_R_WRAP:     l->addr = m;           l->len = 0 - p; break;
	case MH_R_LENMAX:   l->addr = m;           l->len = (size_t)-1; break;
	case MH_R_TWOMAPS:  l->addr = m + p;       l->len = 2 * p; break;
	/* The corners: an unaligned addr with each unmapped kind, len 0 at
	 * each kind of address, the last two pages. */
	case MH_R_ADDR1_UNMAPPED: l->addr = m + 4 * p + 1; l->len = p; break;
	case MH_R_ADDR1_LEAD:     l->addr = m - p + 1;     l->len = 2 * p; break;
	case MH_R_ADDR1_NULL:     l->addr = (void *)(uintptr_t)1; l->len = p; break;
	case MH_R_ADDR1_BEYOND:   l->addr = (void *)(uintptr_t)(0 - 4 * (uintptr_t)p + 1); l->len = p; break;
	case MH_R_ADDR1_WRAP:     l->addr = m + 1;         l->len = 0 - 2 * p; break;
	case MH_R_LEN0_UNMAPPED:  l->addr = m + 5 * p;     l->len = 0; break;
	case MH_R_LEN0_NULL:      l->addr = NULL;          l->len = 0; break;
	case MH_R_LEN0_BEYOND:    l->addr = (void *)(uintptr_t)(0 - 2 * (uintptr_t)p); l->len = 0; break;
	case MH_R_LEN0_ADDR1:     l->addr = m + 1;         l->len = 0; break;
	case MH_R_LEN0_UNMAPPED1: l->addr = m + 5 * p + 1; l->len = 0; break;
	case MH_R_LEN0_LAST:      l->addr = m + 3 * p;     l->len = 0; break;
	case MH_R_LAST2:          l->addr = m + 2 * p;     l->len = 2 * p; break;
	}
}

void
mh_layout_finish(const struct mh_case *c, struct mh_layout *l, struct mh_run *run)
{
	size_t p = l->page;
	char *end = l->m + l->npages * p;

	if (munmap(l->res, (size_t)(l->m - l->res)) != 0 ||
	    munmap(end, (size_t)(l->res + l->span - end)) != 0)
		mh_broken_errno(run, "munmap of the guard pages");
	if (c->range == MH_R_HOLE) {
		l->hole = 1;
		if (munmap(l->m + p, p) != 0)
			mh_broken_errno(run, "munmap of the hole");
	}
	mh_layout_set_range(c, l);
}

void
mh_layout_range_pages(const struct mh_layout *l, size_t *lo, size_t *hi)
{
	uintptr_t m = (uintptr_t)l->m, mend = m + l->npages * l->page;
	uintptr_t a = (uintptr_t)l->addr, e;

	/* len 0 names the page at addr; a range that wraps runs to the top. */
	e = l->len == 0 ? a + 1 : a + l->len;
	if (e < a)
		e = UINTPTR_MAX;
	if (e <= m || a >= mend) {
		*lo = *hi = 0;
		return;
	}
	*lo = a < m ? 0 : (a - m) / l->page;
	*hi = e >= mend ? l->npages : (e - m + l->page - 1) / l->page;
}
