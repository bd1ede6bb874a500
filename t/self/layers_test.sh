#! /bin/sh
# No circle between the modules of lib/, report/ and witness/: neither in
# what their files #include (x.c and x.h are one module) nor in what their
# objects call (a module's undefined symbols defined by another module of
# the built libraries and programs, read with POSIX nm -AP).  A circle is
# where a small module with one concern stops being one; the test names the
# modules caught in it and their edges.  The finder is checked first on a
# graph with a circle, so that it cannot pass by finding none anywhere.
# TAP output; run by kyua from the build tree (paths filled in by make).

srcdir='%%SRCDIR%%'
builddir='%%BUILDDIR%%'
AWK='%%AWK%%'
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'

# circles < EDGES: reads "FROM TO" lines; prints the edges among the
# modules left after removing, again and again, those with no edge out or
# no edge in: the modules of the circles (none when there is none).
circles() {
	"$AWK" '
	$1 != $2 && !seen[$1 " " $2]++ { from[++n] = $1; to[n] = $2; node[$1]; node[$2] }
	END {
		do {
			changed = 0
			for (v in node) {
				out = inward = 0
				for (i = 1; i <= n; i++) {
					if (!(from[i] in node) || !(to[i] in node))
						continue
					if (from[i] == v)
						out = 1
					if (to[i] == v)
						inward = 1
				}
				if (!out || !inward) { delete node[v]; changed = 1 }
			}
		} while (changed)
		for (i = 1; i <= n; i++)
			if ((from[i] in node) && (to[i] in node))
				print from[i] " -> " to[i]
	}' | sort
}

# includes: "FROM TO" for every #include "x.h" of the C files of lib/,
# report/ and witness/ that names a header of those directories.
includes() {
	for d in lib report witness; do
		for f in "$srcdir/$d"/*.[ch]; do
			[ -f "$f" ] || continue
			m=$d/$(basename "$f"); m=${m%.?}
			sed -n 's/^#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
			while read -r h; do
				for hd in "$d" lib report witness; do
					if [ -f "$srcdir/$hd/$h" ]; then
						echo "$m $hd/${h%.h}"
						break
					fi
				done
			done
		done
	done
}

# calls FILE...: "FROM TO" for every symbol an object of FILE (archives or
# objects) leaves undefined that another of their objects defines; an
# object is named by its source's module (report_msync_report-db.o: db).
calls() {
	nm -AP "$@" 2>/dev/null | "$AWK" '
	{
		f = $1
		sub(/:$/, "", f)
		if (match(f, /\[[^]]*\]$/))
			f = substr(f, RSTART + 1, RLENGTH - 2)
		sub(/.*\//, "", f)
		sub(/\.o$/, "", f)
		sub(/^.*-/, "", f)
		if ($3 == "U")
			want[f, $2] = 1
		else if ($3 ~ /^[TDBRC]$/)
			def[$2] = f
	}
	END {
		for (k in want) {
			split(k, p, SUBSEP)
			if ((p[2] in def) && def[p[2]] != p[1])
				print p[1] " " def[p[2]]
		}
	}'
}

plan 4

# The finder itself: a circle a -> b -> c -> a behind d, and e outside.
got=$(printf 'd a\na b\nb c\nc a\nd e\n' | circles | tr '\n' ';')
if [ "$got" != "a -> b;b -> c;c -> a;" ]; then
	# A finder that finds nothing would pass every test below.
	not_ok "the finder names the edges of a circle, and only those" \
	    "want: a -> b;b -> c;c -> a;" "got: $got"
	for t in "#include" "harness calls" "msync-report calls"; do
		not_ok "$t: not looked at, the finder is broken"
	done
	tap_end
fi
ok "the finder names the edges of a circle, and only those"

# no_circle EDGES NOTHING OK CIRCLES: one test of a graph ("FROM TO" lines):
# not ok NOTHING where it has no edge (the test read nothing), ok OK where
# it has no circle, else not ok CIRCLES with the circles' edges.
no_circle() {
	got=$(printf '%s\n' "$1" | circles)
	if [ -z "$1" ]; then
		not_ok "$2"
	elif [ -z "$got" ]; then
		ok "$3"
	else
		not_ok "$4" "$got"
	fi
}

edges=$(includes)
no_circle "$edges" "no #include found under $srcdir: the test reads nothing" \
    "no #include circle in lib/, report/, witness/ ($(printf '%s\n' "$edges" | sort -u | wc -l | tr -d ' ') edges)" \
    "#include circles in lib/, report/, witness/"

for a in "$builddir/lib/libharness.a" "$builddir/lib/libcasetable.a" "$builddir/witness/libwitness.a"; do
	[ -f "$a" ] || { not_ok "$a is not built"; tap_end; }
done
no_circle "$(calls "$builddir/lib/libharness.a" "$builddir/lib/libcasetable.a" \
    "$builddir/witness/libwitness.a")" "nm -AP found no call between the harness's objects" \
    "no call circle between the harness's modules (lib/, witness/)" \
    "call circles between the harness's modules"
no_circle "$(calls "$builddir"/report/msync_report-*.o "$builddir"/lib/*msync_report-*.o \
    "$builddir/report/libreport.a" "$builddir/lib/libcasetable.a")" \
    "nm -AP found no call between msync-report's objects" \
    "no call circle between msync-report's modules (report/)" \
    "call circles between msync-report's modules"
tap_end
