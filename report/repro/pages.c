/* Page bits in words: "0,2,3" or "none". */
static const char *
pages(unsigned bits, char *buf, size_t n)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < 32 && used < n; i++)
		if (bits & (1u << i))
			used += (size_t)snprintf(buf + used, n - used, "%s%u", used ? "," : "", i);
	return used ? buf : "none";
}
