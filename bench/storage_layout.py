#!/usr/bin/env python3
# bench/storage_layout.py: the candidate storage layouts of issue 18, built from a survey
# database of schema 7 (answers and events as rows) into new files, measured (bytes per
# interview) and, for the chosen layout, checked lossless: its readable views give back every
# row of answers, events and interviews exactly.
#   python3 bench/storage_layout.py IN.db OUTDIR CSV_BYTES_PER_COMPLETE [--check]
# --check builds only the chosen layout (the views are always checked). The form versions'
# nodes come from `$SURVEY check --dump` (default: the survey binary beside bench/).
# Layouts (DESIGN.md, Storage, "Compact layout"):
#   rows      compact rows: uuid BLOB(16), integer path ids, integer ms times relative to the
#             interview, small-int states and kinds, no old_value (design (a) of the task;
#             measured only: its path ids are ranks in this file, not the form's)
#   json      one record per interview: answers and events as compact JSON arrays, paths as
#             text (design (b) without path ids)
#   record    the chosen layout: one record per interview, paths as ids of the form version,
#             events without the values the answers already hold, times as ms deltas (the
#             wall clock's as its difference from the monotonic offset's), old
#             values derived (LAG); pages of 16 KiB so a record is not split into overflow
# The input is opened read-only and never changed.
import json
import os
import sqlite3
import sys
import uuid as U
from datetime import datetime, timezone

STATES = ["answered", "skipped", "dont_know", "refused"]
KINDS = ["opened", "answer", "moved", "language", "left", "completed", "reopened",
         "discarded", "removed", "attached", "comment"]
ISO = "%Y-%m-%dT%H:%M:%S.%fZ"


