/*
 * Facts about the system this program runs on, from the program itself:
 * what a results file made elsewhere (another host, an emulator, a VM)
 * must say about where it was made.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/utsname.h>
#if defined(__linux__)
#include <sys/klog.h>
#endif

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if HAVE_GNU_LIBC_VERSION_H
#include <gnu/libc-version.h>
#endif

#include "facts.h"

/* The architecture the program was built for, by the compiler's macros. */
static const char *
arch(void)
{
#if defined(__x86_64__) && defined(__ILP32__)
	return "x32";
#elif defined(__x86_64__)
	return "x86_64";
#elif defined(__i386__)
	return "i386";
#elif defined(__aarch64__) && defined(__AARCH64EB__)
	return "aarch64_be";
#elif defined(__aarch64__)
	return "aarch64";
#elif defined(__arm__)
	return "arm";
#elif defined(__powerpc64__)
	return "ppc64";
#elif defined(__powerpc__)
	return "ppc";
#elif defined(__s390x__)
	return "s390x";
#elif defined(__s390__)
	return "s390";
#elif defined(__riscv) && __riscv_xlen == 64
	return "riscv64";
#elif defined(__riscv)
	return "riscv32";
#elif defined(__sparc__) && defined(__arch64__)
	return "sparc64";
#elif defined(__sparc__)
	return "sparc";
#elif defined(__mips__) && defined(_ABI64) && _MIPS_SIM == _ABI64
	return "mips64";
#elif defined(__mips__)
	return "mips";
#elif defined(__loongarch__)
	return "loongarch";
#elif defined(__alpha__)
	return "alpha";
#elif defined(__hppa__)
	return "hppa";
#elif defined(__m68k__)
	return "m68k";
#else
	return "unknown";
#endif
}

/* Whether uname's machine is a 64-bit one: a 32-bit process there runs
 * on a 64-bit kernel's compat entry, not on a 32-bit kernel. */
static int
machine64(const char *m)
{
	return strstr(m, "64") != NULL || strcmp(m, "s390x") == 0 || strcmp(m, "alpha") == 0;
}

/* "i386 ilp32 little-endian", with ", 32-bit process on a 64-bit kernel"
 * when uname's machine says so (gcc -m32 on x86_64: the IA32 compat ABI). */
static void
abi(char *buf, size_t n, const char *machine)
{
	const char *model = sizeof(void *) == 8 && sizeof(long) == 8 ? "lp64" :
	    sizeof(void *) == 4 && sizeof(long) == 4 ? "ilp32" :
	    sizeof(void *) == 8 ? "llp64" : "other";
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	const char *order = "big-endian";
#else
	const char *order = "little-endian";
#endif

	snprintf(buf, n, "%s %s %s%s", arch(), model, order,
	    sizeof(void *) == 4 && machine64(machine) ?
	    ", 32-bit process on a 64-bit kernel" : "");
}

/* Only the C libraries that say who they are; musl deliberately defines no
 * macro, so a Linux libc that is neither glibc nor uClibc nor bionic is
 * taken to be musl. */
static void
libc(char *buf, size_t n)
{
#if HAVE_GNU_GET_LIBC_VERSION && HAVE_GNU_LIBC_VERSION_H
	snprintf(buf, n, "glibc %s", gnu_get_libc_version());
#elif defined(__UCLIBC__)
	snprintf(buf, n, "uclibc");
#elif defined(__BIONIC__)
	snprintf(buf, n, "bionic");
#elif defined(__GLIBC__)
	snprintf(buf, n, "glibc %d.%d", __GLIBC__, __GLIBC_MINOR__);
#elif defined(__linux__)
	snprintf(buf, n, "musl");
#else
	snprintf(buf, n, "system");	/* BSD, macOS, illumos: libc ships with the OS */
#endif
}

/*
 * An emulator that runs the program inside its own process shows it the
 * program at /proc/self/exe, but the kernel still knows the emulator's
 * binary.  qemu-user rewrites only /proc/self/ENTRY and /proc/PID/ENTRY
 * (qemu 7.2 linux-user/syscall.c is_proc_myself()), valgrind's readlink()
 * only /proc/self/exe and /proc/PID/exe: /proc/PID/task/PID/exe, the same
 * link natively, names qemu-ARCH or valgrind's tool there.  valgrind also
 * preloads its vgpreload_*.so, which names it even without /proc.
 */
