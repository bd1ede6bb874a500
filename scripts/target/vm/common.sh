# Shared by scripts/target/linux-vm and scripts/target/uml (sourced, POSIX
# sh): logging, Debian packages, the suite's native out-of-tree build and
# install, the results disk, and the report.  The sourcing script sets
# top (the source tree), work (its work directory), tool (its name) and
# log (its log file) first.

say() { echo "$tool: $*" | tee -a "$log"; }
die() { echo "$tool: error: $*" | tee -a "$log" >&2; exit 1; }
# step CMD...: runs CMD with its output in the log; on failure shows the
# log's tail and stops.
step() {
	"$@" >> "$log" 2>&1 || { tail -n 30 "$log" >&2; die "'$*' failed (log: $log)"; }
}

# need PKG...: installs the Debian packages that are missing
# (scripts/debian-provision).  SKIP_DEPS=1 installs nothing: what is
# missing then fails where it is used.
need() {
	[ "${SKIP_DEPS:-0}" = 1 ] && return 0
	step "$top/scripts/debian-provision" packages "$@"
}

# build_suite: the suite from this tree's tracked files (as they are in the
# work tree), configured out of tree, built and installed into $work/dest
# with prefix /usr/local.  Sets suite (the installed tests directory) and
# report (the built msync-report).
build_suite() {
	"$top/scripts/install-deps" >> "$log" 2>&1 || die "scripts/install-deps failed (log: $log)"
	say "building the suite out of tree in $work/src/build"
	rm -rf "$work/src" "$work/dest"
	mkdir -p "$work/src"
	if git -C "$top" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
		(cd "$top" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$work/src" ||
			die "cannot copy the sources"
	else
		(cd "$top" && tar --exclude=./_build -cf - .) | tar -xf - -C "$work/src" ||
			die "cannot copy the sources"
	fi
	(cd "$work/src" && autoreconf -fi) >> "$log" 2>&1 || die "autoreconf failed (log: $log)"
	mkdir -p "$work/src/build"
	(cd "$work/src/build" && ../configure --prefix=/usr/local) >> "$log" 2>&1 ||
		die "configure failed (log: $log)"
	_jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
	[ "$_jobs" -gt 2 ] && _jobs=2
	make -C "$work/src/build" -j"$_jobs" >> "$log" 2>&1 || die "make failed (log: $log)"
	make -C "$work/src/build" install DESTDIR="$work/dest" >> "$log" 2>&1 ||
		die "make install failed (log: $log)"
	suite=$work/dest/usr/local/tests/msync
	report=$work/src/build/report/msync-report
	[ -f "$suite/Kyuafile" ] || die "no Kyuafile installed in $suite"
	[ -x "$report" ] || die "no msync-report built"
}

# make_disk IMG: a fresh 1 GiB ext4 image for the results and the scratch
# files.
make_disk() {
	rm -f "$1"
	truncate -s 1G "$1" || die "cannot create $1"
	mkfs.ext4 -q -F -L msync "$1" >> "$log" 2>&1 || die "mkfs.ext4 $1 failed"
}

# fetch_out IMG DIR: copies the guest's out/ from the ext4 image into DIR,
# without mounting it (debugfs).
fetch_out() {
	rm -rf "$2"; mkdir -p "$2"
	for _f in status facts progress.log kyua.log results.db; do
		debugfs -R "dump /out/$_f $2/$_f" "$1" >> "$log" 2>&1 || true
		[ -s "$2/$_f" ] || rm -f "$2/$_f"
	done
}

# guest_status DIR: judges the guest's out/ in DIR; dies if the run broke.
guest_status() {
	if [ ! -f "$1/status" ]; then
		_why=$(grep 'msync-guest: error:' "$console" 2>/dev/null | tr -d '\r' | tail -n 1)
		die "the guest left no status${_why:+: ${_why#msync-guest: }} (console: $console)"
	fi
	_st=$(cat "$1/status")
	case $_st in
	"kyua 0"|"kyua 1") ;;
	kyua*) tail -n 20 "$1/progress.log" 2>/dev/null >&2
	       die "kyua in the guest: $_st (see $1/progress.log)" ;;
	*) die "guest: $_st (console: $console)" ;;
	esac
	[ -s "$1/results.db" ] || die "the guest left no results.db"
	say "guest: $(sh "$top/scripts/kyua-counts" "$1/results.db")"
}

# write_report NAME DB CMD: NAME.report from the guest's results file and
# NAME.cmd, in RESULTS_DIR (default: results/ of the tree), and the
# comparison with the tree's native ext4 report (printed; differences are
# findings, not errors).
write_report() {
	_dir=${RESULTS_DIR:-$top/results}
	mkdir -p "$_dir" || die "cannot make $_dir"
	"$report" -o "$_dir/$1.report" "$2" >> "$log" 2>&1 ||
		die "msync-report failed on $2 (log: $log)"
	printf '%s\n' "$3" > "$_dir/$1.cmd"
	say "report: $_dir/$1.report"
	"$report" summary "$_dir/$1.report" | tee -a "$log"
	_native=$top/results/linux-$(uname -m)-ext4.report
	if [ -f "$_native" ]; then
		"$report" compare "$_native" "$_dir/$1.report" > "$work/compare.txt" 2>&1 || true
		say "compared with $(basename "$_native"): $(tail -n 1 "$work/compare.txt") (list: $work/compare.txt)"
	fi
}

# elapsed SECONDS: "Mm SSs"
elapsed() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
