/* cli.c — global options, the command table, --help/--version, shared output helpers. */
#include "config.h"

#include <arpa/inet.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <pwd.h>

#include "cli/cli.h"
#include "cli/cli_priv.h"
#include "cli/locale_setup.h"
#include "cli/paths.h"
#include "cli/settings.h"
#include "core/forum.h"
#include "core/lemma.h"
#include "i18n.h"
#include "text/safe.h"
#include "text/strbuf.h"
#include "text/utf8.h"
#include "ui/ui.h"
#include "ui/ui_spell.h"

/* The flags say what holds for every use of a command; where it depends on the
 * subcommand or the kind (admin accounts reads, uptake list reads, import lets
 * coordinators in, snapshot --public-only is anyone's), the core decides. init and gen
 * write a new file, never change the database in use. */
static const cli_command commands[] = {
	{ "list", cmd_list, N_("networks|cities|threads|posts|meetings|practices|requests [OPTIONS]"),
	  N_("list networks, towns, threads, posts, meetings or good practices as tab-separated rows"),
	  false, false, NULL },
	{ "show", cmd_show, N_("network N | city NAME | thread ID | meeting ID | practice ID|KEY"),
	  N_("show a network's, town's, thread's, meeting's or good practice's card"),
	  false, false, NULL },
	{ "search", cmd_search, N_("TEXT..."),
	  N_("search towns, threads, posts, good practices and meetings (case and Polish letters "
	     "ignored)"), false, false, NULL },
	{ "post", cmd_post, N_("--network N --title TITLE < BODY"),
	  N_("start a thread; the text is read from standard input"), true, false, NULL },
	{ "reply", cmd_reply, N_("THREAD_ID [--to POST_ID] < BODY"),
	  N_("answer a thread (or one post in it); the text is read from standard input"),
	  true, false, NULL },
	{ "ask", cmd_ask, N_("--network N --title TITLE [--assess TEXT] [--practice ID|KEY] < BODY"),
	  N_("ask the network's coordinators and experts for feedback on your town's action"),
	  true, false, NULL },
	{ "accept", cmd_accept, N_("POST_ID"),
	  N_("mark the answer that helped your town's feedback request (closes it)"),
	  true, false, NULL },
	{ "edit", cmd_edit, N_("POST_ID < BODY"),
	  N_("replace the text of your own post with standard input"), true, false, NULL },
	{ "attend", cmd_attend, N_("MEETING_ID [--no]"),
	  N_("sign your town up for a planned meeting (--no: take it off)"), true, false, NULL },
	{ "practice", cmd_practice, N_("add|edit [ID] --title T --town NAME [OPTIONS]"),
	  N_("add or change a good practice"), true, false, NULL },
	{ "uptake", cmd_uptake, N_("set|remove PRACTICE --town NAME [--status S] | list [OPTIONS]"),
	  N_("record that a town takes up another town's good practice, and how far it got"),
	  false, false, NULL },
	{ "report", cmd_report, N_("[--network N] [--from DATE] [--to DATE] [--format F]"),
	  N_("what each network produced in a period: meetings, practices shown and taken up, "
	     "active threads"), false, false, NULL },
	{ "meeting", cmd_meeting, N_("add|edit [ID] --network N --title T --date YYYY-MM-DD [OPTIONS]"),
	  N_("add or change a meeting (coordinators and administrators)"), true, false, NULL },
	{ "moderate", cmd_moderate, N_("lock|unlock|pin|unpin THREAD_ID | hide|unhide POST_ID [--reason TEXT]"),
	  N_("lock, pin or hide (coordinators and administrators)"), true, false, NULL },
	{ "import", cmd_import, N_("KIND FILE [--encoding ENC] [--dry-run]"),
	  N_("import towns, accounts, memberships, meetings or good practices from CSV (UTF-8, "
	     "CP1250, ISO-8859-2)"),
	  true, false, NULL },
	{ "export", cmd_export, N_("KIND [--format FMT] [--encoding ENC]"),
	  N_("export towns, accounts, memberships, meetings or good practices as CSV or JSON"), false,
	  false, NULL },
	{ "gen", cmd_gen, N_("--db FILE [--size SIZE] [--towns N] [--threads N] [--posts N] [--seed S]"),
	  N_("write a new database with SYNTHETIC data for trying out and benchmarks"),
	  false, false, NULL },
	{ "snapshot", cmd_snapshot, N_("FILE [--public-only] [--for LOGIN]"),
	  N_("write an offline copy of the directory for a laptop or a USB stick"), false, false, NULL },
	{ "sync", cmd_sync, N_("export FILE [--all] | apply FILE | status | conflicts | withdraw N"),
	  N_("carry what an offline copy wrote to the home database, and back"), false, false, NULL },
	{ "info", cmd_info, "", N_("show the database in use, what it holds, and who you are"),
	  false, false, NULL },
	{ "init", cmd_init, "",
	  N_("create the database with the bundled EMPIRIE directory"), false, false, NULL },
	{ "check", cmd_check, N_("[--reindex]"),
	  N_("verify the database; --reindex rebuilds the search index"), false, false, NULL },
	{ "backup", cmd_backup, N_("FILE"),
	  N_("write a checked copy of the whole database while people work (administrators)"),
	  false, true,
	  N_("Only an administrator may take a backup (it holds everything, drafts and the "
	     "audit log too)") },
	{ "restore", cmd_restore, N_("FILE [--force]"),
	  N_("replace the database with a backup, keeping the replaced one aside (administrators)"),
	  true, true,
	  N_("Only an administrator may restore the database from a backup") },
	{ "admin", cmd_admin, N_("add-account|accounts|audit [OPTIONS]"),
	  N_("manage accounts and read the audit log (administrators)"), false, false, NULL },
};

