#!/bin/sh
# Runs the whole suite in the device under test and tells LAVA about every
# case: the run step of lava/msync.yaml.  It also runs by hand on any Linux
# machine (outside LAVA it prints the results instead of sending them).
#
#   1. gets the suite: builds the repository it belongs to (SUITE_FROM=
#      checkout), or the archive of `make dist` (tarball, TARBALL=PATH|URL),
#      installing into PREFIX; or uses the suite installed there (installed);
#   2. runs every case under kyua with the verdict VARIANT, the file-backed
#      cases and kyua's work directories on SCRATCH_DEV (mounted) or in
#      SCRATCH_DIR;
#   3. writes the canonical report (msync-report) and sends one LAVA test
#      case per suite case with lava-test-case, inside one lava-test-set per
#      test program: passed and expected failures pass, skipped cases skip,
#      failed and broken cases fail, the reason of each case that did not
#      pass printed on the line before its result;
#   4. prints the report between two marker lines, so that
#      `msync-report lava LOG` can rebuild it from the job's log.
#
# Settings (environment; lava/msync.yaml's params say what each means):
# VARIANT SUITE_FROM TARBALL PREFIX SCRATCH_DEV SCRATCH_DIR WORKDIR
# PARALLELISM CALL_TIMEOUT SKIP_INSTALL.
#
# Exit status: 0 when kyua ran the suite (failed cases are findings, sent
# to LAVA as fail); 1 when the run itself broke: the definition's own LAVA
# case (lava.N_msync) then fails.
set -eu
VARIANT=${VARIANT:-manuals}
SUITE_FROM=${SUITE_FROM:-checkout}
TARBALL=${TARBALL:-}
PREFIX=${PREFIX:-/usr/local}
SCRATCH_DEV=${SCRATCH_DEV:-}
SCRATCH_DIR=${SCRATCH_DIR:-}
WORKDIR=${WORKDIR:-/var/tmp/msync-lava}
PARALLELISM=${PARALLELISM:-}
CALL_TIMEOUT=${CALL_TIMEOUT:-10}
SKIP_INSTALL=${SKIP_INSTALL:-false}
src=$(cd "$(dirname "$0")/.." && pwd)
out=$WORKDIR/out

say() { echo "msync-lava: $*"; }
die() { say "error: $*"; exit 1; }
# quiet LOG CMD...: CMD's output goes to LOG; on failure its tail is shown.
quiet() {
	_log=$1; shift
	"$@" > "$_log" 2>&1 || { tail -n 40 "$_log"; die "'$*' failed (log: $_log)"; }
}

rm -rf "$out"
mkdir -p "$out"
# Kernel messages on the console would land inside the lines LAVA reads
# (results, the report): only emergencies reach it during the run, as
# the kernel's console log level says; the level is restored at the end.
printk=$(cut -f1 /proc/sys/kernel/printk 2>/dev/null || true)
if [ -n "$printk" ] && dmesg -n 1 2>/dev/null; then
	trap 'dmesg -n "$printk" 2>/dev/null || true' EXIT
fi
say "on $(uname -srvm); suite from $SUITE_FROM, variant $VARIANT"

# 1. The suite.
if [ "$SKIP_INSTALL" != true ] && [ "$SUITE_FROM" != installed ]; then
	[ -x "$src/scripts/install-deps" ] || die "no scripts/install-deps in $src"
	quiet "$out/install-deps.log" "$src/scripts/install-deps"
fi
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
build() {
	say "building in $WORKDIR/build (prefix $PREFIX)"
	rm -rf "$WORKDIR/build"
	mkdir -p "$WORKDIR/build"
	(cd "$WORKDIR/build" && quiet "$out/configure.log" "$1/configure" --prefix="$PREFIX")
	t=$(date +%s)
	quiet "$out/make.log" make -C "$WORKDIR/build" -j"$jobs"
	quiet "$out/install.log" make -C "$WORKDIR/build" install
	say "built and installed in $(($(date +%s) - t)) s"
}
case $SUITE_FROM in
checkout)
	[ -f "$src/configure.ac" ] || die "$src is not the suite's source tree"
	(cd "$src" && quiet "$out/autoreconf.log" autoreconf -fi)
	build "$src" ;;
