/* The file under test, removed when the program ends. */
static void
remove_file(void)
{
	(void)unlink(l.path);
}

/* Creates the file under test in l.dir: npages pages, page i filled with
 * 'a'+i, each written by a pwrite() of its own (so that each is its own
 * cache unit where the system has such units); then opened with flags
 * (O_RDWR or O_RDONLY) into l.fd. */
static void
make_file(size_t npages, int flags)
{
	char *buf = malloc(p);

	snprintf(l.path, sizeof l.path, "%s/msync-repro.%ld.dat", l.dir, (long)getpid());
	if (buf == NULL)
		fail("malloc of a page");
	if ((l.fd = open(l.path, O_RDWR | O_CREAT | O_EXCL, 0644)) < 0)
		fail("open(O_CREAT) of the file under test");
	atexit(remove_file);
	for (size_t i = 0; i < npages; i++) {
		memset(buf, 'a' + (int)i, p);
		if (pwrite(l.fd, buf, p, (off_t)(i * p)) != (ssize_t)p)
			fail("pwrite of the file under test");
	}
	free(buf);
	if (flags != O_RDWR) {
		if (close(l.fd) != 0)
			fail("close of the file under test");
		if ((l.fd = open(l.path, flags)) < 0)
			fail("open of the file under test");
	}
}