const cli_command *cli_find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

const cli_command *cli_command_at(size_t i)
{
	return i < sizeof commands / sizeof commands[0] ? &commands[i] : NULL;
}

/* The rule of the flags, for a command's row and a subcommand's alike. */
static const char *refusal(bool writes, bool admin_only, const char *admin_refusal,
                           const account *me, bool readonly)
{
	if (admin_only && me->role != ROLE_ADMIN)
		return _(admin_refusal);
	if (writes && readonly)
		return _("This database is open read-only; changes cannot be saved");
	if (writes && me->role == ROLE_GUEST)
		return _("Guests can read but not write; ask the network coordinator for an account");
	return NULL;
}

const char *cli_refusal(const cli_command *cmd, const account *me, bool readonly)
{
	return cmd ? refusal(cmd->writes, cmd->admin_only, cmd->admin_refusal, me, readonly) : NULL;
}

const char *cli_sub_refusal(const cli_subcommand *sub, const account *me, bool readonly)
{
	return sub ? refusal(sub->writes, sub->admin_only, sub->admin_refusal, me, readonly) : NULL;
}

const cli_subcommand *cli_subcommands_of(const char *cmd)
{
	static const struct { const char *cmd; const cli_subcommand *subs; } tables[] = {
		{ "list", cli_list_subs }, { "show", cli_show_subs },
		{ "moderate", cli_moderate_subs }, { "admin", cli_admin_subs },
		{ "sync", cli_sync_subs }, { "uptake", cli_uptake_subs },
		{ "practice", cli_practice_subs }, { "meeting", cli_meeting_subs },
		{ "import", cli_import_kinds }, { "export", cli_export_kinds },
		{ "admin member", cli_admin_member_subs },
	};
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].cmd, cmd) == 0)
			return tables[i].subs;
	return NULL;
}

