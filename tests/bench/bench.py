#!/usr/bin/env python3
"""empirie benchmark: the application in a real pseudo-terminal, against the SQLite
floor (the same queries in the sqlite3 command-line tool) and mutt on the mbox export of
the same discussions. Prints the tables and writes doc/PERFORMANCE.md (the generated part;
everything in the old file from the MARKER line on is kept).

Usage: bench.py EMPIRIE_BINARY OUT_DIR [--sizes S,M,L] [--report doc/PERFORMANCE.md]
Not part of `make check`: timings are measured, not asserted."""
import os, pty, sys, time, select, struct, fcntl, termios, subprocess, statistics, shutil
import platform, argparse, re

ap = argparse.ArgumentParser()
ap.add_argument("empirie")
ap.add_argument("workdir")
ap.add_argument("--sizes", default="S,M,L")
ap.add_argument("--report", default=None)
ap.add_argument("--repeat", type=int, default=5)
args = ap.parse_args()
EMP = os.path.abspath(args.empirie)
os.makedirs(args.workdir, exist_ok=True)
SIZES = {"S": None, "M": ("2500", "10000", "100000"), "L": ("2500", "100000", "1000000")}
TERMS = ((80, 24), (200, 60))
QUIET = 0.015  # a screen update is complete when the program is silent this long
MARKER = "<!-- hand-written notes below are kept by the benchmark -->"
WORDS = (("common word", "miasto"), ("rare word", "bioroznorodnosc"), ("no hit", "qqqzzz"))

# The targets of issue 6, at L: (what, limit, unit).
T_FIRST, T_NAV, T_OPEN, T_SEARCH, T_REPLY, T_RSS_KB = 0.050, 0.005, 0.030, 0.050, 0.020, 16384
T_FLOOR, T_MUTT, T_DB_TEXT, T_GEN = 3.0, 20.0, 2.5, 120.0

# ---- the database and the queries the program runs (src/core/forum.c, search.c) ----

def sql1(db, sql):
    return subprocess.run(["sqlite3", db, sql], capture_output=True, text=True).stdout.strip()

