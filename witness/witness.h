/*
 * Client of the msync-witness filesystem, for test cases.
 *
 * A witness is a FUSE filesystem that keeps file contents in its own memory
 * and logs every request the kernel sends it, so a case can prove what msync()
 * wrote to "storage": the page cache and read() agree whatever msync does.
 * See witness/README.md for the design, mount options and debris behaviour.
 *
 * The handle belongs to the process that mounted; children must not use it.
 * Calls are not thread-safe.  Every wit_* function leaves errno as it found
 * it, so a case may talk to the witness between msync() and its errno check.
 */
#ifndef MSYNC_WITNESS_H
#define MSYNC_WITNESS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

/* Logged operations; also the bits of a fault mask for wit_fail(). */
enum wit_op {
	WIT_OP_READ = 1 << 0,
	WIT_OP_WRITE = 1 << 1,
	WIT_OP_FSYNC = 1 << 2,
	WIT_OP_FLUSH = 1 << 3,
	WIT_OP_SETATTR = 1 << 4,
	WIT_OP_MARK = 1 << 5	/* inserted by wit_log_mark(), never by the kernel */
};
#define WIT_OPS_FAULTABLE (WIT_OP_READ | WIT_OP_WRITE | WIT_OP_FSYNC | WIT_OP_FLUSH)

/* wit_rec.flags */
#define WIT_F_WRITEPAGE 0x01u	/* WRITE: page-cache write-back, not write(2) */
#define WIT_F_DATASYNC 0x02u	/* FSYNC: data only (fdatasync, msync MS_SYNC) */
#define WIT_F_SIZE 0x10u	/* SETATTR: size changed, new size in .off */
#define WIT_F_MODE 0x20u
#define WIT_F_OWNER 0x40u
#define WIT_F_ATIME 0x80u
#define WIT_F_MTIME 0x100u
#define WIT_F_CTIME 0x200u

#define WIT_NAME_MAX 64		/* longer names are truncated in records */

/* One logged request; the same bytes travel on the control channel. */
struct wit_rec {
	uint64_t seq;		/* 1, 2, ... in arrival order; clear keeps counting */
	uint32_t op;		/* one enum wit_op */
	int32_t err;		/* errno the witness answered with, 0 = success */
	uint64_t off;		/* READ/WRITE: offset; SETATTR: size; MARK: 0 */
	uint64_t len;		/* READ/WRITE: bytes */
	uint64_t digest;	/* READ/WRITE: wit_digest() of the bytes */
	uint32_t flags;		/* WIT_F_* */
	uint32_t pad_;
	char name[WIT_NAME_MAX];	/* file name, or the mark's label */
};

struct wit_log {
	struct wit_rec *rec;
	size_t n;
	uint64_t dropped;	/* records lost because the log was full */
};

/* What a failed wit_mount() means for the case. */
enum wit_status {
	WIT_OK = 0,
	WIT_SKIP,	/* no FUSE here or no right to mount: skip with the reason */
	WIT_FAIL	/* harness or witness bug: fail with the reason */
};

/* wit_opts.flags */
#define WIT_WRITEBACK_CACHE 0x1u	/* kernel caches write(2) too (see README) */

struct wit_opts {
	const char *daemon;	/* msync-witness to run; NULL: search */
	const char *progdir;	/* directory of the test program (ATF srcdir) */
	unsigned flags;
};

struct wit;

/*
 * Mounts a fresh, empty witness on dir (created if missing) and waits until
 * the kernel can use it.  The daemon is opts->daemon, else
 * <opts->progdir>/msync-witness, else the one in the build tree.  On failure
 * *wp is NULL and why holds the reason.
 */
enum wit_status wit_mount(const char *dir, const struct wit_opts *opts,
    struct wit **wp, char *why, size_t whylen);
/* Unmounts, waits for the daemon to exit, frees w.  0, or -1 and why. */
int wit_unmount(struct wit *w, char *why, size_t whylen);

const char *wit_path(const struct wit *w);	/* absolute mount point */
pid_t wit_pid(const struct wit *w);		/* the daemon */
const char *wit_error(const struct wit *w);	/* reason of the last -1 */

/* Control requests: 0, or -1 with the reason in wit_error(). */
int wit_log_read(struct wit *w, struct wit_log *log);
int wit_log_clear(struct wit *w);
/* Appends a MARK record; everything the kernel sent later has a larger seq. */
int wit_log_mark(struct wit *w, const char *label, uint64_t *seq);
/* Changes stored bytes behind the kernel's cache; never changes the size. */
int wit_poke(struct wit *w, const char *file, uint64_t off, const void *buf,
    size_t len);
/* Reads stored bytes (what "storage" holds); *got < len at end of file. */
int wit_peek(struct wit *w, const char *file, uint64_t off, void *buf,
    size_t len, size_t *got);
/* Makes the ops in mask (WIT_OPS_FAULTABLE) on file fail with err; 0 heals. */
int wit_fail(struct wit *w, const char *file, unsigned mask, int err);

/* Log helpers (no control traffic). */
void wit_log_free(struct wit_log *log);
/* Next record after prev (NULL: first) for file (NULL: any) and ops mask. */
const struct wit_rec *wit_log_next(const struct wit_log *log,
    const struct wit_rec *prev,
    const char *file, unsigned mask);
size_t wit_log_count(const struct wit_log *log, const char *file,
    unsigned mask);
/* counts[i] = WRITE records of file overlapping page i, for npages pages. */
void wit_log_pages(const struct wit_log *log, const char *file, size_t pagesz,
    unsigned *counts, size_t npages);
void wit_log_print(FILE *fp, const struct wit_log *log);
const char *wit_op_name(unsigned op);

/* FNV-1a 64 of the bytes, the digest in WRITE and READ records. */
uint64_t wit_digest(const void *buf, size_t len);

#endif
