#!/bin/sh
# spell.sh — spelling in the editor (issue 18): misspelled words underlined as typed,
# Ctrl-T (F7) lists suggestions for the word at the cursor with the Polish-letter form
# first ("zolty" → "żółty") and replaces it; "spelling = no" turns it off.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
if [ ! -r /usr/share/hunspell/pl_PL.dic ]; then
	tui_skip "spelling" "the Polish Hunspell dictionary is not installed (hunspell-pl)"
	tui_done
fi
underlined() { # TEXT: the screen shows TEXT underlined
	tmux -L "$TUI_SOCK" capture-pane -e -p -t "$TUI_SESSION" | grep -q "$(printf '\033')\\[4m$1"
}
tui_start 100 30 -- --as siec-1
tui_assert_has "MIASTO CYFROWE" "the main screen shows"
tui_keys F3
tui_assert_has "New thread in network 1" "F3 opens the editor"
tui_keys Tab
tui_type "Mamy zolty autobus w Lodz i dobre miasto"
tui_wait "dobre miasto" 5
ok_if "zolty is underlined" underlined zolty
ok_if "Lodz is underlined" underlined Lodz
ok_if "miasto is not" sh -c "! tmux -L '$TUI_SOCK' capture-pane -e -p -t '$TUI_SESSION' | grep -q \"\$(printf '\\033')\\[4mmiasto\""
tui_keys C-a Right Right Right Right Right Right
tui_keys C-t
tui_assert_has 'Instead of "zolty"' "Ctrl-T offers suggestions for the word at the cursor"
tui_assert_has "żółty" "with the Polish-letter form"
tui_keys Enter
tui_assert_has "Mamy żółty autobus" "Enter puts it in place of the word"
tui_keys C-e Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left Left
tui_keys F7
tui_assert_has 'Instead of "Lodz"' "F7 too, on Lodz"
tui_assert_has "Łódź" "Lodz → Łódź"
tui_keys Escape
tui_keys Escape
tui_wait "Keep the text" 5
tui_keys n
tui_keys F10
printf 'spelling = no\n' >"$TUI_TMP/nospell.conf"
tui_start 100 30 -- --as siec-1 --config "$TUI_TMP/nospell.conf"
tui_assert_has "MIASTO CYFROWE" "the program starts with spelling off"
tui_keys F3 Tab
tui_type "zolty autobus"
tui_wait "autobus" 5
ok_if "spelling = no: nothing is underlined" sh -c "! tmux -L '$TUI_SOCK' capture-pane -e -p -t '$TUI_SESSION' | grep -q \"\$(printf '\\033')\\[4m\""
tui_keys F10
tui_wait "Keep the text" 5
tui_keys n
tui_done
