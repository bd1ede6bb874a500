/*
 * The pages of a case's mapping as bits (pages.h).
 */
#include "config.h"

#include <stdio.h>

#include "pages.h"

/* Pages bits can name. */
static size_t
nbits(const struct mh_layout *l)
{
	return l->npages < 32 ? l->npages : 32;
}

unsigned
mh_range_bits(const struct mh_layout *l)
{
	size_t lo, hi;
	unsigned bits = 0;

	if (l->len == 0)
		return 0;
	mh_layout_range_pages(l, &lo, &hi);
	for (size_t i = lo; i < hi && i < l->eof && i < nbits(l); i++)
		if ((long)i != l->hole)
			bits |= 1u << i;
	return bits;
}

unsigned
mh_mapped_bits(const struct mh_layout *l)
{
	unsigned bits = 0;

	for (size_t i = 0; i < nbits(l); i++)
		if ((long)i != l->hole)
			bits |= 1u << i;
	return bits;
}

void
mh_store(char *m, const struct mh_layout *l, unsigned bits, size_t off, char v)
{
	for (size_t i = 0; i < nbits(l); i++)
		if (bits & (1u << i))
			((volatile char *)m)[i * l->page + off] = v;
}

unsigned
mh_holds(const char *m, const struct mh_layout *l, unsigned bits, size_t off, char v)
{
	unsigned got = 0;

	for (size_t i = 0; i < nbits(l); i++)
		if ((bits & (1u << i)) && ((const volatile char *)m)[i * l->page + off] == v)
			got |= 1u << i;
	return got;
}

int
mh_count(unsigned bits)
{
	int n = 0;

	for (; bits != 0; bits &= bits - 1)
		n++;
	return n;
}

const char *
mh_pages(unsigned bits, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < 32 && used < n; i++)
		if (bits & (1u << i))
			used += (size_t)snprintf(buf + used, n - used, "%s%u", used ? "," : "", i);
	return used ? buf : "none";
}
