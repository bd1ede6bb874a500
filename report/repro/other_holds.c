@!forked@/*@needs other holds*/
@?forked@/*@needs ask*/
/* Bit i: byte off of page i of the file's other mapping (@OTHER_OWNER@) is
 * v, for the pages of bits. */
static unsigned
other_holds(unsigned bits, size_t off, char v)
{
@!forked@	return holds(other(), bits, off, v);
@?forked@	return ask('r', bits, off, v);
}
