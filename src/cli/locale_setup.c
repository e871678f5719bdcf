/* locale_setup.c — see locale_setup.h. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/locale_setup.h"
#include "i18n.h"
#include "text/charset.h"
#include "text/safe.h"

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

void locale_setup(bool restricted)
{
	char missing[128] = "";
	if (!setlocale(LC_ALL, "")) {
		snprintf(missing, sizeof missing, "%s", wanted_locale());
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
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	/* Messages come out as UTF-8; the safe output path converts them for the terminal. */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	if (missing[0]) {
		char msg[512];
		snprintf(msg, sizeof msg, _("empirie: the locale %s is not installed on this computer; "
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
