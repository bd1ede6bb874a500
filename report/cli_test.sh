#!/bin/sh
# TAP tests of the msync-report command: report writing from hand-built and
# real kyua results files, summary, compare (0/1/2, matrix, --html),
# findings, explain, expected, cases without an outcome (skipped, broken by
# the harness or by kyua, failed by a configuration mistake, a run where
# every case broke), old report and record formats, and every kind of bad
# input.  report/local.am fills in the %%...%% paths; kyua runs it from
# report/Kyuafile.

MR=%%BUILDDIR%%/report/msync-report
SQLEXEC=%%BUILDDIR%%/report/sqlexec
BUILD=%%BUILDDIR%%/report
DATA=%%SRCDIR%%/report/testdata
KYUA=%%KYUA%%
SUITE="%%PACKAGE_NAME%% %%PACKAGE_VERSION%%"
tab=$(printf '\t')

# shellcheck source=t/self/tap.sh
. '%%SRCDIR%%/t/self/tap.sh'
cd "$tmp" || exit 1

# fail DESC FILE...: not ok, each file's lines as diagnostics.
fail() {
	desc=$1; shift
	for f; do [ ! -s "$f" ] || sed "s|^|$f: |" "$f"; done > diag
	not_ok "$desc" "$(cat diag)"
}

# expect STATUS DESC CMD...: CMD exits with STATUS (output in out, err).
expect() {
	want=$1 desc=$2; shift 2
	"$@" >out 2>err
	got=$?
	if [ "$got" = "$want" ]; then ok "$desc"
	else fail "$desc: exit $got, wanted $want" err; fi
}

# rejects DESC MESSAGE CMD...: exit 2, exactly MESSAGE on stderr, no stdout.
rejects() {
	desc=$1 msg=$2; shift 2
	"$@" >out 2>err
	got=$?
	if [ "$got" = 2 ] && [ ! -s out ] && [ "$(cat err)" = "$msg" ]; then
		ok "$desc"
	else
		echo "$msg" > want
		fail "$desc: exit $got, wanted 2" want err out
	fi
}

# same DESC WANT GOT: the two files are identical.
same() {
	if cmp -s "$2" "$3"; then ok "$1"
	else diff -u "$2" "$3" > diff.out; fail "$1" diff.out; fi
}

# has DESC FILE LINE: FILE has LINE, whole.
has() {
	if grep -qxF -e "$3" "$2"; then ok "$1"
	else echo "$3" > want; fail "$1" want "$2"; fi
}

# compare names each report with its host: mask that too, and how many
# values each dimension has in the table (the spans' totals).
unhost() {
	sed -e 's/(observed: .*, fs /(observed: *, fs /' \
	    -e 's/^\(  [a-z]* *[^(]*([0-9]*\) of [0-9]*)$/\1 of *)/' "$1"
}

# The host facts vary between hosts; the rest of a report must not.
mask() {
	awk -F'\t' 'BEGIN { OFS = "\t" }
	/^# (os|release|machine|abi|libc|pagesize|emulator|kyua|suite)\t/ { $2 = "*" }
	{ print }' "$1"
}

# mkdb NAME: NAME.db from testdata/mini.sql, then the SQL on stdin.
mkdb() { rm -f "$1.db"; { cat "$DATA/mini.sql"; cat; } | "$SQLEXEC" "$1.db"; }

# record ID OUTCOME FS JUDGES OBS: a record line; JUDGES is one letter
# (m c s) per variant in table order.
record() {
	line="msync-record${tab}format=1${tab}id=$1${tab}observed=$2${tab}fs=$3"
	j=$4
	for v in netbsd-5.1 aix svr4 posix linux freebsd netbsd openbsd macos \
		 illumos; do
		case $j in
		m*) w=match ;; c*) w=contradict ;; *) w=silent ;;
		esac
		j=${j#?}
		line="$line${tab}v.$v=$w"
	done
	printf '%s%sobs=%s' "$line" "$tab" "$5"
}

# stdout_of CASE TEXT: SQL making TEXT (plus a newline) CASE's stdout.
stdout_of() {
	printf "DELETE FROM test_case_files WHERE file_name = '__STDOUT__' AND
	  test_case_id = (SELECT test_case_id FROM test_cases WHERE name = '%s');
	INSERT INTO files (contents) VALUES (CAST('%s\n' AS BLOB));
	INSERT INTO test_case_files SELECT test_case_id, '__STDOUT__',
	  last_insert_rowid() FROM test_cases WHERE name = '%s';\n" "$1" "$2" "$1"
}

### Usage

expect 0 "--help" "$MR" --help
has "--help shows the usage" out "usage: msync-report [-o FILE] RESULTS.db"
expect 0 "--version" "$MR" --version
expect 2 "no argument" "$MR"
expect 2 "unknown option" "$MR" -x mini.db
expect 2 "summary without a file" "$MR" summary
rejects "compare with one file says why it needs two" \
	"msync-report compare: needs two reports or more (it shows the cases whose outcome differs between them; compare a with results/expected-posix.report, say); for one report's deviations: msync-report findings a" \
	"$MR" compare a
expect 2 "findings without a file" "$MR" findings
expect 2 "explain without a case" "$MR" explain
expect 2 "explain with three operands" "$MR" explain a b c
expect 2 "expected without a file" "$MR" expected posix
expect 2 "two results files" "$MR" a.db b.db

### Report writing

mkdb mini < /dev/null
expect 0 "report of a hand-built results file" "$MR" mini.db
cp out mini.report
mask mini.report > masked
same "report body and fixed facts" "$DATA/mini.report" masked
has "os fact" mini.report "# os$tab$(uname -s)"
has "release fact" mini.report "# release$tab$(uname -r)"
has "machine fact" mini.report "# machine$tab$(uname -m)"
has "pagesize fact" mini.report "# pagesize$tab$(getconf PAGESIZE)"
has "suite fact" mini.report "# suite$tab$SUITE"
if command -v kyua >/dev/null 2>&1; then
	kv=$(kyua --config=none about | sed -n '1s/.* //p')
else
	kv=unknown
fi
has "kyua fact" mini.report "# kyua$tab$kv"
if grep -Eq "^# libc$tab(glibc [0-9][0-9.]*|musl|uclibc|bionic|system)\$" \
	mini.report; then ok "libc fact"; else fail "libc fact" mini.report; fi
env PATH=/nonexistent "$MR" mini.db > nokyua
has "kyua not in PATH" nokyua "# kyua${tab}unknown"

"$MR" mini.db > again
same "identical runs give identical reports" mini.report again
TZ=Pacific/Kiritimati "$MR" mini.db > again
same "the date is the UTC day, whatever TZ says" mini.report again
expect 0 "-o FILE" "$MR" -o written.report mini.db
same "-o writes what stdout would get" mini.report written.report

# facts ID MACHINE: SQL giving case ID's metadata the facts a sparc64 run
# under qemu would record (lib/record.c: X-msync-facts and, on a program's
# first case, X-msync-variant-NN, kept as custom.msync-*).
facts() {
	printf "INSERT OR REPLACE INTO metadatas VALUES (%s, 'custom.msync-facts', '%s');\n" \
		"$1" "format=2${tab}os=Linux${tab}release=6.1.0-99-sparc64${tab}machine=$2${tab}abi=sparc64 lp64 big-endian${tab}libc=glibc 2.36${tab}pagesize=8192${tab}emulator=qemu-sparc64"
	for kv in "variant-01=netbsd-5.1 NetBSD 5.1 msync(2)" \
		"variant-02=aix AIX msync" "variant-03=svr4 SVR4 msync(3C)" \
		"variant-04=posix POSIX.1-2008" "variant-05=linux Linux 6.18" \
		"variant-06=freebsd FreeBSD" "variant-07=netbsd NetBSD" \
		"variant-08=openbsd OpenBSD" "variant-09=macos XNU" \
		"variant-10=illumos illumos"; do
		printf "INSERT OR REPLACE INTO metadatas VALUES (%s, 'custom.msync-%s', '%s');\n" \
			"$1" "${kv%%=*}" "${kv#*=}"
	done
}
{ facts 1 sparc64; facts 6 sparc64; } | mkdb away
expect 0 "report of another machine's results file" "$MR" away.db
cp out away.report
has "its machine, not this one's" away.report "# machine${tab}sparc64"
has "its page size" away.report "# pagesize${tab}8192"
has "its kernel release" away.report "# release${tab}6.1.0-99-sparc64"
has "its ABI" away.report "# abi${tab}sparc64 lp64 big-endian"
has "its emulator" away.report "# emulator${tab}qemu-sparc64"
has "the facts are the recorded ones" away.report "# facts${tab}recorded"
has "the variants' titles" away.report "# variant${tab}netbsd-5.1${tab}NetBSD 5.1 msync(2)"
has "local facts for format-1 records alone" mini.report "# facts${tab}local"
expect 0 "a report of another machine's results reads back" \
	"$MR" compare away.report away.db
{ facts 1 sparc64; facts 6 riscv64; } | mkdb mixed
rejects "programs recording different facts" \
	"mixed.db: test programs record two machine facts, 'riscv64' and 'sparc64'" \
	"$MR" mixed.db
{ facts 1 sparc64; echo "UPDATE metadatas SET property_value = 'format=3${tab}os=Linux' WHERE property_name = 'custom.msync-facts';"; } | mkdb f3
rejects "facts of a newer format" \
	"f3.db: facts format '3' is not supported (this msync-report reads format 2)" \
	"$MR" f3.db
{ facts 1 sparc64; echo "UPDATE metadatas SET property_value = 'linux Linux' WHERE property_name = 'custom.msync-variant-04';"; } | mkdb t4
rejects "a title of another variant" \
	"t4.db: variant 4's title is recorded as 'linux Linux', not as 'posix TITLE'" \
	"$MR" t4.db
echo keep > keep.txt
rejects "-o with bad input" \
	"$DATA/tiny.tsv: not a kyua results file (not an SQLite database)" \
	"$MR" -o keep.txt "$DATA/tiny.tsv"
