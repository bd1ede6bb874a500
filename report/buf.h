/* Growable byte buffers, whole-file reading and all-or-nothing writing:
 * every command builds its whole answer before writing any of it, so bad
 * input never yields a partial answer. */
#ifndef MSYNC_REPORT_BUF_H
#define MSYNC_REPORT_BUF_H

#include <stddef.h>

#include "util.h"

struct sbuf {
	char *p;        /* always NUL-terminated once anything was added */
	size_t len, cap;
};

void sb_add(struct sbuf *b, const char *s, size_t n);
void sb_puts(struct sbuf *b, const char *s);
void sb_putc(struct sbuf *b, char c);
void sb_printf(struct sbuf *b, const char *fmt, ...) REPORT_PRINTF(2, 3);
void sb_free(struct sbuf *b);
/* s as one word of a POSIX shell command: as it is when it holds nothing
 * the shell reads specially, else in single quotes. */
void sb_shword(struct sbuf *b, const char *s);

int file_read(const char *path, struct sbuf *out, struct err *e);
/* path NULL or "-": stdout.  A file is written beside its final name and
 * renamed, so it is either complete or untouched. */
int file_write(const char *path, const struct sbuf *b, struct err *e);

#endif
