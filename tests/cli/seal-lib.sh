# tests/cli/seal-lib.sh: helpers for the sealing scripts t11*.sh (sourced after lib.sh).
# keys NAME: NAME.key and NAME.pub in $TMP (survey keygen)
keys() { "$SURVEY" keygen -o "$TMP/$1" >/dev/null 2>&1 || { not_ok "keygen $1"; exit 1; }; }

# keyed_form FILE FORM_ID PUBFILE: a small form (a text and a number) whose settings carry the
# public key (PUBFILE empty: none)
keyed_form() {
	pk=""; [ -n "$3" ] && pk=$(cat "$3")
	cat >"$1" <<MD
| survey |
| | type | name | label |
| | text | secret | Secret |
| | integer | n | N |
| | text | note | Note |

| settings |
| | form_id | version | public_key |
| | $2 | 1 | $pk |
MD
}

# answers_csv FILE PREFIX N: N interviews with unique texts PREFIX-1 ... and fixed UUIDs
answers_csv() {
	echo "secret,n,note,_uuid" >"$1"
	i=1
	while [ "$i" -le "$3" ]; do
		printf '%s-%d,%d,note %s %d,%s\n' "$2" "$i" "$i" "$2" "$i" \
			"$(printf '7a1e0000-0000-4000-8000-%012d' "$((i + ${4:-0}))")" >>"$1"
		i=$((i + 1))
	done
}

# bytes_hold FILE... TEXT: how many of the files' raw bytes (and `strings` of them) hold TEXT
bytes_hold() {
	text=$1; shift; n=0
	for f in "$@"; do
		[ -f "$f" ] || continue
		if grep -q -a -F -- "$text" "$f" || strings -a "$f" | grep -q -F -- "$text"; then
			n=$((n + 1))
		fi
	done
	echo $n
}

# rows FILE: the interview data of a file (sorted rows of its four tables and the sealed
# records), as one hash
seal_rows() {
	for t in interviews answers events conflicts sealed attachments; do
		echo "== $t"
		sqlite3 "$1" "SELECT * FROM $t ORDER BY 1, 2, 3"
	done | sha256sum | cut -c1-64
}
Q() { sqlite3 "$1" "$2"; }
