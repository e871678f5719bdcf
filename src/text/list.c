/* list.c — see list.h. */
#include "config.h"

#include <string.h>

#include "text/list.h"

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
