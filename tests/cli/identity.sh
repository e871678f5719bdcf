#!/bin/sh
# Who is acting: the Unix login, or --as only where trusted; the configuration file;
# restricted mode refuses everything but the application.
. "$top_srcdir/tests/lib.sh"
if ! nobody_ready; then
	skip "$nobody_why"; done_testing; exit
fi
mkdir -m 777 "$T_DIR/shared"
export EMPIRIE_DB="$T_DIR/shared/db"
e init >/dev/null 2>&1
e admin add-account anna --role member --city Zabrze >/dev/null
chmod 666 "$EMPIRIE_DB"
nobody() { $as_nobody env HOME=/nonexistent "$@"; }
export EMPIRIE_OTHER

exit_is "an unknown Unix user reads as a guest" 0 nobody "$EMPIRIE_OTHER" --no-header list networks
is "and sees 7 networks (not the leaders')" "$(wc -l < "$T_DIR/out")" 7
exit_is "but cannot post" 1 sh -c 'echo x | setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent "$EMPIRIE_OTHER" post --network 1 --title T'
like "as a guest" "$(cat "$T_DIR/err")" "Guests"
exit_is "and cannot use --as" 1 nobody "$EMPIRIE_OTHER" --as anna list networks
like "told why, by login" "$(cat "$T_DIR/err")" "--as is not allowed for nobody"
exit_is "the administrator (root here) may act as anna" 0 e --as anna list networks

printf '# test configuration\ntrust_as = yes\n' > "$T_DIR/trust.conf"
exit_is "with trust_as = yes --as is honoured" 0 sh -c 'echo "Wpis przez konto usługowe" | setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent "$EMPIRIE_OTHER" --config "$1" --as anna post --network 1 --title "Przez SSH"' sh "$T_DIR/trust.conf"
like "posted as anna" "$(e --no-header list threads --network 1 | head -1)" "Przez SSH"

printf 'database = %s\nrestricted = yes\ntrust_as = yes\n' "$EMPIRIE_DB" > "$T_DIR/restricted.conf"
exit_is "--restricted (the forced command) refuses commands" 2 e --restricted --config "$T_DIR/restricted.conf" list networks
like "saying only the application is available" "$(cat "$T_DIR/err")" "only the full-screen application"
exit_is "--restricted on the command line too" 2 e --restricted --config "$T_DIR/trust.conf" --as anna list networks
exit_is "restricted without a configured database" 1 env TERM=dumb "$EMPIRIE" --restricted --config "$T_DIR/trust.conf" --as anna
like "says the database must be configured" "$(cat "$T_DIR/err")" "needs the database in the configuration"

printf 'colour = blue\n' > "$T_DIR/bad.conf"
exit_is "unknown setting" 1 e --config "$T_DIR/bad.conf" list networks
like "named with file and line" "$(cat "$T_DIR/err")" "bad.conf:1: unknown setting 'colour'"
printf '\n\nrestricted = maybe\n' > "$T_DIR/bad2.conf"
exit_is "bad yes/no" 1 e --config "$T_DIR/bad2.conf" list networks
like "with its line" "$(cat "$T_DIR/err")" "bad2.conf:3: restricted must be yes or no"
exit_is "a missing --config file" 1 e --config "$T_DIR/none.conf" list networks

# Issue 15, finding 3: with restricted = yes in the configuration, the administrator's
# commands still run (restricted mode is the forced command's --restricted; the setting
# restricts the full-screen application only).
mkdir -m 700 "$T_DIR/srv"
printf 'database = %s\nrestricted = yes\ntrust_as = yes\n' "$T_DIR/srv/empirie.db" > "$T_DIR/sys.conf"
exit_is "init works after restricted = yes" 0 env -u EMPIRIE_DB "$EMPIRIE" --config "$T_DIR/sys.conf" init
like "and creates the configured database" "$(cat "$T_DIR/out")" "$T_DIR/srv/empirie.db"
exit_is "and admin add-account too" 0 env -u EMPIRIE_DB "$EMPIRIE" --config "$T_DIR/sys.conf" admin add-account ewa --role member --city Zabrze
like "ewa is in the configured database" "$(e --db "$T_DIR/srv/empirie.db" --no-header admin accounts)" "ewa"