const cli_opt *cli_options_of(const char *cmd, const char *sub)
{
	/* set-role takes add-account's --city and --network (its rows from the third on). */
	static const struct { const char *cmd, *sub; const cli_opt *opts; } tables[] = {
		{ "list", NULL, cli_list_opts }, { "post", NULL, cli_post_opts },
		{ "ask", NULL, cli_ask_opts }, { "reply", NULL, cli_reply_opts },
		{ "attend", NULL, cli_attend_opts }, { "practice", NULL, cli_practice_opts },
		{ "moderate", NULL, cli_moderate_opts },
		{ "import", NULL, cli_import_opts }, { "export", NULL, cli_export_opts },
		{ "gen", NULL, cli_gen_opts }, { "snapshot", NULL, cli_snapshot_opts },
		{ "sync", "export", cli_sync_export_opts }, { "check", NULL, cli_check_opts },
		{ "admin", "add-account", cli_account_opts },
		{ "admin", "set-role", cli_set_role_opts },
		{ "admin", "expert", cli_expert_opts }, { "restore", NULL, cli_restore_opts },
		{ "report", NULL, cli_report_opts }, { "uptake", "set", cli_uptake_set_opts },
		{ "uptake", "remove", cli_uptake_remove_opts }, { "uptake", "list", cli_uptake_list_opts },
	};
	if (strcmp(cmd, "meeting") == 0) /* built from its fields at run time */
		return cli_meeting_options();
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].cmd, cmd) == 0 &&
		    (!tables[i].sub || (sub && strcmp(tables[i].sub, sub) == 0)))
			return tables[i].opts;
	return NULL;
}

size_t cli_command_names(const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof commands / sizeof commands[0] && n < max; i++)
		out[n++] = commands[i].name;
	return n;
}

static void vmessage(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char *msg = str_vprintf(fmt, ap2);
	va_end(ap2);
	char small[512];
	if (!msg) /* out of memory: what fits, marked */
		str_vfit(small, sizeof small, fmt, ap);
	fputs("empirie: ", stderr);
	safe_fputs(msg ? msg : small, stderr, SAFE_TABS);
	fputc('\n', stderr);
	free(msg);
}

int cli_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	return EXIT_ERR;
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	if (cmd)
		safe_fprintf(stderr, _("Try 'empirie %s --help' for more information.\n"), cmd);
	else
		safe_fprintf(stderr, _("Try 'empirie --help' for more information.\n"));
	return EXIT_USAGE;
}

int cli_fail(const error *e)
{
	cli_error("%s", e->msg[0] ? e->msg : _("Unknown error"));
	return EXIT_ERR;
}

void tsv_field(const char *s, bool last)
{
	size_t n = strlen(s);
	char *esc = malloc(n * 2 + 1), *o = esc;
	if (esc) {
		for (const char *p = s; *p; p++) {
			switch (*p) {
			case '\t': *o++ = '\\'; *o++ = 't'; break;
			case '\n': *o++ = '\\'; *o++ = 'n'; break;
			case '\r': *o++ = '\\'; *o++ = 'r'; break;
			case '\\': *o++ = '\\'; *o++ = '\\'; break;
			default: *o++ = *p;
			}
		}
		*o = '\0';
		safe_fputs(esc, stdout, 0);
		free(esc);
	}
	fputc(last ? '\n' : '\t', stdout);
}

void tsv_header(const cli_ctx *c, const char *const *cols, size_t n)
{
	if (c->no_header)
		return;
	for (size_t i = 0; i < n; i++)
		tsv_field(_(cols[i]), i + 1 == n);
}

void card_line(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	safe_fputs(label, stdout, 0);
	fputs(": ", stdout);
	safe_fputs(value, stdout, SAFE_MULTILINE | SAFE_TABS);
	fputc('\n', stdout);
}

long long cli_parse_id(const char *s)
{
	char *end;
	if (!s || !*s || *s == '-' || *s == '+')
		return -1;
	long long v = strtoll(s, &end, 10);
	return *end || v <= 0 ? -1 : v;
}