echo keep > want
same "-o leaves the file alone on bad input" want keep.txt
set -- ./*.tmp*
if [ -e "$1" ]; then fail "no temporary file left"; else
	ok "no temporary file left"; fi
expect 2 "-o into a missing directory" "$MR" -o nodir/x.report mini.db

### Bad results files

rejects "a canonical report is not a results file" \
	"mini.report: not a kyua results file (not an SQLite database)" \
	"$MR" mini.report
: > empty.db
rejects "empty file" \
	"empty.db: not a kyua results file (not an SQLite database)" \
	"$MR" empty.db
rejects "missing file" "nosuch.db: No such file or directory" \
	"$MR" nosuch.db
echo 'CREATE TABLE t (x);' | "$SQLEXEC" other.db
rejects "an SQLite file that is not kyua's" \
	"other.db: not a kyua results file: no such table: metadata" \
	"$MR" other.db
echo 'UPDATE metadata SET schema_version = 4;' | mkdb v4
rejects "schema version 4" \
	"v4.db: kyua results schema version '4' is not supported (this msync-report reads version 3)" \
	"$MR" v4.db
echo 'UPDATE metadata SET timestamp = -1;' | mkdb ts
rejects "negative timestamp" "ts.db: invalid run timestamp" "$MR" ts.db
head -c 8192 mini.db > trunc.db
rejects "truncated results file" \
	"trunc.db: damaged database: database disk image is malformed" \
	"$MR" trunc.db
cp mini.db garbled.db   # a zeroed table page; SQLite words it its own way
dd if=/dev/zero of=garbled.db bs=4096 seek=4 count=1 conv=notrunc \
	2>/dev/null
expect 2 "damaged results file" "$MR" garbled.db
if [ ! -s out ] && [ "$(wc -l < err)" = 1 ] &&
   grep -q '^garbled.db: damaged database: ' err; then
	ok "damaged results file: message"
else fail "damaged results file: message" err; fi
echo "UPDATE test_programs SET test_suite_name = 'other';" | mkdb nosuite
rejects "no case of suite msync" \
	"nosuite.db: no test case of suite 'msync'" "$MR" nosuite.db
echo 'DELETE FROM test_results WHERE test_case_id = 2;' | mkdb nores
rejects "case without a result" \
	"nores.db: case fileshared__zero__page__unlocked has no result (was the run interrupted?)" \
	"$MR" nores.db
echo "UPDATE test_results SET result_type = 'weird' WHERE test_case_id = 2;" |
	mkdb weird
rejects "unknown result type" \
	"weird.db: case fileshared__zero__page__unlocked: invalid verdict 'weird'" \
	"$MR" weird.db
echo "INSERT INTO test_cases VALUES (50, 2, 'fileshared__SA__page__unlocked', 0);
	INSERT INTO test_results VALUES (50, 'passed', NULL, 0, 1);" | mkdb dup
rejects "a case id in two programs" \
	"dup.db: case id fileshared__SA__page__unlocked appears in two test programs" \
	"$MR" dup.db

c=fileshared__SA__page__unlocked
good=$(record $c 0 tmpfs msmmmmmmmm 'mtime updated')
bad_record() {   # DESC MESSAGE STDOUT
	stdout_of $c "$3" | mkdb rec
	rejects "$1" "rec.db: case $c: $2" "$MR" rec.db
}
bad_record "two record lines" "more than one record line" "$good
$good"
bad_record "record format 4" \
	"record format '4' is not supported (this msync-report reads formats 1 to 3)" \
	"$(echo "$good" | sed 's/format=1/format=4/')"
bad_record "record format 3 without its verdict" \
	"record: missing or invalid verdict= ('')" \
	"$(echo "$good" | sed 's/format=1/format=3/')"
bad_record "record format 3 with an invalid verdict" \
	"record: missing or invalid verdict= ('a b')" \
	"$(echo "$good" | sed 's/format=1/format=3	verdict=a b/')"
bad_record "record without format" "record without format=" \
	"$(echo "$good" | sed 's/format=1/form=1/')"
bad_record "record field without =" "record field 'junk' is not KEY=VALUE" \
	"$good${tab}junk"
bad_record "record of another case" "its record says id=other" \
	"$(echo "$good" | sed 's/id=[^	]*/id=other/')"
bad_record "record with an invalid outcome" \
	"record: missing or invalid observed= ('EINVAL|ENOMEM')" \
	"$(record $c 'EINVAL|ENOMEM' tmpfs mmmmmmmmmm -)"
bad_record "record with an empty outcome" \
	"record: missing or invalid observed= ('')" \
	"$(record $c '' tmpfs mmmmmmmmmm -)"
bad_record "record with an invalid judgement" \
	"record: variant linux: 'maybe' is not match, contradict or silent" \
	"$(echo "$good" | sed 's/v.linux=match/v.linux=maybe/')"
bad_record "record repeating a key" "record repeats key 'fs'" \
	"$good${tab}fs=ext4"
bad_record "record without fs" "record: missing or invalid fs=" \
	"$(echo "$good" | sed 's/fs=tmpfs/fsx=tmpfs/')"
bad_record "record without variants" "record: no v.VARIANT= field" \
	"$(echo "$good" | sed 's/v\.[^	]*	//g')"
bad_record "record with a control character" \
	"record: missing or invalid obs=" "$good$(printf '\r')"
bad_record "records naming other variants" \
	"its record lists other variants than case filero__SS__page__unlocked's" \
	"$(echo "$good" | sed 's/v.aix=silent	//')"

### Summary

expect 0 "summary of a results file" "$MR" summary mini.db
awk 'NR == 2 { sub(/observed on .*, fs /, "observed on *, fs ") } 1' \
	out > masked
same "summary" "$DATA/mini.summary" masked
"$MR" summary mini.report | sed 1d > a
sed 1d out > b
same "summary of the report = summary of the results file" b a
expect 0 "summary of an expected report" "$MR" summary "$DATA/tiny-posix.report"
sed 1d out > masked
same "summary of an expected report" "$DATA/tiny-posix.summary" masked
expect 0 "summary of the sample expectations" sh -c \
	"'$MR' expected posix '$DATA/sample-expectations.tsv' > sample.report &&
	 '$MR' summary sample.report"
if grep -q '^closest: posix 100.0% of 2490, ' out; then ok "posix matches itself"
else fail "posix matches itself" out; fi

### Expected reports

expect 0 "expected report" "$MR" expected posix "$DATA/tiny.tsv"
same "expected report of posix" "$DATA/tiny-posix.report" out
expect 0 "expected report, -o" "$MR" expected -o svr4.report svr4 \
	"$DATA/tiny.tsv"
if [ "$(grep -vc '^#' svr4.report)" = 6 ] &&
   [ "$(grep -v '^#' svr4.report | cut -f2 | sort -u)" = silent ]; then
	ok "a silent variant's expected report says silent"
else fail "a silent variant's expected report says silent" svr4.report; fi
if [ "$(grep -vc '^#' sample.report)" = \
     "$(grep -vc '^#' "$DATA/sample-expectations.tsv")" ]; then
	ok "the sample expectations: one line per case"
else fail "the sample expectations: one line per case"; fi
rejects "unknown variant" \
	"$DATA/tiny.tsv: no variant 'hurd' in this file (it has: netbsd-5.1, aix, svr4, posix, linux, freebsd, netbsd, openbsd, macos, illumos)" \
	"$MR" expected hurd "$DATA/tiny.tsv"
rejects "missing expectations" "nosuch.tsv: No such file or directory" \
	"$MR" expected posix nosuch.tsv
: > empty.tsv
rejects "empty expectations" "empty.tsv:1: empty file" \
	"$MR" expected posix empty.tsv
head -c 600 "$DATA/tiny.tsv" > t.tsv
rejects "truncated expectations" \
	"t.tsv:4: truncated (no newline at the end of the file)" \
	"$MR" expected posix t.tsv
sed 1d "$DATA/tiny.tsv" > t.tsv
rejects "expectations without a header" \
	"t.tsv:1: not an expectations file (the first line must start with '# id')" \
	"$MR" expected posix t.tsv
sed '1s/posix:document/posix:manual/' "$DATA/tiny.tsv" > t.tsv
rejects "unknown variant kind" \
	"t.tsv:1: expected VARIANT:document or VARIANT:implementation, not 'posix:manual'" \
	"$MR" expected posix t.tsv
awk -F'\t' 'BEGIN { OFS = "\t" } NR == 3 { t = $2; $2 = $3; $3 = t } 1' \
	"$DATA/tiny.tsv" > t.tsv
rejects "reordered columns" \
	"t.tsv:3: field 2 must be 'netbsd-5.1=...', not 'aix=ENOMEM'" \
	"$MR" expected posix t.tsv
{ cat "$DATA/tiny.tsv"; sed -n 3p "$DATA/tiny.tsv"; } > t.tsv
rejects "duplicated line" \
	"t.tsv:8: duplicate case id 'fileshared__SI__hole__mlockall' (first on line 3)" \
	"$MR" expected posix t.tsv
sed '4s/posix=-/posix=EINVAL||ENOMEM/' "$DATA/tiny.tsv" > t.tsv
rejects "invalid outcome set" \
	"t.tsv:4: invalid outcome set 'posix=EINVAL||ENOMEM'" \
	"$MR" expected posix t.tsv
sed '4s/posix=-/posix=0|0/' "$DATA/tiny.tsv" > t.tsv
rejects "repeated outcome in a set" \
	"t.tsv:4: invalid outcome set 'posix=0|0'" \
	"$MR" expected posix t.tsv
sed '5s/	illumos=0$//' "$DATA/tiny.tsv" > t.tsv
rejects "missing field" "t.tsv:5: fewer fields than variants" \
	"$MR" expected posix t.tsv
sed '5s/$/	x=0/' "$DATA/tiny.tsv" > t.tsv
rejects "extra field" "t.tsv:5: more fields than variants" \
	"$MR" expected posix t.tsv
sed "3s/\$/$(printf '\r')/" "$DATA/tiny.tsv" > t.tsv
rejects "CRLF expectations" \
	"t.tsv:3: carriage return at the end of the line (the file has LF line ends)" \
	"$MR" expected posix t.tsv
printf '# id\tposix:document\nabc\tposix=0\0\n' > t.tsv
rejects "NUL byte in expectations" "t.tsv:2: NUL byte" \
	"$MR" expected posix t.tsv

### Bad reports (summary and compare share the parser)

{ head -n 17 mini.report; sed -n 18p mini.report | cut -c 1-10 | tr -d '\n'; } \
	> bad.report
rejects "truncated report" \
	"bad.report:18: truncated (no newline at the end of the file)" \
	"$MR" summary bad.report
sed '$d' mini.report > bad.report
rejects "report without its end line" \
	"bad.report:26: truncated (no '# end' line)" \
	"$MR" summary bad.report
awk 'NR == 19 { l = $0; next } NR == 20 { print; print l; next } 1' \
	mini.report > bad.report
rejects "reordered cases" \
	"bad.report:20: case 'anonshared__SA__page__unlocked' out of order (after 'broken_test:__test_cases_list__', line 19)" \
	"$MR" summary bad.report
awk 'NR == 20 { print } 1' mini.report > bad.report
rejects "duplicated case" \
	"bad.report:21: duplicate case id 'broken_test:__test_cases_list__' (also line 20)" \
	"$MR" compare mini.report bad.report
awk 'NR == 3 { l = $0; next } NR == 4 { print; print l; next } 1' \
	mini.report > bad.report
rejects "reordered header" "bad.report:3: expected the '# os' line" \
	"$MR" compare bad.report mini.report
sed '1s/3$/4/' mini.report > bad.report
rejects "report format 4" \
	"bad.report:1: report format '4' is not supported (this msync-report reads formats 1 to 3)" \
	"$MR" summary bad.report
