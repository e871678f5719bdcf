#!/bin/sh
# bigwindow.sh — a huge client window cannot make one session eat the server's memory.
# The application runs in a pseudo-terminal whose size is set before it starts and
# changed while it runs (80×24, 500×200, 2000×2000, 6000×6000); after each size the
# peak resident memory (VmHWM of /proc/PID/status) must stay under 32 MB, the program
# must still answer keys, and on a window larger than it draws it must say so.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v python3 >/dev/null || [ ! -r /proc/self/status ]; then
	echo "1..0 # SKIP python3 and /proc are needed"
	exit 0
fi
# Sanitizers and valgrind bring their own (much larger) memory: the sizes are then not
# the program's; the notice and the answers to keys are still checked.
measure=yes
if [ -n "${EMPIRIE_SANITIZED:-}" ] || [ -n "${EMPIRIE_VALGRIND_BIN:-}" ]; then
	measure=no
fi
python3 - "$EMPIRIE" "$TUI_DB" "$measure" <<'PY'
import fcntl, os, pty, select, struct, sys, termios, time

prog, db, measure = sys.argv[1], sys.argv[2], sys.argv[3] == "yes"
LIMIT_KB = 32 * 1024
n = 0
failed = 0

def tap(ok, desc):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print(("ok" if ok else "not ok") + " %d - %s" % (n, desc), flush=True)

def skip(desc, why):
    global n
    n += 1
    print("ok %d - %s # SKIP %s" % (n, desc, why), flush=True)

class Run:
    def __init__(self, cols, rows, extra_env=None, extra_args=()):
        master, slave = pty.openpty()
        # The size is the terminal's before the program looks at it.
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {"LANG": "C.UTF-8", "TERM": "xterm-256color", "PATH": os.environ.get("PATH", ""),
               "HOME": os.environ.get("HOME", "/tmp")}
        env.update(extra_env or {})
        for k in ("EMPIRIE_LOCALEDIR", "EMPIRIE_SANITIZED", "ASAN_OPTIONS", "LSAN_OPTIONS",
                  "UBSAN_OPTIONS", "EMPIRIE_VALGRIND_BIN"):
            if k in os.environ:
                env[k] = os.environ[k]
        self.pid = os.fork()
        if self.pid == 0:
            os.setsid()
            fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            os.close(master)
            os.close(slave)
            os.execve(prog, [prog, "--db", db] + list(extra_args), env)
        os.close(slave)
        self.fd = master
        self.out = bytearray()

    def pump(self, secs):
        end = time.time() + secs
        while time.time() < end:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(self.fd, 1 << 20)
                except OSError:
                    return
                if not data:
                    return
                self.out.extend(data)

    def wait_for(self, text, secs=20):
        """Pump until text (bytes) appears in what arrived since the mark."""
        end = time.time() + secs
        while time.time() < end:
            if text in self.out[self.mark:]:
                return True
            self.pump(0.2)
        return text in self.out[self.mark:]

    def set_mark(self):
        self.mark = len(self.out)

    def resize(self, cols, rows):
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        # The pty sends SIGWINCH to the foreground process group itself.

    def status(self, key):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith(key + ":"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def stop(self):
        try:
            os.kill(self.pid, 1)
        except OSError:
            pass
        self.pump(0.3)
        for _ in range(100):
            pid, _ = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.05)
        else:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        os.close(self.fd)

NOTICE = b"only 500"
HELP = b"Keys on this screen"

def check_size(r, cols, rows, how):
    """After the program has drawn at this size: memory, a key, the notice."""
    big = cols > 500 or rows > 200
    since = r.mark
    r.pump(0.5)
    if measure:
        hwm, rss = r.status("VmHWM"), r.status("VmRSS")
        if hwm is None:
            tap(False, "%s %d×%d: the program is gone" % (how, cols, rows))
            return False
        print("# figure: window %d×%d (%s): VmRSS %d kB, VmHWM %d kB" % (cols, rows, how, rss, hwm),
              flush=True)
        ok = hwm < LIMIT_KB
        tap(ok, "%s %d×%d: peak memory %d kB stays under 32 MB" % (how, cols, rows, hwm))
    else:
        skip("%s %d×%d: peak memory under 32 MB" % (how, cols, rows), "sanitizer or valgrind build")
        ok = True
    # It still answers: the help screen opens and closes.
    r.set_mark()
    os.write(r.fd, b"?")
    tap(r.wait_for(HELP), "%s %d×%d: the program still answers keys" % (how, cols, rows))
    os.write(r.fd, b"q")
    r.pump(0.5)
    if big:
        tap(NOTICE in r.out[since:], "%s %d×%d: the window is larger than drawn and the program says so"
            % (how, cols, rows))
    return ok

sizes = [(80, 24), (500, 200), (2000, 2000), (6000, 6000)]
r = Run(80, 24)
r.set_mark()
tap(r.wait_for(b"Help"), "the program starts at 80×24")
over = False
for cols, rows in sizes:
    if over:
        skip("resized to %d×%d" % (cols, rows), "already over the limit at a smaller size")
        continue
    if (cols, rows) != (80, 24):
        r.set_mark()
        r.resize(cols, rows)
        r.pump(1.5)
    if not check_size(r, cols, rows, "resized to"):
        over = True
r.stop()

# Started in a huge window right away (what an SSH client asks for at login).
for cols, rows in ((2000, 2000), (6000, 6000)):
    if over:
        skip("started at %d×%d" % (cols, rows), "already over the limit at a smaller size")
        continue
    r = Run(cols, rows)
    r.set_mark()
    started = r.wait_for(b"Help", 30)
    tap(started, "the program starts at %d×%d" % (cols, rows))
    if not started or not check_size(r, cols, rows, "started at"):
        over = True
    r.stop()
# Back from an external editor, curses reads the window's size again by itself.
if not over:
    # Spelling off: the Hunspell dictionary it loads in the editor costs about 35 MB
    # whatever the window's size (doc/PERFORMANCE.md); this measures the window.
    cfg = os.path.join(os.path.dirname(db), "nospell.conf")
    with open(cfg, "w") as f:
        f.write("spelling = no\n")
    r = Run(2000, 2000, {"VISUAL": "true"}, ("--config", cfg))
    r.set_mark()
    r.wait_for(b"Help", 30)
    for keys, text in ((b"1", b"Help"), (b"\t\t\r", b"Reply"), (b"r", b"Send")):
        r.set_mark()
        os.write(r.fd, keys)
        r.wait_for(text, 10)
    r.set_mark()
    os.write(r.fd, b"\x0f")  # Ctrl-O: the external editor, which ends at once
    r.pump(2)
    if measure:
        hwm = r.status("VmHWM")
        print("# figure: window 2000×2000, back from the external editor: VmHWM %s kB" % hwm,
              flush=True)
        tap(hwm is not None and hwm < LIMIT_KB,
            "back from the external editor at 2000×2000: peak memory %s kB under 32 MB" % hwm)
    else:
        skip("back from the external editor: peak memory", "sanitizer or valgrind build")
    r.stop()
print("1..%d" % n)
sys.exit(1 if failed else 0)
PY
