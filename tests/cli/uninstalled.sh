#!/bin/sh
# The quick start: the program built and run from its build tree, never installed, finds
# the Polish catalogue built beside it (locale/ next to the executable, with its marker);
# a copy without the marker does not read a catalogue that merely lies next to it.
. "$top_srcdir/tests/lib.sh"
bin="$top_builddir/empirie"
if ! has_locale pl_PL.UTF-8; then
	skip "locale pl_PL.UTF-8 is not installed (locale-gen pl_PL.UTF-8)"; done_testing; exit
fi
if ! grep -q '^#define ENABLE_NLS 1' "$top_builddir/config.h" 2>/dev/null; then
	skip "built without NLS (configure --disable-nls): the interface is English only"; done_testing; exit
fi
pl() { env -u EMPIRIE_LOCALEDIR -u LANGUAGE LC_ALL=pl_PL.UTF-8 LANG=pl_PL.UTF-8 "$@"; }
[ -f "$top_builddir/locale/pl/LC_MESSAGES/empirie.mo" ]; t_result $? "make builds locale/pl/LC_MESSAGES/empirie.mo beside the program"
[ -f "$top_builddir/locale/empirie-build-tree" ]; t_result $? "and the marker that names the build tree"
exit_is "the uninstalled program runs under pl_PL.UTF-8" 0 pl "$bin" --help
like "in Polish, without EMPIRIE_LOCALEDIR or make install" "$(cat "$T_DIR/out")" "Użycie: empirie"
exit_is "an error too" 2 pl "$bin" frobnicate
like "is Polish" "$(cat "$T_DIR/err")" "nieznane polecenie"
like "and the lists" "$(pl "$bin" list networks 2>&1 | head -n 1)" "$(printf 'numer\ttemat')"
# A copy elsewhere with a catalogue beside it but no marker uses the installed catalogue
# only (here: none, unless this machine has empirie installed).
mkdir -p "$T_DIR/bin/locale/pl/LC_MESSAGES"
cp "$bin" "$T_DIR/bin/empirie"
cp "$top_builddir/locale/pl/LC_MESSAGES/empirie.mo" "$T_DIR/bin/locale/pl/LC_MESSAGES/"
installed=$(ls /usr/share/locale/pl/LC_MESSAGES/empirie.mo /usr/local/share/locale/pl/LC_MESSAGES/empirie.mo 2>/dev/null)
if [ -z "$installed" ]; then
	like "a copy without the marker ignores the catalogue beside it" "$(pl "$T_DIR/bin/empirie" --help)" "Usage: empirie"
else
	skip "empirie is installed here ($installed): its catalogue would answer"
fi
echo marker > "$T_DIR/bin/locale/empirie-build-tree"
like "with the marker it reads it" "$(pl "$T_DIR/bin/empirie" --help)" "Użycie: empirie"
like "English stays English" "$(env -u EMPIRIE_LOCALEDIR LC_ALL=C.UTF-8 LANG=C.UTF-8 "$bin" --help)" "Usage: empirie"
done_testing
