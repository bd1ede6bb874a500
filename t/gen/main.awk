# The case table's generator: compiles t/cases.tbl and t/variants/*.tbl into
# C data, the list of test programs and the Kyuafile.  Portable awk (mawk,
# gawk, BSD awk, busybox), in one file per phase, run as one program:
#
#   awk -v outdir=DIR -v grammar=lib/grammar.h [-v srcdir=DIR] \
#       -f t/gen/main.awk -f t/gen/parse.awk -f t/gen/conditions.awk \
#       -f t/gen/expand.awk -f t/gen/emit.awk cases.tbl variants/*.tbl
#
#   main.awk        this glossary, the limits and grammar (lib/grammar.h), the
#                   checks over the whole table, the order of the phases
#   parse.awk       one statement per line: the declarations below
#   conditions.awk  conditions: compiled to postfix, evaluated per case
#   expand.awk      products expanded into cases; each case's expectations
#   emit.awk        DIR/dims.h, cases.c, builders.c, man-lists.mdoc,
#                   programs.list, Kyuafile, expectations.tsv, excluded.txt,
#                   rule-usage.txt
#
# Every mistake in the table is reported as "file:line: reason"; any mistake
# stops the build (exit 1) and nothing is written.  The table language is
# described at the top of t/cases.tbl.
#
# Glossary of the globals (i: 1-based count; every other name is a
# function's local, declared after its parameters).
#   nerr                     mistakes found so far (err())
#   G[name]                  grammar.h's definitions (MH_OUTCOME_RE, MH_MAXRULES...)
#   Dimensions, k = 1..ndim:
#     dimname[k] dimopt[k]   name; optional (left out of ids at its first value)
#     dimwhat[k]             its description
#     dimidx[name]           k
#     nval[k] valname[k, j]  its values, in order
#   Values, by (dimension name, value name):
#     valtext[d, v] valc[d, v] valtags[d, v]   description; C expression; " tag tag"
#     valwhere[d, v]         its value line
#   Builds, by mapping value v: buildof[v] (the builder) buildbits[v] (its
#                            MH_BUILD_* bits, a C expression) buildwhere[v]
#   Tags:
#     knowntag[tag]          declared on a value or by a derive
#     tagwhere[tag]          where a value first declared it
#     taglist[i]             those tags, i = 1..ntagdecl, in that order
#     usedtag[tag]           some condition names it
#   Derives, i = 1..nderive: dertag[i] dercond[i]  the tag; postfix condition
#   Outcomes: vocab[word], vocablist[i] (i = 1..nvocab, in declaration order),
#             vocabwhere[word] (its first outcome line)
#   Severity classes, i = 1..nsev (most severe first): sevname[i] sevtitle[i]
#                            sevwhere[i] sevwords[i] (" word word"); sevidx[name];
#                            sevof[word] (its class), sevwordwhere[word]
#   Variants, i = 1..nvar:   varname[i] vardoc[i] vartitle[i]; varidx[name];
#                            varwhere[name]
#   Rules, r = 1..nrule:     rulevar[r] ruleouts[r] rulemay[r] ruleok[r]
#                            rulecond[r] rulecite[r] rulewhere[r] ruleused[r]
#   Products, p = 1..nprod:  prodgroup[p] prodwhere[p]; prodsel[p, k] " v v"
#   Excludes, e = 1..nexcl:  exclcond[e] exclwhere[e] exclused[e]
#   Cannots, i = 1..ncannot: cancond[i] canwhy[i] canwhere[i]
#   Needs, i = 1..nneed:     needcond[i] needwhat[i] needwhere[i] needused[i]
#   Cases, c = 1..ncase:     caseid[c] casegroup[c] caseval[c, k]
#                            caseneeds[c] (bit i-1: need i holds)
#                            caseexp[c, vi] (an index into the expectations);
#                            caseidx[id] casewhere[id]
#   Excluded cases, i = 1..nexcluded: excludedid[i] excludedby[i]
#   Groups, g = 1..ngroup:   groupname[g] groupsize[g] groupwhere[g]; groupidx[name]
#   Expectations, e = 0..nexp-1 (shared by cases alike): expacc[e] exprules[e];
#                            expidx["vi|accept|rules"]
#   During expansion:        cur[k] (the case's values), has[tag] (its tags)
#   Of the current line:     f[1..nf] (its words), text, hastext (its quoted
#                            text); set by split_line() (parse.awk)

BEGIN {
	nerr = 0; ndim = 0; nvar = 0; nrule = 0; nprod = 0; nexcl = 0; nderive = 0
	ncannot = 0; nneed = 0; nsev = 0; ntagdecl = 0; nvocab = 0; ncase = 0; ngroup = 0; nexp = 0; nexcluded = 0
	if (outdir == "") outdir = "."
	read_grammar(grammar)
}

function err(where, msg) {
	printf "%s: %s\n", where, msg > "/dev/stderr"
	nerr++
}

