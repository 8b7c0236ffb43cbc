# t0420-run-paste: a paste goes into the field it is pasted in and nowhere else. With
# bracketed paste (tmux paste-buffer -p, as terminals do once the program asks for it) the
# line ends of `Кара-Суу айыл өкмөтү⏎1-кызматкер 2 жыл⏎` become spaces, nothing is confirmed
# and the digits tick no choice; a paste into a choice question is refused with a message.
# A terminal without bracketed paste (plain paste-buffer: text and Enter in one burst) gets
# the same: an Enter that comes with the typed text is part of it, never a confirmation.
. tests/lib.sh
. tests/ui/tmux.sh
DB=$TMP/p.db
q() { sql "$DB" "select count(*) from answers where path='$1'"; }

ui_start a tests/fixtures/ui/keys.md --db "$DB" --lang ky --interviewer Айбек
ui_expect a 'Интервьюлар' "the start screen"
ui_keys a n
ui_expect a 'Муниципалитеттин аталышы' "the first question is a text"
printf 'Кара-Суу айыл өкмөтү\n1-кызматкер 2 жыл\n' | T load-buffer -b p -
T paste-buffer -p -b p -t a
ui_expect a '> Кара-Суу айыл өкмөтү 1-кызматкер 2 жыл' \
	"the bracketed paste is in the field, its line ends as spaces"
ui_lacks a 'Кызмат ордуңуз' "the paste did not confirm the answer and move on"
expect_eq "$(q muni):$(q pos)" '0:0' "nothing was saved, no choice was ticked"
ui_keys a Enter
ui_expect a 'Кызмат ордуңуз' "Enter confirms the pasted text"
expect_eq "$(sql "$DB" "select value from answers where path='muni'")" \
	'Кара-Суу айыл өкмөтү 1-кызматкер 2 жыл' "the text is saved as pasted, on one line"

printf '2\n' | T load-buffer -b d -
T paste-buffer -p -b d -t a
ui_expect a 'Текстти текст талаасына гана' "a paste into a choice question is refused with a message"
ui_lacks a '\(\*\)' "and picks nothing"
expect_eq "$(q pos)" '0' "nothing is saved for the choice question"
ui_keys a 1 Enter
ui_expect a 'Жынысы' "a digit and Enter still pick a choice"
ui_keys a 2 Enter
ui_expect a 'Айылдын аты' "the next text question"

# no bracketed paste: the text and its Enter keys come in one burst
printf 'Ош шаары\n3\n' | T load-buffer -b r -
T paste-buffer -b r -t a
ui_expect a '> Ош шаары 3' "a plain paste is in the field too, its Enter keys as spaces"
ui_lacks a 'Кызматкерлердин саны' "and it did not move on"
expect_eq "$(q village):$(q staff)" '0:0' "nothing was saved, the number question was not answered"
ui_keys a BSpace Enter
ui_expect a 'Кызматкерлердин саны' "Enter typed afterwards confirms"
expect_eq "$(sql "$DB" "select value from answers where path='village'")" 'Ош шаары 3' \
	"the text is saved"
ui_keys a F10
ui_expect a 'аяктай элек' "F10 leaves"
ui_keys a q
ui_exit a
expect_eq "$RC" 0 "q quits"
ui_no_stderr a "nothing on stderr"
done_testing
