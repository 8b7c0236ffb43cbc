# t0439-run-lists-lookups: choices and lookups from files in `survey run` — a region from a CSV
# list narrows the next CSV list (choice_filter on a file's column), crops from an XML list,
# a well from GeoJSON, and a note that shows what pulldata() and instance('...')/root/item[...]
# looked up for the answers (the lists in Russian from the files' label::Russian column; a
# lookup's /label is the file's label column, as in ODK); going back to
# another village changes the lookups. Then select_one_external with its external_choices
# sheet, cascading on the oblast, and an xml-external lookup in the next question's label.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/l.db
val() { sql "$DB" "SELECT value FROM answers WHERE path = '$1' AND state = 'answered' ORDER BY uuid"; }

ui_start a tests/fixtures/forms/choices-files.md --db "$DB" --lang ru
ui_expect a 'Интервью пока нет' "the start screen"
ui_keys a n
ui_expect a 'Вы согласны' "the first question"
ui_keys a 1 Enter
ui_expect a '3\) \( \) Ошская' "the regions, read from regions.csv in Russian"
ui_keys a 2 Enter
ui_expect a '2\) \( \) Ат-Башы' "the villages of Naryn from villages.csv"
ui_lacks a 'Ак-Суу' "not the villages of another region"
ui_keys a 2 Enter
ui_expect a 'Культуры' "the crops, from crops.xml"
ui_expect a '1\) \[ \] ' "as boxes to tick"
ui_keys a 1 Enter
ui_expect a 'Ближайший колодец' "the wells, from wells.geojson"
ui_expect a '2\) \( \) ' "two wells"
ui_keys a 2 Enter
ui_expect a 'Область \(по коду\)' "a list with value=code"
ui_keys a 2 Enter
ui_expect a 'At-Bashy \(17,000 \(2019\) чел\.\); пшеница 31\.5 сом; Yes' \
	"the note shows the village's label column and people (instance(), pulldata()), a price from prices.csv and a list's label"
# back to the village: another one changes what the note looked up
ui_keys a PPage PPage PPage PPage
ui_expect a '1\) \( \) Кочкор' "back on the village"
ui_keys a 1 Enter Enter Enter Enter
ui_expect a 'Kochkor \(14000 чел\.\)' "the note follows the new village"
ui_keys a Enter
ui_expect a 'Готово|Завершить|заверш' "the end of the interview"
ui_keys a F10
ui_expect a 'новое' "back on the start screen"
ui_keys a q
ui_exit a
expect_eq "$(val village) $(val pop) $(val region_code)" "kochkor 14000 R2" "the village, its looked-up people and the region's code are stored"

DB=$TMP/e.db
ui_start b tests/fixtures/forms/choices-external.md --db "$DB"
ui_expect b 'No interviews yet' "the start screen"
ui_keys b n
ui_expect b '2\) \( \) Issyk-Kul' "the oblasts"
ui_keys b 2 Enter
ui_expect b '1\) \( \) Ak-Suu' "the rayons of Issyk-Kul from the external_choices sheet"
ui_lacks b 'Sokuluk' "not those of Chüy"
ui_keys b 1 Enter
ui_expect b 'Households in Teploklyuchenka' "the town looked up in centres.xml (xml-external) for that rayon"
ui_keys b F10
ui_expect b 'n new' "back on the start screen"
ui_keys b q
ui_exit b
expect_eq "$(val rayon) $(val centre)" "ak_suu Teploklyuchenka" "the rayon and the town looked up are stored"
ui_no_stderr a "nothing on stderr (1)"
ui_no_stderr b "nothing on stderr (2)"
done_testing
