#! /bin/sh
# Pinned expectations: where a source line decides a case, the variant's
# expected report must say exactly that.  Each t/self/pins/VARIANT.pins holds
# lines "CASE-ID OUTCOME" (OUTCOME as the expected report's observed column
# shows it: an outcome word, several joined by '|', or "silent"); '#' lines
# say which source line a pin comes from.  One TAP test per pins file; a
# pin that does not hold is named as FILE:LINE.
# TAP output; run by kyua from the build tree (paths filled in by make).

srcdir='%%SRCDIR%%'
builddir='%%BUILDDIR%%'
AWK='%%AWK%%'
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'

set -- "$srcdir"/t/self/pins/*.pins
if [ ! -f "$1" ]; then
	plan 1
	not_ok "no pins file in t/self/pins"
	tap_end
fi
plan $#
for pins; do
	file=t/self/pins/${pins##*/}
	variant=${pins##*/}
	variant=${variant%.pins}
	if ! "$builddir/report/msync-report" expected "$variant" \
	    "$builddir/t/expectations.tsv" > "$tmp/expected" 2> "$tmp/err"; then
		not_ok "$file: no expected report for variant $variant" "$(cat "$tmp/err")"
		continue
	fi
	# The expected report: "# ..." head lines, then id<TAB>observed<TAB>...
	if "$AWK" -v file="$file" -v variant="$variant" '
	NR == FNR { if ($0 !~ /^#/) { split($0, f, "\t"); want[f[1]] = f[2] } next }
	/^[ \t]*(#|$)/ { next }
	{
		pins++
		if (NF != 2) { printf "%s:%d: expected \"CASE-ID OUTCOME\", got \"%s\"\n", file, FNR, $0; bad++; next }
		if (!($1 in want)) { printf "%s:%d: no case %s\n", file, FNR, $1; bad++; next }
		if (want[$1] != $2) {
			printf "%s:%d: %s under variant=%s is %s, pinned %s\n", file, FNR, $1, variant, want[$1], $2
			bad++
		}
	}
	END {
		if (pins == 0) { printf "%s: no pins\n", file; bad++ }
		printf "%d\n", pins > "/dev/stderr"
		exit bad != 0
	}' "$tmp/expected" "$pins" > "$tmp/out" 2> "$tmp/count"; then
		ok "$file: $(cat "$tmp/count") pins hold under variant=$variant"
	else
		not_ok "$file: pins that do not hold under variant=$variant" "$(cat "$tmp/out")"
	fi
done
tap_end
