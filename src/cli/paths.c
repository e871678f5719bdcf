/* paths.c — see paths.h. */
#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/paths.h"
#include "i18n.h"
#include "text/strbuf.h"

/* mkdir -p with mode 0700 for the parts we create. */
static int make_dirs(char *path, error *e)
{
	for (char *p = path + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(path, 0700) != 0 && errno != EEXIST) {
				err_set(e, ST_IO, _("%s: cannot create the directory: %s"), path, strerror(errno));
				*p = c;
				return -1;
			}
			*p = c;
			if (!c)
				return 0;
		}
	}
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

char *paths_database(const char *explicit_path, bool use_env, error *e)
{
	const char *env = use_env ? getenv("EMPIRIE_DB") : NULL;
	const char *chosen = explicit_path && *explicit_path ? explicit_path : (env && *env ? env : NULL);
	if (chosen) {
		char *dir = dir_of(chosen);
		struct stat sb;
		if (!dir) {
			err_oom(e);
			return NULL;
		}
		if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
			err_set(e, ST_IO, _("%s: the directory for the database does not exist"), dir);
			free(dir);
			return NULL;
		}
		free(dir);
		char *p = strdup(chosen);
		if (!p)
			err_oom(e);
		return p;
	}
	const char *xdg = use_env ? getenv("XDG_DATA_HOME") : NULL;
	const char *home = use_env ? getenv("HOME") : NULL;
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw ? pw->pw_dir : NULL;
	}
	char *base;
	if (xdg && xdg[0] == '/') {
		base = str_printf("%s/empirie", xdg);
	} else if (home && *home) {
		base = str_printf("%s/.local/share/empirie", home);
	} else {
		err_set(e, ST_IO, _("Cannot tell where to keep the database: HOME is not set; "
		                    "use --db FILE"));
		return NULL;
	}
	if (!base) {
		err_oom(e);
		return NULL;
	}
	if (make_dirs(base, e) != 0) {
		free(base);
		return NULL;
	}
	char *path = str_printf("%s/empirie.db", base);
	if (!path)
		err_oom(e);
	free(base);
	return path;
}
