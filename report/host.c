#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef HAVE_GNU_LIBC_VERSION_H
#include <gnu/libc-version.h>
#endif

#include "buf.h"
#include "host.h"
#include "report.h"

/* Only the C libraries that say who they are; musl deliberately defines no
 * macro, so a Linux libc that is neither glibc nor uClibc nor bionic is
 * taken to be musl. */
static void libc_fact(struct sbuf *b)
{
#if defined(HAVE_GNU_GET_LIBC_VERSION) && defined(HAVE_GNU_LIBC_VERSION_H)
	sb_printf(b, "glibc %s", gnu_get_libc_version());
#elif defined(__UCLIBC__)
	sb_puts(b, "uclibc");
#elif defined(__BIONIC__)
	sb_puts(b, "bionic");
#elif defined(__GLIBC__)
	sb_printf(b, "glibc %d.%d", __GLIBC__, __GLIBC_MINOR__);
#elif defined(__linux__)
	sb_puts(b, "musl");
#else
	sb_puts(b, "system");   /* BSD, macOS, illumos: libc ships with the OS */
#endif
}

static char *find_in_path(const char *prog)
{
	const char *path = getenv("PATH");
	if (path == NULL || *path == '\0')
		return NULL;
	char *copy = xstrdup(path), *cur = copy, *dir;
	char *found = NULL;
	while (found == NULL && (dir = split_field(&cur, ':')) != NULL) {
		struct sbuf f = {0};
		struct stat st;
		sb_printf(&f, "%s/%s", *dir ? dir : ".", prog);
		if (stat(f.p, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(f.p, X_OK) == 0)
			found = f.p;
		else
			sb_free(&f);
	}
	free(copy);
	return found;
}

/* "kyua --config=none about" prints "kyua (Kyua) 0.14" first; the version
 * is its last word.  Any trouble gives "unknown", never an error: the
 * report does not depend on kyua being installed. */
static void kyua_fact(struct report *r)
{
	char *kyua = find_in_path("kyua");
	int fd[2];
	if (kyua == NULL || pipe(fd) != 0) {
		free(kyua);
		report_set_fact(r, F_KYUA, "unknown");
		return;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);
		dup2(null, 0);
		dup2(fd[1], 1);
		dup2(null, 2);
		close(fd[0]);
		execl(kyua, "kyua", "--config=none", "about", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	struct sbuf out = {0};
	char chunk[4096];
	ssize_t n;
	while (pid > 0 && (n = read(fd[0], chunk, sizeof chunk)) > 0)
		sb_add(&out, chunk, (size_t)n);
	close(fd[0]);
	int status = 0;
	int ok = pid > 0 && waitpid(pid, &status, 0) == pid &&
		 WIFEXITED(status) && WEXITSTATUS(status) == 0 && out.len > 0;
	char *version = NULL;
	if (ok) {
		out.p[strcspn(out.p, "\n")] = '\0';
		char *sp = strrchr(out.p, ' ');
		version = sp ? sp + 1 : out.p;
	}
	report_set_fact(r, F_KYUA, version && valid_text(version) ? version
							     : "unknown");
	sb_free(&out);
	free(kyua);
}

void host_facts(struct report *r)
{
	struct utsname u;
	int un = uname(&u) == 0;
	report_set_fact(r, F_OS, un ? u.sysname : "unknown");
	report_set_fact(r, F_RELEASE, un ? u.release : "unknown");
	report_set_fact(r, F_MACHINE, un ? u.machine : "unknown");
	struct sbuf b = {0};
	libc_fact(&b);
	report_set_fact(r, F_LIBC, b.p);
	b.len = 0;
	long ps = sysconf(_SC_PAGESIZE);
	if (ps > 0)
		sb_printf(&b, "%ld", ps);
	else
		sb_puts(&b, "unknown");
	report_set_fact(r, F_PAGESIZE, b.p);
	sb_free(&b);
	kyua_fact(r);
	for (int f = 0; f < NFACTS; f++)   /* whatever uname said must parse */
		if (!valid_text(r->facts[f]))
			report_set_fact(r, (enum fact)f, "unknown");
}