def ms(text):
    """The UTC time in ms of an ISO text that round-trips exactly, else None."""
    try:
        d = datetime.strptime(text, ISO).replace(tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return None
    v = round(d.timestamp() * 1000)
    back = datetime.fromtimestamp(v / 1000, timezone.utc).strftime(ISO)[:-4] + "Z"
    return v if back == text else None


def form_paths(name, source):
    """{node path: (id, template)} of a form's nodes, from `survey check --dump` of its
    bytes; {} when it cannot be read (every path is then kept as its text)."""
    import re, subprocess, tempfile
    survey = os.environ.get("SURVEY") or os.path.join(os.path.dirname(__file__), "..", "survey")
    out = {}
    with tempfile.TemporaryDirectory() as d:
        f = os.path.join(d, os.path.basename(name or "form.md") or "form.md")
        with open(f, "wb") as w:
            w.write(source if isinstance(source, bytes) else source.encode())
        try:
            dump = subprocess.run([survey, "check", f, "--dump"], capture_output=True,
                                  timeout=60).stdout.decode()
        except (OSError, subprocess.SubprocessError):
            return {}
    nodes = {}
    for line in dump.splitlines():
        m = re.match(r"^node (\d+) (.*) \S+ path=(\S*) parent=", line)
        if m and m.group(3):
            nodes[m.group(3)] = (int(m.group(1)), m.group(2) == "begin repeat")
    for path, (nid, _) in nodes.items():
        segs = path.split("/")
        t = []
        for k in range(len(segs)):
            t.append(segs[k] + ("[%]" if nodes.get("/".join(segs[:k + 1]), (0, 0))[1] else ""))
        template = "/".join(t)
        if template.count("[%]") <= 1:   # nested repeats: paths kept as text
            out[path] = (nid, template)
    return out


def path_key(fpaths, p):
    """A path's key in a record: the node id, [id, instance] or the path itself."""
    import re
    m = re.fullmatch(r"([^\[\]]*)\[([1-9][0-9]{0,8})\]([^\[\]]*)", p)
    node = m.group(1) + m.group(3) if m else p
    if node in fpaths:
        nid, template = fpaths[node]
        if m is None and "[%]" not in template:
            return nid
        if m is not None and template.replace("[%]", "[%s]" % m.group(2)) == p:
            return [nid, int(m.group(2))]
    return p


def hash_blob(h):
    """A lowercase hex SHA-256 as its 32 bytes; any other value as it is."""
    if isinstance(h, str) and len(h) == 64 and h == h.lower():
        try:
            return bytes.fromhex(h)
        except ValueError:
            pass
    return h


def dumps(x):
    return json.dumps(x, separators=(",", ":"), ensure_ascii=False)


def code(words, w):
    return words.index(w) if w in words else w


def new_db(path, page_size=4096):
    for suffix in ("", "-journal", "-wal"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path)
    db.execute("PRAGMA page_size = %d" % page_size)
    return db


def finish(db, path, n):
    db.commit()
    if "src" in [r[1] for r in db.execute("PRAGMA database_list")]:
        db.execute("DETACH src")
    db.execute("VACUUM")
    db.close()
    return os.path.getsize(path) / n


# The chosen layout's tables and views (SQLite 3.40: json_each, ->>, window functions). The
# time columns have no declared type (no affinity): a text that looks like a number stays text.
RECORD_SCHEMA = """
CREATE TABLE paths(form_id TEXT NOT NULL, form_version TEXT NOT NULL, id INTEGER NOT NULL,
  path TEXT NOT NULL, PRIMARY KEY(form_id, form_version, id)) WITHOUT ROWID;
CREATE TABLE interviews(uuid TEXT PRIMARY KEY, form_id TEXT NOT NULL,
  form_version TEXT NOT NULL, device_id TEXT NOT NULL, interviewer TEXT NOT NULL,
  status INTEGER NOT NULL, revision INTEGER NOT NULL, created NOT NULL, modified NOT NULL,
  completed, content_hash, lang TEXT, position TEXT, instance_name TEXT,
  origin INTEGER NOT NULL, answers TEXT NOT NULL, events TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE kinds(id INTEGER PRIMARY KEY, k TEXT NOT NULL UNIQUE);
CREATE VIEW interviews_v AS SELECT uuid, form_id, form_version, device_id, interviewer,
  CASE status WHEN 0 THEN 'draft' WHEN 1 THEN 'complete' WHEN 2 THEN 'discarded' END AS status,
  revision,
  CASE WHEN typeof(created) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ', created / 1000.0,
    'unixepoch') ELSE created END AS created,
  CASE WHEN typeof(modified) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ',
    (created + modified) / 1000.0, 'unixepoch') ELSE modified END AS modified,
  CASE WHEN typeof(completed) = 'integer' THEN strftime('%Y-%m-%dT%H:%M:%fZ',
    (created + completed) / 1000.0, 'unixepoch') ELSE completed END AS completed,
  CASE typeof(content_hash) WHEN 'blob' THEN lower(hex(content_hash)) ELSE content_hash END
    AS content_hash, lang, position, instance_name,
  CASE origin WHEN 0 THEN 'field' WHEN 1 THEN 'imported' WHEN 2 THEN 'simulated' END AS origin
  FROM interviews;
CREATE VIEW answers_x AS SELECT i.uuid, i.form_id, i.form_version,
  CASE WHEN t.path = '$' THEN t.key ELSE CAST(substr(t.path, 3, length(t.path) - 3) AS INTEGER)
    END AS id,
  CASE WHEN t.path = '$' THEN NULL ELSE t.key END AS n, t.value AS entry, t.type AS etype
  FROM interviews i, json_tree(i.answers) t
  WHERE t.type IN ('text', 'array') AND
    (t.path = '$' AND t.key > 0 OR typeof(t.key) = 'text' AND t.path GLOB '$[[0-9]*]');
CREATE VIEW answers_a AS SELECT x.uuid,
  CASE WHEN x.id = 0 THEN x.n ELSE (SELECT CASE WHEN x.n IS NULL THEN p.path
    ELSE replace(p.path, '[%]', '[' || x.n || ']') END FROM paths p
    WHERE p.form_id = x.form_id AND p.form_version = x.form_version AND p.id = x.id) END
    AS path,
  CASE x.etype WHEN 'text' THEN x.entry ELSE x.entry ->> 0 END AS value,
  CASE x.etype WHEN 'text' THEN 0 ELSE coalesce(x.entry ->> 1, 0) END AS state,
  CASE x.etype WHEN 'array' THEN x.entry ->> 2 END AS modified
  FROM answers_x x;
CREATE VIEW events_e AS SELECT i.uuid, i.form_id, i.form_version, i.created,
  CASE typeof(i.content_hash) WHEN 'blob' THEN lower(hex(i.content_hash))
    ELSE i.content_hash END AS content_hash, e.key + 1 AS seq,
  e.value AS ev, json_array_length(e.value) AS n,
  CASE json_type(e.value, '$[3]')
    WHEN 'integer' THEN (SELECT p.path FROM paths p WHERE p.form_id = i.form_id AND
      p.form_version = i.form_version AND p.id = e.value ->> 3)
    WHEN 'array' THEN replace((SELECT p.path FROM paths p WHERE p.form_id = i.form_id AND
      p.form_version = i.form_version AND p.id = e.value ->> '$[3][0]'), '[%]',
      '[' || (e.value ->> '$[3][1]') || ']')
    WHEN 'text' THEN e.value ->> 3 END AS path
  FROM interviews i, json_each(i.events) e;
CREATE VIEW events_r AS SELECT e.uuid, e.seq,
  CASE WHEN json_type(e.ev, '$[0]') = 'text' THEN e.ev ->> 0 ELSE
    strftime('%Y-%m-%dT%H:%M:%fZ', (e.created + sum(CASE WHEN json_type(e.ev, '$[0]') = 'text'
    THEN 0 ELSE (e.ev ->> 0) + (e.ev ->> 1) END) OVER w) / 1000.0, 'unixepoch') END AS at,
  sum(e.ev ->> 1) OVER w AS offset_ms,
  CASE typeof(e.ev ->> 2) WHEN 'integer' THEN (SELECT k FROM kinds WHERE id = e.ev ->> 2)
    ELSE e.ev ->> 2 END AS kind,
  e.path,
  CASE WHEN e.path IS NOT NULL AND (e.n = 4 OR json_type(e.ev, '$[4]') = 'true')
    THEN (SELECT a.value FROM answers_a a WHERE a.uuid = e.uuid AND a.path = e.path)
    WHEN e.n > 4 AND json_type(e.ev, '$[4]') = 'true' THEN e.content_hash
    WHEN e.n > 4 THEN e.ev ->> 4 END AS new_value,
  CASE WHEN e.path IS NOT NULL AND (e.n = 4 OR json_type(e.ev, '$[4]') = 'true')
    THEN (SELECT a.state FROM answers_a a WHERE a.uuid = e.uuid AND a.path = e.path)
    WHEN e.n > 5 THEN e.ev ->> 5 END AS new_state,
  e.n, e.ev
  FROM events_e e WINDOW w AS (PARTITION BY e.uuid ORDER BY e.seq);
CREATE VIEW events_v AS SELECT uuid, seq, at, offset_ms, kind, path,
  CASE WHEN n > 6 THEN ev ->> 6 WHEN path IS NULL THEN NULL ELSE
    lag(new_value) OVER (PARTITION BY uuid, path ORDER BY seq) END AS old_value,
  new_value,
  CASE WHEN n > 6 THEN ev ->> 7 WHEN path IS NULL THEN NULL ELSE
    lag(CASE new_state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'
    WHEN 3 THEN 'refused' ELSE new_state END) OVER (PARTITION BY uuid, path ORDER BY seq) END
    AS old_state,
  CASE new_state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'
    WHEN 3 THEN 'refused' ELSE new_state END AS new_state
  FROM events_r;
CREATE VIEW answers_v AS SELECT a.uuid, a.path, a.value,
  CASE a.state WHEN 0 THEN 'answered' WHEN 1 THEN 'skipped' WHEN 2 THEN 'dont_know'
    WHEN 3 THEN 'refused' ELSE a.state END AS state,
  coalesce(a.modified, (SELECT e.at FROM events_r e WHERE e.uuid = a.uuid AND e.path = a.path
    ORDER BY e.seq DESC LIMIT 1)) AS modified
  FROM answers_a a;
"""


def build_record(src, in_path, out):
    """The chosen layout. Returns the output database (not closed)."""
    db = new_db(out, 16384)
    db.executescript(RECORD_SCHEMA)
    db.executemany("INSERT INTO kinds VALUES(?, ?)", enumerate(KINDS))
    # path ids: the node's index in the form version (`survey check --dump`, document order),
    # deterministic from the form's bytes; a repeat instance as [id, instance]; a path the
    # form does not have (or nested repeats, not encoded yet) kept as its text
    forms = {}
    for fid, ver, name, source in src.execute(
            "SELECT form_id, version, source_name, source FROM forms ORDER BY 1, 2"):
        forms[(fid, ver)] = form_paths(name, source)
        for node_path, (nid, template) in sorted(forms[(fid, ver)].items()):
            db.execute("INSERT INTO paths VALUES(?, ?, ?, ?)", (fid, ver, nid, template))
    for row in src.execute("SELECT uuid, form_id, form_version, device_id, interviewer, status, "
                           "revision, created, modified, completed, content_hash, lang, "
                           "position, instance_name, origin FROM interviews ORDER BY uuid"):
        (u, fid, ver, dev, who, status, rev, created, modified, completed, chash, lang, pos,
         name, origin) = row
        answers = list(src.execute("SELECT path, value, state, modified FROM answers "
                                   "WHERE uuid = ? ORDER BY path", (u,)))
        events = list(src.execute("SELECT seq, at, offset_ms, kind, path, old_value, "
                                  "new_value, old_state, new_state FROM events "
                                  "WHERE uuid = ? ORDER BY seq", (u,)))
        fpaths = forms.get((fid, ver), {})
        pid = {p: path_key(fpaths, p) for p in
               [r[0] for r in answers] + [e[4] for e in events if e[4] is not None]}
        c0 = ms(created)
        rel = lambda t: (ms(t) - c0) if (c0 is not None and ms(t) is not None) else t
        assert [e[0] for e in events] == list(range(1, len(events) + 1))
        final = {p: (v, s) for p, v, s, _ in answers}
        last_at = {}
        for e in events:
            if e[4] is not None:
                last_at[e[4]] = e[1]
        # answers[id]: the value (text) of an answer 'answered' whose time is its last
        # event's, else [value, state, time]; 0 where the path has no answer
        ents = {}
        for p, v, s_, m in answers:
            if s_ == "answered" and last_at.get(p) == m and isinstance(v, str):
                ents[p] = v
            else:
                ents[p] = [v, code(STATES, s_)] + ([m] if last_at.get(p) != m else [])
        top = max([pid[p] if isinstance(pid[p], int) else pid[p][0] for p in ents
                   if not isinstance(pid[p], str)], default=0)
        a_json = [0] * (top + 1)
        for p, ent in ents.items():
            k = pid[p]
            if isinstance(k, str):
                if a_json[0] == 0:
                    a_json[0] = {}
                a_json[0][k] = ent
            elif isinstance(k, int):
                a_json[k] = ent
            else:
                if a_json[k[0]] == 0:
                    a_json[k[0]] = {}
                a_json[k[0]][str(k[1])] = ent
        e_json = []
        prev_at, prev_off, prev = c0, 0, {}
        literal = c0 is None or any(ms(e[1]) is None for e in events)
        for seq, at, off, kind, p, ov, nv, os_, ns in events:
            # the wall clock's step less the monotonic clock's: 0 unless the clock was changed
            ent = [at if literal else (ms(at) - prev_at) - (off - prev_off), off - prev_off,
                   code(KINDS, kind)]
            if not literal:
                prev_at = ms(at)
            prev_off = off
            tail = []
            explicit = False
            if p is not None:
                tail.append(pid[p])
                if p in final and final[p] == (nv, ns):
                    tail.append(True)   # the value and state the answer holds
                else:
                    tail += [nv, code(STATES, ns)]
                derived = prev.get(p, (None, None))
                explicit = derived != (ov, os_)
                if explicit:   # explicit old values always come as a pair
                    while len(tail) < 3:
                        tail.append(None)
                    tail += [ov, os_]
                prev[p] = (nv, ns)
            elif nv is not None or ov is not None or ns is not None or os_ is not None:
                # a completed event's value is the content hash the interview row holds
                tail = [None, True if nv is not None and nv == chash else nv, ns, ov, os_]
            while len(tail) > (5 if explicit else 0) and (
                    tail[-1] is True and tail[0] is not None or
                    tail[-1] is None and len(tail) > 2):
                tail.pop()
            e_json.append(ent + tail)
        db.execute("INSERT INTO interviews VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (
            u, fid, ver, dev, who, ["draft", "complete", "discarded"].index(status), rev,
            c0 if c0 is not None else created, rel(modified),
            rel(completed) if completed is not None else None,
            hash_blob(chash), lang, pos, name,
            ["field", "imported", "simulated"].index(origin), dumps(a_json), dumps(e_json)))
    return db


