/* test_text_strbuf.c — text of any length (text/strbuf.c): appends past any fixed size,
 * allocated strings, and a fixed array's cut that shows. */
#include "tap.h"
#include "text/strbuf.h"
#include "text/utf8.h"

#include <stdlib.h>

static bool fitf(char *dst, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool fitf(char *dst, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bool cut = str_vfit(dst, n, fmt, ap);
	va_end(ap);
	return cut;
}

int main(void)
{
	strbuf b = STRBUF_INIT;
	is_str(strbuf_str(&b), "", "an empty buffer reads as \"\"");
	bool all = true;
	for (int i = 0; i < 1000; i++)
		all = strbuf_appendf(&b, "%s%d", i ? "," : "", i) && all;
	ok(all && b.len > 3000 && !b.failed, "a thousand appends grow past any small buffer (%zu bytes)", b.len);
	ok(!strncmp(strbuf_str(&b), "0,1,2,", 6) && !strcmp(strbuf_str(&b) + b.len - 4, ",999"),
	   "they are all there, in order");
	strbuf_append(&b, "+");
	strbuf_appendn(&b, "żółw!", 6);
	ok(!strcmp(strbuf_str(&b) + b.len - 7, "+żół"), "append and appendn (n bytes, not the rest)");
	char *s = strbuf_take(&b);
	ok(s && strlen(s) > 3000 && b.s == NULL && b.len == 0, "take hands the text over and empties");
	free(s);
	s = strbuf_take(&b);
	is_str(s, "", "take of an empty buffer is an allocated \"\"");
	free(s);

	strbuf f = STRBUF_INIT;
	strbuf_append(&f, "kept");
	f.failed = true; /* as after an out-of-memory append */
	ok(!strbuf_append(&f, "more") && !strcmp(strbuf_str(&f), "kept"), "after a failure, appends are refused");
	ok(strbuf_take(&f) == NULL && f.s == NULL, "take after a failure is NULL, and frees");

	char *longname = malloc(5001);
	memset(longname, 'x', 5000);
	longname[5000] = '\0';
	s = str_printf("No town named \"%s\" in the directory", longname);
	ok(s && strlen(s) == 5000 + 33, "str_printf: 5,000 bytes of a name are all there");
	free(s);
	char nowa[] = "Nowa", sol[] = "Sól";
	char *words[] = { nowa, sol, longname };
	s = str_join(words, 3, " ");
	ok(s && !strncmp(s, "Nowa Sól xxx", 12) && strlen(s) == 5010, "str_join");
	free(s);
	s = str_join(words, 0, " ");
	is_str(s, "", "str_join of no words");
	free(s);

	char small[24];
	ok(!str_fit(small, sizeof small, "short"), "str_fit: what fits is not cut");
	is_str(small, "short", "and is copied");
	ok(str_fit(small, sizeof small, "Żółw żółw żółw żółw żółw koniec"), "str_fit: too long is cut");
	ok(utf8_valid(small, strlen(small)) && strstr(small, "…") && strlen(small) < sizeof small,
	   "the cut is valid UTF-8, marked with …, and fits (%s)", small);
	ok(!strncmp(small, "Żółw", 6) && !strcmp(small + strlen(small) - 6, "koniec"),
	   "the head and the end are kept");
	char err[40];
	ok(fitf(err, sizeof err, "No town named \"%s\" in the directory", longname),
	   "str_vfit: a long argument is cut");
	ok(strlen(err) > 18 && !strcmp(err + strlen(err) - 18, "\" in the directory"),
	   "the message's end stays (%s)", err);
	char tiny[3];
	ok(str_fit(tiny, sizeof tiny, "abcdef") && tiny[0] == '\0', "no room for the mark: empty, not a half");
	free(longname);
	return tap_done();
}
