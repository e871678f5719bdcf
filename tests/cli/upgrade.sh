#!/bin/sh
# A database made by the previous release (schema 2: the bundled directory, a member's
# thread and a draft, dumped by empirie 0.1 before good practices) is upgraded in
# place: it gets the bundled practices once, meetings and practices in the search,
# and keeps its posts and drafts.
. "$top_srcdir/tests/lib.sh"
if ! command -v sqlite3 >/dev/null || ! command -v gzip >/dev/null; then
	skip "sqlite3 and gzip are needed to load the old database"; done_testing; exit
fi
db="$T_DIR/old.db"
gzip -dc "$top_srcdir/tests/data/schema2.sql.gz" | sqlite3 "$db"
is "the file is schema 2" "$(sqlite3 "$db" 'PRAGMA user_version')" 2
ok "the new program opens it" e --db "$db" info
latest=$(e --db "$T_DIR/fresh.db" info 2>/dev/null | sed -n 's/^Schema: //p')
like "and upgrades it to the latest schema ($latest, as a new database)" "$(cat "$T_DIR/out")" "Schema: $latest"
is "the bundled practices arrive" "$(e --db "$db" --no-header list practices | wc -l)" \
	"$(grep -c '^[a-z]' "$top_srcdir/data/practices.csv" | awk '{print $1 - 1}')"
e --db "$db" info >/dev/null
is "only once" "$(sqlite3 "$db" 'SELECT count(*) FROM practices')" \
	"$(e --db "$db" --no-header list practices | wc -l)"
like "search finds a bundled practice" "$(e --db "$db" search liderka)" "Program Liderka"
like "and an old meeting" "$(e --db "$db" search kedzierzynie)" "meeting"
like "the old thread is still found" "$(e --db "$db" search zielonych dachach)" "Zielone dachy"
like "the rebuilt index knows the towns' case forms" "$(e --db "$db" search 'z Łomży')" "Łomża"
is "the draft is kept" "$(sqlite3 "$db" "SELECT title || '|' || body FROM drafts WHERE kind = 'thread'")" \
	"Szkic|Tekst szkicu"
ok "empirie check finds the upgraded file sound" e --db "$db" check
is "the titles index holds every town, thread, practice and meeting (issue 18)" \
	"$(sqlite3 "$db" "SELECT count(*) FROM search_titles_docsize")" \
	"$(sqlite3 "$db" "SELECT (SELECT count(*) FROM cities) + (SELECT count(*) FROM threads)
		+ (SELECT count(*) FROM practices) + (SELECT count(*) FROM meetings)")"
is "the old thread is found first, by its title" \
	"$(e --db "$db" --no-header search zielonych dachach | head -1 | cut -f 1,5)" "$(printf 'thread\tZielone dachy')"
is "drafts take the new kinds" \
	"$(sqlite3 "$db" "INSERT INTO drafts(account_id, kind, target_id, updated_at) VALUES (1, 'practice', 0, 'x'); SELECT changes()")" 1
done_testing
