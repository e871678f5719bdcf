#!/bin/sh
# Fixed buffers (issue 19): user text goes into growable buffers (src/text/strbuf.c) or,
# where a limit is right, through str_fit/str_fitf, which mark their cut with "…"; it is
# never cut silently. This fails on
#   - strcpy's unbounded cousins that cut or overflow: strncpy, strcat, strncat, sprintf,
#     vsprintf;
#   - a snprintf or vsnprintf into a fixed array (its size is a sizeof), or appending at
#     an offset into any array ("buf + len, n - len"), with a %s in its format (or, for
#     vsnprintf, a format the caller passes) whose result is thrown away,
# except for the bounded cases below, each named by file and buffer with the reason its
# text cannot be longer. A new one: use strbuf/str_printf, or str_fitf where the limit is
# right, or check snprintf's result, or add it here with its reason.
. "$top_srcdir/tests/lib.sh"

# scan FILE...: "file:line: buffer" for each snprintf of the kind above. A statement is
# read from the line of its snprintf to its ';'; its arguments are split at the commas
# outside parentheses and strings. The result counts as checked when it is assigned,
# compared, returned or passed on (what comes before the call ends with = ( , ? or return).
scan() {
	awk '
	function flush(   pre, rest, depth, i, ch, args, na, cur, inq, dest, fmt, used, at) {
		pre = stmt; sub(/v?snprintf\(.*/, "", pre)
		rest = substr(stmt, length(pre) + 1); sub(/^v?snprintf\(/, "", rest)
		depth = 0; na = 0; cur = ""; inq = 0
		for (i = 1; i <= length(rest); i++) {
			ch = substr(rest, i, 1)
			if (inq) {
				cur = cur ch
				if (ch == "\\") { i++; cur = cur substr(rest, i, 1) } else if (ch == "\"") inq = 0
				continue
			}
			if (ch == "\"") { inq = 1; cur = cur ch; continue }
			if (ch == "(") depth++
			if (ch == ")") { if (depth == 0) break; depth-- }
			if (ch == "," && depth == 0) { args[++na] = cur; cur = ""; continue }
			cur = cur ch
		}
		args[++na] = cur
		dest = args[1]; gsub(/^[ \t]+|[ \t]+$/, "", dest); sub(/[ \t]*\+.*/, "", dest)
		fmt = args[3]
		# Into a fixed array (its size a sizeof), or appended into any array at an
		# offset ("buf + len, n - len"): either can cut what it writes.
		at = args[1]; gsub(/\[[^]]*\]/, "", at) # an index is no offset: names[k + 1]
		if (args[2] !~ /sizeof/ && at !~ /\+/) return
		if (fmt ~ /"/) { if (fmt !~ /%-?[0-9*]*s/) return } else if (stmt !~ /vsnprintf/) return
		sub(/[ \t]+$/, "", pre); sub(/\((int|size_t|unsigned)\)$/, "", pre); sub(/[ \t]+$/, "", pre)
		used = (pre ~ /(=|\(|,|return|\?)$/) || (pre ~ /^[ \t]*:$/)
		if (!used) print FILENAME ":" start ": " dest
	}
	FNR == 1 { open = 0 }
	open { stmt = stmt " " $0; if (index($0, ";")) { flush(); open = 0 }; next }
	/(^|[^a-z_])v?snprintf\(/ && $0 !~ /^[ \t]*(\/\/|\*|\/\*)/ {
		stmt = $0; start = FNR
		if (index($0, ";")) flush(); else open = 1
	}' "$@"
}
# banned FILE...: "file:line: name" for each call of the unbounded ones.
banned() {
	grep -nE '(^|[^a-z_])(strncpy|strcat|strncat|sprintf|vsprintf)\(' "$@" /dev/null |
		grep -vE '^[^:]*:[0-9]+:[[:space:]]*(/?\*|//)' |
		sed -E 's/^([^:]*:[0-9]+):.*(^|[^a-z_])(strncpy|strcat|strncat|sprintf|vsprintf)\(.*/\1: \3/'
}

# The bounded ones: "file buffer" and why its text has a limit.
allowed() {
	sed -e 's/[[:space:]]*#.*//' -e '/^$/d' <<'EOF_ALLOW'
# names and values the program itself defines (option, command, colour, key and key
# sequence names; SQL of built-in column lists; help text; the generator's word lists)
src/cli/cli_admin.c names          # admin member's subcommand names
src/cli/cli_complete.c nested      # a command and subcommand name
src/cli/cli_complete.c w           # an option's name
src/cli/cli.c head                 # "Usage: empirie COMMAND", a command's name
src/cli/cli.c usage                # a command's usage line (its built-in arguments)
src/cli/cli_opts.c names           # an option's argument names
src/ui/ui_cmd.c out                # the key bar's key names ("F1", "^R", "1–8")
src/text/strbuf.c b->s             # the growable buffer's own write, into the room it made for all of it
src/ui/ui_prefs.c out              # a settings line's first words: a command, a screen, a key or colour name (merged only once taken)
src/cli/cli_opts.c item[k]         # one of an option's values ("';'", "in-use (w użyciu)")
src/cli/cli_suggest.c item         # an option's name
src/core/feedback.c sql            # feedback_fields.h's column list
src/core/transfer_export.c sql     # a built-in FROM clause
src/core/uptake.c out              # uptake_fields.h's column list
src/core/gen.c first               # the generator's word lists
src/core/gen.c name
src/core/gen.c person
src/core/gen.c title
src/core/seed.c name               # the bundled networks' codes
src/core/seed.c what               # the bundled files' names
src/core/seed.c where
src/text/list.c rest               # the values an option takes
src/ui/ui_cmd.c line               # the help: key names and command names
src/ui/ui_cmdline.c b              # colour names
src/ui/ui_cmdline.c line           # the : line (at most UI_CMDLINE_MAX characters, sized for it) and a built-in name
src/ui/ui_cmdline.c buf            # the : line, sized for UI_CMDLINE_MAX characters
src/ui/ui_cmdline.c argbuf
src/ui/ui_facets.c title           # a filter dimension's name
src/ui/ui_input.c seq              # terminal key sequences
src/ui/ui_list.c t                 # a counter ("12/345")
src/ui/ui_main.c title             # a panel's name and a count
src/ui/ui_main.c t                 # a panel's title: its name, a network number and code
src/ui/ui_records.c comment        # the meeting form's translated help
# numbers, dates, times and network codes (short, checked or made by the program)
src/cli/cli_admin.c line           # the offline copy's date
src/cli/cli_read.c buf             # the (at most 8) networks' numbers and codes
src/cli/cli_uptake.c dates[i]      # a stored time (ISO 8601)
src/core/facet.c label             # a network's number and code
src/core/forum.c k->last_post_at   # a stored time
src/core/report.c line             # two durations
src/core/report.c out->from        # dates checked by report_date_valid() first
src/core/report.c out->to
src/core/sync_apply.c ap->r->already_at    # a stored time
src/core/sync_apply_records.c ours         # an uptake status and a time
src/core/sync_apply_records.c theirs
src/core/transfer_records.c day    # the first 10 bytes on purpose: the date is checked, then the rest
src/core/transfer_records.c r.date # a stored date
src/core/transfer_records.c started        # a stored time
src/core/uptake.c before           # a stored time
src/ui/ui_app.c what               # a date in words
src/ui/ui_editor.c q               # a date in words
src/ui/ui_facets.c label           # a network's number and code
src/ui/ui_main.c date              # a date in words
src/ui/ui_main.c cut               # that date cut to 9 columns, marked with … already
src/ui/ui_main.c left              # that, a mark and a thread's title (at most FORUM_TITLE_MAX = 200 bytes)
src/ui/ui_main.c net               # a network's number and code
src/ui/ui_main.c m->net_code
# copies between arrays of the same size, or of text already limited where it was typed
src/cli/cli_sync.c flat.msg        # an error's message into an error
src/core/seed.c why                # an error's message
src/core/transfer.c why            # an error's message
src/core/db.c d->origin_login      # from audit_person()'s array of the same size
src/core/db.c d->origin_client     # from ssh_client_address()'s array of the same size
src/cli/cli.c me                   # the Unix login (at most 32 bytes)
src/ui/ui_main.c m->limit          # the title filter, sized for the SEARCH_TEXT_MAX characters it takes
src/ui/ui_pick.c p->typed          # the prefix typed to find a row: only its start is of use
src/ui/ui_prefs.c buf              # a setting line already checked to be shorter (ui_prefs_line)
src/core/practice.c raw            # only its first 60 characters make the key (pl_slug)
EOF_ALLOW
}

# The checks must see what they look for.
cat >"$T_DIR/probe.c" <<'EOF_PROBE'
static void probe(const char *name, char *out, size_t n)
{
	char line[64], ok1[64], ok2[64];
	snprintf(line, sizeof line, _("No town named \"%s\""),
	         name);
	if (snprintf(ok1, sizeof ok1, "%s", name) >= (int)sizeof ok1)
		return;
	int w = snprintf(ok2, sizeof ok2, "%s", name);
	snprintf(ok2, sizeof ok2, "%d", w);
	snprintf(out, n, "%s", name);
	strcat(out, name);
	/* sprintf( in a comment is not a call */
	o += sprintf(out, "%s", name);
	size_t len = strlen(out);
	snprintf(out + len, n - len, " › %s", name);
	snprintf(list[k + 1], n, "%s", name);
}
EOF_PROBE
is "a snprintf with %s into a fixed array or at an offset, result unused, is found" \
	"$(scan "$T_DIR/probe.c")" "$T_DIR/probe.c:4: line
$T_DIR/probe.c:15: out"
is "strcat and sprintf are found, not a comment" "$(banned "$T_DIR/probe.c")" \
	"$T_DIR/probe.c:11: strcat
$T_DIR/probe.c:13: sprintf"

cd "$top_srcdir" || exit 1
files=$(find src -type f \( -name '*.c' -o -name '*.cc' -o -name '*.h' \) ! -name bundled_data.c | sort)
[ "$(printf '%s\n' "$files" | grep -c .)" -gt 100 ]; t_result $? "the sources are found"
is "no strncpy, strcat, strncat, sprintf or vsprintf in src/" "$(banned $files)" ""

allowed >"$T_DIR/allowed"
scan $files >"$T_DIR/found"
unlisted=$(while IFS= read -r l; do
	f=${l%%:*} b=${l#*: }
	grep -qxF "$f $b" "$T_DIR/allowed" || printf '%s\n' "$l"
done <"$T_DIR/found")
is "every snprintf of user text into a fixed array is checked, marked (str_fitf) or allowed" "$unlisted" ""
# An entry whose buffer is gone is dropped, so the list stays the list of what is there.
stale=$(while read -r f b; do
	awk -v f="$f" -v b="$b" 'index($0, f ":") == 1 && substr($0, length($0) - length(b) - 1) == ": " b { n++ }
		END { exit !n }' "$T_DIR/found" || printf '%s %s\n' "$f" "$b"
done <"$T_DIR/allowed")
is "every allowed buffer is still there" "$stale" ""
done_testing
