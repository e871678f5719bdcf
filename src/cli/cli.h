/* cli.h — the command line: global options, subcommands, or the TUI. */
#ifndef EMPIRIE_CLI_CLI_H
#define EMPIRIE_CLI_CLI_H

/* Run empirie with these arguments; returns the exit status (0 ok, 1 error, 2 misuse). */
int cli_main(int argc, char **argv);

#endif
