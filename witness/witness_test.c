/*
 * Self-tests of the witness filesystem (the page-cache observers have
 * theirs beside them, lib/observe_test.c).
 * Each case prints the log it saw, so a run records what the kernel did;
 * it asserts only what POSIX and the witness itself promise.
 * kyua-properties: timeout=60
 */
#include "config.h"

#include <atf-c.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "witness.h"

static size_t ps;		/* page size */

static struct wit_opts
opts_of(const atf_tc_t *tc, unsigned flags)
{
	struct wit_opts o = { .flags = flags };

	o.progdir = atf_tc_get_config_var_wd(tc, "srcdir", NULL);
	o.daemon = atf_tc_get_config_var_wd(tc, "witness", NULL);
	return o;
}

static struct wit *
mount_at(const atf_tc_t *tc, const char *dir, unsigned flags)
{
	struct wit_opts o = opts_of(tc, flags);
	struct wit *w;
	char why[1024];

	ps = (size_t)sysconf(_SC_PAGESIZE);
	switch (wit_mount(dir, &o, &w, why, sizeof why)) {
	case WIT_OK:
		return w;
	case WIT_SKIP:
		atf_tc_skip("%s", why);
		break;
	case WIT_FAIL:
		atf_tc_fail("%s", why);
		break;
	}
	return NULL;
}

static struct wit *
mount_or_skip(const atf_tc_t *tc, unsigned flags)
{
	return mount_at(tc, "mnt", flags);
}

static void
unmount(struct wit *w)
{
	char why[1024];

	ATF_REQUIRE_MSG(wit_unmount(w, why, sizeof why) == 0, "%s", why);
}

static char *
path_of(struct wit *w, const char *name)
{
	static char p[PATH_MAX];

	snprintf(p, sizeof p, "%s/%s", wit_path(w), name);
	return p;
}

/* npages pages, one pwrite each (order-0 folios), page i filled with c+i. */
static int
make_file(struct wit *w, const char *name, size_t npages, int c)
{
	char *page = malloc(ps);
	int fd = open(path_of(w, name), O_RDWR | O_CREAT | O_TRUNC, 0644);
	size_t i;

	ATF_REQUIRE(page != NULL);
	ATF_REQUIRE_MSG(fd >= 0, "create %s: %s", name, strerror(errno));
	for (i = 0; i < npages; i++) {
		memset(page, c + (int)i, ps);
		ATF_REQUIRE(pwrite(fd, page, ps, (off_t)(i * ps)) == (ssize_t)ps);
	}
	free(page);
	return fd;
}

static char *
map_shared(int fd, size_t npages)
{
	void *p = mmap(NULL, npages * ps, PROT_READ | PROT_WRITE, MAP_SHARED,
	    fd, 0);

	ATF_REQUIRE_MSG(p != MAP_FAILED, "mmap: %s", strerror(errno));
	return p;
}

static void
read_log(struct wit *w, const char *title, struct wit_log *log)
{
	ATF_REQUIRE_MSG(wit_log_read(w, log) == 0, "%s", wit_error(w));
	printf("--- %s\n", title);
	wit_log_print(stdout, log);
	fflush(stdout);
}

static uint64_t
mark(struct wit *w, const char *label)
{
	uint64_t seq;

	ATF_REQUIRE_MSG(wit_log_mark(w, label, &seq) == 0, "%s", wit_error(w));
	return seq;
}

static void
print_pages(const char *what, const unsigned *c, size_t n)
{
	size_t i;

	printf("%s: WRITEs per page:", what);
	for (i = 0; i < n; i++)
		printf(" %u", c[i]);
	printf("\n");
	fflush(stdout);
}

/* Is a witness mounted at path, in this process's mount namespace? */
static int
mounted_at(const char *path)
{
	FILE *fp = fopen("/proc/self/mounts", "r");
	char line[4096], want[PATH_MAX + 32];
	int found = 0;

	if (fp == NULL)
		return -1;
	snprintf(want, sizeof want, " %s fuse.msync-witness ", path);
	while (!found && fgets(line, sizeof line, fp) != NULL)
		found = strstr(line, want) != NULL;
	fclose(fp);
	return found;
}