def make_db(size):
    """The database of a size, generated once; the generation time is kept beside it."""
    path = os.path.join(args.workdir, "bench-%s.db" % size)
    side = path + ".gen"
    if os.path.exists(path):
        try:
            with open(side) as f:
                return path, float(f.read())
        except (OSError, ValueError):
            return path, None
    t0 = time.time()
    if SIZES[size] is None:
        subprocess.run([EMP, "--db", path, "init"], check=True, stdout=subprocess.DEVNULL)
    else:
        t, th, p = SIZES[size]
        subprocess.run([EMP, "--db", path, "gen", "--towns", t, "--threads", th, "--posts", p,
                        "--seed", "1"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    gen_s = time.time() - t0
    with open(side, "w") as f:
        f.write("%.3f\n" % gen_s)
    return path, gen_s

# THREAD_COLUMNS and POST_COLUMNS of forum.c, for an account with no read state (?1 = 0).
TC = ("SELECT t.id, t.network_id, COALESCE(t.meeting_id, 0), n.number, t.title, a.display_name,"
      " t.created_at, t.last_post_at, t.post_count,"
      " max(t.post_count - COALESCE(r.read_count, 0), 0), t.locked, t.pinned, n.leaders_only"
      " FROM threads t JOIN networks n ON n.id = t.network_id JOIN accounts a ON a.id = t.author_id"
      " LEFT JOIN read_state r ON r.account_id = 0 AND r.thread_id = t.id")
PC = ("SELECT p.id, p.thread_id, COALESCE(p.parent_id, 0), p.author_id, a.display_name, a.login,"
      " COALESCE(c.name, ''), p.body, p.created_at, COALESCE(p.edited_at, ''),"
      " length(p.path) / 8 - 1, p.id > COALESCE(r.last_read_id, 0), p.hidden, p.path, p.hidden_reason"
      " FROM posts p JOIN accounts a ON a.id = p.author_id LEFT JOIN cities c ON c.id = a.city_id"
      " LEFT JOIN read_state r ON r.account_id = 0 AND r.thread_id = p.thread_id")
NEWEST = " ORDER BY t.pinned DESC, t.last_post_at DESC, t.id DESC"
LOAD = 30  # posts the reader fetches at a time (ui_reader.c)

def fts_query(text):
    """search_fts_query(): every word quoted, with a `*` (the words here need no folding)."""
    return " ".join('"%s"*' % w for w in re.findall(r"[a-z0-9\x80-\uffff]+", text.lower()))

def search_sql(db, word, page):
    """The statements search_run() steps for the first page of `page` hits: phase 1 (the
    titles' own index, bm25) and, if the titles do not fill the page, phase 2 (newest first). search.c stops
    stepping when the page is full; LIMIT does the same here."""
    q = fts_query(word)
    p1 = ("SELECT rowid FROM search_titles WHERE search_titles MATCH '%s'"
          " ORDER BY bm25(search_titles), rowid LIMIT %d;" % (q, page))
    n1 = len(sql1(db, p1).split())
    if n1 >= page:
        return p1
    return p1 + " SELECT rowid FROM search WHERE search MATCH '%s' ORDER BY rowid DESC LIMIT %d;" % (q, page)

def sqlite_floor(db, sql):
    """Median time of the statements alone in the sqlite3 tool (.timer), output discarded.
    Per statement, the tool's real time; below its 1 ms resolution, its user + sys time.
    Run once untimed first: the floor is the query on a warm cache, schema read."""
    script = ".output /dev/null\n%s\n.timer on\n" % sql + ("%s\n" % sql) * args.repeat  # warm: run once first
    r = subprocess.run(["sqlite3", db], input=script, capture_output=True, text=True)
    times = [float(real) if float(real) >= 0.002 else float(u) + float(s) for real, u, s in
             re.findall(r"Run Time: real ([0-9.]+) user ([0-9.]+) sys ([0-9.]+)", r.stdout + r.stderr)]
    per = max(1, len(times) // args.repeat)  # several statements per run: add them up
    sums = [sum(times[i:i + per]) for i in range(0, per * args.repeat, per)]
    return statistics.median(sums) if sums else None

# directory_cities() of directory.c for a network; the program orders the towns with its own
# collation (COLLATE PL, Polish order), which the sqlite3 tool lacks: the floor orders them bytewise.
CITIES = ("SELECT c.id, c.name, c.voivodeship, c.voivodeship_basis, c.programme_status, c.project_title,"
          " c.project_source, c.source, c.laureate, m.basis FROM memberships m JOIN cities c ON c.id = m.city_id"
          " JOIN networks n ON n.id = m.network_id WHERE n.number = %d ORDER BY c.name LIMIT %d OFFSET 0;"
          " SELECT count(*) FROM memberships m JOIN networks n ON n.id = m.network_id WHERE n.number = %d;")

def network_sql(db, k, page):
    """What showing the k-th network (by number) asks: its towns and its newest threads."""
    number, nid = sql1(db, "SELECT number, id FROM networks ORDER BY number LIMIT 1 OFFSET %d" % k).split("|")
    return CITIES % (int(number), page, int(number)) + " %s WHERE t.network_id = %s%s LIMIT %d;" % (TC, nid, NEWEST, page)

def floors_for(db, rows, netid, tid):
    page = rows - 5  # the height of the lists (ui_main.c, ui_search.c)
    nid = "(SELECT id FROM networks ORDER BY number LIMIT 1)"
    f = {
        "move in networks (j)": network_sql(db, 1, page),
        "move back (k)": network_sql(db, 0, page),
        "first screen": "SELECT * FROM networks; " + network_sql(db, 0, page),
        "open the busiest network": network_sql(db, int(sql1(db, "SELECT count(*) FROM networks WHERE number <"
                                                               " (SELECT number FROM networks WHERE id = %d)" % netid)), page),
        "page down threads": "%s WHERE t.network_id = %d AND (t.pinned, t.last_post_at, t.id) <"
                             " (SELECT pinned, last_post_at, id FROM threads WHERE network_id = %d%s LIMIT 1 OFFSET %d)"
                             "%s LIMIT %d;" % (TC, netid, netid, NEWEST.replace("t.", ""), page - 1, NEWEST, page),
        "end of thread list (G)": "%s WHERE t.network_id = %d ORDER BY t.pinned, t.last_post_at, t.id LIMIT %d;" % (TC, netid, page),
        "top of thread list (g)": "%s WHERE t.network_id = %d%s LIMIT %d;" % (TC, netid, NEWEST, page),
        "open the largest thread": "%s WHERE t.id = %d; %s WHERE p.thread_id = %d AND p.path > X'' ORDER BY p.path LIMIT %d;" % (TC, tid, PC, tid, LOAD),
        "page down in the thread": "%s WHERE p.thread_id = %d AND p.path > (SELECT path FROM posts WHERE thread_id = %d ORDER BY path LIMIT 1 OFFSET %d) ORDER BY p.path LIMIT %d;" % (PC, tid, tid, LOAD - 1, LOAD),
        "to the end of the thread (G)": "%s WHERE t.id = %d; %s WHERE p.thread_id = %d ORDER BY p.path DESC LIMIT %d;" % (TC, tid, PC, tid, LOAD),
        "back to the top of the thread (g)": "%s WHERE t.id = %d; %s WHERE p.thread_id = %d AND p.path > X'' ORDER BY p.path LIMIT %d;" % (TC, tid, PC, tid, LOAD),
        "post a reply (whole CLI process)": None,  # below: a whole sqlite3 process writing
    }
    for what, word in WORDS:
        f["search (%s)" % what] = search_sql(db, word, page)
    return {k: (sqlite_floor(db, v) if v else None) for k, v in f.items()}, f

# ---- the terminal ----

class Pty:
    def __init__(self, argv, cols, rows, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(argv[0], argv, env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.bytes = 0
    def read_until_quiet(self, timeout=10.0, need=None, first=None):
        """Read until `need` was seen (if given) and then QUIET seconds of silence.
        Returns (seconds from the call to the last byte, bytes read); with `first`, gives
        up after that long without any output (the key changed nothing): (None, 0)."""
        start = time.perf_counter(); last = None; n = 0; buf = b""
        while time.perf_counter() - start < timeout:
            if first is not None and last is None and time.perf_counter() - start > first:
                return (None, 0)
            r, _, _ = select.select([self.fd], [], [], QUIET)
            if r:
                try:
                    data = os.read(self.fd, 1 << 16)
                except OSError:
                    break
                n += len(data); last = time.perf_counter()
                if need is not None:
                    buf = (buf + data)[-4096:]
                    if need in buf:
                        need = None
            elif last is not None and need is None:
                break
        self.bytes += n
        return ((last or time.perf_counter()) - start, n)
    def key(self, b, need=None):
        os.write(self.fd, b)
        return self.read_until_quiet(need=need, first=None if need else 1.0)
    def rss_kb(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            return None
    def close(self, keys=b"\x1b[21~"):
        try:
            os.write(self.fd, keys)
        except OSError:
            pass
        end = time.time() + 5
        while time.time() < end:
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.02)
        else:
            os.kill(self.pid, 9); os.waitpid(self.pid, 0)
        os.close(self.fd)

ENV = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color", NO_COLOR="1")
ENV.pop("EMPIRIE_DB", None)

def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None

class Steps:
    """Medians of each step: name -> (seconds or None, bytes to the terminal)."""
    def __init__(self):
        self.t, self.b = {}, {}
    def add(self, name, tb):
        self.t.setdefault(name, []); self.b.setdefault(name, [])
        if tb[0] is not None:  # None: the key changed nothing on the screen
            self.t[name].append(tb[0]); self.b[name].append(tb[1])
    def result(self):
        return {k: (med(v), int(med(self.b[k]) or 0)) for k, v in self.t.items()}

def app(db, cols, rows):
    p = Pty([EMP, "--db", db], cols, rows, ENV)
    t, n = p.read_until_quiet(need=b"Quit")
    return p, t, n

def measure_terminal(db, cols, rows, net, tnet, pos, nposts):
    st = Steps(); rss = 0
    # First screen, and the busiest network's threads right after it (what mutt's open
    # of that network's mbox is compared with): fresh processes.
    for _ in range(args.repeat):
        p, t, n = app(db, cols, rows)
        st.add("first screen", (t, n))
        t2, n2 = p.key(str(net).encode())
        st.add("open the busiest network", (t2 if t2 is not None else 0.0, n2))
        rss = max(rss, p.rss_kb() or 0); p.close()
    # Moving in the panels.
    p, _, _ = app(db, cols, rows)
    for _ in range(args.repeat):
        st.add("move in networks (j)", p.key(b"j")); st.add("move back (k)", p.key(b"k"))
    p.key(str(net).encode()); p.key(b"\t")
    for _ in range(args.repeat):
        st.add("move in towns (j)", p.key(b"j"))
    p.key(b"\t")
    for _ in range(args.repeat):
        st.add("move in threads (j)", p.key(b"j"))
    for _ in range(args.repeat):
        st.add("page down threads", p.key(b"\x1b[6~"))
    for _ in range(3):
        st.add("end of thread list (G)", p.key(b"G")); st.add("top of thread list (g)", p.key(b"g"))
    rss = max(rss, p.rss_kb() or 0); p.close()
    # Search: the first page, in a fresh process each time (the first search reads the index).
    for _ in range(args.repeat):
        p, _, _ = app(db, cols, rows)
        for what, word in WORDS:
            p.key(b"/"); p.key(b"\x15")  # Ctrl-U clears the input
            os.write(p.fd, word.encode()); p.read_until_quiet()
            st.add("search (%s)" % what, p.key(b"\r"))  # None: the screen did not change
            p.key(b"\x1b")
        rss = max(rss, p.rss_kb() or 0); p.close()
    # The largest thread: after the benchmark's replies it is the newest of its network,
    # `pos` rows from the top of the list. Open it, page down, go to the end and back, leave.
    p, _, _ = app(db, cols, rows)
    p.key(str(tnet).encode()); p.key(b"\t"); p.key(b"\t")
    for _ in range(pos):
        p.key(b"j")
    for _ in range(args.repeat):
        st.add("open the largest thread", p.key(b"\r"))
        # PgDn at the end of a thread opens the next unread one: page only in a long thread.
        for _ in range(3 if nposts > 100 else 0):
            st.add("page down in the thread", p.key(b"\x1b[6~"))
        st.add("to the end of the thread (G)", p.key(b"G"))
        st.add("back to the top of the thread (g)", p.key(b"g"))
        p.key(b"q")
    rss = max(rss, p.rss_kb() or 0); p.close()
    res = st.result()
    res["peak RSS (kB)"] = (rss, 0)
    return res

# ---- mutt on the mbox of the busiest network ----

def mutt_times(mbox, pattern):
    """mutt -R on the mbox, no header cache, 80x24: opening (to the index on the screen),
    `/~b pattern` (finds the next message whose body matches) and `l~b pattern` (limits
    the index to all such messages: reads every body). mutt prints progress while it
    searches, so the end is marked: `:echo BENCHDONE` typed after the search runs once it
    is over; the time is to that word on the screen."""
    if not shutil.which("mutt"):
        return None
    env = dict(ENV, MUTT="/dev/null", HOME=args.workdir)
    rc = os.path.join(args.workdir, "muttrc")
    with open(rc, "w") as f:
        f.write("set header_cache=''\nset sort=threads\nset mbox_type=mbox\nset quit=yes\n"
                "set folder=%s\nset spoolfile=%s\nset move=no\nset wait_key=no\n"
                % (args.workdir, mbox))
    opens, out = [], {}
    for keys, name in ((b"/~b " + pattern.encode() + b"\r", "search"), (b"l~b " + pattern.encode() + b"\r", "limit"),
                       (None, None)):
        p = Pty(["/usr/bin/mutt", "-n", "-F", rc, "-R", "-f", mbox], 80, 24, env)
        t, _ = p.read_until_quiet(need=b"?:Help", timeout=600)
        opens.append(t)
        if keys:
            os.write(p.fd, keys + b":echo BENCHDONE\r")
            out[name], _ = p.read_until_quiet(need=b"BENCHDONE", timeout=600)
        p.close(b"q" if name != "limit" else b"\x07q")
    out["open"] = statistics.median(opens)
    return out

# ---- one size ----

def measure_size(size):
    db, gen_s = make_db(size)
    info = {"gen": gen_s, "db": os.path.getsize(db)}
    info["text"] = int(sql1(db, "SELECT (SELECT sum(length(body)) FROM posts) + (SELECT sum(length(title)) FROM threads)") or 0)
    net, netid = map(int, sql1(db, "SELECT number, id FROM networks ORDER BY post_count DESC LIMIT 1").split("|"))
    tid, tnet = map(int, sql1(db, "SELECT t.id, n.number FROM threads t JOIN networks n ON n.id = t.network_id"
                                  " ORDER BY t.post_count DESC LIMIT 1").split("|"))
    # Posting replies to the largest thread first makes it the newest of its network.
    ts, failed = [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        r = subprocess.run([EMP, "--db", db, "--as", "siec-%d" % tnet, "reply", str(tid)],
                           input=b"Odpowiedz z benchmarku\n", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        ts.append(time.perf_counter() - t0)
        failed += r.returncode != 0
    if failed:
        print("warning: %d replies failed: %s" % (failed, r.stderr.decode().strip()), file=sys.stderr)
    reply = (statistics.median(ts), 0)
    info["reply floor"] = med([timed(["sqlite3", db, "INSERT INTO meta(key, value) VALUES ('bench', '1')"
                                      " ON CONFLICT(key) DO UPDATE SET value = value + 1"]) for _ in range(args.repeat)])
    info["posts"] = int(sql1(db, "SELECT post_count FROM threads WHERE id = %d" % tid))
    info["pos"] = int(sql1(db, "SELECT count(*) FROM threads WHERE network_id = (SELECT network_id FROM threads"
                               " WHERE id = %d) AND (pinned, last_post_at, id) > (SELECT pinned, last_post_at, id"
                               " FROM threads WHERE id = %d)" % (tid, tid)))
    info["net"], info["tnet"], info["tid"] = net, tnet, tid
    info["load"] = open("/proc/loadavg").read().split()[0]
    terms = {}
    for cols, rows in TERMS:
        fl, sqls = floors_for(db, rows, netid, tid)
        fl["post a reply (whole CLI process)"] = info["reply floor"]
        fl["first screen"] = med([timed(["sqlite3", db, sqls["first screen"]]) for _ in range(args.repeat)])
        res = measure_terminal(db, cols, rows, net, tnet, info["pos"], info["posts"])
        res["post a reply (whole CLI process)"] = reply
        terms["%dx%d" % (cols, rows)] = (res, fl)
    mbox = os.path.join(args.workdir, "bench-%s-net%d.mbox" % (size, net))
    if not os.path.exists(mbox):
        with open(mbox + ".tmp", "wb") as f:
            subprocess.run([EMP, "--db", db, "export", "posts", "--format", "mbox", "--network", str(net)],
                           stdout=f, check=True)
        os.rename(mbox + ".tmp", mbox)
    info["mbox"] = os.path.getsize(mbox)
    with open(mbox, "rb") as f:
        info["mbox hits"] = sum(1 for line in f if re.search(rb"(?i)bior..?.?.?norodno", line))
    # The rare word, as mutt must spell it to find it with or without Polish letters
    # (bioróżnorodność): our search folds them, mutt's ~b is a regular expression.
    info["mutt"] = mutt_times(mbox, "bior..norodno")
    return info, terms

def timed(argv):
    t0 = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0

# ---- the report ----

def ms(s):
    return "—" if s is None else "%.1f ms" % (s * 1000) if s >= 0.001 else "%.2f ms" % (s * 1000)

def worst(terms, name):
    """The worst (largest) median of a step over the terminal sizes, with its floor."""
    vals = [(r[name][0], fl.get(name), t) for t, (r, fl) in terms.items() if name in r and r[name][0] is not None]
    if not vals:
        return None, None, None
    return max(vals, key=lambda v: v[0])

def verdict(value, limit, higher_is_better=False):
    if value is None:
        return "not measured"
    if higher_is_better:
        return "met" if value >= limit else "**not met: %s short**" % times(limit / value)
    return "met" if value <= limit else "**not met: %s over**" % times(value / limit)

def times(r):
    return "%.2f×" % r if r < 1.1 else "%.1f×" % r

def floor_cell(t, fl):
    if fl is None or t is None:
        return "", ""
    r = t / fl if fl > 0 else None
    return ms(fl), ("%.1f (%s)" % (r, "met" if r <= T_FLOOR else "**%s over**" % times(r / T_FLOOR))) if r else ""

NAV = ["move in networks (j)", "move back (k)", "move in towns (j)", "move in threads (j)",
       "page down threads", "end of thread list (G)", "top of thread list (g)",
       "page down in the thread", "to the end of the thread (G)", "back to the top of the thread (g)"]

def targets_table(all_sizes):
    size = "L" if "L" in all_sizes else list(all_sizes)[-1]
    info, terms = all_sizes[size]
    L = ["## Targets at %s" % size, "",
         "Each figure is the worst of the two terminal sizes' medians. Ratio to floor: ours / the",
         "sqlite3 floor (target ≤ 3×).", "",
         "| target | limit | measured | met? | sqlite3 floor | ours / floor |", "|---|---|---|---|---|---|"]
    def row(label, name, limit):
        t, fl, term = worst(terms, name)
        f, r = floor_cell(t, fl)
        L.append("| %s | ≤ %s | %s%s | %s | %s | %s |" % (label, ms(limit), ms(t), " (%s)" % term if term else "",
                                                           verdict(t, limit), f, r))
    row("first complete main screen", "first screen", T_FIRST)
    for n in NAV:
        row("key: " + n, n, T_NAV)
    row("open the largest thread (%d posts)" % info["posts"], "open the largest thread", T_OPEN)
    for what, word in WORDS:
        row("search, first page: %s (%s)" % (what, word), "search (%s)" % what, T_SEARCH)
    row("post a reply (whole `empirie reply` process)", "post a reply (whole CLI process)", T_REPLY)
    for s, (inf, tm) in all_sizes.items():
        rss = max(r["peak RSS (kB)"][0] for r, _ in tm.values())
        L.append("| peak RSS at %s | ≤ 16 MB | %.1f MB | %s | | |" % (s, rss / 1024, verdict(rss, T_RSS_KB)))
    ratio = info["db"] / max(info["text"], 1)
    L.append("| database / raw text | ≤ 2.5× | %.2f× (%.0f MB / %.0f MB) | %s | | |"
             % (ratio, info["db"] / 1e6, info["text"] / 1e6, verdict(ratio, T_DB_TEXT)))
    if size == "L":
        L.append("| `empirie gen` makes L | < 2 min | %s | %s | | |" % (
            "%.0f s" % info["gen"] if info["gen"] else "not timed (database existed)",
            verdict(info["gen"], T_GEN) if info["gen"] else ""))
    m = info["mutt"]
    if m:
        first = worst(terms, "first screen")[0]; jump = worst(terms, "open the busiest network")[0]
        ours = first + jump
        how = ("first screen %s + its threads %s" % (ms(first), ms(jump)) if jump else
               "the first screen, which shows this network's threads")
        L.append("| open the busiest network: mutt / ours | ≥ 20× | %.0f× (mutt %s; ours %s = %s) | %s | | |"
                 % (m["open"] / ours, ms(m["open"]), ms(ours), how, verdict(m["open"] / ours, T_MUTT, True)))
        ours_s = worst(terms, "search (rare word)")[0]
        for k, what in (("search", "`/~b` (to the first match)"), ("limit", "`l ~b` (all matches)")):
            L.append("| search it (rare word): mutt %s / ours | ≥ 20× | %.1f× (mutt %s; ours %s) | %s | | |"
                     % (what, m[k] / ours_s, ms(m[k]), ms(ours_s), verdict(m[k] / ours_s, T_MUTT, True)))
    L += ["", "mutt -R, 80x24, no header cache, on the mbox export of the busiest network "
          "(%.0f MB): *open* is the time to its index on the screen (it reads and threads every message); "
          "`/~b` searches the bodies from the first message on and stops at the first that holds the word; "
          "`l ~b` (limit) reads every body and lists all that hold it. mutt's pattern is `bior..norodno`, "
          "the rare word with or without Polish letters, as our search finds it. Ours is the first page of "
          "hits in the whole forum (titles first, then newest first, stopped when the page is full): "
          "closer to mutt's `/` in what it must read, and to `l` in what it shows. The word is on %s lines "
          "of the mbox." % (info["mbox"] / 1e6, info["mbox hits"]), ""]
    return L

def scaling_table(all_sizes):
    sizes = list(all_sizes)
    L = ["## Scaling %s" % " → ".join(sizes), "",
         "Worst median of the two terminal sizes at each size, and how it grew.", "",
         "| step | %s | %s |" % (" | ".join(sizes), " | ".join("%s/%s" % (b, a) for a, b in zip(sizes, sizes[1:]))),
         "|---|%s" % ("---|" * (2 * len(sizes) - 1))]
    names = []  # every step of any size, in the order measured
    for _, tm in all_sizes.values():
        names += [n for n in tm["80x24"][0] if n not in names]
    for name in names:
        vals = []
        for s in sizes:
            tm = all_sizes[s][1]
            if name == "peak RSS (kB)":
                vals.append(max(r[name][0] for r, _ in tm.values()))
            else:
                vals.append(worst(tm, name)[0] if any(name in r for r, _ in tm.values()) else None)
        cell = (lambda v: "%.1f MB" % (v / 1024)) if name == "peak RSS (kB)" else ms
        if name == "open the busiest network":
            cell = lambda v: ms(v) if v else "first screen"
        growth = ["%.1f×" % (b / a) if a and b else "" for a, b in zip(vals, vals[1:])]
        L.append("| %s | %s | %s |" % (name.replace(" (kB)", ""), " | ".join(cell(v) for v in vals), " | ".join(growth)))
    def data_row(label, key, fmt):
        vals = [all_sizes[s][0][key] for s in sizes]
        L.append("| %s | %s | %s |" % (label, " | ".join(fmt(v) for v in vals),
                                       " | ".join("%.1f×" % (b / a) if a and b else "" for a, b in zip(vals, vals[1:]))))
    data_row("database size", "db", lambda v: "%.1f MB" % (v / 1e6))
    data_row("largest thread (posts)", "posts", str)
    L.append("")
    return L

def report(all_sizes, machine, started, elapsed):
    L = ["# empirie performance", "",
         "Measured by `tests/bench/run` (`make bench`) on %s, %s (run took %.0f s; 1-minute load average "
         "when each size started: %s)." % (machine, started, elapsed,
                                            ", ".join("%s %s" % (s, i["load"]) for s, (i, _) in all_sizes.items())),
         "Each figure is the median of several runs, in a real pseudo-terminal; a step is",
         "timed from the key to the last byte of the screen update. *Floor* is the same",
         "queries the program runs for the step (src/core/forum.c, src/core/search.c) in the",
         "`sqlite3` command-line tool on the same file, timed by its .timer (below its 1 ms",
         "resolution, its user + sys time): what reading the rows costs at least. Moving within",
         "what is already loaded runs no query and has no floor. Moving between networks shows",
         "the network's towns, which the program orders in Polish (its own collation, COLLATE PL);",
         "the floor orders them bytewise. The first screen includes",
         "starting the process and drawing; its floor is a whole `sqlite3` process running the",
         "queries behind it. The reply is a whole `empirie reply` process; its floor is a whole",
         "`sqlite3` process writing one row to the same file. Steps that change nothing on the",
         "screen are marked so.", ""]
    L += targets_table(all_sizes)
    L += scaling_table(all_sizes)
    for size, (info, terms) in all_sizes.items():
        for term, (res, fl) in terms.items():
            L += ["## %s at %s" % (size, term), "",
                  "Database %.1f MB, text %.1f MB (%.2f×)%s; busiest network %d; largest thread %d posts "
                  "(network %d), opened from row %d of its list." %
                  (info["db"] / 1e6, info["text"] / 1e6, info["db"] / max(info["text"], 1),
                   "; made in %.0f s" % info["gen"] if info["gen"] else "", info["net"], info["posts"],
                   info["tnet"], info["pos"] + 1), "",
                  "| step | empirie | bytes to the terminal | sqlite3 floor | ratio |", "|---|---|---|---|---|"]
            for name, (t, b) in res.items():
                if name == "peak RSS (kB)":
                    L.append("| peak RSS | %.1f MB | | | |" % (t / 1024))
                elif t is None:
                    L.append("| %s | no change on screen | 0 | | |" % name)
                elif name == "open the busiest network" and t == 0:
                    L.append("| %s | on the first screen already | 0 | | |" % name)
                else:
                    f = fl.get(name)
                    L.append("| %s | %s | %d | %s | %s |" % (name, ms(t), b, ms(f) if f is not None else "",
                                                             "%.2f" % (t / f) if f else ""))
            L.append("")
        m = info["mutt"]
        L += ["mutt at %s: %s" % (size, "not installed, not measured." if not m else
              "open %s, `/~b` %s, `l ~b` %s (mbox %.0f MB)." % (ms(m["open"]), ms(m["search"]), ms(m["limit"]), info["mbox"] / 1e6)), ""]
    text = "\n".join(L) + "\n"
    print(text)
    if args.report:
        kept = ""
        if os.path.exists(args.report):
            old = open(args.report).read()
            if MARKER in old:
                kept = old[old.index(MARKER):]
        with open(args.report, "w") as f:
            f.write(text + ("\n" + kept if kept else "\n" + MARKER + "\n"))

def main():
    machine = "%s, %d cores, %s" % (platform.processor() or platform.machine(), os.cpu_count(),
                                   platform.platform())
    started, t0 = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), time.time()
    all_sizes = {}
    for size in args.sizes.split(","):
        print("measuring %s (load %s)" % (size, open("/proc/loadavg").read().split()[0]), file=sys.stderr)
        all_sizes[size] = measure_size(size)
    report(all_sizes, machine, started, time.time() - t0)

main()
