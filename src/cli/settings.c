/* settings.c — see settings.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli/settings.h"
#include "core/presence.h"
#include "i18n.h"

const char *settings_default_path(void) { return SYSCONFDIR "/empirie.conf"; }

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && strchr(" \t\r\n", s[n - 1]))
		s[--n] = '\0';
	return s;
}

static int parse_yes(const char *v)
{
	if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1") || !strcmp(v, "on"))
		return 1;
	if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "0") || !strcmp(v, "off"))
		return 0;
	return -1;
}

/* One setting, key = val, of line n of path, into out. */
static status set_key(const char *key, const char *val, const char *path, unsigned long n,
                      settings *out, error *e)
{
	int yes = parse_yes(val);
	if (strcmp(key, "database") == 0) {
		free(out->database);
		if (!(out->database = strdup(val)))
			return err_oom(e);
	} else if (strcmp(key, "authorized_keys") == 0) {
		free(out->keys_file);
		out->keys_file = NULL;
		if (val[0] != '/')
			return err_set(e, ST_INVALID, _("%s:%lu: authorized_keys needs a full path (starting with /), not '%s'"),
			                  path, n, val);
		else if (!(out->keys_file = strdup(val)))
			return err_oom(e);
	} else if (strcmp(key, "dictionary") == 0) {
		free(out->dictionary);
		if (!(out->dictionary = strdup(val)))
			return err_oom(e);
	} else if (strcmp(key, "spelling") == 0) {
		if (yes < 0)
			return err_set(e, ST_INVALID, _("%s:%lu: %s must be yes or no, not '%s'"), path, n, key, val);
		else
			out->no_spelling = !yes;
	} else if (strcmp(key, "restricted") == 0 || strcmp(key, "trust_as") == 0) {
		if (yes < 0)
			return err_set(e, ST_INVALID, _("%s:%lu: %s must be yes or no, not '%s'"), path, n, key, val);
		else if (key[0] == 'r')
			out->restricted = yes;
		else
			out->trust_as = yes;
	} else if (strcmp(key, "mouse") == 0) {
		/* "mouse = no": the terminal keeps the mouse for its own selection. */
		if (yes < 0)
			return err_set(e, ST_INVALID, _("%s:%lu: %s must be yes or no, not '%s'"), path, n, key, val);
		else
			out->no_mouse = !yes;
	} else if (strcmp(key, "post_limit") == 0) {
		/* Posts a minute per account; 0 switches the limit off. */
		char *end;
		errno = 0;
		long v = strtol(val, &end, 10);
		if (!*val || *end || errno || v < 0 || v > 100000)
			return err_set(e, ST_INVALID, _("%s:%lu: %s must be a number of posts a minute "
			                                   "from 0 (no limit) to 100000, not '%s'"),
			                  path, n, key, val);
		else
			out->post_limit = (int)v;
	} else if (strcmp(key, "session_timeout") == 0) {
		/* Seconds without a heartbeat after which a session is no longer here. */
		char *end;
		errno = 0;
		long v = strtol(val, &end, 10);
		if (!*val || *end || errno || v < PRESENCE_TIMEOUT_MIN || v > PRESENCE_TIMEOUT_MAX)
			/* The range is PRESENCE_TIMEOUT_MIN..MAX (presence.h). */
			return err_set(e, ST_INVALID, _("%s:%lu: %s must be a number of seconds from 3 "
			                                   "to 86400, not '%s'"),
			                  path, n, key, val);
		else
			out->session_timeout = (int)v;
	} else {
		return err_set(e, ST_INVALID, _("%s:%lu: unknown setting '%s'"), path, n, key);
	}
	return ST_OK;
}

/* One line of the file (comments and blank lines skipped). */
static status parse_line(char *line, const char *path, unsigned long n, settings *out,
                         error *e)
{
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	char *l = trim(line);
	if (!*l)
		return ST_OK;
	char *eq = strchr(l, '=');
	if (!eq)
		return err_set(e, ST_INVALID, _("%s:%lu: expected 'key = value'"), path, n);
	*eq = '\0';
	return set_key(trim(l), trim(eq + 1), path, n, out, e);
}

/* The file opened, with the owner and mode of the file actually opened (after any
 * link), for the trust rule; *f stays NULL (and ST_OK) when it is absent and may be. */
static status open_file(const char *path, bool must_exist, settings *out, FILE **f, error *e)
{
	*f = fopen(path, "r");
	if (!*f) {
		if (errno == ENOENT && !must_exist)
			return ST_OK;
		return err_set(e, ST_IO, _("%s: cannot read the configuration: %s"), path, strerror(errno));
	}
	struct stat sb;
	if (fstat(fileno(*f), &sb) != 0 || !(out->path = strdup(path))) {
		fclose(*f);
		*f = NULL;
		return err_set(e, ST_IO, _("%s: cannot read the configuration: %s"), path, strerror(errno));
	}
	out->owner = sb.st_uid;
	out->mode = sb.st_mode;
	return ST_OK;
}

status settings_load(const char *path, bool must_exist, settings *out, error *e)
{
	memset(out, 0, sizeof *out);
	out->post_limit = -1;
	FILE *f;
	status s = open_file(path, must_exist, out, &f, e);
	if (s != ST_OK || !f)
		return s;
	char line[1024];
	unsigned long n = 0;
	while (s == ST_OK && fgets(line, sizeof line, f))
		s = parse_line(line, path, ++n, out, e);
	fclose(f);
	if (s != ST_OK)
		settings_clear(out);
	return s;
}

bool settings_may_grant(uid_t file_owner, mode_t file_mode, uid_t db_owner)
{
	if (file_mode & (S_IWGRP | S_IWOTH))
		return false;
	return file_owner == 0 || file_owner == db_owner;
}

bool settings_grant_for(const settings *c, uid_t db_owner)
{
	return c->path && settings_may_grant(c->owner, c->mode, db_owner);
}

void settings_clear(settings *c)
{
	free(c->database);
	free(c->keys_file);
	free(c->path);
	free(c->dictionary);
	memset(c, 0, sizeof *c);
	c->post_limit = -1;
}
