/*
 * msync-witness: mounts one witness filesystem, serves it and its control
 * channel from a single thread (so a control request is ordered exactly
 * between two FUSE requests), and unmounts when asked, when the case's end
 * of the channel closes (the case exited or was killed) or on SIGTERM.
 *
 * Started only by wit_mount():
 *   msync-witness --control-fd=N [--writeback-cache] [--auto-unmount] MNT
 * --auto-unmount: the case could not give the mount a private mount
 * namespace.  Then this process leaves the case's session, so the SIGKILL
 * kyua sends to the case's process group cannot stop it from unmounting,
 * and libfuse's auto_unmount (fusermount3 waiting for this process to die)
 * backs it up should it be killed anyway (see README.md, "Debris").
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "daemon.h"
#include "proto.h"

static struct wd wd;
static struct fuse_session *se;
static int ctl = -1;		/* the case's channel; -1 after EOF */
static int sig_pipe[2] = { -1, -1 };
static pid_t unmounter;		/* child running fuse_session_unmount() */
static int unmount_fd = -1;	/* EOF when the unmounter is done */
static int quit_asked;		/* QUIT waits for the unmount to reply */
static int mounted;
static int stopping;		/* give up serving: exit and let the kernel abort */
static char fuse_msgs[1024];	/* libfuse's complaints while mounting */

/* Until mounted, libfuse's messages become part of the failure reason. */
static void
add_msg(const char *line)
{
	size_t used = strlen(fuse_msgs);

	if (*line != '\0' && used + 2 < sizeof fuse_msgs)
		snprintf(fuse_msgs + used, sizeof fuse_msgs - used, "%s%s",
			 used ? "; " : "", line);
}

static void
log_fuse(enum fuse_log_level level, const char *fmt, va_list ap)
{
	char line[512];

	(void)level;
	vsnprintf(line, sizeof line, fmt, ap);
	line[strcspn(line, "\n")] = '\0';
	if (mounted)
		fprintf(stderr, "msync-witness: %s\n", line);
	else
		add_msg(line);
}

/*
 * fusermount3 (run by libfuse when not privileged) and libfuse's mount
 * helpers explain themselves on stderr: lend them a pipe during fn and
 * keep what they say.
 */
static int
quoting_stderr(int (*fn)(const char *), const char *arg)
{
	int p[2], saved = -1, r;
	char buf[512];
	ssize_t n;

	if (pipe(p) == 0 && (saved = dup(2)) >= 0)
		dup2(p[1], 2);
	r = fn(arg);
	if (saved < 0)
		return r;
	dup2(saved, 2);
	close(saved);
	close(p[1]);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	while ((n = read(p[0], buf, sizeof buf - 1)) > 0) {
		char *line, *next;

		buf[n] = '\0';
		for (line = buf; line != NULL; line = next) {
			if ((next = strchr(line, '\n')) != NULL)
				*next++ = '\0';
			add_msg(line);
		}
	}
	close(p[0]);
	return r;
}

static int
session_mount(const char *mnt)
{
	return fuse_session_mount(se, mnt);
}

static int
session_unmount(const char *unused)
{
	(void)unused;
	fuse_session_unmount(se);
	return 0;
}

static void
hello(enum wit_status st, int err, const char *fmt, ...)
{
	struct wit_msg m = { .type = WIT_MSG_HELLO, .err = err, .ops = st };
	char why[1536];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	wit_msg_send(ctl, &m, NULL, why, strlen(why));
}

/*
 * Mounts with libfuse.  Returns 0, or tells the case why not and returns -1:
 * a missing or forbidden FUSE is a reason to skip, anything else a bug.
 */
