/*
 * FUSE low-level operations of the witness: a flat directory of regular
 * files.  Every READ, WRITE, FSYNC, FLUSH and SETATTR is logged; faults set
 * with wit_fail() are answered here.  Attribute and entry timeouts are 0 so
 * stat() always asks the witness (its times are the truth unless the kernel
 * owns them under writeback_cache).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/statvfs.h>

#include "daemon.h"
#include "proto.h"

static struct wd *
wd_of(fuse_req_t req)
{
	return fuse_req_userdata(req);
}

/* Answers for a file the kernel just learned about (lookup, create). */
static void
entry_of(struct wd *wd, struct wd_file *f, struct fuse_entry_param *e)
{
	memset(e, 0, sizeof *e);
	e->ino = f->ino;
	wd_stat(wd, f, &e->attr);
	f->nlookup++;
}

/*
 * Page-cache friendly session: no cache invalidation on attribute changes
 * (a poke or a WRITE-time mtime must not make the kernel drop or write back
 * pages behind the case's back), and writeback_cache only on request.
 */
static void
op_init(void *userdata, struct fuse_conn_info *conn)
{
	struct wd *wd = userdata;

	conn->want &= ~(unsigned)FUSE_CAP_AUTO_INVAL_DATA;
	if (conn->capable & FUSE_CAP_EXPLICIT_INVAL_DATA)
		conn->want |= FUSE_CAP_EXPLICIT_INVAL_DATA;
	if (wd->writeback_cache && (conn->capable & FUSE_CAP_WRITEBACK_CACHE))
		conn->want |= FUSE_CAP_WRITEBACK_CACHE;
	else
		conn->want &= ~(unsigned)FUSE_CAP_WRITEBACK_CACHE;
	wd->writeback_cache = (conn->want & FUSE_CAP_WRITEBACK_CACHE) != 0;
	wd->initialized = 1;
}

static void
op_lookup(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = parent == FUSE_ROOT_ID ? wd_find(wd, name) : NULL;
	struct fuse_entry_param e;

	if (f == NULL) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	entry_of(wd, f, &e);
	fuse_reply_entry(req, &e);
}

static void
forget_one(struct wd *wd, fuse_ino_t ino, uint64_t n)
{
	struct wd_file *f = wd_get(wd, ino);

	if (f == NULL)
		return;
	f->nlookup = n < f->nlookup ? f->nlookup - n : 0;
	wd_maybe_free(wd, f);
}

static void
op_forget(fuse_req_t req, fuse_ino_t ino, uint64_t nlookup)
{
	forget_one(wd_of(req), ino, nlookup);
	fuse_reply_none(req);
}

static void
op_forget_multi(fuse_req_t req, size_t count, struct fuse_forget_data *fd)
{
	size_t i;

	for (i = 0; i < count; i++)
		forget_one(wd_of(req), fd[i].ino, fd[i].nlookup);
	fuse_reply_none(req);
}

static void
op_getattr(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = wd_get(wd, ino);
	struct stat st;

	(void)fi;
	if (f == NULL && ino != FUSE_ROOT_ID) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	wd_stat(wd, f, &st);
	fuse_reply_attr(req, &st, 0.0);
}

/* A size change is a modification: truncate(2), O_TRUNC, extension. */
static int
set_size(struct wd_file *f, uint64_t size)
{
	int err = wd_resize(f, size);

	if (err == 0) {
		wd_now(&f->mtime);
		f->ctime = f->mtime;
	}
	return err;
}

static void
set_time(struct timespec *t, int now, const struct timespec *v)
{
	if (now)
		wd_now(t);
	else
		*t = *v;
}

static void
op_setattr(fuse_req_t req, fuse_ino_t ino, struct stat *a, int to_set,
    struct fuse_file_info *fi)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = wd_get(wd, ino);
	struct wit_rec *r;
	uint32_t flags = 0;
	struct stat st;
	int err;

	(void)fi;
	if (f == NULL) {
		fuse_reply_err(req, ino == FUSE_ROOT_ID ? EPERM : ENOENT);
		return;
	}
	if (to_set & FUSE_SET_ATTR_SIZE) {
		if ((err = set_size(f, (uint64_t)a->st_size)) != 0) {
			fuse_reply_err(req, err);
			return;
		}
		flags |= WIT_F_SIZE;
	}
	if (to_set & FUSE_SET_ATTR_MODE) {
		f->mode = S_IFREG | (a->st_mode & 07777);
		flags |= WIT_F_MODE;
	}
	if (to_set & (FUSE_SET_ATTR_UID | FUSE_SET_ATTR_GID)) {
		if (to_set & FUSE_SET_ATTR_UID)
			f->uid = a->st_uid;
		if (to_set & FUSE_SET_ATTR_GID)
			f->gid = a->st_gid;
		flags |= WIT_F_OWNER;
	}
	if (to_set & FUSE_SET_ATTR_ATIME) {
		set_time(&f->atime, to_set & FUSE_SET_ATTR_ATIME_NOW, &a->st_atim);
		flags |= WIT_F_ATIME;
	}
	if (to_set & FUSE_SET_ATTR_MTIME) {
		set_time(&f->mtime, to_set & FUSE_SET_ATTR_MTIME_NOW, &a->st_mtim);
		flags |= WIT_F_MTIME;
	}
	if (to_set & FUSE_SET_ATTR_CTIME) {
		f->ctime = a->st_ctim;
		flags |= WIT_F_CTIME;
	} else if (flags != 0) {
		wd_now(&f->ctime);
	}
	r = wd_log(wd, WIT_OP_SETATTR, f->name);
	r->off = f->size;
	r->flags = flags;
	wd_stat(wd, f, &st);
	fuse_reply_attr(req, &st, 0.0);
}