printf 'garbage\n' > bad.report
rejects "garbage" \
	"bad.report:1: not an msync report (the first line must be '# msync-report 3')" \
	"$MR" summary bad.report
sed "s/\$/$(printf '\r')/" mini.report > bad.report
rejects "CRLF line ends" \
	"bad.report:1: carriage return at the end of the line (a report has LF line ends)" \
	"$MR" summary bad.report
sed '$s/8/7/' mini.report > bad.report
rejects "wrong case count" \
	"bad.report:26: end line says '7' cases, the report has 8" \
	"$MR" summary bad.report
{ cat mini.report; echo; } > bad.report
rejects "text after the end" "bad.report:27: text after the end line" \
	"$MR" summary bad.report

### Compare

expect 0 "compare a report with its results file" \
	"$MR" compare mini.report mini.db
has "nothing differs" out "# 0 of 8 cases differ"
{
	stdout_of fileshared__SI__hole__mlockall \
		"$(record fileshared__SI__hole__mlockall EFAULT ext4 ccsccc -)"
	stdout_of fileshared__SA__page__unlocked \
		"$(record fileshared__SA__page__unlocked 0 tmpfs mmmmmmmmmm \
		   'mtime updated')"
	echo "DELETE FROM test_cases WHERE name = 'fileshared__SS__wrap__unlocked';"
} | mkdb mini2
{
	echo "UPDATE test_results SET result_type = 'passed' WHERE test_case_id = 6;"
	stdout_of anonshared__SA__page__unlocked \
		"$(record anonshared__SA__page__unlocked 0 tmpfs mmsmmmmmmm -)"
} | mkdb mini3
"$MR" -o mini2.report mini2.db
"$MR" -o mini3.report mini3.db
expect 1 "compare two reports that differ" \
	"$MR" compare mini.report mini2.report
unhost out > masked
same "compare of two reports" "$DATA/compare2.out" masked
expect 1 "compare three reports" \
	"$MR" compare mini.report mini2.report mini3.report
unhost out > masked
same "compare matrix of three reports" "$DATA/compare3.out" masked
expect 1 "compare observed with expected" \
	"$MR" compare "$DATA/tiny-posix.report" mini.report
unhost out | sed "s|$DATA/||" > masked
same "compare observed with expected" "$DATA/compare-expected.out" masked
if grep -q '^fileshared__SI__hole__mlockall	' out; then
	fail "an outcome in the expected set does not differ" out
else ok "an outcome in the expected set does not differ"; fi
if grep -Eq "^(fileshared__SA__page__unlocked|zzz__not__in__mini)$tab" out
then fail "a silent expectation never differs" out
else ok "a silent expectation never differs"; fi
expect 0 "compare two expected reports with compatible sets" \
	"$MR" compare "$DATA/tiny-posix.report" "$DATA/tiny-posix.report"
printf 'garbage\n' > bad.report
rejects "compare with garbage" \
	"bad.report:1: not an msync report (the first line must be '# msync-report 3')" \
	"$MR" compare mini.report bad.report
rejects "compare with a bad results file" \
	"v4.db: kyua results schema version '4' is not supported (this msync-report reads version 3)" \
	"$MR" compare mini.report v4.db

cp mini2.report 'a<b&c.report'
expect 1 "compare --html" "$MR" compare --html page.html mini.report \
	'a<b&c.report' mini3.report
unhost out | sed 's/a<b&c/mini2/' > masked
same "compare --html prints the text matrix too" "$DATA/compare3.out" masked
if head -n 1 page.html | grep -qx '<!DOCTYPE html>' &&
   tail -n 1 page.html | grep -qx '</html>'; then ok "html: a whole page"
else fail "html: a whole page" page.html; fi
# Citations quote links as text; only a URL the page would load counts.
if grep -Eiq 'src=|href="[^#]|url\(|@import|<script|<link|="https?:' page.html
then fail "html: self-contained" page.html
else ok "html: self-contained"; fi
if [ "$(grep -o '<li id="case-' page.html | wc -l)" = 4 ]; then
	ok "html: only the rows that differ"
else fail "html: only the rows that differ" page.html; fi
if grep -q 'a&lt;b&amp;c.report' page.html && ! grep -q 'a<b' page.html
then ok "html: escaped"; else fail "html: escaped" page.html; fi
if grep -q '#v4:checked~main td.m4{' page.html &&
   grep -q 'class="m0 m1 m3 m4 m5 c6 c7 m8 m9"' page.html; then
	ok "html: cells coloured by variant match"
else fail "html: cells coloured by variant match" page.html; fi
expect 2 "compare --html into a missing directory" \
	"$MR" compare --html nodir/page.html mini.report mini2.report
if [ ! -s out ] && grep -q '^nodir/page.html.tmp[0-9]*: No such file' err
then ok "compare --html into a missing directory: no answer"
else fail "compare --html into a missing directory: no answer" out err; fi

### Cases without an outcome: skipped, broken, failed by the configuration

# record3 ID OUTCOME VERDICT JUDGES OBS: a format-3 record line.
record3() {
	record "$1" "$2" ext4 "$4" "$5" |
		sed "s/format=1/format=3${tab}verdict=$3/"
}
# result_of CASE TYPE REASON: SQL giving CASE kyua's result TYPE, REASON.
result_of() {
	printf "UPDATE test_results SET result_type = '%s', result_reason = '%s'
	  WHERE test_case_id = (SELECT test_case_id FROM test_cases WHERE name = '%s');\n" \
		"$2" "$3" "$1"
}
# no_stdout CASE: SQL leaving CASE without a record (nor any stdout).
no_stdout() {
	printf "DELETE FROM test_case_files WHERE file_name = '__STDOUT__' AND
	  test_case_id = (SELECT test_case_id FROM test_cases WHERE name = '%s');\n" "$1"
}
# new_case ID N TYPE REASON: SQL adding case ID (test_case_id N) to program 2.
new_case() {
	printf "INSERT INTO test_cases VALUES (%s, 2, '%s', 0);
	INSERT INTO test_results VALUES (%s, '%s', '%s', 0, 1);\n" \
		"$2" "$1" "$2" "$3" "$4"
}
huge='no free huge page of 2048 kB (vm.nr_hugepages is 0)'
long=$(awk 'BEGIN { while (n++ < 40) printf "word%03d ", n }')
{
	stdout_of fileshared__SA__page__unlocked \
		"$(record3 fileshared__SA__page__unlocked 0 manuals mmmmmmmmmm -)"
	stdout_of fileshared__SI__hole__mlockall \
		"$(record3 fileshared__SI__hole__mlockall ENOMEM manuals mmsmmmccmm -)"
	# the harness: no record, kyua's broken with the reason
	result_of fileshared__zero__page__unlocked broken \
		'mmap of the file under test: ENODEV (map_file.c:40)'
	no_stdout fileshared__zero__page__unlocked
	# an older harness: a record that says it broke after the call
	stdout_of fileshared__SS__wrap__unlocked \
		"$(record fileshared__SS__wrap__unlocked 0 ext4 cccccmmmmm broken-after-call)"
	result_of fileshared__SS__wrap__unlocked failed \
		'broken run: fork: Resource temporarily unavailable'
	# kyua broke it after its record: a timeout of the whole case
	stdout_of filero__SS__page__unlocked \
		"$(record filero__SS__page__unlocked SIGBUS xfs ccssccccc -)"
	result_of filero__SS__page__unlocked broken 'Test case body timed out'
	# kyua's reason over several lines, with a tab
	result_of anonshared__SA__page__unlocked skipped \
		"no free huge page of 2048 kB
   (vm.nr_hugepages is 0)${tab}"
	result_of anonprivate__SA__page__unlocked broken "$long"
	new_case hugetlb__S__page__unlocked 50 skipped "$huge"
	new_case hugetlb__S__pages__unlocked 51 skipped "$huge"
	new_case hugetlb__A__page__unlocked 52 skipped "$huge"
	new_case thp__S__page__unlocked 53 skipped 'transparent huge pages are [never]'
	new_case filero__S__page__unlocked 54 failed \
		'unknown configuration variable varient'
} | mkdb kinds
expect 0 "report of skipped, broken and config-failed cases" "$MR" kinds.db
cp out kinds.report
has "the verdict the records name" kinds.report "# verdict${tab}manuals"
has "the columns of format 3" kinds.report \
	"# columns${tab}id${tab}observed${tab}verdict${tab}matches${tab}contradicts${tab}obs${tab}reason"
has "an outcome has no reason" kinds.report \
	"fileshared__SA__page__unlocked${tab}0${tab}passed${tab}netbsd-5.1,aix,svr4,posix,linux,freebsd,netbsd,openbsd,macos,illumos${tab}-${tab}-${tab}-"
has "broken by the harness: no outcome, the reason" kinds.report \
	"fileshared__zero__page__unlocked${tab}-${tab}broken${tab}-${tab}-${tab}-${tab}mmap of the file under test: ENODEV (map_file.c:40)"
has "an old broken-after-call record: broken, no outcome" kinds.report \
	"fileshared__SS__wrap__unlocked${tab}-${tab}broken${tab}-${tab}-${tab}-${tab}broken run: fork: Resource temporarily unavailable"
has "broken by kyua after its record: no outcome" kinds.report \
	"filero__SS__page__unlocked${tab}-${tab}broken${tab}-${tab}-${tab}-${tab}Test case body timed out"
has "a reason made one line" kinds.report \
	"anonshared__SA__page__unlocked${tab}-${tab}skipped${tab}-${tab}-${tab}-${tab}$huge"
has "failed by the configuration: no outcome, the reason" kinds.report \
	"filero__S__page__unlocked${tab}-${tab}failed${tab}-${tab}-${tab}-${tab}unknown configuration variable varient"
r=$(grep '^anonprivate__SA__page__unlocked' kinds.report | cut -f7)
case $r in
word001\ *...) check "$(printf %s "$r" | wc -c | tr -d ' ')" 300 "a long reason bounded to 300 bytes" ;;
*) not_ok "a long reason bounded to 300 bytes" "$r" ;;
esac
if grep -q "^# fs${tab}ext4\$" kinds.report; then
	ok "the fs fact: cases with an outcome only"
else fail "the fs fact: cases with an outcome only" kinds.report; fi
"$MR" kinds.db > again
same "the same report again" kinds.report again

expect 0 "summary of cases without an outcome" "$MR" summary kinds.report
sed -n '/^verdict:/,/^$/p' out > got
cat > want <<EOF
verdict: manuals
cases: 13 (passed 2, failed 1, skipped 5, broken 5, expected_failure 0)
with an outcome: 2 (the counts below are over these)
without an outcome: 11
  4 skipped: $huge
  1 skipped: transparent huge pages are [never]
  1 broken: Test case body timed out
  1 broken: Test program did not exit cleanly
  1 broken: broken run: fork: Resource temporarily unavailable
  1 broken: mmap of the file under test: ENODEV (map_file.c:40)
  1 broken: $(printf %s "$r")
  1 failed: unknown configuration variable varient

