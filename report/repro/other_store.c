@!forked@/*@needs other store*/
@?forked@/*@needs ask*/
/* Stores v at byte off of the pages of bits of the file's other mapping
 * (@OTHER_OWNER@). */
static void
other_store(unsigned bits, size_t off, char v)
{
@!forked@	store(other(), bits, off, v);
@?forked@	(void)ask('w', bits, off, v);
}
