#!/bin/sh
# lines.sh — one way to draw lines (issue 16): Unicode box drawing in a UTF-8 locale,
# pop-ups included (box() sent the VT100 line set, which PuTTY shows as "lqqqk" in UTF-8
# mode); the terminal's line set (ESC ( 0) in other locales where terminfo has one;
# ASCII + - | in the C locale. Checked on the raw bytes the program writes.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP python3 is needed to drive a raw pty"
	exit 0
fi

# run LANG TERM: the practices list with its filter pop-up open; prints what it found.
run() {
	PYTHONPATH="$top_srcdir/tests/tui" python3 - "$EMPIRIE" "$TUI_DB" "$1" "$2" <<'PY'
import os, sys
from ptyrun import Session
prog, dbpath, lang, term = sys.argv[1:5]
env = dict(os.environ, LANG=lang, LC_ALL=lang, TERM=term, NO_COLOR="1", LANGUAGE="")
p = Session([prog, "--db", dbpath], env, 100, 30)
p.pump(1.5)
p.send(b"\x1b[19~", 1.0)      # F8: the practices
mark = len(p.out)
p.send(b"f", 1.0)             # the filter pop-up
out = bytes(p.out)
popup = out[mark:]
p.send(b"\x1b", 0.5)
p.send(b"\x1b[21~", 0.5)      # F10
p.send(b"q", 0.5)
p.wait()
if b"\x1b(0" in out or b"\x0e" in out:
    print("ACS")
if "┌".encode() in out and "┐".encode() in out and "│".encode() in out:
    print("UNICODE")
if b"+-" in out and b"|" in out:
    print("ASCII_CORNERS")
if any(b > 0x7f for b in out):
    print("HIGH_BYTES")
# What opening the pop-up drew: its frame.
if b"Filter by" in popup and "┌".encode() in popup and "┘".encode() in popup:
    print("POPUP_UNICODE")
if b"Filter by" in popup and (b"\x1b(0" in popup or b"\x0e" in popup):
    print("POPUP_ACS")
PY
}

r=$(run C.UTF-8 xterm)
ok_if "UTF-8, TERM=xterm (PuTTY's default): lines are Unicode" sh -c 'echo "$1" | grep -qx UNICODE' x "$r"
ok_if "UTF-8: no VT100 line set anywhere, pop-ups included" sh -c '! echo "$1" | grep -qx ACS' x "$r"
ok_if "UTF-8: the filter pop-up has a Unicode frame" sh -c 'echo "$1" | grep -qx POPUP_UNICODE' x "$r"

r=$(run C xterm)
ok_if "C locale: frames are ASCII + - |" sh -c 'echo "$1" | grep -qx ASCII_CORNERS' x "$r"
ok_if "C locale: no VT100 line set" sh -c '! echo "$1" | grep -qx ACS' x "$r"
ok_if "C locale: no byte above 0x7F" sh -c '! echo "$1" | grep -qx HIGH_BYTES' x "$r"

if tui_has_locale pl_PL.ISO-8859-2; then
	r=$(run pl_PL.ISO-8859-2 xterm)
	ok_if "Latin-2 with TERM=xterm: the terminal's line set (terminfo acsc)" sh -c 'echo "$1" | grep -qx ACS' x "$r"
	ok_if "Latin-2: no UTF-8 box drawing" sh -c '! echo "$1" | grep -qx UNICODE' x "$r"
else
	tui_skip "Latin-2 line drawing" "the locale pl_PL.ISO-8859-2 is not installed"
fi
tui_done