EOF
same "summary: the kinds, and the reasons grouped, most frequent first" want got
expect 0 "findings of cases without an outcome" "$MR" findings kinds.report
has "findings: how many cases have no outcome" out \
	"cases without an outcome: 11 (1 failed, 5 skipped, 5 broken): never findings (msync-report summary gives their reasons)"
if grep -qE 'zero__page|SS__wrap|filero|hugetlb|thp__|anonshared|anonprivate' out
then fail "findings: a case without an outcome is never one" out
else ok "findings: a case without an outcome is never one"; fi
expect 0 "explain of a broken case" \
	"$MR" explain fileshared__zero__page__unlocked kinds.report
has "explain: the kind and reason of a case without an outcome" out \
	"  no outcome: broken: mmap of the file under test: ENODEV (map_file.c:40)"
expect 0 "explain of an old broken-after-call case" \
	"$MR" explain fileshared__SS__wrap__unlocked kinds.db
has "explain: its kind is broken, and why" out \
	"  no outcome: broken: broken run: fork: Resource temporarily unavailable"
sed "s/^\(fileshared__SS__wrap__unlocked${tab}.*${tab}\)-\$/\1broken-after-call/" \
	"$DATA/mini-2.report" > old.report
expect 0 "explain of broken-after-call in a format-2 report" \
	"$MR" explain fileshared__SS__wrap__unlocked old.report
has "explain: broken, whatever the old report said" out \
	"  no outcome: broken (kyua: failed; its record says broken-after-call) (a format-2 report keeps no reason)"
expect 0 "summary of broken-after-call in a format-2 report" \
	"$MR" summary old.report
has "summary: broken-after-call counts as broken" out \
	"cases: 8 (passed 2, failed 1, skipped 1, broken 3, expected_failure 1)"
expect 0 "findings of broken-after-call in a format-2 report" \
	"$MR" findings old.report
if grep -q 'SS__wrap' out; then fail "findings: never broken-after-call" out
else ok "findings: never broken-after-call"; fi
expect 0 "explain of a case with an outcome names the verdict" \
	"$MR" explain fileshared__SA__page__unlocked kinds.report
has "explain: kyua's result under the verdict" out \
	"  observed  0 (kyua: passed under manuals): msync returned 0"
expect 1 "compare: kinds and reasons" "$MR" compare mini.report kinds.report
has "compare: each reason in its group" out \
	"  2 kinds  (skipped): $huge"
"$MR" compare --rows mini.report kinds.report > out
has "compare: a kind differs" out \
	"fileshared__zero__page__unlocked${tab}0${tab}linux,freebsd,macos${tab}(broken)${tab}-"
has "compare: a reason differs" out \
	"anonshared__SA__page__unlocked${tab}(skipped)${tab}-${tab}(skipped)${tab}-"
has "compare: an old broken-after-call cell is broken" out \
	"fileshared__SS__wrap__unlocked${tab}errno=999${tab}linux,macos,illumos${tab}(broken)${tab}-"
expect 0 "summary --html of cases without an outcome" \
	"$MR" summary --html kinds.html kinds.report
if grep -q '<td data-r="1" data-k="broken">5</td>' kinds.html &&
   grep -q '<td data-r="1" data-k="skipped">5</td>' kinds.html &&
   grep -q "<p class=\"reason\" data-r=\"1\">kinds: 4 skipped: $huge</p>" kinds.html
then ok "html: the counts of every kind, the reasons grouped"
else fail "html: the counts of every kind, the reasons grouped" kinds.html; fi
"$MR" compare --html kinds2.html mini.report kinds.report > /dev/null
if grep -q 'data-n="kinds" title="no free huge page[^"]*">(skipped)</td>' kinds2.html &&
   grep -q '>(broken)</td>' kinds2.html &&
   grep -q "<p class=\"reason\">kinds (skipped): $huge</p>" kinds2.html
then ok "html: a cell without an outcome shows its kind and reason"
else fail "html: a cell without an outcome shows its kind and reason" kinds2.html; fi

echo "UPDATE test_results SET result_type = 'passed';" |
{ cat; stdout_of fileshared__SA__page__unlocked \
	"$(record3 fileshared__SA__page__unlocked 0 linux mmmmmmmmmm -)"
  stdout_of fileshared__SI__hole__mlockall \
	"$(record3 fileshared__SI__hole__mlockall 0 manuals mmmmmmmmmm -)"; } |
	mkdb verdicts
rejects "records of two verdicts" \
	"verdicts.db: case fileshared__SI__hole__mlockall: its record says verdict=manuals, case fileshared__SA__page__unlocked's verdict=linux" \
	"$MR" verdicts.db
stdout_of fileshared__SA__page__unlocked \
	"$(record3 fileshared__SA__page__unlocked 0 hurd mmmmmmmmmm -)" |
	mkdb hurd
rejects "a verdict of no variant" \
	"hurd.db: the verdict 'hurd' is neither manuals, unknown nor a variant of the list" \
	"$MR" hurd.db

# every case broke: the variants come from the titles the programs recorded
everything_broke="UPDATE test_results SET result_type = 'broken',
  result_reason = 'mount(MS_REC|MS_SLAVE) of the witness: Invalid argument (witness_session.c:77)';
DELETE FROM test_case_files WHERE file_name = '__STDOUT__';"
{ facts 1 sparc64; facts 6 sparc64; echo "$everything_broke"; } | mkdb allbroken
expect 0 "report of a run where every case broke" "$MR" allbroken.db
cp out allbroken.report
has "the variants from the recorded titles" allbroken.report \
	"# variants${tab}netbsd-5.1 aix svr4 posix linux freebsd netbsd openbsd macos illumos"
has "their titles" allbroken.report "# variant${tab}posix${tab}POSIX.1-2008"
has "no verdict recorded" allbroken.report "# verdict${tab}unknown"
check "$(grep -c "${tab}-${tab}broken${tab}-${tab}-${tab}-${tab}mount(MS_REC|MS_SLAVE) of the witness: Invalid argument (witness_session.c:77)\$" allbroken.report)" \
	8 "every case broken, with its reason"
expect 0 "summary of a run where every case broke" "$MR" summary allbroken.report
has "summary: says no case observed its call" out \
	"without an outcome: 8 (no case observed its call)"
has "summary: the reason" out \
	"  8 broken: mount(MS_REC|MS_SLAVE) of the witness: Invalid argument (witness_session.c:77)"
has "summary: no closest variant" out "closest: none (no case has an outcome)"
expect 0 "findings of a run where every case broke" "$MR" findings allbroken.report
has "findings: none, every case broke" out \
	"cases without an outcome: 8 (8 broken): never findings (msync-report summary gives their reasons)"
expect 0 "the page of a run where every case broke" \
	"$MR" summary --html allbroken.html allbroken.report
echo "$everything_broke" | mkdb broke-untitled
expect 0 "every case broke, no titles recorded" "$MR" broke-untitled.db
has "no variants then" out "# variants${tab}-"
{ facts 1 sparc64; echo "DELETE FROM metadatas WHERE property_name = 'custom.msync-variant-02';"
  echo "$everything_broke"; } | mkdb gap
rejects "a title missing" \
	"gap.db: variant 3's title recorded, but not variant 2's" "$MR" gap.db

# Format 2 (the committed reports) is still read, and compares with 3.
expect 0 "compare a format-2 report with its format-3 report" \
	"$MR" compare "$DATA/mini-2.report" mini.report
has "the reasons a format-2 report lacks are no difference" out \
	"# 0 of 8 cases differ"
expect 0 "summary of a format-2 report" "$MR" summary "$DATA/mini-2.report"
has "a format-2 report keeps no reasons" out \
	"  1 skipped (a format-2 report keeps no reasons)"
has "nor the verdict" out "verdict: unknown"
bad=""
for f in %%SRCDIR%%/results/*.report; do
	"$MR" summary "$f" > /dev/null 2>>err || bad="$bad $f"
	"$MR" compare "$f" "$f" > /dev/null 2>>err || bad="$bad $f"
done
if [ -z "$bad" ]; then ok "every committed report is read"
else fail "every committed report is read:$bad" err; fi
E=%%SRCDIR%%/results/linux-x86_64-ext4.report
# The committed report (format 3) written back in format 2, which keeps
# no reasons and no verdict: compare reads either.
awk -F'\t' -v OFS='\t' '
	NR == 1 { print "# msync-report 2"; next }
	/^# verdict\t/ { next }
	/^# columns\t/ { NF = NF - 1; print; next }
	/^#/ { print; next }
	{ NF = NF - 1; print }' "$E" > ext4-2.report
expect 0 "compare a format-2 report with the committed format 3" \
	"$MR" compare ext4-2.report "$E"
has "nothing differs" out "# 0 of $(grep -vc '^#' "$E") cases differ"
sed 's/^\(hugetlb__S__page__unlocked\t\)-\tskipped/\1-\tbroken/' "$E" \
	> ext4-3b.report
expect 1 "compare: a case now broken differs" "$MR" compare --rows "$E" ext4-3b.report
has "compare: the kinds shown" out \
	"hugetlb__S__page__unlocked${tab}(skipped)${tab}-${tab}(broken)${tab}-"

### Findings, explain and citations (the table msync-report is built with)

F=$DATA/findings.report
expect 0 "findings" "$MR" findings "$F"
cp out findings.out
"$MR" summary "$F" > fsum
judged=$(sed -n 's/^with an outcome: \([0-9]*\) .*/\1/p' fsum)
sed -n 's/^cases with an outcome: \([0-9]*\) = \([0-9]*\) accepted + \([0-9]*\) on which no judge speaks + \([0-9]*\) findings in \([0-9]*\) groups*$/\1 \2 \3 \4 \5/p' \
	findings.out > counted
read -r n_judged n_accepted n_unspoken nfound ngroups < counted
if [ -n "$ngroups" ] && [ "$n_judged" = "$judged" ] &&
   [ $((n_accepted + n_unspoken + nfound)) = "$n_judged" ]; then
	ok "findings: the counts add up to summary's cases with an outcome"
else fail "findings: the counts add up to summary's cases with an outcome" findings.out fsum; fi
sum=$(sed -n 's/^Finding [0-9]* \[[^]]*\]: \([0-9]*\) cases*, .*/\1/p' findings.out |
	awk '{ s += $1 } END { print s + 0 }')
blocks=$(grep -c '^Finding ' findings.out)
if [ "$sum" = "$nfound" ] && [ "$blocks" = "$ngroups" ]; then
	ok "findings: one block per group, the blocks' cases add up"
else fail "findings: one block per group, the blocks' cases add up" findings.out; fi
nfailed=$(grep -c "${tab}failed${tab}" "$F")
if [ "$nfailed" = "$nfound" ]; then
	ok "findings: as many as the cases that failed under manuals"
