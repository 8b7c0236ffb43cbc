#!/usr/bin/env python3
# make-record-golden.py: writes tests/unit/record_golden.h — crafted schema-7 rows of a few
# interviews at the edges of the record encoding, and the record texts bench/storage_layout.py
# builds from them (its build_record, on a schema-7 file holding exactly these rows), so that
# test_record.c checks the C codec writes the same bytes. Run it again after changing either:
#   python3 tests/unit/make-record-golden.py > tests/unit/record_golden.h
import os
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "bench"))
import storage_layout as L  # noqa: E402

PATHS = [(1, "g/a"), (2, "g/b"), (3, "rep[%]/name"), (5, "rep[%]/age"), (7, "h/c")]
H = "0f" * 32
T = "2021-10-03T19:%02d:%02d.%03dZ"

# (uuid, created, content_hash, answers[(path, value, state, modified)],
#  events[(at, offset, kind, path, old_value, new_value, old_state, new_state)])
INTERVIEWS = [
    ("11111111-1111-4111-8111-111111111111", T % (0, 0, 0), H, [
        ("g/a", "yes", "answered", T % (1, 0, 500)),
        ("g/b", None, "dont_know", T % (1, 10, 0)),
        ("rep[1]/name", "Айгүл", "answered", T % (2, 0, 0)),
        ("rep[2]/name", 'say "hi"\n\x01\t\\ \x7f', "answered", T % (9, 9, 9)),
        ("rep[10]/name", "x", "skipped", T % (2, 30, 0)),
        ("rep[2]/age", "31", "answered", T % (2, 40, 0)),
        ("no/such", "x", "answered", T % (3, 0, 0)),
        ("g/a[2]", "br", "answered", T % (3, 0, 0)),
        ("rep[0]/name", "z", "answered", T % (3, 0, 0)),
        ("rep[01]/name", "z", "answered", T % (3, 0, 0)),
        ("h/c", "true", "weird", T % (3, 10, 0)),
    ], [
        (T % (0, 2, 0), 2000, "opened", None, None, "ky", None, None),
        (T % (0, 30, 0), 30000, "answer", "g/a", None, "no", None, "answered"),
        (T % (1, 0, 500), 60500, "answer", "g/a", "no", "yes", "answered", "answered"),
        (T % (1, 10, 0), 70000, "answer", "g/b", None, None, None, "dont_know"),
        # the clock set back 5 s between two events
        (T % (1, 55, 0), 120000, "answer", "rep[1]/name", None, "Айгүл", None, "answered"),
        (T % (2, 0, 0), 125000, "answer", "rep[1]/name", "Айгүл", "Айгүл", "answered",
         "answered"),
        (T % (2, 20, 0), 145000, "answer", "rep[2]/name", None, 'say "hi"\n\x01\t\\ \x7f',
         None, "answered"),
        (T % (2, 30, 0), 155000, "answer", "rep[10]/name", None, "x", None, "skipped"),
        (T % (2, 40, 0), 165000, "answer", "rep[2]/age", None, "31", None, "answered"),
        (T % (3, 10, 0), 195000, "answer", "h/c", None, "true", None, "weird"),
        # an event on a path with no answer; explicit old values (both NULL, a NULL state)
        (T % (3, 20, 0), 205000, "answer", "gone[3]/q", None, "a", None, "answered"),
        (T % (3, 21, 0), 206000, "answer", "gone[3]/q", None, "b", None, "answered"),
        (T % (3, 22, 0), 207000, "answer", "gone[3]/q", "b", "c", None, "answered"),
        (T % (3, 23, 0), 208000, "removed", "gone[3]/q", "c", None, "answered", None),
        (T % (3, 30, 0), 215000, "custom", None, "was", "is", None, None),
        (T % (4, 0, 0), 245000, "left", None, None, None, None, None),
        (T % (5, 0, 0), 305000, "completed", None, None, H, None, None),
    ]),
    # created with a zone: every time kept as its text; a hash that is not lowercase hex
    ("22222222-2222-4222-8222-222222222222", "2021-10-03T19:43:21+06:00", "NOT HEX", [
        ("g/a", "1", "answered", "2021-10-03T19:44:00Z"),
    ], [
        ("2021-10-03T19:43:23+06:00", 2000, "opened", None, None, "ru", None, None),
        ("2021-10-03T19:44:00Z", 41000, "answer", "g/a", None, "1", None, "answered"),
        ("2021-10-03T19:45:00.000Z", 101000, "completed", None, None, "NOT HEX", None, None),
    ]),
    # nothing yet
    ("33333333-3333-4333-8333-333333333333", T % (0, 0, 0), None, [], []),
    # only answers on paths outside the form
    ("44444444-4444-4444-8444-444444444444", T % (0, 0, 0), None, [
        ("zz", "1", "refused", T % (0, 0, 1)),
    ], [
        (T % (0, 0, 1), -5, "answer", "zz", None, "1", None, "refused"),
    ]),
]


