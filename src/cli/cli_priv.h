/* cli_priv.h — what the subcommand modules share. */
#ifndef EMPIRIE_CLI_PRIV_H
#define EMPIRIE_CLI_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <getopt.h>
#include <sys/types.h>

#include "cli/settings.h"
#include "core/account.h"
#include "core/db.h"
#include "core/uptake.h"

enum { EXIT_OK = 0, EXIT_ERR = 1, EXIT_USAGE = 2 };

typedef struct cli_ctx_s {
	const char *prog;
	const char *db_opt;   /* --db */
	const char *as_opt;   /* --as */
	const char *config_opt; /* --config */
	settings conf;        /* the system configuration */
	bool no_color;
	bool no_mouse;
	bool restricted;
	bool no_header;
	bool open_readonly;   /* cli_open(): read-only, never creating the file (completion) */
	bool config_late;     /* --config came after the command name: read before cli_open() */
	db *d;                /* opened on demand by cli_open() */
	uid_t db_owner;       /* the owner of the database file, once open */
	account me;
	const struct cli_command *cmd; /* the command running (NULL: the application, completion) */
	const struct cli_subcommand *sub; /* its subcommand, when it has a table of them */
} cli_ctx;

typedef struct cli_command {
	const char *name;
	int (*run)(cli_ctx *c, int argc, char **argv);
	const char *args;     /* usage after the command name (N_: placeholders are translated) */
	const char *summary;  /* N_() — one line for --help */
	/* The table rules (cli_refusal(), applied by cli_open() once the account is known,
	 * after the command has read its arguments): */
	bool writes;          /* changes the database in use: refused on a read-only one and
	                       * to a guest */
	bool admin_only;      /* every use is an administrator's: refused to anyone else */
	const char *admin_refusal; /* N_(): what others are told (admin_only) */
} cli_command;

/* One option of a command (cli_opts.c). A table of these, ending with a NULL name, makes
 * both getopt_long's array and the help lines. */
typedef struct cli_opt {
	const char *name;     /* the long name, without "--" */
	int has_arg;          /* no_argument or required_argument */
	int val;              /* what getopt_long returns; a letter is the short form too */
	const char *arg;      /* N_(): the value's placeholder ("TEXT"); NULL without one */
	const char *help;     /* N_(): what it does; NULL: another name of the row above */
} cli_opt;
enum { CLI_OPTS_MAX = 48 };
/* The global options (--db, --as ...): before the command name or after it, anywhere
 * among the command's own options (cli_getopt()). Their values are above any command's. */
enum { CLI_GOPT_DB = 0x1000, CLI_GOPT_AS, CLI_GOPT_NO_COLOR, CLI_GOPT_NO_HEADER,
       CLI_GOPT_CONFIG, CLI_GOPT_NO_MOUSE };
extern const cli_opt cli_global_opts[];
/* getopt_long's array (room for CLI_OPTS_MAX + 2): the table's options, then the global
 * ones, and --help when the table has none; the short options' string (":" first; "h"
 * for --help). */
void cli_opts_getopt(const cli_opt *t, struct option *out, char *shortopts, size_t n_short);
/* getopt_long over a command's arguments, the global options among them taken into c
 * (and never returned): the one place a command's parser reads them. */
int cli_getopt(cli_ctx *c, int argc, char **argv, const char *shortopts,
               const struct option *opts);
/* The global options right after the command name (admin --db F accounts), before its
 * own options or subcommand: taken into c; returns how many words they were, or -1
 * (reported) when one lacks its value. */
int cli_leading_globals(cli_ctx *c, int argc, char **argv);
/* A command's options by its table (the global ones taken into c): vals[i] is row i's
 * value ("" for one without a value) when given, else left as it was (an alias row's
 * value lands on the first row of that val). Returns the index of the first operand
 * (getopt_long moves them to the end), CLI_PARSE_HELP for --help, or -1 when misused
 * (reported). */