char *cli_read_body(void)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	if (!buf) {
		cli_error(_("Out of memory"));
		return NULL;
	}
	size_t got;
	while ((got = fread(buf + n, 1, cap - n - 1, stdin)) > 0) {
		n += got;
		if (n > FORUM_BODY_MAX) {
			free(buf);
			cli_error(ngettext("The text on standard input is too long (at most %d byte)",
			                   "The text on standard input is too long (at most %d bytes)",
			                   FORUM_BODY_MAX), FORUM_BODY_MAX);
			return NULL;
		}
		if (cap - n - 1 == 0) {
			char *p = realloc(buf, cap *= 2);
			if (!p) {
				free(buf);
				cli_error(_("Out of memory"));
				return NULL;
			}
			buf = p;
		}
	}
	if (ferror(stdin)) {
		free(buf);
		cli_error(_("Cannot read standard input"));
		return NULL;
	}
	buf[n] = '\0';
	/* Piped text is UTF-8 by contract, but text typed (or piped from a file written) in
	 * a Latin-2 or CP1250 terminal is in that charset: convert what is not UTF-8. */
	if (strlen(buf) == n && (isatty(STDIN_FILENO) || !utf8_valid(buf, n))) {
		char *u = locale_to_utf8(buf, n);
		free(buf);
		return u;
	}
	if (strlen(buf) != n) {
		free(buf);
		cli_error(_("The text on standard input contains a NUL byte; is it a text file?"));
		return NULL;
	}
	return buf;
}

static const char *unix_login(void)
{
	struct passwd *pw = getpwuid(getuid());
	return pw && pw->pw_name ? pw->pw_name : "guest";
}

/* The person for the audit: the Unix login, and beside it who ran sudo to become it.
 * sudo sets SUDO_USER and SUDO_UID; they are believed only when they agree on a real
 * account other than this login (anyone who could set them by hand could write the
 * database file anyway; SSH key holders cannot set them). */
static void audit_person(char *out, size_t n)
{
	char me[64];
	snprintf(me, sizeof me, "%s", unix_login());
	const char *who = getenv("SUDO_USER"), *uid = getenv("SUDO_UID");
	struct passwd *pw = who && *who && uid && *uid ? getpwnam(who) : NULL;
	char pw_uid[24] = "";
	if (pw)
		snprintf(pw_uid, sizeof pw_uid, "%lu", (unsigned long)pw->pw_uid);
	if (pw && strcmp(pw_uid, uid) == 0 && pw->pw_uid != getuid())
		snprintf(out, n, "%s (sudo: %.63s)", me, pw->pw_name);
	else
		snprintf(out, n, "%s", me);
}

/* The SSH client's address from SSH_CONNECTION ("addr port addr port") or SSH_CLIENT
 * ("addr port port"), kept only when it is an IPv4 or IPv6 address. */
static void ssh_client_address(char *out, size_t n)
{
	const char *src = getenv("SSH_CONNECTION");
	if (!src || !*src)
		src = getenv("SSH_CLIENT");
	out[0] = '\0';
	if (!src)
		return;
	char addr[INET6_ADDRSTRLEN + 1];
	size_t len = strcspn(src, " ");
	if (len == 0 || len >= sizeof addr || len >= n)
		return;
	memcpy(addr, src, len);
	addr[len] = '\0';
	unsigned char bin[sizeof(struct in6_addr)];
	if (inet_pton(AF_INET, addr, bin) == 1 || inet_pton(AF_INET6, addr, bin) == 1)
		memcpy(out, addr, len + 1);
}

/* A guest with no row: what a restricted session is when its forced command names no one. */
static status make_guest(account *out, error *e)
{
	memset(out, 0, sizeof *out);
	out->login = strdup("guest");
	out->display_name = strdup("guest");
	out->city_name = strdup("");
	out->role = ROLE_GUEST;
	if (!out->login || !out->display_name || !out->city_name) {
		account_clear(out);
		return err_oom(e);
	}
	return ST_OK;
}

const char *cli_db_choice(const cli_ctx *c, bool *from_conf)
{
	*from_conf = false;
	if (c->db_opt)
		return c->db_opt;
	if (!c->restricted && getenv("EMPIRIE_DB") && *getenv("EMPIRIE_DB"))
		return NULL; /* paths_database() takes it */
	*from_conf = c->conf.database != NULL;
	return c->conf.database;
}

bool cli_config_counts(const cli_ctx *c)
{
	return c->d && settings_grant_for(&c->conf, c->db_owner);
}

