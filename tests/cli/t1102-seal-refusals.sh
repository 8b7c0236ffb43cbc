# t1102-seal-refusals: a wrong key, a record altered, cut short, moved to another interview or
# with its label changed: unseal says so in one line and leaves the file as it was; merge
# refuses an input whose sealed rows do not hold together (size, SHA-256, types).
. tests/lib.sh
. tests/cli/seal-lib.sh
keys coord
keys other
keyed_form "$TMP/keyed.md" sealtest "$TMP/coord.pub"
answers_csv "$TMP/a.csv" ZEBRAQUOKKA 3
"$SURVEY" import "$TMP/keyed.md" "$TMP/a.csv" --db "$TMP/lap.db" >/dev/null 2>&1
"$SURVEY" pack "$TMP/lap.db" -o "$TMP/good.db" >/dev/null 2>&1 || not_ok "pack"
first=$(Q "$TMP/good.db" "SELECT uuid FROM sealed ORDER BY uuid LIMIT 1")

# refused FILE WHAT REGEX: unseal FILE is refused in one line matching REGEX, FILE unchanged
refused() {
	before=$(sha256sum <"$1")
	run "$SURVEY" unseal "$1" --key "${KEY:-$TMP/coord.key}"
	expect_rc 1 "$2: refused"
	expect_err_lines 1 "$2: one line"
	expect_err "$3" "$2: says why"
	expect_err "nothing was changed|^survey: '" "$2: and that nothing changed"
	expect_eq "$(sha256sum <"$1")" "$before" "$2: the file is unchanged"
	expect_eq "$(Q "$1" "SELECT count(*) FROM interviews")" 0 "$2: nothing was opened"
}
# tamper NAME SQL: a copy of the good file changed by SQL (python's sqlite3: the record is a
# blob), then the content hash pack recorded dropped so only the seal can tell
tamper() {
	cp "$TMP/good.db" "$TMP/$1.db"
	python3 - "$TMP/$1.db" "$2" <<'PY'
import sqlite3, sys, hashlib
db = sqlite3.connect(sys.argv[1])
db.create_function("sha", 1, lambda b: hashlib.sha256(b).hexdigest())
db.create_function("flip", 2, lambda b, i: b[:i] + bytes([b[i] ^ 1]) + b[i + 1:])
db.executescript(sys.argv[2] + "; DELETE FROM meta WHERE key = 'content_sha256';")
db.commit()
PY
}

KEY=$TMP/other.key refused "$TMP/good.db" "another coordinator's key" \
	"interview $first was sealed for another key \(key id [0-9a-f]{16}; '.*other.key' is key [0-9a-f]{16}\)"
run "$SURVEY" unseal "$TMP/good.db" --key "$TMP/coord.pub"
expect_rc 1 "the public key cannot unseal"
expect_err "is not a survey secret key" "saying it is not a secret key"
run "$SURVEY" unseal "$TMP/good.db" --key "$TMP/missing.key"
expect_rc 1 "a missing key file"
expect_err_lines 1 "in one line"
run "$SURVEY" unseal "$TMP/good.db"
expect_rc 2 "unseal without --key is a usage error"

tamper flipped "UPDATE sealed SET record = flip(record, length(record) - 40) WHERE uuid = '$first'; UPDATE sealed SET record_sha256 = sha(record)"
refused "$TMP/flipped.db" "one bit of the payload flipped" "the sealed record of interview $first does not open with .*: it was altered"
tamper keyflip "UPDATE sealed SET record = flip(record, 30) WHERE uuid = '$first'; UPDATE sealed SET record_sha256 = sha(record)"
refused "$TMP/keyflip.db" "one bit of the sealed key flipped" "does not open with"
tamper cut "UPDATE sealed SET record = substr(record, 1, length(record) - 100) WHERE uuid = '$first'; UPDATE sealed SET record_sha256 = sha(record), size = length(record)"
refused "$TMP/cut.db" "a record cut short" "does not open with"
tamper cut "UPDATE sealed SET record = substr(record, 1, 60) WHERE uuid = '$first'; UPDATE sealed SET record_sha256 = sha(record), size = length(record)"
refused "$TMP/cut.db" "a record cut to its first bytes" "table 'sealed', interview '$first': its size is not the length of its record, or is out of bounds"
tamper moved "UPDATE sealed SET uuid = '7a1e0000-0000-4000-8000-999999999999' WHERE uuid = '$first'"
refused "$TMP/moved.db" "a record moved to another interview" "the sealed record of interview 7a1e0000-0000-4000-8000-999999999999 does not open"
tamper relabelled "UPDATE sealed SET revision = revision + 1 WHERE uuid = '$first'"
refused "$TMP/relabelled.db" "its label outside the seal changed" "does not open"
tamper nohash "UPDATE sealed SET record = flip(record, 200) WHERE uuid = '$first'"
refused "$TMP/nohash.db" "a record that no longer matches its SHA-256" "it is damaged: table 'sealed', interview '$first': its record does not match its SHA-256"
tamper typed "UPDATE sealed SET size = 'big' WHERE uuid = '$first'"
refused "$TMP/typed.db" "a value of the wrong type" "it is damaged: table 'sealed'"

# merge checks sealed rows as untrusted data before anything is copied
for bad in nohash typed cut; do
	run "$SURVEY" merge -o "$TMP/all-$bad.db" "$TMP/$bad.db"
	expect_rc 1 "merge refuses an input with a damaged sealed row ($bad)"
	expect_err "cannot merge '.*$bad.db': it is damaged: table 'sealed'" "saying which table ($bad)"
	[ ! -e "$TMP/all-$bad.db" ] && ok "no output is left ($bad)" || not_ok "an output was left ($bad)"
done
# an altered record whose row holds together merges (merge works without the key) and is
# refused only when unsealed
run "$SURVEY" merge -o "$TMP/all.db" "$TMP/flipped.db"
expect_rc 0 "merge carries a sealed record it cannot open"
refused "$TMP/all.db" "the altered record after a merge" "does not open with"
done_testing
