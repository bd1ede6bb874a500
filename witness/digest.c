/* The digest in WRITE/READ records: FNV-1a 64, cheap and order-sensitive. */
#include "config.h"

#include "witness.h"

uint64_t
wit_digest(const void *buf, size_t len)
{
	const unsigned char *p = buf;
	uint64_t h = 0xcbf29ce484222325u;	/* FNV-1a 64 offset basis */

	while (len-- > 0) {
		h ^= *p++;
		h *= 0x100000001b3u;		/* FNV-1a 64 prime */
	}
	return h;
}