def build_rows(src, in_path, out):
    db = new_db(out)
    db.execute("ATTACH 'file:%s?mode=ro' AS src" % in_path.replace("'", "''"))
    db.executescript(
        "CREATE TABLE interviews AS SELECT * FROM src.interviews WHERE 0;"
        "CREATE TABLE answers(uuid BLOB, path INTEGER, value, state INTEGER, modified INTEGER,"
        " PRIMARY KEY(uuid, path)) WITHOUT ROWID;"
        "CREATE TABLE events(uuid BLOB, seq INTEGER, at INTEGER, offset_ms INTEGER,"
        " kind INTEGER, path INTEGER, new_value, new_state INTEGER,"
        " PRIMARY KEY(uuid, seq)) WITHOUT ROWID;"
        "INSERT INTO interviews SELECT * FROM src.interviews;")
    paths = {}
    created = dict(src.execute("SELECT uuid, ms(created) FROM interviews"))
    for u, p, v, s, m in src.execute("SELECT * FROM answers"):
        db.execute("INSERT INTO answers VALUES(?,?,?,?,?)", (U.UUID(u).bytes,
                   paths.setdefault(p, len(paths)), v, STATES.index(s), ms(m) - created[u]))
    for u, seq, at, off, k, p, _, nv, _, ns in src.execute("SELECT * FROM events"):
        db.execute("INSERT INTO events VALUES(?,?,?,?,?,?,?,?)", (
            U.UUID(u).bytes, seq, ms(at) - created[u], off, code(KINDS, k),
            paths.setdefault(p, len(paths)) if p else None, nv,
            STATES.index(ns) if ns else None))
    return db


