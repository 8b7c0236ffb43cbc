# t1100-seal-keygen: `survey keygen -o NAME` makes NAME.key (secret, 0600, never overwritten) and
# NAME.pub (one base64 line, also printed); check accepts that line as a form's public_key and
# says in one line what to do with anything else (an ODK RSA key named as such); run and
# simulate take --public-key FILE and refuse a secret key there.
. tests/lib.sh
. tests/cli/seal-lib.sh

run "$SURVEY" keygen -o "$TMP/coord"
expect_rc 0 "keygen makes a key pair"
expect_eq "$(cat "$TMP/out")" "$(cat "$TMP/coord.pub")" "the public line is printed and is NAME.pub"
expect_out "^[A-Za-z0-9+/]{43}=$" "the public key is one base64 line of 44 characters"
expect_err_lines 1 "one line on stderr says what was written"
expect_eq "$(stat -c %a "$TMP/coord.key")" 600 "the secret key is readable by its owner alone"
grep -q "^survey-secret-key-1 " "$TMP/coord.key" && ok "the secret key file is ours" || not_ok "secret key format"
before=$(sha256sum <"$TMP/coord.key")
run "$SURVEY" keygen -o "$TMP/coord"
expect_rc 1 "keygen over an existing key is refused"
expect_err_lines 1 "in one line"
expect_err "never overwritten" "saying a key file is never overwritten"
expect_eq "$(sha256sum <"$TMP/coord.key")" "$before" "the existing secret key is untouched"
rm "$TMP/coord.pub"
run "$SURVEY" keygen -o "$TMP/coord"
expect_rc 1 "a lone secret key is not overwritten either"
expect_eq "$(sha256sum <"$TMP/coord.key")" "$before" "and stays as it was"
[ ! -e "$TMP/coord.pub" ] && ok "no .pub is left beside it" || not_ok "a .pub was written"
run "$SURVEY" keygen
expect_rc 2 "keygen without -o is a usage error"
keys other
[ "$(cat "$TMP/other.pub")" != "$(cat "$TMP/coord.pub" 2>/dev/null)" ] && ok "two key pairs differ" || not_ok "two key pairs differ"

keyed_form "$TMP/f.md" sealtest "$TMP/other.pub"
run "$SURVEY" check "$TMP/f.md"
expect_rc 0 "check accepts a form with a survey public key"
for bad in "not a key" "AAAA" "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAv3f1"; do
	sed "s#| | sealtest | 1 | .*|#| | sealtest | 1 | $bad |#" "$TMP/f.md" >"$TMP/bad.md"
	run "$SURVEY" check "$TMP/bad.md"
	expect_rc 1 "check refuses public_key '$bad'"
	expect_err_lines 1 "in one line"
	expect_err "bad\.md:settings:[0-9]+: error: public_key: .*survey keygen -o NAME" "saying what to do"
done
expect_err "RSA key \(ODK's encryption\)" "an ODK RSA key is named as such"

keyed_form "$TMP/plain.md" sealtest ""
run "$SURVEY" simulate "$TMP/plain.md" -n 3 --db "$TMP/s.db" --public-key "$TMP/other.key" --quiet
expect_rc 1 "a secret key given as --public-key is refused"
expect_err "is a secret key: give the public one" "saying to give the public one"
[ ! -e "$TMP/s.db" ] && ok "no database is made" || not_ok "a database was made"
run "$SURVEY" simulate "$TMP/plain.md" -n 3 --db "$TMP/s.db" --public-key "$TMP/nothing.pub" --quiet
expect_rc 1 "a missing --public-key file is refused"
expect_err_lines 1 "in one line"
run "$SURVEY" run "$TMP/plain.md" --db "$TMP/r.db" --public-key "$TMP/other.key"
expect_rc 1 "run refuses a secret key as --public-key"
expect_err "secret key" "saying why"
expect_err_lines 1 "in one line"
run "$SURVEY" simulate "$TMP/plain.md" -n 4 --drafts 0 --db "$TMP/s.db" --public-key "$TMP/other.pub" --quiet
expect_rc 0 "simulate --public-key seals a form without a key of its own"
expect_eq "$(Q "$TMP/s.db" "SELECT count(*) FROM sealed")|$(Q "$TMP/s.db" "SELECT count(*) FROM interviews")" "4|0" \
	"its four completed interviews are sealed"
done_testing
