#!/bin/sh
# admin add-key, keys, revoke-key: the SSH keys file out of the service account's reach,
# keys checked (type, base64, no options), lines written atomically and audited.
. "$top_srcdir/tests/lib.sh"
if ! command -v ssh-keygen >/dev/null; then
	skip "needs ssh-keygen"; done_testing; exit
fi
if ! nobody_ready; then
	skip "$nobody_why (the keys file is root's)"; done_testing; exit
fi
chmod 755 "$T_DIR"
# The service account (nobody here) owns the database; root keeps the keys.
mkdir -m 700 "$T_DIR/srv"
e --db "$T_DIR/srv/empirie.db" init >/dev/null
e --db "$T_DIR/srv/empirie.db" admin add-account anna --role member --city Zabrze >/dev/null
chown -R 65534:65534 "$T_DIR/srv"
mkdir -m 755 "$T_DIR/etc"
KEYS="$T_DIR/etc/authorized_keys"
CONF="$T_DIR/etc/empirie.conf"
printf 'database = %s\ntrust_as = yes\nauthorized_keys = %s\n' "$T_DIR/srv/empirie.db" "$KEYS" > "$CONF"
unset EMPIRIE_DB
k() { "$EMPIRIE" --config "$CONF" "$@"; }
ssh-keygen -q -t ed25519 -N '' -C 'anna@zabrze' -f "$T_DIR/anna" </dev/null
ssh-keygen -q -t ecdsa -N '' -C 'x' -f "$T_DIR/other" </dev/null
bin=$(readlink -f "${EMPIRIE_VALGRIND_BIN:-$EMPIRIE}")

exit_is "add-key --help" 0 k admin add-key --help
like "explains add-key" "$(cat "$T_DIR/out")" "add-key LOGIN [FILE]"
exit_is "add-key from standard input" 0 sh -c '"$1" --config "$2" admin add-key anna < "$3"' sh "$EMPIRIE" "$CONF" "$T_DIR/anna.pub"
like "says what it added" "$(cat "$T_DIR/out")" "for anna"
is "the line forces the application, by full path, as anna" "$(cat "$KEYS")" \
	"restrict,pty,command=\"$bin --config $CONF --restricted --as anna\" $(cut -d' ' -f1,2 "$T_DIR/anna.pub") anna"
is "the file is root's, 0644" "$(stat -c '%u %a' "$KEYS")" "0 644"
exit_is "the same key twice is refused" 1 k admin add-key anna "$T_DIR/anna.pub"
like "saying whose it is" "$(cat "$T_DIR/err")" "already in"
exit_is "a key for an account that does not exist" 1 k admin add-key nikt "$T_DIR/other.pub"
exit_is "a login with a quote" 2 k admin add-key 'an"na' "$T_DIR/other.pub"
exit_is "a login with a semicolon" 2 k admin add-key 'anna;sh' "$T_DIR/other.pub"
printf 'command="/bin/sh" %s\n' "$(cat "$T_DIR/other.pub")" > "$T_DIR/smuggled.pub"
exit_is "a key with options smuggled in" 1 k admin add-key anna "$T_DIR/smuggled.pub"
like "told why" "$(cat "$T_DIR/err")" "options"
{ cat "$T_DIR/other.pub"; cat "$T_DIR/anna.pub"; } > "$T_DIR/two.pub"
exit_is "two keys at once" 1 k admin add-key anna "$T_DIR/two.pub"
sed 's/ AAAA/ BBBB/' "$T_DIR/other.pub" > "$T_DIR/bad.pub"
exit_is "a key whose data is not its type" 1 k admin add-key anna "$T_DIR/bad.pub"
# What people send instead of the one line: the admin is told what it is and what to ask for.
ssh-keygen -e -f "$T_DIR/other.pub" > "$T_DIR/putty.pub"
exit_is "PuTTYgen's saved public key (SSH2 format, several lines)" 1 k admin add-key anna "$T_DIR/putty.pub"
like "is named as such, with the way to convert it" "$(cat "$T_DIR/err")" "ssh-keygen -i -f"
exit_is "a private key" 1 k admin add-key anna "$T_DIR/other"
like "is named as a private key" "$(cat "$T_DIR/err")" "private key"
is "nothing refused reached the file" "$(wc -l < "$KEYS")" 1
exit_is "a second key for anna" 0 k admin add-key anna "$T_DIR/other.pub"

exit_is "admin keys" 0 k --no-header admin keys
fp=$(ssh-keygen -lf "$T_DIR/anna.pub" | cut -d' ' -f2)
like "lists anna's key with ssh-keygen's fingerprint" "$(cat "$T_DIR/out")" "$(printf 'anna\tssh-ed25519\t%s' "$fp")"
is "and both keys" "$(wc -l < "$T_DIR/out")" 2
like "the audit has it, with root as the person" \
	"$(k --no-header admin audit | awk -F'\t' '$4 == "add-key" {print $9, $10; exit}')" " root"

