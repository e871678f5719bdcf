#!/bin/sh
# spreadsheet.sh — CSV exports for spreadsheets: a cell that a spreadsheet would run as
# a formula (=, +, -, @ first) gets a leading apostrophe and importing the file back
# gives the text as stored; --raw keeps cells as stored for scripts. ';' in a Polish
# locale (what Polish Excel and LibreOffice split on), ',' elsewhere, --separator to
# choose; UTF-8 with a byte order mark and CRLF line ends. Then the file is opened in
# LibreOffice (headless) and read back from the .xlsx it makes: the columns are split
# right and the formula-looking cells are text, not formulas.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null; then
	skip "sqlite3 is needed"; done_testing; exit
fi
e init >/dev/null 2>&1
# The issue's practice: a member's title and cost that a spreadsheet would run.
title='=HYPERLINK("http://example.invalid/x","Kliknij")'
cost="+1+cmd|' /C calc'!A0"
q() { sqlite3 "$EMPIRIE_DB" "$1"; }
q "INSERT INTO practices(key, city_id, title, cost, problem, actions, results)
   SELECT 'formula-test', id, '$(printf '%s' "$title" | sed "s/'/''/g")', '$(printf '%s' "$cost" | sed "s/'/''/g")',
          '-5 zł', '@SUM(A1)', '''=już z apostrofem' FROM cities WHERE name = 'Zabrze'"
stored() { q "SELECT title || '|' || cost || '|' || problem || '|' || actions || '|' || results FROM practices WHERE key = 'formula-test'"; }
before=$(stored)

ok "export practices (for spreadsheets, the default)" e export practices
cp "$T_DIR/out" "$T_DIR/safe.csv"
row=$(grep -a formula-test "$T_DIR/safe.csv")
like "the title starts with an apostrophe" "$row" "\"'=HYPERLINK("
like "so does the cost" "$row" "'+1+cmd"
like "and a cell starting with '-'" "$row" "'-5 zł"
like "and one starting with '@'" "$row" "'@SUM(A1)"
like "a cell that already starts with an apostrophe and '=' gets one more" "$row" "''=już"
is "no cell of the file starts with =, +, - or @" \
	"$(tr ',;' '\n\n' <"$T_DIR/safe.csv" | sed 's/^"//' | grep -c '^[=+@-]')" 0
is "UTF-8 with a byte order mark" "$(head -c 3 "$T_DIR/safe.csv" | od -An -tx1 | tr -d ' ')" efbbbf
is "every line ends in CRLF" "$(grep -c "$(printf '\r')\$" "$T_DIR/safe.csv")" "$(wc -l <"$T_DIR/safe.csv")"
like "',' in an English or C locale" "$(head -n 1 "$T_DIR/safe.csv")" "key,city,networks"

ok "export --raw (for scripts)" e export practices --raw
cp "$T_DIR/out" "$T_DIR/raw.csv"
like "keeps the cells as stored" "$(grep -a formula-test "$T_DIR/raw.csv")" ",\"=HYPERLINK("
like "the cost too" "$(grep -a formula-test "$T_DIR/raw.csv")" ",+1+cmd"
is "no byte order mark" "$(head -c 3 "$T_DIR/raw.csv")" "key"
is "LF line ends" "$(grep -c "$(printf '\r')" "$T_DIR/raw.csv")" 0

# The separator: ';' where Polish spreadsheets expect it.
is "';' in a Polish locale" "$(LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 "$EMPIRIE" export practices 2>/dev/null | head -n 1 | cut -c 4-21)" \
	"key;city;networks;"
is "also when only LANG says Polish" "$(env -u LC_ALL LANG=pl_PL.UTF-8 "$EMPIRIE" export cities 2>/dev/null | head -n 1 | cut -c 4-20)" \
	"name;voivodeship;"
is "--separator , overrides it" "$(LC_ALL=pl_PL.UTF-8 "$EMPIRIE" export cities --separator , 2>/dev/null | head -n 1 | cut -c 4-20)" \
	"name,voivodeship,"
is "--separator ';' in any locale" "$(e export cities --separator ';' | head -n 1 | cut -c 4-20)" "name;voivodeship;"
exit_is "an unknown separator is refused" 2 e export cities --separator x
like "saying which ones there are" "$(cat "$T_DIR/err")" "use ';' or ','"

# Round trip: the guarded file imports back to the text as stored.
ok "the spreadsheet export imports back" e import practices "$T_DIR/safe.csv"
like "changing nothing" "$(cat "$T_DIR/out")" "0 added, 0 changed"
is "the stored texts are as they were" "$(stored)" "$before"
LC_ALL=pl_PL.UTF-8 "$EMPIRIE" export practices >"$T_DIR/pl.csv" 2>/dev/null
ok "so does the Polish (';') export" e import practices "$T_DIR/pl.csv"
is "the stored texts are as they were" "$(stored)" "$before"
ok "import --raw would take the apostrophes as text" e import practices --raw --dry-run "$T_DIR/safe.csv"
like "(one practice would change)" "$(cat "$T_DIR/out")" "1 changed"
ok "the raw export imports back with --raw" e import practices --raw "$T_DIR/raw.csv"
is "the stored texts are as they were" "$(stored)" "$before"

# A cell that only becomes a formula on the way out: the CP1250 export writes a
# character that code page lacks as its nearest ASCII (U+2212 minus sign as '-', U+21D2
# as "=>") and drops a leading combining mark. The guard must judge the cell as written.
q "INSERT INTO practices(key, city_id, title, cost, problem, actions)
   SELECT 'translit-test', id, '$(printf '\342\210\222')1+cmd|'' /C calc''!A0',
          '$(printf '\314\201')=HYPERLINK(\"http://example.invalid/\")',
          '$(printf '\342\207\222')HYPERLINK(1)', '$(printf '\302\240')=1+1'
   FROM cities WHERE name = 'Zabrze'"
translit_stored() { q "SELECT title || '|' || cost || '|' || problem || '|' || actions FROM practices WHERE key = 'translit-test'"; }
translit_before=$(translit_stored)
ok "export practices --encoding cp1250" e export practices --encoding cp1250
row=$(grep -a translit-test "$T_DIR/out")
is "no cell of the CP1250 file starts with =, +, - or @" \
	"$(printf '%s\n' "$row" | tr ',;' '\n\n' | sed 's/^"//' | grep -c '^[=+@-]')" 0
ok "export practices (UTF-8) with those cells" e export practices
cp "$T_DIR/out" "$T_DIR/translit.csv"
ok "imports back" e import practices "$T_DIR/translit.csv"
is "the stored texts are as they were" "$(translit_stored)" "$translit_before"
q "DELETE FROM practices WHERE key = 'translit-test'"

# LibreOffice opens the Polish file as a Polish user would: ';' splits, UTF-8, and with
# formula evaluation on (the worst case) the guarded cells stay text. The raw file,
# opened the same way, shows that the check can fail.
soffice=$(command -v soffice || command -v libreoffice)
if [ -z "$soffice" ] || ! command -v python3 >/dev/null; then
	skip "LibreOffice (soffice, Debian package libreoffice-calc-nogui) or python3 is not installed"
	skip "LibreOffice is not installed"; skip "LibreOffice is not installed"
	skip "LibreOffice is not installed"
else
	mkdir -p "$T_DIR/lo/in" "$T_DIR/lo/out" "$T_DIR/lo/profile"
	cp "$T_DIR/pl.csv" "$T_DIR/lo/in/guarded.csv"
	"$EMPIRIE" export practices --raw --separator ';' >"$T_DIR/lo/in/raw.csv"
	# Separator 59 (;), quote 34 ("), charset 76 (UTF-8), from line 1, standard cell
	# formats, Polish (1045), quoted fields as text no, special numbers no, (export
	# options ×4), evaluate formulas yes.
	start=$(date +%s)
	HOME="$T_DIR/lo" timeout 180 "$soffice" -env:UserInstallation=file://"$T_DIR/lo/profile" \
		--headless --norestore --infilter="CSV:59,34,76,1,,1045,false,false,false,false,false,-1,true" \
		--convert-to xlsx --outdir "$T_DIR/lo/out" "$T_DIR/lo/in/guarded.csv" "$T_DIR/lo/in/raw.csv" \
		>"$T_DIR/lo/log" 2>&1
	diag "figure: LibreOffice converted two CSV files in $(($(date +%s) - start)) s"
	# The xlsx's first sheet: for each row, its cells (column letter, formula or not, text).
	cells() {
		python3 - "$1" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
shared = []
if 'xl/sharedStrings.xml' in z.namelist():
    for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S):
        shared.append(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S)))
sheet = z.read('xl/worksheets/sheet1.xml').decode()
for row in re.findall(r'<row[^>]*>(.*?)</row>', sheet, re.S):
    out = []
    for attrs, body in re.findall(r'<c ([^>]*?)(?:/>|>(.*?)</c>)', row, re.S):
        ref = re.search(r'r="([A-Z]+)', attrs).group(1)
        kind = 'F' if '<f' in body else 'T'
        v = re.search(r'<v>(.*?)</v>', body, re.S)
        v = v.group(1) if v else ''
        if 't="s"' in attrs and v:
            v = shared[int(v)]
        out.append('%s:%s:%s' % (ref, kind, v))
    print(' '.join(out))
PY
	}
	if [ -f "$T_DIR/lo/out/guarded.xlsx" ] && [ -f "$T_DIR/lo/out/raw.xlsx" ]; then
		g=$(cells "$T_DIR/lo/out/guarded.xlsx")
		is "LibreOffice splits the header into the 15 columns (www last)" \
			"$(printf '%s\n' "$g" | head -n 1 | wc -w)" 15
		grow=$(printf '%s\n' "$g" | grep 'formula-test')
		like "the guarded title is text, not a formula" "$grow" 'E:T:'
		is "no cell of the guarded file is a formula" "$(printf '%s\n' "$g" | tr ' ' '\n' | grep -c '^[A-Z]*:F:')" 0
		is "opened the same way, the raw file's title is a formula (the check can fail)" \
			"$(cells "$T_DIR/lo/out/raw.xlsx" | grep 'formula-test' | tr ' ' '\n' | grep -c '^E:F:')" 1
	else
		t_result 1 "LibreOffice converted both files"; diag "$(cat "$T_DIR/lo/log")"
		skip "no xlsx"; skip "no xlsx"; skip "no xlsx"
	fi
fi
done_testing