/* Process state letter from /proc/pid/stat, or 0 when it is gone. */
static char
proc_state(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *fp;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	p = fgets(buf, sizeof buf, fp);
	fclose(fp);
	if (p == NULL || (p = strrchr(buf, ')')) == NULL || p[1] == '\0')
		return 0;
	return p[2];
}

static ino_t
own_ns(void)
{
	struct stat st;

	return stat("/proc/self/ns/mnt", &st) == 0 ? st.st_ino : 0;
}

/* Does a live process still use the mount namespace with inode ns? */
static int
ns_in_use(ino_t ns)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int seen = 0;

	if (d == NULL)
		return -1;
	while (!seen && (e = readdir(d)) != NULL) {
		char f[300], *end;
		struct stat st;
		long pid = strtol(e->d_name, &end, 10);

		if (*end != '\0' || pid <= 0)
			continue;
		snprintf(f, sizeof f, "/proc/%s/ns/mnt", e->d_name);
		seen = stat(f, &st) == 0 && st.st_ino == ns &&
		    proc_state((pid_t)pid) != 'Z';
	}
	closedir(d);
	return seen;
}

ATF_TC_WITHOUT_HEAD(mount_unmount);
ATF_TC_BODY(mount_unmount, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	char path[PATH_MAX];
	pid_t pid = wit_pid(w);
	struct stat st;
	int fd;

	snprintf(path, sizeof path, "%s", wit_path(w));
	ATF_CHECK_EQ(1, mounted_at(path));
	fd = make_file(w, "f", 1, 'a');
	ATF_CHECK(fstat(fd, &st) == 0 && st.st_size == (off_t)ps);
	close(fd);
	unmount(w);
	ATF_CHECK_EQ(0, mounted_at(path));
	ATF_CHECK_MSG(kill(pid, 0) == -1 && errno == ESRCH,
	    "daemon %ld still exists", (long)pid);
	ATF_CHECK_MSG(stat(path, &st) == -1 && errno == ENOENT,
	    "mount point directory left behind");
}

/* Unmounting with a file open and a dirty page mapped must not hang. */
ATF_TC_WITHOUT_HEAD(unmount_busy);
ATF_TC_BODY(unmount_busy, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	int fd = make_file(w, "f", 1, 'a');
	char *m = map_shared(fd, 1), path[PATH_MAX];
	struct stat st;

	snprintf(path, sizeof path, "%s", wit_path(w));
	m[0] = 'Z';
	unmount(w);
	ATF_CHECK_EQ(0, mounted_at(path));
	ATF_CHECK(stat(path, &st) == -1 && errno == ENOENT);
	{
		int rs = msync(m, ps, MS_SYNC), es = errno;
		int ru = munmap(m, ps);
		int rc = close(fd), ec = errno;

		printf("after unmount: msync(MS_SYNC) %d (%s), munmap %d, "
		    "close %d (%s)\n", rs, rs ? strerror(es) : "-", ru, rc,
		    rc ? strerror(ec) : "-");
	}
}

/*
 * Left to kyua: it kills the process group at the timeout, with the
 * witness mounted and a page dirty.  Run witness/check-no-debris after
 * the test run to see that nothing remains.  (Run by hand, without kyua,
 * the alarm ends it.)
 */
ATF_TC(killed_by_kyua);
ATF_TC_HEAD(killed_by_kyua, tc)
{
	atf_tc_set_md_var(tc, "descr", "hangs with a mounted witness until "
	    "kyua kills it (expected timeout)");
	atf_tc_set_md_var(tc, "timeout", "2");
}
ATF_TC_BODY(killed_by_kyua, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	int fd = make_file(w, "f", 1, 'a');
	char *m = map_shared(fd, 1);

	m[0] = 'Z';
	atf_tc_expect_timeout("kyua must kill this case");
	alarm(60);
	for (;;)
		pause();
}

