# msync-conformance(7) from its text and the case table:
#   awk -f man/page.awk TABLE-FILE... man/msync-conformance.7.in
# The table files (t/cases.tbl, then each variant's, in column order) give
# the variants with their titles, the dimensions' values with their
# meanings, and the severity classes, in table order; the page's text
# (the last file, *.in) is printed with a line @DOCUMENTS@,
# @IMPLEMENTATIONS@ or @VALUES@ made into those lists.  Read from the
# table, not from a built msync-report, which a cross build cannot run;
# report/cli_test checks the page against msync-report values.

# The words before a line's quoted text into w[1..], its text into text.
function split_line(line,    q) {
	q = index(line, "\"")
	text = q ? substr(line, q + 1) : ""
	sub(/"[ \t]*$/, "", text)
	return split(q ? substr(line, 1, q - 1) : line, w, /[ \t]+/)
}
function item(name, what) { print ".It Cm " name; print what }
# The variants of a kind, "NAME (TITLE)" each, commas between, a period last.
function variants(kind,    i, n, last) {
	for (i = 1; i <= nvar; i++) if (varkind[i] == kind) last = i
	for (i = 1; i <= nvar; i++) if (varkind[i] == kind) {
		print ".Cm " var[i]
		print "(" vartitle[i] ")" (i == last ? "." : ",")
	}
}
function values(    k, d, i) {
	for (k = 1; k <= ndim; k++) {
		d = dim[k]
		print ".Ss " d
		print toupper(substr(dimwhat[d], 1, 1)) substr(dimwhat[d], 2) "."
		print ".Bl -tag -width 14n -compact"
		for (i = 1; i <= nval[d]; i++) item(val[d, i], valwhat[d, i])
		print ".El"
	}
	print ".Ss severity"
	print "The classes of findings, most severe first, and the outcomes each holds."
	print ".Bl -tag -width 14n -compact"
	for (i = 1; i <= nsev; i++) item(sev[i], sevwhat[i])
	print ".El"
}

FILENAME ~ /\.in$/ {
	if ($0 == "@DOCUMENTS@") variants("document")
	else if ($0 == "@IMPLEMENTATIONS@") variants("implementation")
	else if ($0 == "@VALUES@") values()
	else print
	next
}
$1 == "variant" { split_line($0); nvar++; var[nvar] = w[2]; varkind[nvar] = w[3]; vartitle[nvar] = text }
$1 == "dim" {
	split_line($0); ndim++; dim[ndim] = w[2]; dimwhat[w[2]] = text
	if (w[3] == "optional") dimwhat[w[2]] = text " (optional: ids leave out its first value)"
}
$1 == "value" {
	split_line($0)
	nval[w[2]]++; val[w[2], nval[w[2]]] = w[3]; valwhat[w[2], nval[w[2]]] = text
}
$1 == "severity" {
	n = split_line($0); nsev++; sev[nsev] = w[2]; words = ""
	for (i = 3; i <= n; i++) if (w[i] != "") words = words " " w[i]
	sevwhat[nsev] = text ":" words
}
