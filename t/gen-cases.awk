# gen-cases.awk: compile the msync case table into C data, the list of test
# programs and the Kyuafile.  Portable awk (mawk, gawk, BSD awk).
#
#   awk -v outdir=DIR [-v srcdir=DIR] -f gen-cases.awk cases.tbl variants/*.tbl
#
# Writes DIR/cases.c, DIR/programs.list, DIR/Kyuafile, DIR/expectations.tsv,
# DIR/excluded.txt and DIR/rule-usage.txt.
# Every mistake in the table is reported as "file:line: reason"; any mistake
# stops the build (exit 1) and nothing is written.  The table language is
# described at the top of t/cases.tbl.

BEGIN {
	nerr = 0; ndim = 0; nvar = 0; nrule = 0; nprod = 0; nexcl = 0; nderive = 0
	ncond = 0; nvocab = 0; ncase = 0; ngroup = 0; nexp = 0; nexcluded = 0
	MAXGROUP = 100; MINGROUP = 25; MAXRULES = 8
	if (outdir == "") outdir = "."
}

function err(where, msg) {
	printf "%s: %s\n", where, msg > "/dev/stderr"
	nerr++
}
# Table files are named relative to the source tree, as a contributor sees them.
function here(    name) {
	name = FILENAME
	if (srcdir != "" && index(name, srcdir "/") == 1) name = substr(name, length(srcdir) + 2)
	return name ":" FNR
}
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
function cstr(s) { gsub(/"/, "\\\"", s); return "\"" s "\"" }
function isident(s) { return s ~ /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/ }

# ---------------------------------------------------------------- conditions
# A condition is tags combined with ! & | and parentheses; "*" is true and
# "dim=value" is true for cases with that value.  Compiled to postfix.

function tokenize(s,    c) {
	ntok = 0
	while (length(s) > 0) {
		c = substr(s, 1, 1)
		if (c ~ /[ \t]/) { s = substr(s, 2); continue }
		if (c ~ /[!&|()]/) { tokv[++ntok] = c; s = substr(s, 2); continue }
		if (match(s, /^[A-Za-z0-9_.*=-]+/)) {
			tokv[++ntok] = substr(s, 1, RLENGTH); s = substr(s, RLENGTH + 1); continue
		}
		return "unexpected character '" c "' in condition"
	}
	return ""
}

function atom_ok(a,    d, v, eq) {
	if (a == "*") return ""
	eq = index(a, "=")
	if (eq) {
		d = substr(a, 1, eq - 1); v = substr(a, eq + 1)
		if (!(d in dimidx)) return "unknown dimension '" d "' in '" a "'"
		if (!((d SUBSEP v) in valtext)) return "unknown value '" v "' of dimension '" d "'"
		return ""
	}
	if (!(a in knowntag)) return "unknown tag '" a "' (declare it on a value or with derive)"
	return ""
}

# Shunting-yard; returns the postfix string or sets cerr.
function compile(s,    e, i, t, out, sp, stk, prec, expect_operand, m) {
	cerr = ""
	e = tokenize(s)
	if (e != "") { cerr = e; return "" }
	if (ntok == 0) { cerr = "empty condition"; return "" }
	prec["|"] = 1; prec["&"] = 2; prec["!"] = 3
	out = ""; sp = 0; expect_operand = 1
	for (i = 1; i <= ntok; i++) {
		t = tokv[i]
		if (t == "(") {
			if (!expect_operand) { cerr = "missing operator before '('"; return "" }
			stk[++sp] = t
		} else if (t == ")") {
			if (expect_operand) { cerr = "missing operand before ')'"; return "" }
			while (sp > 0 && stk[sp] != "(") out = out " " stk[sp--]
			if (sp == 0) { cerr = "unbalanced ')'"; return "" }
			sp--
		} else if (t == "!") {
			if (!expect_operand) { cerr = "missing operator before '!'"; return "" }
			stk[++sp] = t
		} else if (t == "&" || t == "|") {
			if (expect_operand) { cerr = "missing operand before '" t "'"; return "" }
			while (sp > 0 && stk[sp] != "(" && prec[stk[sp]] >= prec[t]) out = out " " stk[sp--]
			stk[++sp] = t; expect_operand = 1
		} else {
			if (!expect_operand) { cerr = "missing operator before '" t "'"; return "" }
			m = atom_ok(t)
			if (m != "") { cerr = m; return "" }
			out = out " " t; expect_operand = 0
		}
	}
	if (expect_operand) { cerr = "condition ends with an operator"; return "" }
	while (sp > 0) {
		if (stk[sp] == "(") { cerr = "unbalanced '('"; return "" }
		out = out " " stk[sp--]
	}
	return substr(out, 2)
}

