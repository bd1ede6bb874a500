# What the scripts share, sourced (POSIX sh: it also runs on the BSDs and
# macOS, and in a guest's busybox sh):
#   . "$top/scripts/lib.sh"
# after setting top, the source tree.  Every function is defined here once.
#
# Messages start with the script's name ($me, which the script may set
# after sourcing); with log set to a file, say and die also append there.
#
# The work root.  Whatever a script builds, downloads or runs that is not
# part of the project goes under one directory, WORK_ROOT (default _work in
# the source tree; it ignores itself, so git status stays clean):
#   cache/               downloads and libraries (scripts/debian-provision)
#   portability/NAME/    a portability build (scripts/portability-builds)
#   TARGET/              a target's build and guest (scripts/run-target)
#   runs/TARGET/WHEN/    a target run's report, .cmd, results and logs
# A target's report and .cmd go to RESULTS_DIR when it is set (results/
# with scripts/run-target --results), else to the run's own directory.

me=${0##*/}

say() {
	echo "$me: $*"
	[ -z "${log:-}" ] || echo "$me: $*" >> "$log"
}

die() {
	echo "$me: error: $*" >&2
	[ -z "${log:-}" ] || echo "$me: error: $*" >> "$log"
	exit 1
}

# usage: the script's head comment (from line 2 to `set -eu`) on stderr;
# exits 2.
usage() {
	sed -n '2,/^set -eu/{/^set -eu/d;s/^# \{0,1\}//;p;}' "$0" >&2
	exit 2
}

# table_documents TSV: the document variants of the table, one a line, in
# table order, from the header of the generated t/expectations.tsv (a
# column "NAME:document" each).
table_documents() {
	sed -n '1{s/^# id//;p;q;}' "$1" | tr '\t' '\n' | sed -n 's/:document$//p'
}

# step LOG CMD...: runs CMD (a program or a function) with its output in
# LOG, which it replaces; on failure prints the command and the end of LOG
# on stderr and returns 1.  Where a failed step must end the script:
# step LOG CMD... || die WHY (or || exit 1).
step() {
	_log=$1
	shift
	if "$@" > "$_log" 2>&1; then
		return 0
	fi
	echo "   FAILED: $* (log: $_log)" >&2
	tail -n 40 "$_log" | sed 's/^/   | /' >&2
	return 1
}

# as_root CMD...: CMD as root (through sudo when this is not root).
as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo > /dev/null 2>&1; then
		sudo "$@"
	else
		echo "$me: need root (or sudo) for: $*" >&2
		return 1
	fi
}

# nprocs: the processors online, the one count every script uses for
# make -j and kyua's parallelism.  Where a script uses another number it
# says why: scripts/portability-builds runs kyua at twice this (its cases
# wait on children much of the time); a VM guest gets 2 vCPUs by default,
# fewer where there are fewer processors (scripts/target/qemu-system).
nprocs() {
	getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1
}

# exec_refused PROGRAM ERR: the kernel refuses to execute PROGRAM's format
# (ENOEXEC, "Exec format error": i386 programs where there is no IA-32
# emulation), running it as PROGRAM -l with its errors in ERR.
exec_refused() {
	! "$1" -l > /dev/null 2> "$2" && grep -q 'Exec format error' "$2"
}

# run_kyua KYUAFILE DB LOG [OPTION...]: kyua test of KYUAFILE with no
# configuration file, its results in DB, its own log in LOG, parallelism
# nprocs; the OPTIONs (-v NAME=VALUE) come after, so that a later
# -v parallelism=N wins.  kyua's output goes to stdout.  KYUA names the
# program (make check: the one configure found), else kyua.  Returns kyua's
# status: 0 all passed, 1 some case failed, more when kyua itself failed
# (a kyua that died of a signal is run again once: below).
run_kyua() {
	_kf=$1 _db=$2 _klog=$3
	shift 3
	_try=1
	while :; do
		_rc=0
		"${KYUA:-kyua}" --config=none --logfile="$_klog" -v parallelism="$(nprocs)" "$@" \
		    test --kyuafile="$_kf" --results-file="$_db" || _rc=$?
		# kyua itself dying of a signal is a crash of the runner, no
		# outcome of a case: Debian's kyua 0.13 was seen to abort
		# ("corrupted double-linked list") or crash (SIGSEGV) a few times
		# in some tens of thousands of cases.  Its results file is then
		# unfinished: run the whole Kyuafile again, once, and say so.
		if [ "$_rc" -gt 128 ] && [ "$_try" = 1 ]; then
			echo "run_kyua: kyua itself died of signal $((_rc - 128)) (a crash of the runner, not of a case; its log: $_klog): running $_kf again" >&2
			[ ! -f "$_klog" ] || cp "$_klog" "$_klog.crashed"
			rm -f "$_db" "$_db-journal"
			_try=2
			continue
		fi
		return "$_rc"
	done
}

# kyua_done PROGRESS: how many cases kyua has finished, from its output so
# far (a line per case as it ends).
kyua_done() {
	grep -c -- '  ->  ' "$1" 2>/dev/null || true
}

# work_root: makes WORK_ROOT (default $top/_work) and prints its absolute
# path.
work_root() {
	_wr=${WORK_ROOT:-$top/_work}
	mkdir -p "$_wr" || return 1
	[ -f "$_wr/.gitignore" ] || echo '*' > "$_wr/.gitignore"
	(cd "$_wr" && pwd)
}

# copy_sources DEST: a clean copy of the sources into DEST (made if
# missing): in a git work tree, the files git tracks (as they are in the
# work tree, edits included) and the untracked ones it does not ignore;
# outside git (an unpacked release), every file of the tree but the work
# root.  Either way nothing a build or run left in the tree is copied,
# except, outside git, a tree configured in place: make distclean first.
copy_sources() {
	mkdir -p "$1" || return 1
	if git -C "$top" rev-parse --is-inside-work-tree > /dev/null 2>&1; then
		# --ignore-failed-read: a tracked file deleted in the work tree.
		(cd "$top" && git ls-files -z --cached --others --exclude-standard |
			tar --null -T - --ignore-failed-read -cf - 2> /dev/null) | tar -C "$1" -xf -
	else
		_wr=$(work_root) || return 1
		(cd "$top" && tar --exclude="./${_wr#"$top"/}" -cf - .) | tar -C "$1" -xf -
	fi
}

# elapsed SECONDS: as "Mm SSs".
elapsed() {
	printf '%dm%02ds' $(($1 / 60)) $(($1 % 60))
}
