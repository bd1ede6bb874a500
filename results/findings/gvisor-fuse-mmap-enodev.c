/*
 * mmap() of a regular file on a FUSE mount: Linux maps it (fs/fuse/file.c:
 * fuse_file_operations .mmap = fuse_file_mmap, which sets the VMA's
 * vm_ops = &fuse_file_vm_ops and returns 0; only a file opened with
 * FOPEN_DIRECT_IO refuses MAP_SHARED).  gVisor release-20221219.0 fails
 * every mapping with ENODEV: its FUSE file description
 * (pkg/sentry/fsimpl/fuse/file.go, fileDescription) embeds
 * vfs.FileDescriptionDefaultImpl and defines no ConfigureMMap, whose
 * default is "return linuxerr.ENODEV"
 * (pkg/sentry/vfs/file_description_impl_util.go), and sys_mmap.go's Mmap
 * returns that error.
 *
 * The program is its own FUSE server (one file "f" of one page of 'x',
 * no libfuse), mounted in a private mount namespace; it needs root (or
 * CAP_SYS_ADMIN) and /dev/fuse.
 *
 * Build and run: cc -o r gvisor-fuse-mmap-enodev.c && ./r
 *                runsc --rootless --network=none do ./r
 * Exit status 0 when both mappings succeed and show the file's bytes, as
 * on Linux; 1 when they do not; 2 when the test itself could not be set up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fuse.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

static int dev;
static size_t page;

static void
reply(uint64_t unique, int err, const void *data, size_t len)
{
	struct fuse_out_header h = { sizeof h + len, -err, unique };
	struct iovec iov[2] = { { &h, sizeof h }, { (void *)data, len } };

	if (writev(dev, iov, len ? 2 : 1) < 0)
		perror("server: writev");
}

static void
attr(struct fuse_attr *a, uint64_t ino)
{
	memset(a, 0, sizeof *a);
	a->ino = ino;
	a->mode = ino == FUSE_ROOT_ID ? S_IFDIR | 0755 : S_IFREG | 0644;
	a->nlink = ino == FUSE_ROOT_ID ? 2 : 1;
	a->size = ino == FUSE_ROOT_ID ? 0 : page;
	a->blocks = a->size / 512;
	a->blksize = (uint32_t)page;
}

/* The FUSE server: the root directory and the file "f" (inode 2). */
static void
serve(void)
{
	static char buf[1 << 20], data[65536];

	memset(data, 'x', sizeof data);
	for (;;) {
		ssize_t n = read(dev, buf, sizeof buf);
		struct fuse_in_header *in = (struct fuse_in_header *)buf;
		void *arg = in + 1;

		if (n < 0 && (errno == EINTR || errno == ENOENT))
			continue;
		if (n < (ssize_t)sizeof *in)
			return;		/* unmounted: ENODEV */
		switch (in->opcode) {
		case FUSE_INIT: {
			struct fuse_init_in *i = arg;
			struct fuse_init_out o;

			memset(&o, 0, sizeof o);
			o.major = FUSE_KERNEL_VERSION;
			o.minor = i->minor < FUSE_KERNEL_MINOR_VERSION ? i->minor :
			    FUSE_KERNEL_MINOR_VERSION;
			o.max_readahead = i->max_readahead;
			o.max_write = 65536;
			reply(in->unique, 0, &o, sizeof o);
			break;
		}
		case FUSE_LOOKUP: {
			struct fuse_entry_out e;

			if (in->nodeid != FUSE_ROOT_ID || strcmp(arg, "f") != 0) {
				reply(in->unique, ENOENT, NULL, 0);
				break;
			}
			memset(&e, 0, sizeof e);
			e.nodeid = 2;
			e.generation = 1;
			attr(&e.attr, 2);
			reply(in->unique, 0, &e, sizeof e);
			break;
		}
		case FUSE_GETATTR: {
			struct fuse_attr_out a;

			memset(&a, 0, sizeof a);
			attr(&a.attr, in->nodeid);
			reply(in->unique, 0, &a, sizeof a);
			break;
		}
		case FUSE_OPEN:
		case FUSE_OPENDIR: {
			struct fuse_open_out o;

			memset(&o, 0, sizeof o);
			o.fh = 1;
			reply(in->unique, 0, &o, sizeof o);
			break;
		}
		case FUSE_READ: {
			struct fuse_read_in *r = arg;
			size_t len = r->offset >= page ? 0 : page - r->offset;

			if (len > r->size)
				len = r->size;
			if (len > sizeof data)
				len = sizeof data;
			reply(in->unique, 0, data, len);
			break;
		}
		case FUSE_FLUSH:
		case FUSE_RELEASE:
		case FUSE_RELEASEDIR:
		case FUSE_FSYNC:
			reply(in->unique, 0, NULL, 0);
			break;
		case FUSE_FORGET:
		case FUSE_BATCH_FORGET:
		case FUSE_INTERRUPT:
			break;
		case FUSE_DESTROY:
			reply(in->unique, 0, NULL, 0);
			return;
		default:
			reply(in->unique, ENOSYS, NULL, 0);
		}
	}
}