enum { CLI_PARSE_HELP = -2 };
int cli_parse_opts(cli_ctx *c, const char *cmd, const cli_opt *t, int argc, char **argv,
                   const char **vals);
/* The global options and --help of a command or subcommand of no options of its own,
 * taken out of *argc and *argv, which keep argv[0] and the operands: 0, CLI_PARSE_HELP
 * (--help given) or -1 (misuse, reported). */
int cli_operands(cli_ctx *c, const char *cmd, int *argc, char ***argv);
/* The same for a command with no options of its own: -1 to go on with the operands
 * argv[*first...], else what to return (its help printed with the text help, or the
 * misuse reported). */
int cli_no_opts(cli_ctx *c, const char *cmd, int argc, char **argv, const char *help,
                int *first);
/* Whether argv[1...] (up to "--") asks for help: -h or --help as a word of its own, not
 * as the value of an option of t or a global one that takes a value (--note -h). */
bool cli_wants_help(const cli_opt *t, int argc, char **argv);
/* The help lines of the options, aligned by display width. */
void cli_opts_print(const cli_opt *t);
/* The help's closing lines: the global options a command takes too. */
void cli_help_globals(void);

/* One subcommand of a command (list networks, admin audit ...): a table of these, ending
 * with a NULL name, gives dispatch, the help listing, the "unknown subcommand" error
 * and the completion's words. */
typedef struct cli_subcommand {
	const char *name;
	int (*run)(cli_ctx *c, int argc, char **argv); /* argv[0] is the subcommand */
	const char *args;     /* N_(): what follows the name in the help ("" for nothing) */
	const char *help;     /* N_(): what it does; NULL: another name of the row above */
	bool writes;          /* as cli_command's, for this subcommand (cli_refusal()) */
	bool admin_only;
	const char *admin_refusal; /* N_() */
} cli_subcommand;
/* The help listing of a subcommand table. */
void cli_subs_print(const cli_subcommand *t);
/* The names of a table (other names after a "|"; args: with what follows each) as
 * "a, b or c", for the error that asks for one, in buf. */
const char *cli_subs_or(const cli_subcommand *t, bool args, char *buf, size_t n);
const cli_subcommand *cli_sub_find(const cli_subcommand *t, const char *name);
/* "Did you mean 'x'?" on stderr: the name of t nearest to word, when one is near. */
void cli_sub_suggest(const cli_subcommand *t, const char *word);
/* The KINDs import and export take, by name (the core reads them: xfer_kind_parse());
 * export's has posts too (an mbox). For the error and the completion, not dispatched. */
extern const cli_subcommand cli_import_kinds[], cli_export_kinds[];
/* The formats export writes KIND in, NULL at the end (NULL: every format some KIND is
 * written in); export's check of --format, its help and errors read the same table. */
const char *const *cli_export_formats(const char *kind);
/* The words an option takes when they are a fixed set, NULL at the end: its command's
 * table of them, the one its check reads (by the option's table and name; NULL: any
 * value). The help fills the option's "%s" with them, the completion offers them. */
const char *const *cli_opt_words(const struct cli_opt *t, const char *name);
/* Those tables of the CLI's own: export's encodings (of charset_keys) and separators,
 * gen's sizes; the options uptake's help lists. */
extern const char *const cli_export_encodings[], *const cli_export_separators[],
	*const cli_gen_sizes[];
/* The words w as "a, b or c" (list_join_or()), one that is not a word in quotes: "';' or
 * ','"; in buf. */
const char *cli_words_or(const char *const *w, char *buf, size_t n);
extern const struct cli_opt cli_uptake_help_opts[];
/* Runs the subcommand argv[0] of cmd (noting it in c->sub, whose flags cli_open()
 * applies), or says it is unknown, with the nearest known one; EXIT_USAGE then. */
int cli_sub_dispatch(cli_ctx *c, const char *cmd, const cli_subcommand *t, int argc,
                     char **argv);