else fail "findings: as many as the cases that failed under manuals ($nfailed)" findings.out; fi
# Every citation names a rule line of the table and quotes it.
grep -E '^      t/variants/[a-z0-9.-]+\.tbl:[0-9]+: ' findings.out > cites
bad=0
while IFS= read -r line; do
	where=${line#      }; where=${where%%: *}; text=${line#*: }
	file=${where%:*} lno=${where##*:}
	src=$(sed -n "${lno}p" "%%SRCDIR%%/$file")
	case $src in
	rule\ *) ;; *) bad=$((bad + 1)); echo "not a rule: $where" >> badcites ;;
	esac
	case $src in
	*"$text"*) ;; *) bad=$((bad + 1)); echo "not quoted: $where" >> badcites ;;
	esac
done < cites
if [ -s cites ] && [ "$bad" = 0 ]; then
	ok "findings: each citation quotes its rule's line ($(wc -l < cites))"
else fail "findings: each citation quotes its rule's line" badcites; fi
# The span's total is the table's number of values of the dimension.
nmappings=$(grep -c '^value mapping ' "%%SRCDIR%%/t/cases.tbl")
if grep -q '^  flags     zero (1 of ' findings.out &&
   grep -q "^  mapping   fileshared (1 of $nmappings)\$" findings.out &&
   grep -q '^  the host  msync returned 0$' findings.out; then
	ok "findings: the span of each dimension and what the host did"
else fail "findings: the span of each dimension and what the host did" findings.out; fi
expect 0 "findings --variant linux" "$MR" findings --variant linux "$F"
has "no findings against linux" out "No findings."
expect 0 "findings --variant posix" "$MR" findings --variant posix "$F"
has "judged by posix alone" out "judged by: posix"
rejects "findings --variant of no such variant" \
	"$F: no variant 'hurd' in this report (it has: netbsd-5.1,aix,svr4,posix,linux,freebsd,netbsd,openbsd,macos,illumos)" \
	"$MR" findings --variant hurd "$F"
rejects "findings of an expected report" \
	"$DATA/tiny-posix.report: findings are the deviations of an observed report; this is the expected report of posix" \
	"$MR" findings "$DATA/tiny-posix.report"
expect 0 "findings -o" "$MR" findings -o f.txt "$F"
same "findings -o writes what stdout would get" findings.out f.txt

id=fileshared__SI__page__unlocked__enospc
expect 0 "explain from the table" "$MR" explain $id
if [ "$(sed -n 1p out)" = "case $id" ] &&
   grep -q '^  msync(m, p): one aligned page, MS_SYNC|MS_INVALIDATE, on ' out &&
   [ "$(grep -cE '^  [a-z0-9.-]+ \((document|implementation)\) ' out)" = \
     "$(awk -F"$tab" 'NR == 1 { print NF - 1; exit }' %%BUILDDIR%%/t/expectations.tsv)" ]
then ok "explain: description and every variant"
else fail "explain: description and every variant" out; fi
expect 0 "explain from a report" "$MR" explain $id "$F"
if grep -q '^  observed  ENOSPC (kyua: failed): msync failed with ENOSPC$' out &&
   grep -q '^  netbsd-5.1 (document) expects EIO: contradicted$' out &&
   grep -q '^  linux (implementation) expects ENOSPC: matched$' out &&
   grep -q '^      t/variants/netbsd-5.1.tbl:[0-9]*: ' out
then ok "explain: observed, evidence, verdicts and citations"
else fail "explain: observed, evidence, verdicts and citations" out; fi
rejects "explain of an unknown case" \
	"no case 'nosuch' in the table (a case id is MAPPING__FLAGS__RANGE__LOCK[__CHECK], e.g. fileshared__S__page__unlocked, or kyua's PROGRAM:ID)" \
	"$MR" explain nosuch
rejects "explain of a misspelt id: did you mean" \
	"no case 'fileshared__S__page__unlockd' in the table (a case id is MAPPING__FLAGS__RANGE__LOCK[__CHECK], e.g. fileshared__S__page__unlocked, or kyua's PROGRAM:ID); did you mean fileshared__S__page__unlocked, fileshared__AS__page__unlocked, fileshared__A__page__unlocked?" \
	"$MR" explain fileshared__S__page__unlockd
rejects "explain of an id short of its last dimensions: did you mean" \
	"no case 'fileshared__A__page' in the table (a case id is MAPPING__FLAGS__RANGE__LOCK[__CHECK], e.g. fileshared__S__page__unlocked, or kyua's PROGRAM:ID); did you mean fileshared__A__page__unlocked, fileshared__A__page__unlocked__async, fileshared__A__page__unlocked__mtimefault?" \
	"$MR" explain fileshared__A__page
prog=$("$MR" explain $id | sed -n 's/^  kyua      \([a-z0-9_]*_test\):.*/\1/p')
expect 0 "explain takes kyua's PROGRAM:ID" "$MR" explain "$prog:$id" "$F"
if [ -n "$prog" ] && [ "$(sed -n 1p out)" = "case $id" ] &&
   grep -q '^  observed  ENOSPC ' out &&
   grep -q "^  kyua      $prog:$id (kyua debug $prog:$id runs it alone)\$" out &&
   grep -qx "  reproduce $MR reproduce $id" out &&
   grep -q '^  needs     the witness filesystem: FUSE ' out; then
	ok "explain: kyua's id, the case's program, its needs and reproducer"
else fail "explain: kyua's id, the case's program, its needs and reproducer" out; fi
rejects "explain: a kyua id of the wrong program" \
	"case $id is in test program $prog, not fileshared_mlock_test (its kyua id: $prog:$id)" \
	"$MR" explain "fileshared_mlock_test:$id"
expect 0 "explain of every case of a report" sh -c "
	for c in \$(grep -v '^#' '$F' | cut -f1); do
		'$MR' explain \$c '$F' > /dev/null || exit 1; done"

expect 1 "compare --cite" "$MR" compare --cite "$F" "$DATA/tiny-posix.report"
if grep -q "^  posix expects " out &&
   grep -q "^      t/variants/posix.tbl:[0-9]*: " out; then
	ok "compare --cite: each group's expectations and citations"
else fail "compare --cite: each group's expectations and citations" out; fi

### The HTML page, in a real browser

expect 0 "summary --html" "$MR" summary --html one.html "$F"
same "summary --html prints the summary too" fsum out
if [ "$(grep -o '<li id="case-' one.html | wc -l)" = "$nfound" ]; then
	ok "the one-report page shows its findings"
else fail "the one-report page shows its findings" one.html; fi
# The summary table's cells: "variant matched contradicted silent match".
cells() {
	sed -n 's/.*data-r="'"$2"'" data-v="\([^"]*\)"><b>\([^<]*\)<\/b><small>\([0-9]*\) [^0-9]* \([0-9]*\) [^0-9]* \([0-9]*\)<\/small>.*/\1 \3 \4 \5 \2/p' "$1" |
		sed 's/<\/td>.*//'
}
# Split the rows of the summary table into one cell per line first.
percell() { sed 's/<td/\n<td/g' "$1"; }
sumrows() {
	awk '/^variant / { on = 1; next } on && NF == 5 { print $1, $2, $3, $4, $5 }
	     on && NF == 0 { exit }' "$1"
}
percell one.html > one.cells
cells one.cells 1 > got
sumrows fsum > want
same "the page's summary numbers are summary's" want got

browser=$(command -v chromium || command -v chromium-browser || true)
# Chromium makes a Unix socket in TMPDIR, whose path may hold 107 bytes:
# kyua's work directory under a build tree's TMPDIR is longer than that
# (/check/work/main/_work/portability/clang/tmp/kyua.nP4klE/3543/work/...
# ends it with "Socket path too long"), so the profile and TMPDIR are in /tmp.
chrome() {
	prof=$(mktemp -d /tmp/msync-report-chrome.XXXXXX)
	TMPDIR=$prof timeout 300 "$browser" --headless --no-sandbox --disable-gpu \
		--disable-quic --no-first-run \
		--disable-background-networking \
		--disable-component-update --disable-sync \
		--user-data-dir="$prof" --window-size=1400,1000 "$@" \
		2> chrome.err
	st=$?
	rm -rf "$prof"
	return $st
}
if [ -z "$browser" ]; then
	for _ in 1 2 3 4; do
		skip "html in a browser: no chromium (Debian: apt-get install chromium)"
	done
else
	"$MR" compare --html three.html "$F" "$DATA/findings.report" \
		"$DATA/tiny-posix.report" > /dev/null
	chrome --dump-dom "file://$tmp/one.html" > one.dom
	if grep -q '</main>' one.dom && grep -q 'data-v="posix"' one.dom; then
		ok "html: chromium renders the page"
	else fail "html: chromium renders the page" one.dom chrome.err; fi
	percell one.dom > dom.cells
	cells dom.cells 1 | sed 's/ *$//' > got
	same "html: the numbers chromium shows are summary's" want got
	chrome --dump-dom "file://$tmp/three.html" > three.dom
	"$MR" summary "$DATA/tiny-posix.report" > psum
	sumrows psum > want3
	percell three.dom > dom3.cells
	cells dom3.cells 3 > got3
	same "html: each report's column holds its summary" want3 got3
	chrome --screenshot="$tmp/shot.png" "file://$tmp/three.html" \
		> /dev/null
	if [ "$(head -c 8 shot.png | od -An -tx1 | tr -d ' \n')" = \
	     89504e470d0a1a0a ] && [ "$(wc -c < shot.png)" -gt 10000 ]; then
		ok "html: a 1400x1000 screenshot"
	else fail "html: a 1400x1000 screenshot" chrome.err; fi
fi

### values: what every value means, from the table

expect 0 "values" "$MR" values
check "$(sed '/^severity: /,$d' out | grep -c '^  [A-Za-z0-9]* ')" \
	"$(grep -c '^value ' "%%SRCDIR%%/t/cases.tbl")" "values: every value of the table"
check "$(sed -n '/^severity: /,$p' out | grep -c '^  [0-9]* [a-z]* ')" \
	"$(grep -c '^severity ' "%%SRCDIR%%/t/cases.tbl")" "values: every severity class"
expect 0 "values of some values" "$MR" values lenpp1 forkshared mtimeredirty
text=$(sed -n 's/^value range lenpp1 [^"]*"\(.*\)"$/\1/p' "%%SRCDIR%%/t/cases.tbl")
if grep -qxF "  lenpp1         $text" out && grep -q '^  forkshared ' out &&
   grep -q '^check: .*(optional: ids leave out its first value)$' out &&
   [ "$(grep -c '^  ' out)" = 3 ]; then
	ok "values: a value's line of the table, under its dimension"
else fail "values: a value's line of the table, under its dimension" out; fi
rejects "values of no such value" \
	"no dimension, value or severity class 'lenpp2' in this msync-report's table (msync-report values lists them)" \
	"$MR" values lenpp2

### The committed reports: findings to act on, one grouping, known differences

RES=%%SRCDIR%%/results
X=$RES/linux-x86_64-ext4.report
"$MR" values severity | sed -n 's/^  [0-9]* [a-z]* *\([^:]*\): .*/\1/p' > classes
"$MR" findings "$X" > x.findings
"$MR" summary --html x.html "$X" > /dev/null
ngroups=$(sed -n 's/^cases with an outcome: .* findings in \([0-9]*\) groups*$/\1/p' x.findings)
nfound=$(sed -n 's/^cases with an outcome: .* + \([0-9]*\) findings in .*/\1/p' x.findings)
# "N<TAB>CLASS<TAB>CASES" of each block, and of each index line.
sed -n 's/^Finding \([0-9]*\) \[\([^]]*\)\]: \([0-9]*\) cases*, .*/\1\t\2\t\3/p' \
	x.findings > blocks
awk '/^Index: / { on = 1; next } on && /^$/ { exit } on { print }' x.findings > index
check "$(wc -l < index | tr -d ' ') $(wc -l < blocks | tr -d ' ')" \
	"$ngroups $ngroups" "findings: an index line and a block for each group"
i=0; bad=""
while IFS="$tab" read -r n cls cases; do
	i=$((i + 1))
	line=$(sed -n "${i}p" index)
	case $line in
	*" $n  $cls "*" $cases  observed "*) ;; *) bad="$bad $n" ;;
	esac
	[ "$n" = "$i" ] || bad="$bad $n"
