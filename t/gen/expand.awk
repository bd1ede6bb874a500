# Expansion: every product's cross product, less what an exclude drops; each
# case's expectation per variant, from the rules that hold for it.

function expand_all(    p) {
	for (p = 1; p <= nprod; p++) expand_product(p)
}

# Sets has[] to the current case's tags: its dim=value atoms, its values'
# tags and the derived ones.
function settags(    k, d, v, i, n, tg) {
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

# What variant vi expects of the current case: res["acc"] (the accepted
# outcomes, "" for silent) and res["rules"] (the deciding rules' numbers).
# Returns 0 if no rule of vi holds (an implementation must say something).
function expect(vi, res,    r, shall, may, okset, ok, sr, mr, orr) {
	res["acc"] = ""; res["rules"] = ""
	if (!vardoc[vi]) {
		for (r = 1; r <= nrule; r++)
			if (rulevar[r] == vi && evalc(rulecond[r])) { res["acc"] = ruleouts[r]; res["rules"] = r; return 1 }
		return 0
	}
	ok = 0; sr = ""; mr = ""; orr = ""
	for (r = 1; r <= nrule; r++) {
		if (rulevar[r] != vi || !evalc(rulecond[r])) continue
		if (ruleok[r]) { ok = 1; addset(okset, ruleouts[r]); orr = orr " " r }
		else if (rulemay[r]) { addset(may, ruleouts[r]); mr = mr " " r }
		else { addset(shall, ruleouts[r]); sr = sr " " r }
	}
	if (sr != "") { addset(shall, setstr(may)); res["acc"] = setstr(shall); res["rules"] = substr(sr mr, 2) }
	else if (mr != "") {
		if (ok) addset(may, setstr(okset)); else may["0"] = 1
		res["acc"] = setstr(may); res["rules"] = substr(mr orr, 2)
	}
	else if (ok) { res["acc"] = setstr(okset); res["rules"] = substr(orr, 2) }
	return 1
}

# Walks the product's values like an odometer, last dimension fastest.
function expand_product(p,    k, idx, cnt, sel, n, vals, i, e, done, dropped, refused) {
	for (k = 1; k <= ndim; k++) {
		n = split(substr(prodsel[p, k], 2), vals, " "); cnt[k] = n
		for (i = 1; i <= n; i++) sel[k, i] = vals[i]
		idx[k] = 1
	}
	done = 0
	while (!done) {
		for (k = 1; k <= ndim; k++) cur[k] = sel[k, idx[k]]
		settags()
		dropped = 0
		for (e = 1; e <= nexcl; e++) if (evalc(exclcond[e])) { exclused[e]++; dropped = 1; break }
		if (dropped) { nexcluded++; excludedid[nexcluded] = caseid_of(); excludedby[nexcluded] = exclwhere[e] }
		else if (cannot_run(p, refused)) add_case(p)
		for (k = ndim; k >= 1; k--) { if (++idx[k] <= cnt[k]) break; idx[k] = 1 }
		if (k < 1) done = 1
	}
}

# Whether the current case's check procedure can honour all its values; a
# cannot that holds is reported once per product (refused[] remembers).
function cannot_run(p, refused,    i) {
	for (i = 1; i <= ncannot; i++) {
		if (!evalc(cancond[i])) continue
		if (!(i in refused))
			err(prodwhere[p], "case " caseid_of() " combines values its check procedure cannot honour: " canwhy[i] " (" canwhere[i] "); narrow the product or exclude the combination")
		refused[i] = 1
		return 0
	}
	return 1
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

function add_case(p,    k, id, g, vi, key, r, n, rr, res) {
	id = caseid_of(); g = prodgroup[p]
	for (k = 1; k <= ndim; k++) gsub("%" dimname[k] "%", cur[k], g)
	if (id in caseidx) { err(prodwhere[p], "case " id " is produced again (first by " casewhere[id] ")"); return }
	ncase++; caseid[ncase] = id; caseidx[id] = ncase; casewhere[id] = prodwhere[p]; casegroup[ncase] = g
	for (k = 1; k <= ndim; k++) caseval[ncase, k] = cur[k]
	caseneeds[ncase] = 0; n = 1
	for (r = 1; r <= nneed; r++) {
		if (evalc(needcond[r])) { caseneeds[ncase] += n; needused[r]++ }
		n *= 2
	}
	if (!(g in groupidx)) { ngroup++; groupname[ngroup] = g; groupidx[g] = ngroup; groupsize[ngroup] = 0; groupwhere[ngroup] = prodwhere[p] }
	groupsize[groupidx[g]]++
	for (vi = 1; vi <= nvar; vi++) {
		if (!expect(vi, res)) { err(prodwhere[p], "variant " varname[vi] " has no rule for case " id " (end its rules with a '*' rule)"); continue }
		n = split(res["rules"], rr, " ")
		if (n > G["MH_MAXRULES"]) err(prodwhere[p], "case " id ": more than " G["MH_MAXRULES"] " rules of " varname[vi] " apply")
		for (r = 1; r <= n; r++) ruleused[rr[r]]++
		key = vi "|" res["acc"] "|" res["rules"]
		if (!(key in expidx)) { nexp++; expidx[key] = nexp - 1; expacc[nexp - 1] = res["acc"]; exprules[nexp - 1] = res["rules"] }
		caseexp[ncase, vi] = expidx[key]
	}
}
