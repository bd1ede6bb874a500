# Conditions: tags combined with ! & | and parentheses; "*" is true and
# "dim=value" is true for cases with that value.  compile() turns one into
# postfix once, when the table is read; evalc() evaluates it for each case.

# Splits s into tok[1..n]; returns n, or -1 with the reason in res["err"].
function tokenize(s, tok, res,    c, n) {
	n = 0
	while (length(s) > 0) {
		c = substr(s, 1, 1)
		if (c ~ /[ \t]/) { s = substr(s, 2); continue }
		if (c ~ /[!&|()]/) { tok[++n] = c; s = substr(s, 2); continue }
		if (match(s, /^[A-Za-z0-9_.*=-]+/)) {
			tok[++n] = substr(s, 1, RLENGTH); s = substr(s, RLENGTH + 1); continue
		}
		res["err"] = "unexpected character '" c "' in condition"
		return -1
	}
	return n
}

# "" if atom a names a known tag or dim=value (a tag is then in use), else why not.
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
	usedtag[a] = 1
	return ""
}

# Shunting-yard: returns the postfix form of s, or "" with the reason in
# res["err"] ("" when it compiled).
function compile(s, res,    tok, ntok, i, t, out, sp, stk, prec, expect_operand, m) {
	res["err"] = ""
	ntok = tokenize(s, tok, res)
	if (ntok < 0) return ""
	if (ntok == 0) { res["err"] = "empty condition"; return "" }
	prec["|"] = 1; prec["&"] = 2; prec["!"] = 3
	out = ""; sp = 0; expect_operand = 1
	for (i = 1; i <= ntok; i++) {
		t = tok[i]
		if (t == "(") {
			if (!expect_operand) { res["err"] = "missing operator before '('"; return "" }
			stk[++sp] = t
		} else if (t == ")") {
			if (expect_operand) { res["err"] = "missing operand before ')'"; return "" }
			while (sp > 0 && stk[sp] != "(") out = out " " stk[sp--]
			if (sp == 0) { res["err"] = "unbalanced ')'"; return "" }
			sp--
		} else if (t == "!") {
			if (!expect_operand) { res["err"] = "missing operator before '!'"; return "" }
			stk[++sp] = t
		} else if (t == "&" || t == "|") {
			if (expect_operand) { res["err"] = "missing operand before '" t "'"; return "" }
			while (sp > 0 && stk[sp] != "(" && prec[stk[sp]] >= prec[t]) out = out " " stk[sp--]
			stk[++sp] = t; expect_operand = 1
		} else {
			if (!expect_operand) { res["err"] = "missing operator before '" t "'"; return "" }
			m = atom_ok(t)
			if (m != "") { res["err"] = m; return "" }
			out = out " " t; expect_operand = 0
		}
	}
	if (expect_operand) { res["err"] = "condition ends with an operator"; return "" }
	while (sp > 0) {
		if (stk[sp] == "(") { res["err"] = "unbalanced '('"; return "" }
		out = out " " stk[sp--]
	}
	return substr(out, 2)
}

# Evaluates postfix p against the current case's tags (has[], expand.awk).
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
