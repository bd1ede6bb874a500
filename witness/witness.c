/*
 * Client side of the witness: starting and stopping msync-witness and the
 * control requests.  Log helpers are in log.c, the wire format in proto.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#ifdef __linux__
#include <sys/sysmacros.h>
#endif
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "proto.h"
#include "witness.h"

#define TIMEOUT_MS 30000	/* a healthy daemon answers in microseconds */

struct wit {
	pid_t pid;		/* the daemon, our child */
	pid_t owner;		/* the process that mounted */
	int ctl;
	dev_t dev;		/* of the mounted root: tells if it is still there */
	int made_dir;
	char path[PATH_MAX];
	char why[512];
};

static enum wit_status
say(char *why, size_t len, enum wit_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (len > 0)
		vsnprintf(why, len, fmt, ap);
	va_end(ap);
	return st;
}

/* Explicit path, else next to the test program, else the build tree. */
static enum wit_status
find_daemon(const struct wit_opts *o, char *path, size_t len, char *why,
	    size_t whylen)
{
	if (o != NULL && o->daemon != NULL) {
		snprintf(path, len, "%s", o->daemon);
		if (access(path, X_OK) == 0)
			return WIT_OK;
		return say(why, whylen, WIT_FAIL, "msync-witness %s: %s", path,
		    strerror(errno));
	}
	if (o != NULL && o->progdir != NULL) {
		snprintf(path, len, "%s/msync-witness", o->progdir);
		if (access(path, X_OK) == 0)
			return WIT_OK;
	}
#ifdef WIT_BUILD_DAEMON
	snprintf(path, len, "%s", WIT_BUILD_DAEMON);
	if (access(path, X_OK) == 0)
		return WIT_OK;
#endif
#if HAVE_FUSE3
	return say(why, whylen, WIT_FAIL,
	    "msync-witness not found next to the test program (%s) "
	    "nor in the build tree", o != NULL && o->progdir != NULL ?
	    o->progdir : "srcdir not given");
#else
	return say(why, whylen, WIT_SKIP,
	    "msync-witness was not built: configure found no libfuse3");
#endif
}

/*
 * Whether a mount of this process's namespace is shared: an optional field
 * "shared:N" in /proc/self/mountinfo (after the sixth field, before " - ").
 * A mount made below a shared one propagates to its peers, outside this
 * namespace.  1 shared, 0 none, -1 unreadable (errno set).
 */
static int
shared_mounts(void)
{
	FILE *f = fopen("/proc/self/mountinfo", "r");
	char *line = NULL, *t, *end, *save;
	size_t cap = 0;
	int shared = 0, field;

	if (f == NULL)
		return -1;
	while (!shared && getline(&line, &cap, f) > 0) {
		if ((end = strstr(line, " - ")) != NULL)
			*end = '\0';
		field = 0;
		for (t = strtok_r(line, " \n", &save); t != NULL; t = strtok_r(NULL, " \n", &save))
			if (++field > 6 && strncmp(t, "shared:", 7) == 0)
				shared = 1;
	}
	free(line);
	fclose(f);
	return shared;
}

/*
 * The first mount moves this process into a private mount namespace, with
 * propagation to it only: the witness mount then exists for this process
 * and its children alone and vanishes with the last of them, even under
 * SIGKILL, and kyua's clean-up of the work directory never meets it.
 * Where propagation cannot be changed (gVisor refuses MS_SLAVE and MS_REC
 * with EINVAL) but no mount of the new namespace is shared, nothing can
 * propagate out of it anyway: it is as private.
 * Returns 1 (private), 0 (not permitted: use the shared one), -1 with the
 * reason in why (propagation cannot be changed here and a mount is
 * shared: mounting would leak; skip), or -2 with the reason (the change
 * failed otherwise: a fault).
 */
