/* Growable byte buffers; reading a whole file, and writing one all or
 * nothing (beside its final name, then renamed). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

static void
sb_reserve(struct sbuf *b, size_t n)
{
	size_t cap = b->cap ? b->cap : 256;

	if (n + 1 <= b->cap)
		return;
	while (cap < n + 1)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	sb_reserve(b, b->len + n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void
sb_puts(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

void
sb_putc(struct sbuf *b, char c)
{
	sb_add(b, &c, 1);
}

void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	sb_reserve(b, b->len + (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
sb_free(struct sbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void
sb_shword(struct sbuf *b, const char *s)
{
	static const char plain[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=+,@%";

	if (*s != '\0' && strspn(s, plain) == strlen(s)) {
		sb_puts(b, s);
		return;
	}
	sb_putc(b, '\'');
	for (; *s; s++)
		if (*s == '\'')
			sb_puts(b, "'\\''");
		else
			sb_putc(b, *s);
	sb_putc(b, '\'');
}

int
file_read(const char *path, struct sbuf *out, struct err *e)
{
	FILE *f = fopen(path, "rb");
	char chunk[65536];
	size_t n;
	int bad, saved;

	if (f == NULL)
		return errf(e, "%s: %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_add(out, chunk, n);
	bad = ferror(f);
	saved = errno;
	fclose(f);
	if (bad)
		return errf(e, "%s: read error: %s", path, strerror(saved));
	sb_add(out, "", 0);   /* a NUL-terminated buffer even when empty */
	return 0;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int
file_write(const char *path, const struct sbuf *b, struct err *e)
{
	struct sbuf tmp = {0};
	int fd, rc, saved;

	if (path == NULL || strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, b->p, b->len) != 0)
			return errf(e, "stdout: %s", strerror(errno));
		return 0;
	}
	sb_printf(&tmp, "%s.tmp%ld", path, (long)getpid());
	fd = open(tmp.p, O_WRONLY | O_CREAT | O_EXCL, 0666);
	if (fd < 0) {
		errf(e, "%s: %s", tmp.p, strerror(errno));
		sb_free(&tmp);
		return -1;
	}
	rc = write_all(fd, b->p, b->len);
	saved = errno;
	if (close(fd) != 0 && rc == 0) {
		rc = -1;
		saved = errno;
	}
	if (rc == 0 && rename(tmp.p, path) != 0) {
		rc = -1;
		saved = errno;
	}
	if (rc != 0) {
		unlink(tmp.p);
		errf(e, "%s: %s", path, strerror(saved));
	}
	sb_free(&tmp);
	return rc;
}
