# Parsing: one statement per line, each checked as it is read.  Conditions
# are compiled (conditions.awk) as soon as they are read, so a name must be
# declared before a condition uses it.

# Table files are named relative to the source tree, as a contributor sees them.
function here(    name) {
	name = FILENAME
	if (srcdir != "" && index(name, srcdir "/") == 1) name = substr(name, length(srcdir) + 2)
	return name ":" FNR
}
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
function isident(s) { return s ~ /^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/ }

{
	if ($0 ~ /^[ \t]*(#|$)/) next
	if (!split_line($0)) next
	if (f[1] == "variant") parse_variant()
	else if (f[1] == "outcome") parse_outcome()
	else if (f[1] == "dim") parse_dim()
	else if (f[1] == "value") parse_value()
	else if (f[1] == "derive") parse_derive()
	else if (f[1] == "product") parse_product()
	else if (f[1] == "exclude") parse_exclude()
	else if (f[1] == "cannot") parse_cannot()
	else if (f[1] == "need") parse_need()
	else if (f[1] == "build") parse_build()
	else if (f[1] == "rule") parse_rule()
	else if (f[1] == "severity") parse_severity()
	else err(here(), "unknown keyword '" f[1] "' (expected variant, outcome, dim, value, build, derive, product, exclude, cannot, need, rule or severity)")
}

# Sets f[1..nf], text and hastext from the line; 0 if it is malformed.
function split_line(line,    q, rest) {
	text = ""; hastext = 0
	q = index(line, "\"")
	if (q) {
		rest = trim(substr(line, q + 1))
		if (substr(rest, length(rest), 1) != "\"" || length(rest) < 1) {
			err(here(), "unterminated quoted text"); return 0
		}
		text = substr(rest, 1, length(rest) - 1); hastext = 1
		if (index(text, "\\")) { err(here(), "quoted text may not hold a backslash (inner quotes need no escape)"); return 0 }
		line = substr(line, 1, q - 1)
	}
	nf = split(trim(line), f, /[ \t]+/)
	return 1
}

function need_text(what) {
	if (!hastext || trim(text) == "") { err(here(), what " needs a quoted description"); return 0 }
	return 1
}

# The words from f[from] on, as one condition; compiled, or "" after an error.
function condition_from(from,    s, i, res, p) {
	s = ""; for (i = from; i <= nf; i++) s = s " " f[i]
	p = compile(s, res)
	if (res["err"] != "") { err(here(), res["err"]); return "" }
	return p
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

# Outcome words follow lib/grammar.h, as the harness and msync-report read them.
function parse_outcome(    i) {
	if (nf < 2) { err(here(), "usage: outcome NAME..."); return }
	for (i = 2; i <= nf; i++) {
		if (f[i] !~ G["MH_OUTCOME_RE"] || f[i] == G["MH_SILENT_WORD"]) { err(here(), "bad outcome name '" f[i] "'"); continue }
		if (length(f[i]) >= G["MH_NAMELEN"]) { err(here(), "outcome name '" f[i] "' is longer than " G["MH_NAMELEN"] - 1 " characters"); continue }
		if (!(f[i] in vocab)) { vocab[f[i]] = 1; vocablist[++nvocab] = f[i]; vocabwhere[f[i]] = here() }
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
	dimwhat[ndim] = text
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
	valwhere[d, v] = here()
	if (f[5] != "-") {
		nt = split(f[5], tg, ",")
		for (i = 1; i <= nt; i++) {
			if (!isident(tg[i]) && tg[i] !~ /^[A-Z][A-Z_]*$/) { err(here(), "bad tag '" tg[i] "'"); continue }
			valtags[d, v] = valtags[d, v] " " tg[i]; knowntag[tg[i]] = 1
			if (!(tg[i] in tagwhere)) { tagwhere[tg[i]] = here(); taglist[++ntagdecl] = tg[i] }
		}
	}
}

# How the harness builds a value of the mapping dimension: the builder of
# lib/map_*.c (mh_builder_BUILDER) and the mapping's kind, protection and
# file.  Checked against the value's tags, which the rules read: a writable
# value is rw, a shared one MAP_SHARED, a private one MAP_PRIVATE.
function parse_build(    v, i, w, kind, prot, opts, tags, bits) {
	if (nf < 5) { err(here(), "usage: build MAPPING-VALUE BUILDER shared|private [anon] rw|read [ro] [seal]"); return }
	if (!("mapping" in dimidx)) { err(here(), "build line before the mapping dimension is declared"); return }
	v = f[2]
	if (!(("mapping" SUBSEP v) in valtext)) { err(here(), "unknown mapping value '" v "'"); return }
	if (v in buildof) { err(here(), "mapping value '" v "' has a build line already (" buildwhere[v] ")"); return }
	if (!isident(f[3])) { err(here(), "bad builder name '" f[3] "' (an identifier: some lib/map_*.c defines mh_builder_NAME)"); return }
	kind = ""; prot = ""; opts = " "
	for (i = 4; i <= nf; i++) {
		w = f[i]
		if (w == "shared" || w == "private") {
			if (kind != "") { err(here(), "'" w "' after '" kind "': a mapping is shared or private, once"); return }
			kind = w
		} else if (w == "rw" || w == "read") {
			if (prot != "") { err(here(), "'" w "' after '" prot "': a mapping is rw or read, once"); return }
			prot = w
		} else if (w == "anon" || w == "ro" || w == "seal") {
			if (index(opts, " " w " ")) { err(here(), "'" w "' said twice"); return }
			opts = opts w " "
		} else { err(here(), "unknown build word '" w "' (shared|private, anon, rw|read, ro, seal)"); return }
	}
	if (kind == "") { err(here(), "build line without shared or private"); return }
	if (prot == "") { err(here(), "build line without rw or read"); return }
	tags = valtags["mapping", v] " "
	if (index(tags, " writable ") && prot != "rw") { err(here(), "mapping value '" v "' is tagged writable: its build is rw"); return }
	if (!index(tags, " writable ") && prot == "rw") { err(here(), "mapping value '" v "' is rw but not tagged writable (the rules read that tag)"); return }
	if (index(tags, " shared ") && kind != "shared") { err(here(), "mapping value '" v "' is tagged shared: its build is shared"); return }
	if (index(tags, " private ") && kind != "private") { err(here(), "mapping value '" v "' is tagged private: its build is private"); return }
	if (index(opts, " ro ") && kind == "shared" && prot == "rw") { err(here(), "ro with shared and rw: a MAP_SHARED PROT_WRITE mapping of a file opened O_RDONLY is refused (EACCES)"); return }
	bits = (kind == "shared" ? " | MH_BUILD_SHARED" : "") (index(opts, " anon ") ? " | MH_BUILD_ANON" : "") \
	    (prot == "rw" ? " | MH_BUILD_WRITE" : "") (index(opts, " ro ") ? " | MH_BUILD_RDONLY" : "") \
	    (index(opts, " seal ") ? " | MH_BUILD_SEAL" : "")
	buildof[v] = f[3]; buildwhere[v] = here(); buildbits[v] = bits == "" ? "0" : substr(bits, 4)
}

function parse_derive(    tag, p) {
	if (nf < 3) { err(here(), "usage: derive TAG CONDITION"); return }
	tag = f[2]
	if (!isident(tag)) { err(here(), "bad tag name '" tag "'"); return }
	if (tag in knowntag) { err(here(), "tag '" tag "' is already declared"); return }
	if ((p = condition_from(3)) == "") return
	nderive++; dertag[nderive] = tag; dercond[nderive] = p; knowntag[tag] = 1
}

function parse_product(    i, eq, d, vs, n, v, j, k, t) {
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
	if (f[2] ~ /%/) {
		t = f[2]; for (k = 1; k <= ndim; k++) gsub("%" dimname[k] "%", "", t)
		if (t ~ /%/) err(here(), "group template '" f[2] "' names an unknown dimension")
	}
}

function parse_exclude(    p) {
	if (nf < 2) { err(here(), "usage: exclude CONDITION \"why\""); return }
	if (!need_text("exclude")) return
	if ((p = condition_from(2)) == "") return
	nexcl++; exclcond[nexcl] = p; exclwhere[nexcl] = here(); exclused[nexcl] = 0
}

# What a check procedure cannot honour: a product making such a case (one
# that no exclude drops) is an error.
function parse_cannot(    p) {
	if (nf < 2) { err(here(), "usage: cannot CONDITION \"why\""); return }
	if (!need_text("cannot")) return
	if ((p = condition_from(2)) == "") return
	ncannot++; cancond[ncannot] = p; canwhy[ncannot] = text; canwhere[ncannot] = here()
}

# What a case needs of the system it runs on, for the cases a condition
# holds for: said before it runs (kyua list -v, msync-report explain).
function parse_need(    p) {
	if (nf < 2) { err(here(), "usage: need CONDITION \"what\""); return }
	if (!need_text("need")) return
	if ((p = condition_from(2)) == "") return
	if (nneed == 31) { err(here(), "more than 31 needs"); return }
	nneed++; needcond[nneed] = p; needwhat[nneed] = text; needwhere[nneed] = here(); needused[nneed] = 0
}

function parse_rule(    v, vi, outs, n, o, i, nm, may, p) {
	if (nf < 4) { err(here(), "usage: rule VARIANT OUTCOMES CONDITION \"citation\""); return }
	v = f[2]
	if (!(v in varidx)) { err(here(), "unknown variant '" v "' (declare it with a variant line first)"); return }
	if (!need_text("rule")) return
	vi = varidx[v]
	n = split(f[3], o, "|"); outs = ""; may = 0
	if (f[3] == G["MH_SILENT_WORD"]) {
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
	if ((p = condition_from(4)) == "") return
	nrule++; rulevar[nrule] = vi; ruleouts[nrule] = substr(outs, 2); rulemay[nrule] = (may > 0)
	rulecond[nrule] = p; rulecite[nrule] = text; rulewhere[nrule] = here(); ruleused[nrule] = 0
	# Success: 0 or one effect word (what a call that succeeded did).
	nm = substr(outs, 2)
	ruleok[nrule] = (nm !~ / / && (nm == "0" || nm ~ ("^" G["MH_EFFECT_WORD"] "$")))
}

# A class of findings, most severe first in the order of these lines: the
# outcome words whose findings it holds, or MH_SEVERITY_ERROR and
# MH_SEVERITY_REFUSED for what no word says.  Whether every word is an
# outcome, and every effect word in a class, is checked once the whole
# table is read (check_severity()).
function parse_severity(    name, i, w) {
	if (nf < 2) { err(here(), "usage: severity CLASS WORD... \"title\""); return }
	name = f[2]
	if (name !~ /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/) { err(here(), "bad severity class name '" name "'"); return }
	if (name in sevidx) { err(here(), "severity class '" name "' declared twice (first at " sevwhere[sevidx[name]] ")"); return }
	if (!need_text("severity")) return
	nsev++; sevname[nsev] = name; sevtitle[nsev] = text; sevwhere[nsev] = here(); sevidx[name] = nsev; sevwords[nsev] = ""
	for (i = 3; i <= nf; i++) {
		w = f[i]
		if (w in sevof) { err(here(), "'" w "' is in two severity classes: '" sevname[sevof[w]] "' (" sevwordwhere[w] ") and '" name "'"); continue }
		sevof[w] = nsev; sevwordwhere[w] = here(); sevwords[nsev] = sevwords[nsev] " " w
	}
}
