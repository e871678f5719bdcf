#!/bin/sh
# extedit.sh — F5 in the editor runs $VISUAL, else $EDITOR, else sensible-editor, else
# nano; never vi unless named; with none of them a translated message says what to do.
# Stand-in editors (shell scripts named nano, vi, ...) on a PATH of their own append
# their name to the file, so the text that comes back says which one ran.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init

fake() { # DIR NAME: an executable "editor" NAME in DIR
	mkdir -p "$1"
	printf '#!/bin/sh\nfor f; do :; done\nprintf "%%s\\n" "edited-by-%s" >> "$f"\n' "$2" > "$1/$2"
	chmod 755 "$1/$2"
}
fake "$TUI_TMP/n" nano; fake "$TUI_TMP/n" vi
fake "$TUI_TMP/s" sensible-editor; fake "$TUI_TMP/s" nano; fake "$TUI_TMP/s" vi
fake "$TUI_TMP/v" vi
fake "$TUI_TMP/e" myeditor; fake "$TUI_TMP/e" nano

try() { # PATHDIR [VAR=VALUE...]: start, open a new thread's editor, press F5
	dir=$1; shift
	tui_start 100 30 "PATH=$TUI_TMP/$dir" VISUAL= EDITOR= "$@" -- --as siec-1
	tui_wait "MIASTO CYFROWE" 10
	tui_keys F3
	tui_wait "New thread in network 1" 10
	tui_keys Tab
	tui_type "Tekst"
	tui_keys F5
}

try n
tui_assert_has "edited-by-nano" "without VISUAL or EDITOR, nano runs (not vi)"
tui_assert_lacks "edited-by-vi" "vi does not"
try s
tui_assert_has "edited-by-sensible-editor" "sensible-editor comes before nano"
try v
tui_assert_has "No text editor found" "with only vi about, a message says none was found"
tui_assert_lacks "edited-by-vi" "and vi is not run by surprise"
tui_assert_has "Tekst" "the text stays in the editor"
try e EDITOR=myeditor
tui_assert_has "edited-by-myeditor" "EDITOR is honoured"
try e VISUAL=myeditor EDITOR=nano
tui_assert_has "edited-by-myeditor" "VISUAL comes before EDITOR"
if locale -a 2>/dev/null | grep -qix 'pl_PL.utf-\?8'; then
	try v LANG=pl_PL.UTF-8 "EMPIRIE_LOCALEDIR=${EMPIRIE_LOCALEDIR:-}"
	tui_assert_has "Nie znaleziono edytora" "the message is translated"
else
	tui_skip "the message is translated" "locale pl_PL.UTF-8 is not installed"
fi
tui_done
