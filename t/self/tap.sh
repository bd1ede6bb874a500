# TAP for the self-test scripts, sourced by each (make fills in their paths):
# a scratch directory $tmp removed on exit, and numbered results.
#   plan N                  the plan line, "1..N"
#   ok DESC                 a passed test
#   not_ok DESC [DIAG...]   a failed one, each DIAG line as a "# " comment
#   check GOT WANT DESC     ok if GOT is WANT, else not ok showing both
#   skip DESC               a skipped test
#   tap_end                 exits 1 if a test failed, else 0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
tap_n=0
tap_failed=0

plan() { echo "1..$1"; }
ok() { tap_n=$((tap_n + 1)); echo "ok $tap_n - $1"; }
not_ok() {
	tap_n=$((tap_n + 1)); tap_failed=$((tap_failed + 1))
	echo "not ok $tap_n - $1"; shift
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done
}
check() {
	if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3" "want: $2" "got: $1"; fi
}
skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $1"; }
tap_end() { exit $((tap_failed != 0)); }
