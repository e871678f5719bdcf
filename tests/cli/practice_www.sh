#!/bin/sh
# practice_www.sh — a practice's project page (www), the field added through the field
# list (practice_fields.h): set and read by the CLI, refused when not an http(s) address
# (with the field named), exported and imported in CSV (English and Polish headers, the
# line and column of a bad value named), in public copies, and not in the search index.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
e admin add-account lomza1 --role member --city Łomża >/dev/null 2>&1
url=https://example.org/rowery-lomza

exit_is "practice add --www" 0 e --as lomza1 practice add --title "Rower miejski" --town Łomża \
	--www "$url"
p=$(cat "$T_DIR/out")
exit_is "show practice" 0 e show practice "$p"
like "the card shows the project page" "$(cat "$T_DIR/out")" "Project page: $url"
ok "Polish" env LANGUAGE=pl LANG=pl_PL.UTF-8 LC_ALL=pl_PL.UTF-8 "$EMPIRIE" show practice "$p"
if locale -a 2>/dev/null | grep -qi '^pl_PL.utf-\?8$'; then
	like "in Polish" "$(cat "$T_DIR/out")" "Strona projektu: $url"
else
	skip "pl_PL.UTF-8 is not installed"
fi
like "practice --help names --www" "$(e practice --help)" "--www URL"

# Not an address: refused, the field named, nothing changed.
exit_is "an ftp address is refused" 1 e --as lomza1 practice edit "$p" --www ftp://example.org/x
like "naming the field" "$(cat "$T_DIR/err")" 'Field "Project page": not a web address'
exit_is "a word is refused" 1 e --as lomza1 practice edit "$p" --www rowery
exit_is "an escape sequence is refused" 1 e --as lomza1 practice edit "$p" \
	--www "$(printf 'https://example.org/\033[2J')"
exit_is "a space is refused" 1 e --as lomza1 practice edit "$p" --www "https://example.org/a b"
e show practice "$p" >"$T_DIR/show"
like "the stored page is kept" "$(cat "$T_DIR/show")" "Project page: $url"
exit_is "http is fine too" 0 e --as lomza1 practice edit "$p" --www http://example.org/
like "changed" "$(e show practice "$p")" "Project page: http://example.org/"
exit_is "edit without --www keeps it" 0 e --as lomza1 practice edit "$p" --cost "2 000 zł"
like "kept" "$(e show practice "$p")" "Project page: http://example.org/"
exit_is "--www \"\" clears it" 0 e --as lomza1 practice edit "$p" --www ""
unlike "cleared" "$(e show practice "$p")" "Project page"
e --as lomza1 practice edit "$p" --www "$url" >/dev/null

# CSV: exported under "www", imported back into a fresh database.
exit_is "export practices" 0 e export practices
cp "$T_DIR/out" "$T_DIR/practices.csv"
like "the header has www" "$(head -1 "$T_DIR/practices.csv")" ",www"
like "the row has the page" "$(grep rower "$T_DIR/practices.csv")" "$url"
fresh="$T_DIR/fresh.db"
EMPIRIE_DB=$fresh e init >/dev/null 2>&1
e export meetings > "$T_DIR/meetings.csv"
EMPIRIE_DB=$fresh e import meetings "$T_DIR/meetings.csv" >/dev/null 2>&1
exit_is "import into a fresh database" 0 env EMPIRIE_DB="$fresh" "$EMPIRIE" import practices "$T_DIR/practices.csv"
key=$(grep -o '^[^,]*rower[^,]*' "$T_DIR/practices.csv")
like "the page came along" "$(EMPIRIE_DB=$fresh e show practice "$key")" "Project page: $url"
is "the same export" "$(EMPIRIE_DB=$fresh e export practices)" "$(cat "$T_DIR/practices.csv")"
# Polish headers (from Excel: "Strona").
printf 'Klucz;Miasto;Tytuł;Strona\r\nwww-1;Łomża;Łąka kwietna;https://example.org/laka\r\n' > "$T_DIR/pl.csv"
exit_is "import with the Polish header Strona" 0 e import practices "$T_DIR/pl.csv"
like "the page is read" "$(e show practice www-1)" "Project page: https://example.org/laka"
printf 'key,city,title,www\nwww-2,Łomża,Park,javascript:alert(1)\n' > "$T_DIR/bad.csv"
exit_is "a bad address in a file" 1 e import practices "$T_DIR/bad.csv"
like "is named with its line and column" "$(cat "$T_DIR/err")" "bad.csv:2:4 (www): not a web address"
exit_is "nothing imported" 1 e show practice www-2

# Public copies carry it (a practice's page is as public as its card).
exit_is "a public copy" 0 e snapshot "$T_DIR/pub.db" --public-only
exit_is "opens" 0 env EMPIRIE_DB="$T_DIR/pub.db" "$EMPIRIE" show practice "$p"
like "with the page" "$(cat "$T_DIR/out")" "Project page: $url"

# An address is not words to search for.
is "not in the search index" "$(e --no-header search example | grep -c practice)" "0"
exit_is "check" 0 e check
done_testing
