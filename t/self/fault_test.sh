#! /bin/sh
# No outcome without an observed call, under every fault: each call the
# harness makes before, around and after the measured msync() (setup, the
# witness session, the observer, the cleanup) is made to fail in turn, and
# every case it touches must end skipped or broken, its reason naming the
# call, with no record (no outcome) on its stdout.
#
# t/self/msync_cases_fault is the suite's program with t/self/fault.c
# linked in through the linker's --wrap.  A sample of cases covers every
# mapping kind, every check procedure and every lock state.  Each case is
# run once counting its calls, each by its call site; then, for every
# site no earlier case of the sample reached, the case is run again with
# the first call from that site failing.  At the end, every wrapped call
# the harness makes must have failed at least once.
# TAP output; run by kyua from the build tree (paths filled in by make).
# kyua-properties: timeout=600

builddir='%%BUILDDIR%%'
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
fault=$builddir/t/self/msync_cases_fault

if [ ! -x "$fault" ]; then
	plan 1
	skip "the linker cannot wrap symbols (-Wl,--wrap): no fault-injection program"
	tap_end
fi

# The sample: every mapping value, every check value, every lock value.
sample='
fileshared__S__page__unlocked fileprivate__S__twomaps__range anonshared__SI__hole__mlockall
anonprivate__I__page__other filero__S__page__unlocked fileprotnone__S__page__range
filesplit__zero__pages__unlocked filegrown__zero__pages__unlocked fileoffset__zero__pages__unlocked
shmopen__zero__page__unlocked memfd__zero__page__unlocked sysvshm__zero__page__unlocked
hugetlb__zero__page__unlocked thp__zero__page__unlocked fileshort__zero__pages__unlocked
filetrunc__zero__pages__unlocked
fileshared__S__page__unlocked__mtimefault fileshared__S__page__unlocked__mtimeredirty
fileprivate__I__page__unlocked__privinval anonprivate__I__page__unlocked__privinval
fileshared__S__page__unlocked__observe
fileshared__S__page__unlocked__durable fileshared__S__page__unlocked__rangeonly
fileshared__A__page__unlocked__async fileprivate__S__whole__unlocked__privfile
fileshared__I__page__unlocked__inval fileshared__I__page__unlocked__invaldirty
fileshared__S__page__unlocked__eio fileshared__S__page__unlocked__enospc fileshared__S__page__unlocked__eioretry
fileshared__S__hole__unlocked__partial fileshared__SI__whole__half__partial
pairprivate__S__page__unlocked__pairflush pairprivate__S__page__unlocked__pairflushcow
pairshared__S__page__unlocked__pairsync pairlate__S__page__unlocked__pairsync
pairshared__S__page__unlocked__pairfresh pairshared__S__page__unlocked__paircow
pairshared__S__page__unlocked__pairview pairlate__S__page__unlocked__pairview
sharedprivate__zero__pages__unlocked__pairrange privateshared__zero__pages__unlocked__pairrange
forkshared__S__whole__unlocked__paircow forkprivate__S__whole__unlocked__pairflush
forkshared__SI__whole__unlocked__pairfresh
filesplit__S__whole__unlocked__durable filetrunc__S__whole__unlocked__durable
'

# What a reason must name when the call failed: a word of it.
names() {
	case $1 in
	syscall) echo cachestat ;;
	wit_*) echo witness ;;
	write) echo 'write|forked child' ;;
	*) echo "$1" ;;
	esac
}
# The calls the harness makes, each of which must fail at least once; the
# witness's only where its daemon was built (else its cases skip first).
required='open pwrite write ftruncate mmap munmap mprotect mremap mlock mlockall madvise
shm_open memfd_create shmget shmat shmctl fork pipe syscall'
witness_calls='socketpair mount wit_log_read wit_log_clear wit_log_mark wit_poke wit_peek
wit_fail wit_unmount'
if [ -x "$builddir/witness/msync-witness" ]; then
	required="$required $witness_calls"
	unreached=""
else
	unreached=", the witness's calls left out: msync-witness was not built"
fi

