#! /bin/sh
# The generator rejects every malformed statement with "file:line: reason",
# writes nothing when it does, and compiles a valid table as expected.
# TAP output; run by kyua from the build tree (paths filled in by make).

srcdir='%%SRCDIR%%'
AWK='%%AWK%%'
export AWK
gen="$srcdir/t/gen/gen-cases"
base="$srcdir/t/self/base.tbl"
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'

# Whether file f has a line starting with prefix p and containing reason r.
says() { "$AWK" -v p="$2" -v r="$3" 'index($0, p) == 1 && index($0, r) { f = 1 } END { exit !f }' "$1"; }
# rejects DESC TABLE WHERE REASON: the generator refuses TABLE (in $tmp),
# saying WHERE... REASON on stderr, and writes nothing.
rejects() {
	rm -rf "$tmp/out" && mkdir "$tmp/out"
	if (cd "$tmp" && sh "$gen" -v outdir=out "$2") > "$tmp/stdout" 2> "$tmp/stderr"; then
		not_ok "$1" "the generator accepted it"
	elif ! says "$tmp/stderr" "$3" "$4"; then
		not_ok "$1" "expected: $3... $4" "got: $(cat "$tmp/stderr")"
	elif [ -n "$(ls "$tmp/out")" ]; then
		not_ok "$1" "wrote files although it failed: $(ls "$tmp/out")"
	else
		ok "$1"
	fi
}

grep -v '^#' "$srcdir/t/self/bad-statements.txt" | grep ' => ' > "$tmp/statements"
# Build lines, over a table with a mapping dimension: each bad one, then
# the valid table's build data.
map_bad='build m1 plain shared read        => mapping value '"'"'m1'"'"' has a build line already
build m9 plain shared read        => unknown mapping value '"'"'m9'"'"'
build m2 plain shared             => usage: build MAPPING-VALUE BUILDER
build m2 9x shared read           => bad builder name '"'"'9x'"'"'
build m2 plain shared private read => '"'"'private'"'"' after '"'"'shared'"'"'
build m2 plain shared rw read     => '"'"'read'"'"' after '"'"'rw'"'"'
build m2 plain shared read huge   => unknown build word '"'"'huge'"'"'
build m2 plain shared read ro ro  => '"'"'ro'"'"' said twice
build m2 plain anon read          => without shared or private
build m2 plain private anon       => without rw or read
build m2 plain shared rw          => mapping value '"'"'m2'"'"' is rw but not tagged writable
build m3 plain shared read        => mapping value '"'"'m3'"'"' is tagged writable: its build is rw
build m3 plain private rw         => mapping value '"'"'m3'"'"' is tagged shared: its build is shared
build m4 plain shared rw          => mapping value '"'"'m4'"'"' is tagged private: its build is private
build m3 plain shared rw ro       => ro with shared and rw'

plan $(($(wc -l < "$tmp/statements") + $(printf '%s\n' "$map_bad" | wc -l) + 13))

# Each bad statement appended to the valid table.  The reason's line is the
# appended one; "*: " accepts any line, "N: " names line N.
line=$(($(wc -l < "$base") + 1))
while IFS= read -r spec; do
	stmt=$(printf '%s' "${spec%% => *}" | sed 's/[ 	]*$//')
	reason=${spec#* => }
	case $reason in
	'*: '*) where="bad.tbl:"; reason=${reason#\*: } ;;
	[0-9]*': '*) where="bad.tbl:${reason%%: *}: "; reason=${reason#*: } ;;
	*) where="bad.tbl:$line: " ;;
	esac
	{ cat "$base"; printf '%s\n' "$stmt"; } > "$tmp/bad.tbl"
	rejects "rejects: $stmt" bad.tbl "$where" "$reason"
done < "$tmp/statements"

# The mapping dimension's table: m1 and m2 with their build lines, m3 and
# m4 tagged as the rules read them (their build lines are the bad ones'
# business; the tags' being unused is another error, not looked for).
mapbase() {
	sed '/^product/d' "$base"
	echo 'dim mapping "the mapping"'
	echo 'value mapping m1 MH_M1 - "one"'
	echo 'value mapping m2 MH_M2 - "two"'
	[ -z "$1" ] || printf '%s\n' 'value mapping m3 MH_M3 shared,writable "three"' \
	    'value mapping m4 MH_M4 private,writable "four"'
	echo 'build m1 plain shared read ro'
}
printf '%s\n' "$map_bad" > "$tmp/map_bad"
while IFS= read -r spec; do
	stmt=$(printf '%s' "${spec%% => *}" | sed 's/[ 	]*$//')
	{ mapbase tagged; printf '%s\n' "$stmt"; echo 'build m2 fancy private anon read seal'; echo 'product g flags=* lock=* mapping=*'; } > "$tmp/bad.tbl"
	rejects "rejects: $stmt" bad.tbl "bad.tbl:$(($(mapbase tagged | wc -l) + 1)): " "${spec#* => }"
