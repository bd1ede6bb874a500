# msync-conformance(7) from its text and the lists the case table's
# generator writes (t/man-lists.mdoc: the variants with their titles, the
# values with their meanings, the severity classes):
#   awk -f man/page.awk t/man-lists.mdoc man/msync-conformance.7.in
# Each line of the text that is @DOCUMENTS@, @IMPLEMENTATIONS@ or @VALUES@
# becomes that list; report/cli_test checks the page against msync-report
# values.

FILENAME !~ /\.in$/ {
	if ($0 ~ /^@[A-Z]+@$/) { list = $0; lists[list] = "" }
	else lists[list] = lists[list] $0 "\n"
	next
}
$0 in lists { printf "%s", lists[$0]; next }
{ print }
