#!/usr/bin/env python3
"""sessions.py — the capacity benchmark of issue 20 (make bench-sessions; not make check).

Usage: sessions.py EMPIRIE DB --sessions 50,200,500 [--rate 5] [--idle 20] [--load 30]
                   [--report doc/PERFORMANCE.md] [--smoke]

N full-screen sessions run in ptys (140x30) on one database, each on the main screen with
network (i mod 8) + 1 selected (its digit), as N people browsing; one in 16 (half of
those on network 8) reads the first thread of network 8 instead. Measured per N:
  - PSS per session (/proc/PID/smaps_rollup) and the idle CPU of all of them together;
  - while another process posts RATE posts a second through the CLI (replies in random
    threads of networks 1-7, and once a second a new thread in network 1): the CPU each
    post costs each session (less its own idle rate), for those that show network 1,
    for the others on the main screen (which show every network's unread count and
    their own network's threads, an eighth of the replies but none on network 8), and
    for those reading a thread in network 8: they show neither a thread nor a network
    any post changes (the title line's unread count aside);
  - the time from a new thread's commit (the CLI exiting) until its title is drawn in
    each session showing network 1 (p50/p99);
  - key latency in one more session meanwhile: F1 until the help text arrives (p50/p99);
  - the raw SQLite cost of the queries a session runs for a post, for comparison.
CPU is read from /proc/PID/stat (user + system time), so a busy machine slows the run
but does not inflate the CPU figures much; wall-clock figures (latencies) do suffer.
"""
import argparse, fcntl, os, pty, random, select, sqlite3, statistics, struct, subprocess
import sys, termios, threading, time

ap = argparse.ArgumentParser()
ap.add_argument("empirie")
ap.add_argument("db")
ap.add_argument("--sessions", default="50,200,500")
ap.add_argument("--rate", type=float, default=5.0)
ap.add_argument("--idle", type=float, default=20.0)
ap.add_argument("--load", type=float, default=30.0)
ap.add_argument("--report")
ap.add_argument("--smoke", action="store_true", help="a short run that checks it works (make check)")
args = ap.parse_args()
EMP, DB = os.path.abspath(args.empirie), os.path.abspath(args.db)
COLS, ROWS = 140, 30
TAIL = 1.0 if args.smoke else 10.0  # seconds after the last post, for its markers (a busy machine draws late)
HZ = 1e9  # cpu_ticks() counts nanoseconds
ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color", NO_COLOR="1")
ENV.pop("EMPIRIE_DB", None)
ENV.pop("EMPIRIE_TRACE_RELOADS", None)

def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return None
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * (len(xs) - 1)))))
    return xs[k]

def cpu_ticks(pid):
    """CPU time in ns (the scheduler's own count: far finer than utime + stime in clock
    ticks, which a session waking for 50 microseconds would never reach)."""
    try:
        with open("/proc/%d/schedstat" % pid) as f:
            return int(f.read().split()[0])
    except (OSError, IndexError, ValueError):
        return 0

