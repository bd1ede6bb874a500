/*@needs huge map_at lacks*/
#define THP_DIR "/sys/kernel/mm/transparent_hugepage"

/* One huge page, anonymous MAP_PRIVATE, H-aligned, given to
 * madvise(MADV_HUGEPAGE): transparent huge pages need only the kernel's
 * consent. */
static void
map_thp(void)
{
#ifdef MADV_HUGEPAGE
	unsigned long long h = 0;
	char line[128];

	if (!read_line(THP_DIR "/hpage_pmd_size", line, sizeof line) ||
	    sscanf(line, "%llu", &h) != 1 || h == 0)
		lacks("no transparent huge pages (" THP_DIR "/hpage_pmd_size unreadable)");
	if (read_line(THP_DIR "/enabled", line, sizeof line) && strstr(line, "[never]") != NULL)
		lacks("transparent huge pages are disabled (" THP_DIR "/enabled: %s)", line);
	reserve_huge(h);
	map_at(0, l.npages, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0,
	    "mmap of the huge page's region");
	if (madvise(m, (size_t)h, MADV_HUGEPAGE) != 0)
		fail("madvise(MADV_HUGEPAGE)");
#else
	lacks("this system has no MADV_HUGEPAGE");
#endif
}
