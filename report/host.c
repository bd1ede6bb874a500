/*
 * Facts msync-report adds of its own: kyua's version, and, only for results
 * whose records carry no facts of the tested system (format 1), the facts
 * of the machine msync-report runs on, as the header's "facts local" says.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "host.h"
#include "report.h"

static char *
find_in_path(const char *prog)
{
	const char *path = getenv("PATH");
	char *copy, *cur, *dir, *found = NULL;

	if (path == NULL || *path == '\0')
		return NULL;
	copy = cur = xstrdup(path);
	while (found == NULL && (dir = split_field(&cur, ':')) != NULL) {
		struct sbuf f = {0};
		struct stat st;

		sb_printf(&f, "%s/%s", *dir ? dir : ".", prog);
		if (stat(f.p, &st) == 0 && S_ISREG(st.st_mode) && access(f.p, X_OK) == 0)
			found = f.p;
		else
			sb_free(&f);
	}
	free(copy);
	return found;
}

/* kyua's output, read to the end; whether kyua ran and exited 0. */
static int
run_kyua(const char *kyua, struct sbuf *out)
{
	int fd[2], status = 0;
	char chunk[4096];
	ssize_t n;
	pid_t pid;

	if (pipe(fd) != 0)
		return 0;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, 0);
		dup2(fd[1], 1);
		dup2(null, 2);
		close(fd[0]);
		execl(kyua, "kyua", "--config=none", "about", "version", (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	while (pid > 0 && (n = read(fd[0], chunk, sizeof chunk)) > 0)
		sb_add(out, chunk, (size_t)n);
	close(fd[0]);
	return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0 && out->len > 0;
}

/* "kyua --config=none about version" prints "kyua (Kyua) 0.14" (the
 * version topic alone: plain "about" also reads the authors and license
 * files, which a guest without /usr/share/doc lacks); the version
 * is its last word.  Any trouble gives "unknown", never an error: the
 * report does not depend on kyua being installed.  The results file does
 * not say which kyua made it: this is the kyua msync-report finds. */
static void
kyua_fact(struct report *r)
{
	char *kyua = find_in_path("kyua"), *version = NULL;
	struct sbuf out = {0};

	if (kyua != NULL && run_kyua(kyua, &out)) {
		char *sp;

		out.p[strcspn(out.p, "\n")] = '\0';
		sp = strrchr(out.p, ' ');
		version = sp ? sp + 1 : out.p;
	}
	report_set_fact(r, F_kyua, version && valid_text(version) ? version : "unknown");
	sb_free(&out);
	free(kyua);
}

void
host_facts(struct report *r)
{
	struct mh_facts f;

	if (strcmp(r->facts[F_facts], "local") == 0) {
		mh_facts_get(&f);
#define HOST_FACT(name, size, since) report_set_fact(r, F_##name, f.name);
		MH_FACTS(HOST_FACT)
#undef HOST_FACT
	}
	kyua_fact(r);
}
