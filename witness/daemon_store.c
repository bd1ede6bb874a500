/* The witness's "storage": files kept in memory, the request log, faults. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "daemon.h"

/* Faultable ops in the order of wd_file.fault[]. */
static const unsigned fault_ops[WD_NFAULT] = {
	WIT_OP_READ, WIT_OP_WRITE, WIT_OP_FSYNC, WIT_OP_FLUSH
};

void
wd_now(struct timespec *ts)
{
	clock_gettime(CLOCK_REALTIME, ts);
}

struct wd_file *
wd_find(struct wd *wd, const char *name)
{
	struct wd_file *f;

	for (f = wd->files; f != NULL; f = f->next)
		if (f->linked && strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/*
 * For the case's requests: the linked file, else the newest unlinked one
 * of that name, since cases may unlink a data file as soon as it is mapped.
 */
struct wd_file *
wd_find_any(struct wd *wd, const char *name)
{
	struct wd_file *f = wd_find(wd, name);

	for (f = f != NULL ? f : wd->files; f != NULL; f = f->next)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

struct wd_file *
wd_get(struct wd *wd, fuse_ino_t ino)
{
	struct wd_file *f;

	for (f = wd->files; f != NULL; f = f->next)
		if (f->ino == ino)
			return f;
	return NULL;
}

struct wd_file *
wd_create(struct wd *wd, const char *name, mode_t mode, uid_t uid, gid_t gid)
{
	struct wd_file *f = calloc(1, sizeof *f);

	if (f == NULL || (f->name = strdup(name)) == NULL) {
		free(f);
		return NULL;
	}
	f->linked = 1;
	f->ino = wd->next_ino++;
	f->mode = S_IFREG | (mode & 07777);
	f->uid = uid;
	f->gid = gid;
	wd_now(&f->mtime);
	f->atime = f->ctime = f->mtime;
	f->next = wd->files;
	wd->files = f;
	return f;
}

void
wd_unlink(struct wd *wd, struct wd_file *f)
{
	f->linked = 0;
	wd_now(&f->ctime);
	wd_maybe_free(wd, f);
}

/* An unlinked file lives until the kernel forgets it and the last close. */
void
wd_maybe_free(struct wd *wd, struct wd_file *f)
{
	struct wd_file **pp;

	if (f->linked || f->nlookup > 0 || f->nopen > 0)
		return;
	for (pp = &wd->files; *pp != NULL; pp = &(*pp)->next)
		if (*pp == f) {
			*pp = f->next;
			break;
		}
	free(f->data);
	free(f->name);
	free(f);
}

int
wd_resize(struct wd_file *f, uint64_t size)
{
	if (size > f->cap) {
		uint64_t cap = f->cap ? f->cap : 4096;
		unsigned char *p;

		while (cap < size)
			cap *= 2;
		if (cap != (size_t)cap || (p = realloc(f->data, cap)) == NULL)
			return EFBIG;
		f->data = p;
		f->cap = cap;
	}
	if (size > f->size)
		memset(f->data + f->size, 0, size - f->size);
	f->size = size;
	return 0;
}

int
wd_store(struct wd_file *f, uint64_t off, const void *buf, size_t len)
{
	int err;

	if (off + len < off)
		return EFBIG;
	if (off + len > f->size && (err = wd_resize(f, off + len)) != 0)
		return err;
	memcpy(f->data + off, buf, len);
	return 0;
}

void
wd_stat(const struct wd *wd, const struct wd_file *f, struct stat *st)
{
	memset(st, 0, sizeof *st);
	st->st_blksize = 4096;
	if (f == NULL) {	/* the root directory */
		st->st_ino = FUSE_ROOT_ID;
		st->st_mode = S_IFDIR | 0777;
		st->st_nlink = 2;
		st->st_atim = st->st_mtim = st->st_ctim = wd->root_time;
		return;
	}
	st->st_ino = f->ino;
	st->st_mode = f->mode;
	st->st_nlink = f->linked ? 1 : 0;
	st->st_uid = f->uid;
	st->st_gid = f->gid;
	st->st_size = (off_t)f->size;
	st->st_blocks = (blkcnt_t)((f->size + 511) / 512);
	st->st_atim = f->atime;
	st->st_mtim = f->mtime;
	st->st_ctim = f->ctime;
}

int
wd_fault(const struct wd_file *f, unsigned op)
{
	int i;

	for (i = 0; i < WD_NFAULT; i++)
		if (fault_ops[i] == op)
			return f->fault[i];
	return 0;
}

int
wd_set_fault(struct wd_file *f, unsigned mask, int err)
{
	int i;

	if (mask == 0 || (mask & ~(unsigned)WIT_OPS_FAULTABLE) != 0 || err < 0)
		return EINVAL;
	for (i = 0; i < WD_NFAULT; i++)
		if (mask & fault_ops[i])
			f->fault[i] = err;
	return 0;
}

/*
 * Appends a record with the next sequence number and returns it for the
 * caller to fill in; when the log is full the request is only counted
 * (returns a scratch record) so a runaway case cannot exhaust memory.
 */
struct wit_rec *
wd_log(struct wd *wd, unsigned op, const char *name)
{
	static struct wit_rec scratch;
	struct wit_rec *r = &scratch;

	if (wd->nlog == wd->caplog && wd->caplog < WD_LOG_MAX) {
		size_t cap = wd->caplog ? wd->caplog * 2 : 256;
		struct wit_rec *p = realloc(wd->log, cap * sizeof *p);

		if (p != NULL) {
			wd->log = p;
			wd->caplog = cap;
		}
	}
	if (wd->nlog < wd->caplog)
		r = &wd->log[wd->nlog++];
	else
		wd->dropped++;
	memset(r, 0, sizeof *r);
	r->seq = ++wd->seq;
	r->op = op;
	if (name != NULL)
		memcpy(r->name, name, strnlen(name, sizeof r->name - 1));
	return r;
}

void
wd_log_clear(struct wd *wd)
{
	wd->nlog = 0;
	wd->dropped = 0;
}
