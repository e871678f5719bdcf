#!/bin/sh
# import_lists.sh — the lists inside an imported row are kept whole (issue 19: user text
# in growable buffers, not arrays that cut it short without a word): a meeting attended
# by 150 towns keeps all 150 (an array of 128 dropped the rest); a practice shown at 70
# meetings keeps all 70 (64 were kept); a meeting key longer than 255 bytes is looked up
# whole, never by its first 255 bytes (which named another meeting).
. "$top_srcdir/tests/lib.sh"
q() { sqlite3 "$EMPIRIE_DB" "$1"; }
e --db "$EMPIRIE_DB" gen --towns 200 --threads 3 --posts 6 --seed 5 >/dev/null 2>&1
towns=$(q "SELECT count(*) FROM cities")
ok "a directory of 200 towns ($towns)" test "$towns" -ge 200
list=$(q "SELECT group_concat(name, ' | ') FROM (SELECT name FROM cities ORDER BY id LIMIT 150)")
{
	echo 'key,network,date_start,title,attending'
	printf 'n1-2023-01-wielu,1,2023-01-10,Spotkanie wielu miast,"%s"\n' "$list"
} >"$T_DIR/meeting.csv"
exit_is "a meeting attended by 150 towns is imported" 0 e import meetings "$T_DIR/meeting.csv"
is "all 150 towns attend it" \
	"$(q "SELECT count(*) FROM meeting_cities mc JOIN meetings g ON g.id = mc.meeting_id WHERE g.key = 'n1-2023-01-wielu'")" 150

# 70 meetings, and one whose key is 255 bytes long.
long=$(printf 'n2-%0252d' 0)
{
	echo 'key,network,date_start,title'
	i=1
	while [ "$i" -le 70 ]; do
		printf 'n2-2023-%03d-spotkanie,2,2023-02-01,Spotkanie %d\n' "$i" "$i"
		i=$((i + 1))
	done
	printf '%s,2,2023-03-01,Spotkanie o długim kluczu\n' "$long"
} >"$T_DIR/meetings.csv"
exit_is "71 meetings are imported" 0 e import meetings "$T_DIR/meetings.csv"
is "the long key is stored whole" "$(q "SELECT length(key) FROM meetings WHERE key = '$long'")" 255
town=$(q "SELECT name FROM cities ORDER BY id LIMIT 1")
keys=$(i=1; while [ "$i" -le 70 ]; do printf 'n2-2023-%03d-spotkanie | ' "$i"; i=$((i + 1)); done)
{
	echo 'key,city,networks,title,meetings'
	printf 'praktyka-wielu-spotkan,%s,2,Praktyka z wielu spotkań,"%s"\n' "$town" "${keys% | }"
} >"$T_DIR/practice.csv"
exit_is "a practice shown at 70 meetings is imported" 0 e import practices "$T_DIR/practice.csv"
is "all 70 meetings are linked" \
	"$(q "SELECT count(*) FROM practice_meetings pm JOIN practices p ON p.id = pm.practice_id WHERE p.key = 'praktyka-wielu-spotkan'")" 70
like "and listed" "$(e export practices --raw | grep praktyka-wielu-spotkan)" "n2-2023-070-spotkanie"
# A key 300 bytes long whose first 255 bytes are the long key: no such meeting.
{
	echo 'key,city,networks,title,meetings'
	printf 'praktyka-dlugi-klucz,%s,2,Praktyka o dłuższym kluczu,%s%045d\n' "$town" "$long" 0
} >"$T_DIR/longkey.csv"
exit_is "a practice naming a meeting that is not there is refused" 1 \
	e import practices "$T_DIR/longkey.csv"
like "saying which meeting" "$(cat "$T_DIR/err")" "there is no meeting"
is "and nothing is stored" "$(q "SELECT count(*) FROM practices WHERE key = 'praktyka-dlugi-klucz'")" 0
done_testing
