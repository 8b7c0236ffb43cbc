# t0464-run-start-search: / searches the start screen by name (any case, Cyrillic too) or by
# id as it is typed; Esc clears it; a search matching nothing says so. f cycles all, drafts,
# complete, discarded — "returned" is offered only once an interview has that status (none
# can yet).
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/d.db
FORM=tests/fixtures/ui/sections.md

draft() {
	ui_keys a n
	ui_expect a 'Name of the municipality' "an interview starts ($1)"
	ui_type a "$1"
	ui_keys a F10
	ui_expect a 'n new' "back on the start screen ($1)"
}
ui_start a "$FORM" --db "$DB" --lang en
ui_expect a 'No interviews yet' "the start screen"
draft "Кара-Суу"
draft "Таш-Добо"
draft "Kara-Balta"
ui_settle a
expect_eq "$(grep -Ec '^ (Кара-Суу|Таш-Добо|Kara-Balta) ' "$TMP/screen")" 3 "three rows"
ui_keys a /
ui_expect a 'Search:' "/ opens the search"
ui_type a "кара"
ui_expect a 'Search: кара' "the search as typed"
ui_settle a
expect_eq "$(grep -Ec '^ (Кара-Суу|Таш-Добо|Kara-Balta) ' "$TMP/screen")" 1 "one row: the case does not matter (Кара)"
grep -q '^ Кара-Суу ' "$TMP/screen" && ok "the row is Кара-Суу" || not_ok "Кара-Суу not shown"
ui_keys a BSpace BSpace BSpace BSpace
ui_type a "KARA"
ui_expect a 'Kara-Balta' "KARA finds Kara-Balta"
ui_lacks a '^ Кара-Суу ' "and not Кара-Суу"
ui_keys a BSpace BSpace BSpace BSpace
id=$(sql "$DB" "SELECT substr(uuid, 1, 6) FROM interviews WHERE instance_name = 'Таш-Добо'")
ui_type a "$id"
ui_expect a '^ Таш-Добо ' "an id finds its interview"
ui_lacks a '^ Kara-Balta ' "and only it"
ui_type a "zzz"
ui_expect a 'No interview matches the search' "nothing matches: said"
ui_keys a Escape
ui_expect a 'n new' "Esc ends the search"
ui_settle a
expect_eq "$(grep -Ec '^ (Кара-Суу|Таш-Добо|Kara-Balta) ' "$TMP/screen")" 3 "all three again"
# a search, then Enter opens the row found
ui_keys a /
ui_type a "таш"
ui_expect a 'Search: таш' "searching again"
ui_keys a Enter
ui_expect a 'Name of the municipality' "Enter opens the row found"
ui_keys a F10
ui_expect a 'n new' "back"
# the filters: all -> drafts -> complete -> discarded -> all; never "returned"
seen=""
for i in 1 2 3 4; do
	ui_keys a f
	sleep 0.2
	ui_settle a
	seen="$seen $(sed -n 1p "$TMP/screen" | grep -o '\[[a-z]*\]')"
done
expect_eq "$seen" " [drafts] [complete] [discarded] [all]" "f cycles the filters, no 'returned' without such a status"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "exit status 0"
ui_no_stderr a "nothing on stderr"
done_testing
