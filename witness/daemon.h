/* msync-witness internals: the in-memory store, its log, the FUSE ops. */
#ifndef MSYNC_WITNESS_DAEMON_H
#define MSYNC_WITNESS_DAEMON_H

#define FUSE_USE_VERSION 35
#include <fuse_lowlevel.h>

#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "witness.h"

#define WD_LOG_MAX 65536	/* records kept; later ones only counted */
#define WD_NFAULT 4		/* the faultable ops: READ WRITE FSYNC FLUSH */

struct wd_file {
	struct wd_file *next;
	fuse_ino_t ino;
	char *name;		/* kept after unlink, for the log and wit_* */
	int linked;
	unsigned char *data;
	uint64_t size, cap;
	mode_t mode;
	uid_t uid;
	gid_t gid;
	struct timespec atime, mtime, ctime;
	uint64_t nlookup;	/* kernel references (lookup/create - forget) */
	unsigned nopen;
	int fault[WD_NFAULT];	/* errno to answer with, per faultable op */
};

struct wd {
	struct wd_file *files;
	fuse_ino_t next_ino;
	struct timespec root_time;
	struct wit_rec *log;
	size_t nlog, caplog;
	uint64_t seq, dropped;
	int writeback_cache;	/* asked for; the kernel decides in init */
	int initialized;	/* INIT answered: the mount is usable */
};

/* daemon_store.c */
struct wd_file *wd_find(struct wd *wd, const char *name);
struct wd_file *wd_find_any(struct wd *wd, const char *name);
struct wd_file *wd_get(struct wd *wd, fuse_ino_t ino);
struct wd_file *wd_create(struct wd *wd, const char *name, mode_t mode,
    uid_t uid, gid_t gid);
void wd_unlink(struct wd *wd, struct wd_file *f);
void wd_maybe_free(struct wd *wd, struct wd_file *f);
int wd_resize(struct wd_file *f, uint64_t size);
int wd_store(struct wd_file *f, uint64_t off, const void *buf, size_t len);
void wd_stat(const struct wd *wd, const struct wd_file *f, struct stat *st);
void wd_now(struct timespec *ts);
int wd_fault(const struct wd_file *f, unsigned op);
int wd_set_fault(struct wd_file *f, unsigned mask, int err);
struct wit_rec *wd_log(struct wd *wd, unsigned op, const char *name);
void wd_log_clear(struct wd *wd);

/* daemon_ops.c */
extern const struct fuse_lowlevel_ops wd_ops;

#endif