done < blocks
check "$bad" "" "findings: the index numbers, classes and counts are the blocks'"
awk -F"$tab" -v want="$nfound" 'NR == FNR { rank[$0] = FNR; next }
	{ r = ($2 in rank) ? rank[$2] : 99; sum += $3
	  if (r < last || (r == last && $3 > lastn)) bad = bad " " $1
	  last = r; lastn = $3 }
	END { if (sum != want) bad = bad " sum=" sum; print bad }' classes blocks > order
check "$(cat order)" "" "findings: most severe class first, then largest, every finding in one"
first=$(sed -n '1s/^[0-9]*\t\([^\t]*\)\t.*/\1/p' blocks)
case $first in
"$(sed -n 1p classes)"|"$(sed -n 2p classes)") ok "findings of x86_64 start with data loss or stale data ($first)" ;;
*) fail "findings of x86_64 start with data loss or stale data, not $first" blocks ;;
esac
# The page's groups: the same numbers, classes and cases, each case once.
sed -n 's/.*<section class="g[^"]*" id="g\([0-9]*\)"><h3><a class="n" href="#g[0-9]*">[0-9]*<\/a><span class="sev s[x0-9]*">\([^<]*\)<\/span> <b>\([0-9]*\) cases*<\/b>.*/\1\t\2\t\3/p' \
	x.html > page.groups
same "findings and the page: the same numbered groups" blocks page.groups
awk '/<section class="g/ { match($0, /id="g[0-9]*"/); g = substr($0, RSTART + 5, RLENGTH - 6) }
	{ s = $0; while (match(s, /<li id="case-[^"]*"/)) {
		print g "\t" substr(s, RSTART + 13, RLENGTH - 14); s = substr(s, RSTART + RLENGTH) } }' \
	x.html > page.cases
check "$(cut -f2 page.cases | sort -u | wc -l | tr -d ' ')" "$nfound" \
	"the page: every finding once, with its #case-ID anchor"
# matches (all) and (some) of each group, from the report's own rows.
vars=$(sed -n 's/^# variants\t//p' "$X")
awk -F"$tab" -v vars="$vars" 'NR == FNR { g[$2] = $1; next }
	/^#/ || !($1 in g) { next }
	{ k = g[$1]; n[k]++; if (k > ng) ng = k
	  c = split($4, v, ","); for (i = 1; i <= c; i++) m[k, v[i]]++ }
	END { nv = split(vars, name, " ")
	  for (k = 1; k <= ng; k++) {
		all = ""; some = ""
		for (i = 1; i <= nv; i++) {
			x = m[k, name[i]] + 0
			if (x == n[k]) all = all (all == "" ? "" : ", ") name[i]
			else if (x > 0) some = some (some == "" ? "" : ", ") name[i] " " x "/" n[k]
		}
		print "(all) " (all == "" ? "none" : all) (some == "" ? "" : "; (some) " some)
	  } }' page.cases "$X" > want.matches
sed -n 's/^  matches   //p' x.findings > got.matches
same "findings: matches (all) and (some) with their counts, from the report" \
	want.matches got.matches
# The example: a case of its group, no exception; both commands as they run.
sed -n 's/^  e\.g\.      //p' x.findings > examples
sed -n 's/^  reproduce //p' x.findings > repros
bad=""; k=0
while read -r cmd; do
	k=$((k + 1))
	id=$(printf '%s\n' "$cmd" | awk '{ print $3 }')
	all=$(sed -n "${k}s/^(all) \([^;]*\).*/\1/p" got.matches | sed 's/, /,/g')
	[ "$all" = none ] && all=-
	grep -qx "$k$tab$id" page.cases || bad="$bad $k:not-in-group"
	[ "$(grep "^$id$tab" "$X" | cut -f4)" = "$all" ] || bad="$bad $k:exception"
	[ "$cmd" = "$MR explain $id $X" ] || bad="$bad $k:command"
	[ "$(sed -n "${k}p" repros)" = "$MR reproduce $id" ] || bad="$bad $k:reproduce"
	eval "$cmd" > ran 2>&1 && [ "$(sed -n 1p ran)" = "case $id" ] ||
		bad="$bad $k:runs"
	eval "$(sed -n "${k}p" repros)" > r.c 2>&1 &&
		grep -qx "static const char case_id\[\] = \"$id\";" r.c ||
		bad="$bad $k:reproduce-runs"
done < examples
check "$bad" "" "findings: each example is a case of its group matched by its (all) variants; explain and reproduce run as printed"
# Judged by one variant, the reproducer is judged by it too.
"$MR" findings --variant linux "$RES/linux-gvisor-runsc.report" > g.findings
sed -n 's/^  reproduce //p' g.findings > g.repros
bad=""
while read -r cmd; do
	id=${cmd##* }
	[ "$cmd" = "$MR reproduce --variant linux $id" ] || bad="$bad $id:command"
	eval "$cmd" > r.c 2>&1 && grep -q '^static const char verdict\[\] = "linux ' r.c ||
		bad="$bad $id:runs"
done < g.repros
if [ -s g.repros ] && [ -z "$bad" ]; then
	ok "findings --variant linux: the reproducer is judged by linux ($(wc -l < g.repros | tr -d ' ') groups of gVisor's)"
else fail "findings --variant linux: the reproducer is judged by linux:$bad" g.findings; fi
if [ "$(sed -n 's/^\([0-9]*\)\t.*/\1/p' blocks | tail -n 1)" = "$(wc -l < examples | tr -d ' ')" ]
then ok "findings: an example and a reproducer a group"
else fail "findings: an example and a reproducer a group" x.findings; fi

# compare: grouped like findings, known differences marked.
A=$RES/linux-aarch64-qemu.report S=$RES/linux-sparc64-qemu.report
expect 1 "compare aarch64 and sparc64" "$MR" compare "$A" "$S"
cp out as.out
ndiff=$(sed -n 's/^# \([0-9]*\) of [0-9]* cases differ$/\1/p' as.out)
sum=$(sed -n 's/^Group [0-9]* \[[^]]*\]: \([0-9]*\) cases*$/\1/p' as.out |
	awk '{ s += $1 } END { print s + 0 }')
if [ "$sum" = "$ndiff" ] && ! grep -q "^[a-z][a-z0-9_]*__[^ ]*$tab" as.out &&
   [ "$(wc -l < as.out)" -lt $((ndiff * 2)) ]; then
	ok "compare: $ndiff rows in groups, no row dump ($(wc -l < as.out | tr -d ' ') lines)"
else fail "compare: $ndiff rows in groups, no row dump" as.out; fi
"$MR" compare --rows "$A" "$S" > rows.out
check "$(grep -c "^[a-z][a-z0-9_]*__[^ ]*$tab" rows.out)" "$ndiff" \
	"compare --rows: every row under its group"
has "compare: the known differences it read" as.out "# known differences: $RES/known.tsv"
if grep -qxE "# known: $ndiff of $ndiff rows \(known-2 133, known-3 108\)" as.out; then
	ok "compare: every row explained (results/README.md groups 2 and 3)"
else fail "compare: every row explained (results/README.md groups 2 and 3)" as.out; fi
"$MR" compare --cite "$A" "$S" > cite.out
awk '/^Group / { delete seen; next }
	/^      t\/variants\// { if ($0 in seen) d++; seen[$0] = 1; n++ }
	END { print n + 0, d + 0 }' cite.out > cites.count
read -r ncites dups < cites.count
if [ "$ncites" -gt 0 ] && [ "$dups" = 0 ] &&
   [ "$(wc -l < cite.out)" -lt $((ndiff * 8)) ]; then
	ok "compare --cite: a citation once a group ($(wc -l < cite.out | tr -d ' ') lines)"
else fail "compare --cite: a citation once a group ($ncites, $dups repeated)" cite.out; fi
"$MR" compare "$RES/expected-posix.report" "$X" > out
has "compare: the expected reports last" out \
	"# 1 = $X ($(sed -n 's/^# 1 = [^(]*(\(.*\))$/\1/p' out))"
# Every committed report's rows differing from x86_64's are explained, by
# the groups results/README.md counts.
: > known.counts
bad=""
for f in "$RES"/linux-*.report; do
	n=$(basename "$f" .report)
	"$MR" compare "$X" "$f" > k.out
	d=$(sed -n 's/^# \([0-9]*\) of .*/\1/p' k.out)
	[ "$d" = 0 ] && continue
	grep -q "^# known: $d of $d rows (" k.out || bad="$bad $n"
	sed -n 's/^# known: [0-9]* of [0-9]* rows (\(.*\))$/\1/p' k.out |
		tr ',' '\n' | sed "s/^ *\(known-[0-9a-z]*\) \([0-9]*\)\$/$n \1 \2/" >> known.counts
	sed -n 's/^| `'"$n"'`.* | \([0-9][^|]*\) |$/\1/p' "$RES/README.md" |
		sed 's/ = /\n/; s/ + /\n/g' > readme.differ
	want=$(sed -n '1s/^\([0-9]*\).*/\1/p' readme.differ)
	[ "$want" = "$d" ] || bad="$bad $n:$d!=$want"
	sed -n -e '2,$s/^(\([0-9]*\)) \([0-9]*\)$/known-\1 \2/p' \
	    -e '2,$s/^(\([0-9]*\))$/known-\1 '"$d"'/p' readme.differ > w
	grep -v '^'"$n"' known-fs ' known.counts | sed -n "s/^$n //p" > g
	[ ! -s w ] || cmp -s w g || bad="$bad $n:groups"
done
check "$bad" "" "compare: every row of every committed report explained, per report as results/README.md's targets table counts"
# results/README.md's table of groups against results/known.tsv.
awk -F' [|] ' '/^[|] [0-9]+ [|] / { sub(/^[|] /, ""); print $1 "\t" $2 "\t" $4 "\t" $5 }' \
	"$RES/README.md" > readme.groups
bad=""
while IFS="$tab" read -r pat rep cls text link; do
	case $pat in '#'*|'') continue ;; esac
	g=${link##*#known-}
	grep -q "^<a id=\"known-$g\"></a>\$" "$RES/README.md" || bad="$bad anchor-$g"
	[ "$g" = fs ] && continue
	row=$(awk -F"$tab" -v g="$g" '$1 == g' readme.groups)
	case $row in *"\`$pat\`"*) ;; *) bad="$bad pattern-$g" ;; esac
	kind=$(printf '%s\n' "$row" | cut -f4)
	case $kind in "$cls"|"$cls ("*) ;; *) bad="$bad class-$g" ;; esac
	[ -n "$text" ] && [ -n "$rep" ] || bad="$bad text-$g"
