/* Reading a witness log: iteration, counting, per-page coverage, printing. */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "witness.h"

/* Records hold at most WIT_NAME_MAX - 1 bytes of a name. */
static int
name_is(const struct wit_rec *r, const char *file)
{
	return file == NULL ||
	    (strncmp(r->name, file, WIT_NAME_MAX - 1) == 0 &&
		(strlen(file) >= WIT_NAME_MAX - 1 ||
		    r->name[strlen(file)] == '\0'));
}

void
wit_log_free(struct wit_log *log)
{
	free(log->rec);
	memset(log, 0, sizeof *log);
}

const struct wit_rec *
wit_log_next(const struct wit_log *log, const struct wit_rec *prev,
    const char *file, unsigned mask)
{
	const struct wit_rec *r = prev != NULL ? prev + 1 : log->rec;

	for (; log->rec != NULL && r < log->rec + log->n; r++)
		if ((r->op & mask) != 0 && name_is(r, file))
			return r;
	return NULL;
}

size_t
wit_log_count(const struct wit_log *log, const char *file, unsigned mask)
{
	const struct wit_rec *r = NULL;
	size_t n = 0;

	while ((r = wit_log_next(log, r, file, mask)) != NULL)
		n++;
	return n;
}

void
wit_log_pages(const struct wit_log *log, const char *file, size_t pagesz,
    unsigned *counts, size_t npages)
{
	const struct wit_rec *r = NULL;

	memset(counts, 0, npages * sizeof *counts);
	while ((r = wit_log_next(log, r, file, WIT_OP_WRITE)) != NULL) {
		uint64_t p;

		if (r->len == 0)
			continue;
		for (p = r->off / pagesz;
		    p <= (r->off + r->len - 1) / pagesz && p < npages; p++)
			counts[p]++;
	}
}

const char *
wit_op_name(unsigned op)
{
	switch (op) {
	case WIT_OP_READ: return "READ";
	case WIT_OP_WRITE: return "WRITE";
	case WIT_OP_FSYNC: return "FSYNC";
	case WIT_OP_FLUSH: return "FLUSH";
	case WIT_OP_SETATTR: return "SETATTR";
	case WIT_OP_MARK: return "MARK";
	default: return "?";
	}
}

static void
print_flags(FILE *fp, uint32_t flags)
{
	static const struct { uint32_t bit; const char *name; } f[] = {
		{ WIT_F_WRITEPAGE, "writepage" }, { WIT_F_DATASYNC, "datasync" },
		{ WIT_F_SIZE, "size" }, { WIT_F_MODE, "mode" },
		{ WIT_F_OWNER, "owner" }, { WIT_F_ATIME, "atime" },
		{ WIT_F_MTIME, "mtime" }, { WIT_F_CTIME, "ctime" },
	};
	const char *sep = " ";
	size_t i;

	for (i = 0; i < sizeof f / sizeof f[0]; i++)
		if (flags & f[i].bit) {
			fprintf(fp, "%s%s", sep, f[i].name);
			sep = ",";
		}
}

void
wit_log_print(FILE *fp, const struct wit_log *log)
{
	size_t i;

	for (i = 0; i < log->n; i++) {
		const struct wit_rec *r = &log->rec[i];

		fprintf(fp, "%6" PRIu64 " %-7s %-12s", r->seq,
			wit_op_name(r->op), r->name);
		if (r->op == WIT_OP_READ || r->op == WIT_OP_WRITE)
			fprintf(fp, " off=%" PRIu64 " len=%" PRIu64
				" digest=%016" PRIx64, r->off, r->len,
				r->digest);
		if (r->op == WIT_OP_SETATTR && (r->flags & WIT_F_SIZE))
			fprintf(fp, " size=%" PRIu64, r->off);
		print_flags(fp, r->flags);
		if (r->err != 0)
			fprintf(fp, " err=%s", strerror(r->err));
		fputc('\n', fp);
	}
	if (log->dropped > 0)
		fprintf(fp, "(%" PRIu64 " records dropped: log full)\n",
			log->dropped);
}