/* The option table of a command, or of its subcommand sub when that has its own (for
 * the completion); NULL when it takes none but the global ones. */
const cli_opt *cli_options_of(const char *cmd, const char *sub);
extern const cli_opt cli_list_opts[], cli_post_opts[], cli_ask_opts[], cli_reply_opts[],
	cli_attend_opts[], cli_practice_opts[], cli_moderate_opts[],
	cli_import_opts[], cli_export_opts[], cli_gen_opts[], cli_snapshot_opts[],
	cli_sync_export_opts[], cli_check_opts[], cli_account_opts[], cli_set_role_opts[],
	cli_expert_opts[],
	cli_restore_opts[], cli_report_opts[];
/* The options of `empirie meeting add|edit`, from meeting_fields.h (cli_write.c): built
 * on first use, so a function. */
const cli_opt *cli_meeting_options(void);
/* The subcommand table of a command (for the completion); NULL when it has none. */
const cli_subcommand *cli_subcommands_of(const char *cmd);
extern const cli_subcommand cli_list_subs[], cli_show_subs[], cli_moderate_subs[],
	cli_admin_subs[], cli_sync_subs[], cli_uptake_subs[], cli_practice_subs[],
	cli_meeting_subs[], cli_admin_member_subs[];

/* A --config given after the command name, read now (once): EXIT_OK or EXIT_ERR
 * (reported). cli_open() calls it; so do the commands that open a file themselves. */
int cli_config_late(cli_ctx *c);
/* The file a --config after the command name (argv[from] on, up to "--") names, the
 * last one; NULL when there is none. cli_main() reads it instead of the default file,
 * as it would a --config before the command. */
const char *cli_late_config(int argc, const char *const *argv, int from);
/* Open the database (creating it with the bundled directory if needed) and resolve
 * the acting account. Prints the error and returns EXIT_ERR on failure. */
int cli_open(cli_ctx *c);
/* The database named by --db, else (unless EMPIRIE_DB is set outside restricted mode)
 * by the configuration (*from_conf); NULL: paths_database() decides. */
const char *cli_db_choice(const cli_ctx *c, bool *from_conf);
/* Whether the configuration file read may decide identity for the open database
 * (settings_may_grant()). */
bool cli_config_counts(const cli_ctx *c);

/* Print an error "empirie: MESSAGE" to stderr through the safe path; returns EXIT_ERR. */
int cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Usage error: message plus a hint to --help; returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Print a core error value; returns EXIT_ERR. */
int cli_fail(const error *e);

/* TSV output: each field escaped (\t \n \r \\) and sanitised; fields joined by tabs. */
void tsv_field(const char *s, bool last);
void tsv_header(const cli_ctx *c, const char *const *cols, size_t n);
/* Readable card lines: "Label: value", value sanitised (multi-line allowed). */
void card_line(const char *label, const char *value);

/* Read all of standard input as the body of a post; NULL with a printed error. */
char *cli_read_body(void);

/* Parse a positive integer argument; -1 when it is not one. */
long long cli_parse_id(const char *s);

/* The width --help fits in. */
enum { CLI_HELP_WIDTH = 80 };
/* Print one line of help text from display column at, wrapped between words (a
 * bracketed group stays whole) to fit CLI_HELP_WIDTH, its further lines indented to
 * column indent; no newline at the end. Returns the column it ended at. */
int cli_help_wrap(const char *text, int at, int indent);
/* The usage line and summary of a command (from its row). */
void cli_command_usage(const cli_command *cmd);
/* A command's --help: the usage line and summary, the text before, the subcommands,
 * the options from their table, the text after (each may be NULL), then the global
 * options. */
void cli_command_help_opts(const cli_command *cmd, const char *before,
                           const cli_subcommand *subs, const cli_opt *opts, const char *after);
/* The same with a text alone. */
void cli_command_help(const cli_command *cmd, const char *text);

