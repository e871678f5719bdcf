#!/bin/sh
# mouse.sh — the mouse wheel (buttons 4/5, in SGR 1006 reports as xterm and PuTTY send
# them) moves through the lists; a double click opens; --no-mouse leaves the mouse to
# the terminal: reporting is never turned on (issue 16).
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
hex() { tui_tmux send-keys -t "$TUI_SESSION" -H "$@"; }
# SGR report: ESC [ < button ; column ; row M (1-based): 65 is the wheel down, 64 up.
# sgr BUTTON COL ROW [m]: a press (M) or, with m, a release.
sgr() { printf '1b 5b 3c'; printf '%s' "$1;$2;$3${4:-M}" | od -An -tx1 | tr -s ' \n' ' '; }

TUI_TERM=xterm tui_start 100 30 NO_COLOR=1
tui_assert_has "1 MIASTO CYFROWE ›" "the first network is selected"
hex $(sgr 65 10 5)
tui_assert_has "4 MIASTO DOSTĘPNE I SPRAWIEDLIWE ›" "the wheel down moves three networks on"
hex $(sgr 64 10 5)
tui_assert_has "1 MIASTO CYFROWE ›" "the wheel up moves back"
tui_assert_lacks "Unknown key" "a wheel report is no unknown key"
# A double click on a network opens its card (two presses at one place, quickly).
row=$(tui_screen | grep -n "3 MIASTO OBYWATELI" | head -n 1 | cut -d: -f1)
hex $(sgr 0 6 "$row") $(sgr 0 6 "$row" m) $(sgr 0 6 "$row") $(sgr 0 6 "$row" m)
tui_assert_has "Network 3:" "a double click opens what it selected"
tui_keys q q
tui_stop

if command -v python3 >/dev/null; then
	r=$(PYTHONPATH="$top_srcdir/tests/tui" python3 - "$EMPIRIE" "$TUI_DB" <<'PY'
import os, sys
from ptyrun import Session
for args, label in (([], "MOUSE"), (["--no-mouse"], "NOMOUSE")):
    env = dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8", TERM="xterm", NO_COLOR="1")
    p = Session([sys.argv[1], "--db", sys.argv[2]] + args, env, 100, 30)
    p.pump(1.5)
    p.send(b"q", 1.0)
    p.wait()
    if b"\x1b[?1000h" in p.out or b"\x1b[?1006;1000h" in p.out:
        print(label + "_ON")
PY
)
	ok_if "without --no-mouse, mouse reporting is turned on" sh -c 'echo "$1" | grep -qx MOUSE_ON' x "$r"
	ok_if "with --no-mouse, mouse reporting is never turned on" sh -c '! echo "$1" | grep -qx NOMOUSE_ON' x "$r"
else
	tui_skip "--no-mouse" "python3 is needed to read the raw output"
fi
tui_done
