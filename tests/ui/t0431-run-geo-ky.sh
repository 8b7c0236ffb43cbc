# t0431-run-geo-ky: the location field in Kyrgyz — the format line and the reasons for a
# refusal are in Kyrgyz; coordinates pasted from a map ("42.8746, 74.5698") go into the field
# and are saved on Enter; a point is refused in a geotrace that needs two, and a longitude of
# 200 is refused; the review screen (F9) lists the saved location.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/g.db
val() { sql "$DB" "select value from answers where path='$1' and state='answered'"; }

ui_start a tests/fixtures/forms/geo.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen in Kyrgyz"
ui_keys a n
ui_expect a 'Айыл' "the first question"
ui_type a 'Ак-Таш'
ui_step a 'Үй кайда\?' Enter
ui_expect a 'Кеңдик узундук \[бийиктик \[тактык\]\]' "the format line is in Kyrgyz"

ui_type a '42.5 200'
ui_keys a Enter
ui_expect a 'Узундук -180 менен 180 ортосунда болушу керек' "a longitude of 200: the reason in Kyrgyz"
expect_eq "$(val home)" "" "nothing is saved"
ui_keys a C-u
printf '42.8746, 74.5698' | T load-buffer -b p -
T paste-buffer -p -b p -t a
ui_expect a '> 42\.8746, 74\.5698' "coordinates pasted from a map are in the field"
expect_eq "$(val home)" "" "a paste saves nothing"
ui_step a 'Мектепке жол' Enter
expect_eq "$(val home)" "42.8746 74.5698 0 0" "Enter saves the pasted point"

ui_type a '42.1 74.1'
ui_keys a Enter
ui_expect a 'Сызыкка жок дегенде 2 чекит керек' "one point is not a line: said in Kyrgyz"
expect_eq "$(val road)" "" "nothing is saved"
ui_keys a C-u
ui_keys a F9
ui_expect a '42\.8746 74\.5698' "the review lists the saved location"
ui_keys a F10
ui_expect a 'Интервьюлар' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
