/*@needs map_forked*/
/* Asks the forked child to store v at byte off of the pages of bits of its
 * mapping ('w'), or to say on which of them that byte is v ('r'). */
static unsigned
ask(char op, unsigned bits, size_t off, char v)
{
	struct ask a;
	unsigned got = 0;	/* fail() ends the program; compilers may not know */

	memset(&a, 0, sizeof a);
	a.op = op;
	a.v = v;
	a.off = (unsigned short)off;
	a.bits = bits;
	if (write(l.to_child, &a, sizeof a) != (ssize_t)sizeof a ||
	    read(l.from_child, &got, sizeof got) != (ssize_t)sizeof got) {
		errno = 0;
		fail("the forked child holding the second mapping did not answer");
	}
	return got;
}