def settle(pids, limit=120):
    """Wait until the sessions have done starting (loading lists is CPU without output):
    two seconds in which they used less than 1 ms a second each."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        a = sum(cpu_ticks(p) for p in pids)
        time.sleep(2)
        b = sum(cpu_ticks(p) for p in pids)
        if (b - a) / 1e9 / 2 / max(1, len(pids)) < 0.001:
            return True
    return False

def pss_kb(pid):
    try:
        with open("/proc/%d/smaps_rollup" % pid) as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None

# Marker titles: 10 digits from one of three alphabets in turn (0-2, 3-5, 6-8), so a
# title replaces in every cell whatever marker the row held one or two reloads before
# (the terminal library writes only the cells that change: a shared character would
# split the title on the wire). Digits are no words: posting them never loads the
# dictionary.
ALPHA = ("012", "345", "678")
def marker(k):
    a = ALPHA[k % 3]
    out = []
    for _ in range(10):
        out.append(a[k % 3])
        k //= 3
    return "".join(out)

class Screen:
    """Just enough of a terminal to know what a watching session shows: the program
    (ncurses, TERM=xterm-256color, no idlok) moves the cursor, writes text, erases and
    inserts or deletes characters; colours and character sets are ignored. A marker is
    seen when a row holds it, however the library split its writing."""
    def __init__(self, rows, cols):
        self.rows, self.cols = rows, cols
        self.cells = [[" "] * cols for _ in range(rows)]
        self.y = self.x = 0
        self.pending = ""
    def feed(self, text):
        t = self.pending + text
        self.pending = ""
        i, n = 0, len(t)
        while i < n:
            ch = t[i]
            if ch == "\x1b":
                if i + 1 >= n:
                    self.pending = t[i:]
                    return
                nxt = t[i + 1]
                if nxt == "[":
                    j = i + 2
                    while j < n and not ("@" <= t[j] <= "~"):
                        j += 1
                    if j >= n:
                        self.pending = t[i:]
                        return
                    self.csi(t[i + 2:j], t[j])
                    i = j + 1
                    continue
                if nxt in "()*+":
                    if i + 2 >= n:
                        self.pending = t[i:]
                        return
                    i += 3
                    continue
                i += 2
                continue
            if ch == "\r":
                self.x = 0
            elif ch == "\n":
                self.y = min(self.rows - 1, self.y + 1)
            elif ch == "\b":
                self.x = max(0, self.x - 1)
            elif ch >= " ":
                if self.x < self.cols and self.y < self.rows:
                    self.cells[self.y][self.x] = ch
                self.x += 1
            i += 1
    def csi(self, params, final):
        ps = [int(p) if p.isdigit() else 0 for p in params.lstrip("?>").split(";")] if params else []
        a = ps[0] if ps else 0
        row = self.cells[self.y] if self.y < self.rows else None
        if final in "Hf":
            self.y = max(0, (ps[0] if ps and ps[0] else 1) - 1)
            self.x = max(0, (ps[1] if len(ps) > 1 and ps[1] else 1) - 1)
        elif final == "G":
            self.x = max(0, (a or 1) - 1)
        elif final == "d":
            self.y = max(0, (a or 1) - 1)
        elif final == "C":
            self.x += a or 1
        elif final == "D":
            self.x = max(0, self.x - (a or 1))
        elif final == "A":
            self.y = max(0, self.y - (a or 1))
        elif final == "B":
            self.y = min(self.rows - 1, self.y + (a or 1))
        elif final == "b" and row and self.x > 0:  # REP: the previous character again
            c = row[min(self.x, self.cols) - 1]
            for _ in range(a or 1):
                if self.x < self.cols:
                    row[self.x] = c
                self.x += 1
        elif final == "X" and row:
            for k in range(self.x, min(self.cols, self.x + (a or 1))):
                row[k] = " "
        elif final == "K" and row:
            lo, hi = (self.x, self.cols) if a == 0 else (0, self.x + 1) if a == 1 else (0, self.cols)
            for k in range(lo, min(hi, self.cols)):
                row[k] = " "
        elif final == "J":
            if a == 2:
                self.cells = [[" "] * self.cols for _ in range(self.rows)]
            elif a == 0:
                for r in range(self.y + 1, self.rows):
                    self.cells[r] = [" "] * self.cols
                if row:
                    for k in range(self.x, self.cols):
                        row[k] = " "
        elif final == "@" and row:
            k = a or 1
            row[self.x:self.x] = [" "] * k
            del row[self.cols:]
        elif final == "P" and row:
            k = a or 1
            del row[self.x:self.x + k]
            row.extend([" "] * (self.cols - len(row)))
    def text(self):
        return "\n".join("".join(r) for r in self.cells)

class Session:
    def __init__(self, login, net, reads=False):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(EMP, [EMP, "--db", DB, "--as", login], ENV)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.set_blocking(self.fd, False)
        self.net = net  # the network number it shows
        self.reads = reads  # reads the first thread of that network
        self.buf = b""
        self.last = time.monotonic()
        self.want = None   # (bytes, since): the key probe's text to look for
        self.wants = []    # markers not yet seen: (bytes, since)
        self.seen = []     # seconds from a post's commit until its marker arrived
        self.nbytes = 0
        self.screen = None  # a Screen for the sessions that watch for markers
        self.dec = None
    def watch(self):
        import codecs
        self.screen = Screen(ROWS, COLS)
        self.dec = codecs.getincrementaldecoder("utf-8")("replace")
    def feed(self, data, now):
        self.nbytes += len(data)
        self.last = now
        self.buf = (self.buf + data)[-8192:]
        if self.screen is not None:
            self.screen.feed(self.dec.decode(data))
            if self.wants:
                shown = self.screen.text()
                for w in [w for w in self.wants if w[0] in shown]:
                    self.seen.append(now - w[1])
                    self.wants.remove(w)
        w = self.want
        if w and w[0] in self.buf:
            self.seen.append(now - w[1])
            self.want = None

    def close(self):
        try:
            os.write(self.fd, b"\x1b[21~")  # F10
        except OSError:
            pass

class Pump(threading.Thread):
    """Reads every pty all the time (a session whose output nobody reads would block)."""
    def __init__(self):
        super().__init__(daemon=True)
        self.sessions = {}
        self.lock = threading.Lock()
        self.stop = False
    def add(self, s):
        with self.lock:
            self.sessions[s.fd] = s
    def run(self):
        while not self.stop:
            with self.lock:
                fds = list(self.sessions)
            if not fds:
                time.sleep(0.01)
                continue
            p = select.poll()
            for fd in fds:
                p.register(fd, select.POLLIN)
            for fd, ev in p.poll(50):
                s = self.sessions.get(fd)
                if not s:
                    continue
                try:
                    data = os.read(fd, 65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    with self.lock:
                        self.sessions.pop(fd, None)
                    continue
                if data:
                    s.feed(data, time.monotonic())

def wait_quiet(sessions, quiet=0.3, limit=120):
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if all(time.monotonic() - s.last > quiet for s in sessions):
            return True
        time.sleep(0.05)
    return False

def sql(q, *a):
    c = sqlite3.connect(DB)
    try:
        return c.execute(q, a).fetchall()
    finally:
        c.close()

# The queries a session runs for a post (directory.c's networks with unread, forum.c's
# first page of a thread list, changes.c), timed in-process: the floor under the
# program's own cost.
NETWORKS_SQL = (
    "SELECT n.id, n.number, n.theme, n.code, n.name_en, n.goals, n.coordinators, n.source,"
    " n.leaders_only, n.thread_count, n.post_count,"
    " (SELECT count(*) FROM memberships m WHERE m.network_id = n.id),"
    " (SELECT count(*) FROM meetings g WHERE g.network_id = n.id),"
    " n.post_count - COALESCE((SELECT sum(r.read_count) FROM read_state r"
    "   WHERE r.account_id = ?1 AND r.network_id = n.id), 0)"
    " FROM networks n WHERE ?2 = 0 OR n.number = ?2 ORDER BY n.number")
THREADS_SQL = (
    "SELECT t.id, t.network_id, COALESCE(t.meeting_id, 0), n.number, t.title, a.display_name,"
    " t.created_at, t.last_post_at, t.post_count,"
    " max(t.post_count - COALESCE(r.read_count, 0), 0), t.locked, t.pinned, n.leaders_only"
    " FROM threads t JOIN networks n ON n.id = t.network_id JOIN accounts a ON a.id = t.author_id"
    " LEFT JOIN read_state r ON r.account_id = ?1 AND r.thread_id = t.id"
    " WHERE t.network_id = ?2 ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC LIMIT 30")
UNREAD_SQL = (
    "SELECT n.id, n.leaders_only, n.post_count - COALESCE((SELECT sum(r.read_count)"
    " FROM read_state r WHERE r.account_id = ?1 AND r.network_id = n.id), 0)"
    " FROM networks n ORDER BY n.number")
CHANGES_SQL = "SELECT scope, id, seq FROM changes WHERE seq > ?1 ORDER BY seq LIMIT 65"

def sqlite_floor(account_id, net_id):
    c = sqlite3.connect(DB)
    try:
        seq = c.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]
    except sqlite3.Error:  # a database from before schema step 11 (a comparison run)
        seq = None
    def t(f, n=200):
        f()
        t0 = time.process_time()
        for _ in range(n):
            f()
        return (time.process_time() - t0) / n * 1000
    out = {}
    if seq is not None:
        out["data_version + changes"] = t(lambda: (c.execute("PRAGMA data_version").fetchall(),
                                                   c.execute(CHANGES_SQL, (seq - 2,)).fetchall()))
    out.update({
        "networks with all counts": t(lambda: c.execute(NETWORKS_SQL, (account_id, 0)).fetchall()),
        "unread by network": t(lambda: c.execute(UNREAD_SQL, (account_id,)).fetchall()),
        "thread list page": t(lambda: c.execute(THREADS_SQL, (account_id, net_id)).fetchall()),
    })
    c.close()
    return out

class Poster(threading.Thread):
    """RATE posts a second through the CLI: replies in random threads, and every
    RATE-th a new thread in network 1 whose title the watching sessions must draw."""
    def __init__(self, duration, rate, threads, on_marker):
        super().__init__(daemon=True)
        self.duration, self.rate, self.threads, self.on_marker = duration, rate, threads, on_marker
        self.posts = 0
        self.cli_s = []
        self.errors = 0
        self.k = random.randrange(1, 1 << 20)
    def post(self, argv, body, token):
        s0 = time.monotonic()
        r = subprocess.run(argv, input=body, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, env=ENV)
        done = time.monotonic()
        with self.lock:
            self.cli_s.append(done - s0)
            if r.returncode != 0:
                self.errors += 1
            else:
                self.posts += 1
        if token and r.returncode == 0:
            self.on_marker(token, done)
    def run(self):
        self.lock = threading.Lock()
        t0 = time.monotonic()
        i = 0
        workers = []
        # Each post in its own thread: a slow one (a busy machine) does not hold back
        # the rate.
        while time.monotonic() - t0 < self.duration:
            due = t0 + i / self.rate
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            if i % max(1, int(self.rate)) == 0:
                self.k += 1
                token = marker(self.k)
                argv = [EMP, "--db", DB, "post", "--network", "1", "--title",
                        "Temat " + marker(self.k)]
                body = POST_BODY
            else:
                argv = [EMP, "--db", DB, "reply", str(random.choice(self.threads))]
                body = POST_BODY
                token = None
            w = threading.Thread(target=self.post, args=(argv, body, token), daemon=True)
            w.start()
            workers.append(w)
            i += 1
        for w in workers:
            w.join()

# Words the index knows after the warm-up post: a post whose words are all known never
# loads the dictionary (lemma.c), as most real posts in a running forum.
POST_BODY = "Temat sieci: odpowiedź w temacie sieci".encode()

def warm_up(threads):
    for argv in ([EMP, "--db", DB, "reply", str(threads[0])],
                 [EMP, "--db", DB, "post", "--network", "2", "--title", "Temat 0"]):
        subprocess.run(argv, input=POST_BODY, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=ENV)

def run(n, logins, threads, net1_id):
    pump = Pump()
    pump.start()
    sessions = []
    print("# starting %d sessions" % n, flush=True)
    t_start = time.monotonic()
    for i in range(n):
        s = Session(logins[i % len(logins)], i % 8 + 1, i % 16 == 15)
        if s.net == 1:
            s.watch()  # shows network 1: follows the screen to see the markers
        sessions.append(s)
        pump.add(s)
        if i % 25 == 24:
            wait_quiet(sessions[-25:], 0.2, 60)
    wait_quiet(sessions, 0.5, 300)
    # A digit selects the network of that number (each person starts on their own).
    for s in sessions:
        os.write(s.fd, str(s.net).encode())
    wait_quiet(sessions, 0.5, 300)
    # The readers: to the thread list (two panels on), its first thread, opened.
    for s in sessions:
        if s.reads:
            os.write(s.fd, b"\t\tg\r")
    wait_quiet(sessions, 0.5, 300)
    probe = Session(logins[0], 2)
    pump.add(probe)
    wait_quiet([probe], 0.5, 60)
    os.write(probe.fd, b"2")
    wait_quiet(sessions + [probe], 1.0, 120)
    res = {"n": n, "load": os.getloadavg()[0]}
    pids = [s.pid for s in sessions]
    res["settled"] = settle(pids + [probe.pid])
    res["started_s"] = time.monotonic() - t_start
    res["pss_kb"] = statistics.mean([p for p in (pss_kb(x) for x in pids) if p] or [0])
    # Idle.
    b0 = sum(s.nbytes for s in sessions)
    c0 = {p: cpu_ticks(p) for p in pids}
    t0 = time.monotonic()
    time.sleep(args.idle)
    idle_s = time.monotonic() - t0
    c1 = {p: cpu_ticks(p) for p in pids}
    res["idle_core_pct"] = sum(c1[p] - c0[p] for p in pids) / HZ / idle_s * 100
    res["idle_bytes"] = sum(s.nbytes for s in sessions) - b0
    # Each session's own idle rate (a reader keeps a one-second tick): core-seconds a second.
    idle_rate = {p: (c1[p] - c0[p]) / HZ / idle_s for p in pids}
    # Under load.
    watchers = [s for s in sessions if s.net == 1]
    readers = [s for s in sessions if s.reads]
    others = [s for s in sessions if s.net != 1 and not s.reads]
    def on_marker(tok, at):
        for s in watchers:
            s.wants.append((tok, at))
    per_w0 = {s.pid: cpu_ticks(s.pid) for s in sessions}
    poster = Poster(args.load, args.rate, threads, on_marker)
    t0 = time.monotonic()
    poster.start()
    keys = []
    while poster.is_alive():
        time.sleep(0.5)
        probe.want = (b"Keys on this screen", time.monotonic())
        os.write(probe.fd, b"\x1bOP")  # F1
        end = time.monotonic() + 5
        while probe.want and time.monotonic() < end:
            time.sleep(0.001)
        if probe.seen:
            keys.append(probe.seen.pop())
        probe.want = None
        os.write(probe.fd, b"\x1b")
        time.sleep(0.2)
    poster.join()
    load_s = time.monotonic() - t0
    time.sleep(TAIL)  # the last markers
    per_w1 = {s.pid: cpu_ticks(s.pid) for s in sessions}
    posts = max(1, poster.posts)
    def per_post_ms(group):
        if not group:
            return None
        used = sum(per_w1[s.pid] - per_w0[s.pid] for s in group) / HZ
        idle = sum(idle_rate[s.pid] for s in group) * (load_s + TAIL)
        return max(0.0, used - idle) / posts / len(group) * 1000
    res["posts"] = poster.posts
    res["post_errors"] = poster.errors
    res["rate"] = poster.posts / load_s
    res["cli_ms"] = statistics.median(poster.cli_s) * 1000 if poster.cli_s else None
    res["cpu_post_ms_all"] = per_post_ms(sessions)
    res["cpu_post_ms_net1"] = per_post_ms(watchers)
    res["cpu_post_ms_other"] = per_post_ms(others)
    res["cpu_post_ms_reader"] = per_post_ms(readers)
    seen = [x for s in watchers for x in s.seen]
    res["markers_missed"] = sum(len(s.wants) for s in watchers)
    if os.environ.get("BENCH_DEBUG"):
        for s in watchers:
            if s.wants:
                print("# missed %s in:\n%s" % ([w[0] for w in s.wants], s.screen.text()))
                break
    vis = [x for x in seen if x is not None]
    res["visible_p50"], res["visible_p99"] = pct(vis, 50), pct(vis, 99)
    res["visible_n"] = len(vis)
    res["key_p50"], res["key_p99"], res["key_n"] = pct(keys, 50), pct(keys, 99), len(keys)
    res["load_core_pct"] = sum(per_w1[s.pid] - per_w0[s.pid] for s in sessions) / HZ / (load_s + TAIL) * 100
    for s in sessions + [probe]:
        s.close()
    end = time.monotonic() + 30
    for s in sessions + [probe]:
        while time.monotonic() < end:
            pid, _ = os.waitpid(s.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.01)
        else:
            try:
                os.kill(s.pid, 9)
                os.waitpid(s.pid, 0)
            except OSError:
                pass
    pump.stop = True
    pump.join()
    for s in sessions + [probe]:
        os.close(s.fd)
    return res

def fmt_ms(x):
    return "—" if x is None else ("%.3f ms" % x if x < 1 else "%.1f ms" % x)

def fmt_s(x):
    return "—" if x is None else "%.0f ms" % (x * 1000)

def main():
    if args.smoke:
        args.idle, args.load = 2.0, 4.0
    logins = [r[0] for r in sql("SELECT login FROM accounts WHERE role != 'guest' ORDER BY id")]
    # Replies go to networks 1-7: the readers' network 8 gets none.
    threads = [r[0] for r in sql("SELECT t.id FROM threads t JOIN networks n ON n.id = "
                                 "t.network_id WHERE n.number != 8 ORDER BY random() LIMIT 2000")]
    net1 = sql("SELECT id FROM networks WHERE number = 1")[0][0]
    acct = sql("SELECT id FROM accounts WHERE login = ?", logins[0])[0][0]
    warm_up(threads)
    floor = sqlite_floor(acct, net1)
    results = []
    for n in [int(x) for x in args.sessions.split(",")]:
        r = run(n, logins, threads, net1)
        results.append(r)
        print("# N=%d: idle output %d bytes" % (n, r["idle_bytes"]))
        print("# N=%d: started in %.0f s, PSS %.0f kB/session, idle %.2f %% of a core, "
              "load %.1f %% of a core at %.1f posts/s (%d posts, %d failed); CPU per post per "
              "session: all %s, showing network 1 %s, not %s, reading elsewhere %s; visible p50 %s "
              "p99 %s (%d seen, %d "
              "missed); key p50 %s p99 %s (%d)"
              % (n, r["started_s"], r["pss_kb"], r["idle_core_pct"], r["load_core_pct"], r["rate"],
                 r["posts"], r["post_errors"], fmt_ms(r["cpu_post_ms_all"]),
                 fmt_ms(r["cpu_post_ms_net1"]), fmt_ms(r["cpu_post_ms_other"]),
                 fmt_ms(r["cpu_post_ms_reader"]), fmt_s(r["visible_p50"]), fmt_s(r["visible_p99"]), r["visible_n"],
                 r["markers_missed"], fmt_s(r["key_p50"]), fmt_s(r["key_p99"]), r["key_n"]),
              flush=True)
    for k, v in floor.items():
        print("# raw SQLite: %s %s" % (k, fmt_ms(v)))
    if args.smoke:
        r = results[-1]
        bad = []
        if r["posts"] == 0 or r["post_errors"]:
            bad.append("posting failed")
        if r["visible_n"] == 0:
            bad.append("no post became visible")
        if r["key_n"] == 0:
            bad.append("no key was answered")
        print("1..1")
        print(("not ok 1 - %s" % ", ".join(bad)) if bad else "ok 1 - the session benchmark runs")
        return 1 if bad else 0
    if args.report:
        write_report(results, floor)
    return 0

def write_report(results, floor):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    L = ["### Measured by make bench-sessions", "",
         "%s, %d cores; %s; %s; database %s (%d posts). Measured %s." % (
             cpu, os.cpu_count(), os.uname().release,
             "1-minute load average when each N started: " + ", ".join(
                 "%d: %.1f" % (r["n"], r["load"]) for r in results),
             os.path.basename(DB), sql("SELECT count(*) FROM posts")[0][0],
             time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())), "",
         "| sessions | PSS/session | idle CPU (all) | CPU/post/session (shows it / not / reads elsewhere) "
         "| post visible p50 / p99 | key p50 / p99 |",
         "|---|---|---|---|---|---|"]
    for r in results:
        L.append("| %d | %.0f kB | %.2f %% of a core | %s / %s / %s | %s / %s | %s / %s |" % (
            r["n"], r["pss_kb"], r["idle_core_pct"], fmt_ms(r["cpu_post_ms_net1"]),
            fmt_ms(r["cpu_post_ms_other"]), fmt_ms(r["cpu_post_ms_reader"]), fmt_s(r["visible_p50"]), fmt_s(r["visible_p99"]),
            fmt_s(r["key_p50"]), fmt_s(r["key_p99"])))
    L.append("")
    L.append("Raw SQLite for the same work (in-process, per call): " + "; ".join(
        "%s %s" % (k, fmt_ms(v)) for k, v in floor.items()) + ".")
    L.append("")
    text = "\n".join(L) + "\n"
    # The table goes between its two markers (in the kept, hand-written part of the
    # report, so `make bench` leaves it alone); appended with them the first time.
    begin, end = "<!-- bench-sessions: begin -->", "<!-- bench-sessions: end -->"
    old = open(args.report).read() if os.path.exists(args.report) else ""
    if begin in old and end in old:
        new = old[:old.index(begin) + len(begin)] + "\n" + text + old[old.index(end):]
    else:
        new = old + "\n" + begin + "\n" + text + end + "\n"
    with open(args.report, "w") as f:
        f.write(new)

sys.exit(main())