int cmd_list(cli_ctx *c, int argc, char **argv);
int cmd_show(cli_ctx *c, int argc, char **argv);
int cmd_search(cli_ctx *c, int argc, char **argv);
int cmd_post(cli_ctx *c, int argc, char **argv);
int cmd_reply(cli_ctx *c, int argc, char **argv);
int cmd_edit(cli_ctx *c, int argc, char **argv);
int cmd_moderate(cli_ctx *c, int argc, char **argv);
int cmd_init(cli_ctx *c, int argc, char **argv);
int cmd_admin(cli_ctx *c, int argc, char **argv);
/* admin add-key | keys | revoke-key (cli_keys.c); argv[0] is the subcommand. */
int cli_admin_keys(cli_ctx *c, int argc, char **argv);
int cmd_check(cli_ctx *c, int argc, char **argv);
int cmd_import(cli_ctx *c, int argc, char **argv);
int cmd_export(cli_ctx *c, int argc, char **argv);
int cmd_gen(cli_ctx *c, int argc, char **argv);
int cmd_info(cli_ctx *c, int argc, char **argv);
int cmd_snapshot(cli_ctx *c, int argc, char **argv);
int cmd_attend(cli_ctx *c, int argc, char **argv);
int cmd_practice(cli_ctx *c, int argc, char **argv);
int cmd_meeting(cli_ctx *c, int argc, char **argv);
int cmd_sync(cli_ctx *c, int argc, char **argv);
/* cli_uptake.c */
int cmd_uptake(cli_ctx *c, int argc, char **argv);
/* uptake's options: those of its fields (uptake_fields.h), then list's filters. */
/* The options of uptake set, remove and list (each its own). */
extern const cli_opt cli_uptake_set_opts[], cli_uptake_remove_opts[], cli_uptake_list_opts[];
/* The lines under u's heading on the practice card: the fields the list puts there. */
void cli_uptake_lines(const uptake *u);
int cmd_report(cli_ctx *c, int argc, char **argv);
int cmd_backup(cli_ctx *c, int argc, char **argv);
int cmd_restore(cli_ctx *c, int argc, char **argv);
/* Feedback requests (cli_feedback.c). */
int cmd_ask(cli_ctx *c, int argc, char **argv);
int cmd_accept(cli_ctx *c, int argc, char **argv);
int cli_list_requests(cli_ctx *c, long long number, bool open_only, bool mine);
void cli_show_request(cli_ctx *c, int64_t thread_id);
void cli_show_feedback_figures(cli_ctx *c, int number);

const cli_command *cli_find_command(const char *name);
/* The i-th command of the table; NULL past the last. */
const cli_command *cli_command_at(size_t i);
/* Why cmd may not run for me on a database (read-only or not), translated; NULL when it
 * may. The one place the table's writes and admin_only flags are enforced. */
const char *cli_refusal(const cli_command *cmd, const account *me, bool readonly);
/* The same rule for a subcommand's row. */
const char *cli_sub_refusal(const cli_subcommand *sub, const account *me, bool readonly);
/* The commands' names into out (at most max); returns how many. */
size_t cli_command_names(const char **out, size_t max);
/* Unknown command or option: the message, the nearest known one ("Did you mean
 * 'list'?") and where help is; returns EXIT_USAGE. opts: the getopt array the command
 * read its options with (cli_opts_getopt()). A long option that begins the names of
 * several options there (the command's and the global ones) is said to be ambiguous,
 * with those names. */
struct option;
int cli_unknown_command(const char *name);
int cli_unknown_option(const char *cmd, const char *arg, const struct option *opts);

/* The global options' table (cli.c), ending with a NULL name. */
const struct option *cli_global_options(void);
/* The hidden `empirie complete CWORD WORD...` of the shell completion (cli_complete.c). */
int cli_complete(cli_ctx *c, int argc, char **argv);

#endif
