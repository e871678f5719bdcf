/* error.c — see error.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/error.h"
#include "i18n.h"
#include "text/strbuf.h"

status err_set(error *e, status code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		e->code = code;
		/* Formatted apart first: a caller may quote the message it replaces. A message
		 * longer than the value holds (a user's long name quoted) is cut in the middle,
		 * marked with "…", so its end is still read. */
		char buf[sizeof e->msg];
		va_start(ap, fmt);
		str_vfit(buf, sizeof buf, fmt, ap);
		va_end(ap);
		memcpy(e->msg, buf, sizeof buf);
	}
	return code;
}

status err_oom(error *e)
{
	return err_set(e, ST_INTERNAL, "%s", _("Out of memory"));
}

status err_code(const error *e)
{
	return e && e->code != ST_OK ? e->code : ST_INTERNAL;
}

void err_clear(error *e)
{
	if (e) {
		e->code = ST_OK;
		e->msg[0] = '\0';
	}
}
