#! /bin/sh
# The generator rejects every malformed statement with "file:line: reason",
# writes nothing when it does, and compiles a valid table as expected.
# TAP output; run by kyua from the build tree (paths filled in by make).

srcdir='%%SRCDIR%%'
AWK='%%AWK%%'
gen="$srcdir/t/gen-cases.awk"
base="$srcdir/t/self/base.tbl"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
n=0
fails=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fails=$((fails + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }

statements() { grep -v '^#' "$srcdir/t/self/bad-statements.txt" | grep ' => '; }
# Whether file f has a line starting with prefix p and containing reason r.
says() { "$AWK" -v p="$2" -v r="$3" 'index($0, p) == 1 && index($0, r) { f = 1 } END { exit !f }' "$1"; }
total=$(statements | wc -l)
echo "1..$((total + 4))"

line=$(($(wc -l < "$base") + 1))
statements | while IFS= read -r spec; do
	stmt=$(printf '%s' "${spec%% => *}" | sed 's/[ 	]*$//')
	reason=${spec#* => }
	case $reason in
	'*: '*) where="bad.tbl:"; reason=${reason#\*: } ;;
	*) where="bad.tbl:$line: " ;;
	esac
	rm -rf "$tmp/out" && mkdir "$tmp/out"
	{ cat "$base"; printf '%s\n' "$stmt"; } > "$tmp/bad.tbl"
	(cd "$tmp" && "$AWK" -v outdir=out -f "$gen" bad.tbl) > "$tmp/stdout" 2> "$tmp/stderr"
	status=$?
	if [ $status -eq 0 ]; then
		notok "rejects: $stmt" "the generator accepted it"
	elif ! says "$tmp/stderr" "$where" "$reason"; then
		notok "rejects: $stmt" "expected: $where... $reason" "got: $(cat "$tmp/stderr")"
	elif [ -n "$(ls "$tmp/out")" ]; then
		notok "rejects: $stmt" "wrote files although it failed: $(ls "$tmp/out")"
	else
		ok "rejects: $stmt"
	fi
done > "$tmp/tap"
cat "$tmp/tap"
fails=$(grep -c '^not ok' "$tmp/tap")
n=$total

# A group over 100 cases is refused: a test program holds 25-100.
{
	echo 'outcome 0'; echo 'dim d "d"'
	i=0; while [ $i -lt 101 ]; do echo "value d v$i $i - \"v$i\""; i=$((i + 1)); done
	echo 'variant i implementation "i"'; echo 'rule i 0 * "ok"'; echo 'product big d=*'
} > "$tmp/big.tbl"
rm -rf "$tmp/out" && mkdir "$tmp/out"
if (cd "$tmp" && "$AWK" -v outdir=out -f "$gen" big.tbl) 2> "$tmp/stderr"; then
	notok "refuses a group of 101 cases" "accepted"
elif says "$tmp/stderr" "big.tbl:106: " "group big has 101 cases"; then
	ok "refuses a group of 101 cases"
else
	notok "refuses a group of 101 cases" "got: $(cat "$tmp/stderr")"
fi

# The valid table compiles, and each variant's expectations are the rules'.
rm -rf "$tmp/out" && mkdir "$tmp/out"
if (cd "$tmp" && "$AWK" -v outdir=out -f "$gen" "$base") 2> "$tmp/stderr"; then
	ok "compiles the valid table"
else
	notok "compiles the valid table" "$(cat "$tmp/stderr")"
fi
exp="$tmp/out/expectations.tsv"
want='one__no	doc=EINVAL	impl=0
one__yes	doc=EINVAL|ENOMEM	impl=0
two__no	doc=0	impl=ENOMEM
two__yes	doc=0|ENOMEM	impl=ENOMEM'
got=$(grep -v '^#' "$exp" 2>/dev/null)
if [ "$got" = "$want" ]; then
	ok "document rules combine errors; may-fail admits success; implementations take the first rule"
else
	notok "expectations of the valid table" "want: $want" "got: $got"
fi
if [ "$(cat "$tmp/out/programs.list" 2>/dev/null)" = "g_test 4" ] &&
    grep -q 'atf_test_program{name="g_test", timeout=30}' "$tmp/out/Kyuafile"; then
	ok "programs.list and Kyuafile name the group's program"
else
	notok "programs.list and Kyuafile" "$(cat "$tmp/out/programs.list" "$tmp/out/Kyuafile" 2>&1)"
fi
exit $((fails != 0))
