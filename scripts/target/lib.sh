# What the drivers of scripts/run-target's targets share (sourced after
# scripts/lib.sh by each executable file of scripts/target/): the
# architectures, a run's directories, the suite's build for an
# architecture, and where the report goes.
#
# A driver is an executable file of scripts/target/: `DRIVER --list`
# prints its targets, one a line as NAME<TAB>what it is, and
# `DRIVER NAME` runs one (scripts/run-target finds the driver of a name).
# A driver sets `me` to the target's name once it knows it.

# The architectures: ARCH (uname -m's name, the targets' names), its Debian
# architecture, GNU triplet, Debian multiarch directory, and whether Debian
# 12 releases it (else ATF and SQLite are built from Debian's sources for
# it: debian-ports only).
arch_table='aarch64 arm64 aarch64-linux-gnu aarch64-linux-gnu yes
ppc64el ppc64el powerpc64le-linux-gnu powerpc64le-linux-gnu yes
s390x s390x s390x-linux-gnu s390x-linux-gnu yes
riscv64 riscv64 riscv64-linux-gnu riscv64-linux-gnu no
sparc64 sparc64 sparc64-linux-gnu sparc64-linux-gnu no
i386 i386 i686-linux-gnu i386-linux-gnu yes
x86_64 amd64 x86_64-linux-gnu x86_64-linux-gnu yes'

# arch_info ARCH: sets arch, deb, triplet, ma and release from the table;
# returns 1 for an unknown ARCH.
arch_info() {
	_line=$(printf '%s\n' "$arch_table" | awk -v a="$1" '$1 == a')
	[ -n "$_line" ] || return 1
	read -r arch deb triplet ma release <<EOF
$_line
EOF
}

# arch_names: the table's ARCH names.
arch_names() { printf '%s\n' "$arch_table" | awk '{ print $1 }'; }

# target_begin NAME: the directories of a run of target NAME:
#   work     the work root's NAME/ (builds, the guest; emptied by each run)
#   runs     the work root's runs/NAME/WHEN/: this run's results file,
#            report, .cmd, comparison and logs
#   results  where the report and .cmd go as well: RESULTS_DIR if set
#            (scripts/run-target --results sets results/), else runs
#   log      runs/NAME.log, every message of the run
# and t0, the run's start.
target_begin() {
	me=$1
	_root=$(work_root) || die "cannot make the work root"
	work=$_root/$1
	runs=$_root/runs/$1/$(date -u +%Y%m%dT%H%M%SZ)
	mkdir -p "$work" "$runs" || die "cannot make $work and $runs"
	results=${RESULTS_DIR:-$runs}
	mkdir -p "$results" || die "cannot make $results"
	results=$(cd "$results" && pwd)
	log=$runs/$1.log
	: > "$log"
	t0=$(date +%s)
}

