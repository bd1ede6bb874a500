/*
 * One file mapped MAP_SHARED and MAP_PRIVATE at once (the pairing values of
 * the mapping dimension).  The mapping at m, where the range lies, is the
 * plain one of the build line (map_plain.c); this file adds the other:
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
 * holder of the other end, exits: it never outlives the case.  Both
 * mappings use the case's one descriptor (O_RDWR), so the file stays the
 * same file once its name is unlinked.  The other mapping is made before
 * the layout is finished, while the guard pages are still reserved: it
 * cannot land in them.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#include "mapkind.h"
#include "pair.h"

/* A request to the forked child, and the pipes to it and back. */
struct ask {
	char op, v;
	uint16_t off;
	unsigned bits;
};
static int to_child = -1, from_child = -1;
static int late_flags;		/* pairlate: the other mapping's, once asked */

static int
other_of(const struct mh_mapkind *k)
{
	return (k->flags & MAP_SHARED) ? MAP_PRIVATE : MAP_SHARED;
}

static char *
map_other(struct mh_layout *l, int flags)
{
	void *p = mmap(NULL, l->npages * l->page, PROT_READ | PROT_WRITE, flags, l->fd, 0);

	return p == MAP_FAILED ? NULL : p;
}

static void
build_paired(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	mh_plain_map(c, k, dir, l, run);
	if ((l->pair = map_other(l, other_of(k))) == NULL)
		mh_broken_errno(run, "mmap of the file's second mapping");
	mh_layout_finish(c, l, run);
}

static void
build_late(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	mh_plain_map(c, k, dir, l, run);
	late_flags = other_of(k);
	mh_layout_finish(c, l, run);
}

static void
build_mixed(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	mh_plain_map(c, k, dir, l, run);
	mh_layout_map(l, 2, 2, PROT_READ | PROT_WRITE, other_of(k), l->fd, 2,
	    "mmap of pages 2-3 of the file, the other way", run);
	mh_layout_finish(c, l, run);
}

/* The child: its own mapping of the file, and the requests until EOF. */
static _Noreturn void
child(struct mh_layout *l, int flags, int in, int out)
{
	volatile char *m = map_other(l, flags);
	int err = m == NULL ? errno : 0;
	struct ask a;

	/* Nothing but the pipes: the witness's control channel, for one, must
	 * see its end of file when the case's process goes. */
	for (int fd = 3; fd < 1024; fd++)
		if (fd != in && fd != out)
			close(fd);
	/* First, whether the mapping was made (0) or errno. */
	if (write(out, &err, sizeof err) != (ssize_t)sizeof err || m == NULL)
		_exit(0);
	while (read(in, &a, sizeof a) == (ssize_t)sizeof a) {
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

static void
build_forked(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
	int down[2], up[2], err;
	pid_t pid;

	mh_plain_map(c, k, dir, l, run);
	if (pipe(down) != 0 || pipe(up) != 0)
		mh_broken_errno(run, "pipe to the child holding the second mapping");
	if ((pid = fork()) < 0)
		mh_broken_errno(run, "fork of the child holding the second mapping");
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		child(l, other_of(k), down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	to_child = down[1];
	from_child = up[0];
	if (read(from_child, &err, sizeof err) != (ssize_t)sizeof err)
		mh_broken(run, "the forked child holding the second mapping ended before mapping it");
	if ((errno = err) != 0)
		mh_broken_errno(run, "mmap of the second mapping in the forked child");
	mh_layout_finish(c, l, run);
}

unsigned
mh_pair_ask(struct mh_run *run, char op, unsigned bits, size_t off, char v)
{
	struct ask a = { op, v, (uint16_t)off, bits };
	unsigned got;

	if (write(to_child, &a, sizeof a) != (ssize_t)sizeof a ||
	    read(from_child, &got, sizeof got) != (ssize_t)sizeof got)
		mh_broken(run, "the forked child holding the second mapping did not answer");
	return got;
}

char *
mh_pair_other(const struct mh_case *c, struct mh_layout *l, struct mh_run *run)
{
	if (l->pair == NULL && late_flags != 0 && (l->pair = map_other(l, late_flags)) == NULL)
		mh_broken_errno(run, "mmap of the late MAP_PRIVATE mapping");
	if (l->pair == NULL && to_child < 0)
		mh_broken(run, "table error: mapping %s has no second mapping", c->mapping_text);
	return l->pair;
}

/* The builders the table's build lines name (t/builders.c). */
const struct mh_builder mh_builder_paired = { build_paired, NULL, NULL };
const struct mh_builder mh_builder_late = { build_late, NULL, NULL };
const struct mh_builder mh_builder_mixed = { build_mixed, NULL, NULL };
const struct mh_builder mh_builder_forked = { build_forked, NULL, NULL };
