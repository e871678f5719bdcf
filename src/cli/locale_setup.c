/* locale_setup.c — see locale_setup.h. */
#include "config.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/locale_setup.h"
#include "i18n.h"
#include "text/charset.h"
#include "text/safe.h"
#include "text/strbuf.h"

/* The locale name the environment asks for, as setlocale(LC_ALL, "") would read it. */
static const char *wanted_locale(void)
{
	const char *names[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(names[i]);
		if (v && *v)
			return v;
	}
	return "";
}

#if ENABLE_NLS
/* The catalogue built beside the program, when it runs uninstalled from its build tree
 * (the quick start's ./empirie before make install): make writes
 * locale/pl/LC_MESSAGES/empirie.mo and the marker locale/empirie-build-tree next to the
 * executable. An installed program has no marker beside it and uses LOCALEDIR. The
 * directory is as trustworthy as the executable itself (whoever can write one can
 * write the other), so unlike $EMPIRIE_LOCALEDIR it is used in restricted mode too. */
static bool build_tree_localedir(char *out, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	int w = snprintf(out, size, "%s/locale", exe);
	if (w < 0 || (size_t)w >= size)
		return false;
	char marker[PATH_MAX + 32];
	w = snprintf(marker, sizeof marker, "%s/empirie-build-tree", out);
	if (w < 0 || (size_t)w >= sizeof marker)
		return false;
	struct stat st;
	return stat(marker, &st) == 0 && S_ISREG(st.st_mode);
}
#endif

void locale_setup(bool restricted)
{
	char missing[128] = "";
	if (!setlocale(LC_ALL, "")) {
		str_fitf(missing, sizeof missing, "%s", wanted_locale());
		/* Keep the language for the messages: gettext reads LANGUAGE in any locale but
		 * plain "C", so "pl_PL.UTF-8" still gives Polish messages under C.UTF-8. */
		if (!getenv("LANGUAGE") && missing[0] && strcmp(missing, "C") != 0) {
			char lang[16];
			snprintf(lang, sizeof lang, "%.*s", (int)strcspn(missing, "_.@"), missing);
			setenv("LANGUAGE", lang, 0);
		}
		if (!setlocale(LC_ALL, "C.UTF-8"))
			setlocale(LC_ALL, "C");
	}
	safe_init();
#if ENABLE_NLS
	/* Tests point this at the catalogue in the build tree; never in restricted mode, where
	 * a catalogue of the user's choosing could rewrite every format string. */
	const char *dir = restricted ? NULL : getenv("EMPIRIE_LOCALEDIR");
	char beside[PATH_MAX];
	if (!(dir && *dir))
		dir = build_tree_localedir(beside, sizeof beside) ? beside : LOCALEDIR;
	bindtextdomain(PACKAGE, dir);
	/* Messages come out as UTF-8; the safe output path converts them for the terminal. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	if (missing[0]) {
		char msg[512];
		str_fitf(msg, sizeof msg, _("empirie: the locale %s is not installed on this computer; "
		                            "using %s (an administrator can add it with locale-gen)\n"),
		         missing, setlocale(LC_CTYPE, NULL));
		safe_fputs(msg, stderr, SAFE_MULTILINE);
	}
}

char *locale_to_utf8(const char *s, size_t len)
{
	enum charset_id from;
	switch (safe_charset()) {
	case SAFE_CS_LATIN2: from = CHARSET_LATIN2; break;
	case SAFE_CS_CP1250: from = CHARSET_CP1250; break;
	default: return strndup(s, len);
	}
	size_t out;
	unsigned long l, c;
	char *u = charset_to_utf8(s, len, from, &out, &l, &c);
	return u ? u : strndup(s, len);
}