done < "$RES/known.tsv"
while IFS="$tab" read -r g rows _; do
	n=${rows%% *}
	[ "$n" = 0 ] && continue
	counts=$(awk -v k="known-$g" '$2 == k { print $3 }' known.counts | sort -u)
	[ "$counts" = "$n" ] || bad="$bad rows-$g($counts)"
done < readme.groups
check "$bad" "" "results/README.md's groups: anchors, patterns, kinds and rows as results/known.tsv and compare say"
# Reasons compared as facts: the harness line a reason names and the C
# library's wording of an errno do not count; the errno itself does.
sed 's|(Cannot allocate memory) (lib/map_huge.c:[0-9]*)|(Out of memory) (lib/map_huge.c:9)|' "$X" > wording.report
sed 's|ENOMEM (Cannot allocate memory) (lib/map_huge.c|EAGAIN (Cannot allocate memory) (lib/map_huge.c|' "$X" > errno.report
w=$(grep -c 'Out of memory) (lib/map_huge.c:9)' wording.report)
"$MR" compare "$X" wording.report > wording.out
"$MR" compare "$X" errno.report > errno.out
if [ "$w" -gt 0 ] && grep -qx '# 0 of [0-9]* cases differ' wording.out &&
   grep -qx "# \{0,1\}$w of [0-9]* cases differ.*" errno.out; then
	ok "compare: skip reasons that differ in strerror()'s wording or the line only are the same; another errno differs ($w rows)"
else fail "compare: skip reasons as facts ($w rows)" wording.out errno.out; fi

### Pages worth opening: the 20 committed reports, and x86_64's findings

set -- "$RES"/*.report
"$MR" compare --html all.html "$@" > all.out
size=$(wc -c < all.html | tr -d ' ')
if [ "$size" -lt 2000000 ]; then ok "html: the page of the $# committed reports is small ($size bytes)"
else fail "html: the page of the $# committed reports is $size bytes"; fi
if ! grep -q '[0-9]: [^ <]*&#183; [0-9]*: ' all.html &&
   [ "$(grep -c '<section class="g' all.html)" = \
     "$(sed -n 's/^[0-9]* of [0-9]* cases differ, in \([0-9]*\) groups.*/\1/p' all.out)" ]
then ok "html: the compare page has the text's groups, with readable headers"
else fail "html: the compare page has the text's groups, with readable headers" all.out; fi
sed -n 's/.*<section class="g[^"]*" id="g\([0-9]*\)"><h3><a class="n" href="#g[0-9]*">[0-9]*<\/a><span class="sev s[x0-9]*">\([^<]*\)<\/span> <b>\([0-9]*\) cases*<\/b>.*/\1\t\2\t\3/p' \
	all.html > all.groups
sed -n 's/^Group \([0-9]*\) \[\([^]]*\)\]: \([0-9]*\) cases*$/\1\t\2\t\3/p' all.out > want.groups
same "html: the compare page numbers its groups as the text does" want.groups all.groups
if grep -Eiq 'src=|href="[^#]|url\(|@import|<script|<link|="https?:' all.html x.html
then fail "html: the pages fetch nothing and run nothing"
else ok "html: the pages fetch nothing and run nothing"; fi

# Laid out by chromium at 1920, 1280 and 390 px wide: a test page (not the
# report's: that holds no script) loads both pages in frames of each width
# and measures them.
if [ -z "$browser" ]; then
	for _ in 1 2 3 4 5 6 7; do
		skip "html laid out in a browser: no chromium (Debian: apt-get install chromium)"
	done
else
	cat > measure.html <<'EOF'
<!DOCTYPE html><html><body><pre id="out"></pre><script>
var pages = ["x.html", "all.html"], widths = [1920, 1280, 390], left = 6;
function measure(f, page, w) {
  var d = f.contentDocument, win = f.contentWindow, o = [], clip = 0, ell = 0;
  d.querySelectorAll("ol.ids li, table.heads th, section.g h3, table.cells td, p.facts").forEach(function (e) {
    if (e.scrollWidth > e.clientWidth + 1) clip++;
    if (win.getComputedStyle(e).textOverflow === "ellipsis") ell++;
  });
  var hd = d.querySelector("header"), heads = [];
  d.querySelectorAll("table.heads th b").forEach(function (e) { heads.push(e.textContent); });
  o.push(page + " " + w + " inner " + win.innerWidth);
  o.push(page + " " + w + " clipped " + clip);
  o.push(page + " " + w + " ellipsis " + ell);
  o.push(page + " " + w + " overflow " + Math.max(0, d.documentElement.scrollWidth - win.innerWidth));
  o.push(page + " " + w + " header " + hd.innerText.replace(/\s+/g, " "));
  o.push(page + " " + w + " heads " + heads.join(" "));
  o.push(page + " " + w + " groups " + d.querySelectorAll("section.g").length);
  o.push(page + " " + w + " cases " + d.querySelectorAll("ol.ids li[id^='case-']").length);
  document.getElementById("out").textContent += o.join("\n") + "\n";
  if (--left === 0) document.getElementById("out").textContent += "done\n";
}
pages.forEach(function (p) { widths.forEach(function (w) {
  var f = document.createElement("iframe");
  f.width = w; f.height = 900; f.src = p;
  f.onload = function () { measure(f, p, w); };
  document.body.appendChild(f);
}); });
</script></body></html>
EOF
	chrome --allow-file-access-from-files --virtual-time-budget=60000 \
		--dump-dom "file://$tmp/measure.html" > measure.dom
	sed -n '/<pre id="out">/,/<\/pre>/p' measure.dom |
		sed 's/<[^>]*>//g; s/&amp;/\&/g' > measured
	if grep -qx 'done' measured; then ok "html: laid out at 1920, 1280 and 390 px"
	else fail "html: laid out at 1920, 1280 and 390 px" measured chrome.err; fi
	check "$(awk '$3 == "inner" { print $1, $2, $4 }' measured | sort | tr '\n' ' ')" \
		"all.html 1280 1280 all.html 1920 1920 all.html 390 390 x.html 1280 1280 x.html 1920 1920 x.html 390 390 " \
		"html: each frame as wide as asked"
	# 6 frames, 3 measures each: none missing, every one 0.
	check "$(awk '$3 == "clipped" || $3 == "ellipsis" || $3 == "overflow" { n++; if ($4 != 0) print } END { if (n != 18) print n " of 18 measures" }' measured)" "" \
		"html: full ids and headers at every width: nothing clipped, no ellipsis, no page wider than the window"
	release=$(sed -n 's/^# release\t//p' "$X")
	libc=$(sed -n 's/^# libc\t//p' "$X")
	page=$(sed -n 's/^# pagesize\t//p' "$X")
	bad=""
	for w in 1920 1280 390; do
		grep -q "^x.html $w header .*$release .*$libc .*page $page " measured ||
			bad="$bad $w"
	done
	check "$bad" "" "html: the tested system's facts in the header, at every width"
	heads=$(sed -n 's/^all.html 1920 heads //p' measured)
	case $heads in
	*expected-*linux-*) fail "html: the expected reports' columns last: $heads" ;;
	*linux-*expected-aix*expected-svr4) ok "html: the expected reports' columns last" ;;
	*) fail "html: the expected reports' columns last: $heads" ;;
	esac
	check "$(awk '$3 == "groups" { print $1, $4 }' measured | sort -u | tr '\n' ' ')" \
		"all.html $(wc -l < all.groups | tr -d ' ') x.html $ngroups " \
		"html: chromium shows the text's groups on both pages"
	check "$(awk '$1 == "x.html" && $3 == "cases" { print $4 }' measured | sort -u)" \
		"$nfound" "html: chromium shows every finding's case"
fi

### The manual page

man=%%SRCDIR%%/man/msync-report.1
missing=""
for c in summary findings explain values compare expected; do
	grep -q "^\.Cm $c\$" "$man" || missing="$missing $c"
done
if [ -z "$missing" ]; then ok "msync-report(1) has every command"
else fail "msync-report(1) lacks:$missing"; fi
# msync-conformance(7)'s lists are the generator's (t/man-lists.mdoc, put
# in by man/page.awk); the compiled table (msync-report values) must say the
# same, value by value.
page=%%BUILDDIR%%/man/msync-conformance.7
"$MR" values | awk '/^  / { sub(/^  ([0-9]+ )?/, ""); n = $1; sub(/^[^ ]+ +/, ""); print n "\t" $0 }' > values.txt
awk '/^\.Ss mapping$/ { on = 1 } on && /^\.Sh / { exit }
    on && /^\.It Cm / { n = $3; getline; print n "\t" $0 }' "$page" > values.man
same "msync-conformance(7) VALUES: every value's meaning and the classes, as msync-report values says them" \
	values.txt values.man
check "$(grep -c '^variant ' %%SRCDIR%%/t/cases.tbl %%SRCDIR%%/t/variants/*.tbl | awk -F: '{ n += $2 } END { print n }')" \
	"$(sed -n '/^\.Sh VARIANTS$/,/^\.Sh /p' "$page" | grep -c '^\.Cm ')" \
	"msync-conformance(7) VARIANTS: every variant of the table"
if command -v groff >/dev/null 2>&1; then
	if LC_ALL=C groff -mandoc -Tutf8 -ww -z "$man" \
		"$page" > groff.err 2>&1 &&
	   [ ! -s groff.err ]; then ok "the manual pages format without warnings"
	else fail "the manual pages format without warnings" groff.err; fi
else
	skip "the manual pages format without warnings: no groff"
fi

### What kyua really stores

if [ -n "$KYUA" ] && [ -x "$KYUA" ]; then
	cat > Kyuafile <<EOF
