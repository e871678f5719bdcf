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

#endif