/*
 * O_TRUNC arrives with open (libfuse enables atomic_o_trunc); a file just
 * created has nothing to truncate.
 */
static int
open_file(struct wd *wd, struct wd_file *f, struct fuse_file_info *fi,
    int created)
{
	if ((fi->flags & O_TRUNC) && !created) {
		int err = set_size(f, 0);

		if (err != 0)
			return err;
		wd_log(wd, WIT_OP_SETATTR, f->name)->flags = WIT_F_SIZE;
	}
	/*
	 * Keep the page cache across opens; direct_io would forbid MAP_SHARED
	 * writes and bypass the cache we want to observe.
	 */
	fi->keep_cache = 1;
	fi->direct_io = 0;
	f->nopen++;
	return 0;
}

static void
op_open(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = wd_get(wd, ino);
	int err = f != NULL ? open_file(wd, f, fi, 0) : ENOENT;

	if (err != 0)
		fuse_reply_err(req, err);
	else
		fuse_reply_open(req, fi);
}

/* Finds or creates name; *created tells which. */
static struct wd_file *
new_file(fuse_req_t req, fuse_ino_t parent, const char *name, mode_t mode,
    int excl, int *err, int *created)
{
	struct wd *wd = wd_of(req);
	const struct fuse_ctx *ctx = fuse_req_ctx(req);
	struct wd_file *f;

	*err = 0;
	*created = 0;
	if (parent != FUSE_ROOT_ID || (mode & S_IFMT) != S_IFREG) {
		*err = parent != FUSE_ROOT_ID ? ENOENT : EPERM;
		return NULL;
	}
	if (strlen(name) > WIT_MSG_NAME_MAX) {
		*err = ENAMETOOLONG;
		return NULL;
	}
	if ((f = wd_find(wd, name)) != NULL) {
		if (excl)
			*err = EEXIST;
		return f;
	}
	f = wd_create(wd, name, mode & ~ctx->umask, ctx->uid, ctx->gid);
	if (f == NULL) {
		*err = ENOMEM;
	} else {
		*created = 1;
		wd_now(&wd->root_time);
	}
	return f;
}

static void
op_create(fuse_req_t req, fuse_ino_t parent, const char *name, mode_t mode,
    struct fuse_file_info *fi)
{
	struct wd *wd = wd_of(req);
	struct fuse_entry_param e;
	int err, created;
	struct wd_file *f = new_file(req, parent, name, S_IFREG | (mode & 07777),
	    (fi->flags & O_EXCL) != 0, &err, &created);

	if (err == 0)
		err = open_file(wd, f, fi, created);
	if (err != 0) {
		fuse_reply_err(req, err);
		return;
	}
	entry_of(wd, f, &e);
	fuse_reply_create(req, &e, fi);
}

static void
op_mknod(fuse_req_t req, fuse_ino_t parent, const char *name, mode_t mode,
    dev_t rdev)
{
	struct fuse_entry_param e;
	int err, created;
	struct wd_file *f = new_file(req, parent, name, mode, 1, &err, &created);

	(void)rdev;
	if (err != 0) {
		fuse_reply_err(req, err);
		return;
	}
	entry_of(wd_of(req), f, &e);
	fuse_reply_entry(req, &e);
}

static void
op_unlink(fuse_req_t req, fuse_ino_t parent, const char *name)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = parent == FUSE_ROOT_ID ? wd_find(wd, name) : NULL;

	if (f == NULL) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	wd_unlink(wd, f);
	wd_now(&wd->root_time);
	fuse_reply_err(req, 0);
}

static void
op_read(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
	struct fuse_file_info *fi)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = wd_get(wd, ino);
	struct wit_rec *r;
	size_t n = 0;

	(void)fi;
	if (f == NULL) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	if ((uint64_t)off < f->size)
		n = f->size - (uint64_t)off < size ? f->size - (uint64_t)off : size;
	r = wd_log(wd, WIT_OP_READ, f->name);
	r->off = (uint64_t)off;
	r->len = n;
	r->err = wd_fault(f, WIT_OP_READ);
	if (r->err != 0) {
		fuse_reply_err(req, r->err);
		return;
	}
	r->digest = wit_digest(f->data + off, n);
	fuse_reply_buf(req, (const char *)f->data + off, n);
}