syntax(2)
test_suite("msync")
atf_test_program{name="fake_cases"}
EOF
	day1=$(date -u +%Y-%m-%d)
	for run in 1 2; do
		"$KYUA" --config=none --logfile=kyua$run.log test \
			--kyuafile=Kyuafile --build-root="$BUILD" \
			--results-file="$tmp/run$run.db" > kyua$run.out 2>&1
		echo $? > kyua$run.status
	done
	day2=$(date -u +%Y-%m-%d)
	if [ "$(cat kyua1.status)" = 1 ]; then ok "kyua ran the fake cases"
	else fail "kyua ran the fake cases" kyua1.out; fi
	expect 0 "report of a real kyua run" "$MR" run1.db
	mv out run1.report
	"$MR" run2.db > run2.report
	if [ "$day1" = "$day2" ]; then
		same "two runs on one day give the same report" run1.report \
			run2.report
	else
		skip "two runs on one day give the same report: midnight"
	fi
	if grep -Eq "^# date$tab($day1|$day2)\$" run1.report; then
		ok "the date is the run's"
	else fail "the date is the run's" run1.report; fi
	mask run1.report | sed "s/^# date$tab.*/# date$tab*/" > masked
	same "report of a real kyua run" "$DATA/fake.report" masked
	sh "%%SRCDIR%%/scripts/kyua-counts" -r run1.db > counts
	cat > want <<EOF
kyua: 1 passed, 2 failed, 1 skipped, 2 broken, 0 expected failures (6 cases)
  1 skipped: no anonymous shared mappings here
  1 broken: Premature exit; test case exited with code 3
  1 broken: mmap of the file under test: ENODEV (No such device) (map_file.c:40)
EOF
	same "kyua-counts -r: every kind apart, and the reasons" want counts
	"$KYUA" --config=none --logfile=kyua3.log -v test_suites.msync.allbroken=yes \
		test --kyuafile=Kyuafile --build-root="$BUILD" \
		--results-file="$tmp/broke.db" > kyua3.out 2>&1
	expect 0 "report of a real run where every case broke" "$MR" broke.db
	cp out broke.report
	has "its variants from the titles" broke.report "# variants${tab}doc impl quiet"
	check "$(grep -c "${tab}-${tab}broken${tab}-${tab}-${tab}-${tab}mount(MS_REC|MS_SLAVE) of the witness: Invalid argument (witness_session.c:77)\$" broke.report)" \
		6 "every case broken by the harness, with its reason"
	sh "%%SRCDIR%%/scripts/kyua-counts" broke.db > counts
	has "kyua-counts: every case broken" counts \
		"kyua: 0 passed, 0 failed, 0 skipped, 6 broken, 0 expected failures (6 cases)"
else
	for _ in 1 2 3 4 5 6 7 8 9 10; do skip "real kyua run: kyua not found"; done
fi

### LAVA logs (msync-report lava) and KCIDB (msync-report kcidb)

# yq TEXT: TEXT as a YAML double-quoted scalar, as LAVA's logger writes it.
yq() { printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e "s/$tab/\\\\t/g")"; }
# line LVL MSG: one log line whose msg is the string MSG.
line() { printf '{"dt": "2026-12-06T10:00:00.000000", "lvl": "%s", "msg": %s}\n' "$1" "$(yq "$2")"; }
# result DEF CASE RESULT [SET]
result() {
	printf '{"dt": "2026-12-06T10:00:01.000000", "lvl": "results", "msg": {"case": "%s", "definition": "%s", "result": "%s"%s}}\n' \
		"$2" "$1" "$3" "${4:+, \"set\": \"$4\"}"
}
# lavalog REPORT: the log of a job of lava/msync.yaml that carried REPORT,
# with LAVA's results of every case.
lavalog() {
	line info "start: 0 validate"
	line target "msync-lava: kyua exited 1 after 240 s$(printf '\r')"
	result lava validate pass
	line target "msync-lava: report begin $(wc -l < "$1" | tr -d ' ') $(cksum < "$1" | cut -d' ' -f1)"
	while IFS= read -r l; do line target "msync| $l"; done < "$1"
	line target "msync-lava: report end"
	awk -F'\t' '!/^#/ { r = $3 == "passed" || $3 == "expected_failure" ? "pass" : $3 == "skipped" ? "skip" : "fail"; print $1, r }' "$1" |
	while read -r id r; do result 1_msync "$id" "$r" prog_test; done
	result lava 1_msync pass
	printf '{"dt": "2026-12-06T10:00:02.000000", "lvl": "results", "msg": {"case": "job", "definition": "lava", "result": "pass", "duration": ! "581"}}\n'
}
lavalog mini.report > job.log
expect 0 "lava: the report a job's log carries" "$MR" lava -o lava.report --cases lava.cases job.log
same "lava: the report is the one the device sent" mini.report lava.report
has "lava: LAVA's counts" err "LAVA: 3 pass, 4 fail, 1 skip (8 test cases of 1_msync; LAVA's own 3 cases passed)"
has "lava: kyua's counts" err "kyua: 2 passed, 2 failed, 1 skipped, 2 broken, 1 expected failures (8 cases)"
has "lava: the per-case results" lava.cases "prog_test${tab}filero__SS__page__unlocked${tab}pass"
has "lava: the per-case results' end" lava.cases "# end${tab}8"
sed 's/^/- /' job.log > server.log
expect 0 "lava: a server's copy of the log" "$MR" lava server.log
same "lava: the same report from a server's copy" mini.report out
awk '/msync\| fileshared__SA/ { sub(/mtime updated/, "mtime updatex") } { print }' job.log > damaged.log
expect 2 "lava: a damaged report line is refused" "$MR" lava damaged.log
if grep -q "arrived damaged" err; then ok "lava: it says the report arrived damaged"
else fail "lava: it says the report arrived damaged" err; fi
awk '/msync\| # end/ { print "{\"dt\": \"x\", \"lvl\": \"target\", \"msg\": \"[  12.345678] a kernel message\"}" } { print }' job.log > noisy.log
expect 0 "lava: a console line between the report's lines is not the report's" "$MR" lava noisy.log
same "lava: the report read through the noise" mini.report out
grep -v '"case": "fileshared__SA__page__unlocked"' job.log > missing.log
rejects "lava: a case LAVA did not record" \
	"missing.log: 7 test cases of 1_msync, but the report has 8 cases" "$MR" lava missing.log
sed '/"case": "anonshared__SA__page__unlocked"/s/"skip"/"pass"/' job.log > wrong.log
if "$MR" lava wrong.log > out 2> err; then fail "lava: a result that is not the verdict's" err
elif grep -q "anonshared__SA__page__unlocked: LAVA says pass, the report skipped (skip)" err; then
	ok "lava: a result that is not the verdict's"
else fail "lava: a result that is not the verdict's" err; fi
sed '/"case": "1_msync", "definition": "lava"/s/"pass"/"fail"/' job.log > died.log
if "$MR" lava died.log > out 2> err; then fail "lava: LAVA's own case failed" err
elif grep -q "LAVA's own case lava.1_msync: fail" err; then ok "lava: LAVA's own case failed"
else fail "lava: LAVA's own case failed" err; fi
grep -v 'msync-lava: report end' job.log > cut.log
expect 2 "lava: a report without its end marker" "$MR" lava cut.log
grep -v 'msync|\|msync-lava: report' job.log > noreport.log
expect 2 "lava: a log without a report" "$MR" lava noreport.log
{ cat job.log; result 2_other x pass; } > two.log
expect 2 "lava: two definitions need --definition" "$MR" lava two.log
expect 0 "lava: --definition names the suite's" "$MR" lava --definition 1_msync two.log
# The results as a LAVA server exports them (CSV, lava-server's
# testjob_csv), the log without its own results lines.
{ echo "job,suite,result,measurement,unit,duration,timeout,logged,level,metadata,url,name,id,log_start_line,log_end_line"
  grep '"lvl": "results"' job.log | while IFS= read -r l; do
	f() { printf '%s\n' "$l" | sed -n "s/.*\"$1\": \"\\([^\"]*\\)\".*/\\1/p"; }
	c=$(f case) d=$(f definition) r=$(f result) s=$(f set)
	q="'"
	printf '1,%s,%s,None,None,,,2026-12-06 10:00:00,,"{%scase%s: %s%s%s%s}",/results/testcase/1,%s,1,,\n' \
		"$d" "$r" "$q" "$q" "$q" "$c" "$q" "${s:+, ${q}set$q: $q$s$q}" "$c"
  done; } > results.csv
grep -v '"lvl": "results"' job.log > noresults.log
expect 0 "lava --results: the server's CSV export in place of the log's results" \
	"$MR" lava --results results.csv --cases csv.cases noresults.log
same "lava --results: the same report" mini.report out
same "lava --results: the same per-case results" lava.cases csv.cases
expect 2 "lava --results: a CSV that is not LAVA's" "$MR" lava --results "$DATA/tiny.tsv" noresults.log
printf 'not yaml\n' > junk.log
rejects "lava: not a LAVA log" "junk.log:1: not a LAVA log line: not a flow mapping" "$MR" lava junk.log

# A report of real case ids (the table's), and a test program's own row.
{ sed -n '1,/^# columns/p' "%%SRCDIR%%/results/linux-x86_64-ext4.report"
  grep -v '^#' "%%SRCDIR%%/results/linux-x86_64-ext4.report" | grep -E "${tab}(passed|failed|skipped)$tab" | sed -n '1p;400p;3000p'
  printf 'zz_test:__test_cases_list__\t-\tbroken\t-\t-\t-\tthe program did not list its cases\n'
  printf '# end\t4\n'; } > real.report
expect 0 "kcidb: a report as KCIDB JSON" "$MR" kcidb --origin mylab --build-id mylab:b1 real.report
tests=$(grep -c '"path": "msync\.' out)
if [ "$tests" = 4 ]; then ok "kcidb: one test per case"; else fail "kcidb: one test per case ($tests)" out; fi
if grep -q '"path": "msync\.zz_test\.__test_cases_list__", "status": "ERROR"' out; then
	ok "kcidb: a broken case is ERROR, its program from its id"
else fail "kcidb: a broken case is ERROR, its program from its id" out; fi
if grep -Eq '"id": "mylab:b1:msync\.[a-z0-9_]+_test\.[A-Za-z0-9_]+", "build_id": "mylab:b1", "origin": "mylab"' out; then
	ok "kcidb: ids, build and origin as given, the program from the table"
else fail "kcidb: ids, build and origin as given, the program from the table" out; fi
if command -v /usr/bin/python3 >/dev/null 2>&1 && /usr/bin/python3 -c 'import json, sys; json.load(sys.stdin)' < out 2> err; then
	ok "kcidb: valid JSON"
elif [ -x /usr/bin/python3 ]; then fail "kcidb: valid JSON" err
else ok "kcidb: valid JSON # SKIP no python3"; fi
rejects "kcidb: an origin KCIDB refuses" "origin 'My-Lab': KCIDB origins are [a-z0-9_]+" \
	"$MR" kcidb --origin My-Lab real.report
rejects "kcidb: a build id of another origin" "build id 'x:1' does not start with the origin 'msync:'" \
	"$MR" kcidb --build-id x:1 real.report
rejects "kcidb: an expected report holds no results" \
	"$DATA/tiny-posix.report: an expected report (of posix) holds no test results" \
	"$MR" kcidb "$DATA/tiny-posix.report"

plan "$tap_n"
tap_end
