#!/bin/sh
# Long user text is never cut without a mark (issue 19): a town's name of 800 characters
# in an error from the store (a value of bounded size: the cut is marked with "…", at a
# character, and the message's end stays), and one in the program's own usage errors
# (any length: all of it is shown). A town of 330 characters (670 bytes) imported: the
# audit of its uptake names all of it, and two such towns that differ only at the end are
# two towns in an import of memberships, not the same one twice.
. "$top_srcdir/tests/lib.sh"
e init >/dev/null 2>&1
long=""
i=0; while [ $i -lt 200 ]; do long="${long}ŻółwŻółwŻółwŻółw"; i=$((i + 1)); done

exit_is "show city with an unknown name of 3,200 characters fails" 1 e show city "$long"
msg=$(cat "$T_DIR/err")
unlike "the error has no broken character" "$msg" '<\x'
like "the cut is marked" "$msg" 'ŻółwŻ…'
case "$msg" in *'" in the directory') r=0 ;; *) r=1 ;; esac
t_result $r "the error's end stays: ... in the directory"
[ "$(printf '%s' "$msg" | wc -l)" -eq 0 ]; t_result $? "and it is one line"

exit_is "show meeting with a name of 3,200 characters is a usage error" 2 e show meeting "$long"
first=$(head -n 1 "$T_DIR/err")
is "the usage error shows all of it" "$first" "empirie: a meeting is given by its number, not '$long'"

stem=""
i=0; while [ $i -lt 80 ]; do stem="${stem}Żółw"; i=$((i + 1)); done
town1="Nowe Miasto $stem nad Wisłą" town2="Nowe Miasto $stem nad Bugiem"
printf 'name,voivodeship\n"%s",mazowieckie\n"%s",lubelskie\n' "$town1" "$town2" >"$T_DIR/towns.csv"
exit_is "two towns with names of 330 characters are imported" 0 e import cities "$T_DIR/towns.csv"
printf 'network,city\n1,"%s"\n1,"%s"\n' "$town1" "$town2" >"$T_DIR/members.csv"
exit_is "both join network 1 in one import" 0 e import memberships "$T_DIR/members.csv"
unlike "neither is taken for the other" "$(cat "$T_DIR/err")" "already appears"
p=$(e practice add --title "Praktyka" --town Hrubieszów --networks 1)
exit_is "the first takes up a practice" 0 e uptake set "$p" --town "$town1" --status in-use
audit=$(e admin audit | grep -a "<- Nowe Miasto")
like "the audit names the whole town and the status" "$audit" "$town1: in-use"
unlike "with no broken character" "$audit" '<\x'

# An import's audit names its file, all of it: a path of three directories of 30
# characters (210 bytes) each.
part=""
i=0; while [ $i -lt 30 ]; do part="${part}Żółw"; i=$((i + 1)); done
dir="$T_DIR/$part/$part/$part"
mkdir -p "$dir"
printf 'name,voivodeship\nQxlong,opolskie\n' >"$dir/towns.csv"
exit_is "an import from a long path" 0 e import cities "$dir/towns.csv"
like "its audit names the whole file and the counts" "$(e admin audit)" "$dir/towns.csv: +1 ~0 =0"

# An import's change line names the whole of a long value it changes (was cut at 1,024
# bytes without a mark, in the middle of a character): a project title of 1,201
# characters (2,401 bytes).
title="x"
i=0; while [ $i -lt 300 ]; do title="${title}ŻółwŻółw"; i=$((i + 1)); done
title="${title} koniec"
printf 'name,voivodeship,project_title\nQxlong,opolskie,"%s"\n' "$title" >"$T_DIR/retitled.csv"
exit_is "a town's project title of 2,401 bytes changed by an import" 0 e import cities "$T_DIR/retitled.csv"
change=$(grep -a '^~ Qxlong' "$T_DIR/out")
case "$change" in *"project_title: – → $title") r=0 ;; *) r=1 ;; esac
t_result $r "the change line names all of the new title"
unlike "with no broken character" "$change" '<\x'
done_testing
