#!/bin/sh
# practice_www.sh — a practice's project page (www, practice_fields.h) on the card and in
# the editing form, in English and Polish; a bad address in the form is refused with the
# field named and the text kept.
. "${top_srcdir:-.}/tests/tui/tuilib.sh"
tui_init
e() { "$EMPIRIE" --db "$TUI_DB" "$@"; }
url=https://example.org/rower-lomza
e admin add-account lomza1 --role member --city Łomża >/dev/null
p=$(e --as lomza1 practice add --title "Rower miejski" --town Łomża --www "$url" 2>&1)
ok_if "a practice with a project page ($p)" test "$p" -gt 0 2>/dev/null

# Łomża has no bundled practice: the town filter leaves this one.
open_card() {
	tui_wait "MIASTO CYFROWE" 10 || true
	tui_keys F8 x
	tui_wait "of" 10 || true
	tui_keys f Down Down Down Enter
	tui_wait "show only" 10 || true
	tui_type "Łom"
	tui_keys Enter g Enter
}
tui_start 100 50 -- --as lomza1
open_card
tui_assert_has "A good practice of Łomża" "the practice's card"
tui_assert_has "Project page" "the card has the project page's label"
tui_assert_has "$url" "and the address"
tui_keys e
tui_assert_has "Project page: $url" "the form has the field with its value"
# Replace the address by one that is not: refused, naming the field; the text stays.
# It is the form's last field, on line 18 (after the blank lines under the long fields).
tui_keys C-Home
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17; do tui_keys Down; done
tui_keys C-k
tui_type "Project page: ftp://example.org/x"
tui_keys C-x y
tui_assert_has 'Field "Project page": not a web address' "a bad address is refused, the field named"
tui_assert_has "ftp://example.org/x" "the text stays in the editor"
tui_keys F10 n
tui_exit_status >/dev/null
ok_if "the stored address is kept" test "$(e show practice "$p" | grep -c "$url")" = 1

if tui_has_locale pl_PL.UTF-8; then
	tui_start 100 50 LANG=pl_PL.UTF-8 -- --as lomza1
	tui_wait "MIASTO CYFROWE" 10 || true
	tui_keys F8 x
	tui_wait "Dobre praktyki" 10 || true
	tui_keys f Down Down Down Enter
	tui_wait "tylko" 10 || true
	tui_type "Łom"
	tui_keys Enter g Enter
	tui_assert_has "Strona projektu" "the label in Polish"
	tui_assert_has "$url" "with the address"
	tui_keys F10
else
	tui_skip "the label in Polish" "pl_PL.UTF-8 is not installed"
	tui_skip "with the address" "pl_PL.UTF-8 is not installed"
fi
tui_done
