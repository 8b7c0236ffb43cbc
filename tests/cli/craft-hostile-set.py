#!/usr/bin/env python3
"""A second set of hostile merge inputs, written apart from craft-hostile.py. usage: craft-hostile-set.py GOOD.db OUTDIR
Writes OUTDIR/NN-name.db and OUTDIR/expect.txt (name expectation: refuse|accept|either)."""
import hashlib, os, shutil, sqlite3, sys, zipfile, io

good, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
expect = []

def f(t):
    return (t.encode() + b"\0") if t is not None else b"\x01\0"

def rehash(c, uuid):
    r = c.execute("select form_id, form_version, status from interviews where uuid=?", (uuid,)).fetchone()
    if not r or r[2] != 'complete':
        return
    h = hashlib.sha256()
    for x in (uuid, r[0], r[1]):
        h.update(f(x))
    rows = c.execute("select path, state, value from answers where uuid=? order by path", (uuid,)).fetchall()
    rows.sort(key=lambda x: x[0].encode() if isinstance(x[0], str) else b"")
    if not rows:
        rows = [(None, None, None)]
    for p, s, v in rows:
        for x in (p, s, v):
            h.update(f(x if x is None else str(x)))
    c.execute("update interviews set content_hash=? where uuid=?", (h.hexdigest(), uuid))

n = [0]
c_path = [None]   # the file being crafted, for steps that close and reopen it
def variant(name, exp, fn):
    """Copy the genuine pack to NN-name.db, unpack it, let fn change it (fn may close the
    connection to reopen the file by c_path[0]) and note what merge must do with it."""
    n[0] += 1
    path = os.path.join(out, "%02d-%s.db" % (n[0], name))
    shutil.copy(good, path)
    c_path[0] = path
    c = sqlite3.connect(path, isolation_level=None)
    c.execute("delete from meta where key='content_sha256'")
    fn(c)
    c.close()   # a no-op when fn closed it
    expect.append("%s %s" % (os.path.basename(path), exp))

def first(c, status='complete'):
    return c.execute("select uuid from interviews where status=? order by uuid limit 1", (status,)).fetchone()[0]

def ws(c, old, new, name):
    c.execute("pragma writable_schema=ON")
    c.execute("update sqlite_schema set sql=replace(sql, ?, ?) where name=?", (old, new, name))
    c.execute("pragma writable_schema=OFF")

def null_device(c):
    ws(c, "device_id TEXT NOT NULL", "device_id TEXT", "interviews")
variant("null-device-schema", "refuse", null_device)

def null_device_data(c):
    u = first(c)
    c.execute("pragma writable_schema=ON")
    c.execute("update sqlite_schema set sql=replace(sql,'device_id TEXT NOT NULL','device_id TEXT') where name='interviews'")
    c.execute("pragma writable_schema=OFF")
    c.close()
    c2 = sqlite3.connect(c_path[0], isolation_level=None)
    c2.execute("update interviews set device_id=NULL where uuid=?", (u,))
    c2.execute("pragma writable_schema=ON")
    c2.execute("update sqlite_schema set sql=replace(sql,'device_id TEXT,','device_id TEXT NOT NULL,') where name='interviews'")
    c2.execute("pragma writable_schema=OFF")
    c2.close()
variant("null-device-restored-schema", "refuse", null_device_data)

def null_status(c):
    u = first(c, 'draft') if c.execute("select count(*) from interviews where status='draft'").fetchone()[0] else first(c)
    c.execute("pragma ignore_check_constraints=ON")
    ws(c, "status TEXT NOT NULL CHECK", "status TEXT CHECK", "interviews")
    c.close()
    c2 = sqlite3.connect(c_path[0], isolation_level=None)
    c2.execute("pragma ignore_check_constraints=ON")
    c2.execute("update interviews set status=NULL where uuid=?", (u,))
    c2.execute("pragma writable_schema=ON")
    c2.execute("update sqlite_schema set sql=replace(sql,'status TEXT CHECK','status TEXT NOT NULL CHECK') where name='interviews'")
    c2.execute("pragma writable_schema=OFF")
    c2.close()
variant("null-status-restored-schema", "refuse", null_status)

def approved(c):
    c.execute("pragma ignore_check_constraints=ON")
    u = first(c)
    c.execute("update interviews set status='approved' where uuid=?", (u,))
variant("status-approved-check-bypassed", "refuse", approved)

def upper_uuid(c):
    u = first(c)
    U = u.upper()
    c.execute("pragma foreign_keys=OFF")
    for t in ("answers", "events"):
        c.execute("update %s set uuid=? where uuid=?" % t, (U, u))
    c.execute("update interviews set uuid=? where uuid=?", (U, u))
    rehash(c, U)
variant("uppercase-uuid", "refuse", upper_uuid)

def blob_uuid(c):
    u = first(c)
    c.execute("pragma foreign_keys=OFF")
    for t in ("answers", "events", "interviews"):
        c.execute("update %s set uuid=cast(uuid as blob) where uuid=?" % t, (u,))
variant("blob-uuid", "refuse", blob_uuid)