int cli_config_late(cli_ctx *c)
{
	if (!c->config_late)
		return EXIT_OK;
	c->config_late = false;
	error e;
	settings_clear(&c->conf);
	if (settings_load(c->config_opt, true, &c->conf, &e) != ST_OK)
		return cli_fail(&e);
	lemma_set_dictionary(c->conf.dictionary);
	ui_spell_set_enabled(!c->conf.no_spelling);
	return EXIT_OK;
}

int cli_open(cli_ctx *c)
{
	error e;
	err_clear(&e);
	if (c->d)
		return EXIT_OK;
	if (cli_config_late(c) != EXIT_OK)
		return EXIT_ERR;
	/* Restricted (the SSH service account): only what the administrator wrote in the
	 * forced command or the configuration counts, never the environment. */
	bool db_from_conf = false;
	const char *explicit_db = cli_db_choice(c, &db_from_conf);
	if (c->restricted && !explicit_db)
		return cli_error(_("Restricted mode needs the database in the configuration (%s) or "
		                   "in the forced command (--db)"), settings_default_path());
	char *path = paths_database(explicit_db, !c->restricted, &e);
	if (!path)
		return cli_fail(&e);
	bool created = false;
	status s = db_open(&c->d, path, c->open_readonly ? DB_OPEN_READONLY : DB_OPEN_CREATE,
	                   &created, &e);
	if (s == ST_OK && created && !isatty(STDOUT_FILENO)) {
		/* Quiet when a person opens the TUI: the title line says it. */
	} else if (s == ST_OK && created) {
		char *msg = str_printf(_("Created %s with the bundled EMPIRIE directory."), path);
		safe_fputs(msg ? msg : _("Out of memory"), stderr, 0);
		fputc('\n', stderr);
		free(msg);
	}
	struct stat sb;
	c->db_owner = s == ST_OK && stat(path, &sb) == 0 ? sb.st_uid : (uid_t)-1;
	free(path);
	if (s != ST_OK)
		return cli_fail(&e);
	char client[64];
	ssh_client_address(client, sizeof client);
	char person[160];
	audit_person(person, sizeof person);
	db_set_origin(c->d, person, client);
	/* What the configuration file may decide about identity: see settings_may_grant(). */
	bool conf_counts = cli_config_counts(c);
	if (c->restricted && db_from_conf && !conf_counts)
		return cli_error(_("%s may not choose the database of a restricted session: only a "
		                   "file owned by root (or by the database's owner) that no one else "
		                   "may write counts"), c->conf.path);
	bool trust_as = c->conf.trust_as && conf_counts;
	/* The posting limit, like identity, only from a file that counts (a --config of one's
	 * own cannot lift it). */
	if (c->conf.post_limit >= 0 && conf_counts)
		db_set_post_limit(c->d, c->conf.post_limit);
	/* Identity: the Unix login, or --as where it can be trusted: the configuration says
	 * so (an SSH forced command names the person), or the Unix user is an administrator
	 * acting for someone (like sudo -u). A restricted session is only who its forced
	 * command names: without --as, a guest (never the Unix login, which for the service
	 * account is whoever created the database). */
	if (c->as_opt && !trust_as) {
		account self;
		s = account_resolve(c->d, unix_login(), &self, &e);
		bool admin = !c->restricted && s == ST_OK && self.role == ROLE_ADMIN;
		account_clear(&self);
		if (!admin && c->conf.trust_as)
			return cli_error(_("--as is not allowed for %s: trust_as in %s does not count, "
			                   "because only a file owned by root (or by the database's owner) "
			                   "that no one else may write can grant it"),
			                 unix_login(), c->conf.path);
		if (!admin)
			return cli_error(_("--as is not allowed for %s: only administrators may act as "
			                   "another account (or set trust_as = yes in %s for an SSH "
			                   "service account)"), unix_login(), settings_default_path());
	}
	if (c->restricted && !c->as_opt) {
		s = make_guest(&c->me, &e);
		return s == ST_OK ? EXIT_OK : cli_fail(&e);
	}
	const char *login = c->as_opt ? c->as_opt : unix_login();
	/* Through a trusted forced command an unknown login is a guest, like an unknown Unix
	 * user; an administrator's --as must name an existing account (a typo is an error). */
	s = c->as_opt && !trust_as ? account_get(c->d, login, &c->me, &e)
	                           : account_resolve(c->d, login, &c->me, &e);
	if (s != ST_OK)
		return cli_fail(&e);
	const char *why = cli_refusal(c->cmd, &c->me, db_is_readonly(c->d));
	if (!why)
		why = cli_sub_refusal(c->sub, &c->me, db_is_readonly(c->d));
	return why ? cli_error("%s", why) : EXIT_OK;
}

