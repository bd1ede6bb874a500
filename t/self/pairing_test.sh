#! /bin/sh
# The pairing cases (one file mapped MAP_SHARED and MAP_PRIVATE at once)
# fail when msync behaves as systems other than Linux do
# (t/self/msync_shim.c, linked into t/self/msync_cases_shim): msync on the
# private mapping writing the shared mapping's dirty pages back (FreeBSD,
# NetBSD; the shared mapping in this process or in a forked child), MS_INVALIDATE discarding the private mapping's modified pages
# (the AIX manual's "all cached copies"), and a private mapping that copies
# the file when it is made, so that its unmodified pages never show later
# stores; and, for the range over both kinds of mapping and MS_SYNC beside
# a private mapping, an MS_ASYNC done synchronously (OpenBSD) and an msync
# that writes nothing.  Under variant=linux the same cases pass with the
# real msync.
# TAP output; run by kyua from the build tree (paths filled in by make).

builddir='%%BUILDDIR%%'
if [ ! -x "$builddir/witness/msync-witness" ]; then
	echo "1..0 # SKIP msync-witness was not built (configure found no libfuse3)"
	exit 0
fi
. '%%SRCDIR%%/t/self/tap.sh'
prog="pair_witness_test pair_scratch_test pair_range_test"
. '%%SRCDIR%%/t/self/shim_program.sh'
plan 6

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

# expect MODE WHAT: runs the cases of stdin, "PROGRAM:ID RESULT" lines, with
# MSYNC_SHIM=MODE; ok if each case gets its RESULT.
expect() {
	cat > "$tmp/want.in"
	want=$(sed 's/^[^:]*:\([^ ]*\) \(.*\)/\1|\2/' "$tmp/want.in" | LC_ALL=C sort)
	got=$(run "$1" $(cut -d' ' -f1 "$tmp/want.in"))
	if [ "$got" = "$want" ]; then ok "$2"; else not_ok "$2" "$got"; fi
}

flush='pair_witness_test:pairprivate__S__page__unlocked__pairflush
pair_witness_test:pairprivate__A__whole__unlocked__pairflush
pair_witness_test:pairprivate__SI__whole__unlocked__pairflushcow
pair_witness_test:forkprivate__S__whole__unlocked__pairflush'
inval='pair_scratch_test:pairshared__I__page__unlocked__paircow
pair_scratch_test:pairshared__SI__whole__unlocked__paircow'
view='pair_scratch_test:pairshared__S__whole__unlocked__pairview
pair_scratch_test:pairshared__SI__page__unlocked__pairview'
range='pair_range_test:sharedprivate__A__pages__unlocked__pairrange
pair_range_test:privateshared__AI__whole__unlocked__pairrange'
sync='pair_witness_test:pairshared__S__page__unlocked__pairsync
pair_witness_test:pairlate__SI__whole__unlocked__pairsync'
# Cases the misbehaviour leaves alone: no MS_INVALIDATE, a mapping made
# after the stores.
same='pair_scratch_test:pairshared__S__whole__unlocked__paircow
pair_scratch_test:pairlate__S__whole__unlocked__pairview'

# A here-document, not a pipe: expect must run in this shell (TAP count).
expect privflush "an msync on the private mapping that writes the shared pages back fails the pairflush cases" <<EOF
$(echo "$flush" | sed 's/$/ failed/')
EOF
expect invaldiscard "an MS_INVALIDATE that discards the private mapping's modified pages fails the paircow cases with MS_INVALIDATE only" <<EOF
$(echo "$inval" | sed 's/$/ failed/'; echo "$same" | sed -n '1s/$/ passed/p')
EOF
expect privsnap "a private mapping that never shows later stores fails pairview when made before the stores, not after" <<EOF
$(echo "$view" | sed 's/$/ failed/'; echo "$same" | sed -n '2s/$/ passed/p')
EOF
expect asyncsync "an MS_ASYNC done synchronously fails the pairrange cases with MS_ASYNC" <<EOF
$(echo "$range" | sed 's/$/ failed/')
EOF
expect skip "an msync that writes nothing fails pairsync, private mapping made before or after the stores" <<EOF
$(echo "$sync" | sed 's/$/ failed/')
EOF
expect none "the same cases pass with the real msync" <<EOF
$(printf '%s\n' "$flush" "$inval" "$view" "$same" "$range" "$sync" | sed 's/$/ passed/')
EOF
tap_end
