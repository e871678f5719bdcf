#!/bin/sh
# The discussions as an mbox archive that a mail library parses: one message per post,
# threading headers, UTF-8 subjects, mboxrd quoting, no control characters.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
tid=$(printf 'Pierwszy wpis\nFrom the start of a line\n' | e post --network 1 --title "Zażółć gęślą jaźń — wątek")
r1=$(printf 'Odpowiedź \033[31mczerwona\033[0m\n' | e reply "$tid")
r2=$(echo "Głębiej" | e reply "$tid" --to "$r1")
exit_is "export network 1 as mbox" 0 e export posts --format mbox --network 1
cp "$T_DIR/out" "$T_DIR/n1.mbox"
is "one message per post" "$(grep -c '^From ' "$T_DIR/n1.mbox")" "$(e --no-header list threads --network 1 | awk -F'\t' '{s += $3} END {print s}')"
like "a body line starting with From is quoted" "$(cat "$T_DIR/n1.mbox")" ">From the start of a line"
unlike "no raw ESC" "$(cat "$T_DIR/n1.mbox")" "$(printf '\033')"
like "ESC shown visibly" "$(cat "$T_DIR/n1.mbox")" "^[[31mczerwona"
if command -v python3 >/dev/null; then
	out=$(python3 - "$T_DIR/n1.mbox" "$tid" "$r1" "$r2" <<'PY'
import mailbox, sys, email.header
box = mailbox.mbox(sys.argv[1])
msgs = {m['Message-ID']: m for m in box}
tid, r1, r2 = sys.argv[2:5]
first = [m for m in box if m['X-Empirie-Thread'] == tid and not m['In-Reply-To']][0]
deep = msgs['<post-%s@empirie.invalid>' % r2]
subj = str(email.header.make_header(email.header.decode_header(first['Subject'])))
print(len(box))
print(subj)
print(deep['In-Reply-To'])
print(deep['References'])
print(first.get_payload(decode=True).decode('utf-8').splitlines()[1])
PY
)
	like "python's mailbox reads it; subject decoded" "$out" "Zażółć gęślą jaźń — wątek"
	like "In-Reply-To names the parent" "$out" "<post-$r1@empirie.invalid>"
	like "References lists the ancestors" "$out" "@empirie.invalid> <post-$r1@empirie.invalid>"
	like "the body's quoted From line comes back" "$out" ">From the start of a line"
else
	skip "python3 not installed"
fi
# A chain deeper than a reply path holds (16 levels: deeper replies are stored beside
# their parent): References still ends with the parent, as mail readers thread by it.
par=$r2 i=1
while [ $i -le 17 ]; do
	par=$(echo "Ogniwo $i" | EMPIRIE_NOW="2026-11-28T1$((i / 10)):$((i % 10))0:00Z" e reply "$tid" --to "$par")
	i=$((i + 1))
done
e export posts --format mbox --network 1 >"$T_DIR/deep.mbox"
if command -v python3 >/dev/null; then
	out=$(python3 - "$T_DIR/deep.mbox" "$par" <<'PY'
import mailbox, sys
box = mailbox.mbox(sys.argv[1])
deep = [m for m in box if m['Message-ID'] == '<post-%s@empirie.invalid>' % sys.argv[2]][0]
root = [m for m in box if m['X-Empirie-Thread'] == deep['X-Empirie-Thread'] and not m['In-Reply-To']][0]
refs = deep['References'].split()
print('last-is-parent' if refs[-1] == deep['In-Reply-To'] else 'last: %s, parent: %s' % (refs[-1], deep['In-Reply-To']))
print('first-is-root' if refs[0] == root['Message-ID'] else 'root missing')
PY
)
	like "19 levels deep: References ends with the parent" "$out" "last-is-parent"
	like "and begins with the thread's first post" "$out" "first-is-root"
else
	skip "python3 not installed"
fi
exit_is "all networks" 0 e export posts --format mbox
exit_is "posts need --format mbox" 2 e export posts
exit_is "unknown network" 1 e export posts --format mbox --network 42
done_testing