# Evaluate postfix p against the current case's tag set (array has[]).
function evalc(p,    n, i, t, st, sp, a) {
	n = split(p, t, " "); sp = 0
	for (i = 1; i <= n; i++) {
		if (t[i] == "!") st[sp] = !st[sp]
		else if (t[i] == "&") { a = st[sp--]; st[sp] = st[sp] && a }
		else if (t[i] == "|") { a = st[sp--]; st[sp] = st[sp] || a }
		else if (t[i] == "*") st[++sp] = 1
		else st[++sp] = (t[i] in has)
	}
	return st[1]
}

# ---------------------------------------------------------------- parsing

{
	line = $0; text = ""; hastext = 0
	if (line ~ /^[ \t]*(#|$)/) next
	q = index(line, "\"")
	if (q) {
		rest = trim(substr(line, q + 1))
		if (substr(rest, length(rest), 1) != "\"" || length(rest) < 1) {
			err(here(), "unterminated quoted text"); next
		}
		text = substr(rest, 1, length(rest) - 1); hastext = 1
		if (index(text, "\\")) { err(here(), "quoted text may not hold a backslash (inner quotes need no escape)"); next }
		line = substr(line, 1, q - 1)
	}
	line = trim(line)
	nf = split(line, f, /[ \t]+/)
	kw = f[1]
	if (kw == "variant") parse_variant()
	else if (kw == "outcome") parse_outcome()
	else if (kw == "dim") parse_dim()
	else if (kw == "value") parse_value()
	else if (kw == "derive") parse_derive()
	else if (kw == "product") parse_product()
	else if (kw == "exclude") parse_exclude()
	else if (kw == "rule") parse_rule()
	else err(here(), "unknown keyword '" kw "' (expected variant, outcome, dim, value, derive, product, exclude or rule)")
}

function need_text(what) {
	if (!hastext || trim(text) == "") { err(here(), what " needs a quoted description"); return 0 }
	return 1
}

function parse_variant(    name) {
	if (nf != 3) { err(here(), "usage: variant NAME document|implementation \"title\""); return }
	name = f[2]
	if (name !~ /^[a-z][a-z0-9.-]*$/) { err(here(), "bad variant name '" name "'"); return }
	if (name == "manuals") { err(here(), "'manuals' is reserved for the verdict over all documents"); return }
	if (name in varidx) { err(here(), "variant '" name "' declared twice (first at " varwhere[name] ")"); return }
	if (f[3] != "document" && f[3] != "implementation") { err(here(), "variant kind must be document or implementation, not '" f[3] "'"); return }
	if (!need_text("variant")) return
	nvar++; varname[nvar] = name; varidx[name] = nvar; vardoc[nvar] = (f[3] == "document")
	vartitle[nvar] = text; varwhere[name] = here()
}

function parse_outcome(    i) {
	if (nf < 2) { err(here(), "usage: outcome NAME..."); return }
	for (i = 2; i <= nf; i++) {
		if (f[i] !~ /^(0|E[A-Z0-9]+|SIG[A-Z0-9]+|TIMEOUT|[a-z][a-z0-9]*(-[a-z0-9]+)*)$/ || f[i] == "silent") { err(here(), "bad outcome name '" f[i] "'"); continue }
		if (!(f[i] in vocab)) { vocab[f[i]] = 1; vocablist[++nvocab] = f[i] }
	}
}

function parse_dim(    name) {
	if (nf != 2 && !(nf == 3 && f[3] == "optional")) { err(here(), "usage: dim NAME [optional] \"description\""); return }
	name = f[2]
	if (!isident(name)) { err(here(), "bad dimension name '" name "'"); return }
	if (name in dimidx) { err(here(), "dimension '" name "' declared twice"); return }
	if (nprod > 0) { err(here(), "dimension '" name "' declared after the first product"); return }
	if (!need_text("dim")) return
	ndim++; dimname[ndim] = name; dimidx[name] = ndim; nval[ndim] = 0; dimopt[ndim] = (nf == 3)
}

function parse_value(    d, di, v, i, nt, tg) {
	if (nf != 5) { err(here(), "usage: value DIM NAME C-EXPRESSION TAGS|- \"description\""); return }
	d = f[2]; v = f[3]
	if (!(d in dimidx)) { err(here(), "unknown dimension '" d "'"); return }
	if (v !~ /^[A-Za-z0-9]+$/) { err(here(), "bad value name '" v "' (letters and digits only: it becomes part of case ids)"); return }
	if ((d SUBSEP v) in valtext) { err(here(), "value '" v "' of dimension '" d "' declared twice"); return }
	if (nprod > 0) { err(here(), "value '" v "' declared after the first product"); return }
	if (!need_text("value")) return
	di = dimidx[d]
	nval[di]++; valname[di, nval[di]] = v; valtext[d, v] = text; valc[d, v] = f[4]; valtags[d, v] = ""
	if (f[5] != "-") {
		nt = split(f[5], tg, ",")
		for (i = 1; i <= nt; i++) {
			if (!isident(tg[i]) && tg[i] !~ /^[A-Z][A-Z_]*$/) { err(here(), "bad tag '" tg[i] "'"); continue }
			valtags[d, v] = valtags[d, v] " " tg[i]; knowntag[tg[i]] = 1
		}
	}
}

function parse_derive(    tag, s, i, p) {
	if (nf < 3) { err(here(), "usage: derive TAG CONDITION"); return }
	tag = f[2]
	if (!isident(tag)) { err(here(), "bad tag name '" tag "'"); return }
	if (tag in knowntag) { err(here(), "tag '" tag "' is already declared"); return }
	s = ""; for (i = 3; i <= nf; i++) s = s " " f[i]
	p = compile(s)
	if (cerr != "") { err(here(), cerr); return }
	nderive++; dertag[nderive] = tag; dercond[nderive] = p; knowntag[tag] = 1
}

function parse_product(    i, eq, d, vs, n, v, j, k) {
	if (nf < 2) { err(here(), "usage: product GROUP DIM=VALUES..."); return }
	nprod++; prodgroup[nprod] = f[2]; prodwhere[nprod] = here()
	if (f[2] !~ /^[a-z0-9_%]+$/) { err(here(), "bad group template '" f[2] "'") }
	for (k = 1; k <= ndim; k++) prodsel[nprod, k] = ""
	for (i = 3; i <= nf; i++) {
		eq = index(f[i], "=")
		if (!eq) { err(here(), "expected DIM=VALUES, got '" f[i] "'"); continue }
		d = substr(f[i], 1, eq - 1); vs = substr(f[i], eq + 1)
		if (!(d in dimidx)) { err(here(), "unknown dimension '" d "'"); continue }
		k = dimidx[d]
		if (prodsel[nprod, k] != "") { err(here(), "dimension '" d "' given twice"); continue }
		if (vs == "*") { for (j = 1; j <= nval[k]; j++) prodsel[nprod, k] = prodsel[nprod, k] " " valname[k, j]; continue }
		n = split(vs, v, ",")
		for (j = 1; j <= n; j++) {
			if (!((d SUBSEP v[j]) in valtext)) { err(here(), "unknown value '" v[j] "' of dimension '" d "'"); continue }
			prodsel[nprod, k] = prodsel[nprod, k] " " v[j]
		}
	}
	# A dimension a product does not name takes its first value.
	for (k = 1; k <= ndim; k++) {
		if (nval[k] == 0) { err(here(), "dimension '" dimname[k] "' has no values"); continue }
		if (prodsel[nprod, k] == "") prodsel[nprod, k] = " " valname[k, 1]
	}
	for (k = 1; k <= ndim; k++) if (index(f[2], "%" dimname[k] "%")) prodtmpl[nprod, k] = 1
	if (f[2] ~ /%/) {
		t = f[2]; for (k = 1; k <= ndim; k++) gsub("%" dimname[k] "%", "", t)
		if (t ~ /%/) err(here(), "group template '" f[2] "' names an unknown dimension")
	}
}

function parse_exclude(    s, i, p) {
	if (nf < 2) { err(here(), "usage: exclude CONDITION \"why\""); return }
	if (!need_text("exclude")) return
	s = ""; for (i = 2; i <= nf; i++) s = s " " f[i]
	p = compile(s)
	if (cerr != "") { err(here(), cerr); return }
	nexcl++; exclcond[nexcl] = p; exclwhere[nexcl] = here(); exclused[nexcl] = 0
}

function parse_rule(    v, vi, outs, n, o, i, j, s, p, nm, may) {
	if (nf < 4) { err(here(), "usage: rule VARIANT OUTCOMES CONDITION \"citation\""); return }
	v = f[2]
	if (!(v in varidx)) { err(here(), "unknown variant '" v "' (declare it with a variant line first)"); return }
	if (!need_text("rule")) return
	vi = varidx[v]
	n = split(f[3], o, "|"); outs = ""; may = 0
	if (f[3] == "silent") {
		# An implementation whose behaviour is not known here says nothing.
		if (vardoc[vi]) { err(here(), "a document is silent by having no rule, not a silent rule"); return }
		n = 0; outs = " "
	}
	for (i = 1; i <= n; i++) {
		nm = o[i]
		if (nm ~ /\?$/) {
			if (!vardoc[vi]) { err(here(), "'" nm "': only documents have may-fail outcomes"); return }
			nm = substr(nm, 1, length(nm) - 1); may++
		}
		if (!(nm in vocab)) { err(here(), "unknown outcome '" nm "' (declare it with an outcome line)"); return }
		outs = outs " " nm
	}
	if (may && may != n) { err(here(), "mix of may-fail and shall outcomes in one rule"); return }
	# Errors each need their own rule (and citation); a set of successes,
	# effects a document allows alike, may share one.
	if (vardoc[vi] && n > 1 && !may && outs ~ / [A-Z]/) { err(here(), "a document rule names one error; write one rule per error"); return }
	s = ""; for (i = 4; i <= nf; i++) s = s " " f[i]
	p = compile(s)
	if (cerr != "") { err(here(), cerr); return }
	nrule++; rulevar[nrule] = vi; ruleouts[nrule] = substr(outs, 2); rulemay[nrule] = (may > 0)
	rulecond[nrule] = p; rulecite[nrule] = text; rulewhere[nrule] = here(); ruleused[nrule] = 0
	# Success: 0, or an effect word (what a call that succeeded did).
	ruleok[nrule] = (substr(outs, 2) ~ /^(0|[a-z][a-z0-9-]*)$/)
}

# ---------------------------------------------------------------- expansion

function settags(k, d, v, i, n, tg) {
	delete has
	for (k = 1; k <= ndim; k++) {
		d = dimname[k]; v = cur[k]
		has[d "=" v] = 1
		n = split(valtags[d, v], tg, " ")
		for (i = 1; i <= n; i++) has[tg[i]] = 1
	}
	for (i = 1; i <= nderive; i++) if (evalc(dercond[i])) has[dertag[i]] = 1
}

function addset(set, names,    n, a, i) {
	n = split(names, a, " ")
	for (i = 1; i <= n; i++) set[a[i]] = 1
}
function setstr(set,    s, i) {
	s = ""
	for (i = 1; i <= nvocab; i++) if (vocablist[i] in set) s = s " " vocablist[i]
	return substr(s, 2)
}

# Expected outcome of case c for variant vi: sets expacc ("" = silent) and
# exprules (space-separated rule numbers).
function expect(c, vi,    r, shall, may, okset, ok, sr, mr, orr, acc) {
	expacc = ""; exprules = ""
	if (!vardoc[vi]) {
		for (r = 1; r <= nrule; r++)
			if (rulevar[r] == vi && evalc(rulecond[r])) { expacc = ruleouts[r]; exprules = r; return 1 }
		return 0
	}
	delete shall; delete may; delete okset; ok = 0; sr = ""; mr = ""; orr = ""
	for (r = 1; r <= nrule; r++) {
		if (rulevar[r] != vi || !evalc(rulecond[r])) continue
		if (ruleok[r]) { ok = 1; addset(okset, ruleouts[r]); orr = orr " " r }
		else if (rulemay[r]) { addset(may, ruleouts[r]); mr = mr " " r }
		else { addset(shall, ruleouts[r]); sr = sr " " r }
	}
	if (sr != "") { addset(shall, setstr(may)); expacc = setstr(shall); exprules = substr(sr mr, 2) }
	else if (mr != "") {
		if (ok) addset(may, setstr(okset)); else may["0"] = 1
		expacc = setstr(may); exprules = substr(mr orr, 2)
	}
	else if (ok) { expacc = setstr(okset); exprules = substr(orr, 2) }
	return 1
}

function expand_product(p,    k, idx, n, done, id, g, vals, i, e, vi, key) {
	for (k = 1; k <= ndim; k++) { n = split(substr(prodsel[p, k], 2), vals, " "); cnt[k] = n; for (i = 1; i <= n; i++) sel[k, i] = vals[i]; idx[k] = 1 }
	done = 0
	while (!done) {
		for (k = 1; k <= ndim; k++) cur[k] = sel[k, idx[k]]
		settags()
		skip = 0
		for (e = 1; e <= nexcl; e++) if (evalc(exclcond[e])) { exclused[e]++; skip = 1; break }
		if (!skip) add_case(p)
		else { nexcluded++; excludedid[nexcluded] = caseid_of(); excludedby[nexcluded] = exclwhere[e] }
		# odometer, last dimension fastest
		for (k = ndim; k >= 1; k--) { if (++idx[k] <= cnt[k]) break; idx[k] = 1 }
		if (k < 1) done = 1
	}
}

# An optional dimension at its first value is left out of the id, so adding
# one keeps the ids of the cases that came before it.
function caseid_of(    k, id) {
	id = ""
	for (k = 1; k <= ndim; k++) {
		if (dimopt[k] && cur[k] == valname[k, 1]) continue
		id = id (id != "" ? "__" : "") cur[k]
	}
	return id
}

function add_case(p,    k, id, g, vi, key, r, n, rr) {
	id = caseid_of(); g = prodgroup[p]
	for (k = 1; k <= ndim; k++) gsub("%" dimname[k] "%", cur[k], g)
	if (id in caseidx) { err(prodwhere[p], "case " id " is produced again (first by " casewhere[id] ")"); return }
	ncase++; caseid[ncase] = id; caseidx[id] = ncase; casewhere[id] = prodwhere[p]; casegroup[ncase] = g
	for (k = 1; k <= ndim; k++) caseval[ncase, k] = cur[k]
	if (!(g in groupidx)) { ngroup++; groupname[ngroup] = g; groupidx[g] = ngroup; groupsize[ngroup] = 0; groupwhere[ngroup] = prodwhere[p] }
	groupsize[groupidx[g]]++
	for (vi = 1; vi <= nvar; vi++) {
		if (!expect(ncase, vi)) { err(prodwhere[p], "variant " varname[vi] " has no rule for case " id " (end its rules with a '*' rule)"); continue }
		n = split(exprules, rr, " ")
		if (n > MAXRULES) err(prodwhere[p], "case " id ": more than " MAXRULES " rules of " varname[vi] " apply")
		for (r = 1; r <= n; r++) ruleused[rr[r]]++
		key = vi "|" expacc "|" exprules
		if (!(key in expidx)) { nexp++; expidx[key] = nexp - 1; expacc_[nexp - 1] = expacc; exprules_[nexp - 1] = exprules }
		caseexp[ncase, vi] = expidx[key]
	}
}

# ---------------------------------------------------------------- output

function emit(    ex, c, out, k, g, i, r, n, rr, list, prog, first, vi, kf, pl, ru, e) {
	out = outdir "/cases.c"
	print "/* Generated by t/gen-cases.awk from the case table; do not edit. */" > out
	print "#include \"config.h\"\n\n#include <sys/types.h>\n#include <sys/mman.h>\n\n#include \"mh.h\"\n" > out
	print "static const struct mh_variant variants[] = {" > out
	for (vi = 1; vi <= nvar; vi++) printf "\t{ %s, %d, %s },\n", cstr(varname[vi]), vardoc[vi], cstr(vartitle[vi]) > out
	print "};\n" > out
	print "static const struct mh_rule rules[] = {\n\t{ \"\", \"\", 0, \"\" }," > out
	for (r = 1; r <= nrule; r++) printf "\t{ %s, %s, %d, %s },\n", cstr(rulewhere[r]), cstr(ruleouts[r]), rulemay[r], cstr(rulecite[r]) > out
	print "};\n" > out
	print "static const struct mh_expect expects[] = {" > out
	for (e = 0; e < nexp; e++) {
		n = split(exprules_[e], rr, " "); list = ""
		for (r = 1; r <= n; r++) list = list (r > 1 ? ", " : "") rr[r]
		printf "\t{ %s, %d, { %s } },\n", (expacc_[e] == "" ? "0" : cstr(expacc_[e])), n, (n ? list : "0") > out
	}
	print "};\n" > out
	print "static const char *const vocabulary[] = {" > out
	for (i = 1; i <= nvocab; i++) printf "\t%s,\n", cstr(vocablist[i]) > out
	print "\t0\n};\n" > out
	print "static const unsigned short case_expect[] = {" > out
	first = 0
	for (g = 1; g <= ngroup; g++) for (c = 1; c <= ncase; c++) if (casegroup[c] == groupname[g]) {
		line = "\t"
		for (vi = 1; vi <= nvar; vi++) line = line caseexp[c, vi] ", "
		print line > out
	}
	print "};\n" > out
	print "static const struct mh_case cases[] = {" > out
	for (g = 1; g <= ngroup; g++) for (c = 1; c <= ncase; c++) if (casegroup[c] == groupname[g]) {
		line = "\t{ .id = " cstr(caseid[c]) ", .expect = " first * nvar
		for (k = 1; k <= ndim; k++)
			line = line ", ." dimname[k] " = " valc[dimname[k], caseval[c, k]] \
			    ", ." dimname[k] "_text = " cstr(valtext[dimname[k], caseval[c, k]])
		print line " }," > out
		first++
	}
	print "};\n" > out
	print "static const struct mh_group groups[] = {" > out
	first = 0
	for (g = 1; g <= ngroup; g++) { printf "\t{ %s, %d, %d },\n", cstr(groupname[g]), first, groupsize[g] > out; first += groupsize[g] }
	print "};\n" > out
	print "const struct mh_table mh_table = {" > out
	printf "\tvariants, %d, rules, %d, expects, vocabulary,\n\tcase_expect, cases, %d, groups, %d\n};\n\n", nvar, nrule + 1, ncase, ngroup > out
	close(out)

	pl = outdir "/programs.list"; kf = outdir "/Kyuafile"
	printf "" > pl
	print "-- Generated by t/gen-cases.awk from the case table; do not edit.\nsyntax(2)\ntest_suite(\"msync\")" > kf
	for (g = 1; g <= ngroup; g++) {
		prog = groupname[g] "_test"
		print prog, groupsize[g] > pl
		# kyua's last resort; each case's contained call has its own
		# call_timeout (10 s by default).
		printf "atf_test_program{name=\"%s\", timeout=30}\n", prog > kf
	}
	close(pl); close(kf)

	# Every case's expectation per variant, for tools that need no C:
	# "id<TAB>variant=OUT|OUT ..."; "-" is silent.
	ex = outdir "/expectations.tsv"
	line = "# id"
	for (vi = 1; vi <= nvar; vi++) line = line "\t" varname[vi] (vardoc[vi] ? ":document" : ":implementation")
	print line > ex
	for (c = 1; c <= ncase; c++) {
		line = caseid[c]
		for (vi = 1; vi <= nvar; vi++) {
			e = expacc_[caseexp[c, vi]]
			gsub(/ /, "|", e)
			line = line "\t" varname[vi] "=" (e == "" ? "-" : e)
		}
		print line > ex
	}
	close(ex)

	ru = outdir "/excluded.txt"
	printf "" > ru
	for (i = 1; i <= nexcluded; i++) print excludedid[i] "\t" excludedby[i] > ru
	close(ru)

	ru = outdir "/rule-usage.txt"
	printf "" > ru
	for (r = 1; r <= nrule; r++) print rulewhere[r], varname[rulevar[r]], ruleused[r] > ru
	close(ru)
}

END {
	if (ndim == 0) err(here(), "no dimensions declared")
	if (nvar == 0) err(here(), "no variants declared")
	if (nprod == 0) err(here(), "no products declared")
	if (nerr) exit 1
	for (p = 1; p <= nprod; p++) expand_product(p)
	for (g = 1; g <= ngroup; g++) {
		if (groupsize[g] > MAXGROUP)
			err(groupwhere[g], "group " groupname[g] " has " groupsize[g] " cases; a test program holds at most " MAXGROUP " (split the product)")
		else if (groupsize[g] < MINGROUP)
			printf "%s: warning: group %s has only %d cases (25-100 keep the per-case cost low)\n", groupwhere[g], groupname[g], groupsize[g] > "/dev/stderr"
		if (!isident(groupname[g])) err(groupwhere[g], "group name '" groupname[g] "' is not an identifier")
	}
	for (e = 1; e <= nexcl; e++) if (!exclused[e]) err(exclwhere[e], "exclude matches no case of any product")
	for (r = 1; r <= nrule; r++) if (!ruleused[r]) err(rulewhere[r], "rule of " varname[rulevar[r]] " decides no case (dead rule)")
	if (nerr) exit 1
	emit()
}
