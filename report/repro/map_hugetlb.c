/*@needs huge lacks*/
/* One huge page of the default size, anonymous MAP_SHARED|MAP_HUGETLB: it
 * needs a free huge page reserved (vm.nr_hugepages). */
static void
map_hugetlb(void)
{
#ifdef MAP_HUGETLB
	unsigned long long h = 0;
	char line[128], res[64];
	FILE *f = fopen("/proc/meminfo", "r");

	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "Hugepagesize: %llu kB", &h) == 1)
			break;
	if (f != NULL)
		fclose(f);
	if (h == 0)
		lacks("no huge page size in /proc/meminfo (Hugepagesize): no hugetlb pages");
	reserve_huge(h * 1024);
	if (mmap(m, (size_t)(h * 1024), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS | MAP_HUGETLB | MAP_FIXED, -1, 0) == MAP_FAILED) {
		int e = errno;

		if (!read_line("/proc/sys/vm/nr_hugepages", res, sizeof res))
			snprintf(res, sizeof res, "unknown");
		lacks("no free huge page of %llu kB (vm.nr_hugepages is %s): mmap(MAP_HUGETLB): %s",
		    h, res, strerror(e));
	}
#else
	lacks("this system has no MAP_HUGETLB");
#endif
}
