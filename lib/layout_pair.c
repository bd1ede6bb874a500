/*
 * One file mapped MAP_SHARED and MAP_PRIVATE at once (the pairing values of
 * the mapping dimension).  The layout's own mapping (at m, where the range
 * lies) is made by layout.c with the flag given here; this file adds the
 * other one:
 *
 *   pairshared     m MAP_SHARED; the same 4 pages MAP_PRIVATE elsewhere
 *   pairprivate    m MAP_PRIVATE; the same 4 pages MAP_SHARED elsewhere
 *   pairlate       as pairshared, but the MAP_PRIVATE mapping is made only
 *                  when the procedure asks for it (after its stores)
 *   sharedprivate  pages 2-3 of m remapped MAP_PRIVATE over the MAP_SHARED
 *                  mapping: two mappings side by side, pages 0-1 shared
 *   privateshared  the other way round
 *   forkshared     m MAP_SHARED; a forked child maps the same 4 pages
 *                  MAP_PRIVATE and stores or reads there when asked
 *   forkprivate    m MAP_PRIVATE; the child's mapping is MAP_SHARED
 *
 * The child answers requests on a pipe until the case's process, the only
 * holder of the other end, exits: it never outlives the case.
 *
 * Both mappings use the case's one descriptor (O_RDWR), so the file stays
 * the same file after layout.c unlinks its name.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mh.h"

/* A request to the forked child, and the pipes to it and back. */
struct ask {
	char op, v;
	uint16_t off;
	unsigned bits;
};
static int to_child = -1, from_child = -1;

int
mh_layout_pair_flags(const struct mh_case *c)
{
	switch (c->mapping) {
	case MH_PAIR_PRIVATE:
	case MH_PRIVATE_SHARED:
	case MH_FORK_PRIVATE:
		return MAP_PRIVATE;
	default:
		return MAP_SHARED;
	}
}

static char *
map_other(const struct mh_case *c, struct mh_layout *l)
{
	int other = mh_layout_pair_flags(c) == MAP_SHARED ? MAP_PRIVATE : MAP_SHARED;
	void *p = mmap(NULL, l->npages * l->page, PROT_READ | PROT_WRITE, other, l->fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* The child: its own mapping of the file, and the requests until EOF. */
static _Noreturn void
child(const struct mh_case *c, struct mh_layout *l, int in, int out)
{
	volatile char *m = map_other(c, l);
	struct ask a;

	/* Nothing but the pipes: the witness's control channel, for one, must
	 * see its end of file when the case's process goes. */
	for (int fd = 3; fd < 1024; fd++)
		if (fd != in && fd != out)
			close(fd);
	while (m != NULL && read(in, &a, sizeof a) == (ssize_t)sizeof a) {
		unsigned got = 0;

		for (size_t i = 0; i < l->npages; i++) {
			if (!(a.bits & (1u << i)))
				continue;
			if (a.op == 'w')
				m[i * l->page + a.off] = a.v;
			else if (m[i * l->page + a.off] == a.v)
				got |= 1u << i;
		}
		if (write(out, &got, sizeof got) != (ssize_t)sizeof got)
			break;
	}
	_exit(0);
}

static const char *
fork_child(const struct mh_case *c, struct mh_layout *l)
{
	int down[2], up[2];
	pid_t pid;

	if (pipe(down) != 0)
		return "pipe";
	if (pipe(up) != 0)
		return "pipe";
	if ((pid = fork()) < 0)
		return "fork";
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		child(c, l, down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	to_child = down[1];
	from_child = up[0];
	return NULL;
}

unsigned
mh_layout_pair_ask(struct mh_run *run, char op, unsigned bits, size_t off, char v)
{
	struct ask a = { op, v, (uint16_t)off, bits };
	unsigned got;

	if (write(to_child, &a, sizeof a) != (ssize_t)sizeof a ||
	    read(from_child, &got, sizeof got) != (ssize_t)sizeof got)
		mh_broken(run, "the forked child holding the other mapping did not answer");
	return got;
}

const char *
mh_layout_pair_build(const struct mh_case *c, struct mh_layout *l)
{
	const char *what;
	static char why[128];
	size_t p = l->page;
	int other = mh_layout_pair_flags(c) == MAP_SHARED ? MAP_PRIVATE : MAP_SHARED;

	switch (c->mapping) {
	case MH_PAIR_SHARED:
	case MH_PAIR_PRIVATE:
		if ((l->pair = map_other(c, l)) != NULL)
			return NULL;
		break;
	case MH_SHARED_PRIVATE:
	case MH_PRIVATE_SHARED:
		if (mmap(l->m + 2 * p, 2 * p, PROT_READ | PROT_WRITE, other | MAP_FIXED, l->fd,
		    (off_t)(2 * p)) != MAP_FAILED)
			return NULL;
		break;
	case MH_FORK_SHARED:
	case MH_FORK_PRIVATE:
		if ((what = fork_child(c, l)) == NULL)
			return NULL;
		snprintf(why, sizeof why, "%s for the child holding the second mapping: %s",
		    what, strerror(errno));
		return why;
	default:
		return NULL;
	}
	snprintf(why, sizeof why, "mmap of the file's second mapping: %s", strerror(errno));
	return why;
}

char *
mh_layout_pair(const struct mh_case *c, struct mh_layout *l, struct mh_run *run)
{
	if (l->pair == NULL && c->mapping == MH_PAIR_LATE && (l->pair = map_other(c, l)) == NULL)
		mh_broken_errno(run, "mmap of the late MAP_PRIVATE mapping");
	if (l->pair == NULL && to_child < 0)
		mh_broken(run, "table error: mapping %s has no second mapping", c->mapping_text);
	return l->pair;
}
