#!/bin/sh
# settings.sh — the personal settings file (issue 21): its key bindings are in effect,
# shown on the key bar and in help; a bad line is reported with file:line and the rest
# still counts; themes and `color` change what the terminal is sent (tmux capture -e);
# a restricted session ignores the file and keeps an account's settings in the database.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
CFG="$TUI_TMP/config/empirie"
mkdir -p "$CFG"

# Wait until the screen's first line, with its colours, holds $1.
title_has() {
	tries=100
	while [ "$tries" -gt 0 ]; do
		tui_tmux capture-pane -p -e -t "$TUI_SESSION" 2>/dev/null | head -n 1 | grep -qF -- "$1" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}
ESC=$(printf '\033')

printf '%s\n' '# keys' 'bind main F5 towns' 'frobnicate 3' 'bind main ^T meetings' \
	'database = /tmp/elsewhere.db' > "$CFG/config"
tui_start 100 24
tui_assert_has "config:3: unknown setting 'frobnicate'" "a bad line: file:line and what is wrong"
ok_if "database is refused in personal settings (line 5)" sh -c 'tmux -L "$1" -f /dev/null capture-pane -p -t "$2" | tr -d "\n" | tr -s " " | grep -q "config:5: .database. can be set only in the system configuration"' x "$TUI_SOCK" "$TUI_SESSION"
ok_if "the key bar shows the bound F5" tui_wait "F5Towns"
tui_keys F5
tui_assert_has "All towns" "F5 (bound) opens the towns"
tui_keys q
tui_wait "1 MIASTO CYFROWE"
tui_keys C-t
tui_assert_has "Meetings" "Ctrl-T (bound) opens the meetings"
tui_keys q
tui_wait "1 MIASTO CYFROWE"
tui_keys F1
ok_if "help lists the bound keys first" tui_wait "F5, F6, t"
ok_if "and Ctrl-T for the meetings" tui_wait "Ctrl-T, F9, M"
ok_if "the default theme's title bar (256 colours: 24)" title_has "48;5;24m"
tui_keys F10

# Themes and colours, each as the terminal receives it.
printf 'theme high-contrast\n' > "$CFG/config"
tui_start 100 24
tui_wait "1 MIASTO CYFROWE"
ok_if "high-contrast: black on white title" title_has "48;5;231m"
printf 'theme light\n' > "$CFG/config"
tui_start 100 24
tui_wait "1 MIASTO CYFROWE"
ok_if "light: a pale title bar (153)" title_has "48;5;153m"
printf 'theme monochrome\n' > "$CFG/config"
tui_start 100 24
tui_wait "1 MIASTO CYFROWE"
ok_if "monochrome: the title in reverse video" title_has "${ESC}[7m"
ok_if "monochrome: no colour on the title" sh -c '! tmux -L "$1" -f /dev/null capture-pane -p -e -t "$2" | head -n 1 | grep -q "48;5;"' x "$TUI_SOCK" "$TUI_SESSION"
printf 'theme light\ncolor title white color52 bold\n' > "$CFG/config"
tui_start 100 24
tui_wait "1 MIASTO CYFROWE"
ok_if "color title white color52 over the theme" title_has "48;5;52m"
tui_keys F10

# Restricted: the file is not read (everyone there is one Unix account); settings typed
# on the : line are kept for the account in the database.
"$EMPIRIE" --db "$TUI_DB" admin add-account anna --name "Anna Testowa" --role member --city Zabrze >/dev/null
CONF="$TUI_TMP/empirie.conf"
printf 'database = %s\nrestricted = yes\ntrust_as = yes\n' "$TUI_DB" > "$CONF"
printf 'theme high-contrast\nbind main F5 towns\n' > "$CFG/config"
tui_start 100 24 -- --restricted --config "$CONF" --as anna
tui_assert_has "Anna Testowa (member)" "a restricted session as anna"
ok_if "the personal file is not read there (default title)" title_has "48;5;24m"
ok_if "nor its bindings" tui_wait_gone "F5Towns" 1
tui_keys :
tui_type "theme light"
tui_keys Enter
tui_assert_has "kept for your account" "a theme typed on the : line is kept"
ok_if "and in effect at once" title_has "48;5;153m"
tui_keys :
tui_type "bind main F5 towns"
tui_keys Enter
tui_wait "kept for your account"
ok_if "a binding too (the key bar shows it)" tui_wait "F5Towns"
tui_keys F10
# (once the program has gone: a closing connection may hold the file a moment)
tui_exit_status 10 >/dev/null
ok_if "the database holds anna's settings" sh -c \
	'sqlite3 -cmd ".timeout 5000" "$1" "SELECT text FROM account_prefs JOIN accounts a ON a.id = account_id WHERE a.login = '"'anna'"'" | grep -q "bind main F5 towns"' x "$TUI_DB"
tui_start 100 24 -- --restricted --config "$CONF" --as anna
tui_wait "Anna Testowa (member)"
ok_if "the next session has them: light theme" title_has "48;5;153m"
ok_if "and F5" tui_wait "F5Towns"
tui_keys F10
tui_start 100 24 -- --restricted --config "$CONF"
tui_wait "Guest"
tui_keys :
tui_type "theme light"
tui_keys Enter
tui_assert_has "Guests cannot keep settings" "a guest's settings last only the session"
tui_keys F10
# A guest account with a row (a kiosk's shared login, --as in the forced command): one
# visitor must not leave settings for the next.
"$EMPIRIE" --db "$TUI_DB" admin add-account gosc --role guest >/dev/null 2>&1
tui_start 100 24 -- --restricted --config "$CONF" --as gosc
tui_wait "gosc"
tui_keys :
tui_type "theme light"
tui_keys Enter
tui_assert_has "Guests cannot keep settings" "a shared guest account keeps no settings either"
ok_if "none stored for it" test "$(sqlite3 "$TUI_DB" "SELECT count(*) FROM account_prefs p JOIN accounts a ON a.id = p.account_id WHERE a.login = 'gosc'")" = 0
tui_keys F10
tui_done
