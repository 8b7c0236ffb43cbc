# tests/cli/craft-hostile.py: hostile variants of a genuine survey file, for t0521-merge-hostile.
#   python3 craft-hostile.py GENUINE OUT CASE
# Each CASE copies GENUINE to OUT and changes it as an attacker (or a broken tool) could.
import shutil
import sqlite3
import sys

src, out, case = sys.argv[1], sys.argv[2], sys.argv[3]
shutil.copyfile(src, out)
db = sqlite3.connect(out, isolation_level=None)
db.execute("PRAGMA journal_mode=DELETE")


def table_sql(name):
    return db.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (name,)).fetchone()[0]


def rewrite(name, old, new):
    """Change a table's CREATE statement behind SQLite's back (writable_schema)."""
    sql = table_sql(name)
    assert old in sql, (name, old)
    db.execute("PRAGMA writable_schema = ON")
    db.execute("UPDATE sqlite_schema SET sql = ? WHERE name = ?", (sql.replace(old, new), name))
    db.execute("PRAGMA writable_schema = OFF")


def reopen():
    global db
    db.close()
    db = sqlite3.connect(out, isolation_level=None)


def every_uuid(expr):
    for t in ("interviews", "answers", "events"):
        db.execute(f"UPDATE {t} SET uuid = {expr}")


if case == "nulls":
    # NOT NULL dropped, then NULLs where survey's readers expect text
    rewrite("interviews", "status TEXT NOT NULL CHECK(status IN ('draft','complete','discarded'))",
            "status TEXT")
    rewrite("interviews", "form_id TEXT NOT NULL", "form_id TEXT")
    rewrite("interviews", "device_id TEXT NOT NULL, interviewer TEXT NOT NULL DEFAULT ''",
            "device_id TEXT, interviewer TEXT")
    rewrite("interviews", "form_version TEXT NOT NULL", "form_version TEXT")
    rewrite("interviews", "created TEXT NOT NULL", "created TEXT")
    rewrite("answers", "state TEXT NOT NULL CHECK(state IN ('answered','skipped','dont_know',"
            "'refused'))", "state TEXT")
    rewrite("events", "kind TEXT NOT NULL", "kind TEXT")
    reopen()
    db.execute("UPDATE interviews SET status = NULL, form_id = NULL, device_id = NULL, "
               "interviewer = NULL, form_version = NULL, created = NULL WHERE uuid IN "
               "(SELECT uuid FROM interviews ORDER BY uuid LIMIT 3)")
    db.execute("UPDATE answers SET state = NULL WHERE uuid = (SELECT max(uuid) FROM answers)")
    db.execute("UPDATE events SET kind = NULL WHERE uuid = (SELECT max(uuid) FROM events)")
elif case == "nulls-same-schema":
    # survey's schema text kept, NULLs written while the constraint was off
    sql = table_sql("interviews")
    rewrite("interviews", "status TEXT NOT NULL CHECK(status IN ('draft','complete','discarded'))",
            "status TEXT")
    reopen()
    db.execute("UPDATE interviews SET status = NULL WHERE uuid = (SELECT min(uuid) FROM "
               "interviews)")
    db.execute("PRAGMA writable_schema = ON")
    db.execute("UPDATE sqlite_schema SET sql = ? WHERE name = 'interviews'", (sql,))
    db.execute("PRAGMA writable_schema = OFF")
elif case == "view":
    # answers is a view: good rows to some readers, other rows to others
    db.execute("ALTER TABLE answers RENAME TO answers_real")
    db.execute("CREATE TABLE answers_evil AS SELECT * FROM answers_real")
    db.execute("UPDATE answers_evil SET value = 'evil'")
    db.execute("CREATE VIEW answers AS SELECT * FROM answers_real WHERE random() % 2 "
               "UNION ALL SELECT * FROM answers_evil")
elif case == "view-function":
    db.execute("CREATE VIEW v AS SELECT randomblob(1000000000) AS x")
elif case == "trigger":
    db.execute("CREATE TABLE log(x)")
    db.execute("CREATE TRIGGER t AFTER INSERT ON interviews BEGIN INSERT INTO log VALUES "
               "(new.uuid); END")
elif case == "fts":
    db.execute("CREATE VIRTUAL TABLE notes USING fts5(body)")
    db.execute("INSERT INTO notes VALUES ('hello')")
elif case == "expression-index":
    db.execute("CREATE INDEX answers_lower ON answers(lower(value))")
elif case == "costly-index":
    # an index whose expression costs much per row, swapped in through writable_schema
    db.execute("CREATE INDEX answers_cost ON answers(value)")
    db.execute("PRAGMA writable_schema = ON")
    db.execute("UPDATE sqlite_schema SET sql = 'CREATE INDEX answers_cost ON answers("
               "length(printf(''%.*c'', 100000000, ''x'')))' WHERE name = 'answers_cost'")
    db.execute("PRAGMA writable_schema = OFF")
