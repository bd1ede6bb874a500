/*@needs range_bits store lacks call*/
/* The suite's witness filesystem fails the write-back with
@?check=eio@ * EIO
@?check=enospc@ * ENOSPC
@?check=eioretry@ * EIO
@?check=enospcretry@ * ENOSPC
 * and looks at msync's answer, a second call's, and whether the data are
 * stored once storage heals.  A file alone cannot make a filesystem fail:
 * this one makes the same stores and the same call on a healthy
 * filesystem, prints what msync returned, and ends as a lack (77). */
static const char *
check_wberror(void)
{
	store(m, range_bits(), 7, 'E');

	call();

@?check=eio@	lacks("a filesystem that fails the write-back with EIO: the suite's witness "
@?check=enospc@	lacks("a filesystem that fails the write-back with ENOSPC: the suite's witness "
@?check=eioretry@	lacks("a filesystem that fails the write-back with EIO: the suite's witness "
@?check=enospcretry@	lacks("a filesystem that fails the write-back with ENOSPC: the suite's witness "
	    "filesystem fails it on purpose; here it did not fail, and the return value above "
	    "is a healthy filesystem's");
	return NULL;
}
