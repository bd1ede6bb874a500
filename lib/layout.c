/*
 * The mapping a case calls msync() on, and the (addr, len) it passes.
 *
 * Every mapping is MH_MAP_PAGES pages at m (a huge page mapping: one huge
 * page), cut out of a reservation so that the two pages below m and above
 * its end are known to be unmapped: the ranges that reach outside the
 * mapping (lead, tail, unmapped) rely on that.  No memory is allocated
 * between building the layout and the call, so nothing else can be placed
 * in those gaps.  The corners' mappings are built by layout_corner.c with
 * the reservation and the finish of this file.
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

#include "mh.h"

#define GUARD 2			/* unmapped pages each side of the mapping */

static char whybuf[256];

/* "what: strerror(errno)", in a buffer the next call reuses. */
const char *
mh_layout_why(const char *what)
{
	snprintf(whybuf, sizeof whybuf, "%s: %s", what, strerror(errno));
	return whybuf;
}

/* A file of npages, written one page per pwrite() so that each page is its
 * own cache unit (folio) where the system has such units. */
int
mh_layout_file(const char *path, size_t page, size_t npages, int ro)
{
	static char buf[65536];
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);

	if (fd < 0)
		return -1;
	for (size_t i = 0; i < npages; i++) {
		size_t n = page < sizeof buf ? page : sizeof buf;

		memset(buf, 'a' + (int)i, n);
		for (size_t off = 0; off < page; off += n) {
			if (pwrite(fd, buf, n, (off_t)(i * page + off)) != (ssize_t)n) {
				close(fd);
				unlink(path);
				return -1;
			}
		}
	}
	if (ro) {
		close(fd);
		if ((fd = open(path, O_RDONLY)) < 0)
			unlink(path);
	}
	return fd;
}

static void
set_range(const struct mh_case *c, struct mh_layout *l)
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

/* An unmapped reservation: size bytes at m, m a multiple of align, with
 * GUARD pages each side inside it. */
const char *
mh_layout_reserve(struct mh_layout *l, size_t size, size_t align, char **r, size_t *span)
{
	size_t p = l->page;
	uintptr_t at;

	*span = size + 2 * GUARD * p + (align > p ? align : 0);
	*r = mmap(NULL, *span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (*r == MAP_FAILED)
		return mh_layout_why("mmap of the reservation");
	at = (uintptr_t)*r + GUARD * p;
	if (align > p)
		at = (at + align - 1) / align * align;
	l->m = (char *)at;
	return NULL;
}

/* The end of every build: the rest of the reservation unmapped (the
 * guards), the hole, the stores of a status case, the range. */
const char *
mh_layout_finish(const struct mh_case *c, struct mh_layout *l, char *r, size_t span)
{
	size_t p = l->page;
	char *end = l->m + l->npages * p;

	if (munmap(r, (size_t)(l->m - r)) != 0 || munmap(end, (size_t)(r + span - end)) != 0)
		return mh_layout_why("munmap of the guard pages");
	if (c->range == MH_R_HOLE) {
		l->hole = 1;
		if (munmap(l->m + p, p) != 0)
			return mh_layout_why("munmap of the hole");
	}
	/* Dirty every mapped page the file backs, so that msync has
	 * something to write. */
	if (l->writable && c->check == MH_CHECK_STATUS)
		for (size_t i = 0; i < l->eof; i++)
			if ((long)i != l->hole)
				l->m[i * p] = (char)('A' + i);
	set_range(c, l);
	return NULL;
}

const char *
mh_layout_build(const struct mh_case *c, const char *dir, struct mh_layout *l)
{
	char path[4096];
	size_t p = (size_t)sysconf(_SC_PAGESIZE);
	size_t span;
	int prot = PROT_READ | PROT_WRITE, flags = MAP_FIXED;
	const char *err;
	char *r;
	void *got;

	memset(l, 0, sizeof *l);
	l->page = p;
	l->npages = l->eof = MH_MAP_PAGES;
	l->hole = -1;
	l->fd = l->fd2 = l->shmid = -1;
	if (mh_corner_mapping(c->mapping))
		return mh_corner_build(c, dir, l);
	if ((err = mh_layout_reserve(l, MH_MAP_PAGES * p, p, &r, &span)) != NULL)
		return err;

	switch (c->mapping) {
	case MH_FILE_SHARED:      flags |= MAP_SHARED; break;
	case MH_FILE_PRIVATE:     flags |= MAP_PRIVATE; break;
	case MH_ANON_SHARED:      flags |= MAP_SHARED | MAP_ANONYMOUS; break;
	case MH_ANON_PRIVATE:     flags |= MAP_PRIVATE | MAP_ANONYMOUS; break;
	case MH_FILE_SHARED_RO:   flags |= MAP_SHARED; prot = PROT_READ; break;
	/* Readable until sealed: Linux refuses to mlock() a PROT_NONE range, but
	 * a locked range made PROT_NONE stays locked. */
	case MH_FILE_SHARED_NONE: flags |= MAP_SHARED; prot = PROT_READ; l->seal = 1; break;
	default:                  flags |= mh_layout_pair_flags(c); break;
	}
	l->writable = (prot & PROT_WRITE) != 0;
	if (!(flags & MAP_ANONYMOUS)) {
		snprintf(l->name, sizeof l->name, "msync-conformance.%ld.dat", (long)getpid());
		snprintf(path, sizeof path, "%s/%s", dir, l->name);
		if ((l->fd = mh_layout_file(path, p, MH_MAP_PAGES, c->mapping == MH_FILE_SHARED_RO)) < 0)
			return mh_layout_why("creating the file under test");
	}
	got = mmap(l->m, MH_MAP_PAGES * p, prot, flags, l->fd, 0);
	/* twomaps: pages 2-3 again, through another descriptor, so that the
	 * mapping is two (unmergeable) mappings that a range spans. */
	if (got != MAP_FAILED && c->range == MH_R_TWOMAPS && l->fd >= 0) {
		l->fd2 = open(path, c->mapping == MH_FILE_SHARED_RO ? O_RDONLY : O_RDWR);
		if (l->fd2 < 0 || mmap(l->m + 2 * p, 2 * p, prot, flags, l->fd2, (off_t)(2 * p)) == MAP_FAILED)
			got = MAP_FAILED;
	}
	if (l->fd >= 0)
		unlink(path);
	if (got == MAP_FAILED)
		return mh_layout_why("mmap of the mapping under test");
	if ((err = mh_layout_pair_build(c, l)) != NULL)
		return err;
	return mh_layout_finish(c, l, r, span);
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

const char *
mh_layout_seal(struct mh_layout *l)
{
	if (l->seal)
		for (size_t i = 0; i < l->npages; i++)
			if ((long)i != l->hole && mprotect(l->m + i * l->page, l->page, PROT_NONE) != 0)
				return mh_layout_why("mprotect(PROT_NONE) of the mapping");
	return l->reshape != MH_RESHAPE_NONE ? mh_corner_reshape(l) : NULL;
}

void
mh_layout_free(struct mh_layout *l)
{
	if (l->shmid >= 0)
		mh_corner_free(l);
	else if (l->m != NULL)
		munmap(l->m, l->npages * l->page);
	if (l->pair != NULL)
		munmap(l->pair, l->npages * l->page);
	if (l->fd >= 0)
		close(l->fd);
	if (l->fd2 >= 0)
		close(l->fd2);
	l->m = l->pair = NULL;
	l->fd = l->fd2 = -1;
}
