# Sourced by the self-tests that need a misbehaving msync(): makes $tmp/t a
# Kyuafile directory whose program $prog is the suite's binary with
# t/self/msync_shim.c linked in (t/self/msync_cases_shim), and enters it.
mkdir "$tmp/t" && ln -s "$builddir/t/self/msync_cases_shim" "$tmp/t/$prog" || exit 1
printf 'syntax(2)\ntest_suite("msync")\natf_test_program{name="%s"}\n' "$prog" > "$tmp/t/Kyuafile"
cd "$tmp/t" || exit 1