tarball)
	[ -n "$TARBALL" ] || die "SUITE_FROM=tarball needs TARBALL"
	case $TARBALL in
	*://*)
		if command -v curl >/dev/null 2>&1; then fetch="curl -fsSL -o"
		else fetch="wget -q -O"; fi
		$fetch "$WORKDIR/suite.tar.gz" "$TARBALL" || die "cannot fetch $TARBALL"
		TARBALL=$WORKDIR/suite.tar.gz ;;
	esac
	rm -rf "$WORKDIR/dist"
	mkdir -p "$WORKDIR/dist"
	tar -xzf "$TARBALL" -C "$WORKDIR/dist" --strip-components=1 || die "cannot unpack $TARBALL"
	build "$WORKDIR/dist" ;;
installed) ;;
*) die "SUITE_FROM must be checkout, tarball or installed (not '$SUITE_FROM')" ;;
esac
suite=$PREFIX/tests/msync
report=$PREFIX/bin/msync-report
[ -f "$suite/Kyuafile" ] || die "no suite installed in $suite"
[ -x "$report" ] || die "no msync-report in $PREFIX/bin"
command -v kyua >/dev/null 2>&1 || die "no kyua"

# 2. Where the files under test go.
if [ -n "$SCRATCH_DEV" ]; then
	[ -b "$SCRATCH_DEV" ] || die "SCRATCH_DEV $SCRATCH_DEV is not a block device"
	mnt=$WORKDIR/disk
	mkdir -p "$mnt"
	mountpoint -q "$mnt" || mount "$SCRATCH_DEV" "$mnt" || die "cannot mount $SCRATCH_DEV"
	base=$mnt/msync-lava
else
	base=$WORKDIR/run
fi
rm -rf "$base/tmp" "$base/scratch"
mkdir -p "$base/tmp" "$base/scratch"
chmod 1777 "$base/tmp" "$base/scratch"
scratch=${SCRATCH_DIR:-$base/scratch}
[ -d "$scratch" ] || die "SCRATCH_DIR $scratch is not a directory"
if [ -z "$PARALLELISM" ]; then
	PARALLELISM=$jobs
	[ "$PARALLELISM" -gt 2 ] && PARALLELISM=2
fi
say "scratch_dir $scratch ($(stat -f -c %T "$scratch")), kyua's work directories in $base/tmp ($(stat -f -c %T "$base/tmp")); /dev/fuse $([ -c /dev/fuse ] && echo present || echo absent); parallelism $PARALLELISM"

# 3. kyua, with a line of progress every minute.
cd "$suite"
total=$(kyua --config=none --logfile=/dev/null list --kyuafile=Kyuafile 2>/dev/null | wc -l)
say "kyua test: $total cases"
t=$(date +%s)
HOME=$base/tmp TMPDIR=$base/tmp kyua --config=none --logfile="$out/kyua.log" \
    -v parallelism="$PARALLELISM" \
    -v test_suites.msync.variant="$VARIANT" \
    -v test_suites.msync.scratch_dir="$scratch" \
    -v test_suites.msync.call_timeout="$CALL_TIMEOUT" \
    test --kyuafile=Kyuafile --results-file="$out/results.db" > "$out/progress.log" 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null; do
	sleep 60 & wait $! || true
	kill -0 "$pid" 2>/dev/null || break
	say "kyua: $(grep -c ' ->  ' "$out/progress.log" || true) of $total cases done after $(($(date +%s) - t)) s"
done
rc=0
wait "$pid" || rc=$?
say "kyua exited $rc after $(($(date +%s) - t)) s"
case $rc in
0|1) ;;
*) tail -n 20 "$out/progress.log"; die "kyua test failed (exit $rc)" ;;
esac

# 4. The canonical report.
quiet "$out/msync-report.log" "$report" -o "$out/report" "$out/results.db"

# 5. Every case: PROGRAM CASE LAVA-RESULT KYUA-RESULT REASON, sorted.
kyua --config=none --logfile=/dev/null report --results-file="$out/results.db" \
    --results-filter=passed,failed,skipped,broken,xfail > "$out/kyua-report.txt" ||
	die "kyua report failed"
