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
# A well-formed sync file of the family of database $1, signed with its secret of copy
# SITE (the home database has every copy's): what that copy's holder could write. The
# header says schema 4 (no history, no times) unless SCHEMA says otherwise.
craft() { SCHEMA=${SCHEMA:-4} forge "$@"; }
# forge DB OUT SITE OP-LINE...: what the holder of copy DB can make with the source at
# hand: a file claiming to come from SITE with crafted changes, signed with the only
# secret the holder has (DB's own; in the home database, SITE's; a database without
# signed sync gets the old checksum). An OP-LINE "@FILE" stands for the lines of FILE.
forge() {
	db=$1 out=$2 site=$3; shift 3
	key=$(q "$db" "SELECT site || ' ' || hex(secret) FROM sync_keys ORDER BY site = $site DESC, site LIMIT 1" 2>/dev/null)
	python3 - "$out" "$(q "$db" "SELECT value FROM meta WHERE key = 'family'")" "$site" "$key" "${SCHEMA:-7}" "$@" <<'PY'
import hashlib, hmac, sys
out, fam, site, key, schema, ops = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), sys.argv[6:]
# An op "@FILE" stands for the lines of FILE (lines too long for an argument).
ops = [l for o in ops for l in (open(o[1:], encoding='utf-8').read().splitlines() if o.startswith('@') else [o])]
head = '{"family":"%s","site":%d,"schema":%d,"created_at":"2026-11-28T11:40:00Z","since":0,"upto":1}' % (fam, site, schema)
if key:
    ksite, secret = key.split()
    body = '\n'.join(['EMPIRIE-SYNC 2', head] + ops) + '\nEND %d\n' % len(ops)
    mac = hmac.new(bytes.fromhex(secret), body.encode(), hashlib.sha256).hexdigest()
    body += 'SIGN %s %s\n' % (ksite, mac)
else:
    body = '\n'.join(['EMPIRIE-SYNC 1', head] + ops) + '\n'
    body += 'END %d %s\n' % (len(ops), hashlib.sha256(body.encode()).hexdigest())
open(out, 'w', encoding='utf-8').write(body)
PY
}
