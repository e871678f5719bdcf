#!/bin/sh
# paste.sh — pasting is typing at full speed: it must cost time linear in its size
# (issue 15, finding 8). A paste without brackets arrives as plain keys; a bracketed
# paste (ESC[200~ … ESC[201~, asked for by the program) is text, never keys.
# Prints "# figure:" lines (CPU seconds of the program) for doc/RELIABILITY.md.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init

# The program's pid (the pane runs env, which execs it) and its CPU time in ms.
app_pid() {
	p=$(tui_tmux display-message -p -t "$TUI_SESSION" '#{pane_pid}' 2>/dev/null)
	c=$(ps -o pid= --ppid "$p" 2>/dev/null | head -n 1 | tr -d ' ')
	echo "${c:-$p}"
}
cpu_ms() {
	# utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks.
	awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$1/stat"
}
# paste FILE [-p]: through a tmux buffer, as a terminal pastes (-p: bracketed when asked for).
paste_file() {
	tui_tmux load-buffer -b p "$1" && tui_tmux paste-buffer -d -b p -t "$TUI_SESSION" $2
}
under() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# 4 KB into the search line: one long line of words, pasted as terminals paste when the
# program asks (bracketed). Typed without brackets it meets the 200-character cap of the
# search line (issue 15), which answers each further key with its message.
awk 'BEGIN { s = ""; while (length(s) < 4090) s = s "słowo" int(length(s) / 7) " "; printf "%sKONIEC4K", substr(s, 1, 4088) }' >"$TUI_TMP/4k.txt"
tui_start 100 24 NO_COLOR=1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys /
tui_assert_has "Search:" "/ opens the search line"
PID=$(app_pid)
t0=$(cpu_ms "$PID")
paste_file "$TUI_TMP/4k.txt" -p
ok_if "the 4 KB paste reaches the search line" tui_wait "KONIEC4K" 120
t1=$(cpu_ms "$PID")
cpu=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1000 }')
echo "# figure: paste: 4 KB (one line) into the search line: $cpu s of CPU"
ok_if "4 KB into the search line costs under 0.1 s of CPU ($cpu s)" under "$cpu" 0.1
tui_keys Escape
tui_stop

# 64 KB (just under the 64 KiB post cap) into a new thread's editor: 1,085 lines.
awk 'BEGIN { for (i = 0; i < 1085; i++) printf "linia %04d: Zażółć gęślą jaźń, pchnij łódź %04d\n", i, i; printf "KONIEC64K" }' >"$TUI_TMP/64k.txt"
tui_start 100 30 NO_COLOR=1 -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys F3
tui_assert_has "New thread in network 1" "F3 opens the editor"
tui_type "Wklejone"
tui_keys Tab
PID=$(app_pid)
t0=$(cpu_ms "$PID")
paste_file "$TUI_TMP/64k.txt"
ok_if "the 64 KB paste reaches the editor" tui_wait "KONIEC64K" 300
t1=$(cpu_ms "$PID")
cpu=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1000 }')
echo "# figure: paste: $(wc -c <"$TUI_TMP/64k.txt") bytes ($(wc -l <"$TUI_TMP/64k.txt") lines) into the editor: $cpu s of CPU"
ok_if "64 KB into the editor costs under 1 s of CPU ($cpu s)" under "$cpu" 1
tui_keys C-x
tui_assert_has "Send this now?" "Ctrl-X asks before sending"
tui_keys y
tui_assert_has "Sent." "the pasted thread is sent"
ID=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 1 | awk -F '\t' '$6 == "Wklejone" { print $1 }')
"$EMPIRIE" --db "$TUI_DB" export posts --thread "$ID" >"$TUI_TMP/out.csv" 2>/dev/null
"$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$ID" | awk -F '\t' 'NR == 1 { print $8 }' >"$TUI_TMP/body.txt"
printf '%s\n' "$(sed 's/$/\\n/' "$TUI_TMP/64k.txt" | tr -d '\n' | sed 's/\\n$//')" >"$TUI_TMP/want.txt"
ok_if "the pasted text is stored exactly" cmp -s "$TUI_TMP/body.txt" "$TUI_TMP/want.txt"
tui_keys q q F10
tui_stop

# The same text as a bracketed paste: one event, inserted at once.
tui_start 100 30 NO_COLOR=1 -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys F3
tui_assert_has "New thread in network 1" "F3 opens the editor"
tui_type "Wklejone w klamrach"
tui_keys Tab
PID=$(app_pid)
t0=$(cpu_ms "$PID")
paste_file "$TUI_TMP/64k.txt" -p
ok_if "the bracketed 64 KB paste reaches the editor" tui_wait "KONIEC64K" 60
t1=$(cpu_ms "$PID")
cpu=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1000 }')
echo "# figure: paste: $(wc -c <"$TUI_TMP/64k.txt") bytes as a bracketed paste into the editor: $cpu s of CPU"
ok_if "a bracketed 64 KB paste costs under 1 s of CPU ($cpu s)" under "$cpu" 1
tui_keys C-x
tui_assert_has "Send this now?" "Ctrl-X asks before sending"
tui_keys y
tui_assert_has "Sent." "the thread is sent"
ID=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 1 | awk -F '\t' '$6 == "Wklejone w klamrach" { print $1 }')
"$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$ID" | awk -F '\t' 'NR == 1 { print $8 }' >"$TUI_TMP/body.txt"
ok_if "the bracketed paste is stored exactly" cmp -s "$TUI_TMP/body.txt" "$TUI_TMP/want.txt"
tui_keys q q F10
tui_stop

# A bracketed paste: keys' sequences inside it are text, never commands.
printf 'raz\033[21~dwa\033[4~trzy\033OPcztery\033q\033\033koniec' >"$TUI_TMP/keys.txt"
tui_start 100 30 NO_COLOR=1 -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys F3
tui_assert_has "New thread in network 1" "F3 opens the editor"
tui_type "Klamry"
tui_keys Tab
paste_file "$TUI_TMP/keys.txt" -p
ok_if "a bracketed paste is taken as text" tui_wait "koniec" 10
tui_assert_lacks "draft?" "no Esc inside the paste asked to leave the editor"
tui_assert_lacks "Send this now?" "no F-key inside the paste ran a command"
tui_keys C-x
tui_assert_has "Send this now?" "Ctrl-X asks before sending"
tui_keys y
tui_assert_has "Sent." "the thread is sent"
ID=$("$EMPIRIE" --db "$TUI_DB" --no-header list threads --network 1 | awk -F '\t' '$6 == "Klamry" { print $1 }')
BODY=$("$EMPIRIE" --db "$TUI_DB" --no-header list posts --thread "$ID" | awk -F '\t' 'NR == 1 { print $8 }')
ok_if "the paste's visible characters are stored in order, the control characters left out ($BODY)" \
	test "$BODY" = "raz[21~dwa[4~trzyOPczteryqkoniec"
tui_keys q q F10
tui_done
