#!/usr/bin/env python3
# screens-check.py DICT_FILES... -- SCREEN_FILES...: for tests/ui/t0480. Each screen (a tmux
# capture-pane as text) must have no English word in a Kyrgyz or Russian session (but the
# key names printed on the keys, the language codes and the short id) and no word cut at the
# edge of a line: every word on it must be a whole word of the questionnaire, the UI's words
# or the answers typed (the dictionary files). Prints one line per problem; exit 1 if any.
import re
import sys

args = sys.argv[1:]
sep = args.index("--")
dict_files, screens = args[:sep], args[sep + 1:]
WORD = re.compile(r"[^\W\d_]+")
words = set()
for path in dict_files:
    with open(path, encoding="utf-8") as f:
        words.update(w.lower() for w in WORD.findall(f.read()))
ALLOWED_LATIN = {"f", "enter", "esc", "tab", "pgup", "pgdn", "ctrl", "delete", "home",
                 "end", "space", "shift", "ky", "ru", "en", "id", "backspace"}
bad = 0
for path in screens:
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        line = re.sub(r"\b[0-9a-f]{8}(?=\s+\[[a-z]{2}\]\s*$)", "", line)   # the status line's id
        for w in WORD.findall(line):
            lw = w.lower()
            if re.fullmatch(r"[a-z]+", lw) and lw not in ALLOWED_LATIN:
                print(f"{path}:{n}: an English word '{w}': {line.strip()}")
                bad += 1
            elif lw not in words and lw not in ALLOWED_LATIN:
                print(f"{path}:{n}: '{w}' is no whole word (cut?): {line.strip()}")
                bad += 1
sys.exit(1 if bad else 0)