def space_uuid(c):
    u = first(c)
    c.execute("pragma foreign_keys=OFF")
    for t in ("answers", "events", "interviews"):
        c.execute("update %s set uuid=uuid||' ' where uuid=?" % t, (u,))
    rehash(c, u + " ")
variant("trailing-space-uuid", "refuse", space_uuid)

def text_seq(c):
    u = first(c)
    c.execute("update events set seq=cast(seq as text) where uuid=? and seq=2", (u,))
variant("text-seq", "accept", text_seq)   # INTEGER affinity: stored as an integer again

def text_revision(c):
    c.execute("update interviews set revision='abc' where uuid=?", (first(c),))
variant("text-revision", "refuse", text_revision)

def real_offset(c):
    c.execute("update events set offset_ms=1.5 where uuid=? and seq=1", (first(c),))
variant("real-offset", "refuse", real_offset)

def view_answers(c):
    c.execute("alter table answers rename to answers_real")
    c.execute("create view answers as select * from answers_real")
variant("answers-view", "refuse", view_answers)

def trigger(c):
    c.execute("create trigger t after insert on meta begin select 1; end")
variant("trigger", "refuse", trigger)

def expr_index(c):
    c.execute("create index ev_len on events(length(new_value))")
variant("expression-index", "refuse", expr_index)

def partial_index(c):
    c.execute("create index ev_part on events(kind) where kind = 'answer'")
variant("partial-index", "refuse", partial_index)

def extra_table(c):
    c.execute("create table evil(x)")
variant("extra-table", "refuse", extra_table)

def extra_column(c):
    c.execute("alter table interviews add column evil text")
variant("extra-column", "refuse", extra_column)

def dropped_index(c):
    c.execute("drop index interviews_by_form")
variant("dropped-index", "refuse", dropped_index)

def fts(c):
    try:
        c.execute("create virtual table ft using fts5(x)")
    except Exception:
        c.execute("create virtual table ft using fts4(x)")
variant("fts-table", "refuse", fts)

def user_version_1(c):
    c.execute("pragma user_version=1")
variant("v2-tables-claiming-v1", "refuse", user_version_1)

def user_version_0(c):
    c.execute("pragma user_version=0")
variant("user-version-0", "refuse", user_version_0)

def missing_device_meta(c):
    c.execute("delete from meta where key='device_id'")
variant("no-device-meta", "refuse", missing_device_meta)

def esc_interviewer(c):
    c.execute("update interviews set interviewer=? where uuid=?",
              ("\x1b[2J\x1b[Hsurvey: all inputs verified\r\n\x07\u009b31m", first(c)))
variant("escape-interviewer", "refuse", esc_interviewer)

def esc_event(c):
    c.execute("update events set kind=? where uuid=? and seq=1", ("op\x1b]0;pwned\x07", first(c)))
variant("escape-event-kind", "refuse", esc_event)

def bad_path(c):
    u = first(c)
    c.execute("insert into answers values (?, '../../etc/passwd', 'x', 'answered', '2021-01-01T00:00:00.000Z')", (u,))
    rehash(c, u)
variant("unknown-path", "refuse", bad_path)

def nan_decimal(c):
    # find an integer/decimal answer: population-like numbers
    r = c.execute("select uuid, path from answers where state='answered' and value glob '[0-9]*' and value not glob '*[^0-9]*' and path not like '%today%' limit 1").fetchone()
    c.execute("update answers set value='NaN' where uuid=? and path=?", r)
    rehash(c, r[0])
variant("nan-number", "refuse", nan_decimal)

def huge_number(c):
    r = c.execute("select uuid, path from answers where state='answered' and value glob '[0-9]*' and value not glob '*[^0-9]*' limit 1").fetchone()
    c.execute("update answers set value='1e999' where uuid=? and path=?", r)
    rehash(c, r[0])
variant("1e999-number", "refuse", huge_number)

def bad_date(c):
    r = c.execute("select uuid, path from answers where path like '%today' limit 1").fetchone()
    c.execute("update answers set value='2021-02-30' where uuid=? and path=?", r)
    rehash(c, r[0])
variant("feb-30-date", "refuse", bad_date)

def bad_choice(c):
    r = c.execute("select uuid, path from answers where path='budget/reallocation' limit 1").fetchone()
    c.execute("update answers set value='maybe_not_a_choice' where uuid=? and path=?", r)
    rehash(c, r[0])
variant("unknown-choice", "refuse", bad_choice)

def ctl_text(c):
    r = c.execute("select a.uuid, a.path from answers a where a.path like '%name%' and a.state='answered' limit 1").fetchone()
    if r:
        c.execute("update answers set value=? where uuid=? and path=?", ("ok\x1b[31mred", r[0], r[1]))
        rehash(c, r[0])
variant("control-in-text", "refuse", ctl_text)

def huge_value(c):
    r = c.execute("select a.uuid, a.path from answers a where a.path like '%name%' and a.state='answered' limit 1").fetchone()
    c.execute("update answers set value=? where uuid=? and path=?", ("A" * 5000000, r[0], r[1]))
    rehash(c, r[0])
