/* ui_extedit.c — editing a post in $VISUAL/$EDITOR: curses steps aside, the editor
 * runs on a private temporary file, curses comes back. Never through a shell. Without
 * either variable: sensible-editor (Debian's chosen editor), then nano — never vi by
 * surprise, which new users cannot leave. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/forum.h"
#include "core/safefile.h"
#include "i18n.h"
#include "ui/ui_editor.h"
#include "ui/ui_input.h"

static char *read_back(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	size_t cap = FORUM_BODY_MAX + 2;
	char *buf = malloc(cap);
	size_t n = buf ? fread(buf, 1, cap - 1, f) : 0;
	fclose(f);
	if (!buf)
		return NULL;
	buf[n] = '\0';
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return buf;
}

/* True when name is an executable file in one of path's directories. */
static bool on_path(const char *name, const char *path)
{
	if (!path)
		return false;
	for (const char *p = path;;) {
		size_t n = strcspn(p, ":");
		char full[4096];
		/* An empty entry is the current directory, as for execvp. */
		int w = n ? snprintf(full, sizeof full, "%.*s/%s", (int)n, p, name)
		          : snprintf(full, sizeof full, "./%s", name);
		if (w > 0 && (size_t)w < sizeof full && access(full, X_OK) == 0)
			return true;
		if (!p[n])
			return false;
		p += n + 1;
	}
}

const char *ui_editor_choice(const char *visual, const char *editor, const char *path)
{
	if (visual && *visual)
		return visual;
	if (editor && *editor)
		return editor;
	static const char *const fallback[] = { "sensible-editor", "nano" };
	for (size_t i = 0; i < sizeof fallback / sizeof fallback[0]; i++)
		if (on_path(fallback[i], path))
			return fallback[i];
	return NULL;
}

bool ui_external_edit(ui_ctx *c, const char *text, char **out)
{
	const char *prog = ui_editor_choice(getenv("VISUAL"), getenv("EDITOR"), getenv("PATH"));
	if (!prog) {
		ui_status(c, true, _("No text editor found: set VISUAL or EDITOR (for example "
		                     "EDITOR=nano), or install nano."));
		return false;
	}
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	int w = snprintf(path, sizeof path, "%s/empirie-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	/* A TMPDIR longer than a path can be: no file at all, rather than one elsewhere. */
	int fd = w >= 0 && (size_t)w < sizeof path ? safefile_scratch(path) : (errno = ENAMETOOLONG, -1);
	if (fd < 0) {
		ui_status(c, true, _("Cannot make a temporary file: %s"), strerror(errno));
		return false;
	}
	size_t len = strlen(text);
	bool ok = write(fd, text, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
	close(fd);
	/* Split the command on blanks: "vim -u NONE" works, shell syntax does not. */
	char *copy = strdup(prog), *argv[32];
	int argc = 0;
	for (char *tok = copy ? strtok(copy, " \t") : NULL; tok && argc < 30; tok = strtok(NULL, " \t"))
		argv[argc++] = tok;
	argv[argc++] = path;
	argv[argc] = NULL;
	bool done = false;
	if (ok && argc > 1) {
		ui_input_bracketed_paste(false);
		def_prog_mode();
		endwin();
		pid_t pid = fork();
		if (pid == 0) {
			signal(SIGINT, SIG_DFL);
			signal(SIGHUP, SIG_DFL);
			signal(SIGTERM, SIG_DFL);
			execvp(argv[0], argv);
			_exit(127);
		}
		int st = 0;
		/* Ctrl-C in a cooked-mode editor must not end empirie too. */
		void (*old)(int) = signal(SIGINT, SIG_IGN);
		while (pid > 0 && waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
		signal(SIGINT, old);
		ui_resume_curses();
		ui_input_init(NULL);
		ui_input_bracketed_paste(true);
		if (pid < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			ui_status(c, true, _("The editor '%s' did not finish normally."), prog);
		else if ((*out = read_back(path)) != NULL)
			done = true;
	}
	free(copy);
	unlink(path);
	return done;
}
