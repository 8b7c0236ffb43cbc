# tests/cli/merge-lib.sh: helpers for the pack/merge scripts t05*.sh (sourced after lib.sh).
# laptops DIR NFILES NINTERVIEWS SEED FIRST: laptop files DIR/laptopNN.db made through the store
# API by bench/laptops.c (until `survey simulate` can make several devices' files).
laptops() {
	if [ ! -x "$TMP/laptops" ]; then
		cc -O1 -std=gnu11 -D_GNU_SOURCE -Isrc bench/laptops.c src/store/store.c \
			src/store/schema.c src/store/interview.c src/store/ids.c src/store/hash.c \
			src/store/forms.c src/store/rows.c src/store/fw_why.c src/util/util.c \
			src/util/termsafe.c src/util/utf8.c \
			src/store/iv_rows.c src/store/iv_record.c src/store/record*.c \
			src/store/form_ops.c src/store/migrate.c \
			$(pkg-config --cflags --libs sqlite3 nettle) \
			-o "$TMP/laptops" || { not_ok "cannot build bench/laptops.c"; exit 1; }
	fi
	mkdir -p "$1"
	"$TMP/laptops" "$@" || { not_ok "cannot make laptop files"; exit 1; }
}

# rows FILE: the interview data of a file (sorted rows of its four tables), as one hash
rows() {
	for t in interviews answers events conflicts; do
		echo "== $t"
		sqlite3 "$1" "SELECT * FROM $t ORDER BY 1, 2"
	done | sha256sum | cut -c1-64
}

# count FILE SQL
count() { sqlite3 "$1" "$2"; }

# mount_tmpfs DIR OPTIONS: a small tmpfs (root only); returns 1 (and says why) if not allowed
MOUNTS=""
mount_tmpfs() {
	mkdir -p "$1"
	if mount -t tmpfs -o "$2" tmpfs "$1" 2>/dev/null; then
		MOUNTS="$1 $MOUNTS"
		return 0
	fi
	return 1
}
trap 'for d in $MOUNTS; do umount "$d" 2>/dev/null; done; rm -rf "$TMP"' EXIT
