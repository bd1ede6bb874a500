#! /bin/sh
# Containment: with an msync() that hangs, crashes or returns nonsense for
# some flags (t/self/msync_shim.c, linked into t/self/msync_cases_shim), the
# run completes, those cases record TIMEOUT, SIGSEGV and ret=7, and the others
# are judged as usual; a crash outside the measured call makes the case
# broken, with its reason, and records no outcome.
# TAP output; run by kyua from the build tree (paths filled in by make).
# kyua-properties: timeout=120

builddir='%%BUILDDIR%%'
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
prog=anonprivate_mlock_test
# shellcheck source=t/self/shim_program.sh
. '%%SRCDIR%%/t/self/shim_program.sh'
out() { sqlite3 "$tmp/r.db" "SELECT cast(f.contents AS TEXT) FROM test_cases c JOIN test_case_files x USING(test_case_id) JOIN files f USING(file_id) WHERE c.name = '$1' AND x.file_name = '__STDOUT__'" | sed -n 's/.*\tobserved=\([^\t]*\)\t.*/\1/p'; }
result() { sqlite3 "$tmp/r.db" "SELECT r.result_type || ': ' || coalesce(r.result_reason, '') FROM test_cases c JOIN test_results r USING(test_case_id) WHERE c.name = '$1'"; }

plan 6
start=$(date +%s)
MSYNC_SHIM=containment kyua --config=none --logfile="$tmp/log" \
    -v test_suites.msync.variant=linux -v test_suites.msync.call_timeout=1 \
    test --results-file="$tmp/r.db" \
    $prog:anonprivate__SI__page__range $prog:anonprivate__AI__page__range \
    $prog:anonprivate__I__page__range $prog:anonprivate__S__page__range > "$tmp/out" 2>&1
took=$(( $(date +%s) - start ))
check "$(out anonprivate__SI__page__range)" TIMEOUT "a hanging msync is recorded as TIMEOUT (run took ${took}s)"
check "$(out anonprivate__AI__page__range)" SIGSEGV "a SIGSEGV raised by msync is recorded as SIGSEGV"
check "$(out anonprivate__I__page__range)" ret=7 "an odd return value is recorded as ret=7"
check "$(result anonprivate__S__page__range)" "passed: " "the other cases run and are judged as usual"

rm -f "$tmp/r.db"
MSYNC_SHIM=containment MSYNC_SHIM_CRASH_MLOCK=1 kyua --config=none \
    --logfile="$tmp/log" test --results-file="$tmp/r.db" $prog:anonprivate__S__pages__range > "$tmp/out" 2>&1
r=$(result anonprivate__S__pages__range)
case $r in
"broken: crashed with signal 7 ("*") while setting up (outside the measured call)")
	ok "a crash outside the call makes the case broken, with its reason" ;;
*)	not_ok "a crash outside the call makes the case broken, with its reason" "got: $r" ;;
esac
check "$(out anonprivate__S__pages__range)" "" "and records no outcome for a call that never happened"
tap_end