static int
private_namespace(char *why, size_t len)
{
	static int state;	/* 0 untried, 1 private, -1 impossible, -2 unsafe,
				 * -3 failed */
	static int err, shared;

	if (state == 0) {
#if defined(HAVE_UNSHARE) && HAVE_DECL_CLONE_NEWNS && HAVE_DECL_MS_SLAVE && \
    HAVE_DECL_MS_REC
		if (unshare(CLONE_NEWNS) != 0) {
			err = errno;
			state = -1;
		} else if (mount("none", "/", NULL, MS_REC | MS_SLAVE, NULL) != 0) {
			err = errno;
			shared = err == EINVAL ? shared_mounts() : -1;
			state = err != EINVAL ? -3 : shared == 0 ? 1 : -2;
		} else {
			state = 1;
		}
#else
		err = ENOSYS;
		state = -1;
#endif
	}
	if (state == -2)
		say(why, len, WIT_SKIP, "no private mount for the witness: "
		    "propagation cannot be changed here (mount --make-rslave /: "
		    "%s) and %s", strerror(err), shared > 0 ?
		    "/proc/self/mountinfo shows shared mounts" :
		    "/proc/self/mountinfo is unreadable");
	else if (state == -3)
		say(why, len, WIT_FAIL, "private mount namespace, but cannot "
		    "stop propagation to the parent's (mount --make-rslave /): "
		    "%s", strerror(err));
	return state == 1 ? 1 : state == -1 ? 0 : state == -2 ? -1 : -2;
}

/*
 * The daemon keeps only stdio and the channel (as fd 3): an inherited
 * descriptor could pin a file of this or another witness, or hold a pipe
 * the case waits on.
 */
static int
daemon_fds(int fd)
{
	if (fd == 3 ? fcntl(3, F_SETFD, 0) != 0 : dup2(fd, 3) != 3)
		return -1;
#ifdef HAVE_CLOSEFROM
	closefrom(4);
#else
	{
		long max = sysconf(_SC_OPEN_MAX);

		for (fd = 4; fd < (max > 0 && max < 65536 ? max : 65536); fd++)
			close(fd);
	}
#endif
	return 0;
}

/* In the child: become the daemon, or report why not over the channel. */
static void
exec_daemon(const char *daemon, int fd, const char *mnt, unsigned flags,
	    int shared_ns)
{
	char *argv[6];
	int argc = 0;
	sigset_t none;
	struct wit_msg m = { .type = WIT_MSG_HELLO, .ops = WIT_FAIL };
	char why[PATH_MAX + 64];

	if (daemon_fds(fd) != 0)
		_exit(127);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	argv[argc++] = (char *)daemon;
	argv[argc++] = "--control-fd=3";
	if (flags & WIT_WRITEBACK_CACHE)
		argv[argc++] = "--writeback-cache";
	if (shared_ns)
		argv[argc++] = "--auto-unmount";
	argv[argc++] = (char *)mnt;
	argv[argc] = NULL;
	execv(daemon, argv);
	m.err = errno;
	snprintf(why, sizeof why, "cannot execute %s: %s", daemon,
	    strerror(errno));
	wit_msg_send(3, &m, NULL, why, strlen(why));
	_exit(127);
}

/* Waits up to ms for pid, then kills it; returns the wait status. */
static int
reap(pid_t pid, long ms)
{
	struct timespec tick = { 0, 5000000 };
	int status = 0;

	for (; ms > 0; ms -= 5) {
		pid_t r = waitpid(pid, &status, WNOHANG);

		if (r == pid || (r < 0 && errno != EINTR))
			return status;
		nanosleep(&tick, NULL);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		continue;
	return status;
}

static void
describe_exit(char *buf, size_t len, int status)
{
	if (WIFEXITED(status))
		snprintf(buf, len, "exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, len, "killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, len, "status %#x", (unsigned)status);
}

/* Starts the daemon and waits for its HELLO; w->path is set. */
static enum wit_status
start(struct wit *w, const char *daemon, const struct wit_opts *o,
    int shared_ns, char *why, size_t whylen)
{
	int sv[2];
	struct wit_msg m;
	char name[WIT_MSG_NAME_MAX + 1];
	void *data;
	int r;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return say(why, whylen, WIT_FAIL, "socketpair: %s",
		    strerror(errno));
	w->pid = fork();
	if (w->pid == 0)
		exec_daemon(daemon, sv[1], w->path, o ? o->flags : 0, shared_ns);
	close(sv[1]);
	if (w->pid < 0) {
		close(sv[0]);
		return say(why, whylen, WIT_FAIL, "fork: %s", strerror(errno));
	}
	w->ctl = sv[0];
	r = wit_msg_recv(w->ctl, &m, name, sizeof name, &data, TIMEOUT_MS);
	if (r == 1 && m.type == WIT_MSG_HELLO && m.err == 0) {
		free(data);
		/* Running and mounted: the caller's clean-up unmounts it. */
		if ((o ? o->flags : 0) & ~m.ops & WIT_WRITEBACK_CACHE)
			return say(why, whylen, WIT_SKIP, "this kernel's FUSE "
			    "has no writeback_cache");
		return WIT_OK;
	}
	close(w->ctl);
	w->ctl = -1;
	if (r == 1 && m.type == WIT_MSG_HELLO &&
	    (m.ops == WIT_SKIP || m.ops == WIT_FAIL)) {
		say(why, whylen, (enum wit_status)m.ops, "%.*s",
		    (int)m.datalen, data != NULL ? (char *)data : "");
		free(data);
		reap(w->pid, 10000);
		return (enum wit_status)m.ops;
	}
	free(data);
	describe_exit(name, sizeof name, reap(w->pid, r == 0 ? 10000 : 0));
	return say(why, whylen, WIT_FAIL, "msync-witness %s without mounting "
	    "(%s)", name, r < 0 ? strerror(-r) :
	    "no report; its stderr may say why");
}

/* The name of err ("ENODEV") where the C library tells it, else its text. */
static const char *
err_name(int err)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
	const char *name = strerrorname_np(err);

	if (name != NULL)
		return name;
#endif
	return strerror(err);
}