# A root-owned keys directory inside one the service account owns: it could swap the
# whole directory (sshd's StrictModes lets a user own the path to its own keys).
mkdir -m 755 "$T_DIR/svc" "$T_DIR/svc/keys"
chown 65534:65534 "$T_DIR/svc"
printf 'database = %s\nauthorized_keys = %s\n' "$T_DIR/srv/empirie.db" "$T_DIR/svc/keys/authorized_keys" > "$T_DIR/etc/svc.conf"
exit_is "a keys file below a directory of the service account" 1 "$EMPIRIE" --config "$T_DIR/etc/svc.conf" admin add-key anna "$T_DIR/anna.pub"
like "is refused, naming that directory" "$(cat "$T_DIR/err")" "$T_DIR/svc:"
is "and nothing is written there" "$(ls "$T_DIR/svc/keys")" ""
ln -s "$T_DIR/etc" "$T_DIR/link"
printf 'database = %s\nauthorized_keys = %s\n' "$T_DIR/srv/empirie.db" "$T_DIR/link/authorized_keys" > "$T_DIR/etc/link.conf"
exit_is "a keys file reached through a symbolic link" 1 "$EMPIRIE" --config "$T_DIR/etc/link.conf" admin keys
like "is refused, naming the link" "$(cat "$T_DIR/err")" "$T_DIR/link:"
rm "$T_DIR/etc/svc.conf" "$T_DIR/etc/link.conf" "$T_DIR/link"

# A line written by hand (an old recipe, a copy of ~/.ssh/authorized_keys) forces nothing:
# listing the keys must not hide it.
cp "$KEYS" "$T_DIR/keys.saved"
{ echo '# comment'; echo; cat "$T_DIR/anna.pub"; } >> "$KEYS"
exit_is "admin keys with a line added by hand" 0 k --no-header admin keys
like "warns about it, by line" "$(cat "$T_DIR/err")" "line 5"
like "saying it forces nothing" "$(cat "$T_DIR/err")" "not a line empirie wrote"
is "the comment and the blank line are not warned about" "$(grep -c . "$T_DIR/err")" 1
cp "$T_DIR/keys.saved" "$KEYS"
exit_is "revoke one key by its fingerprint" 0 k admin revoke-key anna "$fp"
is "one line left" "$(wc -l < "$KEYS")" 1
unlike "the revoked key is gone" "$(cat "$KEYS")" "$(cut -d' ' -f2 "$T_DIR/anna.pub")"
exit_is "revoke the rest" 0 k admin revoke-key anna
is "the file is empty" "$(wc -c < "$KEYS")" 0
exit_is "revoking what is not there" 1 k admin revoke-key anna
like "the audit has the revocation" "$(k --no-header admin audit | awk -F'\t' '$4 == "revoke-key" {print $8; exit}')" "anna: SHA256:"
is "no temporary file left beside it" "$(ls "$T_DIR/etc" | sort | tr '\n' ' ')" "authorized_keys empirie.conf "

chmod 664 "$KEYS"
exit_is "a keys file others may write is refused" 1 k admin add-key anna "$T_DIR/anna.pub"
like "saying so" "$(cat "$T_DIR/err")" "writable by root only"
chmod 644 "$KEYS"
chown 65534 "$KEYS"
exit_is "a keys file the service account owns is refused" 1 k admin add-key anna "$T_DIR/anna.pub"
like "saying why" "$(cat "$T_DIR/err")" "service account"
chown 0 "$KEYS"
ln -s "$T_DIR/elsewhere" "$T_DIR/etc/link"
sed "s|^authorized_keys = .*|authorized_keys = $T_DIR/etc/link|" "$CONF" > "$T_DIR/etc/link.conf"
exit_is "a keys file that is a link is refused" 1 "$EMPIRIE" --config "$T_DIR/etc/link.conf" admin add-key anna "$T_DIR/anna.pub"
ok "nothing written through it" test ! -e "$T_DIR/elsewhere"

exit_is "the service account (not an administrator in the database) cannot add keys" 1 \
	setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent "$EMPIRIE_OTHER" --config "$CONF" admin add-key anna "$T_DIR/anna.pub"
like "told who may" "$(cat "$T_DIR/err")" "administrator (or root)"
printf 'database = %s\n' "$T_DIR/srv/empirie.db" > "$T_DIR/etc/nokeys.conf"
exit_is "without authorized_keys in the configuration" 1 "$EMPIRIE" --config "$T_DIR/etc/nokeys.conf" admin keys
like "told what to set" "$(cat "$T_DIR/err")" "authorized_keys = FILE"
printf 'database = %s\nauthorized_keys = %s\n' "$T_DIR/srv/empirie.db" "$KEYS" > "$T_DIR/mine.conf"
chown 65534 "$T_DIR/mine.conf"
exit_is "a configuration of the wrong owner cannot name the keys file" 1 "$EMPIRIE" --config "$T_DIR/mine.conf" admin keys
exit_is "nor of an ordinary user's" 1 setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent "$EMPIRIE_OTHER" --config "$T_DIR/mine.conf" --as anna admin keys
# Five administrators at once: the directory lock keeps every line.
for n in 1 2 3 4 5; do
	e --db "$T_DIR/srv/empirie.db" admin add-account "p$n" --role member --city Zabrze >/dev/null
	ssh-keygen -q -t ed25519 -N '' -C "p$n" -f "$T_DIR/p$n" </dev/null
done
: > "$KEYS"
for n in 1 2 3 4 5; do k admin add-key "p$n" "$T_DIR/p$n.pub" >/dev/null 2>&1 & done
wait
is "five add-keys at once: five lines" "$(k --no-header admin keys | cut -f1 | sort | tr '\n' ' ')" "p1 p2 p3 p4 p5 "
ls -ln "$T_DIR/srv" | awk 'NR > 1 && $3 != 65534 {bad = 1} END {exit bad}'
t_result $? "the database's files still belong to the service account after root's changes"
done_testing
