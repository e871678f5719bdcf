/* test_text_list.c — the one list splitter (text/list.c) as each of its callers uses it. */
#include "tap.h"
#include "text/list.h"

#include <stdlib.h>

/* The items of list joined by "/" (each in brackets so trimming shows). */
static const char *split(const char *list, const char *seps, const char *trim)
{
	static char out[512];
	size_t used = 0;
	list_iter it;
	const char *item;
	size_t len;

	out[0] = '\0';
	list_start(&it, list, seps, trim);
	while (list_next(&it, &item, &len))
		used += (size_t)snprintf(out + used, sizeof out - used, "%s[%.*s]", used ? "/" : "",
		                         (int)len, item);
	return out;
}

int main(void)
{
	/* networks of a practice: numbers, any separator, blanks too */
	is_str(split("2 | 6", LIST_SEPS_BLANK, LIST_TRIM), "[2]/[6]", "numbers by bar");
	is_str(split("1,2;3 4\t5\n6|7", LIST_SEPS_BLANK, LIST_TRIM), "[1]/[2]/[3]/[4]/[5]/[6]/[7]",
	       "numbers by every separator");
	/* meeting keys: blanks inside an item are kept, around it trimmed */
	is_str(split(" n1 a | n2-b ;\tn3\t", LIST_SEPS, LIST_TRIM), "[n1 a]/[n2-b]/[n3]",
	       "keys trimmed of spaces and tabs");
	is_str(split("a,,b;;|c\n\nd", LIST_SEPS, LIST_TRIM), "[a]/[b]/[c]/[d]", "empty items skipped");
	is_str(split(" , ;|\n \t", LIST_SEPS, LIST_TRIM), "", "only separators and blanks: no item");
	is_str(split("", LIST_SEPS, LIST_TRIM), "", "empty list");
	is_str(split(NULL, LIST_SEPS, LIST_TRIM), "", "NULL is an empty list");
	/* the bundled directory's towns: only '|' separates, a comma is part of a name */
	is_str(split("Nowa Sól, gm. | Żary |  | Łódź ", "|", " "), "[Nowa Sól, gm.]/[Żary]/[Łódź]",
	       "bar-only list keeps commas");
	/* a trim set without tab keeps tabs */
	is_str(split(" \ta\t |b", "|", " "), "[\ta\t]/[b]", "only the given characters trimmed");
	is_str(split("a|b", "|", NULL), "[a]/[b]", "NULL trim trims nothing");
	is_str(split(" a |b", "|", ""), "[ a ]/[b]", "empty trim trims nothing");
	/* the meetings screen's attending towns, joined by ", " in core */
	is_str(split("Gniezno, Konin, Piła", ",", " "), "[Gniezno]/[Konin]/[Piła]", "comma list");

	/* items point into the list; the iterator stays done after the end */
	const char *list = "x | yy";
	list_iter it;
	const char *item = NULL;
	size_t len = 0;
	list_start(&it, list, "|", " ");
	ok(list_next(&it, &item, &len) && item == list && len == 1, "first item points into the list");
	ok(list_next(&it, &item, &len) && item == list + 4 && len == 2, "second item");
	ok(!list_next(&it, &item, &len), "no third item");
	ok(!list_next(&it, &item, &len), "still none after the end");

	/* long lists stay linear: 100,000 items */
	size_t n = 100000;
	char *big = malloc(n * 4 + 1);
	if (!big)
		return 1;
	for (size_t i = 0; i < n; i++)
		memcpy(big + i * 4, "ab| ", 4);
	big[n * 4] = '\0';
	size_t count = 0;
	list_start(&it, big, "|", " ");
	while (list_next(&it, &item, &len))
		count += len == 2;
	is_int(count, n, "100,000 items counted");
	free(big);

	/* the other way: a set of values for people (untranslated here: "or") */
	char buf[64];
	const char *const three[] = { "text", "csv", "json", NULL }, *const one[] = { "M", NULL },
	                  *const none[] = { NULL };
	is_str(list_join_or(three, buf, sizeof buf), "text, csv or json", "three joined");
	is_str(list_join_or(three + 1, buf, sizeof buf), "csv or json", "two joined");
	is_str(list_join_or(one, buf, sizeof buf), "M", "one alone");
	is_str(list_join_or(none, buf, sizeof buf), "", "none: empty");
	is_str(list_join_or(three, buf, 9), "text, cs", "cut to the buffer");
	return tap_done();
}
