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

if run d/a_test f/x_test; then
	not_ok "a test without a source stops it" "it succeeded"
elif grep -q 'f/x_test' err && grep -q 'neither f/x_test.c nor f/x_test.sh' err; then
	ok "a test without a source stops it, naming the test"
else
	not_ok "a test without a source stops it, naming the test" "$(cat err)"
fi

printf '# kyua-properties: timeout=5 exclusive=yes\n' > "$src/e/c_test.sh"
if run e/c_test; then
	not_ok "an unknown property stops it" "it succeeded"
elif grep -q "e/c_test.sh: unknown kyua property 'exclusive=yes'" err; then
	ok "an unknown property stops it, naming the file and the property"
else
	not_ok "an unknown property stops it, naming the file and the property" "$(cat err)"
fi

printf '# kyua-properties: timeout=5m\n' > "$src/e/c_test.sh"
if run e/c_test; then
	not_ok "a timeout that is not a number of seconds stops it" "it succeeded"
elif grep -q "e/c_test.sh: bad timeout=5m" err; then
	ok "a timeout that is not a number of seconds stops it"
else
	not_ok "a timeout that is not a number of seconds stops it" "$(cat err)"
fi
tap_end