static int
mount_witness(const char *mnt, int auto_unmount)
{
	char opts[128];
	char *argv[] = { "msync-witness", "-o", opts, NULL };
	struct fuse_args args = FUSE_ARGS_INIT(3, argv);
	int fd = open("/dev/fuse", O_RDWR | O_CLOEXEC);
	int dev_err = fd < 0 ? errno : 0;

	if (fd >= 0)
		close(fd);
	if (dev_err == ENOENT || dev_err == ENODEV || dev_err == ENXIO) {
		hello(WIT_SKIP, dev_err, "no FUSE here: /dev/fuse: %s",
		      strerror(dev_err));
		return -1;
	}
	if (dev_err != 0 && !auto_unmount) {
		hello(WIT_SKIP, dev_err, "FUSE is not usable here: /dev/fuse: %s",
		      strerror(dev_err));
		return -1;
	}
	snprintf(opts, sizeof opts,
		 "fsname=msync-witness,subtype=msync-witness,"
		 "default_permissions%s", auto_unmount ? ",auto_unmount" : "");
	fuse_set_log_func(log_fuse);
	se = fuse_session_new(&args, &wd_ops, sizeof wd_ops, &wd);
	fuse_opt_free_args(&args);
	if (se == NULL) {
		hello(WIT_FAIL, EINVAL, "fuse_session_new: %s", fuse_msgs);
		return -1;
	}
	if (quoting_stderr(session_mount, mnt) != 0) {
		if (auto_unmount)
			hello(WIT_SKIP, EPERM, "no right to mount FUSE as uid "
			      "%ld (no private mount namespace; /dev/fuse: %s): "
			      "%s", (long)geteuid(),
			      dev_err ? strerror(dev_err) : "usable",
			      *fuse_msgs ? fuse_msgs : "fusermount3 failed");
		else
			hello(WIT_FAIL, EIO, "FUSE mount of %s failed: %s", mnt,
			      *fuse_msgs ? fuse_msgs : "no message");
		return -1;
	}
	mounted = 1;
	return 0;
}

/*
 * Unmounting sends write-back (dirty pages) to this very process, so it
 * runs in a child while the loop keeps serving; libfuse detaches lazily
 * (umount2 MNT_DETACH as root, fusermount3 -u -z otherwise).
 */
static void
start_unmount(void)
{
	int p[2];

	if (unmounter > 0)
		return;
	if (pipe(p) != 0) {
		stopping = 1;
		return;
	}
	unmounter = fork();
	if (unmounter == 0) {
		close(p[0]);
		fuse_session_unmount(se);
		_exit(0);
	}
	close(p[1]);
	if (unmounter < 0) {
		close(p[0]);
		unmounter = 0;
		stopping = 1;
		return;
	}
	unmount_fd = p[0];
}

static void
reply(struct wit_msg *r, const void *data, uint64_t len)
{
	if (ctl >= 0 && wit_msg_send(ctl, r, NULL, data, len) != 0) {
		close(ctl);
		ctl = -1;
		start_unmount();
	}
}

/* The case's requests; file names are relative to the mount point. */
static void
control(struct wit_msg *m, const char *name, const void *data)
{
	struct wit_msg r = { .type = m->type };
	struct wd_file *f = NULL;
	const void *out = NULL;
	uint64_t outlen = 0;

	if (m->type == WIT_MSG_POKE || m->type == WIT_MSG_PEEK ||
	    m->type == WIT_MSG_FAIL) {
		f = wd_find_any(&wd, name);
		if (f == NULL) {
			r.err = ENOENT;
			reply(&r, NULL, 0);
			return;
		}
	}
	switch (m->type) {
	case WIT_MSG_LOG_READ:
		out = wd.log;
		outlen = wd.nlog * sizeof *wd.log;
		r.arg = wd.dropped;
		break;
	case WIT_MSG_LOG_CLEAR:
		wd_log_clear(&wd);
		break;
	case WIT_MSG_MARK:
		r.arg = wd_log(&wd, WIT_OP_MARK, name)->seq;
		break;
	case WIT_MSG_POKE:
		/* Bytes only: no mtime, no size, no cache invalidation. */
		if (m->off > f->size || m->datalen > f->size - m->off)
			r.err = ERANGE;
		else if (m->datalen > 0)
			memcpy(f->data + m->off, data, (size_t)m->datalen);
		break;
	case WIT_MSG_PEEK:
		if (m->off < f->size) {
			out = f->data + m->off;
			outlen = f->size - m->off < m->arg ? f->size - m->off
							   : m->arg;
		}
		break;
	case WIT_MSG_FAIL:
		r.err = m->arg > 4095 ? EINVAL
				      : wd_set_fault(f, m->ops, (int)m->arg);
		break;
	case WIT_MSG_QUIT:
		quit_asked = 1;
		start_unmount();
		return;		/* answered once unmounted */
	default:
		r.err = EINVAL;
	}
	reply(&r, out, outlen);
}

static void
on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	if (write(sig_pipe[1], &c, 1) < 0) {
		/* full pipe: a wake-up is already pending */
	}
	errno = saved;
}

static void
setup_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	if (pipe(sig_pipe) != 0)
		return;
	fcntl(sig_pipe[0], F_SETFD, FD_CLOEXEC);
	fcntl(sig_pipe[1], F_SETFD, FD_CLOEXEC);
	fcntl(sig_pipe[1], F_SETFL, O_NONBLOCK);
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/*
 * Whether the request's length (its first field) is byte-swapped: the kernel
 * writes FUSE requests in its own byte order, and a daemon that an emulator
 * of the other byte order runs reads them so.  qemu-user passes /dev/fuse
 * through untranslated (qemu 7.2 linux-user has no fd translator for it),
 * and libfuse would drop every request unanswered.
 */
