/*
 * Mistakes in the configuration kyua passes: a misspelt variable and a
 * scratch_dir where the file under test cannot be created fail every case
 * with the reason, rather than being ignored or skipping every case.
 */
#include "config.h"

#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mh.h"

/* The suite's variables (test_suites.msync.NAME, README.md). */
static const char *const known[] = {
	"variant", "call_timeout", "scratch_dir", "witness",
};
/* Set by ATF and kyua themselves, never by the user. */
static const char *const runner[] = {
	"srcdir", "unprivileged-user", "unprivileged_user",
};

static char mistake[1024];

static int
listed(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

#define NELEM(a) (sizeof (a) / sizeof *(a))

void
mh_config_check(const atf_tp_t *tp)
{
	char **config = atf_tp_get_config(tp);
	size_t used;

	if (config == NULL)
		return;
	/* name, value, name, value, ..., NULL */
	for (char **p = config; p[0] != NULL && p[1] != NULL; p += 2) {
		if (listed(p[0], known, NELEM(known)) ||
		    listed(p[0], runner, NELEM(runner)))
			continue;
		snprintf(mistake, sizeof mistake, "unknown configuration "
		    "variable test_suites.msync.%s; valid:", p[0]);
		for (size_t i = 0; i < NELEM(known); i++) {
			used = strlen(mistake);
			snprintf(mistake + used, sizeof mistake - used, "%s %s",
			    i ? "," : "", known[i]);
		}
		break;
	}
	atf_utils_free_charpp(config);
}

const char *
mh_config_mistake(void)
{
	return mistake[0] != '\0' ? mistake : NULL;
}

/* Creates, sizes and removes a file in dir, as the file-backed cases do:
 * /proc, /sys and their like pass the directory checks but refuse files. */
int
mh_config_scratch(const char *dir, char *why, size_t n)
{
	char path[4096];
	int fd, saved;

	snprintf(path, sizeof path, "%s/.msync-scratch-probe.%ld", dir,
	    (long)getpid());
	fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (fd >= 0 && ftruncate(fd, 2 * sysconf(_SC_PAGESIZE)) == 0) {
		close(fd);
		unlink(path);
		return 0;
	}
	saved = errno;
	if (fd >= 0) {
		close(fd);
		unlink(path);
	}
	snprintf(why, n, "test_suites.msync.scratch_dir '%s': the file under "
	    "test cannot be created there: %s", dir, strerror(saved));
	return -1;
}