static void
op_write(fuse_req_t req, fuse_ino_t ino, const char *buf, size_t size,
    off_t off, struct fuse_file_info *fi)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = wd_get(wd, ino);
	struct wit_rec *r;
	int err;

	if (f == NULL) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	r = wd_log(wd, WIT_OP_WRITE, f->name);
	r->off = (uint64_t)off;
	r->len = size;
	r->digest = wit_digest(buf, size);
	r->flags = fi->writepage ? WIT_F_WRITEPAGE : 0;
	err = wd_fault(f, WIT_OP_WRITE);
	if (err == 0)
		err = wd_store(f, (uint64_t)off, buf, size);
	/* Under writeback_cache the kernel owns c/mtime and sends SETATTR. */
	if (err == 0 && !wd->writeback_cache) {
		wd_now(&f->mtime);
		f->ctime = f->mtime;
	}
	r->err = err;
	if (err != 0)
		fuse_reply_err(req, err);
	else
		fuse_reply_write(req, size);
}

/*
 * FLUSH and FSYNC store nothing (memory is the storage); they are logged
 * and can fail on request.
 */
static void
sync_op(fuse_req_t req, fuse_ino_t ino, unsigned op, uint32_t flags)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = wd_get(wd, ino);
	struct wit_rec *r;

	if (f == NULL) {
		fuse_reply_err(req, ENOENT);
		return;
	}
	r = wd_log(wd, op, f->name);
	r->flags = flags;
	r->err = wd_fault(f, op);
	fuse_reply_err(req, r->err);
}

static void
op_flush(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)fi;
	sync_op(req, ino, WIT_OP_FLUSH, 0);
}

static void
op_fsync(fuse_req_t req, fuse_ino_t ino, int datasync,
    struct fuse_file_info *fi)
{
	(void)fi;
	sync_op(req, ino, WIT_OP_FSYNC, datasync ? WIT_F_DATASYNC : 0);
}

static void
op_release(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	struct wd *wd = wd_of(req);
	struct wd_file *f = wd_get(wd, ino);

	(void)fi;
	if (f != NULL && f->nopen > 0) {
		f->nopen--;
		wd_maybe_free(wd, f);
	}
	fuse_reply_err(req, 0);
}

static void
op_opendir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	if (ino != FUSE_ROOT_ID)
		fuse_reply_err(req, ENOTDIR);
	else
		fuse_reply_open(req, fi);
}

/* Offsets are entry indexes + 1: ".", "..", then the linked files. */
static void
op_readdir(fuse_req_t req, fuse_ino_t ino, size_t size, off_t off,
    struct fuse_file_info *fi)
{
	struct wd *wd = wd_of(req);
	char buf[4096];
	size_t used = 0;
	off_t i = 0;
	struct wd_file *f = wd->files;

	(void)ino;
	(void)fi;
	if (size > sizeof buf)
		size = sizeof buf;
	for (;;) {
		const char *name;
		struct stat st;
		size_t n;

		if (i < 2) {
			name = i == 0 ? "." : "..";
			wd_stat(wd, NULL, &st);
		} else {
			while (f != NULL && !f->linked)
				f = f->next;
			if (f == NULL)
				break;
			name = f->name;
			wd_stat(wd, f, &st);
			f = f->next;
		}
		if (++i <= off)
			continue;
		n = fuse_add_direntry(req, buf + used, size - used, name, &st, i);
		if (n > size - used)
			break;
		used += n;
	}
	fuse_reply_buf(req, buf, used);
}

static void
op_releasedir(fuse_req_t req, fuse_ino_t ino, struct fuse_file_info *fi)
{
	(void)ino;
	(void)fi;
	fuse_reply_err(req, 0);
}

/* A plausible 1 GiB filesystem; ENOSPC is injected, never real. */
static void
op_statfs(fuse_req_t req, fuse_ino_t ino)
{
	struct wd *wd = wd_of(req);
	struct statvfs sv;
	struct wd_file *f;
	fsblkcnt_t used = 0;
	fsfilcnt_t files = 0;

	(void)ino;
	for (f = wd->files; f != NULL; f = f->next) {
		used += (fsblkcnt_t)((f->size + 4095) / 4096);
		files++;
	}
	memset(&sv, 0, sizeof sv);
	sv.f_bsize = sv.f_frsize = 4096;
	sv.f_blocks = 262144;
	sv.f_bfree = sv.f_bavail = used < sv.f_blocks ? sv.f_blocks - used : 0;
	sv.f_files = 65536;
	sv.f_ffree = sv.f_favail = files < sv.f_files ? sv.f_files - files : 0;
	sv.f_namemax = WIT_MSG_NAME_MAX;
	fuse_reply_statfs(req, &sv);
}

const struct fuse_lowlevel_ops wd_ops = {
	.init = op_init,
	.lookup = op_lookup,
	.forget = op_forget,
	.forget_multi = op_forget_multi,
	.getattr = op_getattr,
	.setattr = op_setattr,
	.mknod = op_mknod,
	.unlink = op_unlink,
	.open = op_open,
	.create = op_create,
	.read = op_read,
	.write = op_write,
	.flush = op_flush,
	.fsync = op_fsync,
	.release = op_release,
	.opendir = op_opendir,
	.readdir = op_readdir,
	.releasedir = op_releasedir,
	.statfs = op_statfs,
};
