#!/usr/bin/env python3
"""sync_lock.py EMPIRIE WORK [--posts N] [--changes N] [--runs N] [--reuse] — how long others wait
while the home database applies a large sync file (issue 23). Not part of make check: it
measures, it does not assert (make bench-sync).

Builds a home database (synthetic, --posts posts), issues a copy to a member, writes a
file of --changes changes from that copy (one new thread and its replies, in a tree,
signed with the copy's secret as the copy would), and applies it --runs times to a fresh
copy of the home database while another connection takes the write lock every 5 ms, as
a person's reply would. Prints the apply's time, the longest and the median wait of that
other writer, and beside them the raw SQLite cost: the same rows put into the posts
table in one transaction with nothing else (no checks, no index of words, no audit)."""
import argparse
import hashlib
import hmac
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time


def run(argv, **kw):
    return subprocess.run(argv, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=dict(os.environ, EMPIRIE_NOW="2026-11-28T09:00:00Z"), **kw)


def build(exe, work, posts, reuse):
    home, lap = os.path.join(work, "home.db"), os.path.join(work, "lap.db")
    if reuse and os.path.exists(home) and os.path.exists(lap):
        return home, lap
    for f in (home, lap):
        for x in ("", "-wal", "-shm"):
            if os.path.exists(f + x):
                os.remove(f + x)
    run([exe, "--db", home, "gen", "--towns", "400", "--threads", str(max(posts // 100, 10)),
         "--posts", str(posts), "--seed", "7"])
    run([exe, "--db", home, "admin", "add-account", "anna", "--role", "member", "--city", "Zabrze"])
    run([exe, "--db", home, "snapshot", lap, "--for", "anna"])
    return home, lap


def forge(lap, out, changes):
    c = sqlite3.connect(lap)
    family = c.execute("SELECT value FROM meta WHERE key = 'family'").fetchone()[0]
    site, secret = c.execute("SELECT site, secret FROM sync_keys ORDER BY site DESC LIMIT 1").fetchone()
    c.close()
    base = site << 40
    rnd = random.Random(7)
    tid = base + 1
    ops = ['{"op":"thread","id":%d,"network":1,"title":"Rewitalizacja zbiornika","author":"anna",'
           '"created_at":"2026-11-28T08:00:00Z","meeting":null,"practices":[],"locked":0,"pinned":0,'
           '"by":null,"locked_at":null,"pinned_at":null}' % tid]
    ids = []
    for i in range(changes - 1):
        pid = base + 2 + i
        # as people answer: the first post often, else one of the latest few
        parent = 0 if not ids or rnd.random() < 0.3 else rnd.choice(ids[-4:])
        ops.append('{"op":"post","id":%d,"thread":%d,"parent":%d,"author":"anna","body":"Odpowiedź %d: '
                   'jak w Żywcu przygotowano wniosek o rewitalizację zbiornika i co z tego wyszło.",'
                   '"created_at":"2026-11-28T08:30:00Z","edited_at":null,"hidden":0,"hidden_reason":"",'
                   '"base":null,"base_at":null,"by":null,"hid_by":null,"hidden_at":null,"history":[]}'
                   % (pid, tid, parent, i))
        ids.append(pid)
    head = ('{"family":"%s","site":%d,"schema":7,"created_at":"2026-11-28T08:40:00Z","since":0,"upto":1}'
            % (family, site))
    body = '\n'.join(['EMPIRIE-SYNC 2', head] + ops) + '\nEND %d\n' % len(ops)
    mac = hmac.new(bytes(secret), body.encode(), hashlib.sha256).hexdigest()
    with open(out, "w", encoding="utf-8") as f:
        f.write(body + 'SIGN %d %s\n' % (site, mac))
    return [(base + 2 + i) for i in range(changes - 1)], tid


def fresh(home, work):
    db = os.path.join(work, "run.db")
    for x in ("", "-wal", "-shm"):
        if os.path.exists(db + x):
            os.remove(db + x)
    src = sqlite3.connect(home)
    dst = sqlite3.connect(db)
    src.backup(dst)
    src.close()
    dst.close()
    return db


def apply_with_writer(exe, db, sync):
    waits, stop = [], threading.Event()

    def writer():
        c = sqlite3.connect(db, timeout=60, isolation_level=None)
        while not stop.is_set():
            t0 = time.monotonic()
            c.execute("BEGIN IMMEDIATE")
            c.execute("COMMIT")
            waits.append(time.monotonic() - t0)
            time.sleep(0.005)
        c.close()

    th = threading.Thread(target=writer)
    th.start()
    time.sleep(0.05)
    t0 = time.monotonic()
    try:
        run([exe, "--db", db, "sync", "apply", sync])
    finally:
        took = time.monotonic() - t0
        stop.set()
        th.join()
    return took, max(waits), statistics.median(waits)


def raw_floor(db, ids, tid):
    c = sqlite3.connect(db, isolation_level=None)
    t0 = time.monotonic()
    c.execute("BEGIN IMMEDIATE")
    c.execute("INSERT INTO threads(id, network_id, title, author_id, created_at, last_post_at)"
              " VALUES (?, 1, 'Rewitalizacja zbiornika', 1, '2026-11-28T08:00:00Z', '2026-11-28T08:00:00Z')",
              (tid,))
    c.executemany("INSERT INTO posts(id, thread_id, author_id, body, created_at, path)"
                  " VALUES (?, ?, 1, 'Odpowiedź: jak w Żywcu przygotowano wniosek.', '2026-11-28T08:30:00Z',"
                  " x'00')", [(i, tid) for i in ids])
    c.execute("COMMIT")
    took = time.monotonic() - t0
    c.close()
    return took


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("work")
    ap.add_argument("--posts", type=int, default=100000)
    ap.add_argument("--changes", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--reuse", action="store_true", help="keep the databases of a run before")
    o = ap.parse_args()
    os.makedirs(o.work, exist_ok=True)
    home, lap = build(o.exe, o.work, o.posts, o.reuse)
    sync = os.path.join(o.work, "big.sync")
    ids, tid = forge(lap, sync, o.changes)
    print("home database: %d posts; file: %d changes, %d bytes"
          % (o.posts, o.changes, os.path.getsize(sync)))
    rows = []
    for _ in range(o.runs):
        rows.append(apply_with_writer(o.exe, fresh(home, o.work), sync))
    floor = statistics.median(raw_floor(fresh(home, o.work), ids, tid) for _ in range(o.runs))
    print("%-46s %8s" % ("median of %d runs" % o.runs, "seconds"))
    print("%-46s %8.3f" % ("sync apply, the whole command", statistics.median(r[0] for r in rows)))
    print("%-46s %8.3f" % ("another writer's longest wait meanwhile", statistics.median(r[1] for r in rows)))
    print("%-46s %8.3f" % ("another writer's median wait meanwhile", statistics.median(r[2] for r in rows)))
    print("%-46s %8.3f" % ("raw SQLite: the same posts in one transaction", floor))
    shutil.rmtree(os.path.join(o.work, "unused"), ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