# harness_site SITE: whether the call at SITE (an offset from mh_main) is
# the harness's, not a library's linked in statically (ATF's own result
# file, where libatf-c is a static library, as in the musl build): the
# source file of the call, from its debug information, is one of the
# project's.  Without addr2line or debug information, every site counts.
main_addr=$(nm "$fault" 2>/dev/null | awk '$3 == "mh_main" { print $1; exit }')
harness_site() {
	[ -n "$main_addr" ] && command -v addr2line > /dev/null 2>&1 || return 0
	_where=$(addr2line -e "$fault" "$(printf '%#x' $((0x$main_addr + $1)))" 2>/dev/null)
	case $_where in
	\?\?:*|'') return 0 ;;
	esac
	printf '%s\n' "$_where" | grep -Eq '(^|/)(lib|witness|t|self)/[^/]+\.[ch]:'
}

# The program of each case, from the programs' own lists.
mkdir "$tmp/bin" "$tmp/w" || exit 1
# The witness daemon beside the programs, as installed.
[ -x "$builddir/witness/msync-witness" ] && ln -s "$builddir/witness/msync-witness" "$tmp/bin/"
for p in "$builddir"/t/*_test; do
	"$p" -l | sed -n "s/^ident: /$(basename "$p") /p"
done > "$tmp/programs"

n=0
# run CASE MODE: runs the case once; leaves res, out and the log's new lines.
run() {
	n=$((n + 1))
	prog=$(awk -v c="$1" '$2 == c { print $1; exit }' "$tmp/programs")
	[ -n "$prog" ] || { echo "no program has case $1"; return 1; }
	[ -e "$tmp/bin/$prog" ] || ln -s "$fault" "$tmp/bin/$prog"
	mkdir "$tmp/w/$n" && : > "$tmp/log" && rm -f "$tmp/res"
	(cd "$tmp/w/$n" && MSYNC_FAULT=$2 MSYNC_FAULT_LOG=$tmp/log timeout 120 \
	    "$tmp/bin/$prog" -r "$tmp/res" -s "$tmp/bin" -v variant=linux \
	    -v call_timeout=10 "$1" > "$tmp/out" 2> "$tmp/err")
	rm -rf "$tmp/w/$n" 2>/dev/null
	res=$(cat "$tmp/res" 2>/dev/null)
	[ -z "${FAULT_TIMES:-}" ] || echo "$(date +%s.%N) $1 $2" >> "$FAULT_TIMES"
}

: > "$tmp/sites"
: > "$tmp/todo"
: > "$tmp/foreign"
for c in $sample; do
	run "$c" count
	case $res in
	passed|skipped:*) ;;
	*) echo "$c count $res" >> "$tmp/baseline" ;;
	esac
	awk -v c="$c" '$1 == "call" { print c, $2, $3 }' "$tmp/log" | while read -r cc f s; do
		grep -qx "$f $s" "$tmp/sites" && continue
		echo "$f $s" >> "$tmp/sites"
		harness_site "$s" || { echo "$f $s" >> "$tmp/foreign"; continue; }
		echo "$cc $f $s" >> "$tmp/todo"
	done
done

plan $(($(wc -l < "$tmp/todo") + 2))
if [ -s "$tmp/baseline" ]; then
	not_ok "every case of the sample passes or skips without a fault" "$(cat "$tmp/baseline")"
else
	ok "every case of the sample passes or skips without a fault"
fi

: > "$tmp/fired"
while read -r c f s; do
	run "$c" "$f:$s"
	desc="$c, $f failing at site $s"
	if ! grep -qx "fired $f $s" "$tmp/log"; then
		not_ok "$desc" "the fault was not delivered (the site was not reached again): $res"
		continue
	fi
	echo "$f" >> "$tmp/fired"
	if grep -q '^msync-record' "$tmp/out"; then
		not_ok "$desc" "an outcome was recorded: $(grep '^msync-record' "$tmp/out")" "result: $res"
		continue
	fi
	case $res in
	skipped:*|broken:*) ;;
	*) not_ok "$desc" "ended '$res', not skipped or broken"; continue ;;
	esac
	if ! printf '%s\n' "$res" | grep -Eq "$(names "$f")"; then
		not_ok "$desc" "the reason does not name the call ($(names "$f")): $res"
		continue
	fi
	ok "$desc: ${res%%:*}"
done < "$tmp/todo"

missing=
for f in $required; do
	grep -qx "$f" "$tmp/fired" || missing="$missing $f"
done
if [ -n "$missing" ]; then
	not_ok "every call the harness makes failed at least once" "never failed:$missing"
else
	ok "every call the harness makes failed at least once ($(sort -u "$tmp/fired" | wc -l) calls, $(wc -l < "$tmp/todo") sites$unreached; $(wc -l < "$tmp/foreign") sites of statically linked libraries not failed)"
fi
tap_end
