/* error.c — see error.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "core/error.h"

status err_set(error *e, status code, const char *fmt, ...)
{
	if (e) {
		va_list ap;
		e->code = code;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof e->msg, fmt, ap);
		va_end(ap);
	}
	return code;
}

void err_clear(error *e)
{
	if (e) {
		e->code = ST_OK;
		e->msg[0] = '\0';
	}
}
