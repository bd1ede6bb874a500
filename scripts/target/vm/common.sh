# The guest's side of scripts/target/qemu-system and scripts/target/uml
# (sourced after scripts/lib.sh and scripts/target/lib.sh): the settings
# the guest's init (scripts/target/vm/init) reads, the disk that carries
# the native report in and the guest's results out, and the verdict on
# what the guest left there.  The driver has called target_begin and set
# console (the guest's console log).

# guest_conf FILE NAME=VALUE...: the init's settings (MSYNC_NAME, the
# head of scripts/target/vm/init), with MSYNC_TARGET and MSYNC_VARIANT
# (VARIANT, default manuals) first.
guest_conf() {
	_conf=$1
	shift
	{
		echo "MSYNC_TARGET='$me'"
		echo "MSYNC_VARIANT='${VARIANT:-manuals}'"
		for _nv; do echo "MSYNC_${_nv%%=*}='${_nv#*=}'"; done
	} > "$_conf"
}

# make_disk IMG: a fresh 1 GiB ext4 image for the scratch files and the
# results, holding in/native.report (results/linux-x86_64-ext4.report),
# which the guest compares its report with.
make_disk() {
	rm -rf "$1" "$work/disk-in"
	mkdir -p "$work/disk-in/in"
	cp "$top/results/linux-x86_64-ext4.report" "$work/disk-in/in/native.report" 2>/dev/null || true
	truncate -s 1G "$1" || die "cannot create $1"
	step "$work/mkfs.log" mkfs.ext4 -q -F -L msync -d "$work/disk-in" "$1" || die "mkfs.ext4 $1 failed"
}

# guest_results IMG NAME: copies the guest's out/ from the ext4 image into
# the run's directory, without mounting it (debugfs): results.db, the
# report (as NAME.report), compare.txt, the guest's status, facts and
# logs (guest-*).  Dies, saying why, when the run broke: no status, kyua
# failed, no results or no report.
guest_results() {
	for _f in status facts progress.log kyua.log report.log results.db report compare.txt; do
		case $_f in
		results.db|compare.txt) _to=$runs/$_f ;;
		report) _to=$runs/$2.report ;;
		*) _to=$runs/guest-$_f ;;
		esac
		debugfs -R "dump /out/$_f $_to" "$1" >> "$log" 2>&1 || true
		[ -s "$_to" ] || rm -f "$_to"
	done
	if [ ! -f "$runs/guest-status" ]; then
		_why=$(grep 'msync-guest: error:' "$console" 2>/dev/null | tr -d '\r' | tail -n 1)
		die "the guest left no status${_why:+: ${_why#msync-guest: }} (console: $console)"
	fi
	_st=$(cat "$runs/guest-status")
	case $_st in
	"kyua 0"|"kyua 1") ;;
	kyua*) tail -n 20 "$runs/guest-progress.log" 2>/dev/null >&2
	       die "kyua in the guest: $_st (see $runs/guest-progress.log)" ;;
	*) die "guest: $_st (console: $console)" ;;
	esac
	[ -s "$runs/results.db" ] || die "the guest left no results.db"
	say "guest: $(sh "$top/scripts/kyua-counts" "$runs/results.db")"
	[ -s "$runs/$2.report" ] || die "the guest's msync-report wrote no report (see $runs/guest-report.log)"
	kyua_s=$(awk -F'\t' '$1 == "seconds" { print $2 }' "$runs/guest-facts")
	kyua_s=${kyua_s:-0}
	fuse=$(awk -F'\t' '$1 == "dev_fuse" { print $2 }' "$runs/guest-facts")
}