/*
 * Every user of a witness maps its files MAP_SHARED.  Where FUSE files
 * cannot be mapped at all (gVisor's FUSE has no mmap: ENODEV, as a Linux
 * file without an mmap operation), the witness is of no use: a probe file
 * mapped right after mounting tells that before any case builds its own
 * mapping on it.  Any other failure is a fault of the environment.  The
 * probe leaves records in the log (the cases clear it) and no file.
 */
static enum wit_status
probe_mapping(const struct wit *w, char *why, size_t whylen)
{
	char path[PATH_MAX + 32];
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	enum wit_status s = WIT_OK;
	void *m;
	int fd;

	snprintf(path, sizeof path, "%s/.msync-witness-probe", w->path);
	if ((fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)) < 0)
		return say(why, whylen, WIT_FAIL, "open(O_CREAT) of %s: %s",
		    path, strerror(errno));
	m = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (m == MAP_FAILED && errno == ENODEV)
		s = say(why, whylen, WIT_SKIP, "FUSE files cannot be mapped "
		    "here (mmap: %s)", err_name(errno));
	else if (m == MAP_FAILED)
		s = say(why, whylen, WIT_FAIL, "mmap of %s: %s", path,
		    strerror(errno));
	else if (munmap(m, page) != 0)
		s = say(why, whylen, WIT_FAIL, "munmap of %s: %s", path,
		    strerror(errno));
	close(fd);
	if (unlink(path) != 0 && s == WIT_OK)
		s = say(why, whylen, WIT_FAIL, "unlink %s: %s", path,
		    strerror(errno));
	return s;
}

/*
 * Linux: a share of the dirty-page limit of its own for the new mount's
 * backing device, so that the kernel does not write its pages back on its
 * own while a case runs (the write-back the witness would then see is not
 * the call's).  FUSE's device has a strict limit (BDI_CAP_STRICTLIMIT) of
 * at most 1% (bdi_set_max_ratio(sb->s_bdi, 1) in fs/fuse/inode.c) of the
 * dirty threshold, weighted by its share of recent write-backs, which is
 * none for a new mount: its limit is about 0 pages.  balance_dirty_pages()
 * then starts write-back of the whole device each time it runs, and a task
 * calls it after nr_dirtied_pause dirtied pages, 128 >> (PAGE_SHIFT - 10)
 * at fork (kernel/fork.c): 32 pages with 4 KiB pages, 2 with 64 KiB pages,
 * where the cases' few stores start the kernel's own write-back.  Its
 * min_ratio (mm/page-writeback.c, __wb_calc_thresh) gives the device its
 * 1% at once.  Best effort: where it cannot be set, the witness session
 * still sees write-back the call did not cause (lib/witness_session.c).
 */
static void
own_dirty_share(const struct stat *st)
{
#ifdef __linux__
	char path[96];
	FILE *f;

	/* Through stdio: its failure changes nothing a case observes, so
	 * t/self/fault_test, which fails the calls that must end a case,
	 * leaves it alone. */
	snprintf(path, sizeof path, "/sys/class/bdi/%u:%u/min_ratio",
	    major(st->st_dev), minor(st->st_dev));
	if ((f = fopen(path, "we")) != NULL) {
		fputs("1\n", f);
		fclose(f);
	}
#else
	(void)st;
#endif
}

