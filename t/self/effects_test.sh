#! /bin/sh
# The semantic cases fail when msync's effects are broken on purpose: an
# msync that writes nothing back, one that writes only the first page of
# the range, and one that writes private pages into the file
# (t/self/msync_shim.c, linked into t/self/msync_cases_shim).  Under variant=linux these cases pass
# with the real msync (make check), so a failure here is the shim's doing.
# TAP output; run by kyua from the build tree (paths filled in by make).
# kyua-properties: timeout=300

builddir='%%BUILDDIR%%'
if [ ! -x "$builddir/witness/msync-witness" ]; then
	echo "1..0 # SKIP msync-witness was not built (configure found no libfuse3)"
	exit 0
fi
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
prog=semantic_witness_test
# shellcheck source=t/self/shim_program.sh
. '%%SRCDIR%%/t/self/shim_program.sh'
plan 4

# run MODE CASE...: the verdicts, one "case result" line each.
run() {
	m=$1; shift
	rm -f "$tmp/r.db"
	args=""
	for c in "$@"; do args="$args $prog:$c"; done
	MSYNC_SHIM=$m kyua --config=none \
	    --logfile="$tmp/log" -v test_suites.msync.variant=linux test --results-file="$tmp/r.db" \
	    $args > "$tmp/out" 2>&1
	sqlite3 "$tmp/r.db" "SELECT c.name, r.result_type FROM test_cases c JOIN test_results r USING(test_case_id) ORDER BY c.name"
}

skipped=$(run skip fileshared__S__page__unlocked__durable fileshared__S__whole__unlocked__durable)
if [ -z "$(echo "$skipped" | grep -v '|failed$')" ] && [ -n "$skipped" ]; then
	ok "an msync that writes nothing back fails the durability cases"
else
	not_ok "an msync that writes nothing back fails the durability cases" "$skipped"
fi

first=$(run firstpage fileshared__S__page__unlocked__durable fileshared__S__whole__unlocked__durable \
    fileshared__S__pages__unlocked__durable)
want='fileshared__S__page__unlocked__durable|passed
fileshared__S__pages__unlocked__durable|failed
fileshared__S__whole__unlocked__durable|failed'
if [ "$first" = "$want" ]; then
	ok "an msync that writes only the first page fails the multi-page durability cases"
else
	not_ok "first-page-only msync" "$first"
fi

leaked=$(run private fileprivate__S__whole__unlocked__privfile fileprivate__A__whole__unlocked__privfile)
if [ -z "$(echo "$leaked" | grep -v '|failed$')" ] && [ -n "$leaked" ]; then
	ok "an msync that writes private pages into the file fails the private cases"
else
	not_ok "private pages written into the file" "$leaked"
fi

real=$(run none fileshared__S__whole__unlocked__durable fileprivate__S__whole__unlocked__privfile)
if [ -z "$(echo "$real" | grep -v '|passed$')" ] && [ -n "$real" ]; then
	ok "the same cases pass with the real msync"
else
	not_ok "the real msync" "$real"
fi
tap_end
