# tests/ui/start-lib.sh: the start screen tests' shared steps (sourced after tmux.sh), on
# tests/fixtures/ui/sections.md in English.

# sections_draft NAME MUNI: from the start screen, a new interview with the municipality MUNI
# answered, left on the next question (F10): back on the start screen with one more draft.
sections_draft() {
	ui_keys "$1" n
	ui_expect "$1" 'Name of the municipality' "an interview starts"
	ui_type "$1" "$2"
	ui_keys "$1" Enter
	ui_expect "$1" 'Number of staff' "the next question"
	ui_keys "$1" F10
	ui_expect "$1" 'n new' "back on the start screen"
}
