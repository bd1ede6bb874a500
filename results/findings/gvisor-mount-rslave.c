/*
 * mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) in a new mount namespace
 * (`mount --make-rslave /`): Linux changes the propagation of every mount
 * below / and returns 0 (fs/namespace.c: path_mount() sends
 * MS_SHARED|MS_PRIVATE|MS_SLAVE|MS_UNBINDABLE to do_change_type(), which
 * walks the tree when MS_REC is set).  gVisor release-20221219.0 returns
 * EINVAL for MS_SLAVE, MS_UNBINDABLE and MS_REC, alone or together
 * (pkg/sentry/syscalls/linux/sys_mount.go, Mount: const unsupported =
 * linux.MS_REMOUNT | linux.MS_SLAVE | linux.MS_UNBINDABLE | linux.MS_MOVE |
 * linux.MS_REC | ...; if flags&(unsupported) != 0 { return 0, nil,
 * linuxerr.EINVAL }; pkg/sentry/vfs/propagation.go: "TODO(b/249777195):
 * Support MS_SLAVE and MS_UNBINDABLE propagation types."), so
 * `mount --make-rslave /` and `--make-rprivate /`, the usual first steps of
 * a program that mounts in its own namespace, fail.
 *
 * Needs root (or CAP_SYS_ADMIN); changes only the new namespace.
 *
 * Build and run: cc -o r gvisor-mount-rslave.c && ./r
 *                runsc --rootless --network=none do ./r
 * Exit status 0 when every call succeeds, as on Linux.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

int
main(void)
{
	static const struct { unsigned long flags; const char *name; } f[] = {
		{ MS_REC | MS_SLAVE, "MS_REC|MS_SLAVE (mount --make-rslave /)" },
		{ MS_SLAVE, "MS_SLAVE (mount --make-slave /)" },
		{ MS_REC | MS_PRIVATE, "MS_REC|MS_PRIVATE (mount --make-rprivate /)" },
		{ MS_PRIVATE, "MS_PRIVATE (mount --make-private /)" },
	};
	int bad = 0;

	if (unshare(CLONE_NEWNS) != 0) {
		perror("unshare(CLONE_NEWNS) (run as root)");
		return 2;
	}
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
		int r = mount(NULL, "/", NULL, f[i].flags, NULL), e = errno;

		printf("mount(NULL, \"/\", NULL, %s, NULL) = %d%s%s; Linux: 0\n",
		    f[i].name, r, r ? " " : "",
		    r ? (e == EINVAL ? "EINVAL" : strerror(e)) : "");
		bad |= r != 0;
	}
	printf("%s\n", bad ? "DEVIATES from Linux" : "behaves as Linux");
	return bad;
}
