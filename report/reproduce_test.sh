#!/bin/sh
# TAP tests of msync-report reproduce: the fragments against the table
# (one line of set_range.c per range value), the command's answers to bad
# input, and, for a sample of cases covering every mapping, range, lock and
# check value of the table, the reproducer generated, built with the
# configured compiler and flags, and run beside the suite's own case on
# this host, requiring the same outcome:
#   - the suite skips: the reproducer exits 77 naming the same need;
#   - the reproducer sees the return value only (it says so): the same
#     return value (an effect word of the suite's is a 0), and exit 0
#     where the suite passed;
#   - the suite's witness injects a fault (eio, enospc): exit 77, saying so;
#   - else: the same outcome, and exit 0 where the suite passed, 1 where it
#     failed (both judge under the verdict manuals).
# report/local.am fills in the %%...%% values; kyua runs it from
# report/Kyuafile.
# kyua-properties: timeout=300

MR=%%BUILDDIR%%/report/msync-report
T=%%BUILDDIR%%/t
SRC=%%SRCDIR%%
CC='%%CC%%'
CFLAGS='%%CFLAGS%%'
LIBS='%%LIBS%%'

. "$SRC/t/self/tap.sh"
cd "$tmp" || exit 1
start=$(date +%s)

# The table's values of dimension $1 (t/cases.tbl's value lines).
values() {
	awk -v d="$1" '$1 == "value" && $2 == d { print $3 }' "$SRC/t/cases.tbl"
}

# The sample: again and again, the case that brings the most values of
# mapping, range, lock and check not yet taken (the status check is left
# out of ids), the MS_SYNC cases first (they give the call something to
# write), else in table order.
grep -v '^#' "$T/expectations.tsv" | cut -f1 | awk -F'__' '
	{ n = $2 == "S" ? ++ns : ns + ++no; if ($2 != "S") later[no] = $0; else id[n] = $0 }
	END {
		for (i = 1; i <= no; i++)
			id[ns + i] = later[i]
		for (i = 1; i <= ns + no; i++) {
			split(id[i], v, "__")
			k[i, 1] = "m" v[1]; k[i, 2] = "r" v[3]; k[i, 3] = "l" v[4]
			k[i, 4] = "c" (v[5] != "" ? v[5] : "status")
		}
		for (;;) {
			best = 0; most = 0
			for (i = 1; i <= ns + no; i++) {
				n = 0
				for (j = 1; j <= 4; j++)
					if (!(k[i, j] in seen))
						n++
				if (n > most) { most = n; best = i }
			}
			if (best == 0)
				break
			for (j = 1; j <= 4; j++)
				seen[k[best, j]]
			print id[best]
		}
	}' > sample
n=$(wc -l < sample)
plan $((4 + n))

missing=""
for v in $(values range); do
	[ "$(grep -c "^@?range=$v@" "$SRC/report/repro/set_range.c")" = 1 ] || missing="$missing $v"
done
check "$missing" "" "report/repro/set_range.c has one line for each range value"

taken=$(values mapping; values range; values lock; values check)
short=""
for v in $taken; do
	awk -F'__' -v v="$v" '$1 == v || $3 == v || $4 == v || (NF > 4 ? $5 : "status") == v { f = 1 }
	    END { exit !f }' sample || short="$short $v"
done
check "$short" "" "the sample ($n cases) takes every mapping, range, lock and check value"

# Bad input: exit 2 and a message, nothing on stdout.
bad=""
for args in "nosuch__case" "fileshared_mlock_test:fileshared__zero__page__unlocked" \
    "--variant nosuch fileshared__zero__page__unlocked"; do
	# shellcheck disable=SC2086
	"$MR" reproduce $args > out 2> err
	rc=$?
	{ [ "$rc" = 2 ] && [ ! -s out ] && [ -s err ]; } || bad="$bad [$args: exit $rc]"
done
check "$bad" "" "reproduce refuses an unknown case, a case of another program and an unknown variant"