static int
foreign_order(const struct fuse_buf *buf)
{
	uint32_t len, swapped;

	if ((buf->flags & FUSE_BUF_IS_FD) || buf->size < sizeof len)
		return 0;
	memcpy(&len, buf->mem, sizeof len);
	swapped = (len >> 24) | ((len >> 8) & 0xff00) | ((len << 8) & 0xff0000) | (len << 24);
	return len != buf->size && swapped == buf->size;
}

/* One FUSE request; returns 0 when the kernel has let go of the mount. */
static int
serve_fuse(struct fuse_buf *buf)
{
	int r = fuse_session_receive_buf(se, buf);

	if (r == -EINTR || r == -EAGAIN || r == -ENOENT)
		return 1;	/* interrupted or aborted request: try again */
	if (r <= 0)
		return 0;	/* ENODEV: unmounted or connection aborted */
	if (!wd.initialized && foreign_order(buf)) {
		hello(WIT_SKIP, EPROTO, "FUSE requests arrive byte-swapped: this "
		      "daemon runs in another byte order than the kernel, under "
		      "an emulator that passes /dev/fuse through untranslated "
		      "(qemu-user)");
		return 0;
	}
	fuse_session_process_buf(se, buf);
	return !fuse_session_exited(se);
}

static int
serve_control(void)
{
	struct wit_msg m;
	char name[WIT_MSG_NAME_MAX + 1];
	void *data;
	int r = wit_msg_recv(ctl, &m, name, sizeof name, &data, -1);

	if (r <= 0) {		/* the case is gone: clean up after it */
		close(ctl);
		ctl = -1;
		start_unmount();
		return 0;
	}
	control(&m, name, data);
	free(data);
	return 1;
}

static void
loop(void)
{
	struct fuse_buf buf = { .mem = NULL };
	int ready = 0;

	while (!stopping) {
		struct pollfd p[4] = {
			{ .fd = fuse_session_fd(se), .events = POLLIN },
			{ .fd = ctl, .events = POLLIN },
			{ .fd = sig_pipe[0], .events = POLLIN },
			{ .fd = unmount_fd, .events = POLLIN },
		};

		if (poll(p, 4, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[0].revents && !serve_fuse(&buf))
			break;
		if (!ready && wd.initialized) {
			struct wit_msg m = { .type = WIT_MSG_HELLO };

			m.ops = wd.writeback_cache ? WIT_WRITEBACK_CACHE : 0;
			reply(&m, NULL, 0);
			ready = 1;
		}
		if (p[1].revents && ctl >= 0)
			serve_control();
		if (p[2].revents) {
			char c[16];

			if (read(sig_pipe[0], c, sizeof c) > 0)
				start_unmount();
		}
		if (p[3].revents)
			break;	/* the unmounter finished */
	}
	free(buf.mem);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "control-fd", required_argument, NULL, 'c' },
		{ "writeback-cache", no_argument, NULL, 'w' },
		{ "auto-unmount", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	int auto_unmount = 0, c;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			ctl = atoi(optarg);
			break;
		case 'w':
			wd.writeback_cache = 1;
			break;
		case 'a':
			auto_unmount = 1;
			break;
		default:
			return 2;
		}
	}
	if (ctl < 0 || optind != argc - 1 || argv[optind][0] != '/') {
		fprintf(stderr, "usage: msync-witness --control-fd=N "
			"[--writeback-cache] [--auto-unmount] /MOUNTPOINT\n"
			"(started by wit_mount(), not by hand)\n");
		return 2;
	}
	fcntl(ctl, F_SETFD, FD_CLOEXEC);
	if (auto_unmount)
		setsid();
	if (chdir("/") != 0)
		return 1;
	wd.next_ino = FUSE_ROOT_ID + 1;
	wd_now(&wd.root_time);
	setup_signals();
	if (mount_witness(argv[optind], auto_unmount) != 0)
		return 1;
	loop();
	if (unmounter > 0)
		waitpid(unmounter, NULL, 0);
	/* The mount is gone; this only lets libfuse close and free its state
	   (a busy mount, detached, fails a second lazy unmount harmlessly). */
	mounted = 0;
	quoting_stderr(session_unmount, NULL);
	if (quit_asked) {
		struct wit_msg m = { .type = WIT_MSG_QUIT };

		reply(&m, NULL, 0);
	}
	fuse_session_destroy(se);
	return 0;
}
