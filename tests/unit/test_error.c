/* test_error.c — err_set may be handed the message it replaces (a caller that adds
 * where to what a check said): issue 23's side bug. */
#include "tap.h"
#include "core/error.h"

#include <string.h>

int main(void)
{
	error e;
	err_set(&e, ST_INVALID, "%s", "The text is too long (at most 65536 bytes)");
	err_set(&e, ST_INVALID, "f.sync:3: field \"%s\": %s; nothing was applied", "body", e.msg);
	is_str(e.msg, "f.sync:3: field \"body\": The text is too long (at most 65536 bytes); "
	              "nothing was applied", "a message that quotes the one it replaces");
	is_int(e.code, ST_INVALID, "and the code is set");
	char big[sizeof e.msg + 10];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	err_set(&e, ST_IO, "%s", big);
	is_int((long long)strlen(e.msg), (long long)sizeof e.msg - 1, "a long message is cut, not overrun");
	err_set(&e, ST_IO, "<%s>", e.msg);
	ok(e.msg[0] == '<' && e.msg[1] == 'x', "and quoting it again starts as it should");
	err_clear(&e);
	is_str(e.msg, "", "cleared");
	return tap_done();
}