static void
emulator(char *buf, size_t n)
{
	char self[4096], task[4096], path[64];
	const char *pre = getenv("LD_PRELOAD");
	const char *vg = pre != NULL && strstr(pre, "vgpreload") != NULL ? "valgrind" : "";
	ssize_t a, b;

	snprintf(path, sizeof path, "/proc/%ld/task/%ld/exe", (long)getpid(), (long)getpid());
	a = readlink("/proc/self/exe", self, sizeof self - 1);
	b = readlink(path, task, sizeof task - 1);
	if (a < 0 || b < 0) {
		snprintf(buf, n, "%s", *vg ? vg : "unknown");
		return;
	}
	self[a] = task[b] = '\0';
	if (strcmp(self, task) == 0)
		snprintf(buf, n, "%s", *vg ? vg : "none");
	else {
		const char *base = strrchr(task, '/') ? strrchr(task, '/') + 1 : task;
		size_t at = (size_t)snprintf(buf, n, "%s%s", vg, *vg ? " " : "");
		size_t len = strlen(base);

		/* truncated to fit, without snprintf's warning about it */
		if (len > n - 1 - at)
			len = n - 1 - at;
		memcpy(buf + at, base, len);
		buf[at + len] = '\0';
	}
}

/*
 * gVisor answers syslog(2) in its Sentry with a made-up log whose first
 * line is always "<6>[   0.000000] Starting gVisor..." (release-20221219.0,
 * pkg/sentry/kernel/syslog.go, syslog.Log(); its user guide names dmesg as
 * the way to tell that a program runs in gVisor).  Its uname ("4.4.0") and
 * /proc/version are the fixed text of the Linux it implements
 * (pkg/sentry/syscalls/linux/linux64.go, LinuxRelease, LinuxVersion), and
 * runsc's own version never reaches the Sentry: which gVisor it is cannot
 * be known from inside.  Linux's SYSLOG_ACTION_READ_ALL gives the log's
 * last records that fit, never one stamped 0.000000 this late, or EPERM
 * (dmesg_restrict).
 */
static int
gvisor(void)
{
#if defined(__linux__)
	static const char text[] = "0.000000] Starting gVisor...\n";
	char buf[64];
	int n = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, buf, (int)sizeof buf - 1);
	const char *p = buf + 4;

	if (n < 4 || memcmp(buf, "<6>[", 4) != 0)
		return 0;
	buf[n] = '\0';
	while (*p == ' ')
		p++;
	return strncmp(p, text, sizeof text - 1) == 0;
#else
	return 0;
#endif
}

/* A fact is one line of text: no control characters, never empty. */
static void
clean(char *s, size_t n)
{
	if (*s == '\0')
		snprintf(s, n, "unknown");
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = '?';
}

void
mh_facts_get(struct mh_facts *f)
{
	struct utsname u;
	long ps = sysconf(_SC_PAGESIZE);

	memset(f, 0, sizeof *f);	/* a fact not had below is "unknown" */
	if (uname(&u) == 0) {
		snprintf(f->os, sizeof f->os, "%s", u.sysname);
		snprintf(f->release, sizeof f->release, "%s", u.release);
		snprintf(f->machine, sizeof f->machine, "%s", u.machine);
	}
	abi(f->abi, sizeof f->abi, f->machine);
	libc(f->libc, sizeof f->libc);
	if (ps > 0)
		snprintf(f->pagesize, sizeof f->pagesize, "%ld", ps);
	if (gvisor())
		snprintf(f->emulator, sizeof f->emulator, "gvisor");
	else
		emulator(f->emulator, sizeof f->emulator);
#define MH_FACT_CLEAN(name, size, since) clean(f->name, sizeof f->name);
	MH_FACTS(MH_FACT_CLEAN)
#undef MH_FACT_CLEAN
}
