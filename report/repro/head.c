#define _GNU_SOURCE	/* glibc, musl: MAP_ANONYMOUS, mremap(), memfd_create(), syscall() */

#include <sys/types.h>
#include <sys/mman.h>
#include <sys/utsname.h>

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if !defined(MAP_ANONYMOUS) && defined(MAP_ANON)
#define MAP_ANONYMOUS MAP_ANON	/* the older name */
#endif

/*
 * The mapping msync is called on: MAP_PAGES pages at m (a huge page
 * mapping: one huge page), cut from a reservation with GUARD unmapped pages
 * each side, so that the pages just below and above it are known to be
 * unmapped: the ranges that reach outside the mapping rely on that.
 */
#define MAP_PAGES 4
#define GUARD 2

static size_t p;		/* the page size: sysconf(_SC_PAGESIZE) */
static char *m;			/* the first page of the mapping */
static void *addr;		/* msync's arguments */
static size_t len;

static struct layout {
	size_t npages;		/* pages of the mapping */
	size_t eof;		/* pages of it the file backs */
	size_t off;		/* the file page mapped at m */
	long hole;		/* the page of it left unmapped, or -1 */
	int fd;			/* the file or object mapped, or -1 */
	const char *dir;	/* where the file under test is made */
	char path[4096];	/* its name */
	char *res;		/* the reservation m is cut from, and its size */
	size_t span;
	char *pair;		/* the file's other mapping in this process, or NULL */
	int to_child, from_child;	/* the pipes to the child holding it */
} l;

/* Set where this file can see msync's return value but not what the case
 * observes: why. */
static const char *call_only;

/* A step of the case failed: it cannot run here (exit status 2). */
static void
fail(const char *what)
{
	printf("cannot run the case: %s: %s\n", what, strerror(errno));
	exit(2);
}
