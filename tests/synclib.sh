# synclib.sh — helpers of the sync tests (sourced after lib.sh).
q() { sqlite3 "$1" "$2"; }
at() { EMPIRIE_NOW="2026-11-28T$1Z"; export EMPIRIE_NOW; }
# What two copies must agree on after a sync (rows of the forum, not bookkeeping).
content() {
	q "$1" "SELECT 'T', id, network_id, title, author_id, locked, pinned, post_count, last_post_at,
	               last_post_id, COALESCE(meeting_id, 0) FROM threads ORDER BY id;
	        SELECT 'P', id, thread_id, COALESCE(parent_id, 0), author_id, body, created_at,
	               COALESCE(edited_at, ''), hidden, hidden_reason, hex(path) FROM posts ORDER BY id;
	        SELECT 'R', account_id, thread_id, read_count, last_read_id FROM read_state ORDER BY 2, 3;
	        SELECT 'D', account_id, kind, target_id, title, body, updated_at FROM drafts ORDER BY 2, 3, 4;
	        SELECT 'V', post_id, edited_at, body FROM post_versions ORDER BY 2, 3;
	        SELECT 'N', id, thread_count, post_count FROM networks ORDER BY id;"
}
# A well-formed sync file of the family of database $1: crafted changes with a right
# checksum (a checksum is easy to make; it is not a signature).
craft() { # DB OUT SITE OP-LINE...
	db=$1 out=$2 site=$3; shift 3
	python3 - "$out" "$(q "$db" "SELECT value FROM meta WHERE key = 'family'")" "$site" "$@" <<'PY'
import hashlib, sys
out, fam, site, ops = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
head = '{"family":"%s","site":%d,"schema":4,"created_at":"2026-11-28T11:40:00Z","since":0,"upto":1}' % (fam, site)
body = '\n'.join(['EMPIRIE-SYNC 1', head] + ops) + '\n'
open(out, 'w', encoding='utf-8').write(body + 'END %d %s\n' % (len(ops), hashlib.sha256(body.encode()).hexdigest()))
PY
}
# forge DB OUT SITE OP-LINE...: what the holder of copy DB can make with the source at
# hand: a file claiming to come from SITE with crafted changes, signed with the only
# secret the holder has (DB's own; a database without signed sync gets the old
# checksum).
forge() {
	db=$1 out=$2 site=$3; shift 3
	key=$(q "$db" "SELECT site || ' ' || gen || ' ' || hex(secret) FROM sync_keys LIMIT 1" 2>/dev/null)
	python3 - "$out" "$(q "$db" "SELECT value FROM meta WHERE key = 'family'")" "$site" "$key" "$@" <<'PY'
import hashlib, hmac, sys
out, fam, site, key, ops = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:]
head = '{"family":"%s","site":%d,"schema":7,"created_at":"2026-11-28T11:40:00Z","since":0,"upto":1}' % (fam, site)
if key:
    ksite, gen, secret = key.split()
    body = '\n'.join(['EMPIRIE-SYNC 2', head] + ops) + '\nEND %d\n' % len(ops)
    mac = hmac.new(bytes.fromhex(secret), body.encode(), hashlib.sha256).hexdigest()
    body += 'SIGN %s %s %s\n' % (ksite, gen, mac)
else:
    body = '\n'.join(['EMPIRIE-SYNC 1', head.replace('"schema":7', '"schema":6')] + ops) + '\n'
    body += 'END %d %s\n' % (len(ops), hashlib.sha256(body.encode()).hexdigest())
open(out, 'w', encoding='utf-8').write(body)
PY
}
