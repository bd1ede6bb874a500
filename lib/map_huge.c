/*
 * The corners' huge pages: one huge page H at an H-aligned m, an anonymous
 * MAP_SHARED|MAP_HUGETLB mapping (which needs pages reserved:
 * vm.nr_hugepages) or an anonymous MAP_PRIVATE region given to
 * madvise(MADV_HUGEPAGE) (which needs only the kernel's consent).  The
 * layout is then H/p pages.  What the system lacks makes the case skip.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/mman.h>

#include <stdio.h>
#include <string.h>

#include "mapkind.h"

#if !HAVE_DECL_MAP_ANONYMOUS && HAVE_DECL_MAP_ANON
#define MAP_ANONYMOUS MAP_ANON
#endif

#define THP_DIR "/sys/kernel/mm/transparent_hugepage"

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

/* The layout as h bytes of base pages, reserved h-aligned. */
static void
reserve_huge(struct mh_layout *l, unsigned long long h, struct mh_run *run)
{
	if (h % l->page != 0 || h / l->page > 1u << 20)
		mh_skip(run, "the huge page size %llu is no small multiple of the page size %zu",
		    h, l->page);
	l->npages = l->eof = (size_t)(h / l->page);
	mh_layout_reserve(l, (size_t)h, (size_t)h, run);
}

static void
build_hugetlb(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
#if HAVE_DECL_MAP_HUGETLB
	unsigned long long h = 0;
	char line[128], res[64];
	FILE *f = fopen("/proc/meminfo", "r");

	(void)dir;
	while (f != NULL && fgets(line, sizeof line, f) != NULL)
		if (sscanf(line, "Hugepagesize: %llu kB", &h) == 1)
			break;
	if (f != NULL)
		fclose(f);
	if (h == 0)
		mh_skip(run, "no huge page size in /proc/meminfo (Hugepagesize): no hugetlb pages");
	reserve_huge(l, h * 1024, run);
	if (mmap(l->m, (size_t)(h * 1024), k->prot, k->flags | MAP_HUGETLB | MAP_FIXED, -1, 0)
	    == MAP_FAILED) {
		const char *e = mh_errno_now();

		if (!read_line("/proc/sys/vm/nr_hugepages", res, sizeof res))
			snprintf(res, sizeof res, "unknown");
		mh_skip(run, "no free huge page of %llu kB (vm.nr_hugepages is %s): "
		    "mmap(MAP_HUGETLB): %s", h, res, e);
	}
	mh_layout_finish(c, l, run);
#else
	(void)c, (void)k, (void)dir, (void)l;
	mh_skip(run, "this system has no MAP_HUGETLB");
#endif
}

static void
build_thp(const struct mh_case *c, const struct mh_mapkind *k, const char *dir,
    struct mh_layout *l, struct mh_run *run)
{
#if HAVE_DECL_MADV_HUGEPAGE
	unsigned long long h = 0;
	char line[128];

	(void)dir;
	if (!read_line(THP_DIR "/hpage_pmd_size", line, sizeof line) ||
	    sscanf(line, "%llu", &h) != 1 || h == 0)
		mh_skip(run, "no transparent huge pages (" THP_DIR "/hpage_pmd_size unreadable)");
	if (read_line(THP_DIR "/enabled", line, sizeof line) && strstr(line, "[never]") != NULL)
		mh_skip(run, "transparent huge pages are disabled (" THP_DIR "/enabled: %s)", line);
	reserve_huge(l, h, run);
	mh_layout_map(l, 0, l->npages, k->prot, k->flags, -1, 0,
	    "mmap of the huge page's region", run);
	if (madvise(l->m, (size_t)h, MADV_HUGEPAGE) != 0)
		mh_broken_errno(run, "madvise(MADV_HUGEPAGE)");
	mh_layout_finish(c, l, run);
#else
	(void)c, (void)k, (void)dir, (void)l;
	mh_skip(run, "this system has no MADV_HUGEPAGE");
#endif
}

/* The builders the table's build lines name (t/builders.c). */
const struct mh_builder mh_builder_hugetlb = { build_hugetlb, NULL, NULL };
const struct mh_builder mh_builder_thp = { build_thp, NULL, NULL };
