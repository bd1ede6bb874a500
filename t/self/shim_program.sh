# Sourced by the self-tests that need a misbehaving msync(): makes $tmp/t a
# Kyuafile directory whose programs $prog (one name or several) are the
# suite's binary with t/self/msync_shim.c linked in
# (t/self/msync_cases_shim), and enters it.
mkdir "$tmp/t" || exit 1
printf 'syntax(2)\ntest_suite("msync")\n' > "$tmp/t/Kyuafile"
for p in $prog; do
	ln -s "$builddir/t/self/msync_cases_shim" "$tmp/t/$p" || exit 1
	printf 'atf_test_program{name="%s"}\n' "$p" >> "$tmp/t/Kyuafile"
done
cd "$tmp/t" || exit 1