def c_str(s):
    if s is None:
        return "NULL"
    out = '"'
    for b in s.encode():
        c = chr(b)
        if c in '"\\':
            out += "\\" + c
        elif 32 <= b < 127:
            out += c
        else:
            out += "\\%03o" % b
    return out + '"'


def main():
    with tempfile.TemporaryDirectory() as d:
        src = sqlite3.connect(os.path.join(d, "in.db"))
        src.executescript(
            "CREATE TABLE forms(form_id, version, source_name, source);"
            "INSERT INTO forms VALUES('f', '1', 'f.md', '');"
            "CREATE TABLE interviews(uuid, form_id, form_version, device_id, interviewer,"
            " status, revision, created, modified, completed, content_hash, lang, position,"
            " instance_name, origin);"
            "CREATE TABLE answers(uuid, path, value, state, modified);"
            "CREATE TABLE events(uuid, seq, at, offset_ms, kind, path, old_value, new_value,"
            " old_state, new_state);")
        for u, created, h, answers, events in INTERVIEWS:
            src.execute("INSERT INTO interviews VALUES(?, 'f', '1', 'd', '', 'draft', 1, ?, ?,"
                        " NULL, ?, NULL, NULL, NULL, 'field')", (u, created, created, h))
            for a in answers:
                src.execute("INSERT INTO answers VALUES(?, ?, ?, ?, ?)", (u,) + a)
            for k, e in enumerate(events):
                src.execute("INSERT INTO events VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (u, k + 1) + e)
        src.commit()
        fp = {t.replace("[%]", ""): (i, t) for i, t in PATHS}
        L.form_paths = lambda name, source: fp
        out = L.build_record(src, os.path.join(d, "in.db"), os.path.join(d, "out.db"))
        got = {r[0]: r[1:] for r in out.execute("SELECT uuid, answers, events FROM interviews")}
    w = sys.stdout.write
    w("/* record_golden.h: written by make-record-golden.py (do not edit): crafted schema-7\n"
      " * rows and the record texts bench/storage_layout.py builds from them. */\n")
    w("static const long long golden_ids[] = { %s };\n" % ", ".join(str(i) for i, _ in PATHS))
    w("static const char *const golden_templates[] = { %s };\n"
      % ", ".join(c_str(t) for _, t in PATHS))
    for n, (u, created, h, answers, events) in enumerate(INTERVIEWS):
        w("static record_answer golden_a%d[] = {\n" % n)
        for a in answers:
            w("\t{ %s },\n" % ", ".join("(char *)" + c_str(x) if x else "NULL" for x in a))
        w("\t{ NULL, NULL, NULL, NULL }\n};\n")
        w("static record_event golden_e%d[] = {\n" % n)
        for k, (at, off, kind, p, ov, nv, os_, ns) in enumerate(events):
            w("\t{ %d, %d, %s },\n" % (k + 1, off, ", ".join(
                "(char *)" + c_str(x) if x is not None else "NULL"
                for x in (at, kind, p, ov, nv, os_, ns))))
        w("\t{ 0, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL }\n};\n")
    w("static const struct golden {\n\tconst char *created, *hash;\n"
      "\trecord_rows rows;\n\tconst char *answers, *events;\n} goldens[] = {\n")
    for n, (u, created, h, answers, events) in enumerate(INTERVIEWS):
        w("\t{ %s, %s, { golden_a%d, %d, golden_e%d, %d, NULL },\n\t  %s,\n\t  %s },\n" % (
            c_str(created), c_str(h), n, len(answers), n, len(events),
            c_str(got[u][0]), c_str(got[u][1])))
    w("};\n")


if __name__ == "__main__":
    main()