/* The program's own options, before the command; the global ones (cli_global_opts)
 * come with them from cli_opts_getopt(). */
enum { OPT_RESTRICTED = 256 };
static const cli_opt main_opts[] = {
	{ "restricted", no_argument, OPT_RESTRICTED, NULL, N_("the SSH service account's mode: the "
	  "application only,\nno shell, editor, files or other database") },
	{ "help", no_argument, 'h', NULL, N_("show this help and exit") },
	{ "version", no_argument, 'V', NULL, N_("show the version and exit") },
	{ NULL, 0, 0, NULL, NULL },
};

static void print_version(void)
{
	safe_fprintf(stdout, "empirie %s\n", PACKAGE_VERSION);
	safe_fprintf(stdout, _("Copyright (C) 2026 The empirie developers.\n"
	         "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
	         "This is free software: you are free to change and redistribute it.\n"
	         "There is NO WARRANTY, to the extent permitted by law.\n"));
}

static void print_help(void)
{
	safe_fprintf(stdout, _("Usage: empirie [OPTION]... [COMMAND [ARG]...]\n"));
	safe_fprintf(stdout, _("The directory and discussion forum of the EMPIRIE networks of Polish towns.\n"
	         "Without a command, opens the full-screen application.\n\n"));
	safe_fprintf(stdout, _("Commands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		safe_fprintf(stdout, "  %-8s ", commands[i].name);
		cli_help_wrap(_(commands[i].summary), 11, 11);
		fputc('\n', stdout);
	}
	safe_fputs(_("\nOptions:\n"), stdout, SAFE_MULTILINE);
	cli_opts_print(cli_global_opts);
	cli_opts_print(main_opts);
	/* Wrapped again: the configuration's path is the installation's, of any length. */
	char *para = str_printf(_("\nThe global options may follow the command too. The configuration "
	                          "is read\nfrom %s unless --config names another file.\n"
	                          "Run 'empirie COMMAND --help' for the options of a command.\n"
	                          "Exit status: 0 success, 1 error, 2 wrong usage.\n"),
	                        settings_default_path());
	for (const char *p = para ? para : ""; *p;) {
		size_t len = strcspn(p, "\n");
		char *line = strndup(p, len);
		if (line)
			cli_help_wrap(line, 0, 0);
		free(line);
		fputc('\n', stdout);
		p += len + (p[len] == '\n');
	}
	free(para);
	safe_fputs(_("\nThe full-screen application takes the mouse (wheel, click, double click);\n"
	             "--no-mouse (or 'mouse = no' in the configuration) leaves it to the terminal\n"
	             "for its own selection. Shift with the mouse selects text in most terminals.\n"),
	           stdout, SAFE_MULTILINE);
}

void cli_command_usage(const cli_command *cmd)
{
	/* The placeholders are translated (RODZAJ PLIK), the keywords and options are not. */
	/* Both wrapped to the width: the further lines of the usage under its arguments. */
	char head[256], usage[1024];
	snprintf(head, sizeof head, _("Usage: empirie %s %s\n"), cmd->name, "");
	head[strcspn(head, "\n")] = '\0';
	snprintf(usage, sizeof usage, _("Usage: empirie %s %s\n"), cmd->name,
	         cmd->args[0] ? _(cmd->args) : "");
	usage[strcspn(usage, "\n")] = '\0';
	cli_help_wrap(usage, 0, safe_width(head));
	fputc('\n', stdout);
	cli_help_wrap(_(cmd->summary), 0, 0);
	fputc('\n', stdout);
}

const struct option *cli_global_options(void)
{
	static struct option opts[CLI_OPTS_MAX + 2];
	static char shortopts[16];
	if (!opts[0].name)
		cli_opts_getopt(main_opts, opts, shortopts, sizeof shortopts);
	return opts;
}

int cli_main(int argc, char **argv)
{
	cli_ctx c = { .prog = "empirie" };
	int ch;
	opterr = 0;
	/* '+': stop at the command name; its own options are parsed by the command. */
	while ((ch = cli_getopt(&c, argc, argv, "+:hV", cli_global_options())) != -1) {
		switch (ch) {
		case OPT_RESTRICTED: c.restricted = true; break;
		case 'h': print_help(); return EXIT_OK;
		case 'V': print_version(); return EXIT_OK;
		case ':': return cli_usage(NULL, _("option '%s' needs a value"), argv[optind - 1]);
		default: return cli_unknown_option(NULL, argv[optind - 1], cli_global_options());
		}
	}
	c.config_late = false; /* before the command: read just below */
	/* One after the command is read instead of the default too, with the same effect
	 * (the command's options read it again: the same file). */
	const char *late = !c.restricted && optind < argc
	                           ? cli_late_config(argc, (const char *const *)argv, optind + 1)
	                           : NULL;
	if (late)
		c.config_opt = late;
	error e;
	if (settings_load(c.config_opt ? c.config_opt : settings_default_path(), c.config_opt != NULL,
	                  &c.conf, &e) != ST_OK)
		return cli_fail(&e);
	lemma_set_dictionary(c.conf.dictionary);
	ui_spell_set_enabled(!c.conf.no_spelling);
	int rc;
	/* The forced command's --restricted locks the session to the application; the
	 * setting `restricted = yes` restricts the application only, so the administrator's
	 * own commands (init, admin ...) still run on the server. */
	if (!c.restricted && optind >= argc)
		c.restricted = c.conf.restricted;
	if (c.restricted && optind < argc) {
		/* An SSH account in restricted mode gets the application and nothing else. */
		settings_clear(&c.conf);
		return cli_usage(NULL, _("in restricted mode only the full-screen application is "
		                         "available ('%s' refused)"), argv[optind]);
	}
	if (optind >= argc) {
		rc = cli_open(&c);
		if (rc == EXIT_OK) {
			ui_options uo = { .no_color = c.no_color || getenv("NO_COLOR") != NULL,
			                  .restricted = c.restricted,
			                  .no_mouse = c.no_mouse || c.conf.no_mouse,
			                  .session_timeout = c.conf.session_timeout };
			rc = ui_run(c.d, &c.me, &uo);
		}
	} else {
		/* The shell completion's helper, not a command of its own (not in --help). */
		if (strcmp(argv[optind], "complete") == 0) {
			rc = cli_complete(&c, argc - optind, argv + optind);
			goto out;
		}
		const cli_command *cmd = cli_find_command(argv[optind]);
		if (!cmd)
			return cli_unknown_command(argv[optind]);
		/* The command sees argv from its own name, so getopt starts afresh; the global
		 * options right after the name are taken first (admin --db F accounts). */
		int sub_argc = argc - optind;
		char **sub_argv = argv + optind;
		int lead = cli_leading_globals(&c, sub_argc, sub_argv);
		if (lead < 0) {
			rc = EXIT_USAGE;
			goto out;
		}
		/* The name moved after them (the words are kept: the process owns them). */
		char *name = sub_argv[0];
		memmove(sub_argv, sub_argv + 1, (size_t)lead * sizeof *sub_argv);
		sub_argv[lead] = name;
		sub_argc -= lead;
		sub_argv += lead;
		optind = 0;
		c.cmd = cmd;
		rc = cmd->run(&c, sub_argc, sub_argv);
	}
out:
	account_clear(&c.me);
	db_close(&c.d);
	settings_clear(&c.conf);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error(_("Cannot write the output"));
		rc = EXIT_ERR;
	}
	return rc;
}
