#! /bin/sh
# A run of the suite whose kyua is killed with SIGKILL mid-run leaves no
# process, file or mount of the suite behind: case processes finish or time
# out on their own, data files are unlinked as soon as they are mapped.
# kyua's own work directories under TMPDIR are kyua's; they are counted and
# removed here, and must hold no file of the suite.
# TAP output; run by kyua from the build tree (paths filled in by make).
# Alone (is_exclusive): it counts every process and directory of the suite.
# kyua-properties: timeout=120 is_exclusive=true

builddir='%%BUILDDIR%%'
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
mkdir "$tmp/kt" "$tmp/scratch"
plan 5

TMPDIR="$tmp/kt" kyua --config=none --logfile="$tmp/log" -v parallelism=2 \
    -v test_suites.msync.scratch_dir="$tmp/scratch" -v test_suites.msync.call_timeout=2 \
    test --kyuafile="$builddir/t/Kyuafile" --results-file="$tmp/r.db" > "$tmp/out" 2>&1 &
kpid=$!
sleep 2
# The kill must land mid-run, or this test proves nothing.
if kill -KILL $kpid 2>/dev/null; then
	ok "kyua was killed with SIGKILL mid-run"
else
	not_ok "kyua was not running after 2 s" "$(cat "$tmp/out")"
fi
wait $kpid 2>/dev/null

# Case processes are in their own sessions: they outlive kyua briefly.
left=""
i=0
while [ $i -lt 50 ]; do
	left=$(ps -eo pid=,args= | grep -E "^ *[0-9]+ $builddir/t/[a-z0-9_]+_test( |\$)" || true)
	[ -z "$left" ] && break
	sleep 0.1
	i=$((i + 1))
done
if [ -z "$left" ]; then ok "no process of the suite is left"
else not_ok "processes left:" "$left"; fi

files=$(find "$tmp/scratch" -mindepth 1 | head -5)
if [ -z "$files" ]; then ok "nothing is left in the scratch directory"
else not_ok "left in the scratch directory: $files"; fi

ours=$(find "$tmp/kt" -name 'msync-conformance.*' | head -5)
dirs=$(find "$tmp/kt" -mindepth 1 -maxdepth 1 | wc -l)
if [ -z "$ours" ]; then ok "no file of the suite in kyua's $dirs leftover work root(s)"
else not_ok "files of the suite left: $ours"; fi

# Witness mounts live in private mount namespaces: look in every process's.
if mounts=$("%%SRCDIR%%/witness/check-no-debris" -w 5 -p "$tmp" 2>&1); then ok "no mount is left"
else not_ok "mounts or witness processes left:" "$mounts"; fi
tap_end
