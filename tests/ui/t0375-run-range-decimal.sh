# t0375-run-range-decimal: a range question's bounds are shown with the decimal sign of the
# interview's language — «Аралык: 0,5 – 12,5» in Kyrgyz, «Диапазон: 0,5 – 12,5» in Russian,
# "Range: 0.5 – 12.5" in English (surveys/GLOSSARY.md: 12,5 / 12,5 / 12.5).
. tests/lib.sh
. tests/ui/tmux.sh
F=$TMP/range.md
cat >"$F" <<'MD'
| survey |  |  |  |  |  |  |
|  | type | name | label::Kyrgyz (ky) | label::Russian (ru) | label::English (en) | parameters |
|  | range | score | Баа | Оценка | Score | start=0.5 end=12.5 step=0.5 |
MD
for l in ky ru en; do
	ui_start "$l" "$F" --db "$TMP/$l.db" --lang "$l"
done
for l in ky ru en; do
	ui_expect "$l" 'Интервьюлар|Интервью|Interviews' "$l: the start screen"
	ui_keys "$l" n
done
ui_expect ky 'Аралык: 0,5 – 12,5' "ky: the bounds with a decimal comma"
ui_expect ru 'Диапазон: 0,5 – 12,5' "ru: the bounds with a decimal comma"
ui_expect en 'Range: 0\.5 – 12\.5' "en: the bounds with a decimal point"
done_testing
