/*@needs map_other*/
/* The same 4 pages of the file mapped @OTHER@ elsewhere, made now. */
static void
map_paired(void)
{
	if ((l.pair = map_other(@OTHER@)) == NULL)
		fail("mmap of the file's second mapping");
}