"$MR" reproduce -o kyua.c --variant linux fileshared_nolock1_test:fileshared__zero__page__unlocked &&
    "$MR" reproduce fileshared__zero__page__unlocked > plain.c
if grep -q '^static const char verdict\[\] = "linux (' kyua.c &&
    grep -q '^static const char verdict\[\] = "manuals (the documents: ' plain.c; then
	ok "reproduce takes kyua's PROGRAM:CASE, -o and --variant"
else
	not_ok "reproduce takes kyua's PROGRAM:CASE, -o and --variant"
fi

# The first field after "key=" of the record line in file $2.
field() {
	tr '\t' '\n' < "$2" | sed -n "s/^$1=//p" | head -n 1
}

# Each reproducer generated and built, as many at once as there are
# processors; then each run beside the suite's case, one at a time.
build() {
	d="$tmp/$1"
	mkdir -p "$d/suite" "$d/repro"
	if ! "$MR" reproduce -o "$d/r.c" "$1" > "$d/built" 2>&1; then
		return
	fi
	# shellcheck disable=SC2086
	$CC $CFLAGS -o "$d/r" "$d/r.c" $LIBS > "$d/built" 2>&1
}
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
i=0
while read -r id; do
	build "$id" &
	i=$((i + 1))
	[ $((i % jobs)) -ne 0 ] || wait
done < sample
wait

while read -r id; do
	d="$tmp/$id"
	if [ ! -x "$d/r" ]; then
		not_ok "$id: msync-report reproduce, then $CC $CFLAGS -o r r.c $LIBS" \
		    "$(head -n 20 "$d/built")"
		continue
	fi
	prog=$(sed -n 's/^ \*	kyua debug \([a-z0-9_]*\):.*/\1/p' "$d/r.c")
	(cd "$d/suite" && "$T/$prog" -v variant=manuals -r "$d/result" "$id" > "$d/record" 2> /dev/null)
	result=$(head -n 1 "$d/result")
	(cd "$d/repro" && "$d/r" > "$d/out" 2>&1)
	rc=$?
	got=$(sed -n 's/^outcome: \([^ ]*\).*/\1/p' "$d/out")
	lacks=$(sed -n 's/^lacks: //p' "$d/out")
	want=$(field observed "$d/record")
	diag="suite: $result, observed ${want:--}; reproducer: exit $rc, outcome ${got:--}"
	case $result in
	"skipped: no witness filesystem"*)
		skip "$id: the suite has no witness here ($result)"; continue ;;
	skipped:*)
		need=${result#skipped: }
		need=${need%%:*}
		if [ "$rc" = 77 ] && [ "${lacks#"$need"}" != "$lacks" ]; then
			ok "$id: 77, as the suite skips: $need"
		else
			not_ok "$id: the suite skips ($need)" "$diag" "$(cat "$d/out")"
		fi
		continue ;;
	passed) suite_rc=0 ;;
	failed:*) suite_rc=1 ;;
	*) not_ok "$id: the suite's case ended $result" "$(cat "$d/record")"; continue ;;
	esac
	case $lacks in
	"a filesystem that fails the write-back"*)
		if [ "$rc" = 77 ]; then
			ok "$id: 77: the write-back fault needs the witness"
		else
			not_ok "$id: fault injection" "$diag"
		fi
		continue ;;
	esac
	if grep -q '^outcome: .* (the return value only)$' "$d/out"; then
		case $want in
		[a-z]*) want=0 ;;
		esac
		if [ "$got" = "$want" ] && { [ "$suite_rc" = 1 ] || [ "$rc" = 0 ]; }; then
			ok "$id: $got, the return value (the suite's effect needs the witness)"
		else
			not_ok "$id: the return value" "$diag" "$(cat "$d/out")"
		fi
	elif [ "$got" = "$want" ] && [ "$rc" = "$suite_rc" ]; then
		ok "$id: $got, exit $rc"
	else
		not_ok "$id: the same outcome" "$diag" "$(cat "$d/out")"
	fi
done < sample
echo "# $n cases in $(($(date +%s) - start)) s"
tap_end