done < "$tmp/map_bad"
{ mapbase; echo 'product g flags=* lock=* mapping=*'; } > "$tmp/nobuild.tbl"
rejects "rejects a mapping value without a build line, at its value line" nobuild.tbl "nobuild.tbl:$(($(wc -l < "$base") + 2)): " "mapping value 'm2' has no build line"
{ cat "$base"; echo 'build m1 plain shared read'; } > "$tmp/early.tbl"
rejects "rejects a build line before the mapping dimension" early.tbl "early.tbl:" "build line before the mapping dimension is declared"
{ mapbase; echo 'build m2 fancy private anon read seal'; echo 'product g flags=* lock=* mapping=*'; } > "$tmp/map.tbl"
rm -rf "$tmp/out" && mkdir "$tmp/out"
(cd "$tmp" && sh "$gen" -v outdir=out map.tbl) 2> "$tmp/stderr"
check "$(sed -n '/builds\[\] = {/,/^};/p' "$tmp/out/cases.c" 2>/dev/null)" 'static const struct mh_build builds[] = {
	[MH_M1] = { "plain", MH_BUILD_SHARED | MH_BUILD_RDONLY },
	[MH_M2] = { "fancy", MH_BUILD_ANON | MH_BUILD_SEAL },
};' "each build line reaches cases.c, by mapping value"
check "$(grep -v '^/\*\|^#include\|^$' "$tmp/out/builders.c" 2>/dev/null)" 'extern const struct mh_builder mh_builder_plain;
extern const struct mh_builder mh_builder_fancy;
const struct mh_builder *const mh_builders[MH_MAPPING_COUNT] = {
	[MH_M1] = &mh_builder_plain,
	[MH_M2] = &mh_builder_fancy,
};' "builders.c points each mapping value at its builder, each builder declared once"

# A tag declared on a value and used by no condition: a misspelt tag.
"$AWK" '/^product/ { print "value lock maybe 2 c,unknwon_bit \"maybe\"" } { print }' "$base" > "$tmp/typo.tbl"
rejects "rejects a tag no condition uses" typo.tbl "typo.tbl:16: " "tag 'unknwon_bit' is used by no rule, derive, exclude or cannot"

# Without a class for the errors no word names, an error finding has none.
grep -v '^severity error ' "$base" > "$tmp/noerror.tbl"
rejects "rejects a table without a class for observed=error" noerror.tbl "noerror.tbl:" "no severity class names observed=error"

# A group over 100 cases is refused: a test program holds 25-100.
{
	echo 'outcome 0'; echo 'dim d "d"'
	i=0; while [ $i -lt 101 ]; do echo "value d v$i $i - \"v$i\""; i=$((i + 1)); done
	echo 'variant i implementation "i"'; echo 'rule i 0 * "ok"'; echo 'product big d=*'
	echo 'severity error observed=error "e"'; echo 'severity accepted expected=error "a"'
} > "$tmp/big.tbl"
rejects "refuses a group of 101 cases" big.tbl "big.tbl:106: " "group big has 101 cases"

# The valid table compiles, and each variant's expectations are the rules'.
rm -rf "$tmp/out" && mkdir "$tmp/out"
if (cd "$tmp" && sh "$gen" -v outdir=out "$base") 2> "$tmp/stderr"; then
	ok "compiles the valid table"
else
	not_ok "compiles the valid table" "$(cat "$tmp/stderr")"
fi
want='one__no	doc=EINVAL	impl=0
one__yes	doc=EINVAL|ENOMEM	impl=0
two__no	doc=0	impl=ENOMEM
two__yes	doc=0|ENOMEM	impl=ENOMEM'
check "$(grep -v '^#' "$tmp/out/expectations.tsv" 2>/dev/null)" "$want" \
    "document rules combine errors; may-fail admits success; implementations take the first rule"
if [ "$(cat "$tmp/out/programs.list" 2>/dev/null)" = "g_test 4" ] &&
    grep -q 'atf_test_program{name="g_test", timeout=30}' "$tmp/out/Kyuafile"; then
	ok "programs.list and Kyuafile name the group's program"
else
	not_ok "programs.list and Kyuafile" "$(cat "$tmp/out/programs.list" "$tmp/out/Kyuafile" 2>&1)"
fi

# The severity classes reach msync-report in table order, with their words.
if grep -q '^	{ "error", "a wrong or missing error", "observed=error" },$' "$tmp/out/cases.c" &&
    [ "$(grep -A3 'severities\[\] = {' "$tmp/out/cases.c" | sed -n '2,3s/^	{ "\([a-z]*\)".*/\1/p' | tr '\n' ' ')" = "error accepted " ]; then
	ok "the severity classes, most severe first, in cases.c"
else
	not_ok "the severity classes in cases.c" "$(grep -A3 'severities' "$tmp/out/cases.c" 2>&1)"
fi

# The dimensions of MH_ constants become enums, in the value lines' order;
# a need line's text reaches the cases it holds for.
{
	sed '/^product/d' "$base"
	echo 'dim kind optional "the kind"'
	echo 'value kind plain MH_K_PLAIN - "plain"'
	echo 'value kind fancy MH_K_FANCY f "fancy"'
	echo 'need f "a fancy system"'
	echo 'product g flags=* lock=* kind=*'
} > "$tmp/enum.tbl"
rm -rf "$tmp/out" && mkdir "$tmp/out"
(cd "$tmp" && sh "$gen" -v outdir=out enum.tbl) 2> "$tmp/stderr"
check "$(sed -n '/^enum mh_kind/,/^#define MH_KIND_COUNT/p' "$tmp/out/dims.h" 2>/dev/null)" "enum mh_kind {
	MH_K_PLAIN,	/* plain */
	MH_K_FANCY,	/* fancy */
};
#define MH_KIND_COUNT 2" "a dimension of MH_ constants is an enum in dims.h"
if grep -q '"a fancy system",' "$tmp/out/cases.c" 2>/dev/null &&
    [ "$(grep -c '\.needs = 1,' "$tmp/out/cases.c")" = 4 ] &&
    [ "$(grep -c '\.needs = 0,' "$tmp/out/cases.c")" = 4 ] &&
    ! grep -q 'enum mh_flags' "$tmp/out/dims.h"; then
	ok "a need reaches exactly the cases it holds for; flags of other C stay int"
else
	not_ok "a need reaches exactly the cases it holds for" "$(grep 'needs' "$tmp/out/cases.c" 2>&1 | head)"
fi
tap_end
