/*@needs layout map_at*/
/* Anonymous memory, MAP_PAGES pages at m. */
static void
map_anon(void)
{
	reserve(MAP_PAGES * p, p);
	map_at(0, MAP_PAGES, @PROT@, @MAP_FLAGS@, -1, 0, "mmap of the mapping under test");
}
