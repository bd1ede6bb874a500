/*@needs layout*/
@?mapping=hugetlb@#ifdef MAP_HUGETLB
@?mapping=thp@#ifdef MADV_HUGEPAGE
/* The first line of a small system file, or "" (and 0) if unreadable. */
static int
read_line(const char *path, char *buf, size_t n)
{
	FILE *f = fopen(path, "r");
	int ok;

	buf[0] = '\0';
	if (f == NULL)
		return 0;
	ok = fgets(buf, (int)n, f) != NULL;
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

/* The mapping as one huge page of h bytes, made of base pages, reserved
 * h-aligned. */
static void
reserve_huge(unsigned long long h)
{
	if (h % p != 0 || h / p > 1u << 20)
		lacks("the huge page size %llu is no small multiple of the page size %zu", h, p);
	l.npages = l.eof = (size_t)(h / p);
	reserve((size_t)h, (size_t)h);
}
#endif
/*@needs lacks*/
