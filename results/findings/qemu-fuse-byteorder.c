/*
 * The FUSE protocol on /dev/fuse is in the byte order of the kernel,
 * which on Linux is the byte order of its programs: fs/fuse/dev.c copies
 * struct fuse_in_header (include/uapi/linux/fuse.h: __u32 len, __u32
 * opcode, ...) to the server as it is in memory, with no conversion.  A
 * FUSE server built for s390x or sparc64 (big-endian) reads its requests
 * in its own order on a Linux s390x or sparc64 kernel.  qemu-s390x and
 * qemu-sparc64 7.2 on a little-endian host pass /dev/fuse through
 * untranslated: read() converts the bytes read from a descriptor only
 * when a translator is registered for it (linux-user/syscall.c,
 * TARGET_NR_read: fd_trans_host_to_target_data()), and none is for
 * /dev/fuse, so the server reads the host kernel's little-endian header,
 * every field byte-swapped, and the kernel reads the server's replies
 * byte-swapped too.
 *
 * The program mounts a FUSE filesystem on a new temporary directory,
 * reads the kernel's first request (FUSE_INIT) from /dev/fuse and checks
 * its length and opcode; then it writes the reply header in its own byte
 * order and checks that the kernel accepts it.  It needs root (or
 * CAP_SYS_ADMIN) and /dev/fuse.
 *
 * Build and run: cc -o r qemu-fuse-byteorder.c && ./r
 *                s390x-linux-gnu-gcc -static -o rs qemu-fuse-byteorder.c &&
 *                qemu-s390x ./rs
 * Exit status 0 when the request and the reply are read as on Linux; 1 when
 * they are not; 2 when the test itself could not be set up.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/fuse.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

int
main(void)
{
	static char buf[1 << 20];
	char dir[] = "/tmp/fuse-byteorder.XXXXXX", opts[128];
	struct fuse_in_header *in = (struct fuse_in_header *)buf;
	struct {
		struct fuse_out_header h;
		struct fuse_init_out o;
	} out;
	int dev, bad = 0;
	ssize_t n, w;

	if ((dev = open("/dev/fuse", O_RDWR)) < 0) {
		perror("open /dev/fuse");
		return 2;
	}
	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	snprintf(opts, sizeof opts, "fd=%d,rootmode=40000,user_id=0,group_id=0",
	    dev);
	/* The kernel queues FUSE_INIT and returns from mount() at once. */
	if (mount("fuse-byteorder", dir, "fuse", MS_NOSUID | MS_NODEV, opts)
	    != 0) {
		perror("mount fuse");
		rmdir(dir);
		return 2;
	}
	n = read(dev, buf, sizeof buf);
	if (n < (ssize_t)sizeof *in) {
		perror("read /dev/fuse");
		bad = 2;
		goto out;
	}
	printf("first request read from /dev/fuse: %zd bytes, header len %u "
	    "(0x%08x), opcode %u (0x%08x); Linux: len %zd, opcode %d "
	    "(FUSE_INIT)\n", n, in->len, in->len, in->opcode, in->opcode, n,
	    FUSE_INIT);
	bad |= in->len != (uint32_t)n || in->opcode != FUSE_INIT;

	/*
	 * A reply header in the program's byte order: the kernel checks that
	 * its len is the number of bytes written (fs/fuse/dev.c,
	 * fuse_dev_do_write(): if (oh.len != nbytes) goto copy_finish, err
	 * = -EINVAL) before it looks the request up.
	 */
	memset(&out, 0, sizeof out);
	out.h.len = sizeof out;
	out.h.unique = in->unique;
	out.o.major = FUSE_KERNEL_VERSION;
	out.o.minor = FUSE_KERNEL_MINOR_VERSION;
	out.o.max_write = 4096;
	w = write(dev, &out, sizeof out);
	printf("reply to it, written in the program's byte order: write() = "
	    "%zd%s%s; Linux: %zu (accepted)\n", w, w < 0 ? " " : "",
	    w < 0 ? (errno == EINVAL ? "EINVAL" : strerror(errno)) : "",
	    sizeof out);
	bad |= w != (ssize_t)sizeof out;
	printf("%s\n", bad ? "DEVIATES from Linux" : "behaves as Linux");
out:
	close(dev);
	umount2(dir, MNT_DETACH);
	rmdir(dir);
	return bad;
}