ATF_TC_WITHOUT_HEAD(two_witnesses);
ATF_TC_BODY(two_witnesses, tc)
{
	struct wit *a = mount_at(tc, "a", 0), *b = mount_at(tc, "b", 0);
	struct wit_log la, lb;

	close(make_file(a, "fa", 1, 'a'));
	close(make_file(b, "fb", 2, 'b'));
	read_log(a, "witness a", &la);
	read_log(b, "witness b", &lb);
	ATF_CHECK_EQ(1, wit_log_count(&la, "fa", WIT_OP_WRITE));
	ATF_CHECK_EQ(0, wit_log_count(&la, "fb", ~0u));
	ATF_CHECK_EQ(2, wit_log_count(&lb, "fb", WIT_OP_WRITE));
	wit_log_free(&la);
	wit_log_free(&lb);
	unmount(b);
	unmount(a);
}

/*
 * A case killed with its process group (as kyua does on timeout) while it
 * has a dirty shared mapping on a witness: nothing may remain.
 */
ATF_TC_WITHOUT_HEAD(killed_leaves_nothing);
ATF_TC_BODY(killed_leaves_nothing, tc)
{
	struct report {
		enum wit_status st;
		pid_t daemon;
		ino_t ns;
		char path[PATH_MAX];
		char why[1024];
	} rep;
	struct wit_opts o = opts_of(tc, 0);
	struct timespec t0, t1, tick = { 0, 10000000 };
	int p[2], status, waited;
	pid_t child;

	ps = (size_t)sysconf(_SC_PAGESIZE);
	ATF_REQUIRE(pipe(p) == 0);
	child = fork();
	ATF_REQUIRE(child >= 0);
	if (child == 0) {
		struct wit *w = NULL;
		char *m;
		int fd;

		setpgid(0, 0);
		memset(&rep, 0, sizeof rep);
		rep.st = wit_mount("mnt", &o, &w, rep.why, sizeof rep.why);
		if (rep.st == WIT_OK) {
			rep.daemon = wit_pid(w);
			snprintf(rep.path, sizeof rep.path, "%s", wit_path(w));
			rep.ns = own_ns();
			fd = open(path_of(w, "f"), O_RDWR | O_CREAT, 0644);
			if (fd < 0 || ftruncate(fd, (off_t)ps) != 0)
				_exit(1);
			m = mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_SHARED,
			    fd, 0);
			if (m == MAP_FAILED)
				_exit(1);
			m[0] = 'x';	/* a dirty page the kill abandons */
		}
		if (write(p[1], &rep, sizeof rep) != (ssize_t)sizeof rep)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	ATF_REQUIRE(read(p[0], &rep, sizeof rep) == (ssize_t)sizeof rep);
	if (rep.st != WIT_OK) {
		kill(child, SIGKILL);
		waitpid(child, &status, 0);
		if (rep.st == WIT_SKIP)
			atf_tc_skip("%s", rep.why);
		atf_tc_fail("%s", rep.why);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ATF_REQUIRE(killpg(child, SIGKILL) == 0);
	ATF_REQUIRE(waitpid(child, &status, 0) == child);
	/* The daemon may outlive the group for its unmount; allow 5 s. */
	for (waited = 0; waited < 500; waited++) {
		char s = proc_state(rep.daemon);

		if ((s == 0 || s == 'Z') && mounted_at(rep.path) == 0)
			break;
		nanosleep(&tick, NULL);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("daemon %ld state after kill: '%c'; mount namespace %s; "
	    "settled after %.3f s\n", (long)rep.daemon,
	    proc_state(rep.daemon) ? proc_state(rep.daemon) : '-',
	    rep.ns == own_ns() ? "shared" : "private",
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	ATF_CHECK_MSG(proc_state(rep.daemon) == 0 ||
	    proc_state(rep.daemon) == 'Z',
	    "msync-witness %ld survived", (long)rep.daemon);
	ATF_CHECK_EQ(0, mounted_at(rep.path));
	/*
	 * Nothing may keep the case's private mount namespace (and so its
	 * mount) alive.
	 */
	if (rep.ns != 0 && rep.ns != own_ns())
		ATF_CHECK_EQ_MSG(0, ns_in_use(rep.ns), "a process still has "
		    "the killed case's mount namespace");
}

/*
 * MS_SYNC: a WRITE of exactly the stored page, then FSYNC, both before
 * msync() returns (they precede a mark made right after it).
 */
ATF_TC_WITHOUT_HEAD(sync_writes_page);
ATF_TC_BODY(sync_writes_page, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	int fd = make_file(w, "f", 4, 'a');
	char *m = map_shared(fd, 4), *buf = malloc(ps);
	const struct wit_rec *wr, *fs;
	struct wit_log log;
	unsigned pages[4];
	uint64_t after;
	size_t got;

	ATF_REQUIRE(buf != NULL);
	ATF_REQUIRE(wit_log_clear(w) == 0);
	memset(m + ps, 'Z', ps);
	ATF_REQUIRE_MSG(msync(m, 4 * ps, MS_SYNC) == 0, "msync: %s",
			strerror(errno));
	after = mark(w, "msync returned");
	read_log(w, "store into page 1, msync(MS_SYNC) of 4 pages", &log);
	wit_log_pages(&log, "f", ps, pages, 4);
	print_pages("MS_SYNC, page 1 dirty", pages, 4);
	ATF_CHECK(pages[0] == 0 && pages[1] == 1 && pages[2] == 0 &&
	    pages[3] == 0);
	wr = wit_log_next(&log, NULL, "f", WIT_OP_WRITE);
	fs = wit_log_next(&log, NULL, "f", WIT_OP_FSYNC);
	ATF_REQUIRE_MSG(wr != NULL, "no WRITE");
	ATF_CHECK_EQ(ps, wr->off);
	ATF_CHECK_EQ(ps, wr->len);
	ATF_CHECK_EQ(wit_digest(m + ps, ps), wr->digest);
	ATF_CHECK(wr->flags & WIT_F_WRITEPAGE);
	ATF_CHECK(wr->seq < after);
	ATF_REQUIRE_MSG(fs != NULL, "no FSYNC");
	ATF_CHECK(wr->seq < fs->seq && fs->seq < after);
	ATF_REQUIRE(wit_peek(w, "f", ps, buf, ps, &got) == 0);
	ATF_CHECK(got == ps && memcmp(buf, m + ps, ps) == 0);
	free(buf);
	wit_log_free(&log);
	munmap(m, 4 * ps);
	close(fd);
	unmount(w);
}

/* A file unlinked once mapped keeps its name in the log and for wit_*. */
ATF_TC_WITHOUT_HEAD(unlinked_file);
ATF_TC_BODY(unlinked_file, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	int fd = make_file(w, "f", 1, 'a');
	char *m = map_shared(fd, 1), c;
	struct wit_log log;
	size_t got;

	ATF_REQUIRE(unlink(path_of(w, "f")) == 0);
	ATF_REQUIRE(wit_log_clear(w) == 0);
	m[0] = 'Z';
	ATF_REQUIRE(msync(m, ps, MS_SYNC) == 0);
	read_log(w, "unlinked, stored, msync(MS_SYNC)", &log);
	ATF_CHECK_EQ(1, wit_log_count(&log, "f", WIT_OP_WRITE));
	wit_log_free(&log);
	ATF_REQUIRE_MSG(wit_peek(w, "f", 0, &c, 1, &got) == 0, "%s",
			wit_error(w));
	ATF_CHECK(got == 1 && c == 'Z');
	munmap(m, ps);
	close(fd);
	unmount(w);
}

/* A private mapping's stores must never reach the file. */
ATF_TC_WITHOUT_HEAD(private_not_written);
ATF_TC_BODY(private_not_written, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	int fd = make_file(w, "f", 1, 'a');
	char *m = mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	struct wit_log log;
	char c;
	size_t got;

	ATF_REQUIRE(m != MAP_FAILED);
	ATF_REQUIRE(wit_log_clear(w) == 0);
	m[0] = 'Z';
	ATF_REQUIRE(msync(m, ps, MS_SYNC) == 0);
	read_log(w, "MAP_PRIVATE store, msync(MS_SYNC)", &log);
	ATF_CHECK_EQ(0, wit_log_count(&log, "f", WIT_OP_WRITE));
	ATF_REQUIRE(wit_peek(w, "f", 0, &c, 1, &got) == 0);
	ATF_CHECK(got == 1 && c == 'a');
	wit_log_free(&log);
	munmap(m, ps);
	close(fd);
	unmount(w);
}

/* A poke changes storage only: the page cache keeps serving old bytes. */
ATF_TC_WITHOUT_HEAD(poke_behind_cache);
ATF_TC_BODY(poke_behind_cache, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	int fd = make_file(w, "f", 1, 'a'), fd2;
	char c = 0;
	struct wit_log log;
	size_t got;

	ATF_REQUIRE(pread(fd, &c, 1, 0) == 1 && c == 'a');
	ATF_REQUIRE(wit_log_clear(w) == 0);
	ATF_REQUIRE_MSG(wit_poke(w, "f", 0, "B", 1) == 0, "%s", wit_error(w));
	ATF_REQUIRE(wit_peek(w, "f", 0, &c, 1, &got) == 0);
	ATF_CHECK(got == 1 && c == 'B');
	fd2 = open(path_of(w, "f"), O_RDONLY);
	ATF_REQUIRE(fd2 >= 0);
	ATF_REQUIRE(pread(fd2, &c, 1, 0) == 1);
	ATF_CHECK_MSG(c == 'a', "read() after poke saw '%c', not the cached "
	    "'a'", c);
	read_log(w, "poke, then open + pread", &log);
	ATF_CHECK_EQ(0, wit_log_count(&log, "f", WIT_OP_READ));
	wit_log_free(&log);
	ATF_CHECK(wit_poke(w, "f", ps, "x", 1) == -1);	/* never extends */
	printf("poke past EOF: %s\n", wit_error(w));
	/* Dropping the clean page exposes what storage holds. */
	ATF_REQUIRE(posix_fadvise(fd2, 0, 0, POSIX_FADV_DONTNEED) == 0);
	ATF_REQUIRE(pread(fd2, &c, 1, 0) == 1);
	printf("after POSIX_FADV_DONTNEED read() sees '%c'\n", c);
	close(fd2);
	close(fd);
	unmount(w);
}

/* Write-back failing with err: msync(MS_SYNC) must report it. */
static void
write_fault(const atf_tc_t *tc, unsigned op, int err)
{
	struct wit *w = mount_or_skip(tc, 0);
	int fd = make_file(w, "f", 1, 'a');
	char *m = map_shared(fd, 1), c;
	const struct wit_rec *r;
	struct wit_log log;
	int rv, e;
	size_t got;

	ATF_REQUIRE_MSG(wit_fail(w, "f", op, err) == 0, "%s", wit_error(w));
	ATF_REQUIRE(wit_log_clear(w) == 0);
	m[0] = 'Z';
	rv = msync(m, ps, MS_SYNC);
	e = errno;
	printf("%s fails with %s: msync(MS_SYNC) = %d (%s)\n",
	    wit_op_name(op), strerror(err), rv, rv ? strerror(e) : "-");
	ATF_CHECK_EQ(-1, rv);
	ATF_CHECK_EQ(err, e);
	read_log(w, "faulty msync", &log);
	r = wit_log_next(&log, NULL, "f", op);
	ATF_CHECK_MSG(r != NULL && r->err == err, "no failed %s logged",
	    wit_op_name(op));
	wit_log_free(&log);
	ATF_REQUIRE(wit_peek(w, "f", 0, &c, 1, &got) == 0);
	printf("storage holds '%c' after the failed msync\n", c);
	if (op == WIT_OP_WRITE)
		ATF_CHECK_EQ('a', c);
	rv = msync(m, ps, MS_SYNC);
	printf("msync again, fault still set: %d (%s)\n", rv,
	    rv ? strerror(errno) : "-");
	ATF_REQUIRE(wit_fail(w, "f", op, 0) == 0);
	m[0] = 'Y';
	rv = msync(m, ps, MS_SYNC);
	ATF_CHECK_MSG(rv == 0, "healed msync: %s", strerror(errno));
	ATF_REQUIRE(wit_peek(w, "f", 0, &c, 1, &got) == 0);
	ATF_CHECK_EQ('Y', c);
	munmap(m, ps);
	close(fd);
	unmount(w);
}

ATF_TC_WITHOUT_HEAD(fail_write_eio);
ATF_TC_BODY(fail_write_eio, tc)
{
	write_fault(tc, WIT_OP_WRITE, EIO);
}

ATF_TC_WITHOUT_HEAD(fail_write_enospc);
ATF_TC_BODY(fail_write_enospc, tc)
{
	write_fault(tc, WIT_OP_WRITE, ENOSPC);
}

ATF_TC_WITHOUT_HEAD(fail_fsync_eio);
ATF_TC_BODY(fail_fsync_eio, tc)
{
	write_fault(tc, WIT_OP_FSYNC, EIO);
}

ATF_TC_WITHOUT_HEAD(log_clear_mark);
ATF_TC_BODY(log_clear_mark, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	struct wit_log log;
	uint64_t last, m1;

	close(make_file(w, "f", 2, 'a'));
	read_log(w, "create + 2 pwrite + close", &log);
	ATF_REQUIRE(log.n > 0);
	ATF_CHECK_EQ(2, wit_log_count(&log, "f", WIT_OP_WRITE));
	last = log.rec[log.n - 1].seq;
	wit_log_free(&log);
	ATF_REQUIRE(wit_log_clear(w) == 0);
	ATF_REQUIRE(wit_log_read(w, &log) == 0);
	ATF_CHECK_EQ(0, log.n);
	wit_log_free(&log);
	m1 = mark(w, "first");
	ATF_CHECK(m1 > last);
	read_log(w, "after clear + mark", &log);
	ATF_CHECK(log.n == 1 && log.rec[0].op == WIT_OP_MARK &&
	    strcmp(log.rec[0].name, "first") == 0);
	wit_log_free(&log);
	ATF_CHECK(wit_poke(w, "nonexistent", 0, "x", 1) == -1);
	printf("poke of a missing file: %s\n", wit_error(w));
	unmount(w);
}

/* utimensat() reaches the witness as SETATTR and stat() shows it. */
ATF_TC_WITHOUT_HEAD(utimens);
ATF_TC_BODY(utimens, tc)
{
	struct wit *w = mount_or_skip(tc, 0);
	struct timespec ts[2] = { { 1000000000, 5 }, { 1100000000, 7 } };
	const struct wit_rec *r;
	struct wit_log log;
	struct stat st;

	close(make_file(w, "f", 1, 'a'));
	ATF_REQUIRE(wit_log_clear(w) == 0);
	ATF_REQUIRE(utimensat(AT_FDCWD, path_of(w, "f"), ts, 0) == 0);
	ATF_REQUIRE(stat(path_of(w, "f"), &st) == 0);
	ATF_CHECK_EQ(ts[0].tv_sec, st.st_atim.tv_sec);
	ATF_CHECK_EQ(ts[1].tv_sec, st.st_mtim.tv_sec);
	ATF_CHECK_EQ(ts[1].tv_nsec, st.st_mtim.tv_nsec);
	read_log(w, "utimensat", &log);
	r = wit_log_next(&log, NULL, "f", WIT_OP_SETATTR);
	ATF_CHECK(r != NULL && (r->flags & WIT_F_MTIME) &&
	    (r->flags & WIT_F_ATIME));
	wit_log_free(&log);
	unmount(w);
}

/* With WIT_WRITEBACK_CACHE write(2) stays in the page cache until fsync. */
ATF_TC_WITHOUT_HEAD(writeback_cache);
ATF_TC_BODY(writeback_cache, tc)
{
	struct wit *w = mount_or_skip(tc, WIT_WRITEBACK_CACHE);
	int fd = open(path_of(w, "f"), O_RDWR | O_CREAT, 0644);
	struct wit_log log;
	size_t before;

	ATF_REQUIRE(fd >= 0);
	ATF_REQUIRE(wit_log_clear(w) == 0);
	ATF_REQUIRE(pwrite(fd, "abc", 3, 0) == 3);
	read_log(w, "writeback_cache: pwrite", &log);
	before = wit_log_count(&log, "f", WIT_OP_WRITE);
	wit_log_free(&log);
	ATF_REQUIRE(fsync(fd) == 0);
	read_log(w, "writeback_cache: then fsync", &log);
	printf("WRITEs after pwrite: %zu; after fsync: %zu\n", before,
	    wit_log_count(&log, "f", WIT_OP_WRITE));
	ATF_CHECK_EQ(0, before);
	ATF_CHECK_EQ(1, wit_log_count(&log, "f", WIT_OP_WRITE));
	wit_log_free(&log);
	close(fd);
	unmount(w);
}

ATF_TC_WITHOUT_HEAD(missing_daemon_fails);
ATF_TC_BODY(missing_daemon_fails, tc)
{
	struct wit_opts o = { .daemon = "/nonexistent/msync-witness" };
	struct wit *w;
	char why[512];
	struct stat st;

	ATF_CHECK_EQ(WIT_FAIL, wit_mount("mnt", &o, &w, why, sizeof why));
	ATF_CHECK(w == NULL);
	printf("reason: %s\n", why);
	ATF_CHECK(strstr(why, "/nonexistent/msync-witness") != NULL);
	ATF_CHECK_MSG(stat("mnt", &st) == -1, "mount point left behind");
}

/*
 * Runs wit_mount() in a child after setup() (which may drop privileges or
 * hide things in a private namespace); returns its status, reason in why.
 */
static enum wit_status
mount_in_child(const atf_tc_t *tc, const char *dir, int (*setup)(void),
    char *why, size_t len)
{
	struct { enum wit_status st; char why[1024]; } rep;
	struct wit_opts o = opts_of(tc, 0);
	int p[2], status;
	pid_t pid;

	ATF_REQUIRE(pipe(p) == 0);
	pid = fork();
	ATF_REQUIRE(pid >= 0);
	if (pid == 0) {
		struct wit *w;

		memset(&rep, 0, sizeof rep);
		if (setup() != 0) {
			rep.st = (enum wit_status)-1;
			snprintf(rep.why, sizeof rep.why, "setup: %s",
			    strerror(errno));
		} else {
			rep.st = wit_mount(dir, &o, &w, rep.why, sizeof rep.why);
			if (rep.st == WIT_OK && wit_unmount(w, NULL, 0) != 0)
				rep.st = WIT_FAIL;
		}
		_exit(write(p[1], &rep, sizeof rep) == (ssize_t)sizeof rep ? 0 : 1);
	}
	close(p[1]);
	ATF_REQUIRE(read(p[0], &rep, sizeof rep) == (ssize_t)sizeof rep);
	close(p[0]);
	ATF_REQUIRE(waitpid(pid, &status, 0) == pid);
	if ((int)rep.st == -1)
		atf_tc_skip("cannot simulate: %s", rep.why);
	snprintf(why, len, "%s", rep.why);
	return rep.st;
}

/* A private namespace with an empty /dev: no /dev/fuse. */
static int
hide_dev_fuse(void)
{
#if defined(HAVE_UNSHARE) && HAVE_DECL_CLONE_NEWNS && HAVE_DECL_MS_SLAVE && \
    HAVE_DECL_MS_REC
	if (unshare(CLONE_NEWNS) != 0 ||
	    mount("none", "/", NULL, MS_REC | MS_SLAVE, NULL) != 0)
		return -1;
	return mount("tmpfs", "/dev", "tmpfs", 0, "size=64k");
#else
	errno = ENOSYS;
	return -1;
#endif
}

ATF_TC_WITHOUT_HEAD(skip_without_fuse);
ATF_TC_BODY(skip_without_fuse, tc)
{
	char why[1024];
	enum wit_status st = mount_in_child(tc, "mnt", hide_dev_fuse, why,
					    sizeof why);

	printf("without /dev/fuse: status %d: %s\n", (int)st, why);
	ATF_CHECK_EQ(WIT_SKIP, st);
	ATF_CHECK(strstr(why, "/dev/fuse") != NULL ||
	    strstr(why, "not built") != NULL);
}

static char unpriv_dir[] = "/tmp/msync-witness-unpriv.XXXXXX";

/* An ordinary user (nobody) with no capabilities. */
static int
become_nobody(void)
{
	if (setgroups(0, NULL) != 0 || setgid(65534) != 0 ||
	    setuid(65534) != 0)
		return -1;
	return 0;
}

ATF_TC_WITHOUT_HEAD(skip_unprivileged);
ATF_TC_BODY(skip_unprivileged, tc)
{
	char why[1024], mnt[PATH_MAX];
	enum wit_status st;

	if (geteuid() != 0)
		atf_tc_skip("needs root to become an unprivileged user");
	ATF_REQUIRE(mkdtemp(unpriv_dir) != NULL);
	ATF_REQUIRE(chmod(unpriv_dir, 0755) == 0);
	snprintf(mnt, sizeof mnt, "%s/mnt", unpriv_dir);
	ATF_REQUIRE(mkdir(mnt, 0755) == 0 && chown(mnt, 65534, 65534) == 0);
	st = mount_in_child(tc, mnt, become_nobody, why, sizeof why);
	rmdir(mnt);
	rmdir(unpriv_dir);
	printf("as uid 65534: status %d: %s\n", (int)st, why);
	if (st == WIT_FAIL && (strstr(why, "not found") != NULL ||
	    strstr(why, "cannot execute") != NULL))
		atf_tc_skip("cannot simulate: uid 65534 cannot run the "
			    "daemon: %s", why);
	ATF_CHECK_MSG(st != WIT_FAIL, "an unprivileged mount must skip or "
	    "work, not fail: %s", why);
}

ATF_TP_ADD_TCS(tp)
{
	ATF_TP_ADD_TC(tp, mount_unmount);
	ATF_TP_ADD_TC(tp, unmount_busy);
	ATF_TP_ADD_TC(tp, killed_by_kyua);
	ATF_TP_ADD_TC(tp, two_witnesses);
	ATF_TP_ADD_TC(tp, killed_leaves_nothing);
	ATF_TP_ADD_TC(tp, sync_writes_page);
	ATF_TP_ADD_TC(tp, unlinked_file);
	ATF_TP_ADD_TC(tp, private_not_written);
	ATF_TP_ADD_TC(tp, poke_behind_cache);
	ATF_TP_ADD_TC(tp, fail_write_eio);
	ATF_TP_ADD_TC(tp, fail_write_enospc);
	ATF_TP_ADD_TC(tp, fail_fsync_eio);
	ATF_TP_ADD_TC(tp, log_clear_mark);
	ATF_TP_ADD_TC(tp, utimens);
	ATF_TP_ADD_TC(tp, writeback_cache);
	ATF_TP_ADD_TC(tp, missing_daemon_fails);
	ATF_TP_ADD_TC(tp, skip_without_fuse);
	ATF_TP_ADD_TC(tp, skip_unprivileged);
	return atf_no_error();
}
