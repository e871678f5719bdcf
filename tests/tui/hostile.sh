#!/bin/sh
# hostile.sh — nothing stored can drive the terminal. Escape sequences (CSI, OSC 8,
# OSC 52, DCS), C1 controls (U+009B), BEL, backspace and CR tricks, bidi overrides,
# invalid UTF-8 and NUL are written straight into every kind of field of the database;
# the raw bytes of CLI output, exports and a pty running the application are checked.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if ! command -v sqlite3 >/dev/null || ! command -v python3 >/dev/null; then
	echo "1..0 # SKIP sqlite3 and python3 are needed"
	exit 0
fi
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
tid=$(echo "zwykły wpis" | e post --network 1 --title "Zwykły wątek")
# The payload, as an SQL expression (so that NUL and invalid bytes go in unchanged).
P="'A' || char(27) || '[31mRED' || char(27) || ']52;c;ZXZpbA==' || char(7) || char(27) || ']8;;http://evil/' || char(27) || '\\\\link' || char(27) || 'P1;2qDCS' || char(27) || '\\\\' || char(155) || '2J' || char(8,8) || 'X' || char(13) || 'CR' || char(8238) || 'RLO' || char(8294) || 'LRI' || CAST(x'ff00fe41' AS TEXT) || 'Z'"
sqlite3 "$TUI_DB" "
UPDATE threads SET title = 'T' || $P WHERE id = $tid;
UPDATE posts SET body = 'B' || $P WHERE thread_id = $tid;
UPDATE cities SET name = 'Zabrze' || $P, voivodeship = 'V' || $P, project_title = 'J' || $P WHERE name = 'Zabrze';
UPDATE networks SET goals = 'G' || $P, coordinators = 'K' || $P WHERE number = 1;
UPDATE accounts SET display_name = 'N' || $P WHERE login = 'siec-1';
UPDATE meetings SET title = 'M' || $P, summary = 'S' || $P WHERE network_id = 1;
" || { echo "1..0 # SKIP cannot write the payload"; exit 0; }

check_bytes() { # FILE [crlf] — assert no raw control bytes from the payload; with crlf,
	# CRLF line ends (spreadsheet CSV) are allowed: a CR right before LF hides nothing
	python3 - "$1" "${2:-}" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
if sys.argv[2] == 'crlf':
    b = b.replace(b"\r\n", b"\n")
bad = {"ESC": b"\x1b", "BEL": b"\x07", "BS": b"\x08", "CR": b"\r", "C1 CSI": b"\xc2\x9b",
       "RLO": b"\xe2\x80\xae", "LRI": b"\xe2\x81\xa6", "NUL": b"\x00",
       "invalid 0xFF": b"\xff"}
found = [k for k, v in bad.items() if v in b]
print(" ".join(found) if found else "clean")
PY
}
TUI_N=0
for cmd in "list threads --network 1" "list posts --thread $tid" "show thread $tid" \
	"show network 1" "list cities --network 1" "list meetings --network 1" "show meeting 1" \
	"search zwykly" "export cities" "export meetings --format json" "admin accounts" \
	"export posts --format mbox --network 1"; do
	# shellcheck disable=SC2086
	e $cmd > "$TUI_TMP/out" 2>&1
	case $cmd in "export cities") r=$(check_bytes "$TUI_TMP/out" crlf) ;; *) r=$(check_bytes "$TUI_TMP/out") ;; esac
	ok_if "CLI '$cmd': no control bytes reach the terminal ($r)" test "$r" = clean
done
e export meetings --format json > "$TUI_TMP/json"
ok_if "the hardened JSON is still valid JSON with the text intact" python3 -c "
import json, sys
d = json.load(open('$TUI_TMP/json', encoding='utf-8'))
t = [m['title'] for m in d if m['title'].startswith('M')][0]
sys.exit(0 if '\u202e' in t and '\x1b' in t else 1)"
city=$(e --no-header list cities --network 1 | grep '^Zabrze' | cut -f1)
e show city "$city" > "$TUI_TMP/out" 2>&1
ok_if "the town card too" test "$(check_bytes "$TUI_TMP/out")" = clean
like_out() { grep -qF -- "$1" "$TUI_TMP/out"; }
e show thread "$tid" > "$TUI_TMP/out" 2>&1
ok_if "ESC is shown visibly as ^[" like_out '^[[31mRED'
ok_if "the C1 control shown as <U+009B>" like_out '<U+009B>'
ok_if "the bidi override shown as <U+202E>" like_out '<U+202E>'
ok_if "an invalid byte shown as <\\xFF>" like_out '<\xFF>'

# The application in a pty: the same screens, raw bytes.
PYTHONPATH="$top_srcdir/tests/tui" python3 - "$EMPIRIE" "$TUI_DB" > "$TUI_TMP/pty" <<'PY'
import os, sys
from ptyrun import Session
env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm-256color")
p = Session([sys.argv[1], "--db", sys.argv[2]], env, 160, 40)
p.pump(1.5)
for keys in (b"1\r", b"q", b"\t", b"\r", b"q", b"\t", b"\r", b"G", b"q", b"/zwykly\r", b"\r", b"q", b"q"):
    p.send(keys, 0.5)
p.send(b"\x1b[21~", 1.0)
p.wait()
out = p.out
found = [k for k, v in {"OSC 52": b"\x1b]52", "OSC 8": b"\x1b]8;", "DCS": b"\x1bP1;2q",
         "payload CSI": b"\x1b[31mRED", "BEL": b"\x07", "C1": b"\xc2\x9b", "RLO": b"\xe2\x80\xae",
         "LRI": b"\xe2\x81\xa6", "invalid": b"\xff"}.items() if v in out]
print(" ".join(found) if found else "clean")
print("VISIBLE" if b"^[]52;c;ZXZpbA==" in out else "not-visible")
PY
r=$(sed -n 1p "$TUI_TMP/pty")
ok_if "the application never sends the stored sequences ($r)" test "$r" = clean
ok_if "it shows them visibly instead (^[]52;...)" grep -qx VISIBLE "$TUI_TMP/pty"
tui_done
