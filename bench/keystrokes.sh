#!/bin/sh
# bench/keystrokes.sh: a full Kyrgyz interview of the shipped survey (surveys/covid19-lsg.md)
# replayed through tmux at 80x24, one key at a time, as an interviewer types it: counts the
# keystrokes (keys such as Enter and choice digits, and characters typed into fields) and the
# time from each send-keys to the pane changing (median, 90th percentile, over every key).
# The path is t0410's without its detours (no wrong value typed, no going back), as a trained
# interviewer takes it: the laptop's auto-advance turned on once (contents F3, 1, F3), so a
# single-choice digit picks and moves on, and the interview date left at today. Run by
# `make bench`, or: sh bench/keystrokes.sh (SURVEY=binary; the release build by default).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
SURVEY=${SURVEY:-$top/survey}
[ -x "$SURVEY" ] || { echo "keystrokes: no $SURVEY (run make first)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "keystrokes: tmux is not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'tmux -S "$tmp/sock" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$top"
exec python3 - "$SURVEY" "$tmp" <<'PY'
import re, statistics, subprocess, sys, time

survey, tmp = sys.argv[1], sys.argv[2]
sock = tmp + "/sock"

def tmux(*args, out=False):
    r = subprocess.run(["tmux", "-u", "-S", sock, "-f", "/dev/null", *args],
                       stdout=subprocess.PIPE if out else subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return r.stdout.decode("utf-8", "replace") if out else r.returncode

def screen(target="b"):
    return tmux("capture-pane", "-p", "-t", target, out=True)

def wait(regex, seconds=20):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if re.search(regex, screen(), re.M):
            return
        time.sleep(0.01)
    sys.exit("keystrokes: the screen never showed /%s/:\n%s" % (regex, screen()))

samples, keys, typed, unchanged = [], 0, 0, 0

def press(key, literal=False, target="b", into=None):
    """Send one key; time until the pane shows something else (1 s at most)."""
    global unchanged
    before = screen(target)
    t0 = time.monotonic()
    tmux("send-keys", "-t", target, *(["-l", key] if literal else [key]))
    while time.monotonic() - t0 < 1.0:
        if screen(target) != before:
            (samples if into is None else into).append(time.monotonic() - t0)
            return
    unchanged += 1

def step(keys_, regex=None, text=None):
    """Type text (one character at a time), press keys, then wait for regex."""
    global keys, typed
    for ch in text or "":
        press(ch, literal=True)
        typed += 1
    for k in keys_.split():
        press(k)
        keys += 1
    if regex:
        wait(regex)

cmd = ("env LC_ALL=C.UTF-8 LANG=C.UTF-8 '%s' run surveys/covid19-lsg.md --db '%s/b.db' "
       "--lang ky --interviewer 'Жылдыз Асанова'" % (survey, tmp))
tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "b", cmd)
wait("Интервьюлар")
S = step
def Q(digit, regex=None):
    """A single choice with the laptop's auto-advance on: the digit picks it and moves on."""
    step(digit, regex)
S("n", "Саламатсызбы! Бул")
S("F3", "Мазмуну")
S("1", "Мазмуну")
S("F3", "Саламатсызбы! Бул")
S("Enter", "Облусту же республикалык")
Q("7", "Районду тандаңыз")
Q("1", "Муниципалитеттин түрү")
Q("2", "Муниципалитеттин аталышы")
S("Enter", "Сиздин кызмат ордуңуз", text="Төңкөрүш айыл өкмөтү")
Q("1", "Респонденттин жынысы")
Q("1", "Ушул кызмат ордунда канча")
S("Enter", "Муниципалитетте канча адам", text="5")
S("Enter", "Интервью алынган күн", text="25000")
S("Enter", "Мындан аркы суроолор")   # the date field shows today
S("Enter", "режими боюнча маалыматты")
S("1 2 Enter", "Райондук мамлекеттик")
Q("3", "Борбордук мамлекеттик")
Q("3", "Алынган көрсөтмөлөр канчалык")
Q("3", "Өзгөчө кырдаал режимине")
Q("1", "Ар кайсы мамлекеттик")
Q("2", "Өзгөчө кырдаал режиминде")
Q("1", "Ыйгарым укуктарды бөлүштүрүү")
Q("2", "Бузуулар жөнүндө кодексин")
Q("2", "Укуктук маселелер боюнча КР")
Q("2", "жергиликтүү бюджеттин кирешелери")
Q("2", "Пандемияга байланыштуу")
Q("1", "Пландалбаган чыгашалардын")
S("Enter", "Бир тургунга эсептегенде", text="500000")
S("Enter", "Бюджеттин каражаттары")
Q("2", "коомдук бюджеттик угуулар")
Q("3", "жарандык бюджет")
Q("2", "кайсы муниципалдык кызмат")
S("1 2 Enter", "Ар бир кызматтын үзгүлтүккө")
Q("3")
Q("4", "Үзгүлтүккө учураган")
Q("2", "Муниципалитет калкка")
Q("1", "Азык-түлүк жардамын канча")
S("Enter", "Жардамга муктаж катары", text="1200")
S("3 Enter", "Колдоо көрсөтүүгө канча")
S("Enter", "Муниципалитетке канча", text="40")
S("Enter", "Уюмдун аталышы", text="1")
S("Enter", "Уюмдун түрү", text="Үмүт-Ниет")
Q("1", "Уюм кандай жардам")
S("1 2 Enter", "кандай көйгөйлөргө")
S("1 3 Enter", "Сиз 2 көйгөй белгиледиңиз")
S("Enter", "Булардын ичинен эң негизги")
Q("1", "Бул көйгөй муниципалитеттин")
Q("4", "Бул көйгөй чечилдиби")
Q("2", "Көйгөйдү чечүү үчүн эмне")
S("Enter", "Келечектеги өзгөчө", text="Өкмөт менен сүйлөшүүлөр жүрдү, жардам үйлөргө жеткирилди")
S("1 Enter", "Сиздин муниципалитет")
Q("1", "союзунун колдоосун")
Q("4", "Өзгөчө кырдаалдарда ЖӨБ")
S("Enter", "Интервьюердин эскертүүлөрү")
S("Enter", "Сурамжылоого катышканыңыз")
S("Enter", "Суроолор бүттү")
S("1", "аяктады")
done = subprocess.run(["sqlite3", tmp + "/b.db", "select status from interviews"],
                      stdout=subprocess.PIPE).stdout.decode().strip()
if done != "complete":
    sys.exit("keystrokes: the interview is not complete (%s)" % done)
# the floor: the same measure on `cat` echoing what is typed (tmux and capture-pane alone)
floor = []
tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "f", "cat")
time.sleep(0.2)
for ch in "абвгдеёжзийклмнопрстуфхцчшщъыьэюя" * 3:
    press(ch, literal=True, target="f", into=floor)
ms = sorted(s * 1000 for s in samples)
print("keystrokes: a full Kyrgyz interview of surveys/covid19-lsg.md at 80x24")
print("  keystrokes: %d (%d keys + %d characters typed)" % (keys + typed, keys, typed))
print("  screen update per key: median %.1f ms, 90th percentile %.1f ms, over %d keys%s"
      % (statistics.median(ms), ms[int(0.9 * (len(ms) - 1))], len(ms),
         " (%d changed nothing the pane shows: a space typed at the end of a field)" % unchanged
         if unchanged else ""))
print("  the floor, `cat` echoing typed letters in the same tmux: median %.1f ms; ratio %.2f"
      % (statistics.median(floor) * 1000, statistics.median(ms) / (statistics.median(floor) * 1000)))
PY