# build_suite ARCH: the suite from a clean copy of the sources
# ($work/src), configured out of tree ($work/build) for ARCH, built with
# -Wall -Wextra and installed with prefix /usr/local into $work/dest.
# Natively where ARCH is this machine's; else cross-compiled with clang
# --target against Debian's cross libc and binutils, and ATF, SQLite and
# libfuse3 for ARCH: Debian's packages unpacked (a release architecture)
# or built from Debian's sources (debian-ports).  Sets build, dest and
# build_s (its seconds).  Dies when a step fails.
build_suite() {
	arch_info "$1" || die "unknown architecture $1"
	_b0=$(date +%s)
	build=$work/build dest=$work/dest
	step "$work/install-deps.log" "$top/scripts/install-deps" || die "scripts/install-deps failed"
	set -- CFLAGS='-g -O2 -Wall -Wextra'
	if [ "$arch" = "$(uname -m)" ]; then
		_what="natively"
	else
		_gccv=$(gcc -dumpversion | cut -d. -f1)
		_cc="clang --target=$triplet"
		if [ "$release" = yes ]; then
			step "$work/packages.log" "$top/scripts/debian-provision" packages clang \
				"libc6-dev-$deb-cross" "libgcc-$_gccv-dev-$deb-cross" "binutils-$triplet" ||
				die "cannot install the cross toolchain"
			_root=$("$top/scripts/debian-provision" sysroot "$deb") || die "no sysroot for $deb"
			_libs="$_root/usr/lib/$ma:$_root/lib/$ma"
			set -- "$@" PKG_CONFIG_LIBDIR="$_root/usr/lib/$ma/pkgconfig" \
				PKG_CONFIG_SYSROOT_DIR="$_root" LDFLAGS="-Wl,-rpath,$_libs"
			_what="with $_cc against Debian's $deb packages (unpacked in $_root)"
		else
			step "$work/packages.log" "$top/scripts/debian-provision" packages clang \
				"libc6-dev-$deb-cross" "libgcc-$_gccv-dev-$deb-cross" "binutils-$triplet" \
				dpkg-dev tcl meson ninja-build || die "cannot install the cross toolchain"
			_pfx=$("$top/scripts/debian-provision" source-prefix "$arch" "$_cc" "$triplet") ||
				die "cannot build ATF, SQLite and libfuse3 for $arch"
			set -- "$@" PKG_CONFIG_LIBDIR="$_pfx/lib/pkgconfig"
			_what="with $_cc against ATF, SQLite and libfuse3 built from Debian's sources (in $_pfx)"
		fi
		set -- --host="$triplet" CC="$_cc" PKG_CONFIG=pkg-config "$@"
	fi
	say "building the suite $_what"
	rm -rf "$work/src" "$build" "$dest"
	copy_sources "$work/src" || die "cannot copy the sources"
	(cd "$work/src" && step "$work/autoreconf.log" autoreconf -fi) || die "autoreconf failed"
	mkdir -p "$build"
	(cd "$build" && step "$work/configure.log" "$work/src/configure" --prefix=/usr/local "$@") ||
		die "configure failed"
	step "$work/make.log" make -C "$build" -j"$(nprocs)" all || die "make failed"
	step "$work/install.log" make -C "$build" install DESTDIR="$dest" || die "make install failed"
	build_s=$(($(date +%s) - _b0))
	_warn=$(grep -c 'warning:' "$work/make.log" || true)
	say "built in $(elapsed "$build_s"): t/msync_cases is $(readelf -h "$build/t/msync_cases" |
		sed -n 's/^ *\(Class\|Machine\|Data\): *//p' | tr '\n' ' ')($_warn warnings)"
	[ "$_warn" = 0 ] || grep 'warning:' "$work/make.log" | head -n 10 | sed 's/^/   | /'

}

# publish NAME CMD: the run's report (runs/NAME.report, made by the
# driver) and CMD as runs/NAME.cmd, copied to results when that is
# another directory; prints the tested system's facts and how many cases
# differ from the native results/linux-x86_64-ext4.report (runs/compare.txt,
# made by the driver, if it could).
publish() {
	[ -s "$runs/$1.report" ] || die "no report $runs/$1.report"
	printf '%s\n' "$2" > "$runs/$1.cmd"
	if [ "$results" != "$runs" ]; then
		cp "$runs/$1.report" "$runs/$1.cmd" "$results/" || die "cannot write to $results"
	fi
	say "report: $results/$1.report (and .cmd)"
	sed -n 's/^# \(machine\|abi\|pagesize\|release\|emulator\)\t/   \1: /p' "$runs/$1.report" | tee -a "$log"
	if [ -s "$runs/compare.txt" ]; then
		say "against results/linux-x86_64-ext4.report: $(tail -n 1 "$runs/compare.txt" | sed 's/^# //') (list: $runs/compare.txt)"
	fi
	say "done in $(elapsed $(($(date +%s) - t0))) (log: $log)"
}
