# The VALUES section of msync-conformance(7), from what the case table
# says (msync-report values):
#   report/msync-report values | awk -f man/values-mdoc.awk
# report/cli_test checks that the page holds exactly this.
function close_list() { if (open) print ".El"; open = 0 }
/^$/ { next }
/^[a-z]+: / {
	close_list()
	name = $0; sub(/: .*/, "", name)
	what = substr($0, length(name) + 3)
	print ".Ss " name
	print toupper(substr(what, 1, 1)) substr(what, 2) "."
	print ".Bl -tag -width 14n -compact"
	open = 1
	next
}
/^  [0-9]+ / {		# a severity class: rank, name, "title: words"
	sub(/^  [0-9]+ /, "")
	name = $1
	sub(/^[a-z-]+ +/, "")
	print ".It Cm " name
	print
	next
}
/^  / {
	sub(/^  /, "")
	name = $1
	sub(/^[^ ]+ +/, "")
	print ".It Cm " name
	print
	next
}
END { close_list() }