static const char *
name(int e)
{
	return e == ENODEV ? "ENODEV" : strerror(e);
}

/* Maps f one way; 1 when it maps and shows the file's first byte. */
static int
try_map(int fd, int prot, int flags, const char *how)
{
	char *m = mmap(NULL, page, prot, flags, fd, 0);
	int e = errno, ok;

	if (m == MAP_FAILED) {
		printf("mmap(%s) of a file on FUSE: -1 %s; Linux: maps it\n",
		    how, name(e));
		return 0;
	}
	ok = m[0] == 'x';
	printf("mmap(%s) of a file on FUSE: mapped, first byte %s; Linux: "
	    "maps it, first byte 'x'\n", how, ok ? "'x'" : "wrong");
	munmap(m, page);
	return ok;
}

int
main(void)
{
	char dir[] = "/tmp/fuse-mmap-XXXXXX", path[64], opts[128];
	int fd, ok;
	pid_t server;

	page = (size_t)sysconf(_SC_PAGESIZE);
	alarm(30);
	if (mkdtemp(dir) == NULL || unshare(CLONE_NEWNS) != 0) {
		perror("mkdtemp/unshare (run as root)");
		return 2;
	}
	/* Keep the mount out of the parent namespace (gVisor, whose mounts
	 * are private anyway, refuses MS_REC with EINVAL). */
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 && errno != EINVAL) {
		perror("mount --make-rprivate /");
		return 2;
	}
	if ((dev = open("/dev/fuse", O_RDWR | O_CLOEXEC)) < 0) {
		perror("/dev/fuse");
		return 2;
	}
	snprintf(opts, sizeof opts, "fd=%d,rootmode=40000,user_id=%u,group_id=%u",
	    dev, (unsigned)getuid(), (unsigned)getgid());
	if (mount("fuse-mmap-repro", dir, "fuse", MS_NOSUID | MS_NODEV, opts) != 0) {
		perror("mount fuse");
		return 2;
	}
	/* The server reads only once the mount has attached /dev/fuse to a
	 * connection (Linux answers EPERM before); FUSE_INIT waits for it. */
	if ((server = fork()) == 0) {
		serve();
		_exit(0);
	}
	if (server < 0) {
		perror("fork");
		umount2(dir, MNT_DETACH);
		return 2;
	}
	snprintf(path, sizeof path, "%s/f", dir);
	if ((fd = open(path, O_RDWR)) < 0) {
		perror(path);
		umount2(dir, MNT_DETACH);
		return 2;
	}
	ok = try_map(fd, PROT_READ | PROT_WRITE, MAP_SHARED, "MAP_SHARED, PROT_READ|PROT_WRITE");
	ok &= try_map(fd, PROT_READ, MAP_PRIVATE, "MAP_PRIVATE, PROT_READ");
	close(fd);
	umount2(dir, MNT_DETACH);
	kill(server, SIGKILL);
	waitpid(server, NULL, 0);
	rmdir(dir);
	printf("%s\n", ok ? "behaves as Linux" : "DEVIATES from Linux");
	return !ok;
}