# Finding 4: a --config file of one's own cannot grant trust_as over a database someone
# else owns (only root's file, or the database owner's, counts; never one others may write).
printf 'trust_as = yes\n' > "$T_DIR/my.conf"
chown 65534:65534 "$T_DIR/my.conf"
exit_is "--config my.conf --as root admin set-role is refused" 1 nobody "$EMPIRIE_OTHER" --config "$T_DIR/my.conf" --db "$EMPIRIE_DB" --as root admin set-role anna admin
like "told why" "$(cat "$T_DIR/err")" "--as is not allowed for nobody"
like "naming the file that does not count" "$(cat "$T_DIR/err")" "my.conf"
is "anna did not become an administrator" "$(e --no-header admin accounts | awk -F'\t' '$1 == "anna" {print $3}')" "member"
printf 'trust_as = yes\n' > "$T_DIR/open.conf"
chmod 666 "$T_DIR/open.conf"
exit_is "a root-owned file that anyone may write does not count either" 1 nobody "$EMPIRIE_OTHER" --config "$T_DIR/open.conf" --as anna list networks

printf 'database = %s\ntrust_as = yes\n' "$EMPIRIE_DB" > "$T_DIR/mydb.conf"
chown 65534:65534 "$T_DIR/mydb.conf"
exit_is "nor name the database of a restricted session" 1 nobody env TERM=dumb "$EMPIRIE_OTHER" --restricted --config "$T_DIR/mydb.conf" --as anna
like "saying which file may not" "$(cat "$T_DIR/err")" "mydb.conf may not choose the database"

# Finding 5: the audit names the real person (Unix login) and the SSH client address
# (validated) beside the account whenever --as is used.
e admin add-account zmp --role admin >/dev/null
exit_is "an administrator acts with --as" 0 env SSH_CONNECTION="203.0.113.9 50000 127.0.0.1 22" "$EMPIRIE" --as zmp admin add-account ola --role member --city Zabrze
is "the audit shows the account, the address and the Unix login" \
	"$(e --no-header admin audit | awk -F'\t' '$4 == "add" && $5 == "account" && $3 == "zmp" {print $3, $7, $10}')" "zmp 203.0.113.9 root"
exit_is "the service account acts for anna (trust_as)" 0 sh -c 'echo "Drugi wpis" | setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent SSH_CLIENT="2001:db8::7 4000 22" "$EMPIRIE_OTHER" --config "$1" --as anna post --network 1 --title "Przez SSH 2"' sh "$T_DIR/trust.conf"
exit_is "a forged address is not stored" 0 env SSH_CONNECTION="1.2.3.4\033[31m 1 2 3" "$EMPIRIE" --as zmp admin add-account piotr --role member --city Zabrze
is "only valid addresses are kept" \
	"$(e --no-header admin audit | awk -F'\t' '$4 == "add" && $5 == "account" && $3 == "zmp" {print "[" $7 "]", $10}' | head -1)" "[] root"
# Who ran sudo to become the login (sudo sets SUDO_USER and SUDO_UID) is named beside it,
# only when the two agree on an account other than the login itself.
exit_is "through sudo (as sudo sets it)" 0 sh -c 'echo "Trzeci wpis" | setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/nonexistent SUDO_USER=root SUDO_UID=0 "$EMPIRIE_OTHER" --config "$1" --as anna post --network 1 --title "Przez sudo"' sh "$T_DIR/trust.conf"
is "the audit names who ran sudo" "$(e --no-header admin audit | awk -F'\t' '$3 == "anna" {print $10; exit}')" "nobody (sudo: root)"
exit_is "SUDO_USER and SUDO_UID that disagree" 0 env SUDO_USER=nobody SUDO_UID=0 "$EMPIRIE" --as zmp admin add-account ewa --role member --city Zabrze
is "are not believed" "$(e --no-header admin audit | awk -F'\t' '$4 == "add" && $3 == "zmp" {print $10; exit}')" "root"
like "admin audit has the column" "$(e admin audit | head -1)" "Unix login"
done_testing
