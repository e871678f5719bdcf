#!/bin/sh
# longwarn.sh — the settings' warnings at start-up are never cut without a mark (issue
# 19): two lines of the settings file each quoting an unknown element of 250 letters give
# two warnings of some 450 bytes, joined on the status line. They were joined into its
# 800 bytes and the second lost its end silently; now the status line keeps the head and
# the end of them with "…" between, as any longer message.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
a=$(printf '%0250d' 0 | tr 0 a) b=$(printf '%0250d' 0 | tr 0 b)
mkdir -p "$TUI_TMP/config/empirie"
printf 'color %s red blue\ncolor %s red blue\n' "$a" "$b" >"$TUI_TMP/config/empirie/config"
tui_start 500 30
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_assert_has "config:1: unknown element 'aaaa" "the first warning's head shows"
tui_assert_has "bbbb' (for example" "the second warning's end shows"
tui_wait "manual)" 5 || true
tui_screen | grep -q 'error; all are in the manual) *$'
ok_if "to its last word, at the end of the status line" test $? -eq 0
tui_screen | grep -q 'all are in.*….*config:2: unknown element'
ok_if "the cut in the middle is marked" test $? -eq 0
tui_keys q q q
tui_done