awk '
/^[^ ]+:[^ ]+  ->  / {
	split($0, a, "  ->  ")
	p = index(a[1], ":")
	prog = substr(a[1], 1, p - 1); tc = substr(a[1], p + 1)
	what = a[2]; sub(/  \[[0-9.]+s\]$/, "", what)
	kind = what; sub(/:.*/, "", kind)
	reason = what; if (!sub(/^[a-z_]+: /, "", reason)) reason = "-"
	gsub(/\t/, " ", reason)
	if (kind == "passed" || kind == "expected_failure") r = "pass"
	else if (kind == "skipped") r = "skip"
	else r = "fail"
	printf "%s\t%s\t%s\t%s\t%s\n", prog, tc, r, kind, reason
}' "$out/kyua-report.txt" | LC_ALL=C sort > "$out/cases.tsv"
count() { awk -F'\t' -v k="$1" '$4 == k { n++ } END { print n + 0 }' "$out/cases.tsv"; }
cases=$(wc -l < "$out/cases.tsv")
say "kyua: $(count passed) passed, $(count failed) failed, $(count skipped) skipped, $(count broken) broken, $(count expected_failure) expected failures ($cases cases)"
[ "$cases" -eq "$total" ] || die "kyua listed $total cases but reported $cases"

# LAVA learns of a test case from a signal line on the console
# (<LAVA_SIGNAL_TESTCASE ...>), which lava-test-case prints with the signal
# function of LAVA's lava-common-functions (honouring lava-signal: kmsg).
# That function is called here directly: a lava-test-case process per
# case cost about a second each under TCG on a loaded machine (an hour for
# the whole suite); the signals are the same.
send=print
if lava=$(command -v lava-test-case 2>/dev/null); then
	send=lava
	if [ -r "${lava%/*}/lava-common-functions" ]; then
		# Its signal() reads KMSG (set by lava-test-runner when the job
		# asks for lava-signal: kmsg), unset otherwise: this script's set -u
		# would end there.
		KMSG=${KMSG:-}
		# shellcheck disable=SC1091
		. "${lava%/*}/lava-common-functions"
		command -v signal >/dev/null 2>&1 && send=signal
	fi
else
	say "not in LAVA (no lava-test-case): the results follow as 'CASE RESULT'"
fi
# result.txt as Linaro's test-definitions write it: NAME RESULT.
awk -F'\t' '{ print $2, $3 }' "$out/cases.tsv" > "$out/result.txt"
set_start() {
	case $send in
	signal) signal "<LAVA_SIGNAL_TESTSET START $1>" ;;
	lava) lava-test-set start "$1" ;;
	esac
}
set_stop() {
	case $send in
	signal) signal "<LAVA_SIGNAL_TESTSET STOP>" ;;
	lava) lava-test-set stop ;;
	esac
}
cur=""
while IFS='	' read -r prog tc res kind reason; do
	if [ "$prog" != "$cur" ]; then
		[ -z "$cur" ] || set_stop
		cur=$prog
		set_start "$prog"
	fi
	[ "$kind" = passed ] || echo "msync-lava: $prog:$tc $kind: $reason"
	case $send in
	signal) signal "<LAVA_SIGNAL_TESTCASE TEST_CASE_ID=$tc RESULT=$res>" ;;
	lava) lava-test-case "$tc" --result "$res" ;;
	print) echo "$tc $res" ;;
	esac
done < "$out/cases.tsv"
[ -z "$cur" ] || set_stop
say "LAVA: $(awk -F'\t' '$3 == "pass"' "$out/cases.tsv" | wc -l) pass, $(awk -F'\t' '$3 == "fail"' "$out/cases.tsv" | wc -l) fail, $(awk -F'\t' '$3 == "skip"' "$out/cases.tsv" | wc -l) skip ($cases test cases)"

# 6. The report, whole, between markers: its line count and POSIX cksum
# let the reader tell a damaged copy from the real one.
say "report begin $(wc -l < "$out/report") $(cksum < "$out/report" | awk '{ print $1 }')"
sed 's/^/msync| /' "$out/report"
say "report end"
say "done: results in $out"