variant("5MB-text", "refuse", huge_value)

def dk_with_value(c):
    r = c.execute("select uuid, path from answers where state='answered' and path='budget/reallocation' limit 1").fetchone()
    c.execute("update answers set state='dont_know' where uuid=? and path=?", r)
    rehash(c, r[0])
variant("dont-know-with-value", "refuse", dk_with_value)

def missing_version(c):
    u = first(c)
    c.execute("update interviews set form_version='1999' where uuid=?", (u,))
    rehash(c, u)
variant("form-version-not-embedded", "refuse", missing_version)

def garbage_form(c):
    src = b"this is not a form"
    c.execute("insert into forms values ('covid19_lsg','9999999999','x','x.md','md',?,?, '9999-01-01T00:00:00.000Z')",
              (src, hashlib.sha256(src).hexdigest()))
variant("garbage-newer-form", "refuse", garbage_form)

def relabelled_old_form(c):
    src, = c.execute("select source from forms").fetchone()
    src = bytes(src).replace("Ош".encode(), "HACKED".encode())
    c.execute("insert into forms values ('covid19_lsg','1','x','covid19-lsg.md','md',?,?, '9999-01-01T00:00:00.000Z')",
              (src, hashlib.sha256(src).hexdigest()))
variant("older-version-dated-9999", "either", relabelled_old_form)

def zipbomb(c):
    buf = io.BytesIO()
    # the 300 MiB sheet written in blocks: no 300 MiB string in memory
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook><sheets><sheet name='survey' sheetId='1' r:id='rId1' xmlns:r='http://schemas.openxmlformats.org/officeDocument/2006/relationships'/></sheets></workbook>")
        with z.open("xl/worksheets/sheet1.xml", "w") as w:
            w.write(b"<a>")
            block = b" " * (1024 * 1024)
            for _ in range(300):
                w.write(block)
            w.write(b"</a>")
    src = buf.getvalue()
    c.execute("insert into forms values ('covid19_lsg','9999999999','x','x.xlsx','xlsx',?,?, '2021-01-01T00:00:00.000Z')",
              (src, hashlib.sha256(src).hexdigest()))
variant("zipbomb-newer-form", "refuse", zipbomb)

def bad_conflict_json(c):
    c.execute("insert into conflicts values (?, ?, 3, 1, 'complete', '2021', '{not json', '[]', '[]')",
              (first(c), "0" * 64))
variant("conflict-bad-json", "refuse", bad_conflict_json)

def deep_json(c):
    d = "[" * 5000 + "]" * 5000
    c.execute("insert into conflicts values (?, ?, 3, 1, 'complete', '2021', '{}', ?, ?)",
              (first(c), "1" * 64, d, d))
variant("conflict-deep-json", "refuse", deep_json)

def rowid_table(c):
    ws(c, ") WITHOUT ROWID", ")", "meta")
variant("meta-not-without-rowid", "refuse", rowid_table)

def wal_mode(c):
    c.execute("pragma journal_mode=WAL")
    c.execute("pragma wal_autocheckpoint=0")
    c.execute("update interviews set interviewer='wal-only-change' where uuid=?", (first(c, 'draft') if c.execute("select count(*) from interviews where status='draft'").fetchone()[0] else first(c),))
    # leave the -wal file in place: copy it aside before close checkpoints it
    shutil.copy(c_path[0], c_path[0] + ".main")
    shutil.copy(c_path[0] + "-wal", c_path[0] + ".wal")
    c.close()
    os.replace(c_path[0] + ".main", c_path[0])
    os.replace(c_path[0] + ".wal", c_path[0] + "-wal")
    for x in ("-shm",):
        if os.path.exists(c_path[0] + x):
            os.remove(c_path[0] + x)
variant("wal-mode-with-wal", "accept", wal_mode)

def negative_revision(c):
    c.execute("update interviews set revision=-9223372036854775808 where uuid=?", (first(c),))
variant("min-int-revision", "either", negative_revision)

def garbage_created(c):
    c.execute("update interviews set created='yesterday-ish', modified=x'00' where uuid=?", (first(c),))
variant("garbage-times", "refuse", garbage_created)

def orphan_event(c):
    c.execute("pragma foreign_keys=OFF")
    c.execute("insert into events values ('ffffffff-ffff-4fff-bfff-ffffffffffff', 1, '2021-01-01T00:00:00.000Z', 0, 'opened', NULL, NULL, NULL, NULL, NULL)")
variant("orphan-event", "refuse", orphan_event)

def app_id(c):
    c.execute("pragma application_id=0")
variant("application-id-0", "refuse", app_id)

def answer_typed_int(c):
    r = c.execute("select uuid, path, value from answers where state='answered' and value glob '[0-9]*' and value not glob '*[^0-9]*' limit 1").fetchone()
    c.execute("update answers set value=? where uuid=? and path=?", (int(r[2]), r[0], r[1]))
variant("answer-value-integer-type", "either", answer_typed_int)

with open(os.path.join(out, "expect.txt"), "w") as fh:
    fh.write("\n".join(expect) + "\n")
print(len(expect), "hostile files in", out)
