# t0551-list-lang: `survey list` in Kyrgyz, Russian or English — --lang, else the language
# chosen on the laptop (`survey run` keeps it in the database's meta), else the locale — with
# columns padded by display width (Cyrillic names line up); --json is the same in every
# language (the contract).
. tests/lib.sh
DB=$TMP/s.db
"$SURVEY" simulate surveys/covid19-lsg.md -n 6 --db "$DB" >/dev/null 2>&1 || { not_ok "simulate"; exit 1; }
# a draft with a Cyrillic interviewer name of another length, to see the columns line up
sqlite3 "$DB" "UPDATE interviews SET interviewer = 'Жылдыз' WHERE uuid = (SELECT min(uuid) FROM interviews)"

run "$SURVEY" list "$DB" --lang ky
expect_rc 0 "list --lang ky"
expect_out '^UUID +абалы +булагы +анкета +түзмөк +интервьюер +жооптор +түзүлгөн \(UTC\) +өзгөртүлгөн \(UTC\)$' "the header in Kyrgyz"
expect_out '^[0-9a-f-]{36}  аяктады +моделдештирилген ' "statuses and origins in Kyrgyz"
expect_out '^6 интервью: 6 аяктаган, 0 аяктай элек \(6 моделдештирилген: чыныгы маалымат эмес\)$' "the total line"
expect_out '^интервьюер боюнча:$' "by interviewer"
expect_out '^түзүлгөн күнү боюнча \(UTC\):$' "by day"
expect_out '^ +аяктаган +аяктай элек +бардыгы$' "the count headers"
grep -Eq '\b(interviews?|complete|draft|total|by|status|origin|simulated)\b' "$TMP/out" &&
	not_ok "an English word in the Kyrgyz listing: $(grep -Eo '\b(interviews?|complete|draft|total|by|status|origin|simulated)\b' "$TMP/out" | head -3)" ||
	ok "no English word of the listing's own"
# every interview line ends its answers column at the same display column as the header
python3 - "$TMP/out" <<'PY' && ok "the columns line up by display width" || not_ok "the columns do not line up"
import re, sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
head = lines[0]
end = head.index("жооптор") + len("жооптор")
rows = [l for l in lines[1:] if re.match(r"[0-9a-f]{8}-", l)]
bad = [l for l in rows if not re.match(r"\s*\d+\s", l[end - 7:]) or l[end - 1] == " "]
for l in bad:
    print("# " + l)
sys.exit(1 if bad or len(rows) != 6 else 0)
PY
run "$SURVEY" list "$DB" --lang ru --by oblast
expect_out '^UUID +статус +источник +анкета +устройство +интервьюер +ответы +создано \(UTC\) +изменено \(UTC\)$' "the header in Russian"
expect_out '^6 интервью: завершено — 6, черновики — 0' "the total line in Russian"
expect_out '^по вопросу oblast:$' "--by's title in Russian"
run "$SURVEY" list "$DB" --lang en
expect_out '^uuid +status +origin +form +device +interviewer +answers +created \(UTC\) +modified \(UTC\)$' "English"
run "$SURVEY" list "$DB" --lang de
expect_rc 2 "--lang de is refused"
expect_err "--lang: .de. is none of ky, ru, en" "saying why"

# the locale, then the language kept in the database
run env -u LC_ALL -u LC_MESSAGES LANG=ru_RU.UTF-8 "$SURVEY" list "$DB"
expect_out '^UUID +статус ' "the locale's language (ru)"
sqlite3 "$DB" "INSERT INTO meta(key, value) VALUES ('lang', 'Kyrgyz (ky)')"
run env -u LC_ALL -u LC_MESSAGES LANG=ru_RU.UTF-8 "$SURVEY" list "$DB"
expect_out '^UUID +абалы ' "the language kept on the laptop wins over the locale"
run "$SURVEY" list "$DB" --lang en
expect_out '^uuid +status ' "and --lang over both"

# --json is the contract: the same bytes whatever the language
"$SURVEY" list "$DB" --json >"$TMP/j-saved.json"
"$SURVEY" list "$DB" --json --lang ru >"$TMP/j-ru.json"
"$SURVEY" list "$DB" --json --lang en >"$TMP/j-en.json"
cmp -s "$TMP/j-saved.json" "$TMP/j-ru.json" && cmp -s "$TMP/j-ru.json" "$TMP/j-en.json" &&
	ok "--json is the same in every language" || not_ok "--json changes with the language"
expect_eq "$(jq -r '.interviews[0].status' "$TMP/j-ru.json")" complete "its values stay the stored ones"

# a kept language that is not text is ignored (hostile or damaged file)
for bad in "x'6b79'" "'ky' || char(27) || '[31m'" "'$(printf 'k%.0s' $(seq 300))'"; do
	cp "$DB" "$TMP/h.db"
	sqlite3 "$TMP/h.db" "UPDATE meta SET value = $bad WHERE key = 'lang'"
	run "$SURVEY" list "$TMP/h.db"
	expect_rc 0 "a damaged kept language ($(printf '%.12s' "$bad")...) is ignored"
	expect_out '^uuid +status ' "the locale's language instead"
done
done_testing
