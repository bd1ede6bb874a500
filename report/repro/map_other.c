/* The file's 4 pages mapped again, elsewhere, with flags (MAP_SHARED or
 * MAP_PRIVATE), through the same descriptor: NULL if it fails. */
static char *
map_other(int flags)
{
	void *o = mmap(NULL, l.npages * p, PROT_READ | PROT_WRITE, flags, l.fd, 0);

	return o == MAP_FAILED ? NULL : o;
}
