/* mbox.c — see mbox.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/directory.h"
#include "core/forum.h"
#include "core/mbox.h"
#include "i18n.h"
#include "text/safe.h"

#define PAGE 500

/* RFC 2047 encoded-word for a header value that is not plain ASCII. */
static void header_text(FILE *f, const char *s)
{
	bool ascii = true;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		ascii = ascii && *p >= 0x20 && *p < 0x7f;
	if (ascii) {
		fputs(s, f);
		return;
	}
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t n = strlen(s);
	/* Encoded words of at most 45 input bytes, cut on a character boundary. */
	for (size_t i = 0; i < n;) {
		size_t len = n - i > 45 ? 45 : n - i;
		while (len && i + len < n && ((unsigned char)s[i + len] & 0xC0) == 0x80)
			len--;
		if (i)
			fputs("\n ", f);
		fputs("=?UTF-8?B?", f);
		for (size_t k = 0; k < len; k += 3) {
			unsigned v = (unsigned char)s[i + k] << 16;
			if (k + 1 < len)
				v |= (unsigned char)s[i + k + 1] << 8;
			if (k + 2 < len)
				v |= (unsigned char)s[i + k + 2];
			fputc(b64[(v >> 18) & 63], f);
			fputc(b64[(v >> 12) & 63], f);
			fputc(k + 1 < len ? b64[(v >> 6) & 63] : '=', f);
			fputc(k + 2 < len ? b64[v & 63] : '=', f);
		}
		fputs("?=", f);
		i += len;
	}
}

static void rfc2822_date(const char *iso, char *buf, size_t n, char *from_date, size_t fn)
{
	struct tm tm = { 0 };
	int y = 1970, mo = 1, d = 1, h = 0, mi = 0, s = 0;
	sscanf(iso, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s);
	tm.tm_year = y - 1900, tm.tm_mon = mo - 1, tm.tm_mday = d;
	tm.tm_hour = h, tm.tm_min = mi, tm.tm_sec = s;
	time_t t = timegm(&tm);
	gmtime_r(&t, &tm);
	/* Dates in mail headers are English by definition, whatever the locale. */
	static const char *const wd[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mn[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	snprintf(buf, n, "%s, %d %s %d %02d:%02d:%02d +0000", wd[tm.tm_wday], tm.tm_mday,
	         mn[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	snprintf(from_date, fn, "%s %s %2d %02d:%02d:%02d %d", wd[tm.tm_wday], mn[tm.tm_mon],
	         tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
}

static void write_post(FILE *f, const thread *t, const post *p)
{
	char date[64], from_date[64];
	rfc2822_date(p->created_at, date, sizeof date, from_date, sizeof from_date);
	fprintf(f, "From %s@empirie.invalid %s\n", p->author_login, from_date);
	fprintf(f, "Message-ID: <post-%lld@empirie.invalid>\n", (long long)p->id);
	if (p->parent_id)
		fprintf(f, "In-Reply-To: <post-%lld@empirie.invalid>\n", (long long)p->parent_id);
	if (p->path_len > 8) {
		/* The path holds the ancestors' ids, the thread's first post first; past 16
		 * levels only the first ones (forum_rows.h), so the parent, which mail readers
		 * take from the end of References, is added when it is not the last. */
		fputs("References:", f);
		unsigned long long id = 0;
		for (size_t k = 0; k + 8 < p->path_len; k += 8) {
			id = 0;
			for (size_t b = 0; b < 8; b++)
				id = id << 8 | p->path[k + b];
			fprintf(f, " <post-%llu@empirie.invalid>", id);
		}
		if (p->parent_id && id != (unsigned long long)p->parent_id)
			fprintf(f, " <post-%lld@empirie.invalid>", (long long)p->parent_id);
		fputc('\n', f);
	}
	char *name = safe_utf8(p->author, (size_t)-1, 0);
	fputs("From: ", f);
	header_text(f, name ? name : "?");
	fprintf(f, " <%s@empirie.invalid>\n", p->author_login);
	free(name);
	fprintf(f, "Date: %s\n", date);
	char *title = safe_utf8(t->title, (size_t)-1, 0);
	char *subject = NULL;
	if (title && asprintf(&subject, "%s%s", p->parent_id ? "Re: " : "", title) < 0)
		subject = NULL;
	fputs("Subject: ", f);
	header_text(f, subject ? subject : "");
	fputc('\n', f);
	free(title);
	free(subject);
	fprintf(f, "X-Empirie-Network: %d\nX-Empirie-Thread: %lld\n", t->network_number,
	        (long long)t->id);
	fputs("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
	      "Content-Transfer-Encoding: 8bit\n\n", f);
	char *body = safe_utf8(p->body, (size_t)-1, SAFE_MULTILINE | SAFE_TABS);
	/* mboxrd: a body line starting with "From " (after any '>') gets one more '>'. */
	for (const char *line = body ? body : ""; *line;) {
		size_t len = strcspn(line, "\n");
		const char *q = line;
		while (q < line + len && *q == '>')
			q++;
		if ((size_t)(line + len - q) >= 5 && strncmp(q, "From ", 5) == 0)
			fputc('>', f);
		fwrite(line, 1, len, f);
		fputc('\n', f);
		line += len;
		if (*line == '\n')
			line++;
	}
	free(body);
	fputc('\n', f);
}

static status thread_posts(db *d, const account *a, const thread *t, FILE *out, error *e)
{
	post last;
	bool have = false;
	status s;
	for (;;) {
		post_list l;
		if ((s = forum_posts_page(d, a, t->id, have ? &last : NULL, false, PAGE, &l, e)) != ST_OK)
			break;
		for (size_t i = 0; i < l.n; i++)
			write_post(out, t, &l.items[i]);
		if (have)
			post_clear(&last);
		have = l.n == PAGE && post_copy(&l.items[l.n - 1], &last, e) == ST_OK;
		post_list_free(&l);
		if (!have)
			break;
	}
	if (have)
		post_clear(&last);
	return s;
}

status export_mbox(db *d, const account *a, int number, FILE *out, error *e)
{
	network_list nets;
	status s = directory_networks(d, a, &nets, e);
	if (s != ST_OK)
		return s;
	bool found = number == 0;
	for (size_t n = 0; n < nets.n && s == ST_OK; n++) {
		if (number && nets.items[n].number != number)
			continue;
		found = true;
		thread_key key;
		bool first = true, more = true;
		while (more && s == ST_OK) {
			thread_list l;
			s = forum_threads_page(d, a, nets.items[n].id, first ? NULL : &key, false, PAGE, &l, e);
			if (s != ST_OK)
				break;
			for (size_t i = 0; i < l.n && s == ST_OK; i++)
				s = thread_posts(d, a, &l.items[i], out, e);
			more = l.n == PAGE;
			if (l.n)
				thread_key_of(&l.items[l.n - 1], &key);
			first = false;
			thread_list_free(&l);
		}
	}
	network_list_free(&nets);
	if (s == ST_OK && !found)
		return err_set(e, ST_NOTFOUND, _("No network number %d"), number);
	if (s == ST_OK && ferror(out))
		return err_set(e, ST_IO, _("Cannot write the export"));
	return s;
}
