/* i18n.h — gettext macros. Every user-visible string is wrapped in _() or ngettext(). */
#ifndef EMPIRIE_I18N_H
#define EMPIRIE_I18N_H

#include "config.h"

#if ENABLE_NLS
# include <libintl.h>
#else
# define gettext(s) (s)
# define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
# define textdomain(d) ((void)(d))
# define bindtextdomain(d, dir) ((void)(d), (void)(dir))
# define bind_textdomain_codeset(d, c) ((void)(d), (void)(c))
#endif

#define _(s) gettext(s)
#define N_(s) (s)

/* A message with a context, for words that translate differently by use (a month name
 * in a date is genitive in Polish: "13 września"). */
#define C_(ctx, s) i18n_pgettext(ctx "\004" s, s)
static inline const char *i18n_pgettext(const char *id, const char *s)
{
	const char *t = gettext(id);
	return t == id ? s : t;
}

#endif