static enum wit_status
mount_witness(const char *dir, const struct wit_opts *o, struct wit **wp,
    char *why, size_t whylen)
{
	char daemon[PATH_MAX];
	struct wit *w;
	struct stat st;
	enum wit_status s;
	int ns;

	*wp = NULL;
	if ((s = find_daemon(o, daemon, sizeof daemon, why, whylen)) != WIT_OK)
		return s;
	if ((w = calloc(1, sizeof *w)) == NULL)
		return say(why, whylen, WIT_FAIL, "out of memory");
	w->ctl = -1;
	w->owner = getpid();
	if (mkdir(dir, 0755) == 0)
		w->made_dir = 1;
	else if (errno != EEXIST)
		s = say(why, whylen, WIT_FAIL, "mkdir %s: %s", dir,
			strerror(errno));
	if (s == WIT_OK && realpath(dir, w->path) == NULL)
		s = say(why, whylen, WIT_FAIL, "%s: %s", dir, strerror(errno));
	if (s == WIT_OK && (ns = private_namespace(why, whylen)) < 0)
		s = ns == -1 ? WIT_SKIP : WIT_FAIL;
	if (s == WIT_OK)
		s = start(w, daemon, o, ns == 0, why, whylen);
	if (s == WIT_OK && stat(w->path, &st) != 0)
		s = say(why, whylen, WIT_FAIL, "stat %s after mounting: %s",
			w->path, strerror(errno));
	if (s == WIT_OK) {
		own_dirty_share(&st);
		s = probe_mapping(w, why, whylen);
	}
	if (s != WIT_OK) {
		if (w->ctl >= 0) {	/* EOF makes the daemon unmount */
			close(w->ctl);
			reap(w->pid, 10000);
		}
		if (w->made_dir)
			rmdir(dir);
		free(w);
		return s;
	}
	w->dev = st.st_dev;
	*wp = w;
	return WIT_OK;
}

enum wit_status
wit_mount(const char *dir, const struct wit_opts *o, struct wit **wp,
    char *why, size_t whylen)
{
	int saved = errno;
	enum wit_status s = mount_witness(dir, o, wp, why, whylen);

	errno = saved;
	return s;
}

/* Sets w->why; returns -1 for the caller's convenience. */
static int
fail(struct wit *w, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(w->why, sizeof w->why, fmt, ap);
	va_end(ap);
	return -1;
}

/* In the order of enum wit_msg_type. */
static const char *
msg_name(uint32_t type)
{
	static const char *names[] = { "?", "hello", "log read", "log clear",
	    "mark", "poke", "peek", "fail", "quit" };

	return type < sizeof names / sizeof names[0] ? names[type] : "?";
}

/* One request/reply; *out (if asked) gets the reply's data, to free. */
static int
request(struct wit *w, struct wit_msg *m, const char *name, const void *data,
	uint64_t len, struct wit_msg *rep, void **out)
{
	char rname[WIT_MSG_NAME_MAX + 1];
	void *rdata;
	int r;

	if (getpid() != w->owner)
		return fail(w, "witness handle of pid %ld used by pid %ld",
			    (long)w->owner, (long)getpid());
	if (w->ctl < 0)
		return fail(w, "msync-witness is gone");
	if ((r = wit_msg_send(w->ctl, m, name, data, len)) == 0)
		r = wit_msg_recv(w->ctl, rep, rname, sizeof rname, &rdata,
		    TIMEOUT_MS);
	if (r <= 0) {
		close(w->ctl);
		w->ctl = -1;
		return fail(w, "%s: msync-witness %s", msg_name(m->type),
			    r == 0 ? "closed the channel" : strerror(-r));
	}
	if (rep->type != m->type) {
		free(rdata);
		return fail(w, "%s: reply to %s", msg_name(m->type),
			    msg_name(rep->type));
	}
	if (rep->err != 0) {
		free(rdata);
		return fail(w, "%s%s%s: %s", msg_name(m->type),
			    name != NULL ? " " : "", name != NULL ? name : "",
			    strerror(rep->err));
	}
	if (out != NULL)
		*out = rdata;
	else
		free(rdata);
	return 0;
}

/* Public requests keep errno intact (see witness.h). */
#define KEEP_ERRNO(call)		\
	do {				\
		int saved_ = errno;	\
		int r_ = (call);	\
		errno = saved_;		\
		return r_;		\
	} while (0)

static int
log_read(struct wit *w, struct wit_log *log)
{
	struct wit_msg m = { .type = WIT_MSG_LOG_READ }, rep;
	void *data = NULL;

	memset(log, 0, sizeof *log);
	if (request(w, &m, NULL, NULL, 0, &rep, &data) != 0)
		return -1;
	if (rep.datalen % sizeof *log->rec != 0) {
		free(data);
		return fail(w, "log read: %llu bytes is no whole record",
			    (unsigned long long)rep.datalen);
	}
	log->rec = data;
	log->n = (size_t)(rep.datalen / sizeof *log->rec);
	log->dropped = rep.arg;
	return 0;
}

