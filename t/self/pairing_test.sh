#! /bin/sh
# The pairing cases (one file mapped MAP_SHARED and MAP_PRIVATE at once)
# fail when msync behaves as systems other than Linux do
# (t/self/msync_shim.c, linked into t/self/msync_cases_shim):
#   privflush     msync on the private mapping writes the shared mapping's
#                 dirty pages back (FreeBSD, NetBSD), the shared mapping in
#                 this process or in a forked child
#   invaldiscard  MS_INVALIDATE discards the private mapping's modified pages
#                 (the AIX manual's "all cached copies")
#   privsnap      a private mapping copies the file when it is made, so its
#                 unmodified pages never show later stores
#   invalfresh    MS_INVALIDATE has both mappings read storage again (NetBSD)
#   asyncsync     MS_ASYNC is synchronous (OpenBSD), over the range that
#                 spans both kinds of mapping
#   skip          MS_SYNC beside a private mapping writes nothing
# Under variant=linux the same cases pass with the real msync.
# TAP output; run by kyua from the build tree (paths filled in by make).
# kyua-properties: timeout=300

builddir='%%BUILDDIR%%'
if [ ! -x "$builddir/witness/msync-witness" ]; then
	echo "1..0 # SKIP msync-witness was not built (configure found no libfuse3)"
	exit 0
fi
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
prog="pair_witness_test pair_scratch_test pair_range_test"
# shellcheck source=t/self/shim_program.sh
. '%%SRCDIR%%/t/self/shim_program.sh'
plan 7

# run MODE CASE...: the verdicts, one "case|result" line each (CASE is
# PROGRAM:ID).
run() {
	m=$1; shift
	rm -f "$tmp/r.db"
	MSYNC_SHIM=$m kyua --config=none \
	    --logfile="$tmp/log" -v test_suites.msync.variant=linux test --results-file="$tmp/r.db" \
	    "$@" > "$tmp/out" 2>&1
	sqlite3 "$tmp/r.db" "SELECT c.name, r.result_type FROM test_cases c JOIN test_results r USING(test_case_id)" |
	    LC_ALL=C sort
}

# What each misbehaviour does to some cases: MODE PROGRAM:ID RESULT.  The
# cases a mode passes are ones it leaves alone (no MS_INVALIDATE, a private
# mapping made after the stores).
cat > "$tmp/table" <<'EOF'
privflush pair_witness_test:pairprivate__S__page__unlocked__pairflush failed
privflush pair_witness_test:pairprivate__A__whole__unlocked__pairflush failed
privflush pair_witness_test:pairprivate__SI__whole__unlocked__pairflushcow failed
privflush pair_witness_test:forkprivate__S__whole__unlocked__pairflush failed
invaldiscard pair_scratch_test:pairshared__I__page__unlocked__paircow failed
invaldiscard pair_scratch_test:pairshared__SI__whole__unlocked__paircow failed
invaldiscard pair_scratch_test:pairshared__S__whole__unlocked__paircow passed
privsnap pair_scratch_test:pairshared__S__whole__unlocked__pairview failed
privsnap pair_scratch_test:pairshared__SI__page__unlocked__pairview failed
privsnap pair_scratch_test:pairlate__S__whole__unlocked__pairview passed
invalfresh pair_witness_test:pairshared__I__page__unlocked__pairfresh failed
invalfresh pair_witness_test:pairshared__SI__whole__unlocked__pairfresh failed
invalfresh pair_witness_test:pairshared__S__page__unlocked__pairfresh passed
asyncsync pair_range_test:sharedprivate__A__pages__unlocked__pairrange failed
asyncsync pair_range_test:privateshared__AI__whole__unlocked__pairrange failed
skip pair_witness_test:pairshared__S__page__unlocked__pairsync failed
skip pair_witness_test:pairlate__SI__whole__unlocked__pairsync failed
EOF
# Under the real msync, every one of them passes.
sed 's/^[^ ]* \([^ ]*\) .*/none \1 passed/' "$tmp/table" >> "$tmp/table"

# expect MODE WHAT: ok if the table's cases of MODE get their results.
expect() {
	mode=$1 what=$2
	want=$(awk -v m="$mode" '$1 == m { sub(/^[^:]*:/, "", $2); print $2 "|" $3 }' "$tmp/table" | LC_ALL=C sort)
	set --
	for c in $(awk -v m="$mode" '$1 == m { print $2 }' "$tmp/table"); do set -- "$@" "$c"; done
	got=$(run "$mode" "$@")
	if [ "$got" = "$want" ]; then ok "$what"; else not_ok "$what" "$got"; fi
}

expect privflush "an msync on the private mapping that writes the shared pages back fails pairflush"
expect invaldiscard "an MS_INVALIDATE that discards the private mapping's modified pages fails paircow with MS_INVALIDATE only"
expect privsnap "a private mapping that never shows later stores fails pairview when made before the stores, not after"
expect invalfresh "an MS_INVALIDATE that drops every cached page of the file fails pairfresh with MS_INVALIDATE only"
expect asyncsync "an MS_ASYNC done synchronously fails pairrange with MS_ASYNC"
expect skip "an msync that writes nothing fails pairsync, private mapping made before or after the stores"
expect none "the same cases pass with the real msync"
tap_end