elif case == "check-function":
    rewrite("interviews", "CHECK(status IN ('draft','complete','discarded'))",
            "CHECK(length(randomblob(100000000)) > 0)")
elif case == "retyped":
    rewrite("interviews", "revision INTEGER NOT NULL", "revision TEXT NOT NULL")
elif case == "reordered":
    # the same columns declared in another order: values land in the other column
    rewrite("interviews", "device_id TEXT NOT NULL, interviewer TEXT NOT NULL DEFAULT ''",
            "interviewer TEXT NOT NULL DEFAULT '', device_id TEXT NOT NULL")
elif case == "blob-uuids":
    every_uuid("CAST(uuid AS BLOB)")
elif case == "upper-uuids":
    every_uuid("upper(uuid)")
elif case == "escape-uuid":
    every_uuid("CASE WHEN uuid = (SELECT min(uuid) FROM interviews) THEN "
               "char(27) || '[2J' || char(10) || 'survey: all inputs verified' ELSE uuid END")
elif case == "blob-value":
    db.execute("UPDATE answers SET value = x'00ff' WHERE uuid = (SELECT min(uuid) FROM answers)")
elif case == "nul-text":
    db.execute("UPDATE answers SET value = ? WHERE uuid = (SELECT min(uuid) FROM answers) AND "
               "path = (SELECT min(path) FROM answers WHERE uuid = (SELECT min(uuid) FROM "
               "answers))", ("1\x00hidden",))
elif case == "provenance-blob":
    db.execute("INSERT INTO provenance VALUES ('x', 'now', 'p', NULL, x'00', 0, 0, 0, 0, 0)")
elif case == "bad-state":
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("UPDATE answers SET state = 'hacked' WHERE uuid = (SELECT min(uuid) FROM "
               "answers)")
elif case == "escape-interviewer":
    db.execute("UPDATE interviews SET interviewer = char(27) || '[2J' || char(13) || 'survey: ok' "
               "WHERE uuid = (SELECT min(uuid) FROM interviews)")
elif case == "escape-event":
    db.execute("UPDATE events SET kind = 'opened' || char(27) || ']0;x' || char(7) "
               "WHERE seq = 1 AND uuid = (SELECT min(uuid) FROM interviews)")
elif case == "bad-origin":
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("UPDATE interviews SET origin = 'approved' WHERE uuid = (SELECT min(uuid) FROM interviews)")
elif case == "bad-seq":
    db.execute("UPDATE events SET seq = -seq WHERE uuid = (SELECT min(uuid) FROM events)")
elif case == "garbage-schema":
    db.execute("PRAGMA writable_schema = ON")
    db.execute("UPDATE sqlite_schema SET sql = 'garbage' WHERE name = 'meta'")
    db.execute("PRAGMA writable_schema = OFF")
elif case == "extra-table":
    db.execute("CREATE TABLE extra(x)")
elif case == "app-id":
    db.execute("PRAGMA application_id = 0")
elif case == "old-version":
    db.execute("PRAGMA user_version = 0")
elif case == "corrupt":
    pass
elif case == "wal":
    # a laptop file copied while open in WAL mode: its last commit (one interview removed) is
    # only in OUT-wal
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA wal_autocheckpoint=0")
    db.execute("BEGIN")
    for t in ("answers", "events", "interviews"):
        db.execute(f"DELETE FROM {t} WHERE uuid = (SELECT min(uuid) FROM interviews)")
    db.execute("COMMIT")
    shutil.copyfile(out, out + ".copy")
    shutil.copyfile(out + "-wal", out + ".copy-wal")
    db.close()
    shutil.move(out + ".copy", out)
    shutil.move(out + ".copy-wal", out + "-wal")
    sys.exit(0)
elif case == "hot-journal":
    # a copy taken while survey was writing: the file holds half a transaction (pages spilled
    # from a small cache), its -journal the pages as they were before it
    db.execute("PRAGMA cache_size = 1")
    db.execute("BEGIN")
    db.execute("UPDATE answers SET value = 'torn'")
    shutil.copyfile(out, out + ".copy")
    shutil.copyfile(out + "-journal", out + ".copy-journal")
    db.execute("ROLLBACK")
    db.close()
    shutil.move(out + ".copy", out)
    shutil.move(out + ".copy-journal", out + "-journal")
    sys.exit(0)
else:
    sys.exit("unknown case " + case)
db.close()
if case == "corrupt":
    # a b-tree page of the answers overwritten in the middle: an integrity report of many lines
    with open(out, "r+b") as f:
        data = bytearray(f.read())
        page = int.from_bytes(data[16:18], "big")
        for p in range(3, len(data) // page - 1, 3):
            data[p * page + 8: p * page + 40] = b"\xff" * 32
        f.seek(0)
        f.write(data)
