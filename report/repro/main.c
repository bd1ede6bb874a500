/*@needs @STEPS@ layout set_range call judge*/
/* The case's steps in the suite's order: the mapping, the range, the lock,
 * then what is observed around the one call.  The file under test is made
 * in the directory named by the first argument (default: the current one):
 * run this on the filesystem you want to look at. */
int
main(int argc, char **argv)
{
	struct utsname u;
	const char *effect, *seen;
	char buf[32];

	setvbuf(stdout, NULL, _IOLBF, 0);
	p = (size_t)sysconf(_SC_PAGESIZE);
	l.npages = l.eof = MAP_PAGES;
	l.hole = -1;
	l.fd = -1;
	l.dir = argc > 1 ? argv[1] : ".";
	printf("case %s\n%s\n", case_id, description);
	if (uname(&u) == 0)
		printf("on %s %s %s, page size %zu\n\n", u.sysname, u.release, u.machine, p);
@BUILD@
	finish();
	set_range();
@?locked@	@LOCK@();
	effect = @CHECK@();

	seen = outcome(buf, sizeof buf);
	if (returned && ret == 0 && effect != NULL)
		seen = effect;
	else if (returned && ret == 0 && call_only != NULL)
		printf("cannot tell here: %s\n", call_only);
	else
		call_only = NULL;
	printf("outcome: %s%s\n", seen, call_only != NULL ? " (the return value only)" : "");
	return judge(seen, call_only != NULL);
}