def build_json(src, in_path, out):
    db = new_db(out)
    db.execute("ATTACH 'file:%s?mode=ro' AS src" % in_path.replace("'", "''"))
    db.executescript(
        "CREATE TABLE interviews AS SELECT * FROM src.interviews WHERE 0;"
        "CREATE TABLE records(uuid TEXT PRIMARY KEY, answers TEXT, events TEXT) WITHOUT ROWID;"
        "INSERT INTO interviews SELECT * FROM src.interviews;")
    for u, c in src.execute("SELECT uuid, ms(created) FROM interviews"):
        a = [[p, v, STATES.index(s), ms(m) - c] for p, v, s, m in src.execute(
            "SELECT path, value, state, modified FROM answers WHERE uuid = ?", (u,))]
        e = [[ms(at) - c, off, code(KINDS, k), p, nv, ns and STATES.index(ns)]
             for at, off, k, p, nv, ns in src.execute(
                 "SELECT at, offset_ms, kind, path, new_value, new_state FROM events "
                 "WHERE uuid = ? ORDER BY seq", (u,))]
        db.execute("INSERT INTO records VALUES(?,?,?)", (u, dumps(a), dumps(e)))
    return db


CHECKS = [
    ("interviews", "SELECT uuid, form_id, form_version, device_id, interviewer, status, "
     "revision, created, modified, completed, content_hash, lang, position, instance_name, "
     "origin FROM %s.interviews", "interviews_v"),
    ("answers", "SELECT uuid, path, value, state, modified FROM %s.answers", "answers_v"),
    ("events", "SELECT uuid, seq, at, offset_ms, kind, path, old_value, new_value, old_state, "
     "new_state FROM %s.events", "events_v"),
]


