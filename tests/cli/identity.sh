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
exit_is "restricted mode refuses commands" 2 e --config "$T_DIR/restricted.conf" list networks
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
done_testing
