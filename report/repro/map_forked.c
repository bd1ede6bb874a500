/*@needs map_other*/
/* A request to the child: store v at byte off of the pages of bits ('w'),
 * or say on which of them that byte is v ('r'). */
struct ask {
	char op, v;
	unsigned short off;
	unsigned bits;
};

/* The child: its own @OTHER@ mapping of the file's 4 pages, and the
 * requests until the parent, the only holder of the other end, exits. */
static void
child(int in, int out)
{
	volatile char *o = map_other(@OTHER@);
	int e = o == NULL ? errno : 0;
	struct ask a;

	/* First, whether the mapping was made (0) or errno. */
	if (write(out, &e, sizeof e) != (ssize_t)sizeof e || o == NULL)
		_exit(0);
	while (read(in, &a, sizeof a) == (ssize_t)sizeof a) {
		unsigned got = 0;

		for (size_t i = 0; i < l.npages && i < 32; i++) {
			if (!(a.bits & (1u << i)))
				continue;
			if (a.op == 'w')
				o[i * p + a.off] = a.v;
			else if (o[i * p + a.off] == a.v)
				got |= 1u << i;
		}
		if (write(out, &got, sizeof got) != (ssize_t)sizeof got)
			break;
	}
	_exit(0);
}

/* A forked child maps the same 4 pages of the file @OTHER@, and stores or
 * reads there when asked (ask()). */
static void
map_forked(void)
{
	int down[2], up[2], e;
	pid_t pid;

	if (pipe(down) != 0 || pipe(up) != 0)
		fail("pipe to the child holding the second mapping");
	if ((pid = fork()) < 0)
		fail("fork of the child holding the second mapping");
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		child(down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	l.to_child = down[1];
	l.from_child = up[0];
	if (read(l.from_child, &e, sizeof e) != (ssize_t)sizeof e) {
		errno = 0;
		fail("the forked child holding the second mapping ended before mapping it");
	}
	if ((errno = e) != 0)
		fail("mmap of the second mapping in the forked child");
}
