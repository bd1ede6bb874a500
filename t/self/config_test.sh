#! /bin/sh
# A bad configuration variable fails every case with a clear message; a
# typo never passes silently.  TAP output; run by kyua from the build tree.
# kyua-properties: timeout=300

builddir='%%BUILDDIR%%'
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
cd "$builddir/t" || exit 1
prog=anonprivate_nolock1_test
plan 10

# expect DESCRIPTION REASON-PART kyua-args...: every case of prog fails with it.
expect() {
	what=$1 want=$2; shift 2
	rm -f "$tmp/r.db"
	kyua --config=none --logfile="$tmp/log" "$@" test --results-file="$tmp/r.db" $prog > /dev/null 2>&1
	sqlite3 "$tmp/r.db" "SELECT result_type || ': ' || result_reason FROM test_results" > "$tmp/results"
	all=$(wc -l < "$tmp/results")
	bad=$(grep '^failed: ' "$tmp/results" | grep -cF -- "$want")
	if [ "$all" -gt 0 ] && [ "$all" = "$bad" ]; then
		ok "$what: all $all cases fail saying so"
	else
		not_ok "$what: $bad of $all cases failed with '$want'" \
		    "$(sqlite3 "$tmp/r.db" "SELECT result_type, result_reason FROM test_results LIMIT 2")"
	fi
}

expect "an unknown variant" "unknown variant 'lnux' in test_suites.msync.variant; valid: manuals, netbsd-5.1" \
    -v test_suites.msync.variant=lnux
expect "a misspelt variable" "unknown configuration variable test_suites.msync.varient; valid: variant, call_timeout, scratch_dir, witness" \
    -v test_suites.msync.varient=linux
expect "scratch_dir on /proc" "scratch_dir '/proc': the file under test cannot be created there" \
    -v test_suites.msync.scratch_dir=/proc
expect "scratch_dir on /sys" "scratch_dir '/sys': the file under test cannot be created there" \
    -v test_suites.msync.scratch_dir=/sys
expect "a missing scratch_dir" "scratch_dir '$tmp/none': No such file or directory" \
    -v test_suites.msync.scratch_dir="$tmp/none"
: > "$tmp/file"
expect "a scratch_dir that is a file" "scratch_dir '$tmp/file' is not a directory" \
    -v test_suites.msync.scratch_dir="$tmp/file"
expect "a relative scratch_dir" "must be an absolute path, not 'scratch'" \
    -v test_suites.msync.scratch_dir=scratch
expect "a call_timeout that is no number" "call_timeout must be a whole number of seconds from 1 to 600, not '10s'" \
    -v test_suites.msync.call_timeout=10s
expect "a call_timeout of 0" "not '0'" -v test_suites.msync.call_timeout=0
# Unwritable: only meaningful for a user whom permissions bind.
mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
if [ "$(id -u)" = 0 ]; then
	skip "root writes anywhere: an unwritable scratch_dir cannot be made"
else
	expect "an unwritable scratch_dir" "is not writable" -v test_suites.msync.scratch_dir="$tmp/ro"
fi
tap_end
