@?mapping=pairlate@/*@needs map_other*/
/* The file's other mapping, in this process. */
static char *
other(void)
{
@?mapping=pairlate@	/* Made at the first use: after the stores through the shared one. */
@?mapping=pairlate@	if (l.pair == NULL && (l.pair = map_other(MAP_PRIVATE)) == NULL)
@?mapping=pairlate@		fail("mmap of the late MAP_PRIVATE mapping");
	return l.pair;
}
