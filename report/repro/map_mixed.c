/*@needs map_at*/
/* Pages 2-3 of the file mapped @OTHER@ over pages 2-3 of the mapping: two
 * mappings side by side, pages 0-1 one way, pages 2-3 the other. */
static void
map_mixed(void)
{
	map_at(2, 2, PROT_READ | PROT_WRITE, @OTHER@, l.fd, 2,
	    "mmap of pages 2-3 of the file, the other way");
}
