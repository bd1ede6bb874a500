#!/bin/sh
# TAP tests of the LAVA side: every job lava/jobs/qemu.jinja2 renders (each
# architecture, with and without the scratch disk, each way of getting the
# suite) validates against LAVA's job schema as lava-server checks a
# submission (strictly), lava/msync.yaml against LAVA's test definition
# schema, and a job with a typo is refused.  Needs no qemu and no LAVA
# server: lava-common (the schema) and python3-jinja2.  Where they are
# missing every test skips with the reason.  lava/local.am fills in the
# %%...%% paths; kyua runs it from lava/Kyuafile.
# kyua-properties: timeout=120

SRC=%%SRCDIR%%
PY=/usr/bin/python3
JOBTOOL="$PY $SRC/lava/jobtool"

work=$(mktemp -d "${TMPDIR:-/tmp}/msync-lava-test.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

why=""
if [ ! -x "$PY" ]; then
	why="no $PY"
elif ! "$PY" -c 'import lava_common.schemas' 2>/dev/null; then
	why="lava-common (LAVA's job schema) is not installed"
elif ! "$PY" -c 'import jinja2, yaml' 2>/dev/null; then
	why="python3-jinja2 or python3-yaml is not installed"
fi
if [ -n "$why" ]; then
	echo "1..0 # SKIP $why"
	exit 0
fi

n=0
failed=0
pass() { n=$((n + 1)); echo "ok $n - $1"; }
fail() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift
	for f; do [ -s "$f" ] && sed "s/^/#   $f: /" "$f"; done
	return 0
}

# job NAME ARGS...: renders the template into NAME.yaml and validates it.
job() {
	name=$1; shift
	if ! $JOBTOOL job "$SRC/lava/jobs/qemu.jinja2" "$@" > "$name.yaml" 2> err; then
		fail "$name: renders" err
	elif $JOBTOOL validate "$name.yaml" 2> err; then
		pass "$name: valid (strict)"
	else
		fail "$name: valid (strict)" err "$name.yaml"
	fi
}

common="kernel_url=https://lab.example/k ramdisk_url=https://lab.example/r.cpio.gz repository=https://git.example/msync-conformance.git"
for arch in amd64 arm64 ppc64el s390x; do
	# shellcheck disable=SC2086
	job "$arch" arch=$arch $common scratch_url=https://lab.example/scratch.img.gz revision=0123456789abcdef0123456789abcdef01234567
done
# shellcheck disable=SC2086
job no-scratch $common
# shellcheck disable=SC2086
job tarball $common suite_from=tarball tarball=https://lab.example/msync-conformance-0.1.0.tar.gz variant=posix skip_install=false

# The architecture decides the qemu command's context and the console.
if grep -qx '  arch: ppc64' ppc64el.yaml && grep -q 'console=hvc0' ppc64el.yaml &&
    grep -q 'console=ttysclp0' s390x.yaml && grep -q 'console=ttyAMA0' arm64.yaml; then
	pass "each architecture's context and console"
else
	fail "each architecture's context and console" ppc64el.yaml s390x.yaml
fi

# A typo in a job is refused, naming the key.
sed 's/^timeouts:/timeuots:/' amd64.yaml > typo.yaml
if $JOBTOOL validate typo.yaml 2> err; then
	fail "a job with a misspelt key is refused" typo.yaml
elif grep -q timeuots err; then
	pass "a job with a misspelt key is refused, naming it"
else
	fail "a job with a misspelt key is refused, naming it" err
fi

if $JOBTOOL testdef "$SRC/lava/msync.yaml" 2> err; then
	pass "lava/msync.yaml: a valid Lava-Test test definition"
else
	fail "lava/msync.yaml: a valid Lava-Test test definition" err
fi
sed 's/^run:/runn:/' "$SRC/lava/msync.yaml" > typo-def.yaml
if $JOBTOOL testdef typo-def.yaml 2> /dev/null; then
	fail "a test definition with a misspelt key is refused" typo-def.yaml
else
	pass "a test definition with a misspelt key is refused"
fi

# Every parameter the definition declares is exported to lava/run.sh, and
# every one the job sets is declared.
declared=$(sed -n '/^params:/,/^run:/s/^  \([A-Z_]*\):.*/\1/p' "$SRC/lava/msync.yaml" | sort | tr '\n' ' ')
exported=$(sed -n 's/^    - export //p' "$SRC/lava/msync.yaml" | tr ' ' '\n' | sort | tr '\n' ' ')
if [ -n "$declared" ] && [ "$declared" = "$exported" ]; then
	pass "every parameter is exported to lava/run.sh"
else
	echo "declared: $declared" > want; echo "exported: $exported" > got
	fail "every parameter is exported to lava/run.sh" want got
fi
undeclared=""
for f in amd64.yaml tarball.yaml; do
	# shellcheck disable=SC2013
	for p in $(sed -n '/^      parameters:/,$s/^        \([A-Z_]*\):.*/\1/p' "$f"); do
		case " $declared " in *" $p "*) ;; *) undeclared="$undeclared $p" ;; esac
	done
done
if [ -z "$undeclared" ]; then pass "the jobs set only declared parameters"
else echo "$undeclared" > got; fail "the jobs set only declared parameters" got; fi

echo "1..$n"
[ "$failed" = 0 ]
