/* mmap() of npages pages at page at of the mapping, MAP_FIXED over the
 * reservation; a file that cannot be mapped here (ENODEV) is a lack. */
static void
map_at(size_t at, size_t npages, int prot, int flags, int fd, size_t fileoff, const char *what)
{
	if (mmap(m + at * p, npages * p, prot, flags | MAP_FIXED, fd, (off_t)(fileoff * p)) != MAP_FAILED)
		return;
	if (errno == ENODEV && fd >= 0)
		lacks("files here cannot be mapped (%s: %s)", what, strerror(errno));
	fail(what);
}
/*@needs lacks*/
