/*@needs layout map_at make_file*/
/* The file under test and its mapping at m: @MAP_PAGES@ pages from page
 * @OFFSET@ of its @FILE_PAGES@. */
static void
map_file(void)
{
	reserve(MAP_PAGES * p, p);
@?mapping=fileoffset@	l.off = 2;
@?mapping=fileshort@	l.eof = 2;	/* pages 2-3 of the mapping lie past the end of the file */
	make_file(@FILE_PAGES@, @OPEN@);
	map_at(0, @MAP_PAGES@, @PROT@, @MAP_FLAGS@, l.fd, @OFFSET@, "mmap of the file under test");
}
