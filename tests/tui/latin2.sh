#!/bin/sh
# latin2.sh — a Latin-2 terminal session, captured as raw bytes from a pseudo-terminal:
# the screen is written in ISO-8859-2 (never UTF-8, never '?'), and Polish letters typed
# in Latin-2 are stored as UTF-8.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! tui_has_locale pl_PL.ISO-8859-2 && ! tui_has_locale pl_PL.iso88592; then
	echo "1..0 # SKIP the pl_PL.ISO-8859-2 locale is not installed"
	exit 0
fi
if ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP python3 is needed to drive a raw pty"
	exit 0
fi
PYTHONPATH="$top_srcdir/tests/tui" python3 - "$EMPIRIE" "$TUI_DB" > "$TUI_TMP/result" <<'PY'
import os, sys
from ptyrun import Session
prog, dbpath = sys.argv[1], sys.argv[2]
env = dict(os.environ, LANG="pl_PL.ISO-8859-2", LC_ALL="pl_PL.ISO-8859-2", TERM="xterm",
           NO_COLOR="1", LANGUAGE="")
p = Session([prog, "--db", dbpath], env, 100, 30)
out, pump, send = p.out, p.pump, p.send
pump(1.5)
send(b"6\t", 1.0)             # network 6, its towns: Łomża
screen1 = bytes(out)
out.clear()
send(b"\x1bOR", 1.0)           # F3: new thread
send(b"Pr\xf3ba Latin-2")      # "Próba" typed in Latin-2
send(b"\t")
send(b"Za\xbf\xf3\xb3\xe6 g\xea\xb6l\xb1 ja\xbc\xf1")  # Zażółć gęślą jaźń in Latin-2
send(b"\x18", 0.6)             # Ctrl-X: send
send(b"y", 1.0)
send(b"\x1b[21~", 1.0)         # F10: quit
pump(1.0)
p.wait()
print("LOMZA_LATIN2" if b"\xa3om\xbfa" in screen1 else "no-latin2-lomza")
print("UTF8_BYTES" if b"\xc5\x81" in screen1 or b"\xc5\xbc" in screen1 else "no-utf8")
print("QUESTION_FOR_LOMZA" if b"?om?a" in screen1 else "no-question")
PY
result=$(cat "$TUI_TMP/result")
TUI_N=0
ok_if "the screen shows Łomża as Latin-2 bytes (A3 6F 6D BF 61)" grep -qx LOMZA_LATIN2 "$TUI_TMP/result"
ok_if "no UTF-8 byte sequences reach a Latin-2 terminal" grep -qx no-utf8 "$TUI_TMP/result"
ok_if "no question marks for Polish letters" grep -qx no-question "$TUI_TMP/result"
title=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 6 | head -1 | cut -f6)
ok_if "a title typed in Latin-2 is stored as UTF-8 (Próba)" test "$title" = "Próba Latin-2"
tid=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 6 | head -1 | cut -f1)
body=$("$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$tid" | head -1 | cut -f8)
ok_if "the text typed in Latin-2 is stored as UTF-8 (Zażółć gęślą jaźń)" test "$body" = "Zażółć gęślą jaźń"
# The same under LANG=C: readable ASCII, no byte above 0x7F.
PYTHONPATH="$top_srcdir/tests/tui" python3 - "$EMPIRIE" "$TUI_DB" > "$TUI_TMP/ascii" <<'PY'
import os, sys
from ptyrun import Session
env = dict(os.environ, LANG="C", LC_ALL="C", TERM="vt100", NO_COLOR="1", LANGUAGE="")
p = Session([sys.argv[1], "--db", sys.argv[2]], env, 80, 24)
out, pump = p.out, p.pump
pump(1.5)
p.send(b"6\t", 1.0)
p.send(b"q", 1.0)
p.wait()
print("LOMZA" if b"Lomza" in out else "no-lomza")
print("HIGH" if any(b >= 0x80 for b in out) else "ascii-only")
PY
ok_if "LANG=C: Łomża shows as Lomza" grep -qx LOMZA "$TUI_TMP/ascii"
ok_if "LANG=C: only ASCII bytes reach the terminal" grep -qx ascii-only "$TUI_TMP/ascii"
[ "$TUI_FAILED" -eq 0 ] || { echo "# result: $result"; echo "# title: $title"; echo "# body: $body"; }
tui_done
