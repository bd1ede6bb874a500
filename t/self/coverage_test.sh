#! /bin/sh
# The test programs hold exactly the declared cross product of the table:
# every case of every product, less what an exclude drops, once each, in
# programs of at most 100 cases.  The products are expanded here without the
# generator, from the table's dim, value and product lines.
# TAP output; run by kyua from the build tree (paths filled in by make).

srcdir='%%SRCDIR%%'
builddir='%%BUILDDIR%%'
AWK='%%AWK%%'
# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
plan 6

# 1. What the programs list (ATF's -l), program by program.
: > "$tmp/listed"
bad=""
while read -r prog n; do
	"$builddir/t/$prog" -l > "$tmp/l" 2>&1 || bad="$bad $prog"
	got=$(grep -c '^ident: ' "$tmp/l")
	[ "$got" = "$n" ] && [ "$n" -le 100 ] || bad="$bad $prog($got/$n)"
	sed -n 's/^ident: //p' "$tmp/l" >> "$tmp/listed"
done < "$builddir/t/programs.list"
if [ -z "$bad" ]; then ok "every program lists its cases, at most 100"
else not_ok "programs that fail to list or hold too many:$bad"; fi

# 2. The declared cross product, expanded independently.
"$AWK" '
/^dim / { dim[++nd] = $2; opt[nd] = ($3 == "optional") }
/^value / { nv[$2]++; val[$2, nv[$2]] = $3 }
/^product / {
	for (k = 1; k <= nd; k++) sel[k] = val[dim[k], 1]
	for (i = 3; i <= NF; i++) {
		split($i, kv, "=")
		for (k = 1; k <= nd; k++) if (dim[k] == kv[1]) {
			if (kv[2] == "*") { s = ""; for (j = 1; j <= nv[kv[1]]; j++) s = s (j > 1 ? "," : "") val[kv[1], j]; sel[k] = s }
			else sel[k] = kv[2]
		}
	}
	# An optional dimension at its first value is not part of the id.
	n = 1; ids[1] = ""
	for (k = 1; k <= nd; k++) {
		m = split(sel[k], vs, ","); nn = 0
		for (a = 1; a <= n; a++) for (b = 1; b <= m; b++)
			next_[++nn] = (opt[k] && vs[b] == val[dim[k], 1]) ? ids[a] : ids[a] (k > 1 ? "__" : "") vs[b]
		n = nn; for (a = 1; a <= n; a++) ids[a] = next_[a]
	}
	for (a = 1; a <= n; a++) print ids[a]
}' "$srcdir/t/cases.tbl" | sort > "$tmp/declared"
cut -f1 "$builddir/t/excluded.txt" | sort > "$tmp/excluded"
sort "$tmp/listed" > "$tmp/listed.sorted"

dups=$(uniq -d "$tmp/listed.sorted" | head -5)
if [ -z "$dups" ]; then ok "no case is listed twice"
else not_ok "listed twice: $dups"; fi

both=$(comm -12 "$tmp/listed.sorted" "$tmp/excluded" | head -5)
if [ -z "$both" ]; then ok "no excluded case is listed"
else not_ok "excluded but listed: $both"; fi

sort -u "$tmp/listed.sorted" "$tmp/excluded" > "$tmp/covered"
if cmp -s "$tmp/covered" "$tmp/declared"; then
	ok "listed and excluded cases are exactly the declared product ($(wc -l < "$tmp/declared") cases, $(wc -l < "$tmp/excluded") excluded)"
else
	not_ok "listed+excluded differ from the declared product" \
	    "$(diff "$tmp/declared" "$tmp/covered" | head -10)"
fi

# 5. Each exclusion says why: every excluded case names an exclude line.
if "$AWK" -F'\t' '$2 !~ /cases\.tbl:[0-9]+$/ { exit 1 }' "$builddir/t/excluded.txt"; then
	ok "every excluded case names the exclude that dropped it"
else
	not_ok "an excluded case without its exclude line"
fi

# 6. Each variant rule is exercised: it decides at least one case.
dead=$("$AWK" '$3 == 0 { print $1 }' "$builddir/t/rule-usage.txt")
if [ -z "$dead" ]; then ok "each of the $(wc -l < "$builddir/t/rule-usage.txt") variant rules decides at least one case"
else not_ok "rules that decide no case: $dead"; fi
tap_end
