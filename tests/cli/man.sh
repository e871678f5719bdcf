#!/bin/sh
# The manual pages: make install puts an English and a Polish page in place (man -L pl
# empirie); the Polish one is translated from the English through po4a (doc/po/pl.po),
# every paragraph of it, and renders with man -l.
. "$top_srcdir/tests/lib.sh"
if grep -q '^PO4A_TRANSLATE = no$' "$top_builddir/Makefile"; then
	skip "po4a is not installed (apt-get install po4a): no Polish manual page is built"
	done_testing; exit
fi
root="$T_DIR/root"
ok "make install DESTDIR=... succeeds" make -C "$top_builddir" install DESTDIR="$root"
en=$(find "$root" -path '*/man1/empirie.1' ! -path '*/pl/*' | head -n 1)
pl=$(find "$root" -path '*/pl/man1/empirie.1' | head -n 1)
[ -n "$en" ] && [ -f "$en" ]; t_result $? "the English page is installed ($en)"
[ -n "$pl" ] && [ -f "$pl" ]; t_result $? "and the Polish one, under man/pl/man1"
like "the Polish page is Polish" "$(cat "$pl" 2>/dev/null)" "katalog i forum dyskusyjne"
like "and names its sections in Polish" "$(cat "$pl" 2>/dev/null)" ".SH SKŁADNIA"
# Kept in step: po4a, asked for 100 %, translates every paragraph of today's English page.
po4a-translate -f man -M UTF-8 -L UTF-8 -k 100 -m "$top_srcdir/doc/empirie.1" \
	-p "$top_srcdir/doc/po/pl.po" -l "$T_DIR/check.1" >"$T_DIR/out" 2>&1
t_result $? "every paragraph of doc/empirie.1 is translated in doc/po/pl.po (make update-man-po)"
[ $? -eq 0 ] || diag "$(grep -v deprecated "$T_DIR/out")"
if command -v man >/dev/null 2>&1; then
	out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$pl" 2>&1)
	like "man -l renders the Polish page" "$out" "NAZWA"
	like "with Polish letters intact" "$out" "Związek Miast Polskich"
	unlike "without warnings" "$out" "warning"
	mp=$(dirname "$(dirname "$pl")")
	mp=$(dirname "$mp")
	like "man -L pl empirie finds it" "$(MANPATH="$mp" LC_ALL=C.UTF-8 MANWIDTH=80 man -L pl empirie 2>&1)" "SKŁADNIA"
	like "man -L en empirie the English one" "$(MANPATH="$mp" LC_ALL=C.UTF-8 MANWIDTH=80 man -L en empirie 2>&1)" "SYNOPSIS"
else
	for i in 1 2 3 4 5; do skip "man is not installed (apt-get install man-db)"; done
fi
done_testing