int
wit_log_read(struct wit *w, struct wit_log *log)
{
	KEEP_ERRNO(log_read(w, log));
}

static int
simple(struct wit *w, struct wit_msg *m, const char *name, const void *data,
    uint64_t len)
{
	struct wit_msg rep;

	return request(w, m, name, data, len, &rep, NULL);
}

int
wit_log_clear(struct wit *w)
{
	struct wit_msg m = { .type = WIT_MSG_LOG_CLEAR };

	KEEP_ERRNO(simple(w, &m, NULL, NULL, 0));
}

static int
log_mark(struct wit *w, const char *label, uint64_t *seq)
{
	struct wit_msg m = { .type = WIT_MSG_MARK }, rep;

	if (request(w, &m, label, NULL, 0, &rep, NULL) != 0)
		return -1;
	if (seq != NULL)
		*seq = rep.arg;
	return 0;
}

int
wit_log_mark(struct wit *w, const char *label, uint64_t *seq)
{
	KEEP_ERRNO(log_mark(w, label, seq));
}

int
wit_poke(struct wit *w, const char *file, uint64_t off, const void *buf,
    size_t len)
{
	struct wit_msg m = { .type = WIT_MSG_POKE, .off = off };

	KEEP_ERRNO(simple(w, &m, file, buf, len));
}

static int
peek(struct wit *w, const char *file, uint64_t off, void *buf, size_t len,
    size_t *got)
{
	struct wit_msg m = { .type = WIT_MSG_PEEK, .off = off, .arg = len };
	struct wit_msg rep;
	void *data = NULL;

	*got = 0;
	if (request(w, &m, file, NULL, 0, &rep, &data) != 0)
		return -1;
	if (rep.datalen > len) {
		free(data);
		return fail(w, "peek %s: %llu bytes for %zu asked", file,
			    (unsigned long long)rep.datalen, len);
	}
	if (rep.datalen > 0)
		memcpy(buf, data, (size_t)rep.datalen);
	*got = (size_t)rep.datalen;
	free(data);
	return 0;
}

int
wit_peek(struct wit *w, const char *file, uint64_t off, void *buf, size_t len,
    size_t *got)
{
	KEEP_ERRNO(peek(w, file, off, buf, len, got));
}

int
wit_fail(struct wit *w, const char *file, unsigned mask, int err)
{
	struct wit_msg m = { .type = WIT_MSG_FAIL, .ops = mask,
	    .arg = (uint64_t)(err < 0 ? 4096 : err) };

	KEEP_ERRNO(simple(w, &m, file, NULL, 0));
}

/*
 * QUIT makes the daemon unmount (lazily, so open files cannot block it) and
 * answer once the mount is gone from the namespace; then it exits.
 */
static int
unmount_witness(struct wit *w, char *why, size_t whylen)
{
	struct wit_msg m = { .type = WIT_MSG_QUIT };
	struct stat st;
	int r = simple(w, &m, NULL, NULL, 0);
	int status;

	if (w->ctl >= 0)
		close(w->ctl);
	status = reap(w->pid, 10000);
	if (r == 0 && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
		char how[64];

		describe_exit(how, sizeof how, status);
		r = fail(w, "msync-witness %s", how);
	}
	if (stat(w->path, &st) != 0 ? errno == ENOTCONN : st.st_dev == w->dev)
		r = fail(w, "%s is still mounted after unmount", w->path);
	else if (w->made_dir && rmdir(w->path) != 0)
		r = fail(w, "rmdir %s: %s", w->path, strerror(errno));
	if (r != 0)
		say(why, whylen, WIT_FAIL, "%s", w->why);
	free(w);
	return r;
}

int
wit_unmount(struct wit *w, char *why, size_t whylen)
{
	if (getpid() != w->owner) {
		say(why, whylen, WIT_FAIL, "witness handle of pid %ld "
		    "unmounted by pid %ld", (long)w->owner, (long)getpid());
		return -1;
	}
	KEEP_ERRNO(unmount_witness(w, why, whylen));
}

const char *
wit_path(const struct wit *w)
{
	return w->path;
}

pid_t
wit_pid(const struct wit *w)
{
	return w->pid;
}

const char *
wit_error(const struct wit *w)
{
	return w->why;
}
