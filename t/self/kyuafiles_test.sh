#! /bin/sh
# The Kyuafiles of make check are derived from the build's test list
# (t/gen/self-kyuafiles): every *_test program or script gets its line, with
# the interface of its source and the properties its source declares, and
# nothing else does; a test without a source or with an unknown property
# stops the build naming the file; an unchanged Kyuafile is left alone.
# TAP output; run by kyua from the build tree (paths filled in by make).

# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
gen='%%SRCDIR%%/t/gen/self-kyuafiles'
plan 8

src=$tmp/src
mkdir -p "$src/d" "$src/e" "$tmp/build"
printf '/*\n * A test.\n * kyua-properties: timeout=9 is_exclusive=true */\n' > "$src/d/a_test.c"
printf '#! /bin/sh\n# kyua-properties: timeout=30\n' > "$src/d/b_test.sh"
printf '#! /bin/sh\n' > "$src/e/c_test.sh"
: > "$src/d/helper.c"
cd "$tmp/build" || exit 1

# run ARGS...: the generator in $tmp/build, its output in out and err.
run() { EXEEXT=${EXEEXT:-} sh "$gen" "$src" "$@" > out 2> err; }

if run d/a_test d/helper d/b_test e/c_test; then
	check "$(grep -v '^--' d/Kyuafile)" 'syntax(2)
test_suite("msync-self")
atf_test_program{name="a_test", timeout=9, is_exclusive=true}
tap_test_program{name="b_test", timeout=30}' \
	    "each *_test of a directory, with its source's interface and properties; no helper"
	check "$(grep -v '^--' Kyuafile)" 'syntax(2)
if fs.exists("t/Kyuafile") then include("t/Kyuafile") end
include("d/Kyuafile")
include("e/Kyuafile")' "the top Kyuafile includes the case table's and each directory's"
	check "$(cat out)" 'd/Kyuafile
e/Kyuafile
Kyuafile' "it names every file it wrote"
else
	not_ok "a valid list is written" "$(cat err)"
	not_ok "the top Kyuafile"
	not_ok "the files written"
fi

touch -t 200001010000 d/Kyuafile
run d/a_test d/b_test e/c_test
if [ -z "$(find d/Kyuafile -newer "$src/d/a_test.c")" ]; then
	ok "an unchanged Kyuafile is not rewritten"
else
	not_ok "an unchanged Kyuafile is not rewritten"
fi

if EXEEXT=.exe run d/a_test.exe d/b_test && grep -q 'name="a_test"' d/Kyuafile; then
	ok "EXEEXT is taken off program names"
else
	not_ok "EXEEXT is taken off program names" "$(cat err)"
fi

# refuses DESC WANT ARGS...: the generator, given ARGS, fails saying WANT.
refuses() {
	_desc=$1 _want=$2
	shift 2
	if run "$@"; then
		not_ok "$_desc" "it succeeded"
	elif grep -qF "$_want" err; then
		ok "$_desc"
	else
		not_ok "$_desc" "want: $_want" "got: $(cat err)"
	fi
}

refuses "a test without a source stops it, naming the test" \
    'f/x_test: a check program or script named *_test is a self-test, but neither f/x_test.c nor f/x_test.sh' \
    d/a_test f/x_test
printf '# kyua-properties: timeout=5 exclusive=yes\n' > "$src/e/c_test.sh"
refuses "an unknown property stops it, naming the file and the property" \
    "e/c_test.sh: unknown kyua property 'exclusive=yes'" e/c_test
printf '# kyua-properties: timeout=5m\n' > "$src/e/c_test.sh"
refuses "a timeout that is not a number of seconds stops it" "e/c_test.sh: bad timeout=5m" e/c_test
tap_end
