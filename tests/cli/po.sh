#!/bin/sh
# The Polish catalogue is complete: every message in the sources is translated, none
# fuzzy, and msgfmt -c accepts it (format strings and plural forms checked).
. "$top_srcdir/tests/lib.sh"
: "${XGETTEXT:=xgettext}" "${MSGMERGE:=msgmerge}" "${MSGFMT:=msgfmt}"
if ! command -v "$XGETTEXT" >/dev/null || ! command -v msgattrib >/dev/null; then
	skip "gettext tools not installed"; done_testing; exit
fi
cd "$top_srcdir" || exit 1
ok "msgfmt -c accepts po/pl.po" "$MSGFMT" -c -o /dev/null po/pl.po
ok "xgettext extracts the messages" "$XGETTEXT" --from-code=UTF-8 --keyword=_ --keyword=N_ \
	--keyword=ngettext:1,2 --keyword=C_:1c,2 --add-comments=TRANSLATORS: --files-from=po/POTFILES.in \
	-o "$T_DIR/empirie.pot"
n=$(grep -c '^msgid ' "$T_DIR/empirie.pot")
[ "$n" -gt 100 ]; t_result $? "there are many messages ($n)"
ok "msgmerge with the sources" "$MSGMERGE" --quiet --no-fuzzy-matching -o "$T_DIR/merged.po" po/pl.po "$T_DIR/empirie.pot"
# (entries counted, less the header: a long message's first line is msgid "" too)
count_entries() { n=$(grep -c '^msgid '); echo $((n > 0 ? n - 1 : 0)); }
untranslated=$(msgattrib --untranslated --no-obsolete "$T_DIR/merged.po" | count_entries)
is "no untranslated message" "$untranslated" 0
[ "$untranslated" -eq 0 ] || diag "$(msgattrib --untranslated --no-obsolete "$T_DIR/merged.po" | grep -A1 '^msgid ' | head -40)"
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$T_DIR/merged.po" | count_entries)
is "no fuzzy message" "$fuzzy" 0
# One Polish: „…” quotes in Polish text; numbers that count things go through ngettext.
if command -v python3 >/dev/null; then
	is "Polish quotes „…”, the glossary's terms, plural forms for every count (pocheck.py)" \
		"$(python3 "$top_srcdir/tests/cli/pocheck.py" "$T_DIR/merged.po" 2>&1)" ""
else
	skip "python3 is not installed (tests/cli/pocheck.py)"
fi
# A message gone from the sources leaves the catalogue: none that msgmerge would make
# obsolete (#~), nor any kept as one.
stale=$(grep -c '^#~ msgid ' "$T_DIR/merged.po")
is "no message in po/pl.po that the sources no longer have" "$stale" 0
[ "$stale" -eq 0 ] || diag "$(grep -A1 '^#~ msgid ' "$T_DIR/merged.po" | head -20)"
is "no obsolete entry (#~) in po/pl.po" "$(grep -c '^#~' po/pl.po)" 0
like "Polish plural forms header" "$(cat po/pl.po)" 'plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)'
# Every source file with a message is listed in POTFILES.in (distcheck keeps this honest too).
missing=$(grep -lE '(^|[^A-Za-z])N?_[(]"' $(find src -name '*.[ch]') | while read -r f; do grep -qx "$f" po/POTFILES.in || echo "$f"; done)
is "every source file with messages is in POTFILES.in" "$missing" ""
done_testing
