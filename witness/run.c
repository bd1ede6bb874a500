/*
 * witness-run DIR COMMAND [ARG...]: mounts a witness filesystem on DIR, runs
 * COMMAND with it mounted (e.g. the whole suite with scratch_dir=DIR), and
 * unmounts it.  The mount lives in this process's private mount namespace,
 * so only COMMAND and its children see it, and it cannot outlive them.
 * Exit status: COMMAND's; 77 if no witness can be mounted here; 2 on error.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "witness.h"

int
main(int argc, char **argv)
{
	struct wit_opts o = { NULL, NULL, 0 };
	struct wit *w;
	char why[1024];
	int status = 0;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: witness-run DIR COMMAND [ARG...]\n");
		return 2;
	}
	switch (wit_mount(argv[1], &o, &w, why, sizeof why)) {
	case WIT_OK:
		break;
	case WIT_SKIP:
		fprintf(stderr, "witness-run: %s\n", why);
		return 77;
	default:
		fprintf(stderr, "witness-run: %s\n", why);
		return 2;
	}
	fflush(NULL);
	if ((pid = fork()) == 0) {
		execvp(argv[2], argv + 2);
		perror(argv[2]);
		_exit(127);
	}
	while (pid > 0 && waitpid(pid, &status, 0) < 0)
		;
	if (wit_unmount(w, why, sizeof why) != 0)
		fprintf(stderr, "witness-run: unmount: %s\n", why);
	return pid < 0 ? 2 : WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
