/* list.c — see list.h. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "text/list.h"

const char *list_join_or(const char *const *w, char *buf, size_t n)
{
	char rest[512];
	buf[0] = '\0';
	for (size_t i = 0; w[i]; i++) {
		snprintf(rest, sizeof rest, "%s", buf);
		if (i == 0)
			snprintf(buf, n, "%s", w[i]);
		else if (!w[i + 1])
			/* TRANSLATORS: the last of a list of values: "a, b or c" */
			snprintf(buf, n, _("%s or %s"), rest, w[i]);
		else
			snprintf(buf, n, "%s, %s", rest, w[i]);
	}
	return buf;
}

void list_start(list_iter *it, const char *list, const char *seps, const char *trim)
{
	it->rest = list ? list : "";
	it->seps = seps;
	it->trim = trim ? trim : "";
}

bool list_next(list_iter *it, const char **item, size_t *len)
{
	const char *p = it->rest;
	for (;;) {
		p += strspn(p, it->seps);
		if (!*p) {
			it->rest = p;
			return false;
		}
		const char *start = p;
		size_t n = strcspn(p, it->seps);
		p += n;
		while (n && *start && strchr(it->trim, *start))
			start++, n--;
		while (n && strchr(it->trim, start[n - 1]))
			n--;
		if (n) {
			it->rest = p;
			*item = start;
			*len = n;
			return true;
		}
	}
}