def check(out_path, in_path):
    """Every row of the input's answers, events and interviews, exactly, from the views."""
    db = sqlite3.connect(out_path)
    db.execute("ATTACH 'file:%s?mode=ro' AS old" % in_path.replace("'", "''"))
    bad = 0
    for name, sql, view in CHECKS:
        old = sql % "old"
        new = sql.replace("%s." + name, view) % ()
        n_old = db.execute("SELECT count(*) FROM (%s)" % old).fetchone()[0]
        n_new = db.execute("SELECT count(*) FROM (%s)" % new).fetchone()[0]
        diff = db.execute("SELECT count(*) FROM (%s EXCEPT %s)" % (old, new)).fetchone()[0]
        diff += db.execute("SELECT count(*) FROM (%s EXCEPT %s)" % (new, old)).fetchone()[0]
        print("    %s: %d rows, the view %d rows, %d differ" % (name, n_old, n_new, diff))
        bad += diff + (n_old != n_new)
    return bad


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: storage_layout.py IN.db OUTDIR CSV_BYTES_PER_COMPLETE [--check]")
    in_path, outdir, csv = sys.argv[1], sys.argv[2], float(sys.argv[3])
    src = sqlite3.connect("file:%s?mode=ro" % in_path, uri=True)
    src.create_function("ms", 1, ms)
    n = src.execute("SELECT count(*) FROM interviews").fetchone()[0]
    if n == 0:
        sys.exit("storage_layout.py: no interviews in " + in_path)
    os.makedirs(outdir, exist_ok=True)
    only_check = "--check" in sys.argv[4:]
    builders = [("record", build_record)] if only_check else [
        ("rows", build_rows), ("json", build_json), ("record", build_record)]
    for name, build in builders:
        out = os.path.join(outdir, name + ".db")
        db = build(src, in_path, out)
        per = finish(db, out, n)
        print("  layout %-7s %7.0f bytes per interview  %5.2fx the CSV" % (name, per, per / csv))
    out = os.path.join(outdir, "record.db")
    if check(out, in_path):
        sys.exit("storage_layout.py: the record layout's views differ from the input")


if __name__ == "__main__":
    main()