# lib/grammar.h: "#define NAME value", the value string literals, earlier
# names and numbers, concatenated.
function read_grammar(path,    line, name, rest, val, n, need, i) {
	if (path == "") { err("gen", "no grammar file (-v grammar=lib/grammar.h)"); exit 1 }
	while ((n = (getline line < path)) > 0) {
		if (line !~ /^#define[ \t]+MH_[A-Z0-9_]+[ \t]/) continue
		sub(/^#define[ \t]+/, "", line)
		name = line; sub(/[ \t].*/, "", name)
		rest = substr(line, length(name) + 1); sub(/\/\*.*/, "", rest)
		val = ""
		while ((rest = trim(rest)) != "") {
			if (match(rest, /^"[^"]*"/)) val = val substr(rest, 2, RLENGTH - 2)
			else if (match(rest, /^MH_[A-Z0-9_]+/) && (substr(rest, 1, RLENGTH) in G)) val = val G[substr(rest, 1, RLENGTH)]
			else if (match(rest, /^[0-9]+/)) val = val substr(rest, 1, RLENGTH)
			else { err(path, "cannot read the definition of " name); exit 1 }
			rest = substr(rest, RLENGTH + 1)
		}
		G[name] = val ~ /^[0-9]+$/ ? val + 0 : val
	}
	if (n < 0) { err(path, "cannot read the grammar file"); exit 1 }
	close(path)
	split("MH_EFFECT_WORD MH_OUTCOME_RE MH_SILENT_WORD MH_SEVERITY_ERROR MH_SEVERITY_REFUSED MH_NAMELEN MH_MAXRULES MH_MAXCASES MH_MINCASES", need, " ")
	for (i = 1; i in need; i++)
		if (!(need[i] in G)) { err(path, need[i] " is not defined"); exit 1 }
}

END {
	if (nerr && !NR) exit 1
	if (ndim == 0) err(here(), "no dimensions declared")
	if (nvar == 0) err(here(), "no variants declared")
	if (nprod == 0) err(here(), "no products declared")
	check_severity()
	check_builds()
	if (nerr) exit 1
	expand_all()
	check_table()
	if (nerr) exit 1
	emit()
}

# What can only be judged once every product is expanded.
function check_table(    g, e, r, i, t) {
	for (g = 1; g <= ngroup; g++) {
		if (groupsize[g] > G["MH_MAXCASES"])
			err(groupwhere[g], "group " groupname[g] " has " groupsize[g] " cases; a test program holds at most " G["MH_MAXCASES"] " (split the product)")
		else if (groupsize[g] < G["MH_MINCASES"])
			printf "%s: warning: group %s has only %d cases (%d-%d keep the per-case cost low)\n", groupwhere[g], groupname[g], groupsize[g], G["MH_MINCASES"], G["MH_MAXCASES"] > "/dev/stderr"
		if (!isident(groupname[g])) err(groupwhere[g], "group name '" groupname[g] "' is not an identifier")
	}
	for (e = 1; e <= nexcl; e++) if (!exclused[e]) err(exclwhere[e], "exclude matches no case of any product")
	for (i = 1; i <= nneed; i++) if (!needused[i]) err(needwhere[i], "need holds for no case of any product")
	for (r = 1; r <= nrule; r++) if (!ruleused[r]) err(rulewhere[r], "rule of " varname[rulevar[r]] " decides no case (dead rule)")
	for (i = 1; i <= ntagdecl; i++) {
		t = taglist[i]
		if (!(t in usedtag)) err(tagwhere[t], "tag '" t "' is used by no rule, derive, exclude or cannot (a misspelt tag?)")
	}
}

# Every value of the mapping dimension has its build line: the harness
# builds nothing else.
function check_builds(    k, i, v) {
	if (!("mapping" in dimidx)) return
	k = dimidx["mapping"]
	for (i = 1; i <= nval[k]; i++) {
		v = valname[k, i]
		if (!(v in buildof))
			err(valwhere["mapping", v], "mapping value '" v "' has no build line (build " v " BUILDER shared|private [anon] rw|read [ro] [seal])")
	}
}

# The severity lines: every word an outcome (or one of the two words for
# what no outcome says), no class empty, both of those words and every
# effect word in a class, so that every finding has one.
function check_severity(    i, w, n, ws, k) {
	if (nsev == 0) { err(here(), "no severity classes declared (severity CLASS WORD... \"title\")"); return }
	for (i = 1; i <= nsev; i++) {
		n = split(sevwords[i], ws, " ")
		if (n == 0) err(sevwhere[i], "severity class '" sevname[i] "' holds no outcome (a class nobody uses)")
		for (k = 1; k <= n; k++) {
			w = ws[k]
			if (w != G["MH_SEVERITY_ERROR"] && w != G["MH_SEVERITY_REFUSED"] && !(w in vocab))
				err(sevwhere[i], "unknown outcome '" w "' in severity class '" sevname[i] "' (declare it with an outcome line, or say " G["MH_SEVERITY_ERROR"] " or " G["MH_SEVERITY_REFUSED"] ")")
		}
	}
	if (!(G["MH_SEVERITY_ERROR"] in sevof))
		err(sevwhere[nsev], "no severity class names " G["MH_SEVERITY_ERROR"] " (an error observed where a judge expects another, or success)")
	if (!(G["MH_SEVERITY_REFUSED"] in sevof))
		err(sevwhere[nsev], "no severity class names " G["MH_SEVERITY_REFUSED"] " (0 or an effect observed where every judge that contradicts it expects an error)")
	for (i = 1; i <= nvocab; i++) {
		w = vocablist[i]
		if (w != "0" && w ~ ("^" G["MH_EFFECT_WORD"] "$") && !(w in sevof))
			err(vocabwhere[w], "effect word '" w "' is in no severity class (add it to a severity line)")
	}
}
